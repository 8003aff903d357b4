// Scenario test of the six-language forms of a negotiated text's provisions and of a record's
// paragraphs (/admin/translations/{provision|intervention}/{id}, site/text_edit.h): reached from
// the text's page, the agenda and the translations page; a provision's edit goes through
// drafting's own use case (version check, brackets following the words, a new version in the
// history; a language the text lacks joins it); a paragraph's edit is audited with its old
// text. The chair edits a text's title and its provisions; a delegate is refused (403).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, jsonOf } from '../lib/server.mjs';

const LANGS = ['ar', 'zh', 'en', 'fr', 'ru', 'es'];
const PASSWORD = 'a long enough password for tests';
let server, admin, textId;
before(async () => {
  server = await startServer();
  admin = await new Client(server.url).login();
  // The demo's draft guidelines are in the six languages: a text in English and Chinese only is
  // added, as one before its translation, with an open English bracket.
  const { items } = await jsonOf(admin.fetch('/api/v1/meetings'));
  const council = items.find((m) => m.kind === 'plenary' && m.session === 'C22' && m.number === 8);
  const agenda = await jsonOf(admin.fetch(`/api/v1/meetings/${council.id}/agenda`));
  const t = await jsonOf(admin.json('/api/v1/texts', { document: 'C22/32(Rev.1)', agenda_item: agenda.items[0].id,
    title: { en: 'Draft conclusions', zh: '结论草案' }, languages: ['en', 'zh'] }), 201);
  textId = t.id;
  await jsonOf(admin.json(`/api/v1/texts/${t.id}/provisions`, { kind: 'section', text: { en: 'Scope', zh: '范围' } }), 201);
  const p = await jsonOf(admin.json(`/api/v1/texts/${t.id}/provisions`,
    { text: { en: 'States shall report on their activities.', zh: '各国应报告其活动。' } }), 201);
  await jsonOf(admin.json(`/api/v1/provisions/${p.id}/brackets`, { lang: 'en', start: 16, end: 22 }), 201);
});
after(async () => { await server?.stop(); });

