// Starts a real `plenary serve` on a free loopback port with a fresh database, for tests.
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const BIN = process.env.PLENARY_BIN || resolve(import.meta.dirname, '../../build/plenary');
export const ADMIN = { email: 'secretariat@example.int', password: 'correct horse battery staple' };

// Options: demo (default true), args (extra serve flags), dir (reuse a database folder),
// dbAfterSubcommand (write `serve --db FILE` and `user add --db FILE` instead of putting
// `--db FILE` first), cwd (the server's working directory).
// Every test client comes from 127.0.0.1, so the per-address submission limit is lifted
// unless a test sets it (tests/scenario/throttle.test.mjs), and /metrics is served to the
// loopback address (--metrics-from loopback) and one address may hold any number of
// connections, unless a test sets --metrics-from or --max-connections-per-address.
// postgres: true puts the server on PostgreSQL whatever PLENARY_TEST_BACKEND says (two servers
// given the same `dir` share one database; stop all but the last with { keep: true }).
// `defaultLimits`: keep the server's own sign-in limits; otherwise a test signs in as often as
// it needs (the browser suites sign the secretariat in once per language and test, more than
// the account's burst of 5 a minute), unless its `args` set a sign-in limit themselves.
export async function startServer({ demo = true, args = [], dir, dbAfterSubcommand = false, cwd, postgres = POSTGRES,
  defaultLimits = false } = {}) {
  dir = dir || mkdtempSync(join(tmpdir(), 'plenary-test-'));
  const db = databaseFor(dir, postgres);
  const command = (...words) => (dbAfterSubcommand ? [...words, '--db', db] : ['--db', db, ...words]);
  try {
    execFileSync(BIN, [...command('user', 'add'), '--email', ADMIN.email, '--name', 'Test Secretariat',
      '--role', 'admin'], { env: { ...process.env, PLENARY_PASSWORD: ADMIN.password }, stdio: 'pipe', cwd });
  } catch (e) {
    if (!String(e.stderr).includes('already exists')) throw e;
  }
  const limits = args.some((a) => a.startsWith('--submissions-per-ip')) ? [] : ['--submissions-per-ip-per-minute', '0'];
  // The tests read /metrics from 127.0.0.1 without signing in, unless a test chooses.
  if (!args.includes('--metrics-from')) limits.push('--metrics-from', 'loopback');
  if (!defaultLimits && !args.some((a) => a.startsWith('--logins-per')))
    limits.push('--logins-per-ip-per-minute', '0', '--logins-per-account-per-minute', '0');
  // Load tests open hundreds of connections from 127.0.0.1 at once.
  if (!args.includes('--max-connections-per-address')) limits.push('--max-connections-per-address', '100000');
  const proc = spawn(BIN, [...command('serve'), '--listen', '127.0.0.1:0', ...(demo ? [] : ['--no-demo']), ...limits, ...args],
    { stdio: ['ignore', 'pipe', 'pipe'], cwd });
  let stderr = '';
  proc.stderr.on('data', (d) => { stderr += d; });
  const url = await new Promise((ok, fail) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error('server did not start in 20 s: ' + stderr)), 20000);
    proc.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/listening on (http:\/\/[^\s]+)\//);
      if (m) { clearTimeout(timer); ok(m[1]); }
    });
    proc.on('exit', (code) => { clearTimeout(timer); fail(new Error(`server exited ${code}: ${stderr}`)); });
  });
  const exited = new Promise((ok) => proc.on('exit', (code, signal) => ok({ code, signal })));
  return {
    url, dir, db, proc, exited,
    stderr: () => stderr,
    async stop({ keep = false } = {}) {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM');
      const r = await exited;
      if (!keep) {
        dropDatabaseOf(dir, postgres);
        rmSync(dir, { recursive: true, force: true });
      }
      return r;
    },
  };
}

