// The benchmark suite. Writes docs/PERFORMANCE.md whole: every figure, table and sentence in it
// comes from this file and the run it describes, so nothing in it is typed by hand.
//
// Rules every measurement follows:
// - each server listens on 127.0.0.1 with a fresh database in a temporary folder, and is stopped
//   when the suite ends, fails or is interrupted;
// - each wrk run is bounded in time (window + drain) and counts every answer by status
//   (bench/http/load.lua); an answer that is not 2xx, or a socket error, fails the whole suite
//   (exit 1, no file written);
// - submissions carry Idempotency-Keys unique to their run (`<run id>-<thread>-<n>`), a preflight
//   submission must answer 201 before the load starts, and after each run the rows stored with
//   that run's keys (counted with sqlite3, or psql on PostgreSQL, in the server's database) must
//   equal the run's 2xx answers, as must the growth of the responses table;
// - a page read under load must answer 200 itself (no redirect) before the load starts; a page
//   read with a session must show its user signed in and not come from the page cache; a deep
//   page of published responses must list responses;
// - figures are medians of BENCH_RUNS runs; ratios are against /api/v1/ping measured in the same
//   run (the median of the per-run ratios).
//
// Settings (environment): BENCH_SECONDS (load window of a wrk run, default 10), BENCH_RUNS (3),
// BENCH_DRAIN (seconds after the window for answers in flight, 5), BENCH_SEARCH_N (1000000),
// BENCH_CAMPAIGN_SIZES (100000,1000000), BENCH_SECTIONS (http,postgresql,lists,search,searchpg,campaigns,pow,screen,soak),
// BENCH_SCREEN_WATCHERS (500), BENCH_SOAK_SECONDS (600), BENCH_SOAK_KILLS (20), BENCH_SOAK_READS (reads a second, 100),
// BENCH_HTTP_ROWS (page,home,document,resolution,record,agenda,signed_in,group,naive), BENCH_OUT (docs/PERFORMANCE.md; `-`: standard output only). `--quick`: 3 s, 1 run, 100,000
// responses for search and campaigns — for trying the harness, and labelled so in the output.
// A run of some sections only keeps the other sections of the existing file as they were, each
// marked with the run it came from.
import { execFile, execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { cpus, loadavg, totalmem, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { screenWatchers } from './screen/watchers.mjs';
import { surgeSoak } from './soak/soak.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = process.env.PLENARY_BIN || join(ROOT, 'build/plenary');
const QUICK = process.argv.includes('--quick');
const env = (name, full, quick) => process.env[name] ?? String(QUICK ? quick : full);
const FULL = { seconds: 10, runs: 3, searchN: 1000000, campaignSizes: '100000,1000000' };
const SECONDS = Number(env('BENCH_SECONDS', FULL.seconds, 3));
const RUNS = Number(env('BENCH_RUNS', FULL.runs, 1));
const DRAIN = Number(env('BENCH_DRAIN', 5, 5));
const SEARCH_N = Number(env('BENCH_SEARCH_N', FULL.searchN, 100000));
const CAMPAIGN_SIZES = env('BENCH_CAMPAIGN_SIZES', FULL.campaignSizes, '100000');
const ALL_SECTIONS = ['http', 'postgresql', 'lists', 'search', 'searchpg', 'campaigns', 'pow', 'screen', 'soak'];
const SCREEN_WATCHERS = Number(env('BENCH_SCREEN_WATCHERS', 500, 500));
const SOAK_SECONDS = Number(env('BENCH_SOAK_SECONDS', 600, 20));
const SOAK_KILLS = Number(env('BENCH_SOAK_KILLS', 20, 3));
const SOAK_READS = Number(env('BENCH_SOAK_READS', 100, 100));
const SECTIONS = env('BENCH_SECTIONS', ALL_SECTIONS.join(','), ALL_SECTIONS.join(',')).split(',');
const OUT = env('BENCH_OUT', 'docs/PERFORMANCE.md', 'docs/PERFORMANCE.md');
// The rows of the lists section: key, published responses added to the demo's environment
// consultation (one server for each number), path. Pages hold 50 responses: page 1,000 of
// 100,000 and page 10,000 of 1,000,000 lie deep inside each list.
const LIST_ROWS = [
  ['list_first', 100000, '/en/consultations/environment/responses?page=1'],
  ['list_deep', 100000, '/en/consultations/environment/responses?page=1000'],
  ['list_api', 100000, '/api/v1/consultations/environment/responses?page=1'],
  ['list_first_1m', 1000000, '/en/consultations/environment/responses?page=1'],
  ['list_deep_1m', 1000000, '/en/consultations/environment/responses?page=10000'],
  ['list_api_1m', 1000000, '/api/v1/consultations/environment/responses?page=1'],
];
const LIST_SIZES = [...new Set(LIST_ROWS.map(([, n]) => n))];
// The pages of the HTTP section, each read by wrk from the demo server that answers ping: path
// and what the table calls it. Every one but `signed_in` is read without a session (from the
// page cache once it is warm); `signed_in` carries the session cookie of a delegate signed in
// through POST /api/v1/login.
const PAGES = {
  page: ['/en/consultations/ai-public-policy', 'consultation page'],
  home: ['/en/', 'home page'],
  document: ['/en/documents/2', 'document page'],
  resolution: ['/en/resolutions/pp/102', 'resolution page'],
  record: ['/en/meetings/6/record', "meeting's summary record"],
  agenda: ['/en/meetings/6/agenda', "meeting's agenda"],
  signed_in: ['/en/consultations/ai-public-policy', 'consultation page, signed in as a delegate'],
};
const HTTP_ROW_KEYS = [...Object.keys(PAGES), 'group', 'naive'];
// The rows of the HTTP section to measure (ping is always measured: every ratio is to it), e.g.
// BENCH_HTTP_ROWS=group to compare submissions with ping alone while working on them, or
// The reads the postgresql section measures on a SQLite server and on a server on PostgreSQL.
const PG_READS = {
  page: ['/en/consultations/ai-public-policy', 'consultation page, no session (page cache)'],
  signed_in: ['/en/consultations/ai-public-policy', 'consultation page, signed in as a delegate'],
  search: ['/api/v1/search?q=internet', 'search (`/api/v1/search?q=internet`)'],
};
// BENCH_HTTP_ROWS=page,signed_in for the consultation page with and without a session.
const HTTP_ROWS = ['ping', ...env('BENCH_HTTP_ROWS', HTTP_ROW_KEYS.join(','), HTTP_ROW_KEYS.join(',')).split(',')];
const CONNECTIONS = { read: 64, write: 256 };
for (const [k, v] of Object.entries({ BENCH_SECONDS: SECONDS, BENCH_RUNS: RUNS, BENCH_DRAIN: DRAIN, BENCH_SEARCH_N: SEARCH_N,
  BENCH_SCREEN_WATCHERS: SCREEN_WATCHERS, BENCH_SOAK_SECONDS: SOAK_SECONDS, BENCH_SOAK_KILLS: SOAK_KILLS,
  BENCH_SOAK_READS: SOAK_READS }))
  if (!(Number.isInteger(v) && v > 0)) fail(`${k} must be a positive whole number, not ${v}`);
for (const r of HTTP_ROWS) if (!['ping', ...HTTP_ROW_KEYS].includes(r)) fail(`BENCH_HTTP_ROWS: unknown row ${r} (${HTTP_ROW_KEYS.join(', ')})`);
// Every row measured (ping and each other row, once).
const ALL_HTTP_ROWS = HTTP_ROW_KEYS.every((k) => HTTP_ROWS.includes(k));
for (const s of SECTIONS) if (!ALL_SECTIONS.includes(s)) fail(`BENCH_SECTIONS: unknown section ${s} (${ALL_SECTIONS.join(', ')})`);
// Every figure this run measures is as long as a full run's (a run of some sections may be).
const FULL_LENGTH = SECONDS >= FULL.seconds && RUNS >= FULL.runs && SEARCH_N >= FULL.searchN &&
  CAMPAIGN_SIZES === FULL.campaignSizes && ALL_HTTP_ROWS && SOAK_SECONDS >= 600 && SOAK_KILLS >= 20 && !QUICK;
const IS_FULL = FULL_LENGTH && ALL_SECTIONS.every((s) => SECTIONS.includes(s));

function fail(message) {
  console.error(`bench: ${message}`);
  process.exit(1); // the exit handler stops the servers; no file is written
}

// Servers still running and folders still present, for the exit handler (the suite's trap).
const live = new Set();
const folders = new Set();
process.on('exit', () => {
  for (const p of live) try { p.kill('SIGKILL'); } catch { /* already gone */ }
  for (const d of folders) rmSync(d, { recursive: true, force: true });
});
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => fail(`stopped by ${sig}`));
process.on('uncaughtException', (e) => fail(e.stack || String(e)));
process.on('unhandledRejection', (e) => fail(e?.stack || String(e)));

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const sh = (cmd, args, opts = {}) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 28, ...opts });
// A query on a server's database: a SQLite file, or a libpq keyword string ("host=… dbname=…").
const isPostgres = (db) => /^host=/.test(db);
const sql = (db, query) => (isPostgres(db)
  ? sh('psql', [db, '-v', 'ON_ERROR_STOP=1', '-tAc', query])
  : sh('sqlite3', ['-bail', db, query])).trim();
