// Scenario test of the editors' page forms of negotiated texts: a new text from an agenda item,
// adding, editing and deleting provisions, bracketing words and resolving brackets, through the
// same use cases as the API. Deleting and resolving show a confirmation page first and change
// nothing until confirmed; a refused form comes back with the refusal in the reader's language
// next to its field, what was typed kept, and nothing changed; delegates cannot use them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, jsonOf } from '../lib/server.mjs';

const PASSWORD = 'a long enough password for tests';
let server, staff, delegate, item5;

before(async () => {
  server = await startServer();
  staff = await new Client(server.url).login();
  const email = 'delegate@text-forms.example.int';
  await jsonOf(staff.json('/api/v1/users', { email, name: 'A delegate', role: 'delegate', password: PASSWORD,
    member_state: 'CN' }), 201);
  delegate = await new Client(server.url).login({ email, password: PASSWORD });
  const { items } = await jsonOf(staff.fetch('/api/v1/meetings'));
  const council = items.find((m) => m.kind === 'plenary' && m.session === 'C22' && m.number === 8);
  const agenda = await jsonOf(staff.fetch(`/api/v1/meetings/${council.id}/agenda`));
  item5 = agenda.items.find((i) => i.number === '5');
  assert.ok(item5, 'the demo plenary has an item 5');
});
after(async () => { await server?.stop(); });

const form = (client, path, fields) => client.fetch(path, { method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams({ csrf: client.csrf, ...fields }).toString() });
const text = async (id) => jsonOf(staff.fetch(`/api/v1/texts/${id}`));
const idOf = (res) => Number(/\/texts\/(\d+)/.exec(res.headers.get('location'))[1]);

test('a new text from its agenda item, refused without a document or a language', async () => {
  let page = await (await staff.fetch(`/zh/agenda-items/${item5.id}/new-text`)).text();
  assert.match(page, /name="document"/);
  assert.match(page, /id="nt-title-ar"[^>]*lang="ar" dir="rtl"/);
  assert.equal((await delegate.fetch(`/en/agenda-items/${item5.id}/new-text`)).status, 403);

  const fields = { agenda_item: String(item5.id), document: '', title_en: 'Draft guidelines', title_zh: '导则草案',
    lang_en: 'yes', lang_zh: 'yes' };
  let res = await form(staff, '/zh/texts', fields);
  assert.equal(res.status, 400);
  page = await res.text();
  assert.match(page, /<a href="#nt-document">/);
  assert.match(page, /id="nt-document"[^>]*aria-invalid="true"/);
  assert.match(page, /value="导则草案"/, 'what was typed is kept');
  assert.match(page, /id="nt-lang-zh"[^>]*checked/);
  assert.doesNotMatch(page, /document: required/);
  const { lang_en: _en, lang_zh: _zh, ...noLanguages } = fields;
  res = await form(staff, '/en/texts', { ...noLanguages, document: 'C22/32(Rev.1)' });
  assert.equal(res.status, 400);
  assert.match(await res.text(), /<a href="#nt-languages">/);
  assert.equal((await form(delegate, '/en/texts', { ...fields, document: 'C22/32(Rev.1)' })).status, 403);

  res = await form(staff, '/en/texts', { ...fields, document: 'C22/32(Rev.1)' });
  assert.equal(res.status, 303);
  const t = await text(idOf(res));
  assert.equal(t.document, 'C22/32(Rev.1)');
  assert.deepEqual([...t.languages].sort(), ['en', 'zh']);
  assert.equal(t.access, 'member_states', 'no access chosen: the API\'s default');
});

