// Scenario test of how untranslated paragraphs are marked: once per section, at the head of the
// item's paragraphs, in the reader's language, never under each paragraph; the paragraphs shown
// in another language carry that language (lang="en", dir="ltr") so that screen readers and the
// bidirectional algorithm read them right. The record of the demo's Council 2022 plenary is
// given its paragraphs in English and Chinese only, so read in Arabic and French every item
// falls back; the sentences expected are written here by hand.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, jsonOf, isoFromNow } from '../lib/server.mjs';

let server, anon, staff, council;
before(async () => {
  server = await startServer();
  anon = new Client(server.url);
  staff = await new Client(server.url).login();
  const { items } = await jsonOf(anon.fetch('/api/v1/meetings'));
  council = items.find((m) => m.kind === 'plenary' && m.session === 'C22' && m.number === 8);
  assert.ok(council, 'the demo has the Council 2022 plenary');
  // The demo's record is in the six languages: its paragraphs and decisions are given their
  // English and Chinese texts only, as the seed and its first translation had them.
  const patch = async (path, body) => {
    const res = await staff.fetch(path, { method: 'PATCH',
      headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    assert.equal(res.status, 200, path);
  };
  const agenda = await jsonOf(staff.fetch(`/api/v1/meetings/${council.id}/agenda`));
  for (const item of agenda.items) {
    for (const p of item.interventions)
      await patch(`/api/v1/interventions/${p.id}`, { summary: { en: p.summaries.en, zh: p.summaries.zh } });
    for (const d of item.decisions)
      await patch(`/api/v1/decisions/${d.id}`, { wording: { en: d.wording.en, zh: d.wording.zh } });
  }
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

test('the consultation page marks untranslated questions and follow-up once per section', async () => {
  const c = await jsonOf(staff.json('/api/v1/consultations', { key: 'untranslated-questions',
    body: 'cwg-internet', title: { en: 'Questions', ar: 'أسئلة' }, description: { en: 'Described.', ar: 'موصوفة.' },
    questions: [{ en: 'First question?' }, { en: 'Second question?', ar: 'السؤال الثاني؟' }, { en: 'Third question?' }],
    opens_at: isoFromNow(-3600), deadline: isoFromNow(9 * 86400), timezone: 'UTC' }), 201);
  await jsonOf(staff.json(`/api/v1/consultations/${c.id}/follow-up`, { meeting: 3, number: '9.1',
    kind: 'other', owner: 'Secretariat', text: 'Followed up in English only.' }), 201);
  await jsonOf(staff.json(`/api/v1/consultations/${c.id}/follow-up`, { meeting: 3, number: '9.2',
    kind: 'other', owner: 'Secretariat', text: 'Also in English only.' }), 201);
  const html = await (await anon.fetch(`/ar/consultations/${c.id}`)).text();
  const start = html.indexOf('<ol class="questions">');
  assert.ok(start > 0, 'the page lists the questions');
  const list = html.slice(start, html.indexOf('</ol>', start));
  assert.ok(!list.includes(OLD_NOTE_AR), 'no note under each question');
  // One note, at the head of the list: two of the three questions fall back, so "some".
  const head = html.slice(html.lastIndexOf('<h2', start), start);
  assert.equal(head.split('untranslated-note').length - 1, 1, 'one note before the questions');
  assert.ok(head.includes(`<p class="note untranslated-note">${AR_SOME}</p>`), head);
  assert.equal(list.split('<span lang="en" dir="ltr">').length - 1, 2, 'each English question carries its language');
  assert.ok(list.includes('<span lang="ar" dir="rtl">السؤال الثاني؟</span>'), list);
  // The follow-up: every entry falls back, one note for the section, none under each entry.
  const fu = html.slice(html.indexOf('<section aria-labelledby="fu-h">'));
  const section = fu.slice(0, fu.indexOf('</section>'));
  assert.ok(!section.includes(OLD_NOTE_AR), 'no note under each follow-up entry');
  assert.equal(section.split(`<p class="note untranslated-note">${AR_ALL}</p>`).length - 1, 1, section);
  // Each entry's text and its owner carry their language.
  for (const t of ['Followed up in English only.', 'Also in English only.'])
    assert.ok(section.includes(`<span lang="en" dir="ltr">${t}</span>`), section);
  assert.equal(section.split('<span lang="en" dir="ltr">Secretariat</span>').length - 1, 2, section);
  // In English nothing is marked.
  const en = await (await anon.fetch(`/en/consultations/${c.id}`)).text();
  assert.ok(!en.includes('untranslated-note'));
});