// The commit measured is the one checked out when the run starts (the tree may move during a
// long run; what was built and measured is what the document names).
const git = (...a) => sh('git', ['-C', ROOT, ...a]).trim();
const commit = git('rev-parse', '--short', 'HEAD');
const dirty = git('status', '--porcelain', '--', '.', ':!docs/PERFORMANCE.md') !== '';
const tempDir = () => { const d = mkdtempSync(join(tmpdir(), 'plenary-bench-')); folders.add(d); return d; };

// `plenary serve` on 127.0.0.1 (a free port) with a fresh database, or the one in `dir`, or the
// PostgreSQL database `db` (a libpq keyword string).
async function server(args = [], dir = tempDir(), db = join(dir, 'bench.db')) {
  // wrk's connections all come from 127.0.0.1: the per-address limits would refuse them.
  const proc = spawn(BIN, ['--db', db, 'serve', '--listen', '127.0.0.1:0', '--submissions-per-ip-per-minute', '0',
    '--max-connections-per-address', '100000', ...args],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(proc);
  let stderr = '';
  proc.stderr.on('data', (d) => { stderr += d; });
  const exited = new Promise((ok) => proc.on('exit', ok));
  const url = await new Promise((ok, no) => {
    let out = '';
    const timer = setTimeout(() => no(new Error('server did not start in 60 s: ' + stderr)), 60000);
    proc.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/listening on (http:\/\/127\.0\.0\.1:\d+)\//);
      if (m) { clearTimeout(timer); ok(m[1]); }
    });
    proc.on('exit', (code) => { clearTimeout(timer); no(new Error(`server exited ${code}: ${stderr}`)); });
  });
  return {
    url, dir, db, pid: proc.pid, exited,
    hwmMiB: () => Number(readFileSync(`/proc/${proc.pid}/status`, 'utf8').match(/VmHWM:\s+(\d+)/)[1]) / 1024,
    async stop() {
      proc.kill('SIGTERM');
      await exited;
      live.delete(proc);
    },
  };
}

// One wrk run of SECONDS (plus the drain) through bench/http/load.lua; fails on any answer that
// is not 2xx and on any socket error.
function wrkArgs(url, path, connections, runId, headers = {}) {
  const args = ['-t2', `-c${connections}`, `-d${SECONDS + DRAIN}s`, '--timeout', `${DRAIN}s`,
    ...Object.entries(headers).flatMap(([k, v]) => ['-H', `${k}: ${v}`]),
    '-s', join(ROOT, 'bench/http/load.lua'), url + path, '--', String(SECONDS), runId ? 'submit' : 'get'];
  if (runId) args.push(runId);
  return args;
}
function wrk(url, path, { connections, runId, headers } = {}) {
  const out = sh('wrk', wrkArgs(url, path, connections, runId, headers), { timeout: (SECONDS + DRAIN + 60) * 1000 });
  return wrkResult(out, path, runId);
}
// The same, without blocking: loads against several servers at once.
function wrkAsync(url, path, { connections, runId } = {}) {
  return new Promise((ok, no) => execFile('wrk', wrkArgs(url, path, connections, runId),
    { encoding: 'utf8', maxBuffer: 1 << 28, timeout: (SECONDS + DRAIN + 60) * 1000 },
    (e, out) => (e ? no(e) : ok(wrkResult(out, path, runId)))));
}
function wrkResult(out, path, runId) {
  const line = out.split('\n').find((l) => l.startsWith('BENCH '));
  if (!line) fail(`wrk ${path}: no BENCH line in its output:\n${out}`);
  const r = JSON.parse(line.slice(6));
  const statuses = {};
  for (const t of [r.in_window, r.late]) for (const [s, n] of Object.entries(t)) statuses[s] = (statuses[s] || 0) + n;
  const bad = Object.entries(statuses).filter(([s]) => !/^2\d\d$/.test(s));
  if (bad.length) fail(`${path}: answers that are not 2xx: ${bad.map(([s, n]) => `${n} × ${s}`).join(', ')}`);
  const errors = Object.entries(r.errors).filter(([, n]) => n > 0);
  if (errors.length) fail(`${path}: socket errors: ${errors.map(([k, n]) => `${k} ${n}`).join(', ')}`);
  const ok = Object.values(statuses).reduce((a, b) => a + b, 0);
  if (ok !== r.answers) fail(`${path}: wrk counted ${r.answers} answers, the script ${ok}`);
  if (runId && r.sent !== r.answers) fail(`${path}: ${r.sent - r.answers} of ${r.sent} submissions unanswered after a ${DRAIN} s drain`);
  const inWindow = Object.values(r.in_window).reduce((a, b) => a + b, 0);
  if (inWindow === 0) fail(`${path}: no answer within the ${SECONDS} s window`);
  return { rps: inWindow / SECONDS, p50: r.latency_ms.p50, p99: r.latency_ms.p99, ok, statuses };
}

const SUBMIT_PATH = '/api/v1/consultations/ai-public-policy/responses';
// The server stores a key as `<consultation>:<Idempotency-Key>`.
// Run ids and prefixes are [a-z0-9-]: nothing in them is a LIKE wildcard.
const countRows = (db, prefix) => Number(sql(db,
  `SELECT count(*) FROM responses WHERE idempotency_key LIKE '%:${prefix}%'`));
const totalRows = (db) => Number(sql(db, 'SELECT count(*) FROM responses'));

