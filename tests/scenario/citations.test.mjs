// The citation extraction API over HTTP.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
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
