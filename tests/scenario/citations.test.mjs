// The citation extraction API over HTTP.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client } from '../lib/server.mjs';

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