// The submission the load sends must be valid for the current API: one, sent by hand, must be
// stored (201).
async function preflight(s, suiteId) {
  const key = `${suiteId}-preflight-${s.url.split(':').pop()}`;
  const res = await fetch(s.url + SUBMIT_PATH, {
    method: 'POST', signal: AbortSignal.timeout(30000),
    headers: { 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify({ name: 'Bench Respondent', email: `${key}@example.org`, country: 'CH',
      stakeholder_type: 'civil_society', language: 'en', consent_publish: true,
      answers: { 1: 'The Internet should remain open, interoperable and secure for everyone.' } }),
  });
  const body = await res.text();
  if (res.status !== 201) fail(`preflight submission: ${res.status} ${body}`);
  if (countRows(s.db, key) !== 1) fail('preflight submission: answered 201 but not stored');
}

// One run of submissions: its own keys, and the rows it stored equal to its 2xx answers.
function submitRun(s, runId) {
  const before = totalRows(s.db);
  const r = wrk(s.url, SUBMIT_PATH, { connections: CONNECTIONS.write, runId });
  const keyed = countRows(s.db, runId + '-');
  const grown = totalRows(s.db) - before;
  if (keyed !== r.ok || grown !== r.ok)
    fail(`submissions ${runId}: ${r.ok} answers 2xx, ${keyed} rows stored with the run's keys, responses grew by ${grown}`);
  // Each stored response has its confirmation mail, still due (confirmation_mails, queued behind
  // the write) or already in the outbox, once: counted in one statement, one snapshot.
  checkMails(s.db, runId, r.ok);
  return { ...r, rows: keyed };
}
// Each stored response of the run has its confirmation mail, still due (confirmation_mails,
// queued behind the write) or already in the outbox, once: counted in one statement, one snapshot.
function checkMails(db, runId, stored) {
  const mails = Number(sql(db, 'SELECT (SELECT count(*) FROM confirmation_mails q JOIN responses r ' +
    `ON r.id = q.response_id WHERE r.idempotency_key LIKE '%:${runId}-%') + ` +
    `(SELECT count(*) FROM mail_outbox WHERE recipient LIKE '${runId}-%')`));
  if (mails !== stored) fail(`submissions ${runId}: ${stored} stored, ${mails} confirmation mails due or queued`);
}

// One run of submissions spread over `servers` sharing one database (each its half of the
// connections and its own run id), checked as submitRun checks one server.
async function submitRunShared(servers, runId) {
  const db = servers[0].db;
  const before = totalRows(db);
  const ids = servers.map((_, i) => `${runId}${String.fromCharCode(97 + i)}`);
  const rs = await Promise.all(servers.map((s, i) => wrkAsync(s.url, SUBMIT_PATH,
    { connections: Math.ceil(CONNECTIONS.write / servers.length), runId: ids[i] })));
  const ok = rs.reduce((a, r) => a + r.ok, 0);
  let keyed = 0;
  rs.forEach((r, i) => {
    const n = countRows(db, ids[i] + '-');
    if (n !== r.ok) fail(`submissions ${ids[i]}: ${r.ok} answers 2xx, ${n} rows stored with its keys`);
    checkMails(db, ids[i], r.ok);
    keyed += n;
  });
  const grown = totalRows(db) - before;
  if (grown !== ok) fail(`submissions ${runId}: ${ok} answers 2xx, responses grew by ${grown}`);
  return { rps: rs.reduce((a, r) => a + r.rps, 0), p50: median(rs.map((r) => r.p50)),
    p99: Math.max(...rs.map((r) => r.p99)), ok, rows: keyed };
}

const loadBefore = loadavg();
const startedAt = new Date();
const suiteId = 'b' + startedAt.getTime().toString(36);
const results = {};
const ratio = (rows, key) => median(rows[key].map((r, i) => r.rps / rows.ping[i].rps));

// A page of a read row must answer 200 before the load, itself (no redirect). It is read twice:
// the first answer's time is that of a page not in the cache yet (one request, the server
// otherwise idle), the second answer's X-Plenary-Cache says whether the page cache served it
// (`hit`; the header is absent when the page is not cached). With a session (`signedInAs`, the user's name)
// the page must show the user signed in, and must not come from the cache. `contains`: text the
// page must show (a deep page of published responses must have responses on it).
async function checkPage(url, path, { headers = {}, signedInAs, contains } = {}) {
  const get = () => fetch(url + path, { headers, redirect: 'manual', signal: AbortSignal.timeout(60000) });
  const started = performance.now();
  await (await get()).arrayBuffer();
  const firstMs = performance.now() - started;
  const res = await get();
  const body = await res.text();
  if (res.status !== 200) fail(`${path}: answers ${res.status} before the load`);
  const cache = res.headers.get('x-plenary-cache') ?? undefined;
  if (signedInAs && !body.includes(signedInAs)) fail(`${path}: the page read with the session does not show ${signedInAs} signed in`);
  if (signedInAs && cache) fail(`${path}: a page read with a session came from the page cache (${cache})`);
  if (contains && !body.includes(contains)) fail(`${path}: the page does not show ${contains}`);
  return { cache: cache ?? 'none', firstMs };
}

// A delegate added with `plenary user add` to the server's database and signed in through
// POST /api/v1/login: the session cookie and the name its pages show.
async function signIn(s) {
  const name = 'Bench Delegate', email = `${suiteId}-delegate@example.org`, password = `${suiteId} bench passphrase`;
  sh(BIN, ['--db', s.db, 'user', 'add', '--role', 'delegate', '--member-state', 'CH', '--email', email, '--name', name],
    { env: { ...process.env, PLENARY_PASSWORD: password } });
  const res = await fetch(s.url + '/api/v1/login', {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }),
    signal: AbortSignal.timeout(30000),
  });
  const body = await res.text();
  if (res.status !== 200) fail(`sign-in of the delegate: ${res.status} ${body}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('plenary_session='));
  if (!cookie) fail('sign-in of the delegate: no plenary_session cookie');
  return { cookie, name };
}

// A server with the demo and `n` more published responses in its environment consultation,
// written with sqlite3 while no server runs; the API's `total` (a counter kept with the
// responses) must then have grown by `n`.
const LIST_TOTAL_PATH = '/api/v1/consultations/environment/responses?per_page=1';
const listTotal = async (s) => (await (await fetch(s.url + LIST_TOTAL_PATH, { signal: AbortSignal.timeout(60000) })).json()).total;
async function seededServer(n) {
  const fresh = await server();
  const before = await listTotal(fresh);
  await fresh.stop();
  sh('sqlite3', ['-bail', fresh.db, `
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${n})
    INSERT INTO responses(consultation_id, reference, name, organization, country, stakeholder_type, email, language,
      general_text, consent_publish, status, submitted_at, published_at)
    SELECT (SELECT id FROM consultations WHERE key = 'environment'), printf('B%07d', i), 'Respondent ' || i,
      'Organization ' || (i % 500), 'CH', 'civil_society', 'r' || i || '@example.org', 'en',
      'A published response of about two hundred characters on the environmental impacts and benefits of the Internet, number ' || i || '.',
      1, 'published', 1640000000 + i, 1650000000 FROM n;`], { timeout: 3600000 });
  const s = await server([], fresh.dir);
  const total = await listTotal(s);
  if (total !== before + n) fail(`seeded consultation shows ${total} published responses, expected ${before} + ${n}`);
  return s;
}

// 1. HTTP: the stack's own rate, pages with and without a session, durable submissions with and
// without group commit; and the lists of published responses at each size.
if (SECTIONS.includes('http') || SECTIONS.includes('lists')) {
  const reads = await server();
  const pageRows = SECTIONS.includes('http') ? Object.keys(PAGES).filter((k) => HTTP_ROWS.includes(k)) : [];
  const writeRows = SECTIONS.includes('http') ? ['group', 'naive'].filter((k) => HTTP_ROWS.includes(k)) : [];
  const listRows = SECTIONS.includes('lists') ? LIST_ROWS : [];
  const servers = { ping: reads };
  const headers = {};
  const checked = {};
  for (const k of writeRows) {
    servers[k] = await server(k === 'naive' ? ['--no-group-commit'] : []);
    await preflight(servers[k], suiteId);
  }
  for (const k of pageRows) {
    servers[k] = reads;
    if (k === 'signed_in') {
      const { cookie, name } = await signIn(reads);
      headers[k] = { Cookie: cookie };
      checked[k] = await checkPage(reads.url, PAGES[k][0], { headers: headers[k], signedInAs: name });
    } else checked[k] = await checkPage(reads.url, PAGES[k][0]);
  }
  const bySize = {};
  for (const n of listRows.length ? LIST_SIZES : []) bySize[n] = await seededServer(n);
  for (const [k, n, path] of listRows) {
    servers[k] = bySize[n];
    // A deep page must list seeded responses (page 1 may begin with the demo's, newer).
    checked[k] = await checkPage(servers[k].url, path, { contains: k.startsWith('list_deep') ? 'Respondent ' : undefined });
  }
  const plan = [
    ['ping', '/api/v1/ping'],
    ...pageRows.map((k) => [k, PAGES[k][0]]),
    ...writeRows.map((k) => [k, SUBMIT_PATH]),
    ...listRows.map(([k, , path]) => [k, path]),
  ];
  const runs = Object.fromEntries(plan.map(([k]) => [k, []]));
  for (let i = 0; i < RUNS; i++) {
    for (const [key, path] of plan) {
      const s = servers[key];
      const r = path === SUBMIT_PATH
        ? submitRun(s, `${suiteId}-${key}-${i + 1}`)
        : wrk(s.url, path, { connections: CONNECTIONS.read, headers: headers[key] });
      runs[key].push({ ...r, rss: s.hwmMiB() });
      console.error(`run ${i + 1}/${RUNS} ${key}: ${Math.round(r.rps)} requests/s, ${r.ok} answers 2xx` +
        (r.rows !== undefined ? `, ${r.rows} rows stored` : '') + (checked[key] ? `, page cache ${checked[key].cache}, first answer ${Math.round(checked[key].firstMs)} ms` : ''));
    }
  }
  for (const s of new Set(Object.values(servers))) await s.stop();
  for (const [key] of plan) {
    const rs = runs[key];
    results[key] = {
      rps: median(rs.map((r) => r.rps)), runs: rs.map((r) => r.rps), ratio: ratio(runs, key),
      p50: median(rs.map((r) => r.p50)), p99: median(rs.map((r) => r.p99)),
      rss: Math.max(...rs.map((r) => r.rss)), ok: rs.reduce((a, r) => a + r.ok, 0),
      rows: rs[0].rows === undefined ? undefined : rs.reduce((a, r) => a + r.rows, 0), ...checked[key],
    };
  }
}

// 2. Durable submissions on PostgreSQL, through one server and through two servers sharing one
// database, against one SQLite server and ping in the same runs.
if (SECTIONS.includes('postgresql')) {
  // A throwaway cluster with fsync on, held while this process lives: the command waits on its
  // standard input, which closes when the suite ends, however it ends; the script then removes
  // the cluster.
  const holder = spawn(join(ROOT, 'scripts/pg-test-cluster.sh'),
    ['sh', '-c', 'echo "cluster $PLENARY_TEST_POSTGRES"; read _'],
    // Three servers of about 140 connections each under load (docs/DEPLOYMENT.md).
    { env: { ...process.env, PLENARY_PG_DURABLE: '1', PLENARY_PG_MAX_CONNECTIONS: '600' },
      stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = await new Promise((ok, no) => {
    let out = '';
    holder.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/^cluster (.*)$/m);
      if (m) ok(m[1]);
    });
    holder.on('exit', (code) => no(new Error(`scripts/pg-test-cluster.sh exited ${code}`)));
  });
  const database = (name) => {
    sql(conn, `CREATE DATABASE ${name}`);
    return conn.replace(/dbname=\S+/, `dbname=${name}`);
  };
  const pgServer = (db, dir = tempDir()) => server(['--search-index', join(dir, 'search.db')], dir, db);
  const ping = await server();
  const sqlite = await server();
  const one = await pgServer(database('bench_one'));
  const shared = database('bench_two');
  const twoA = await pgServer(shared);
  const twoB = await pgServer(shared); // after the first has migrated and loaded the demo
  for (const s of [sqlite, one, twoA, twoB]) await preflight(s, suiteId);
  // Reads from each backend, before the submissions: the consultation page without a session
  // (the page cache), the same page signed in (rendered for every request) and a search (on
  // PostgreSQL, each server's own index: it answers once that index has caught up).
  const backends = { sqlite, one };
  const readHeaders = {};
  for (const [b, s] of Object.entries(backends)) {
    const { cookie, name } = await signIn(s);
    readHeaders[b] = { Cookie: cookie };
    await checkPage(s.url, PG_READS.signed_in[0], { headers: readHeaders[b], signedInAs: name });
    await checkPage(s.url, PG_READS.page[0]);
    for (let t = 0; ; t++) {
      const res = await fetch(s.url + PG_READS.search[0], { signal: AbortSignal.timeout(60000) });
      const body = await res.json().catch(() => ({}));
      if (res.status === 200 && body.items?.length) break;
      if (t >= 600) fail(`${PG_READS.search[0]} on ${b}: ${res.status}, no hits after 10 minutes`);
      await new Promise((ok) => setTimeout(ok, 1000));
    }
  }
  const reads = Object.fromEntries(Object.keys(PG_READS).map((k) => [k, { sqlite: [], one: [] }]));
  const runs = { ping: [], sqlite: [], one: [], two: [] };
  for (let i = 0; i < RUNS; i++) {
    const id = (k) => `${suiteId}-pg${k}-${i + 1}`;
    runs.ping.push(wrk(ping.url, '/api/v1/ping', { connections: CONNECTIONS.read }));
    for (const [k, [path]] of Object.entries(PG_READS))
      for (const [b, s] of Object.entries(backends))
        reads[k][b].push(wrk(s.url, path, { connections: CONNECTIONS.read, headers: k === 'signed_in' ? readHeaders[b] : {} }));
    runs.sqlite.push({ ...submitRun(sqlite, id('sqlite')), rss: sqlite.hwmMiB() });
    runs.one.push({ ...submitRun(one, id('one')), rss: one.hwmMiB() });
    runs.two.push({ ...(await submitRunShared([twoA, twoB], id('two'))), rss: Math.max(twoA.hwmMiB(), twoB.hwmMiB()) });
    for (const k of ['sqlite', 'one', 'two']) console.error(`run ${i + 1}/${RUNS} postgresql ${k}: ` +
      `${Math.round(runs[k][i].rps)} requests/s, ${runs[k][i].ok} answers 2xx, ${runs[k][i].rows} rows stored`);
  }
  for (const s of [ping, sqlite, one, twoA, twoB]) await s.stop();
  holder.stdin.end();
  await new Promise((ok) => holder.on('exit', ok));
  const per = (k, base) => median(runs[k].map((r, i) => r.rps / runs[base][i].rps));
  results.postgresql = Object.fromEntries(['ping', 'sqlite', 'one', 'two'].map((k) => [k, {
    rps: median(runs[k].map((r) => r.rps)), runs: runs[k].map((r) => r.rps),
    toPing: per(k, 'ping'), toSqlite: k === 'ping' ? undefined : per(k, 'sqlite'),
    p50: median(runs[k].map((r) => r.p50)), p99: median(runs[k].map((r) => r.p99)),
    rss: k === 'ping' ? undefined : Math.max(...runs[k].map((r) => r.rss)),
    ok: runs[k].reduce((a, r) => a + r.ok, 0),
    rows: k === 'ping' ? undefined : runs[k].reduce((a, r) => a + r.rows, 0),
  }]));
  results.postgresql.reads = Object.fromEntries(Object.keys(PG_READS).map((k) => [k, Object.fromEntries(
    ['sqlite', 'one'].map((b) => [b, {
      rps: median(reads[k][b].map((r) => r.rps)), runs: reads[k][b].map((r) => r.rps),
      toPing: median(reads[k][b].map((r, i) => r.rps / runs.ping[i].rps)),
      toSqlite: median(reads[k][b].map((r, i) => r.rps / reads[k].sqlite[i].rps)),
      p50: median(reads[k][b].map((r) => r.p50)), p99: median(reads[k][b].map((r) => r.p99)),
      ok: reads[k][b].reduce((a, r) => a + r.ok, 0),
    }]))]));
}

// 3. Search over SEARCH_N generated responses in six languages, and campaign clustering.
const targets = [...(SECTIONS.includes('search') ? ['plenary_bench_search'] : []),
  ...(SECTIONS.includes('campaigns') ? ['plenary_bench_campaigns'] : [])];
if (targets.length) sh('cmake', ['--build', join(ROOT, 'build'), '--target', ...targets], { stdio: ['ignore', 'ignore', 'inherit'] });
if (SECTIONS.includes('search')) {
  // The benchmark checks itself (every response indexed, the queue empty, no query failing)
  // and exits non-zero otherwise, which execFileSync turns into an exception.
  const out = sh(join(ROOT, 'build/plenary_bench_search'), [String(SEARCH_N), QUICK ? '3' : '10'], { timeout: 3600000 });
  results.search = JSON.parse(out.trim().split('\n').pop());
  if (results.search.indexed !== SEARCH_N) fail(`search: ${results.search.indexed} of ${SEARCH_N} responses indexed`);
}
if (SECTIONS.includes('searchpg')) {
  // Search on PostgreSQL, two designs side by side, in a throwaway cluster
  // (scripts/pg-test-cluster.sh) with a database of its own; the benchmark checks itself.
  sh('cmake', ['--build', join(ROOT, 'build'), '--target', 'plenary_bench_search_pg'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const out = sh(join(ROOT, 'scripts/pg-test-cluster.sh'), ['sh', '-c',
    'psql "$PLENARY_TEST_POSTGRES" -qc "CREATE DATABASE bench_search" && ' +
    'PLENARY_BENCH_POSTGRES="$PLENARY_TEST_POSTGRES dbname=bench_search" exec "$0" "$@"',
    join(ROOT, 'build/plenary_bench_search_pg'), String(SEARCH_N), QUICK ? '3' : '10'], { timeout: 3 * 3600000 });
  results.searchpg = JSON.parse(out.trim().split('\n').pop());
  if (results.searchpg.responses !== SEARCH_N) fail(`searchpg: ${results.searchpg.responses} of ${SEARCH_N} responses`);
}
if (SECTIONS.includes('campaigns'))
  results.campaigns = sh(join(ROOT, 'build/plenary_bench_campaigns'), [CAMPAIGN_SIZES], { timeout: 3600000 }).trim();
if (SECTIONS.includes('pow')) {
  // The browser test submits the form with the proof of work on and prints its timings; a
  // failing test fails the suite.
  const out = sh('node', ['--test', '--test-reporter=spec', join(ROOT, 'tests/browser/pow.test.mjs')],
    { env: { ...process.env, PLENARY_BIN: BIN }, timeout: 300000 });
  const line = out.split('\n').map((l) => l.trim()).find((l) => l.startsWith('pow '));
  if (!line) fail(`pow: the browser test printed no timing line:\n${out}`);
  results.pow = line;
}
if (SECTIONS.includes('screen')) {
  // The room's screen: several hundred watchers of one text (bench/screen/watchers.mjs).
  results.screen = await screenWatchers({ bin: BIN, server, tempDir, fail, watchers: SCREEN_WATCHERS,
    edits: QUICK ? 3 : 10, idleSeconds: QUICK ? 3 : SECONDS });
  const r = results.screen;
  console.error(`screen: ${r.watchers} watchers, RSS ${r.rssBefore.toFixed(1)} → ${r.rssWatched.toFixed(1)} MiB, ` +
    `CPU ${r.cpuBefore.toFixed(2)} → ${r.cpuWatched.toFixed(2)} %, last watcher reached in ` +
    `${r.reach.map((x) => x.last.toFixed(0)).join(' / ')} ms`);
}
if (SECTIONS.includes('soak')) {
  // The surge soak: 80 % of the ceiling measured in the same run, paced reads beside it, then
  // kills under load (bench/soak/soak.mjs).
  results.soak = await surgeSoak({ root: ROOT, server, fail, sql, submitRun, suiteId, soakSeconds: SOAK_SECONDS,
    share: 0.8, kills: SOAK_KILLS, writers: 32, readConnections: 16, readRate: SOAK_READS, drain: DRAIN });
}
const loadAfter = loadavg();

// The document.
const fmt = (x, d = 0) => Number.isFinite(x) ? x.toLocaleString('en-GB', { maximumFractionDigits: d, minimumFractionDigits: d }) : '–';
const osName = (readFileSync('/etc/os-release', 'utf8').match(/^PRETTY_NAME="?([^"\n]*)/m) || [, 'unknown'])[1];
const wrkVersion = (spawnSync('wrk', ['-v'], { encoding: 'utf8' }).stdout.match(/^wrk (\S+)/) || [, '?'])[1]; // exits 1
const sqliteVersion = sh('sqlite3', ['--version']).split(' ')[0];
// The allocator the measured server was linked with (CMakeLists.txt links jemalloc).
const allocator = /libjemalloc/.test(sh('ldd', [BIN])) ? 'jemalloc' : "glibc's malloc";
const load = (l) => l.map((x) => x.toFixed(2)).join(' ');
const LABELS = {
  ping: '`GET /api/v1/ping`',
  ...Object.fromEntries(Object.entries(PAGES).map(([k, [path, what]]) => [k, `${what} (\`${path}\`)`])),
  group: 'durable submissions, group commit', naive: 'durable submissions, one transaction each (`--no-group-commit`)',
  ...Object.fromEntries(LIST_ROWS.map(([k, n, path]) => [k, `${fmt(n)} responses: ` +
    `${path.startsWith('/api/') ? 'API' : 'HTML'} page ${fmt(Number(path.match(/page=(\d+)/)[1]))} (\`${path}\`)`])),
};
// One row per benchmark; the column of rows stored only where there were writes, those of the
// page cache only where pages were read (the first of two requests before the load, and what
// the second said).
const CACHE = { hit: 'hit', miss: 'miss', none: 'not cached' };
const httpTable = (keys) => {
  const rows = keys.filter((k) => results[k]);
  const writes = rows.some((k) => results[k].rows !== undefined);
  const pages = rows.some((k) => results[k].cache !== undefined);
  return [
    '| what | connections | requests/s | ratio to ping | runs (requests/s) | p50 ms | p99 ms | server peak RSS MiB | answers, all 2xx |' +
      (pages ? ' first answer ms | page cache |' : '') + (writes ? ' rows stored |' : ''),
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |' + (pages ? ' ---: | --- |' : '') + (writes ? ' ---: |' : ''),
    ...rows.map((k) => {
      const r = results[k];
      const conns = r.rows === undefined ? CONNECTIONS.read : CONNECTIONS.write;
      return `| ${LABELS[k]} | ${conns} | ${fmt(r.rps)} | ${k === 'ping' ? '1' : fmt(r.ratio, 3)}× | ` +
        `${r.runs.map((x) => fmt(x)).join(' / ')} | ${fmt(r.p50, 1)} | ${fmt(r.p99, 1)} | ${fmt(r.rss)} | ${fmt(r.ok)} |` +
        (pages ? ` ${fmt(r.firstMs, 1)} | ${r.cache === undefined ? '–' : CACHE[r.cache] ?? r.cache} |` : '') +
        (writes ? ` ${r.rows === undefined ? '–' : fmt(r.rows)} |` : '');
    }),
  ].join('\n');
};