const post = (client, path, fields) => client.fetch(path, { method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams({ csrf: client.csrf, ...fields }).toString() });
const unescape = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"')
  .replace(/&#39;/g, "'").replace(/&amp;/g, '&');
// What the six-language form sends as it stands: its textareas, ticked boxes and the version.
function fieldsOf(html) {
  const out = {};
  for (const m of html.matchAll(/<textarea [^>]*name="([^"]+)"[^>]*>([^<]*)<\/textarea>/g)) out[m[1]] = unescape(m[2]);
  for (const m of html.matchAll(/<input type="text" [^>]*name="([^"]+)"[^>]*value="([^"]*)"/g)) out[m[1]] = unescape(m[2]);
  for (const m of html.matchAll(/<input type="checkbox" [^>]*name="([^"]+)" value="1" checked>/g)) out[m[1]] = '1';
  const v = html.match(/<input type="hidden" name="version" value="(\d+)">/);
  if (v) out.version = v[1];
  return out;
}
const ownText = () => jsonOf(admin.fetch(`/api/v1/texts/${textId}`));

test('a provision in the six languages: linked, saved through drafting with a new version', async () => {
  let text = await ownText();
  const p = text.provisions.find((x) => x.brackets.some((b) => b.lang === 'en' && b.state === 'open'));
  assert.ok(p, 'the text has a provision with an open English bracket');
  const missing = LANGS.find((l) => !p.texts[l] && !text.languages.includes(l));
  assert.ok(missing, 'the text lacks a language');
  const href = `/en/admin/translations/provision/${p.id}`;
  // Linked from the text's page and from the translations page.
  const page = await (await admin.fetch(`/en/texts/${text.id}?lang=en`)).text();
  assert.ok(page.includes(`href="${href}"`), 'the text page links the provision\'s form');
  assert.ok(page.includes(`href="/en/admin/translations/text/${text.id}"`), 'and the title\'s');
  const translations = await (await admin.fetch('/en/admin/translations')).text();
  assert.ok(translations.includes(`href="${href}"`), 'the translations page links the provision\'s form');

  let html = await (await admin.fetch(href)).text();
  for (const l of LANGS) assert.match(html, new RegExp(`name="text_${l}" lang="${l}"`), l);
  assert.match(html, new RegExp(`<input type="hidden" name="version" value="${text.version}">`));
  assert.match(html, new RegExp(`id="t-text-${missing}-state">\\(missing\\)<`));
  const fields = fieldsOf(html);
  assert.equal(fields.text_en, p.texts.en);

  // Saved unchanged: nothing happens, the text keeps its version.
  let res = await post(admin, href, fields);
  assert.equal(res.status, 303);
  assert.equal((await ownText()).version, text.version);

  // English words before the bracket and a new language as a draft.
  const bracket = p.brackets.find((b) => b.lang === 'en' && b.state === 'open');
  const typed = { ...fields, text_en: 'Further, ' + p.texts.en, [`text_${missing}`]: 'Traduction nouvelle.',
    [`text_draft_${missing}`]: '1' };
  res = await post(admin, href, typed);
  assert.equal(res.status, 303, await res.text());
  assert.equal(res.headers.get('location'), '/en/admin/translations?done=texts_saved');
  const after = await ownText();
  assert.equal(after.version, text.version + 1, 'one new version of the text');
  assert.ok(after.languages.includes(missing), 'the new language joins the text');
  const q = after.provisions.find((x) => x.id === p.id);
  assert.equal(q.texts[missing], 'Traduction nouvelle.');
  const moved = q.brackets.find((b) => b.id === bracket.id);
  assert.equal(moved.start, bracket.start + 'Further, '.length, 'the bracket follows the words');
  assert.equal(moved.end, bracket.end + 'Further, '.length);
  // The history has the version: the two can be compared.
  const diff = await jsonOf(admin.fetch(`/api/v1/texts/${text.id}/diff?from=${text.version}&to=${after.version}`));
  assert.ok(JSON.stringify(diff).includes('Further,'), 'the diff shows the edit');
  html = await (await admin.fetch(href)).text();
  assert.match(html, new RegExp(`id="t-text-${missing}-state">\\(draft\\)<`));

  // Made on the old version: refused (409), nothing changes.
  res = await post(admin, href, { ...typed, text_en: 'Stale.' });
  assert.equal(res.status, 409);
  assert.match(await res.text(), /version/);
  assert.equal((await ownText()).version, after.version);
  // A language emptied is refused next to its input; an edit across a bracket's edge too.
  const fresh = fieldsOf(html);
  res = await post(admin, href, { ...fresh, text_en: '' });
  assert.equal(res.status, 400);
  assert.match(await res.text(), /id="t-text-en-error"/);
  res = await post(admin, href, { ...fresh, text_en: q.texts.en.slice(0, moved.start + 1) });
  assert.equal(res.status, 400);
  assert.match(await res.text(), /id="t-text-en-error"/);
  assert.equal((await ownText()).version, after.version);
  text = after;
});

// A provision's language emptied in its form: its own sentence in the reader's language (with
// the input's label, saying what to do instead), next to that input and in the summary, never the
// generic "required" one; everything typed is kept and nothing changes.
test('a provision\'s language emptied is refused with its own sentence in en, zh and ar', async () => {
  const { items } = await jsonOf(admin.fetch('/api/v1/texts?document=C22/32(Rev.1)'));
  const demo = items.find((t) => t.document === 'C22/32(Rev.1)' && t.id !== textId);
  assert.ok(demo, 'the demo\'s draft guidelines');
  const before = await jsonOf(admin.fetch(`/api/v1/texts/${demo.id}`));
  const p = before.provisions.find((x) => LANGS.every((l) => x.texts[l]));
  assert.ok(p, 'a provision written in the six languages');
  const expected = {
    en: '“Text (Arabic)” cannot be emptied: a provision’s text in a language, once written, is kept. '
      + 'Type its new wording instead, or mark it as a draft if it is not final yet.',
    zh: '“案文（阿拉伯文）”不能清空：条款某一语文的文本一经写入即予保留。请改为输入新的措辞；如尚未定稿，可将其标为草稿。',
    ar: 'لا يمكن إفراغ الحقل «النص (العربية)»: نص الحكم بأي لغة يُحتفظ به بعد كتابته. '
      + 'اكتب صيغته الجديدة بدلًا من ذلك، أو ضع عليه علامة مسودة إن لم يكن نهائيًا بعد.',
  };
  const required = { en: '“Text (Arabic)” is required.', zh: '“案文（阿拉伯文）”为必填项。', ar: 'الحقل «النص (العربية)» إلزامي.' };
  for (const lang of ['en', 'zh', 'ar']) {
    const href = `/${lang}/admin/translations/provision/${p.id}`;
    const fields = fieldsOf(await (await admin.fetch(href)).text());
    const typed = { ...fields, text_ar: '', text_fr: `${p.texts.fr} (${lang})` };
    const res = await post(admin, href, typed);
    assert.equal(res.status, 400, lang);
    const html = await res.text();
    const sentence = html.match(/<p class="field-error" id="t-text-ar-error">([^<]*)<\/p>/);
    assert.ok(sentence, `${lang}: the error stands next to the Arabic input`);
    assert.equal(unescape(sentence[1]), expected[lang], lang);
    assert.ok(!unescape(html).includes(required[lang]), `${lang}: not the generic required sentence`);
    assert.match(html, /<textarea id="t-text-ar" name="text_ar" lang="ar" dir="rtl" rows="3" aria-invalid="true" aria-describedby="t-text-ar-error"><\/textarea>/, lang);
    assert.ok(unescape(html).includes(`<li><a href="#t-text-ar">${expected[lang]}</a></li>`), `${lang}: in the summary`);
    // What was typed is kept: the emptied input stays empty, the other edit stays as typed.
    const kept = fieldsOf(html);
    assert.equal(kept.text_ar, '', lang);
    assert.equal(kept.text_fr, typed.text_fr, lang);
    assert.equal(kept.text_en, p.texts.en, lang);
  }
  // The API refuses the same, naming text.ar, with the same sentence in the client's language.
  for (const lang of ['zh', 'ar']) {
    const res = await admin.fetch(`/api/v1/provisions/${p.id}?lang=${lang}`, { method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ version: before.version, text: { ar: '' } }) });
    assert.equal(res.status, 400, lang);
    const { error } = await res.json();
    assert.equal(error.field, 'text.ar', lang);
    assert.equal(error.message, expected[lang], lang);
  }
  const after = await jsonOf(admin.fetch(`/api/v1/texts/${demo.id}`));
  assert.equal(after.version, before.version, 'nothing changed');
  assert.deepEqual(after.provisions.find((x) => x.id === p.id).texts, p.texts);
});

