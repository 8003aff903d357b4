#!/usr/bin/python3
"""A tiny SMTP sink for the scenario tests (Debian's python3-aiosmtpd).

Usage: smtp_sink.py PORT OUTPUT.jsonl
Listens on 127.0.0.1:PORT and appends each message it receives to OUTPUT.jsonl as one JSON line:
{"mail_from", "rcpt_tos", "subject", "body", "raw"} (subject and body decoded). Prints
"smtp sink listening on PORT" once ready; stops on SIGTERM or SIGINT.
"""
import email
import email.policy
import json
import signal
import sys
import threading

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, path):
        self.path = path
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        raw = envelope.original_content or envelope.content
        if isinstance(raw, str):
            raw = raw.encode('utf-8')
        msg = email.message_from_bytes(raw, policy=email.policy.default)
        body = msg.get_body(preferencelist=('plain',))
        record = {
            'mail_from': envelope.mail_from,
            'rcpt_tos': envelope.rcpt_tos,
            'subject': str(msg['subject']),
            'content_type': msg.get_content_type(),
            'charset': msg.get_content_charset(),
            'transfer_encoding': str(msg.get('content-transfer-encoding', '')),
            'body': body.get_content() if body is not None else '',
            'raw': raw.decode('utf-8', 'replace'),
        }
        with self.lock, open(self.path, 'a', encoding='utf-8') as f:
            f.write(json.dumps(record, ensure_ascii=False) + '\n')
        return '250 OK'


def main():
    port, path = int(sys.argv[1]), sys.argv[2]
    controller = Controller(Sink(path), hostname='127.0.0.1', port=port)
    controller.start()
    print(f'smtp sink listening on {port}', flush=True)
    done = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: done.set())
    signal.signal(signal.SIGINT, lambda *_: done.set())
    done.wait()
    controller.stop()


if __name__ == '__main__':
    main()
