// `plenary backup` under a running write load and `plenary restore`: every response acknowledged
// before the backup began is in the restored database; refusals leave the files as they were.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startServer, Client, BIN } from '../lib/server.mjs';

const run = promisify(execFile);
const RESPONSES = '/api/v1/consultations/ai-public-policy/responses';

// Runs `plenary --db DB ...args` without blocking the event loop (the load goes on meanwhile).
function plenary(db, ...args) {
  return run(BIN, ['--db', db, ...args]);
}

// Runs it and returns { code, stderr } whether it succeeds or not.
async function plenaryStatus(db, ...args) {
  try {
    const { stdout, stderr } = await plenary(db, ...args);
    return { code: 0, stdout, stderr };
  } catch (e) {
    return { code: e.code, stdout: String(e.stdout), stderr: String(e.stderr) };
  }
}

function integrity(db) {
  return execFileSync('sqlite3', [db, 'PRAGMA integrity_check;']).toString().trim();
}

// `loops` concurrent writers posting responses until stop(); each acknowledged (201) response is
// recorded with the time its acknowledgement arrived (performance.now()).
function writeLoad(url, loops = 8) {
  const acked = [];
  let running = true;
  let failures = 0;
  const workers = Array.from({ length: loops }, async (_, w) => {
    const client = new Client(url);
    for (let i = 0; running; i++) {
      const res = await client.json(RESPONSES, {
        name: `Load ${w}-${i}`, country: 'CH', stakeholder_type: 'individual',
        email: `load-${w}-${i}@example.org`, answers: { 1: `Answer ${i} from writer ${w}.` },
      });
      const at = performance.now();
      if (res.status === 201) {
        acked.push({ reference: (await res.json()).reference, at });
      } else {
        await res.arrayBuffer();
        failures++;
        if (res.status === 429 || res.status === 503) await new Promise((r) => setTimeout(r, 20));
        else throw new Error(`unexpected ${res.status} from the write load`);
      }
    }
  });
  return {
    acked,
    failures: () => failures,
    async stop() { running = false; await Promise.all(workers); },
  };
}

// GETs /api/v1/receipts/{ref} for every reference, 16 at a time; returns those not answered 200.
async function missingReceipts(url, references) {
  const client = new Client(url);
  const missing = [];
  let next = 0;
  await Promise.all(Array.from({ length: 16 }, async () => {
    while (next < references.length) {
      const ref = references[next++];
      const res = await client.fetch(`/api/v1/receipts/${ref}`);
      await res.arrayBuffer();
      if (res.status !== 200) missing.push(`${ref} (${res.status})`);
    }
  }));
  return missing;
}

test('a backup under a write load holds every write acknowledged before it began', async (t) => {
  const work = mkdtempSync(join(tmpdir(), 'plenary-backup-'));
  const backup = join(work, 'backup.db');
  const server = await startServer();
  let restored;
  try {
    const load = writeLoad(server.url);
    while (load.acked.length < 200) await new Promise((r) => setTimeout(r, 20));
    const began = performance.now();
    const result = await plenaryStatus(server.db, 'backup', backup);
    const finished = performance.now();
    assert.equal(result.code, 0, `backup failed: ${result.stderr}`);
    await new Promise((r) => setTimeout(r, 300));  // the load goes on after the backup too
    await load.stop();
    await server.stop({ keep: true });

    const before = load.acked.filter((a) => a.at < began).map((a) => a.reference);
    const during = load.acked.filter((a) => a.at >= began && a.at <= finished).length;
    const after = load.acked.filter((a) => a.at > finished).length;
    t.diagnostic(`acknowledged: ${before.length} before the backup, ${during} while it ran, ` +
      `${after} after; ${load.failures()} refused (429/503)`);
    assert.ok(before.length >= 200);
    assert.ok(during > 0, 'no write was acknowledged while the backup ran');
    assert.ok(after > 0, 'the load did not go on after the backup');
    assert.equal(integrity(backup), 'ok');

    const restoredDir = mkdtempSync(join(tmpdir(), 'plenary-restored-'));
    const restoredDb = join(restoredDir, 'plenary.db');
    const r = await plenaryStatus(restoredDb, 'restore', backup);
    assert.equal(r.code, 0, `restore failed: ${r.stderr}`);
    assert.equal(integrity(restoredDb), 'ok');
    const mode = execFileSync('sqlite3', [restoredDb, 'PRAGMA journal_mode;']).toString().trim();
    assert.equal(mode, 'wal');

    restored = await startServer({ dir: restoredDir });
    const missing = await missingReceipts(restored.url, before);
    assert.deepEqual(missing, [], `${missing.length} of ${before.length} acknowledged are missing`);
    // The restored server takes new writes.
    const res = await new Client(restored.url).json(RESPONSES, {
      name: 'After restore', country: 'CH', stakeholder_type: 'individual',
      email: 'after@example.org', answers: { 1: 'Still open.' },
    });
    assert.equal(res.status, 201);
  } finally {
    if (restored) await restored.stop();
    await server.stop();
    rmSync(work, { recursive: true, force: true });
  }
});

test('backup refuses a destination that exists and leaves it alone', async () => {
  const work = mkdtempSync(join(tmpdir(), 'plenary-backup-'));
  const server = await startServer();
  try {
    const dest = join(work, 'exists.db');
    writeFileSync(dest, 'precious');
    const r = await plenaryStatus(server.db, 'backup', dest);
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /^error: destination: .*already exists/m);
    assert.equal(readFileSync(dest, 'utf8'), 'precious');
  } finally {
    await server.stop();
    rmSync(work, { recursive: true, force: true });
  }
});

test('restore of a file that is not a backup fails and leaves the database untouched', async () => {
  const work = mkdtempSync(join(tmpdir(), 'plenary-backup-'));
  const s1 = await startServer();
  let s2;
  try {
    const res = await new Client(s1.url).json(RESPONSES, {
      name: 'Kept', country: 'CH', stakeholder_type: 'individual', email: 'kept@example.org',
      answers: { 1: 'Kept.' },
    });
    assert.equal(res.status, 201);
    const { reference } = await res.json();
    await s1.stop({ keep: true });
    const original = readFileSync(s1.db);

    const junk = join(work, 'junk.db');
    writeFileSync(junk, 'This is a text file, not a SQLite database.\n'.repeat(100));
    const r = await plenaryStatus(s1.db, 'restore', junk);
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /^error: backup: .*not a usable Plenary backup/m);
    assert.ok(readFileSync(s1.db).equals(original), 'the database file changed');

    s2 = await startServer({ dir: s1.dir });
    assert.equal((await new Client(s2.url).fetch(`/api/v1/receipts/${reference}`)).status, 200);
  } finally {
    if (s2) await s2.stop();
    await s1.stop();
    rmSync(work, { recursive: true, force: true });
  }
});

test('restore refuses while a server has the database open', async () => {
  const work = mkdtempSync(join(tmpdir(), 'plenary-backup-'));
  const server = await startServer();
  try {
    const backup = join(work, 'backup.db');
    assert.equal((await plenaryStatus(server.db, 'backup', backup)).code, 0);
    const r = await plenaryStatus(server.db, 'restore', backup);
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /^error: database: .*open in another process/m);
    const list = await new Client(server.url).fetch('/api/v1/consultations');
    assert.equal(list.status, 200);
  } finally {
    await server.stop();
    rmSync(work, { recursive: true, force: true });
  }
});