test('a record paragraph in the six languages: linked, saved, audited with its old text', async () => {
  const { items } = await jsonOf(admin.fetch('/api/v1/meetings'));
  const council = items.find((m) => m.kind === 'plenary' && m.session === 'C22' && m.number === 8);
  let agenda = await jsonOf(admin.fetch(`/api/v1/meetings/${council.id}/agenda`));
  // The demo's record is in the six languages: the paragraph is given two first, as the
  // secretariat would find it before translation.
  const first = agenda.items[0].interventions[0];
  await jsonOf(admin.fetch(`/api/v1/interventions/${first.id}`, { method: 'PATCH',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ summary: { en: first.summaries.en, zh: first.summaries.zh } }) }));
  agenda = await jsonOf(admin.fetch(`/api/v1/meetings/${council.id}/agenda`));
  const iv = agenda.items[0].interventions[0];
  const href = `/zh/admin/translations/intervention/${iv.id}`;
  const page = await (await admin.fetch(`/zh/meetings/${council.id}/agenda`)).text();
  assert.ok(page.includes(`href="${href}"`), 'the agenda links the paragraph\'s form');
  const translations = await (await admin.fetch('/zh/admin/translations')).text();
  assert.ok(translations.includes(`href="${href}"`), 'the translations page links it');
  const html = await (await admin.fetch(href)).text();
  for (const l of LANGS) assert.match(html, new RegExp(`name="summary_${l}" lang="${l}"`), l);
  assert.match(html, /id="t-summary-ar-state">（缺失）</);
  const fields = fieldsOf(html);
  const arabic = 'قدّم ممثل الأمانة العامة الوثيقة.';
  let res = await post(admin, href, { ...fields, summary_ar: arabic, summary_draft_ar: '1' });
  assert.equal(res.status, 303);
  const read = await jsonOf(admin.fetch(`/api/v1/meetings/${council.id}/agenda`));
  const now = read.items[0].interventions.find((x) => x.id === iv.id);
  assert.equal(now.summaries.ar, arabic);
  const audit = await jsonOf(admin.fetch('/api/v1/audit'));
  const entry = audit.items.find((e) => e.action === 'intervention.edit' && e.object_id === iv.id);
  assert.ok(entry, 'the edit is audited');
  assert.deepEqual(JSON.parse(entry.before).summary, iv.summaries, 'with the old text');
  assert.equal(JSON.parse(entry.after).summary.ar, arabic);
  assert.match(await (await admin.fetch(href)).text(), /id="t-summary-ar-state">（草稿）</);
  // Saved as it stands: no second audit entry.
  const count = (await jsonOf(admin.fetch('/api/v1/audit'))).items.filter((e) => e.action === 'intervention.edit').length;
  res = await post(admin, href, fieldsOf(await (await admin.fetch(href)).text()));
  assert.equal(res.status, 303);
  assert.equal((await jsonOf(admin.fetch('/api/v1/audit'))).items.filter((e) => e.action === 'intervention.edit').length, count);
  // The summary is required: emptied, refused next to its input.
  const empty = Object.fromEntries(LANGS.map((l) => [`summary_${l}`, '']));
  res = await post(admin, href, empty);
  assert.equal(res.status, 400);
  assert.match(await res.text(), /id="t-summary-en-error"|id="t-summary-[a-z]{2}-error"/);
});