test('a new text\'s access chosen on its form; a level that is none refused next to the field (ar)', async () => {
  let page = await (await staff.fetch(`/ar/agenda-items/${item5.id}/new-text`)).text();
  assert.match(page, /<label for="nt-access">الاطلاع<\/label>/);
  assert.match(page, /<select id="nt-access" name="access" aria-describedby="nt-access-help"><option value="">[^<]+<\/option><option value="public">/);
  assert.match(page, /<p class="help" id="nt-access-help">[^<]*الدول الأعضاء[^<]*<\/p>/, 'the default said in the reader\'s language');
  const fields = { agenda_item: String(item5.id), document: 'C22/32(Rev.1)', title_en: 'Public guidelines',
    title_ar: 'مبادئ توجيهية علنية', lang_en: 'yes', lang_ar: 'yes' };
  let res = await form(staff, '/ar/texts', { ...fields, access: 'everyone' });
  assert.equal(res.status, 400);
  page = await res.text();
  assert.match(page, /<a href="#nt-access">/, 'the summary links to the field');
  assert.match(page, /<p class="field-error" id="nt-access-error">[^<]*الاطلاع[^<]*<\/p>/, 'the message next to it, naming it as its label does');
  assert.match(page, /id="nt-access"[^>]*aria-describedby="nt-access-help nt-access-error" aria-invalid="true"/);
  assert.match(page, /value="مبادئ توجيهية علنية"/, 'what was typed is kept');
  assert.doesNotMatch(page, /access: must be/);
  res = await form(staff, '/ar/texts', { ...fields, access: 'public' });
  assert.equal(res.status, 303);
  assert.equal((await text(idOf(res))).access, 'public');
  // A level looser than the document's: both named in the reader's language.
  await jsonOf(staff.json('/api/v1/documents', { symbol: 'C22/INF/99', body: 'council', title: { en: 'Restricted note' },
    date: '2022-03-01', source_kind: 'secretariat', access: 'secretariat', status: 'issued' }), 201);
  res = await form(staff, '/ar/texts', { ...fields, document: 'C22/INF/99', access: 'member_states' });
  assert.equal(res.status, 400);
  page = await res.text();
  const message = page.match(/<p class="field-error" id="nt-access-error">([^<]*)<\/p>/)?.[1];
  assert.ok(message?.includes('للدول الأعضاء فقط') && message.includes('للأمانة فقط'), `both levels named: ${message}`);
  assert.match(page, /<option value="member_states" selected>/, 'the level chosen is kept');
  // Kept on a refusal of another field.
  res = await form(staff, '/en/texts', { ...fields, document: '', access: 'secretariat' });
  assert.equal(res.status, 400);
  assert.match(await res.text(), /<option value="secretariat" selected>/);
});

