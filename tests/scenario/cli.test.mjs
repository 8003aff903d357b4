// The command line: `--db FILE` is a global option, accepted before the subcommand
// (`plenary --db FILE serve`) and after it (`plenary serve --db FILE`), for every subcommand.
// Each command runs in an empty working directory, so a `--db` that were ignored would show as
// a `plenary.db` created there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, ADMIN, startServer, Client } from '../lib/server.mjs';

test('plenary serve --db FILE serves FILE', async () => {
  const cwd = mkdtempSync(join(tmpdir(), 'plenary-cwd-'));
  const server = await startServer({ dbAfterSubcommand: true, cwd });
  try {
    const res = await fetch(server.url + '/api/v1/consultations/ai-public-policy');
    assert.equal(res.status, 200);
    assert.equal((await res.json()).status, 'open', 'the demo was loaded into FILE and is open');
    // The account `plenary user add --db FILE` created is in the database the server uses.
    await new Client(server.url).login(ADMIN);
    assert.ok(existsSync(server.db), `${server.db} exists`);
    assert.deepEqual(readdirSync(cwd), [], 'nothing was written to the working directory');
  } finally {
    await server.stop();
    rmSync(cwd, { recursive: true, force: true });
  }
});

test('every subcommand takes --db before or after its name', () => {
  const cwd = mkdtempSync(join(tmpdir(), 'plenary-cwd-'));
  const dir = mkdtempSync(join(tmpdir(), 'plenary-cli-'));
  const run = (...args) => execFileSync(BIN, args, { cwd, stdio: 'pipe', encoding: 'utf8', timeout: 20000,
    env: { ...process.env, PLENARY_PASSWORD: 'correct horse battery staple' } });
  try {
    const db = join(dir, 'a.db');
    assert.equal(run('seed-demo', '--db', db), `demo corpus loaded into ${db}\n`);
    const version = run('migrate', '--db', db);
    assert.match(version, /^schema version \d+\n$/);
    assert.equal(run('--db', db, 'migrate'), version);
    const paragraph = run('report', 'environment', '--db', db);
    assert.match(paragraph, /20 responses/);
    assert.equal(run('--db', db, 'report', 'environment'), paragraph);
    assert.equal(run('report', '--db', db, 'environment', '--lang', 'en'), paragraph);
    assert.match(run('user', 'add', '--db', db, '--email', 'cli@example.int', '--name', 'CLI'),
      /^user \d+ cli@example\.int \(secretariat\) created\n$/);
    // The account is in `db`: adding it again through the other spelling is refused.
    assert.throws(() => run('--db', db, 'user', 'add', '--email', 'cli@example.int', '--name', 'CLI'),
      (e) => /already exists/.test(String(e.stderr)));
    assert.match(run('purge-ip', '--db', db, '--ip-retention-days', '30'), /^0 IP address\(es\) older than 30 day\(s\) erased\n$/);
    const copy = join(dir, 'copy.db');
    assert.equal(run('backup', '--db', db, copy), `backup of ${db} written to ${copy}\n`);
    const restored = join(dir, 'restored.db');
    assert.equal(run('restore', copy, '--db', restored), `${restored} restored from ${copy}\n`);
    assert.equal(run('report', 'environment', '--db', restored), paragraph);
    // An option that neither the subcommand nor the main command knows is still refused.
    for (const args of [['migrate', '--no-such-option', '--db', db], ['serve', '--no-such-option', '--db', db]])
      assert.throws(() => run(...args), (e) => e.status !== 0 && /not expected: --no-such-option/.test(String(e.stderr)),
        args.join(' '));
    assert.deepEqual(readdirSync(cwd), [], 'nothing was written to the working directory');
  } finally {
    rmSync(cwd, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  }
});
