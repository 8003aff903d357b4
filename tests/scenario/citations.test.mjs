// The citation extraction API over HTTP.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startServer, Client, jsonOf } from '../lib/server.mjs';

let server, client;
before(async () => { server = await startServer({ demo: false }); client = new Client(server.url); });
after(async () => { await server?.stop(); });

test('citations are extracted with their span, instrument, number, place and year', async () => {
  const text = 'Council Resolution 1336 (Rev. 2019) and Résolution 102 (Rév. Dubaï, 2018); see C22/32(Rev.1).';
  const res = await client.json('/api/v1/citations/extract', { text });
  assert.equal(res.status, 200);
  const { items } = await res.json();
  assert.deepEqual(items.map((c) => [c.kind, c.instrument, c.number, c.place, c.year, c.symbol]), [
    ['resolution', 'council', 1336, '', 2019, ''],
    ['resolution', 'pp', 102, 'Dubai', 2018, ''],
    ['document', '', 0, '', 0, 'C22/32(Rev.1)'],
  ]);
  const bytes = Buffer.from(text);
  for (const c of items) assert.equal(bytes.subarray(c.begin, c.end).toString(), c.text);
  assert.equal((await client.json('/api/v1/citations/extract', { text: 42 })).status, 400);
});

test('decisions, recommendations and UN bodies come out as their own kind and instrument', async () => {
  // From real texts: a Security Council list with dates, a Human Rights Council report, ITU-T.
  const text = 'Reaffirming its resolutions 713 (1991) of 25 September 1991 and 721 (1991) of 27 November 1991, '
    + 'as adopted by the Council in its decisions 1/105 of 30 June 2006 and 2/103 of 6 October 2006. '
    + 'Non-approval of draft Recommendations ITU-T X.1037 and X.1261; resolution 217 A (III).';
  const res = await client.json('/api/v1/citations/extract', { text });
  assert.equal(res.status, 200);
  const { items } = await res.json();
  assert.deepEqual(items.map((c) => [c.kind, c.instrument, c.number, c.year, c.symbol]), [
    ['resolution', 'unsc', 713, 1991, ''],
    ['resolution', 'unsc', 721, 1991, ''],
    ['decision', 'hrc', 105, 0, ''],
    ['decision', 'hrc', 103, 0, ''],
    ['recommendation', 'itu-t', 0, 0, 'ITU-T X.1037'],
    ['recommendation', 'itu-t', 0, 0, 'ITU-T X.1261'],
    ['resolution', 'unga', 217, 0, ''],
  ]);
  const bytes = Buffer.from(text);
  for (const c of items) assert.equal(bytes.subarray(c.begin, c.end).toString(), c.text);
});

test('citations in pages link to the registry; unresolved ones are listed for the secretariat', async () => {
  const demo = await startServer();
  try {
    const page = await (await new Client(demo.url).fetch('/zh/meetings/3')).text();
    assert.match(page, /<a class="citation" href="\/zh\/resolutions\/pp\/133">第133号决议（2018年，迪拜，修订版）<\/a>/);
    const staff = await new Client(demo.url).login();
    await jsonOf(staff.json('/api/v1/consultations/ai-public-policy/follow-up', { meeting: 3, number: '9.9', kind: 'other',
      owner: 'Secretariat', text: 'Report on Resolution 999 (Rev. Dubai, 2018) and Resolution 102 (Rev. Dubai, 2018).' }));
    const desk = await (await staff.fetch('/en/admin/citations')).text();
    assert.match(desk, /Resolution 999 \(Rev\. Dubai, 2018\)/);
    assert.ok(!/<bdi>Resolution 102 \(Rev\. Dubai, 2018\)<\/bdi>/.test(desk));
    const consultation = await (await new Client(demo.url).fetch('/en/consultations/ai-public-policy')).text();
    assert.match(consultation, /<a class="citation" href="\/en\/resolutions\/pp\/102">Resolution 102 \(Rev\. Dubai, 2018\)<\/a>/);
    assert.ok(!/<a class="citation"[^>]*>Resolution 999/.test(consultation));
  } finally {
    await demo.stop();
  }
});

// The amplifier: 1 MiB of "C22/1, " once answered 21 MB and took 237 MB of the server's
// memory. Now the answer holds at most --citations-max-results citations and says it was cut,
// and the memory of the server stays bounded however many such requests come.
function rssBytes(pid) {
  const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB/m);
  assert.ok(m, 'VmRSS in /proc/PID/status');
  return Number(m[1]) * 1024;
}

