// Scenario test of how untranslated paragraphs are marked: once per section, at the head of the
// item's paragraphs, in the reader's language, never under each paragraph; the paragraphs shown
// in another language carry that language (lang="en", dir="ltr") so that screen readers and the
// bidirectional algorithm read them right. The demo's record of the Council 2022 plenary has
// its paragraphs in English and Chinese only, so read in Arabic and French every item falls
// back; the sentences expected are written here by hand.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, jsonOf } from '../lib/server.mjs';

let server, anon, staff, council;
before(async () => {
  server = await startServer();
  anon = new Client(server.url);
  staff = await new Client(server.url).login();
  const { items } = await jsonOf(anon.fetch('/api/v1/meetings'));
  council = items.find((m) => m.kind === 'plenary' && m.session === 'C22' && m.number === 8);
  assert.ok(council, 'the demo has the Council 2022 plenary');
});
after(async () => { await server?.stop(); });

const AR_ALL = 'الفقرات التالية غير متاحة بعد باللغة العربية، وهي معروضة باللغة الإنكليزية.';
const AR_SOME = 'بعض الفقرات التالية غير متاحة بعد باللغة العربية، وهي معروضة باللغة الإنكليزية.';
const FR_ALL = 'Les paragraphes suivants ne sont pas encore disponibles en français\u202f; ils sont présentés en anglais.';
const OLD_NOTE_AR = 'هذا النص متاح باللغة الإنكليزية فقط.';

// The <section> elements of the record's items, each as HTML.
function sections(html) {
  const out = html.split('<section id="item-').slice(1).map((s) => s.slice(0, s.indexOf('</section>')));
  assert.ok(out.length > 0, 'the record has items');
  return out;
}

test('the Arabic record marks untranslated paragraphs once per item, with lang="en" dir="ltr"', async () => {
  const html = await (await anon.fetch(`/ar/meetings/${council.id}/record`)).text();
  assert.ok(!html.includes(OLD_NOTE_AR), 'no note under each paragraph');
  const items = sections(html);
  const expected = (await jsonOf(anon.fetch(`/api/v1/meetings/${council.id}/record?lang=ar`))).items;
  assert.equal(items.length, expected.length);
  for (const [k, item] of items.entries()) {
    const fallbacks = expected[k].paragraphs.filter((p) => p.fallback).length;
    assert.ok(fallbacks > 0, `item ${expected[k].number} falls back in Arabic`);
    // One note per item, before its first paragraph: "the following" when all fall back, else
    // "some of the following" (which ends with the same words).
    assert.equal(item.split('untranslated-note').length - 1, 1, `item ${expected[k].number}: one note`);
    const all = fallbacks === expected[k].paragraphs.length;
    assert.equal(item.includes(`<p class="note untranslated-note">${AR_ALL}</p>`), all, `item ${expected[k].number}`);
    assert.equal(item.includes(`<p class="note untranslated-note">${AR_SOME}</p>`), !all, `item ${expected[k].number}`);
    const first = item.indexOf('class="para');
    assert.ok(first > 0 && item.indexOf('untranslated-note') < first, 'the note heads the paragraphs');
    assert.equal(item.split('<p lang="en" dir="ltr">').length - 1, fallbacks,
      `item ${expected[k].number}: each English paragraph is marked lang="en" dir="ltr"`);
  }
});

test('the agenda page, read in French, marks an item\'s record once; in English not at all', async () => {
  const fr = await (await anon.fetch(`/fr/meetings/${council.id}/agenda`)).text();
  const frItems = fr.split('<section class="agenda-item"').slice(1);
  assert.ok(frItems.length > 0);
  for (const item of frItems) {
    if (!item.includes('class="para')) continue;  // an item without record paragraphs
    assert.equal(item.split(FR_ALL).length - 1, 1, 'one note per item');
  }
  assert.ok(!fr.includes('Ce texte n’est disponible qu’en anglais.</p></div>'), 'no note under a paragraph');
  const en = await (await anon.fetch(`/en/meetings/${council.id}/agenda`)).text();
  assert.ok(!en.includes('untranslated-note'), 'nothing to mark in English');
});

test('a section with some paragraphs translated says "some", and only the others are marked', async () => {
  const proc = await jsonOf(anon.fetch(`/api/v1/meetings/${council.id}/agenda`));
  const item = proc.items[0];
  const iv = item.interventions[0];
  // Translate the item's first paragraph into Arabic: the rest still fall back.
  await jsonOf(staff.fetch(`/api/v1/interventions/${iv.id}`, { method: 'PATCH',
    headers: { 'content-type': 'application/json' }, body: JSON.stringify({ summary: { ar: 'فقرة مترجمة إلى العربية.' } }) }));
  const html = await (await anon.fetch(`/ar/meetings/${council.id}/record`)).text();
  const first = sections(html)[0];
  assert.ok(first.includes(`<p class="note untranslated-note">${AR_SOME}</p>`));
  assert.ok(!first.includes(`<p class="note untranslated-note">${AR_ALL}</p>`));
  assert.match(first, /<div class="para"><span class="pnum">1\.1<\/span><div><p lang="ar" dir="rtl">فقرة مترجمة إلى العربية\.<\/p>/);
});
