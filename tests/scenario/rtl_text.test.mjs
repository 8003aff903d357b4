// Stored text on right-to-left pages, as HTML. A text shown in another language than the page's
// carries lang and dir of its own language (an English consultation read in Arabic: its title on
// the list and its page, its description, its question; a body described in English only, on
// /ar/bodies and its own page). Latin runs inside stored Arabic text are isolated in
// <bdi class="sym">, escaped like the rest, and only on pages: the API, the feeds and the
// calendar give the text as stored.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, isoFromNow, jsonOf } from '../lib/server.mjs';

let server, anon, staff;
before(async () => {
  server = await startServer();
  anon = new Client(server.url);
  staff = await new Client(server.url).login();
});
after(async () => { await server?.stop(); });

// The start tag of each element of <main> that directly holds `text`.
function holders(html, text) {
  const out = [];
  for (let i = html.indexOf(text, html.indexOf('<main')); i > 0; i = html.indexOf(text, i + 1)) {
    const open = html.lastIndexOf('<', i);
    out.push(html.slice(open, html.indexOf('>', open) + 1));
  }
  assert.ok(out.length >= 1, `page lacks "${text}"`);
  return out;
}

const SYM = (s) => `<bdi class="sym">${s}</bdi>`;

test('a body described in English only, read in Arabic, is marked lang="en" dir="ltr"', async () => {
  const made = await staff.json('/api/v1/bodies', { key: 'english-only', acronym: 'EO-WG',
    name: { en: 'Group described in English', ar: 'فريق موصوف بالإنكليزية' },
    description: { en: 'This group is described in English only.' }, membership: 'open' });
  assert.equal(made.status, 201, await made.clone().text());
  for (const path of ['/ar/bodies', '/ar/bodies/english-only'])
    for (const tag of holders(await (await anon.fetch(path)).text(), 'This group is described in English only.'))
      assert.match(tag, / lang="en" dir="ltr"/, `${path}: ${tag}`);
  // The demo's bodies, described in Arabic, keep the page's language; their direction is found
  // from their text.
  for (const b of (await jsonOf(anon.fetch('/api/v1/bodies?lang=ar'))).items.filter((b) => b.key !== 'english-only')) {
    const page = await (await anon.fetch(`/ar/bodies/${b.key}`)).text();
    for (const tag of holders(page, b.description.slice(0, 12))) assert.doesNotMatch(tag, /lang=|dir="(ltr|rtl)"/, tag);
  }
  // In Chinese, the same body's description is still marked English.
  for (const tag of holders(await (await anon.fetch('/zh/bodies')).text(), 'This group is described in English only.'))
    assert.match(tag, / lang="en" dir="ltr"/, `/zh/bodies: ${tag}`);
});

test('an English consultation read in Arabic: every English text carries lang="en" dir="ltr"', async () => {
  const created = await staff.json('/api/v1/consultations', {
    key: 'english-in-arabic', body: 'council', title: { en: 'Title only in English' },
    description: { en: 'Description only in English, citing ITU-T.' },
    questions: [{ en: 'Question only in English?' }],
    opens_at: isoFromNow(-3600), deadline: isoFromNow(3600), timezone: 'UTC' });
  assert.equal(created.status, 201, await created.clone().text());
  const c = await created.json();
  const page = await (await anon.fetch(`/ar/consultations/${c.id}`)).text();
  // The question stands in the list of questions and on the response form.
  assert.equal(holders(page, 'Question only in English?').length, 2, 'the question twice');
  for (const text of ['Title only in English', 'Description only in English', 'Question only in English?'])
    for (const tag of holders(page, text)) {
      assert.match(tag, / lang="en"/, `${text}: ${tag}`);
      assert.match(tag, / dir="ltr"/, `${text}: ${tag}`);
      assert.doesNotMatch(tag, /dir="auto"/, `${text}: one dir only`);
    }
  // Left-to-right text is only escaped: no run of it is isolated.
  assert.ok(page.includes('Description only in English, citing ITU-T.'), 'the English description as typed');
  const list = await (await anon.fetch('/ar/consultations')).text();
  for (const tag of holders(list, 'Title only in English')) assert.match(tag, / lang="en" dir="ltr"/, tag);
});