test('the worst 1 MiB input gets a bounded answer and leaves the server\'s memory bounded', async () => {
  const s = await startServer({ demo: false, args: ['--citations-per-ip-per-minute', '0'] });
  try {
    const c = new Client(s.url);
    const worst = 'C22/1, '.repeat(Math.floor((1 << 20) / 7));
    assert.ok(worst.length <= 1 << 20);
    const before = rssBytes(s.proc.pid);
    const res = await c.json('/api/v1/citations/extract', { text: worst });
    assert.equal(res.status, 200);
    const body = await res.text();
    assert.ok(body.length < 256 * 1024, `answer of ${body.length} bytes`);
    const answer = JSON.parse(body);
    assert.equal(answer.items.length, 1000);
    assert.equal(answer.truncated, true);
    assert.equal(answer.items[999].symbol, 'C22/1');
    // Twenty more, four at a time (bounded in count; each answered within the test's time).
    const N = 20, AT_ONCE = 4;
    for (let i = 0; i < N; i += AT_ONCE) {
      const batch = await Promise.all(Array.from({ length: AT_ONCE }, () => c.json('/api/v1/citations/extract', { text: worst })));
      for (const r of batch) { assert.equal(r.status, 200); await r.arrayBuffer(); }
    }
    const after = rssBytes(s.proc.pid);
    console.log(`worst-case answer: ${body.length} bytes; server RSS: ${(before / 2 ** 20).toFixed(0)} MiB before, ${(after / 2 ** 20).toFixed(0)} MiB after ${N + 1} worst-case extractions`);
    // AddressSanitizer keeps freed memory in quarantine (256 MiB by default) and pads every
    // block, so a sanitized server gets a larger, still finite, bound.
    const bound = (process.env.PLENARY_SANITIZED ? 768 : 192) * 2 ** 20;
    assert.ok(after - before < bound, `RSS grew by ${((after - before) / 2 ** 20).toFixed(0)} MiB`);
    // A short text is not cut.
    const small = await (await c.json('/api/v1/citations/extract', { text: 'See C22/1 and C22/2.' })).json();
    assert.equal(small.truncated, false);
    assert.equal(small.items.length, 2);
  } finally {
    await s.stop();
  }
});

test('citation extraction is limited per address', async () => {
  const s = await startServer({ demo: false, args: ['--citations-per-ip-per-minute', '6', '--citations-max-results', '3'] });
  try {
    const c = new Client(s.url);
    const statuses = [];
    let limited;
    for (let i = 0; i < 11; i++) {
      const r = await c.json('/api/v1/citations/extract', { text: 'C22/1, C22/2, C22/3, C22/4' });
      statuses.push(r.status);
      if (r.status === 429) limited = r; else if (i === 0) assert.equal((await r.json()).items.length, 3);
    }
    assert.deepEqual(statuses, [...Array(10).fill(200), 429]);
    assert.ok(Number(limited.headers.get('retry-after')) >= 1);
    assert.equal((await limited.json()).error.code, 'rate_limited');
  } finally {
    await s.stop();
  }
});

test('extractions running at once are bounded: beyond, 503 with Retry-After', async () => {
  const s = await startServer({ demo: false, args: ['--citations-per-ip-per-minute', '0', '--citations-concurrent', '1'] });
  try {
    const c = new Client(s.url);
    const worst = 'C22/1, '.repeat(Math.floor((1 << 20) / 7));
    const answers = await Promise.all(Array.from({ length: 8 }, () => c.json('/api/v1/citations/extract', { text: worst })));
    const statuses = answers.map((r) => r.status);
    assert.ok(statuses.includes(200), statuses.join(','));
    assert.ok(statuses.includes(503), statuses.join(','));
    assert.ok(statuses.every((x) => x === 200 || x === 503), statuses.join(','));
    for (const r of answers) {
      if (r.status === 503) assert.ok(Number(r.headers.get('retry-after')) >= 1);
      await r.arrayBuffer();
    }
    // Once they are done, the place is free again.
    assert.equal((await c.json('/api/v1/citations/extract', { text: 'C22/1' })).status, 200);
  } finally {
    await s.stop();
  }
});