const parts = [];
const BY = process.env.BENCH_BY || 'bench/run.sh';
parts.push(`# Performance${BY === 'bench/run.sh' ? '' : ` (${BY})`}

Written by \`${BY}\` (\`bench/run.mjs\`); nothing in this file is typed by hand. Rerun it to
update every figure.

${IS_FULL ? '' : FULL_LENGTH ? `This run measured the section${SECTIONS.length > 1 ? 's' : ''} ${SECTIONS.join(', ')} at full length; the
others are kept from earlier runs, each marked with the run it came from.
` : `**This is not a full run**: ${RUNS} run${RUNS > 1 ? 's' : ''} of ${SECONDS} s per figure` +
  `${SECTIONS.length < ALL_SECTIONS.length ? `, sections ${SECTIONS.join(', ')}` : ''}` +
  `${SECTIONS.includes('http') && !ALL_HTTP_ROWS ? `, HTTP rows ${HTTP_ROWS.join(', ')}` : ''}` +
  `${SECTIONS.includes('search') ? `, search over ${fmt(SEARCH_N)} responses` : ''}` +
  `${SECTIONS.includes('campaigns') ? `, campaigns ${CAMPAIGN_SIZES}` : ''}` +
  `${QUICK ? ' (`bench/run.sh --quick`)' : ''};
a full run has ${FULL.runs} runs of ${FULL.seconds} s, search over ${fmt(FULL.searchN)} responses, campaigns ${FULL.campaignSizes}.
It shows that the harness works; its figures are too short and too few to quote.
`}
| | |
| --- | --- |
| commit | ${commit}${dirty ? ' with uncommitted changes' : ''} |
| started | ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC |
| machine | ${cpus()[0].model}, ${cpus().length} cores, ${fmt(totalmem() / 2 ** 30)} GiB, ${osName} |
| load average (1, 5, 15 min) before | ${load(loadBefore)} |
| load average after | ${load(loadAfter)} |
| tools | wrk ${wrkVersion} (2 threads, on the same machine), SQLite ${sqliteVersion} (WAL, \`synchronous=FULL\`), the server linked with ${allocator} |
| runs | each figure is the median of ${RUNS} run${RUNS > 1 ? 's' : ''} of ${SECONDS} s; wrk then waits ${DRAIN} s more for the answers in flight |
`);

