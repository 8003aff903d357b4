// The surge soak (a section of bench/run.mjs): can one server take a long surge of durable
// submissions, stay readable while it does, and lose nothing acknowledged when killed?
//
// 1. The ceiling: one wrk run of submissions as fast as they are answered (`ceiling`, the rows
//    stored checked against the 2xx answers).
// 2. The soak: `soakSeconds` of submissions offered at `share` of that ceiling (on an open
//    schedule, bench/http/load.lua; keys unique to the run) while other connections read the
//    consultation page, a document, a meeting's agenda, the home page and three searches at
//    `readRate` a second. Every write
//    answered 201 must be a row; the only refusal allowed is the documented back-pressure (503
//    with Retry-After), counted apart; any other answer or socket error fails the section. The
//    reads' p50 and p99 (wrk's, over the whole soak) and the server's peak RSS are reported
//    against the targets (p99 < 100 ms, RSS < 500 MiB).
// 3. The kills: `kills` times, the server is restarted on the same database and loaded by
//    `writers` concurrent submitters that note each key answered 201; at a random moment
//    (0.5–3 s) it is killed with SIGKILL. At the end the server starts once more: every key
//    acknowledged before any kill must be stored exactly once, and `PRAGMA integrity_check`
//    must answer ok. Every wait is bounded.
import { execFile } from 'node:child_process';
import { join } from 'node:path';

const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));
const READS = ['/en/consultations/ai-public-policy', '/en/', '/en/documents/1', '/en/meetings/6/agenda',
  '/api/v1/search?q=internet', '/api/v1/search?q=%E4%BA%92%E8%81%94%E7%BD%91', '/en/search?q=resolution+1344'];

