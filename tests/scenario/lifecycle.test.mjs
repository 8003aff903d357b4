// Process-level guarantees: durability across a crash, graceful shutdown, the CLI.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { connect } from 'node:net';
import { startServer, Client, BIN, jsonOf, POSTGRES, psql } from '../lib/server.mjs';

const body = { name: 'Durable', country: 'CH', stakeholder_type: 'individual', email: 'd@example.org', answers: { 1: 'Kept.' } };

test('an acknowledged response survives a crash of the server (kill -9)', async () => {
  const s1 = await startServer();
  const res = await new Client(s1.url).json('/api/v1/consultations/ai-public-policy/responses', body);
  assert.equal(res.status, 201);
  const { reference } = await res.json();
  s1.proc.kill('SIGKILL');
  await s1.exited;
  const s2 = await startServer({ dir: s1.dir });
  try {
    const got = await new Client(s2.url).fetch(`/api/v1/receipts/${reference}`);
    assert.equal(got.status, 200);
  } finally {
    await s2.stop();
  }
});

test('SIGTERM lets the server finish the request it is reading, answer it, and exit cleanly', async () => {
  const s = await startServer();
  // Half a response is on the wire when the signal comes; the rest follows after it.
  const payload = JSON.stringify({ ...body, name: 'Sent across a SIGTERM' });
  const { port } = new URL(s.url);
  const socket = connect(Number(port), '127.0.0.1');
  await new Promise((ok) => socket.once('connect', ok));
  let answer = '';
  socket.on('data', (d) => { answer += d; });
  const closed = new Promise((ok) => socket.once('close', ok));
  socket.write(`POST /api/v1/consultations/ai-public-policy/responses HTTP/1.1\r\nHost: x\r\n` +
    `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(payload)}\r\n\r\n` +
    payload.slice(0, 20));
  await new Promise((r) => setTimeout(r, 300));
  s.proc.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(s.proc.exitCode, null, 'the server waits for the request it is reading');
  socket.end(payload.slice(20));
  await closed;
  assert.match(answer, /^HTTP\/1\.1 201 /);
  assert.match(answer, /connection: close/i);
  const { code } = await s.exited;
  assert.equal(code, 0);
  // New connections are refused once the server stops accepting.
  await assert.rejects(new Client(s.url).fetch('/api/v1/ping'));
  await s.stop();
});

test('plenary --help lists every subcommand; an empty database gets the demo unless --no-demo', async () => {
  const help = execFileSync(BIN, ['--help']).toString();
  for (const sub of ['serve', 'migrate', 'seed-demo', 'user', 'report', 'backup', 'restore']) assert.match(help, new RegExp(`\\b${sub}\\b`));
  const empty = await startServer({ demo: false });
  try {
    const list = await jsonOf(new Client(empty.url).fetch('/api/v1/consultations'));
    assert.deepEqual(list.items, []);
  } finally {
    await empty.stop({ keep: true });
  }
  const out = execFileSync(BIN, ['--db', empty.db, 'seed-demo']).toString();
  assert.match(out, /demo corpus loaded/);
  let failed = false;
  try { execFileSync(BIN, ['--db', empty.db, 'seed-demo'], { stdio: 'pipe' }); } catch (e) { failed = true; assert.match(String(e.stderr), /not empty/); }
  assert.ok(failed, 'seed-demo twice must fail');
  const report = execFileSync(BIN, ['--db', empty.db, 'report', 'environment', '--lang', 'zh']).toString();
  assert.match(report, /20份回复/);
  // Durable commits: SQLite in WAL mode; PostgreSQL with synchronous_commit on (its default).
  const durable = POSTGRES ? ['synchronous_commit', psql('SHOW synchronous_commit', empty.db).trim()]
    : ['journal_mode', execFileSync('sqlite3', [empty.db, 'PRAGMA journal_mode;']).toString().trim()];
  assert.deepEqual(durable, POSTGRES ? ['synchronous_commit', 'on'] : ['journal_mode', 'wal']);
});
