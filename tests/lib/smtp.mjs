// The local mail sink of the tests: Debian's python3-aiosmtpd running tests/lib/smtp_sink.py on a
// loopback port, writing each mail it receives as one JSON line of a file.
import net from 'node:net';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const SINK = resolve(import.meta.dirname, 'smtp_sink.py');
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

// A loopback port free at the time of asking.
export function freePort() {
  return new Promise((ok, fail) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => ok(port)); });
    s.on('error', fail);
  });
}

// Starts the sink on `port`, writing to `file`; resolves once it listens.
export function startSink(port, file) {
  const proc = spawn(PYTHON, [SINK, String(port), file], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  proc.stderr.on('data', (d) => { err += d; });
  const exited = new Promise((ok) => proc.on('exit', ok));
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error('smtp sink did not start: ' + err)), 15000);
    proc.stdout.on('data', (d) => {
      if (String(d).includes('listening')) {
        clearTimeout(timer);
        ok({ proc, async stop() { proc.kill('SIGTERM'); await exited; } });
      }
    });
    proc.on('exit', (code) => { clearTimeout(timer); fail(new Error(`smtp sink exited ${code}: ${err}`)); });
  });
}

// The mails the sink has written to `file` so far.
export function mails(file) {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
}