if (results.ping && SECTIONS.includes('http')) {
  parts.push(`## HTTP

Each row is a load of wrk through \`bench/http/load.lua\`, which counts every answer by status:
an answer that is not 2xx, or a socket error, fails the whole suite and no file is written. Each
server listens on 127.0.0.1 with a fresh database (the demo) in a temporary folder; submissions
go to servers of their own, so the pages read the demo as it is. Requests/s are the answers
received within the window of a run divided by the window; the ratio is to \`/api/v1/ping\` in
the same run (median of the runs' ratios); latencies are wrk's over the whole run.

The pages are read from the server that answers ping, without \`Accept-Encoding\` (so
uncompressed). Before the load each page is read twice and must answer 200 itself (no
redirect): "first answer" is the time of the first, a page not in the cache yet (one request,
the server otherwise idle); "page cache" is what the second answer's \`X-Plenary-Cache\` said
(hit: the server's cache of rendered pages for readers without a session served it; "not
cached": no such header). The signed-in row is a delegate added with \`plenary user add\` and signed in
through \`POST /api/v1/login\`: wrk sends its session cookie with every request, and before the
load the page must show the delegate's name and not come from the cache.

${httpTable(['ping', ...HTTP_ROW_KEYS])}
`);
  if (results.group && results.naive) parts.push(`Durable submissions (\`POST ${SUBMIT_PATH}\`, a JSON response with an e-mail
address, whose confirmation mail is made due in the same transaction and composed and queued in
the outbox by a thread in batches behind the write; each answered 201 only after its transaction
was synced; after each run every stored response has its mail, due or queued, once). Before the load, one submission sent by hand must answer 201. Every
request has its own \`Idempotency-Key\` (\`<run id>-<thread>-<n>\`, the run id unique to the run),
so nothing is a replay; after each run the rows stored with that run's keys, counted with
\`sqlite3\` in the server's database, equal its 2xx answers (the columns above are the sums over
the runs). Group commit gives **${fmt(results.group.rps / results.naive.rps, 1)}×** the throughput of one
transaction per request, and ${fmt(results.group.ratio, 2)}× the HTTP stack's own rate on \`/api/v1/ping\`.
`);
}
if (results.postgresql) {
  const r = results.postgresql;
  const LABEL = { ping: '`GET /api/v1/ping` (SQLite server)', sqlite: 'durable submissions, one SQLite server',
    one: 'durable submissions, one server on PostgreSQL', two: 'durable submissions, two servers on one PostgreSQL database' };
  parts.push(`## Durable submissions on PostgreSQL

The same submissions as above (e-mail address, confirmation mail queued behind the write, keys
unique to the run, every run's 2xx answers equal to its rows stored and to its mails due or
queued, counted with \`psql\` on PostgreSQL), through one server on PostgreSQL and through two
servers sharing one database, each of the two loaded by its own wrk with half the ${CONNECTIONS.write}
connections (no proxy between them), against one SQLite server and \`/api/v1/ping\` measured in
the same runs. PostgreSQL 15 runs in a throwaway cluster (\`scripts/pg-test-cluster.sh\` with
\`PLENARY_PG_DURABLE=1\`: fsync and full-page writes on, \`synchronous_commit\` on;
\`max_connections\` 600 for the three servers; otherwise its default settings${process.env.PLENARY_PG_OPTIONS ? `, and \`${process.env.PLENARY_PG_OPTIONS}\`` : ''}) on a Unix socket, on the same two cores as the servers and wrk; each Plenary
server keeps its own search index file. Ratios are medians of the runs' ratios.

