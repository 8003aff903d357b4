// Search over HTTP: multilingual queries, filters, snippets, the asynchronous indexer.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, jsonOf } from '../lib/server.mjs';

let server, anon, staff;
before(async () => {
  server = await startServer();
  anon = new Client(server.url);
  staff = await new Client(server.url).login();
});
after(async () => { await server?.stop(); });

async function waitIndexed() {
  for (let i = 0; i < 100; i++) {
    const m = await (await anon.fetch('/metrics')).text();
    if (/plenary_search_queue 0\b/.test(m)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the indexer did not catch up');
}
const search = async (params) => {
  const res = await anon.fetch('/api/v1/search?' + new URLSearchParams(params));
  return { status: res.status, body: await res.json() };
};

test('the demo corpus is searchable in Chinese, English, French and Arabic', async () => {
  await waitIndexed();
  for (const q of ['互联网', '环境影响', '公开磋商']) {
    const { status, body } = await search({ q });
    assert.equal(status, 200, q);
    assert.ok(body.items.length > 0, q);
    assert.ok(body.items.every((h) => (h.title + h.snippet).includes(q)), `${q}: ${JSON.stringify(body.items[0])}`);
    assert.ok(body.items[0].snippet_html.includes(`<mark>`), q);
  }
  const fr = await search({ q: 'consultations', language: 'fr' });
  assert.ok(fr.body.items.some((h) => /consultation\b/.test(h.title + h.snippet)), 'French stems meet');
  const ar = await search({ q: 'المشاورة' });
  assert.ok(ar.body.items.some((h) => h.language === 'ar'));
  const res = await search({ q: '域名', kind: 'resolution' });
  assert.ok(res.body.items.some((h) => h.url.endsWith('/resolutions/pp/133')), JSON.stringify(res.body.items));
  const env = await search({ q: 'environment', kind: 'response' });
  assert.ok(env.body.items.length > 0 && env.body.items.every((h) => h.kind === 'response'));
});

test('a newly published response becomes searchable; a rejected one disappears', async () => {
  const word = 'Zyxwvutsrq';
  const { reference } = await jsonOf(anon.json('/api/v1/consultations/ai-public-policy/responses', {
    name: 'Searchable', country: 'CH', stakeholder_type: 'individual', email: 'find@example.org',
    answers: { 1: `A unique word ${word} in this answer.` }, consent_publish: true }), 201);
  await waitIndexed();
  assert.equal((await search({ q: word })).body.items.length, 0, 'not public before moderation');
  const queue = await jsonOf(staff.fetch('/api/v1/consultations/ai-public-policy/moderation?per_page=200'));
  const id = queue.items.find((r) => r.reference === reference).id;
  await jsonOf(staff.json(`/api/v1/responses/${id}/accept`, {}));
  await jsonOf(staff.json('/api/v1/consultations/ai-public-policy/publish', {}));
  await waitIndexed();
  const found = await search({ q: word.toLowerCase() });
  assert.equal(found.body.items.length, 1);
  assert.match(found.body.items[0].url, new RegExp(`#r-${reference}$`));
  assert.ok(!JSON.stringify(found.body).includes('find@example.org'));
  await jsonOf(staff.json(`/api/v1/responses/${id}/reject`, { reason: 'Withdrawn by the author' }));
  await waitIndexed();
  assert.equal((await search({ q: word })).body.items.length, 0);
});

test('bad queries get 400 naming the parameter; FTS syntax cannot break the query', async () => {
  assert.equal((await search({ q: '' })).status, 400);
  assert.equal((await search({ q: 'x', kind: 'planet' })).body.error.field, 'kind');
  assert.equal((await search({ q: 'x', from: '2021-13-01' })).body.error.field, 'from');
  assert.equal((await search({ q: 'x', page: 'two' })).body.error.field, 'page');
  for (const q of ['"', 'a" OR b', 'NEAR(', '*', 'title:x', '-x', '(((']) {
    const r = await search({ q });
    assert.ok([200, 400].includes(r.status), `${q}: ${r.status}`);
  }
  const xss = await (await anon.fetch('/en/search?q=' + encodeURIComponent('<script>alert(1)</script>'))).text();
  assert.ok(!xss.includes('<script>alert(1)'));
  assert.ok(xss.includes('value="&lt;script&gt;alert(1)&lt;/script&gt;"'));
  const page = await anon.fetch('/zh/search?q=' + encodeURIComponent('互联网'));
  assert.equal(page.status, 200);
  assert.match(await page.text(), /<mark>互联网<\/mark>/);
});

test('a query that cites a resolution finds the resolution first, then the texts citing it', async () => {
  const made = await staff.json('/api/v1/documents', { symbol: 'C22/INF/944', body: 'cwg-internet',
    date: '2022-03-02', source_kind: 'secretariat', access: 'public',
    title: { en: 'Note on the modalities of Council Resolution 1344 (2015)', zh: '关于理事会第1344号决议的说明' } });
  assert.equal(made.status, 201, await made.text());
  await waitIndexed();
  const forms = [['1344', 'en'], ['１３４４', 'en'], ['Resolution 1344', 'en'], ['resolution 1344 of the Council', 'en'],
    ['第1344号决议', 'zh'], ['القرار 1344', null], ['Резолюция 1344', null]];
  for (const [q, lang] of forms) {
    // Read in English (the client read a Chinese page above, whose cookie would choose Chinese).
    const { status, body } = await search({ q, lang: 'en' });
    assert.equal(status, 200, q);
    const first = body.items[0];
    assert.ok(first, `${q}: no result`);
    assert.equal(first.kind, 'resolution', `${q}: ${JSON.stringify(first)}`);
    assert.match(first.url, /^\/[a-z]{2}\/resolutions\/council\/1344$/, q);
    if (lang) assert.equal(first.language, lang, q);
    const citing = body.items.findIndex((h) => h.kind === 'document' && h.title.includes('1344'));
    assert.ok(citing > 0, `${q}: the citing document is listed after it: ${JSON.stringify(body.items)}`);
    assert.ok(body.items.slice(0, citing).every((h) => h.kind === 'resolution'), q);
  }
  // A number that no resolution of the registry has still searches the texts for it.
  const other = await search({ q: 'Resolution 9876' });
  assert.equal(other.status, 200);
  assert.ok(other.body.items.every((h) => h.kind !== 'resolution'), JSON.stringify(other.body.items));
  // The other words of a citing query narrow the texts citing it, as any search's words do.
  const narrowed = await search({ q: 'Resolution 1344 modalities' });
  assert.ok(narrowed.body.items.some((h) => h.kind === 'document' && h.title.includes('1344')),
    JSON.stringify(narrowed.body.items));
  const unrelated = await search({ q: 'Resolution 1344 zebrafish' });
  assert.equal(unrelated.status, 200);
  assert.ok(unrelated.body.items.every((h) => h.kind === 'resolution'), JSON.stringify(unrelated.body.items));
  // Filters still apply to the resolution found.
  const onlyDocs = await search({ q: '1344', kind: 'document' });
  assert.ok(onlyDocs.body.items.length > 0 && onlyDocs.body.items.every((h) => h.kind === 'document'));
});