export async function surgeSoak({ root, server, fail, sql, submitRun, suiteId, soakSeconds, share, kills, writers,
  readConnections, readRate, drain }) {
  const lua = join(root, 'bench/http/load.lua');
  const path = '/api/v1/consultations/ai-public-policy/responses';
  const s = await server();
  // 1. The ceiling, in the same run.
  const ceiling = submitRun(s, `${suiteId}-ceiling`);
  console.error(`soak: ceiling ${Math.round(ceiling.rps)} submissions/s`);

  // 2. The soak: one wrk thread sends a submission every 1000 / offered ms on whichever of its
  // connections is free; as many connections as the ceiling's load keep enough free.
  const writeConnections = 256;
  const offered = ceiling.rps * share;
  const runId = `${suiteId}-surge`;
  const wrkRun = (args) => new Promise((ok, no) => execFile('wrk', args,
    { encoding: 'utf8', maxBuffer: 1 << 26, timeout: (soakSeconds + drain + 120) * 1000 },
    (e, out) => (e ? no(new Error(`wrk: ${e.message}\n${out}`)) : ok(out))));
  const parse = (out, what) => {
    const line = out.split('\n').find((l) => l.startsWith('BENCH '));
    if (!line) fail(`soak ${what}: no BENCH line:\n${out}`);
    const r = JSON.parse(line.slice(6));
    const statuses = {};
    for (const t of [r.in_window, r.late]) for (const [k, n] of Object.entries(t)) statuses[k] = (statuses[k] || 0) + n;
    const bad = Object.entries(statuses).filter(([k]) => !/^2\d\d$/.test(k) && k !== '503-retry-after');
    if (bad.length) fail(`soak ${what}: answers other than 2xx and 503 with Retry-After: ${bad.map(([k, n]) => `${n} × ${k}`).join(', ')}`);
    const errors = Object.entries(r.errors).filter(([, n]) => n > 0);
    if (errors.length) fail(`soak ${what}: socket errors: ${errors.map(([k, n]) => `${k} ${n}`).join(', ')}`);
    const ok = Object.entries(statuses).filter(([k]) => /^2/.test(k)).reduce((a, [, n]) => a + n, 0);
    const inWindow = Object.entries(r.in_window).filter(([k]) => /^2/.test(k)).reduce((a, [, n]) => a + n, 0);
    return { ok, refused: statuses['503-retry-after'] || 0, rps: inWindow / soakSeconds, p50: r.latency_ms.p50,
      p99: r.latency_ms.p99, max: r.latency_ms.max, sent: r.sent, answers: r.answers };
  };
  const before = Number(sql(s.db, 'SELECT count(*) FROM responses'));
  const common = ['-t1', `-d${soakSeconds + drain}s`, '--timeout', `${drain}s`, '-s', lua];
  const [wout, rout] = await Promise.all([
    wrkRun([...common, `-c${writeConnections}`, s.url + path, '--', String(soakSeconds), 'submit', runId, String(1000 / offered)]),
    wrkRun([...common, `-c${readConnections}`, s.url + '/', '--', String(soakSeconds), 'get', String(1000 / readRate), READS.join(',')]),
  ]);
  const writes = parse(wout, 'writes'), reads = parse(rout, 'reads');
  if (writes.sent !== writes.answers) fail(`soak: ${writes.sent - writes.answers} of ${writes.sent} submissions unanswered after the drain`);
  const stored = Number(sql(s.db, `SELECT count(*) FROM responses WHERE idempotency_key LIKE '%:${runId}-%'`));
  const grown = Number(sql(s.db, 'SELECT count(*) FROM responses')) - before;
  if (stored !== writes.ok || grown !== writes.ok)
    fail(`soak: ${writes.ok} submissions answered 2xx, ${stored} stored with the run's keys, responses grew by ${grown}`);
  const rss = s.hwmMiB();
  await s.stop();
  console.error(`soak: ${Math.round(writes.rps)} submissions/s (${writes.refused} refused with Retry-After), ` +
    `reads p50 ${reads.p50.toFixed(1)} ms p99 ${reads.p99.toFixed(1)} ms, peak RSS ${rss.toFixed(0)} MiB`);

  // 3. The kills, on one database.
  const acked = [];
  let restarted = null, refusedDuringKills = 0, otherAnswers = 0;
  for (let k = 0; k < kills; k++) {
    const victim = await server([], s.dir);
    restarted = victim;
    let stop = false;
    const loops = Array.from({ length: writers }, async (_, w) => {
      for (let n = 0; !stop; n++) {
        const key = `${suiteId}-kill-${k}-${w}-${n}`;
        let res;
        try {
          res = await fetch(victim.url + path, {
            method: 'POST', signal: AbortSignal.timeout(10000),
            headers: { 'content-type': 'application/json', 'idempotency-key': key },
            body: JSON.stringify({ name: `Soak ${key}`, email: `${key}@example.org`, country: 'CH',
              stakeholder_type: 'civil_society', language: 'en', consent_publish: true,
              answers: { 1: 'The Internet should remain open, interoperable and secure for everyone.' } }),
          });
        } catch {
          return;  // the server is gone: this submission was never acknowledged
        }
        if (res.status === 201) acked.push(key);
        else if (res.status === 503 && res.headers.get('retry-after')) refusedDuringKills++;
        else otherAnswers++;
        await res.arrayBuffer().catch(() => {});
      }
    });
    await sleep(500 + Math.random() * 2500);
    process.kill(victim.pid, 'SIGKILL');
    stop = true;
    await Promise.race([Promise.all(loops), sleep(15000)]);
    await victim.exited;
  }
  if (otherAnswers) fail(`soak kills: ${otherAnswers} answers other than 201 and 503 with Retry-After`);
  // One more start: recovery of the last kill, then every acknowledged key counted.
  const last = await server([], s.dir);
  await last.stop();
  const keys = new Set(acked);
  const storedKeys = new Map();
  for (const row of sql(s.db, `SELECT idempotency_key FROM responses WHERE idempotency_key LIKE '%:${suiteId}-kill-%'`).split('\n'))
    if (row) { const key = row.slice(row.indexOf(':') + 1); storedKeys.set(key, (storedKeys.get(key) || 0) + 1); }
  const lost = acked.filter((key) => storedKeys.get(key) !== 1);
  if (lost.length) fail(`soak kills: ${lost.length} of ${acked.length} acknowledged submissions not stored once, e.g. ${lost.slice(0, 3).join(', ')}`);
  const integrity = sql(s.db, 'PRAGMA integrity_check');
  if (integrity !== 'ok') fail(`soak kills: integrity_check says ${integrity}`);
  console.error(`soak: ${kills} kills, ${keys.size} acknowledged submissions all stored once, ` +
    `${storedKeys.size - keys.size} more stored whose answer was lost with the server`);
  return { ceiling: ceiling.rps, ceilingRows: ceiling.rows, offered, writeConnections, soakSeconds, share, writes, stored,
    reads, readConnections, readRate, readPaths: READS, rss, kills, writers, acked: keys.size,
    unacknowledgedStored: storedKeys.size - keys.size, refusedDuringKills, integrity };
}
