// Search that knows the record, against the demo alone: a query citing Council Resolution 1344
// in any of the six languages finds the resolution of the registry first, named as the record
// names it, then the texts that cite it (the Chair's report C22/51, whose §1.3 cites it in the
// ITU's published Chinese text, testdata/seeds/001_*); the version in the reader's language
// comes first.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, jsonOf } from '../lib/server.mjs';

let server, anon;
before(async () => {
  server = await startServer();
  anon = new Client(server.url);
  for (let i = 0; ; i++) {
    const m = await (await anon.fetch('/metrics')).text();
    if (/plenary_search_queue 0\b/.test(m)) break;
    assert.ok(i < 200, 'the indexer catches up within 20 s');
    await new Promise((r) => setTimeout(r, 100));
  }
});
after(async () => { await server?.stop(); });

// A fresh client each time: the language cookie of one query must not choose the next's.
const search = (q, lang) => jsonOf(new Client(server.url).fetch('/api/v1/search?' +
  new URLSearchParams({ q, ...(lang ? { lang } : {}) })));

// The resolution first (every language version of it), then a text citing it.
function checkRecordFirst(q, body) {
  const first = body.items[0];
  assert.ok(first, `${q}: no result`);
  assert.equal(first.kind, 'resolution', `${q}: ${JSON.stringify(first)}`);
  assert.match(first.url, /^\/[a-z]{2}\/resolutions\/council\/1344$/, q);
  const resolutions = body.items.filter((h) => h.kind === 'resolution');
  assert.ok(resolutions.every((h) => /\/resolutions\/council\/1344$/.test(h.url)), `${q}: ${JSON.stringify(resolutions)}`);
  const citing = body.items.findIndex((h) => h.kind === 'document' && h.title.startsWith('C22/51 '));
  assert.ok(citing > 0, `${q}: the Chair's report C22/51, which cites it, is listed: ${JSON.stringify(body.items)}`);
  assert.ok(body.items.slice(0, citing).every((h) => h.kind === 'resolution'), `${q}: the resolution comes before the texts`);
  return first;
}

test('"1344", "Resolution 1344", "第1344号决议" and "القرار 1344" find Council Resolution 1344 first, then C22/51 citing it', async () => {
  // The record's own names of the resolution (res_name in the catalogues), without digit grouping.
  const names = { en: 'Council Resolution 1344', zh: '理事会第1344号决议' };
  for (const [q, lang, expected] of [['1344', 'en', 'en'], ['Resolution 1344', 'en', 'en'],
    ['第1344号决议', 'en', 'zh'], ['القرار 1344', 'ar', null]]) {
    const first = checkRecordFirst(q, await search(q, lang));
    if (expected) {
      assert.equal(first.language, expected, q);
      assert.equal(first.title, names[expected], q);
      // Its snippet is the opening of its title in the registry, not its name again.
      assert.equal(first.snippet, { en: 'Modalities of open consultation for the Council Working Group on International Internet-related Public Policy Issues (CWG-Internet)',
        zh: '理事会国际互联网相关公共政策问题工作组（CWG-Internet）的公开磋商方式' }[expected], q);
    }
  }
});

test('the French, Spanish and Russian forms find it the same way', async () => {
  for (const q of ['Résolution 1344', 'résolution 1344 du Conseil', 'Resolución 1344', 'Резолюция 1344'])
    checkRecordFirst(q, await search(q));
});

test('the version in the reader\'s language comes first; a query in another script chooses its own', async () => {
  // The registry holds the resolution's title in the six languages.
  for (const [q, lang, expected] of [['1344', 'zh', 'zh'], ['1344', 'en', 'en'], ['1344', 'fr', 'fr'],
    ['第1344号决议', 'en', 'zh'], ['Resolution 1344', 'en', 'en'], ['１３４４', 'zh', 'zh']]) {
    const body = await search(q, lang);
    assert.equal(body.items[0].language, expected, `${q} read in ${lang}: ${JSON.stringify(body.items.slice(0, 2))}`);
  }
  // The search page, in Chinese: the Chinese version of the resolution first, then the report.
  const html = await (await new Client(server.url).fetch('/zh/search?q=1344')).text();
  const hits = [...html.matchAll(/<a href="(\/zh\/[^"]+)"[^>]*>([^<]*)</g)].filter((m) => /\/(resolutions|documents)\//.test(m[1]));
  assert.ok(hits.length >= 2, html.slice(0, 2000));
  assert.equal(hits[0][1], '/zh/resolutions/council/1344');
  assert.equal(hits[0][2], '理事会第1344号决议');
  assert.ok(hits.some((m) => m[2].startsWith('C22/51 ')), 'the page lists C22/51 too');
});

test('the search page writes each hit\'s date as its language writes dates, not as ISO digits that run backwards in Arabic', async () => {
  // Council Resolution 1344 was last revised in 2015 (the registry's date: 1 January of that year).
  for (const [lang, date] of [['en', '1 January 2015'], ['zh', '2015年1月1日'], ['ar', '1 يناير 2015']]) {
    const html = await (await new Client(server.url).fetch(`/${lang}/search?q=1344`)).text();
    const first = html.match(/<li><a href="\/[a-z]{2}\/resolutions\/council\/1344"[^>]*>[^<]*<\/a> <span class="meta">([^<]*(?:<[^>]+>[^<]*)*?)<\/span><p/);
    assert.ok(first, `${lang}: the resolution is listed`);
    assert.ok(first[1].replace(/<[^>]+>/g, '').endsWith(date), `${lang}: ${first[1]}`);
    assert.ok(!html.includes('2015-01-01'), lang);
  }
});
