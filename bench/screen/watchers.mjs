// The room's screen under several hundred watchers (a section of bench/run.mjs): one server with
// the demo, `watchers` connections held open on GET /api/v1/texts/{id}/events (raw sockets,
// signed in as an administrator, each checked to have received its first event), then
// - the server's resident memory (VmRSS) without watchers and with them all idle, and the CPU
//   it uses (utime + stime from /proc) over `idleSeconds` without watchers and with them;
// - `edits` edits of a provision by the secretariat (PATCH, with the current version), each
//   timed from the moment the request is sent until the last watcher has its event.
// Fails (through `fail`) when a watcher is refused, misses an event, or an edit does not reach
// every watcher within 10 s. Every wait is bounded.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';

const EMAIL = 'bench.secretariat@example.int';
const PASSWORD = 'a long bench password';
const CLK_TCK = 100;  // Linux's USER_HZ: /proc/PID/stat counts CPU time in these ticks

const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));
const rssMiB = (pid) => Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)[1]) / 1024;
const cpuTicks = (pid) => {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const after = f.slice(f.lastIndexOf(')') + 2).split(' ');  // fields from the 3rd (state) on
  return Number(after[11]) + Number(after[12]);  // utime, stime (fields 14 and 15)
};
// Percent of one core used by the server over `seconds`.
async function cpuPercent(pid, seconds) {
  const t0 = cpuTicks(pid), w0 = Date.now();
  await sleep(seconds * 1000);
  return ((cpuTicks(pid) - t0) / CLK_TCK) / ((Date.now() - w0) / 1000) * 100;
}

// One watcher: a socket that sends the request and collects the `change` counts it receives.
function watcher(url, path, cookie) {
  const { hostname, port } = new URL(url);
  const w = { changes: [], arrived: [], status: 0, socket: null, buffer: '' };
  w.socket = connect({ host: hostname, port: Number(port) }, () => {
    w.socket.write(`GET ${path} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nAccept: text/event-stream\r\n` +
      `Cookie: ${cookie}\r\n\r\n`);
  });
  w.socket.setEncoding('utf8');
  w.socket.on('data', (d) => {
    w.buffer += d;
    if (!w.status) {
      const m = w.buffer.match(/^HTTP\/1\.1 (\d{3})/);
      if (m) w.status = Number(m[1]);
    }
    for (let end; (end = w.buffer.indexOf('\n\n')) >= 0;) {
      const block = w.buffer.slice(0, end);
      w.buffer = w.buffer.slice(end + 2);
      const data = /^event: change$/m.test(block) && block.match(/^data: (.*)$/m);
      if (data) {
        w.changes.push(JSON.parse(data[1]).change);
        w.arrived.push(performance.now());
      }
    }
  });
  w.socket.on('error', () => {});
  return w;
}

async function until(what, ok, ms, fail) {
  const deadline = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > deadline) fail(`screen: ${what} within ${ms} ms`);
    await sleep(5);
  }
}

export async function screenWatchers({ bin, server, tempDir, fail, watchers = 500, edits = 5, idleSeconds = 10 }) {
  const dir = tempDir();
  execFileSync(bin, ['--db', join(dir, 'bench.db'), 'user', 'add', '--email', EMAIL, '--name', 'Bench Secretariat',
    '--role', 'admin'], { env: { ...process.env, PLENARY_PASSWORD: PASSWORD }, stdio: 'pipe' });
  const s = await server(['--max-screen-watchers', String(watchers)], dir);
  const login = await fetch(s.url + '/api/v1/login', { method: 'POST', signal: AbortSignal.timeout(30000),
    headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: EMAIL, password: PASSWORD }) });
  if (login.status !== 200) fail(`screen: sign-in answered ${login.status}`);
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const csrf = (await login.json()).csrf_token;
  const api = (path, init = {}) => fetch(s.url + path, { ...init, signal: AbortSignal.timeout(30000),
    headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json', ...(init.headers || {}) } });
  const list = await (await api(`/api/v1/texts?document=${encodeURIComponent('C22/32(Rev.1)')}`)).json();
  if (list.items?.length !== 1) fail('screen: the demo has no text on C22/32(Rev.1)');
  const textId = list.items[0].id;

  await sleep(2000);  // the demo's search indexing settles
  const rssBefore = rssMiB(s.pid);
  const cpuBefore = await cpuPercent(s.pid, idleSeconds);
  const ws = [];
  for (let i = 0; i < watchers; i++) {
    ws.push(watcher(s.url, `/api/v1/texts/${textId}/events`, cookie));
    if (i % 50 === 49) await sleep(20);  // in waves, as screens open over a few seconds
  }
  await until(`${watchers} watchers connected`, () => ws.every((w) => w.changes.length >= 1 || w.status >= 400), 30000, fail);
  const refused = ws.filter((w) => w.status !== 200).length;
  if (refused) fail(`screen: ${refused} of ${watchers} watchers refused (status ${ws.find((w) => w.status !== 200).status})`);
  // One more is refused: the bound holds.
  const extra = watcher(s.url, `/api/v1/texts/${textId}/events`, cookie);
  await until('the watcher beyond --max-screen-watchers answered', () => extra.status > 0, 10000, fail);
  if (extra.status !== 503) fail(`screen: watcher ${watchers + 1} answered ${extra.status}, not 503`);
  extra.socket.destroy();
  await sleep(1000);
  const rssWatched = rssMiB(s.pid);
  const cpuWatched = await cpuPercent(s.pid, idleSeconds);

  const reach = [];
  for (let e = 0; e < edits; e++) {
    const t = await (await api(`/api/v1/texts/${textId}`)).json();
    const p = t.provisions.find((x) => x.label === '4.a');
    const seen = ws.map((w) => w.changes.length);
    const t0 = performance.now();
    const res = await api(`/api/v1/provisions/${p.id}`, { method: 'PATCH',
      body: JSON.stringify({ version: t.version, text: { en: p.texts.en.replace(/( Edit \d+)?\.$/, ` Edit ${e + 1}.`) } }) });
    if (res.status !== 200) fail(`screen: edit ${e + 1} answered ${res.status}`);
    await until(`edit ${e + 1} reached every watcher`, () => ws.every((w, i) => w.changes.length > seen[i]), 10000, fail);
    const times = ws.map((w, i) => w.arrived[seen[i]] - t0).sort((a, b) => a - b);
    reach.push({ last: times.at(-1), median: times[Math.floor(times.length / 2)] });
    await sleep(300);
  }
  for (const w of ws) w.socket.destroy();
  await s.stop();
  return { watchers, edits, idleSeconds, rssBefore, rssWatched, cpuBefore, cpuWatched, reach };
}