| what | requests/s | ratio to ping | ratio to SQLite | runs (requests/s) | p50 ms | p99 ms | server peak RSS MiB | answers, all 2xx | rows stored |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${['ping', 'sqlite', 'one', 'two'].map((k) => `| ${LABEL[k]} | ${fmt(r[k].rps)} | ${fmt(r[k].toPing, 3)}× | ` +
    `${r[k].toSqlite === undefined ? '–' : `${fmt(r[k].toSqlite, 3)}×`} | ${r[k].runs.map((x) => fmt(x)).join(' / ')} | ` +
    `${fmt(r[k].p50, 1)} | ${fmt(r[k].p99, 1)} | ${r[k].rss === undefined ? '–' : fmt(r[k].rss)} | ${fmt(r[k].ok)} | ` +
    `${r[k].rows === undefined ? '–' : fmt(r[k].rows)} |`).join('\n')}

Two servers on PostgreSQL reach **${fmt(r.two.toSqlite, 2)}×** the rate of one SQLite server (one server on
PostgreSQL: ${fmt(r.one.toSqlite, 2)}×). The same runs with the binaries before and after each
change, alternating, and where the time goes: docs/PROFILE.md ("Durable submissions on PostgreSQL").
${r.reads ? `
Reads in the same runs, from the SQLite server and from the server on PostgreSQL (each run
before its submissions, ${CONNECTIONS.read} connections; the signed-in page with a delegate's session cookie,
checked to show the delegate; the search on PostgreSQL from the server's own index, checked to
answer with hits before the load):

| what | SQLite requests/s | PostgreSQL requests/s | PostgreSQL / SQLite | ratio to ping, SQLite | ratio to ping, PostgreSQL | p99 ms, SQLite / PostgreSQL | answers, all 2xx |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${Object.entries(PG_READS).map(([k, [, label]]) => { const x = r.reads[k]; return `| ${label} | ${fmt(x.sqlite.rps)} | ${fmt(x.one.rps)} | ${fmt(x.one.toSqlite, 2)}× | ${fmt(x.sqlite.toPing, 3)}× | ${fmt(x.one.toPing, 3)}× | ${fmt(x.sqlite.p99, 1)} / ${fmt(x.one.p99, 1)} | ${fmt(x.sqlite.ok + x.one.ok)} |`; }).join('\n')}
` : ''}`);
}
if (LIST_ROWS.some(([k]) => results[k])) {
  const sizes = LIST_SIZES.map((n) => fmt(n)).join(' and ');
  parts.push(`## Published responses of a consultation with ${sizes} responses

