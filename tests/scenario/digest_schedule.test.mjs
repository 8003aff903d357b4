// The daily digest sent by the server itself (`serve --digest-hour H --digest-interval S`), with
// nobody asking for it: here from hour 0 (any time of the UTC day) every second. A participant
// following a body gets, through a real SMTP sink on loopback, one digest in their language
// naming the body's new document; a document added after it waits for the next day (no second
// digest within the same day, though the scheduler keeps running); an hour out of range is
// refused at start.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort, startSink, mails } from '../lib/smtp.mjs';
import { startServer, Client, BIN, jsonOf, dateFromNow } from '../lib/server.mjs';

const run = promisify(execFile);
const PASSWORD = 'a long enough password';
let server, sink, dir, file, staff;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'plenary-digest-'));
  file = join(dir, 'mail.jsonl');
  const port = await freePort();
  sink = await startSink(port, file);
  server = await startServer({ args: ['--smtp-host', '127.0.0.1', '--smtp-port', String(port),
    '--mail-from', 'plenary@example.int', '--mail-retry-seconds', '1', '--smtp-timeout', '5',
    '--digest-hour', '0', '--digest-interval', '1', '--public-url', 'https://plenary.example.int',
    '--logins-per-ip-per-minute', '0', '--logins-per-account-per-minute', '0'] });
  staff = await new Client(server.url).login();
  // A first digest covers what appeared from the second of the follow on: follow in a later
  // second than the one the demo was loaded in, or its consultations count as new.
  await sleep(1100);
});
after(async () => {
  await server?.stop();
  await sink?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

// The French digest's subject, written here by hand.
const SUBJECT_FR = 'Les nouveautés de ce que vous suivez sur Plenary';
const digestsTo = (to) => mails(file).filter((m) => m.rcpt_tos.includes(to) && m.subject === SUBJECT_FR);

async function document(symbol, title) {
  await jsonOf(staff.json('/api/v1/documents', { symbol, body: 'cwg-internet', date: dateFromNow(-1).iso,
    source_kind: 'secretariat', access: 'public', status: 'issued', title }), 201);
}

test('the scheduler sends a follower one digest a day without being asked', async () => {
  const email = 'scheduled.reader@example.org';
  await jsonOf(staff.json('/api/v1/users', { email, name: 'Scheduled Reader', role: 'public', password: PASSWORD }), 201);
  const reader = await new Client(server.url).login({ email, password: PASSWORD });
  await jsonOf(reader.json('/api/v1/follows', { kind: 'body', id: 'cwg-internet', language: 'fr' }), 201);
  // Let the scheduler run once with nothing new for this follower: no mail, the period carries over.
  await sleep(1500);
  assert.equal(digestsTo(email).length, 0, 'nothing new, no digest');
  await document('C22/INF/901', { en: 'Scheduled digest test', fr: 'Essai du résumé programmé' });

  const end = Date.now() + 15000;
  while (digestsTo(email).length === 0 && Date.now() < end) await sleep(200);
  const [digest] = digestsTo(email);
  assert.ok(digest, `a digest within 15 s; got ${JSON.stringify(mails(file).map((m) => [m.rcpt_tos, m.subject]))}`);
  const body = digest.body.replace(/\r\n/g, '\n');
  assert.match(body, /Essai du résumé programmé/, 'the new document, in French');
  assert.match(body, /https:\/\/plenary\.example\.int\/fr\//, 'links to the French pages');

  // Another document the same day: the scheduler keeps running, but the day's digest is sent.
  await document('C22/INF/902', { en: 'Second scheduled test', fr: 'Second essai' });
  await sleep(3000);
  assert.equal(digestsTo(email).length, 1, 'one digest a day');
});

test('an hour out of range is refused at start', async () => {
  const d = mkdtempSync(join(tmpdir(), 'plenary-digest-bad-'));
  try {
    await assert.rejects(run(BIN, ['serve', '--db', join(d, 'x.db'), '--port', '0', '--digest-hour', '24'],
      { timeout: 10000 }), (e) => e.code !== 0 && /digest-hour/.test(e.stderr + e.stdout));
  } finally {
    rmSync(d, { recursive: true, force: true });
  }
});