test('provisions and brackets from the text\'s page, with confirmation before what cannot be undone', async () => {
  const created = await jsonOf(staff.json('/api/v1/texts', { document: 'C22/32(Rev.1)', agenda_item: item5.id,
    title: { en: 'Guidelines' }, languages: ['en', 'ar'] }), 201);
  const id = created.id;
  let t = await text(id);

  // Add: a section, then a paragraph.
  let res = await form(staff, `/en/texts/${id}/provisions`, { version: String(t.version), kind: 'section',
    text_en: 'Reporting', text_ar: 'الإبلاغ' });
  assert.equal(res.status, 303, await res.text());
  t = await text(id);
  res = await form(staff, `/en/texts/${id}/provisions`, { version: String(t.version), kind: 'paragraph',
    text_en: 'Member States shall report every year.', text_ar: 'تقدم الدول الأعضاء تقريرًا كل سنة.' });
  assert.equal(res.status, 303);
  t = await text(id);
  assert.deepEqual(t.provisions.map((p) => p.label), ['1', '1.a']);
  const para = t.provisions[1];

  // The page shows the editors' forms.
  let page = await (await staff.fetch(`/en/texts/${id}?lang=en`)).text();
  assert.match(page, new RegExp(`action="/en/provisions/${para.id}/edit"`));
  assert.match(page, new RegExp(`id="pe-${para.id}-ar"[^>]*lang="ar" dir="rtl"`));
  assert.match(page, new RegExp(`action="/en/provisions/${para.id}/brackets"`));
  assert.match(page, new RegExp(`action="/en/texts/${id}/provisions"`));
  const delegatePage = await (await delegate.fetch(`/en/texts/${id}`)).text();
  assert.doesNotMatch(delegatePage, /provisions\/\d+\/edit/, 'no editing forms for a delegate');

  // A stale version is refused (409), the typed text is kept and nothing changes.
  res = await form(staff, `/ar/texts/${id}/provisions`, { version: '1', kind: 'paragraph', text_en: 'Typed but stale.' });
  assert.equal(res.status, 409);
  page = await res.text();
  assert.match(page, />Typed but stale\.<\/textarea>/);
  assert.match(page, /<details class="staff-form" open><summary>إضافة حكم/);
  assert.equal((await text(id)).provisions.length, 2);

  // Edit one language.
  res = await form(staff, `/en/provisions/${para.id}/edit`, { version: String(t.version), kind: 'paragraph',
    text_en: 'Member States shall report every two years.', text_ar: para.texts.ar });
  assert.equal(res.status, 303);
  t = await text(id);
  assert.equal(t.provisions[1].texts.en, 'Member States shall report every two years.');
  assert.equal(t.provisions[1].texts.ar, para.texts.ar);

  // Bracket words: refused when they are not in the text (in Chinese, typed kept), then placed.
  const bracketFields = { version: String(t.version), lang: 'en', words: 'every three years',
    alternatives: 'every year\nevery two years', proposed_by: 'cn', supported_by: 'RU, US', objected_by: 'FR', note: 'From C22/71.' };
  res = await form(staff, `/zh/provisions/${para.id}/brackets`, bracketFields);
  assert.equal(res.status, 400);
  page = await res.text();
  assert.match(page, new RegExp(`<a href="#pb-${para.id}-words">`));
  assert.match(page, new RegExp(`id="pb-${para.id}-words"[^>]*value="every three years"`));
  assert.match(page, /From C22\/71\./);
  assert.doesNotMatch(page, /no such passage/, 'no English rule on a Chinese page');
  assert.equal((await text(id)).version, t.version);
  res = await form(staff, `/en/provisions/${para.id}/brackets`, { ...bracketFields, words: 'every two years' });
  assert.equal(res.status, 303, await res.text());
  t = await text(id);
  const [b] = t.provisions[1].brackets;
  assert.equal(b.words, 'every two years');
  assert.equal(b.proposed_by, 'CN');
  assert.deepEqual(b.supported_by, ['RU', 'US']);
  assert.deepEqual(b.alternatives, ['every year', 'every two years']);
  assert.equal(b.state, 'open');

  // Resolve: the first post asks; nothing changes until confirmed.
  res = await form(staff, `/en/brackets/${b.id}/resolve`, { version: String(t.version), outcome: 'alternative-1' });
  assert.equal(res.status, 200);
  page = await res.text();
  assert.match(page, /name="confirm" value="yes"/);
  assert.match(page, /Alternative 1/);
  assert.match(page, /every two years/);
  assert.equal((await text(id)).provisions[1].brackets[0].state, 'open');
  res = await form(staff, `/en/brackets/${b.id}/resolve`, { version: String(t.version), outcome: 'alternative-1', confirm: 'yes' });
  assert.equal(res.status, 303);
  t = await text(id);
  assert.equal(t.provisions[1].brackets[0].state, 'agreed');
  assert.equal(t.provisions[1].texts.en, 'Member States shall report every year.');

  // Delete: asked first, then done.
  res = await form(staff, `/en/provisions/${para.id}/delete`, { version: String(t.version) });
  assert.equal(res.status, 200);
  assert.match(await res.text(), /Delete provision 1\.a\?/);
  assert.equal((await text(id)).provisions.length, 2);
  assert.equal((await form(delegate, `/en/provisions/${para.id}/delete`, { version: String(t.version), confirm: 'yes' })).status, 403);
  res = await form(staff, `/en/provisions/${para.id}/delete`, { version: String(t.version), confirm: 'yes' });
  assert.equal(res.status, 303);
  assert.deepEqual((await text(id)).provisions.map((p) => p.label), ['1']);
});