The environment consultation of the demo with ${sizes} more published responses (inserted
with \`sqlite3\` while no server runs; the API's \`total\` must then have grown by as many before the
load), each size in a database and server of its own, both running through the whole section;
\`/api/v1/ping\` is measured in the same runs on a third server with the demo alone. Pages
hold 50 responses; the deep pages must list seeded responses. The columns "first answer" and
"page cache" are those of the two requests before the load, as above.

${httpTable(['ping', ...LIST_ROWS.map(([k]) => k)])}
`);
}
if (results.search) {
  const s = results.search;
  parts.push(`## Search over ${fmt(SEARCH_N)} responses in six languages

\`build/plenary_bench_search\` (\`bench/search/search_bench.cc\`). Responses from
\`campaigns::GenerateCorpus\` (seed 7: ${Object.entries(s.languages).map(([l, n]) => `${l} ${fmt(n)}`).join(', ')}),
generated and inserted by a child process of the benchmark (${fmt(s.generate_s, 1)} s to generate, ${fmt(s.insert_s, 1)} s to insert;
its peak RSS ${fmt(s.generator_peak_rss_mib)} MiB), then indexed through the production path (queue →
\`search::IndexBatch\` → one FTS5 table per language with the \`plenary\` tokenizer) and queried
through \`search::Search\` (top 20 by BM25 across the six tables). The benchmark fails unless
every response was indexed (${fmt(s.indexed)} documents) and every query answered, and unless each
query's first page is the reference ranking's (every match of each language scored by bm25 in
SQL with the query's filters, all sorted: the same scores, each hit one of the documents with
its score; ${['common', 'medium', 'rare', 'phrase', 'filtered'].map((k) => s[k].hits_checked).reduce((a, b) => a + b, 0)} hits checked).

| | value |
| --- | ---: |
| indexing rate (durable batches of 5,000), with the lists of frequent terms | ${fmt(s.index_per_s)} responses/s (${fmt(s.index_cpu_per_s)} per second of CPU) |
| the same queue indexed into FTS5's tables alone, batches alternating in the same run | ${fmt(s.index_fts5.index_per_s)} responses/s (${fmt(s.index_fts5.index_cpu_per_s)} per second of CPU) |
| indexing rate ratio (lists / FTS5 alone) | ${fmt(s.index_per_s / s.index_fts5.index_per_s, 2)}× |
| a batch of 5,000, first tenth / last tenth of the run (with the lists) | ${fmt(s.index_batch_first_s, 2)} s / ${fmt(s.index_batch_last_s, 2)} s |
| database size | ${fmt(s.db_mib)} MiB |
| peak RSS of the benchmark (indexing and queries; the generator apart) | ${fmt(s.peak_rss_mib)} MiB |

Two designs over the same database, each query timed with one then the other in the same run:
the lists of the best documents of frequent terms (\`search/top_lists.h\`, what Plenary runs: a
one-word query over a word with at least 1,000 documents in a language is ranked from a few
hundred listed rows, with FTS5's own scores) and FTS5's \`bm25()\` over every match alone. Every
query of every class finds something (the run fails otherwise).

| query class | queries | lists p50 ms | lists p95 ms | lists p99 ms | FTS5 alone p50 ms | FTS5 alone p99 ms | p50 ratio (lists / FTS5) |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${['common', 'medium', 'rare', 'phrase', 'filtered'].map((k) => `| ${k} | ${s[k].queries} | ${fmt(s[k].p50, 1)} | ${fmt(s[k].p95, 1)} | ${fmt(s[k].p99, 1)} | ${fmt(s.fts5[k].p50, 1)} | ${fmt(s.fts5[k].p99, 1)} | ${fmt(s[k].p50 / s.fts5[k].p50, 2)}× |`).join('\n')}

A phrase of listed words (and a Chinese word, a phrase of bigrams) gets lists of its own the
first time it is queried. Queries of several words (not in this mix) are still scored over every
match in the FTS5 table. A filtered one-word query tests the listed documents best first
against the filter, 128 at a time (the filters read from the narrow index
\`search_docs_filters\`), and falls back to FTS5 when too few of them pass. Snippets are made
from each hit's text as FTS5's \`snippet()\` makes them (\`search/snippet.h\`), without an FTS5
statement per hit; the indexer's texts are analysed on a thread of their own ahead of its
inserts. Indexing runs behind the durable write:
a submission does not wait for it, and the lag is \`plenary_search_queue\` in \`/metrics\`.
`);
}
if (results.searchpg) {
  const s = results.searchpg;
  const classes = ['common', 'medium', 'rare', 'phrase'];
  const designs = [['local', '(a) each server\'s own SQLite FTS5 index (`search::LocalIndex`, the default)'],
    ['gin', '(b) PostgreSQL, GIN index, ordered by `ts_rank`'], ['rum', '(b) PostgreSQL, RUM index, ordered by `<=>`']];
  // The faster design: the lower worst p99 over the query classes, then the lower worst p50.
  const worst = (d, k) => Math.max(...classes.map((c) => s[d][c][k]));
  const ranked = designs.map(([d]) => d).sort((x, y) => worst(x, 'p99') - worst(y, 'p99') || worst(x, 'p50') - worst(y, 'p50'));
  const name = Object.fromEntries(designs);
  parts.push(`## Search on PostgreSQL over ${fmt(s.responses)} responses: two designs

\`build/plenary_bench_search_pg\` (\`bench/search/search_pg_bench.cc\`) in a throwaway cluster
(\`scripts/pg-test-cluster.sh\`: PostgreSQL 15 with its default memory settings, on the same
cores). The same generated responses as above are written to the shared \`search_docs\` (in
bulk, ${fmt(s.shared_docs_s)} s), then searched with the same query mix through each design:

- (a) each server's own SQLite file with the FTS5 tables and the \`plenary\` tokenizer
  (\`search::LocalIndex\`), rebuilt from \`search_docs\` (${fmt(s.local_rebuild_s)} s, ${fmt(s.local_mib)} MiB), queried
  through \`search::Search\` exactly as \`plenary serve\` does: top 20 by BM25 across the six languages,
  with snippets;
- (b) PostgreSQL itself: a \`tsvector\` per document made from the same analyzer's terms
  (${fmt(s.tsvector_s)} s), one partial index per language, the top 21 of each language with
  \`ts_headline\`; first GIN ordering by \`ts_rank\` (index built in ${fmt(s.gin_index_s)} s), then RUM
  (Debian's \`postgresql-15-rum\`) ordering by its own distance \`<=>\` (${fmt(s.rum_index_s)} s).

Each query of the mix runs once before the timed runs, as in the SQLite benchmark (whose first
run checks each query against the reference ranking); the slowest of those first runs is the
last column (in (a), a phrase of listed words gets lists of its own at its first query: a write).

| design | query class | queries | p50 ms | p95 ms | p99 ms | slowest first run ms |
| --- | --- | ---: | ---: | ---: | ---: | ---: |
${designs.flatMap(([d, label]) => classes.map((c) => `| ${label} | ${c} | ${s[d][c].queries} | ${fmt(s[d][c].p50, 1)} | ${fmt(s[d][c].p95, 1)} | ${fmt(s[d][c].p99, 1)} | ${s[d][c].first === undefined ? '–' : fmt(s[d][c].first, 1)} |`)).join('\n')}

Fastest in this run (lowest worst p99 over the classes): ${name[ranked[0]]}, then ${name[ranked[1]]}, then ${name[ranked[2]]}.
${ranked[0] === 'local'
    ? `Plenary keeps (a) on PostgreSQL: it is the fastest here, its results are those of a SQLite
deployment by construction (same tables, tokenizer, BM25 and snippets; \`LocalIndexTest\` compares
them hit by hit, and \`tests/scenario/search.test.mjs\` passes on both backends), and a search
never reaches the shared database, whose cores stay with the writes.`
    : `(b) was faster in this run; Plenary still answers from (a), whose results are those of a
SQLite deployment by construction (same tables, tokenizer, BM25 and snippets), while (b) ranks by
another formula and would need its own snippets: moving to it is a change of results, not only
of speed.`}
${designs.some(([d]) => worst(d, 'p99') < 50 && worst(d, 'p50') < 5)
    ? `Meeting the targets (p50 < 5 ms, p99 < 50 ms) in every class of this mix: ${designs.filter(([d]) => worst(d, 'p99') < 50 && worst(d, 'p50') < 5).map(([, l]) => l).join('; ')}.`
    : `No design meets the targets (p50 < 5 ms, p99 < 50 ms) in every class here: a common term
(a word most responses of a language contain) has every match scored before the top 20 are
known, in each engine.`}
`);
}
if (results.campaigns) {
  parts.push(`## Campaign clustering

\`build/plenary_bench_campaigns ${CAMPAIGN_SIZES}\` (\`bench/campaigns/campaigns_bench.cc\`): \`ClusterAll\` over
generated corpora with known campaigns (6% unique responses, the seven largest campaigns 38%,
copies edited with greetings, signatures, reordered and swapped sentences, typos), scored against
the generator's labels. Its output:

\`\`\`
${results.campaigns}
\`\`\`
`);
}
if (results.pow) {
  parts.push(`## Proof of work in the browser

\`tests/browser/pow.test.mjs\` submits the form six times in headless Chromium with \`--pow-bits 16\`
(every submission must reach its receipt) and measures the raw \`crypto.subtle\` SHA-256 rate. Its
line:

\`\`\`
${results.pow}
\`\`\`
`);
}
if (results.screen) {
  const r = results.screen;
  const lasts = r.reach.map((x) => x.last), medians = r.reach.map((x) => x.median);
  parts.push(`## The room's screen: ${fmt(r.watchers)} watchers of one negotiated text

\`bench/screen/watchers.mjs\`: one server with the demo and \`--max-screen-watchers ${r.watchers}\`;
${fmt(r.watchers)} connections, signed in, hold \`GET /api/v1/texts/{id}/events\` open (each has its first
event; one more is refused with 503). Memory is the server's resident set (VmRSS); CPU is its user
and system time over ${r.idleSeconds} s divided by the time, in percent of one core, idle without
watchers and with them. Then ${r.edits} edits of a provision by the secretariat (\`PATCH\`, one after
the other), each timed from the request sent until every watcher has received its \`change\`
event (client and server on the same machine; the stream polls its text's version every 100 ms).

| | without watchers | with ${fmt(r.watchers)} idle watchers |
| --- | ---: | ---: |
| server RSS | ${fmt(r.rssBefore, 1)} MiB | ${fmt(r.rssWatched, 1)} MiB (${fmt((r.rssWatched - r.rssBefore) * 1024 / r.watchers, 1)} KiB a watcher) |
| server CPU, idle | ${fmt(r.cpuBefore, 2)} % | ${fmt(r.cpuWatched, 2)} % |

| an edit reaches | median of the edits | slowest edit | each edit (ms) |
| --- | ---: | ---: | ---: |
| half the watchers | ${fmt(median(medians))} ms | ${fmt(Math.max(...medians))} ms | ${medians.map((x) => fmt(x)).join(' / ')} |
| every watcher | ${fmt(median(lasts))} ms | ${fmt(Math.max(...lasts))} ms | ${lasts.map((x) => fmt(x)).join(' / ')} |
`);
}
if (results.soak) {
  const r = results.soak;
  const met = (ok) => (ok ? 'met' : '**not met**');
  parts.push(`## Surge soak

\`bench/soak/soak.mjs\`, one run: one server with the demo (SQLite). First its ceiling in this run: wrk with
${CONNECTIONS.write} connections sending durable submissions as fast as they are answered for ${SECONDS} s
(${fmt(r.ceiling)} submissions/s; ${fmt(r.ceilingRows)} rows stored, equal to the 2xx answers). Then
${fmt(r.soakSeconds)} s of surge: durable submissions offered at ${fmt(r.share * 100)} % of the ceiling (${fmt(r.offered)}/s, one
every ${fmt(1000 / r.offered, 2)} ms on whichever of ${r.writeConnections} connections is free: an open schedule), keys unique
to the run, while ${r.readConnections} other connections read ${fmt(r.readRate)} pages a second, in turn: ${r.readPaths.map((p) => `\`${p}\``).join(', ')}.
The only refusal allowed is the documented back-pressure, 503 with \`Retry-After\`; any other
answer or socket error fails the run. Latencies are wrk's over the whole surge.

| | value | target |
| --- | ---: | --- |
| submissions answered 201 | ${fmt(r.writes.ok)} (${fmt(r.writes.rps)}/s) | – |
| rows stored with the run's keys | ${fmt(r.stored)} | equal to the 201 answers |
| submissions refused with 503 and \`Retry-After\` | ${fmt(r.writes.refused)} | – |
| submissions p50 / p99 | ${fmt(r.writes.p50, 1)} / ${fmt(r.writes.p99, 1)} ms | – |
| reads answered 2xx | ${fmt(r.reads.ok)} (${fmt(r.reads.rps)}/s); ${fmt(r.reads.refused)} refused with \`Retry-After\` | – |
| reads p50 / p99 / slowest | ${fmt(r.reads.p50, 1)} / ${fmt(r.reads.p99, 1)} / ${fmt(r.reads.max, 1)} ms | p99 < 100 ms: ${met(r.reads.p99 < 100)} |
| server peak RSS | ${fmt(r.rss)} MiB | < 500 MiB: ${met(r.rss < 500)} |

Then ${r.kills} kills: each time the server starts again on the same database, ${r.writers} clients submit
one after the other (each noting the keys answered 201), and after 0.5–3 s (at random) the server is
killed with SIGKILL. After one more start, every one of the **${fmt(r.acked)}** acknowledged submissions is
stored exactly once (${fmt(r.unacknowledgedStored)} more were stored whose answer was lost with the server;
${fmt(r.refusedDuringKills)} were refused with \`Retry-After\`), and \`PRAGMA integrity_check\` says \`${r.integrity}\`.
Losing the operating system's page cache as well (power loss) is tested in CI by
\`src/consultations/power_loss_test.cc\`.
`);
}
parts.push(`## Reproduce

\`\`\`sh
bench/run.sh                 # the full suite (${FULL.runs} runs of ${FULL.seconds} s; most of its time is indexing ${fmt(FULL.searchN)} responses)
bench/run.sh --quick         # 1 run of 3 s, 100,000 responses: to try the harness
BENCH_SECONDS=5 BENCH_RUNS=3 BENCH_SECTIONS=http bench/run.sh   # any part, any length
BENCH_SECTIONS=postgresql BENCH_OUT=- bench/run.sh   # submissions on PostgreSQL alone, printed
bench/spot.sh                # the HTTP section alone, printed instead of written here
BENCH_SECTIONS=http BENCH_HTTP_ROWS=group BENCH_SECONDS=5 BENCH_OUT=- node bench/run.mjs   # submissions and ping alone, printed
BENCH_SECTIONS=http BENCH_HTTP_ROWS=${Object.keys(PAGES).join(',')} BENCH_SECONDS=5 BENCH_OUT=- node bench/run.mjs   # the pages and ping alone, printed
BENCH_SECTIONS=lists BENCH_OUT=- node bench/run.mjs    # published responses at ${LIST_SIZES.map((n) => fmt(n)).join(' and ')} alone, printed
BENCH_SECTIONS=screen BENCH_OUT=- node bench/run.mjs   # the room's screen alone (BENCH_SCREEN_WATCHERS=500), printed
BENCH_SECTIONS=soak BENCH_OUT=- node bench/run.mjs     # the surge soak alone (BENCH_SOAK_SECONDS=600, BENCH_SOAK_KILLS=20), printed
\`\`\`

Run it on a quiet machine: wrk and the server share its cores. Not part of CI.
`);
// Sections this run did not measure are kept from the existing file, as they were.
const HEADINGS = { http: '## HTTP', postgresql: '## Durable submissions on PostgreSQL', lists: '## Published responses', search: '## Search over',
  searchpg: '## Search on PostgreSQL', campaigns: '## Campaign clustering', pow: '## Proof of work',
  screen: "## The room's screen", soak: '## Surge soak' };
const previous = OUT !== '-' && existsSync(resolve(ROOT, OUT)) ? readFileSync(resolve(ROOT, OUT), 'utf8') : '';
const previousRun = (previous.match(/^\| commit \| (.*) \|$/m) || [, 'an earlier run'])[1];
const blocks = previous.split(/^(?=## )/m);
for (const key of ALL_SECTIONS.filter((k) => !SECTIONS.includes(k))) {
  const block = blocks.find((b) => b.startsWith(HEADINGS[key]));
  if (!block) continue;
  const kept = block.includes('\n_Kept from ') ? block : block.replace(/\n/, `\n\n_Kept from the run of commit ${previousRun}; this run did not measure it._\n`);
  parts.splice(parts.length - 1, 0, kept.trimEnd() + '\n');
}
const md = parts.join('\n');
if (OUT === '-') process.stdout.write(md);
else {
  writeFileSync(resolve(ROOT, OUT), md);
  console.error(`bench: wrote ${OUT}`);
}