test('the chair edits a text\'s title and provisions in six languages; a delegate is refused', async () => {
  const users = {};
  for (const role of ['chair', 'delegate']) {
    const email = `${role}@six.example.int`;
    await jsonOf(admin.json('/api/v1/users', { email, name: `A ${role}`, role, password: PASSWORD,
      ...(role === 'delegate' ? { member_state: 'GH' } : {}) }), 201);
    users[role] = await new Client(server.url).login({ email, password: PASSWORD });
  }
  const { chair, delegate } = users;
  let text = await ownText();
  const p = text.provisions[0];
  const titleForm = `/fr/admin/translations/text/${text.id}`;
  const provisionForm = `/fr/admin/translations/provision/${p.id}`;
  // The delegate: 403 on the forms, their saving, and the title's PATCH.
  for (const path of [titleForm, provisionForm]) {
    assert.equal((await delegate.fetch(path)).status, 403, path);
    assert.equal((await post(delegate, path, { title_en: 'No', text_en: 'No', version: String(text.version) })).status, 403, path);
  }
  const patchTitle = (client, body) => client.fetch(`/api/v1/texts/${text.id}`, { method: 'PATCH',
    headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  assert.equal((await patchTitle(delegate, { title: { en: 'No' } })).status, 403);
  assert.equal((await ownText()).version, text.version, 'the delegate changed nothing');

  // The chair: the title's form, then its PATCH, then a provision's form.
  let html = await (await chair.fetch(titleForm)).text();
  assert.doesNotMatch(html, /href="\/fr\/admin\/translations"/, 'no link to the desk the chair cannot see');
  const title = fieldsOf(html);
  let res = await post(chair, titleForm, { ...title, title_ru: 'Руководящие принципы' });
  assert.equal(res.status, 303, await res.text());
  assert.equal(res.headers.get('location'), `/fr/texts/${text.id}?done=texts_saved`);
  text = await ownText();
  assert.equal(text.titles.ru, 'Руководящие принципы');
  const patched = await jsonOf(patchTitle(chair, { title: { ...text.titles, es: 'Directrices' },
    states: { title: { es: 'draft' } } }));
  assert.equal(patched.states.title.es, 'draft');
  text = await ownText();
  html = await (await chair.fetch(provisionForm)).text();
  const fields = fieldsOf(html);
  assert.equal(fields.version, String(text.version));
  res = await post(chair, provisionForm, { ...fields, text_ru: 'Текст положения.' });
  assert.equal(res.status, 303, await res.text());
  assert.equal(res.headers.get('location'), `/fr/texts/${text.id}?done=texts_saved#p${p.id}`);
  const after = await ownText();
  assert.equal(after.provisions[0].texts.ru, 'Текст положения.');
  assert.equal(after.version, text.version + 1);
});
