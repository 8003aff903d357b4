// Two `plenary serve` processes on one PostgreSQL database, both delivering the mail outbox to
// one SMTP sink (tests/lib/smtp_sink.py): every queued mail reaches the sink exactly once,
// because each server claims due rows (FOR UPDATE SKIP LOCKED, with a lease) before sending;
// and the confirmation mails of responses, still due in `confirmation_mails` when both start,
// are each queued once by one of their two ConfirmationMailers (claimed the same way).
// Needs the throwaway cluster of scripts/pg-test-cluster.sh (PLENARY_TEST_POSTGRES).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort, startSink, mails } from '../lib/smtp.mjs';
import { startServer, psql } from '../lib/server.mjs';

const MAILS = 60;

test('two servers on one PostgreSQL database send every queued mail exactly once',
  { skip: !process.env.PLENARY_TEST_POSTGRES && 'needs PLENARY_TEST_POSTGRES (scripts/pg-test-cluster.sh)' },
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plenary-mail2-'));
    const file = join(dir, 'mail.jsonl');
    const port = await freePort();
    const sink = await startSink(port, file);
    // A first server without an SMTP host makes the database (with the demo's responses); the
    // mails are queued in it, and every response's confirmation mail is made due.
    const first = await startServer({ postgres: true, dir });
    await first.stop({ keep: true });
    const conninfo = first.db;
    const now = Math.floor(Date.now() / 1000);
    psql(`INSERT INTO mail_outbox (recipient, subject, body, created_at, next_attempt_at)
          SELECT 'm' || i || '@example.org', 'Mail ' || i, 'Body ' || i, ${now}, ${now}
          FROM generate_series(1, ${MAILS}) AS i`, conninfo);
    assert.equal(psql('SELECT count(*) FROM mail_outbox WHERE sent_at IS NULL', conninfo).trim(), String(MAILS));
    psql(`UPDATE responses SET email = 'c' || id || '@example.org';
          INSERT INTO confirmation_mails (response_id, language) SELECT id, 'en' FROM responses`, conninfo);
    const due = psql('SELECT id FROM responses ORDER BY id', conninfo).trim().split('\n').map((l) => l.trim());
    assert.ok(due.length >= 20, `the demo's responses: ${due.length}`);
    const args = ['--smtp-host', '127.0.0.1', '--smtp-port', String(port)];
    const [a, b] = await Promise.all([
      startServer({ postgres: true, demo: false, dir, args }),
      startServer({ postgres: true, demo: false, dir, args }),
    ]);
    try {
      const end = Date.now() + 60000;
      while (Date.now() < end &&
             (psql('SELECT count(*) FROM mail_outbox WHERE sent_at IS NULL', conninfo).trim() !== '0' ||
              psql('SELECT count(*) FROM confirmation_mails', conninfo).trim() !== '0')) {
        await sleep(200);
      }
      await sleep(1500);  // a duplicate sent late would arrive now
      const got = mails(file).map((m) => m.rcpt_tos.join(','));
      const expected = [...Array.from({ length: MAILS }, (_, i) => `m${i + 1}@example.org`),
        ...due.map((id) => `c${id}@example.org`)];
      assert.deepEqual([...got].sort(), [...expected].sort(), 'each queued mail once at the sink');
      assert.equal(psql('SELECT count(*) FROM mail_outbox WHERE sent_at IS NOT NULL AND attempts = 1', conninfo).trim(),
        String(expected.length), 'every row sent at its first attempt');
    } finally {
      await a.stop({ keep: true });
      await b.stop();
      await sink.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