test('Latin runs in stored Arabic text are isolated on pages only, escaped, each once', async () => {
  const ar = 'مشاورة بشأن توصيات ITU-T والوثيقة C22/32(Rev.1) وفريق (CWG-WSIS&SDG) <b>نص</b>.';
  const title = 'مشاورة القمة WSIS';
  const created = await staff.json('/api/v1/consultations', {
    key: 'latin-in-arabic', body: 'council', title: { ar: title, en: 'WSIS consultation' },
    description: { ar, en: 'A consultation on ITU-T Recommendations and Document C22/32(Rev.1).' },
    questions: [{ ar: 'ما رأيكم في ITU-T؟', en: 'What do you think of ITU-T?' }],
    opens_at: isoFromNow(-3600), deadline: isoFromNow(3600), timezone: 'UTC' });
  assert.equal(created.status, 201, await created.clone().text());
  const c = await created.json();
  const page = await (await anon.fetch(`/ar/consultations/${c.id}`)).text();
  const description = page.slice(page.indexOf('<div class="description"'), page.indexOf('</div>', page.indexOf('<div class="description"')));
  assert.ok(description.includes(`مشاورة بشأن توصيات ${SYM('ITU-T')} والوثيقة `), description);
  assert.ok(description.includes(`(${SYM('CWG-WSIS&amp;SDG')}) &lt;${SYM('b')}&gt;نص&lt;/${SYM('b')}&gt;.`), description);
  // The document's symbol is isolated whether or not it became a link.
  assert.match(description, /C22\/32\(Rev\.1\)/);
  assert.ok(description.includes(SYM('C22/32(Rev.1)')), description);
  assert.doesNotMatch(page, /<bdi class="sym"><bdi/, 'never wrapped twice');
  assert.ok(page.includes(`<h1 dir="auto">مشاورة القمة ${SYM('WSIS')}</h1>`), 'the title');
  assert.ok(page.includes(`<li id="q1"><span lang="ar" dir="rtl">ما رأيكم في ${SYM('ITU-T')}؟</span></li>`),
    'the question in the list of questions');
  assert.ok(page.includes(`<span dir="auto">ما رأيكم في ${SYM('ITU-T')}؟</span></label>`), 'the question on the form');
  // The page's <title> is text, not HTML.
  assert.ok(page.includes(`<title>${title}`), 'the window title as stored');
  // In English the same consultation is only escaped.
  const en = await (await anon.fetch(`/en/consultations/${c.id}`)).text();
  assert.doesNotMatch(en.slice(en.indexOf('<main')), /<bdi class="sym">(ITU-T|WSIS|C22)/);

  // Plain outputs keep the text as stored.
  const api = await jsonOf(anon.fetch(`/api/v1/consultations/${c.id}?lang=ar`));
  assert.equal(api.description, ar);
  assert.equal(api.descriptions.ar, ar);
  const feed = await (await anon.fetch('/ar/feeds/bodies/council.atom')).text();
  assert.ok(feed.includes(title), 'the Atom feed has the title as stored');
  const ics = await (await anon.fetch(`/ar/calendar/consultations/${c.id}.ics`)).text();
  assert.ok(ics.includes('WSIS'), 'the calendar has the title');
  for (const plain of [JSON.stringify(api), feed, ics]) assert.ok(!plain.includes('bdi'), 'no markup in plain text');
});

test('stored Arabic owners of actions and sources of documents isolate their Latin runs', async () => {
  const actions = await (await anon.fetch('/ar/actions')).text();
  assert.ok(actions.includes(`رئيس فريق العمل ${SYM('CWG-Internet')}`), 'an action\'s owner on /ar/actions');
  assert.ok(!/رئيس فريق العمل CWG-Internet/.test(actions), 'no owner left with a bare acronym');
  const documents = await (await anon.fetch('/ar/documents')).text();
  assert.ok(documents.includes(`رئيس فريق العمل ${SYM('CWG-WSIS&amp;SDG')}`), 'a document\'s source on /ar/documents');
  const en = await (await anon.fetch('/en/actions')).text();
  assert.doesNotMatch(en.slice(en.indexOf('<main')), /<bdi class="sym">CWG-Internet/, 'nothing isolated in English');
});

test('a negotiated text in Arabic isolates the Latin runs of its provisions, bracketed or clean', async () => {
  // The demo's text is restricted to its participants: the secretariat reads it.
  const { items } = await jsonOf(staff.fetch('/api/v1/texts'));
  assert.ok(items.length >= 1, 'the demo has a negotiated text');
  let seen = 0;
  for (const t of items) {
    for (const view of ['', '/clean']) {
      const page = await (await staff.fetch(`/ar/texts/${t.id}${view}`)).text();
      if (!page.includes('للأمن السيبراني (')) continue;
      assert.ok(page.includes(`للأمن السيبراني (${SYM('GCA')})`), `/ar/texts/${t.id}${view}: GCA isolated`);
      seen++;
    }
  }
  assert.equal(seen, 2, 'the provision naming GCA, with its brackets and clean');
});