// With PLENARY_TEST_BACKEND=postgresql, each server gets a fresh database in the cluster that
// PLENARY_TEST_POSTGRES names (scripts/pg-test-cluster.sh), remembered in `dir` so that a
// restarted server finds it again; `--db` is then its connection string. Otherwise SQLite.
export const POSTGRES = process.env.PLENARY_TEST_BACKEND === 'postgresql';
export function psql(sql, conninfo = process.env.PLENARY_TEST_POSTGRES) {
  return execFileSync('psql', [conninfo, '-qAtc', sql], { stdio: 'pipe' }).toString();
}
function databaseFor(dir, postgres) {
  if (!postgres) return join(dir, 'plenary.db');
  assert.ok(process.env.PLENARY_TEST_POSTGRES, 'a server on PostgreSQL needs PLENARY_TEST_POSTGRES (scripts/pg-test-cluster.sh)');
  const file = join(dir, 'postgres-database');
  if (!existsSync(file)) {
    const name = 'plenary_s_' + randomBytes(6).toString('hex');
    psql(`CREATE DATABASE ${name}`);
    writeFileSync(file, name);
  }
  return `${process.env.PLENARY_TEST_POSTGRES} dbname=${readFileSync(file, 'utf8')}`;
}
function dropDatabaseOf(dir, postgres) {
  const file = join(dir, 'postgres-database');
  if (postgres && existsSync(file)) psql(`DROP DATABASE IF EXISTS ${readFileSync(file, 'utf8')} WITH (FORCE)`);
}

// A cookie-keeping client for one user agent.
export class Client {
  constructor(base) { this.base = base; this.cookies = new Map(); this.csrf = ''; }
  cookieHeader() { return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '); }
  async fetch(path, opts = {}) {
    const headers = { ...(opts.headers || {}) };
    if (this.cookies.size) headers.cookie = this.cookieHeader();
    if (this.csrf && opts.method && opts.method !== 'GET') headers['x-csrf-token'] = this.csrf;
    const res = await fetch(this.base + path, { redirect: 'manual', ...opts, headers });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair.indexOf('=');
      const k = pair.slice(0, i), v = pair.slice(i + 1);
      if (v === '' || /Max-Age=0/.test(c)) this.cookies.delete(k); else this.cookies.set(k, v);
    }
    return res;
  }
  async json(path, body, opts = {}) {
    return this.fetch(path, { method: 'POST', headers: { 'content-type': 'application/json', ...(opts.headers || {}) },
      body: typeof body === 'string' ? body : JSON.stringify(body) });
  }
  async login(user = ADMIN) {
    const res = await this.json('/api/v1/login', user);
    if (res.status !== 200) throw new Error('login failed: ' + res.status + ' ' + await res.text());
    this.csrf = (await res.json()).csrf_token;
    return this;
  }
}

// The JSON body of `response` (a fetch Response or a promise of one), after asserting that its
// status is `status` (by default 200 or 201). For the setup steps a test relies on: a step that
// fails stops the test there, naming the request and showing the answer.
export async function jsonOf(response, status) {
  const res = await response;
  const text = await res.text();
  const expected = status === undefined ? [200, 201] : [status];
  if (!expected.includes(res.status))
    throw new assert.AssertionError({ message: `${new URL(res.url).pathname}: ${res.status} ${text.slice(0, 500)}`,
      actual: res.status, expected: expected.join(' or '), operator: 'jsonOf' });
  return text === '' ? null : JSON.parse(text);
}

// An instant `seconds` from now in UTC ("YYYY-MM-DDTHH:MM:SSZ"). Tests that need "the future"
// or "the past" compute it with this or dateFromNow, never as a fixed date.
export function isoFromNow(seconds) {
  return new Date(Date.now() + seconds * 1000).toISOString().replace(/\.\d+Z$/, 'Z');
}

// The day (UTC) `days` from today: { iso: 'YYYY-MM-DD', us: 'MM/DD/YYYY' } (the latter as Zoom
// writes dates in its exports).
export function dateFromNow(days) {
  const iso = new Date(Date.now() + days * 86400 * 1000).toISOString().slice(0, 10);
  const [y, m, d] = iso.split('-');
  return { iso, us: `${m}/${d}/${y}` };
}
