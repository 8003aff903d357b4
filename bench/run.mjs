// The benchmark suite: each figure is the median of several runs, with ratios against
// baselines measured in the same run (the HTTP stack's own /api/v1/ping, and one transaction
// per request for durable submissions). Writes docs/PERFORMANCE.md.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'build/plenary');
const QUICK = process.argv.includes('--quick');
const RUNS = QUICK ? 1 : 3;
const SECONDS = QUICK ? 3 : 10;

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const sh = (cmd, args, opts = {}) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 28, ...opts });

async function server(args = [], dbDir) {
  const dir = dbDir || mkdtempSync(join(tmpdir(), 'plenary-bench-'));
  const proc = spawn(BIN, ['--db', join(dir, 'bench.db'), 'serve', '--listen', '127.0.0.1:0', '--submissions-per-ip-per-minute', '0', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((ok, fail) => {
    let out = '';
    proc.stdout.on('data', (d) => { out += d; const m = out.match(/listening on (http:\/\/[^\s]+)\//); if (m) ok(m[1]); });
    proc.on('exit', (c) => fail(new Error('server exited ' + c)));
  });
  return {
    url, dir, db: join(dir, 'bench.db'),
    hwmKb: () => Number(readFileSync(`/proc/${proc.pid}/status`, 'utf8').match(/VmHWM:\s+(\d+)/)[1]),
    async stop(keep) { proc.kill('SIGTERM'); await new Promise((r) => proc.on('exit', r)); if (!keep) rmSync(dir, { recursive: true, force: true }); },
  };
}

function wrk(url, { connections = 64, script, path = '' } = {}) {
  const args = ['-t2', `-c${connections}`, `-d${SECONDS}s`, '--latency'];
  if (script) args.push('-s', join(ROOT, script));
  args.push(url + path);
  const out = sh('wrk', args);
  const ms = (label) => {
    const m = out.match(new RegExp(`${label}\\s+([\\d.]+)(us|ms|s)`));
    if (!m) return NaN;
    return Number(m[1]) * { us: 0.001, ms: 1, s: 1000 }[m[2]];
  };
  const non2xx = Number((out.match(/Non-2xx or 3xx responses: (\d+)/) || [0, 0])[1]);
  return { rps: Number(out.match(/Requests\/sec:\s+([\d.]+)/)[1]), p50: ms('50%'), p99: ms('99%'), non2xx };
}

async function measure(label, fn) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await fn());
  const r = { label, rps: median(runs.map((x) => x.rps)), p50: median(runs.map((x) => x.p50)),
    p99: median(runs.map((x) => x.p99)), rss: Math.max(...runs.map((x) => x.rss || 0)), non2xx: Math.max(...runs.map((x) => x.non2xx)) };
  console.log(label, JSON.stringify(r));
  return r;
}

const results = {};
// 1. The HTTP stack's own limit, and durable submissions with and without group commit.
{
  const s = await server();
  results.ping = await measure('ping', async () => ({ ...wrk(s.url, { path: '/api/v1/ping' }), rss: s.hwmKb() }));
  results.page = await measure('consultation page', async () => ({ ...wrk(s.url, { path: '/en/consultations/ai-public-policy' }), rss: s.hwmKb() }));
  results.group = await measure('submissions, group commit', async () => ({ ...wrk(s.url, { connections: 256, script: 'bench/http/submit.lua' }), rss: s.hwmKb() }));
  await s.stop();
  const n = await server(['--no-group-commit']);
  results.naive = await measure('submissions, one transaction each', async () => ({ ...wrk(n.url, { connections: 256, script: 'bench/http/submit.lua' }), rss: n.hwmKb() }));
  await n.stop();
}
// 2. A published-responses page of a consultation with 100,000 responses.
{
  const s = await server();
  await s.stop(true);
  const N = 100000;
  sh('sqlite3', [s.db, `
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${N})
    INSERT INTO responses(consultation_id, reference, name, organization, country, stakeholder_type, email, language,
      general_text, consent_publish, status, submitted_at, published_at)
    SELECT 2, printf('B%07d', i), 'Respondent ' || i, 'Organization ' || (i % 500), 'CH', 'civil_society',
      'r' || i || '@example.org', 'en', 'A published response of about two hundred characters on the environmental impacts and benefits of the Internet, number ' || i || '.',
      1, 'published', 1640000000 + i, 1650000000 FROM n;`]);
  const t = await server([], s.dir);
  results.list_first = await measure('published responses page 1 of 100k', async () => ({ ...wrk(t.url, { path: '/en/consultations/environment/responses?page=1' }), rss: t.hwmKb() }));
  results.list_deep = await measure('published responses page 1,000 of 100k', async () => ({ ...wrk(t.url, { path: '/en/consultations/environment/responses?page=1000' }), rss: t.hwmKb() }));
  results.list_api = await measure('API published responses page 1 of 100k', async () => ({ ...wrk(t.url, { path: '/api/v1/consultations/environment/responses?page=1' }), rss: t.hwmKb() }));
  await t.stop();
}

// 3. Search over N generated responses in six languages, and campaign clustering.
const SEARCH_N = QUICK ? 100000 : 1000000;
sh('cmake', ['--build', join(ROOT, 'build'), '--target', 'plenary_bench_search', 'plenary_bench_campaigns']);
results.search = JSON.parse(sh(join(ROOT, 'build/plenary_bench_search'), [String(SEARCH_N), QUICK ? '3' : '10']).trim().split('\n').pop());
console.log('search', JSON.stringify(results.search));
const campaignsOut = sh(join(ROOT, 'build/plenary_bench_campaigns'), [QUICK ? '100000' : '100000,1000000']);
console.log(campaignsOut);

const cpu = cpus()[0].model;
const commit = sh('git', ['-C', ROOT, 'rev-parse', '--short', 'HEAD']).trim();
const fmt = (x, d = 0) => Number.isFinite(x) ? x.toLocaleString('en-GB', { maximumFractionDigits: d, minimumFractionDigits: d }) : '–';
const row = (r, base) => `| ${r.label} | ${fmt(r.rps)} | ${base ? fmt(r.rps / base.rps, 2) + '×' : ''} | ${fmt(r.p50, 1)} | ${fmt(r.p99, 1)} | ${fmt(r.rss / 1024)} | ${r.non2xx} |`;
const md = `# Performance

Measured by \`bench/run.sh\` on ${new Date().toISOString().slice(0, 10)} at commit ${commit}: ${cpus().length} cores (${cpu}),
${fmt(totalmem() / 2 ** 30)} GiB, Debian 12, SQLite WAL with \`synchronous=FULL\`. \`wrk\` runs on the same machine
(2 threads), so the server gets about one core. Each figure is the median of ${RUNS} runs of ${SECONDS} s;
ratios are against baselines measured in the same run. These machines are shared and noisy: read the ratios.

## HTTP

| what | requests/s | ratio | p50 ms | p99 ms | peak RSS MiB | non-2xx |
| --- | ---: | ---: | ---: | ---: | ---: | ---: |
${row(results.ping)}
${row(results.page, results.ping)}
${row(results.group, results.ping)}
${row(results.naive, results.ping)}

Durable submissions (\`POST /api/v1/consultations/{id}/responses\`, 256 connections, each answered
only after its transaction was synced): group commit gives **${fmt(results.group.rps / results.naive.rps, 1)}×** the
throughput of one transaction per request (\`plenary serve --no-group-commit\`), and ${fmt(100 * results.group.rps / results.ping.rps, 0)}% of
the HTTP stack's own rate on \`/api/v1/ping\`.

## Published responses of a consultation with 100,000 responses

| what | requests/s | ratio to ping | p50 ms | p99 ms | peak RSS MiB | non-2xx |
| --- | ---: | ---: | ---: | ---: | ---: | ---: |
${row(results.list_first, results.ping)}
${row(results.list_deep, results.ping)}
${row(results.list_api, results.ping)}

## Search over ${fmt(SEARCH_N)} responses in six languages

Responses from \`campaigns::GenerateCorpus\` (seed 7: ${Object.entries(results.search.languages).map(([l, n]) => `${l} ${fmt(n)}`).join(', ')}),
indexed through the production path (queue → \`search::IndexBatch\` → one FTS5 table per language with the
\`plenary\` tokenizer), queried through \`search::Search\` (top 20 by BM25 across the six tables).

| | value |
| --- | ---: |
| indexing rate (durable batches of 5,000) | ${fmt(results.search.index_per_s)} responses/s |
| database size | ${fmt(results.search.db_mib)} MiB |
| peak RSS of the benchmark | ${fmt(results.search.peak_rss_mib)} MiB |

| query class | queries | p50 ms | p95 ms | p99 ms |
| --- | ---: | ---: | ---: | ---: |
${['common', 'medium', 'rare', 'phrase'].map((k) => `| ${k} | ${results.search[k].queries} | ${fmt(results.search[k].p50, 1)} | ${fmt(results.search[k].p95, 1)} | ${fmt(results.search[k].p99, 1)} |`).join('\n')}

Common terms (a topic word that most responses of its language contain) are scored over every
match: their latency grows with the corpus. Indexing runs behind the durable write, so it
never slows a submission; the lag is \`plenary_search_queue\` in \`/metrics\`.

## Campaign clustering

\`ClusterAll\` over generated corpora with known campaigns (6% unique responses, the seven largest
campaigns 38%, copies edited with greetings, signatures, reordered and swapped sentences, typos):

\`\`\`
${campaignsOut.trim()}
\`\`\`

## Reproduce

\`\`\`sh
bench/run.sh          # about ${QUICK ? 3 : 8} minutes (most of it indexing 1,000,000 responses); --quick: 100,000
\`\`\`
`;
writeFileSync(join(ROOT, 'docs/PERFORMANCE.md'), md);
console.log(md);