// Two editors on one provision: the second save, made on the version before the first one's,
// is refused (409) with a sentence in the reader's language (written here by hand) saying that
// someone else changed the text, the provision's current wording shown next to the form, and
// what the second editor typed kept; never the general "not possible in the current state".
test('a stale edit says, in Chinese and Arabic, that someone else changed the text and shows its current wording', async () => {
  const created = await jsonOf(staff.json('/api/v1/texts', { document: 'C22/32(Rev.1)', agenda_item: item5.id,
    title: { en: 'Two editors' }, languages: ['en', 'ar'] }), 201);
  const id = created.id;
  let t = await text(id);
  let res = await form(staff, `/en/texts/${id}/provisions`, { version: String(t.version), kind: 'paragraph',
    text_en: 'The Council shall meet once a year.', text_ar: 'يجتمع المجلس مرة في السنة.' });
  assert.equal(res.status, 303);
  t = await text(id);
  const [para] = t.provisions;
  const seen = t.version;  // the version both editors opened
  res = await form(staff, `/en/provisions/${para.id}/edit`, { version: String(seen), kind: 'paragraph',
    text_en: 'The Council shall meet twice a year.', text_ar: para.texts.ar });
  assert.equal(res.status, 303, 'the first editor saves');
  const now = (await text(id)).version;
  assert.equal(now, seen + 1);

  const expected = {
    zh: `在您编辑期间，其他人修改了此案文（现为第${now}版）。您输入的内容已保留，现行案文显示在旁边：请比较后再次提交。`,
    ar: `عدّل شخص آخر هذا النص أثناء تحريرك له (أصبح الآن في الصيغة ${now}). احتُفظ بما كتبته، ويظهر النص الحالي بجانبه: قارن بينهما ثم أرسل مرة أخرى.`,
  };
  const heading = { zh: '条款的现行措辞', ar: 'الصيغة الحالية للحكم' };
  for (const lang of ['zh', 'ar']) {
    const typed = `Meet every two years (${lang}).`;
    res = await form(staff, `/${lang}/provisions/${para.id}/edit`, { version: String(seen), kind: 'paragraph',
      text_en: typed, text_ar: para.texts.ar });
    assert.equal(res.status, 409);
    const page = await res.text();
    const summary = page.match(/<div class="error-summary"[\s\S]*?<\/div>/)?.[0];
    assert.ok(summary, 'the summary is on the page');
    assert.ok(summary.includes(`<a href="#pe-${para.id}-current">${expected[lang]}</a>`), summary);
    assert.doesNotMatch(page, /在此条目的当前状态下无法执行此操作|لا يمكن تنفيذ هذا الإجراء في الحالة الحالية/);
    // The current wording, next to the form, after the sentence; what was typed kept in the form.
    const block = page.match(new RegExp(`<div class="current-text" id="pe-${para.id}-current"[^>]*>[\\s\\S]*?</div>`))?.[0];
    assert.ok(block, 'the current wording is shown next to the edit form');
    assert.ok(block.includes(`<p class="field-error" id="pe-${para.id}-current-error">${expected[lang]}</p>`), block);
    assert.ok(block.includes(heading[lang]), block);
    assert.ok(block.includes('The Council shall meet twice a year.'), 'the other editor\'s wording');
    assert.ok(block.includes('يجتمع المجلس مرة في السنة.'));
    assert.ok(page.indexOf(block) < page.indexOf(`id="pe-${para.id}-en"`), 'before the fields');
    assert.match(page, new RegExp(`<textarea id="pe-${para.id}-en"[^>]*>${typed.replace(/[().]/g, '\\$&')}</textarea>`));
    assert.match(page, /<details class="staff-form" open>/, 'the edit form is open');
    assert.equal((await text(id)).provisions[0].texts.en, 'The Council shall meet twice a year.', 'nothing changed');
  }
});
