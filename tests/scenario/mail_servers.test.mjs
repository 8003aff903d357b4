// Two `plenary serve` processes on one PostgreSQL database, both delivering the mail outbox to
// one SMTP sink (tests/lib/smtp_sink.py): every queued mail reaches the sink exactly once,
// because each server claims due rows (FOR UPDATE SKIP LOCKED, with a lease) before sending.
// Needs the throwaway cluster of scripts/pg-test-cluster.sh (PLENARY_TEST_POSTGRES).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startServer, psql } from '../lib/server.mjs';

const SINK = resolve(import.meta.dirname, '../lib/smtp_sink.py');
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const MAILS = 60;

function freePort() {
  return new Promise((ok, fail) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => ok(port)); });
    s.on('error', fail);
  });
}

function startSink(port, file) {
  const proc = spawn(PYTHON, [SINK, String(port), file], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  proc.stderr.on('data', (d) => { err += d; });
  const exited = new Promise((ok) => proc.on('exit', ok));
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error('smtp sink did not start: ' + err)), 15000);
    proc.stdout.on('data', (d) => {
      if (String(d).includes('listening')) {
        clearTimeout(timer);
        ok({ async stop() { proc.kill('SIGTERM'); await exited; } });
      }
    });
    proc.on('exit', (code) => { clearTimeout(timer); fail(new Error(`smtp sink exited ${code}: ${err}`)); });
  });
}

function mails(file) {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
}

test('two servers on one PostgreSQL database send every queued mail exactly once',
  { skip: !process.env.PLENARY_TEST_POSTGRES && 'needs PLENARY_TEST_POSTGRES (scripts/pg-test-cluster.sh)' },
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plenary-mail2-'));
    const file = join(dir, 'mail.jsonl');
    const port = await freePort();
    const sink = await startSink(port, file);
    // A first server without an SMTP host makes the database; the mails are queued in it.
    const first = await startServer({ postgres: true, demo: false, dir });
    await first.stop({ keep: true });
    const conninfo = first.db;
    const now = Math.floor(Date.now() / 1000);
    psql(`INSERT INTO mail_outbox (recipient, subject, body, created_at, next_attempt_at)
          SELECT 'm' || i || '@example.org', 'Mail ' || i, 'Body ' || i, ${now}, ${now}
          FROM generate_series(1, ${MAILS}) AS i`, conninfo);
    assert.equal(psql('SELECT count(*) FROM mail_outbox WHERE sent_at IS NULL', conninfo).trim(), String(MAILS));
    const args = ['--smtp-host', '127.0.0.1', '--smtp-port', String(port)];
    const [a, b] = await Promise.all([
      startServer({ postgres: true, demo: false, dir, args }),
      startServer({ postgres: true, demo: false, dir, args }),
    ]);
    try {
      const end = Date.now() + 60000;
      while (Date.now() < end &&
             psql('SELECT count(*) FROM mail_outbox WHERE sent_at IS NULL', conninfo).trim() !== '0') {
        await sleep(200);
      }
      await sleep(1500);  // a duplicate sent late would arrive now
      const got = mails(file).map((m) => m.rcpt_tos.join(','));
      const expected = Array.from({ length: MAILS }, (_, i) => `m${i + 1}@example.org`);
      assert.deepEqual([...got].sort(), [...expected].sort(), 'each queued mail once at the sink');
      assert.equal(psql('SELECT count(*) FROM mail_outbox WHERE sent_at IS NOT NULL AND attempts = 1', conninfo).trim(),
        String(MAILS), 'every row sent at its first attempt');
    } finally {
      await a.stop({ keep: true });
      await b.stop();
      await sink.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
