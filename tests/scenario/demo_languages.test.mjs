// The demo's texts that a visitor meets first are in the six languages: every public document's
// title and source, read through the API and on the Arabic and Russian documents pages (no English
// title left there), the consultations' titles and descriptions (the Arabic ones on the Arabic
// consultation pages), and each document whose Chinese title is its agenda
// item's (the Council 2022
// plenary, seed 000) carries the item's title in the languages translated from that Chinese, so
// that the two fixtures agree (the English of C22/8 and C22/60 spells out the group's name that
// their items' English abbreviates, as their Chinese does).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, jsonOf } from '../lib/server.mjs';

const SIX = ['en', 'fr', 'es', 'ru', 'zh', 'ar'];
let server, anon, documents;
before(async () => {
  server = await startServer();
  anon = new Client(server.url);
  documents = (await jsonOf(anon.fetch('/api/v1/documents?limit=100'))).items;
  assert.ok(documents.length >= 10, `the demo has its documents (${documents.length})`);
});
after(async () => { await server?.stop(); });

test('every public document of the demo has its title, and its source when named, in six languages', async () => {
  for (const d of documents) {
    assert.deepEqual(SIX.filter((l) => !d.titles?.[l]), [], `${d.symbol}: title languages`);
    if (d.sources && Object.keys(d.sources).length > 0)
      assert.deepEqual(SIX.filter((l) => !d.sources[l]), [], `${d.symbol}: source languages`);
  }
});

test("a document titled as its agenda item has the item's title in its other languages", async () => {
  const { items } = await jsonOf(anon.fetch('/api/v1/meetings'));
  const council = items.find((m) => m.kind === 'plenary' && m.session === 'C22' && m.number === 8);
  assert.ok(council, 'the demo has the Council 2022 plenary');
  const agenda = await jsonOf(anon.fetch(`/api/v1/meetings/${council.id}/agenda`));
  const bySymbol = new Map(documents.map((d) => [d.symbol, d]));
  let compared = 0;
  for (const item of agenda.items) {
    for (const { symbol } of item.documents) {
      const d = bySymbol.get(symbol);
      assert.ok(d, `${symbol} is listed`);
      if (d.titles.zh !== item.titles.zh) continue;
      compared++;
      for (const l of SIX.filter((l) => l !== 'en')) assert.equal(d.titles[l], item.titles[l], `${symbol} (${l})`);
    }
  }
  // C22/33, C22/18, C22/51, C22/58, C22/32(Rev.1), C22/8, C22/60 (C22/71 is a proposal on item 5).
  assert.equal(compared, 7);
});

for (const lang of ['ar', 'ru']) {
  test(`the ${lang} documents page shows no document title in English`, async () => {
    const html = await (await anon.fetch(`/${lang}/documents`)).text();
    const escaped = (t) => t.replaceAll('&', '&amp;').replaceAll("'", '&#39;').replaceAll('"', '&quot;');
    for (const d of documents)
      assert.ok(!html.includes(escaped(d.titles.en)), `${d.symbol}: "${d.titles.en}" on the ${lang} page`);
  });
}

test('the demo consultations have their titles and descriptions in six languages', async () => {
  const { items } = await jsonOf(anon.fetch('/api/v1/consultations'));
  assert.equal(items.length, 3, 'the three demo consultations');
  for (const { key } of items) {
    const c = await jsonOf(anon.fetch(`/api/v1/consultations/${key}`));
    assert.deepEqual(SIX.filter((l) => !c.titles?.[l]), [], `${key}: title languages`);
    assert.deepEqual(SIX.filter((l) => !c.descriptions?.[l]), [], `${key}: description languages`);
    // The Arabic page shows the Arabic title and description, and not the English description.
    const html = await (await anon.fetch(`/ar/consultations/${key}`)).text();
    const escaped = (t) => t.replaceAll('&', '&amp;').replaceAll("'", '&#39;').replaceAll('"', '&quot;');
    assert.ok(html.includes(escaped(c.titles.ar)), `${key}: the Arabic title`);
    // Latin runs in the Arabic text (CWG-Internet) stand isolated in their <bdi class="sym">.
    const unwrapped = html.replaceAll('<bdi class="sym">', '').replaceAll('</bdi>', '');
    assert.ok(unwrapped.includes(escaped(c.descriptions.ar)), `${key}: the Arabic description`);
    if (c.descriptions.ar.includes('CWG-Internet'))
      assert.ok(html.includes('<bdi class="sym">CWG-Internet</bdi>'), `${key}: CWG-Internet isolated`);
    assert.ok(!html.includes(escaped(c.descriptions.en)), `${key}: not the English description`);
  }
});

test('the demo actions name their owner and due date in each language, not in English', async () => {
  const en = (await jsonOf(anon.fetch('/api/v1/actions?lang=en'))).items;
  assert.ok(en.length >= 10, `the demo's actions (${en.length})`);
  for (const lang of ['fr', 'es', 'ru', 'ar', 'zh']) {
    const other = new Map((await jsonOf(anon.fetch(`/api/v1/actions?lang=${lang}`))).items.map((a) => [a.id, a]));
    for (const a of en) {
      const o = other.get(a.id);
      assert.ok(o, `${a.number} listed in ${lang}`);
      assert.notEqual(o.owner, a.owner, `${a.number}: owner in ${lang}`);
      // "PP-22" is the conference's symbol in French, Spanish, Chinese and Arabic too.
      if (a.due && !(a.due === 'PP-22' && lang !== 'ru')) assert.notEqual(o.due, a.due, `${a.number}: due in ${lang}`);
    }
  }
});

