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

// Sentences the catalogues build, with arguments filled in by the code: a body's acronym in a
// meeting's label, a time zone after a date, a reference, the report's paragraph. On Arabic
// pages each Latin run an argument brings in is isolated like those of stored text; in English
// the same pages, and in every language the API, carry the sentence as built.
const main = (html) => html.slice(html.indexOf('<main'), html.indexOf('</main>'));

test('a meeting\'s label isolates the body\'s acronym on Arabic pages only', async () => {
  const { items } = await jsonOf(anon.fetch('/api/v1/meetings?lang=ar'));
  const m = items.find((x) => x.body.key === 'cwg-internet' && x.kind !== 'plenary');
  assert.ok(m, 'the demo has a meeting of CWG-Internet');
  assert.ok(m.label.endsWith('لـCWG-Internet'), `the API's label as built: ${m.label}`);
  assert.ok(!JSON.stringify(items).includes('bdi'), 'no markup in the API');
  const label = m.label.replace('CWG-Internet', SYM('CWG-Internet'));
  for (const path of [`/ar/meetings/${m.id}`, '/ar/meetings', '/ar/bodies/cwg-internet', `/ar/meetings/${m.id}/agenda`, '/ar/actions']) {
    const page = main(await (await anon.fetch(path)).text());
    if (path === '/ar/actions' && !page.includes(`/meetings/${m.id}"`)) continue;
    assert.ok(page.includes(label), `${path}: the label with its acronym isolated`);
    assert.ok(!page.includes('لـCWG-Internet'), `${path}: no label with a bare acronym`);
  }
  assert.ok((await (await anon.fetch(`/ar/meetings/${m.id}`)).text()).includes(`<h1>${label}</h1>`), 'the heading');
  // The lists' column of bodies: the acronym alone in its cell, isolated too.
  for (const path of ['/ar/meetings', '/ar/consultations'])
    assert.ok((await (await anon.fetch(path)).text()).includes(`<td>${SYM('CWG-Internet')}</td>`), `${path}: the body's cell`);
  const en = (await jsonOf(anon.fetch(`/api/v1/meetings/${m.id}?lang=en`))).label;
  assert.match(en, /meeting of CWG-Internet$/);
  for (const path of [`/en/meetings/${m.id}`, '/en/meetings', '/en/bodies/cwg-internet']) {
    const page = main(await (await anon.fetch(path)).text());
    assert.ok(page.includes(en), `${path}: the English label as built`);
    assert.ok(!page.includes(en.replace('CWG-Internet', SYM('CWG-Internet'))), `${path}: nothing isolated in English`);
  }
});

test('a consultation\'s dates keep their time zone isolated on Arabic pages; the receipt its reference', async () => {
  const created = await staff.json('/api/v1/consultations', {
    key: 'zurich-zone', body: 'cwg-internet', title: { ar: 'مشاورة بشأن WSIS', en: 'A consultation on WSIS' },
    questions: [{ ar: 'ما رأيكم؟', en: 'What do you think?' }],
    opens_at: isoFromNow(-3600), deadline: isoFromNow(7200), timezone: 'Europe/Zurich' });
  assert.equal(created.status, 201, await created.clone().text());
  const c = await created.json();
  const zone = `(${SYM('Europe/Zurich')})`;
  const page = main(await (await anon.fetch(`/ar/consultations/${c.id}`)).text());
  assert.ok(page.includes(zone), 'the dates on the consultation\'s page');
  assert.ok(!page.includes('(Europe/Zurich)'), 'no date with a bare time zone');
  const home = main(await (await anon.fetch('/ar/')).text());
  assert.ok(home.includes(zone) && !home.includes('(Europe/Zurich)'), 'the deadline on the home page');
  const list = main(await (await anon.fetch('/ar/consultations')).text());
  assert.ok(list.includes(zone) && !list.includes('(Europe/Zurich)'), 'the deadline on the list');
  for (const path of [`/en/consultations/${c.id}`, '/en/', '/en/consultations']) {
    const en = main(await (await anon.fetch(path)).text());
    assert.ok(en.includes('(Europe/Zurich)') && !en.includes('<bdi class="sym">Europe'), `${path}: the zone as written`);
  }

  // A response in Arabic: the receipt shows its reference and the time it was sent isolated.
  const form = await (await anon.fetch(`/ar/consultations/${c.id}`)).text();
  const f = new FormData();
  f.append('csrf', form.match(/name="csrf" value="([^"]+)"/)[1]);
  f.append('form_token', form.match(/name="form_token" value="([^"]+)"/)[1]);
  for (const [k, v] of Object.entries({ name: 'سلمى', email: 'salma@example.org', country: 'EG', stakeholder_type: 'civil_society',
    language: 'ar', answer_1: 'رأينا.' })) f.append(k, v);
  const sent = await anon.fetch(`/ar/consultations/${c.id}/responses`, { method: 'POST', body: f });
  assert.equal(sent.status, 303, (await sent.text()).match(/<main[\s\S]*?<\/main>/)?.[0]);
  const location = sent.headers.get('location');
  const reference = location.match(/\/receipts\/([A-Z0-9-]+)\//)[1];
  const receipt = main(await (await anon.fetch(location)).text());
  // A reference of digits alone stays as it is: the algorithm keeps a number in order.
  const shown = /[A-Z]/.test(reference) ? SYM(reference) : reference;
  assert.ok(receipt.includes(`<strong class="reference">${shown}</strong>`), `the reference ${reference}`);
  assert.ok(receipt.includes(zone) && !receipt.includes('(Europe/Zurich)'), 'the receipt\'s dates');
  // The masked address the confirmation went to stays one run, in its order.
  assert.match(receipt, /<p class="note">[^<]*<bdi class="sym">[^<]+@example\.org<\/bdi>/, 'the address in one run');
  const enReceipt = main(await (await anon.fetch(location.replace(/^\/ar\//, '/en/'))).text());
  assert.ok(enReceipt.includes(`<strong class="reference">${reference}</strong>`), 'the reference in English');
  const api = await jsonOf(anon.fetch(`/api/v1/consultations/${c.id}?lang=ar`));
  assert.equal(api.timezone, 'Europe/Zurich');
  assert.ok(!JSON.stringify(api).includes('bdi'), 'no markup in the API');
});

test('the report\'s paragraph isolates the title\'s and the body\'s Latin runs on the Arabic page only', async () => {
  const created = await staff.json('/api/v1/consultations', {
    key: 'report-runs', body: 'cwg-internet', title: { ar: 'مشاورة بشأن WSIS', en: 'A consultation on WSIS' },
    questions: [{ ar: 'ما رأيكم؟', en: 'What do you think?' }],
    opens_at: isoFromNow(-7200), deadline: isoFromNow(-3600), timezone: 'UTC' });
  assert.equal(created.status, 201, await created.clone().text());
  const c = await created.json();
  const text = await (await anon.fetch(`/api/v1/consultations/${c.id}/report?lang=ar`)).text();
  assert.ok(text.includes('«مشاورة بشأن WSIS»') && text.includes('لـCWG-Internet'), `the text as built: ${text}`);
  assert.ok(!text.includes('bdi'), 'no markup in the text');
  const page = await (await staff.fetch(`/ar/consultations/${c.id}/report`)).text();
  const paragraph = page.slice(page.indexOf('<blockquote'), page.indexOf('</blockquote>'));
  assert.ok(paragraph.includes(`«مشاورة بشأن ${SYM('WSIS')}»`), paragraph);
  assert.ok(paragraph.includes(`لـ${SYM('CWG-Internet')}`), paragraph);
  const en = await (await staff.fetch(`/en/consultations/${c.id}/report`)).text();
  const enParagraph = en.slice(en.indexOf('<blockquote'), en.indexOf('</blockquote>'));
  const enText = await (await anon.fetch(`/api/v1/consultations/${c.id}/report?lang=en`)).text();
  assert.ok(!enParagraph.includes('bdi') && enParagraph.includes('CWG-Internet'), enParagraph);
  const escaped = enText.trim().replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  assert.ok(enParagraph.includes(escaped), `the English paragraph as built: ${enParagraph}`);

  // A title in English only stands whole in the Arabic paragraph, its words in their order: in an
  // element of its own language, left to right (which isolates it as a <bdi> would).
  const english = await staff.json('/api/v1/consultations', {
    key: 'report-english-title', body: 'council', title: { en: 'Open consultation on WSIS, AI and ITU-T' },
    questions: [{ en: 'What do you think?' }],
    opens_at: isoFromNow(-7200), deadline: isoFromNow(-3600), timezone: 'UTC' });
  assert.equal(english.status, 201, await english.clone().text());
  const e = await english.json();
  const arPage = await (await staff.fetch(`/ar/consultations/${e.id}/report`)).text();
  assert.ok(arPage.includes('«<span lang="en" dir="ltr">Open consultation on WSIS, AI and ITU-T</span>»'),
    arPage.slice(arPage.indexOf('<blockquote'), arPage.indexOf('</blockquote>')));
});
