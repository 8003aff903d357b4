// Errors people can act on: a refused form comes back in the reader's language, with the field's
// label (never a field code or a media type), the message next to its field (aria-invalid,
// aria-describedby), a summary at the top of the form that takes the focus and links to the
// field, and everything that was typed kept; times in the consultation's zone. The expected
// sentences are written here by hand from the catalogues' wording, in all six languages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, isoFromNow, jsonOf } from '../lib/server.mjs';

const MAX_BYTES = 1024 * 1024;  // the server's limit in this test (--max-attachment-bytes)
let server, staff;
before(async () => {
  server = await startServer({ args: ['--max-attachment-bytes', String(MAX_BYTES)] });
  staff = await new Client(server.url).login();
});
after(async () => { await server?.stop(); });

// The page's CSRF token and form token, as a browser would send them back.
async function formTokens(client, path) {
  const html = await (await client.fetch(path)).text();
  return { csrf: html.match(/name="csrf" value="([^"]+)"/)[1], form_token: html.match(/name="form_token" value="([^"]+)"/)[1] };
}

function form(fields, files = []) {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  for (const [name, bytes, type] of files) f.append('attachments', new Blob([bytes], { type }), name);
  return f;
}

// The element with `id` (its start tag), asserted to exist.
function tagOf(html, id) {
  const m = html.match(new RegExp(`<(?:input|select|textarea)[^>]*\\bid="${id}"[^>]*>`));
  assert.ok(m, `no input #${id}`);
  return m[0];
}

// The summary, asserted to exist, with its focus and a link to `id` whose text is `message`;
// the field's own message next to it; the input marked invalid and described by the message.
function assertFieldError(html, id, message) {
  const summary = html.match(/<div class="error-summary" id="error-summary" tabindex="-1" autofocus role="alert"[^>]*>[\s\S]*?<\/div>/);
  assert.ok(summary, 'the error summary is on the page');
  assert.ok(summary[0].includes(`<a href="#${id}">${message}</a>`), `summary links to #${id} with "${message}": ${summary[0]}`);
  assert.ok(html.includes(`<p class="field-error" id="${id}-error">${message}</p>`), `message next to #${id}`);
  const tag = tagOf(html, id);
  assert.match(tag, /aria-invalid="true"/);
  assert.match(tag, new RegExp(`aria-describedby="[^"]*\\b${id}-error\\b`));
  // The summary comes first in the form, before any field.
  assert.ok(html.indexOf('id="error-summary"') < html.indexOf(`id="${id}"`));
}

const NAME_REQUIRED = {
  en: '“Name” is required.',
  fr: 'Le champ «\u00a0Nom\u00a0» est obligatoire.',
  es: 'El campo «Nombre» es obligatorio.',
  ru: 'Поле «Имя и фамилия» обязательно для заполнения.',
  zh: '“姓名”为必填项。',
  ar: 'الحقل «الاسم» إلزامي.',
};

test('a missing name: the sentence in each language, next to the field and in the summary, the rest kept', async () => {
  for (const [lang, sentence] of Object.entries(NAME_REQUIRED)) {
    const client = new Client(server.url);
    const tokens = await formTokens(client, `/${lang}/consultations/ai-public-policy`);
    const res = await client.fetch(`/${lang}/consultations/ai-public-policy/responses`, {
      method: 'POST',
      body: form({ ...tokens, name: '', organization: 'Réseau & <Numérique>', country: 'SN', stakeholder_type: 'civil_society',
        email: 'kept@example.net', language: 'fr', answer_1: 'Une réponse gardée.', general: 'Texte général.', consent_publish: 'yes' }),
    });
    assert.equal(res.status, 400, lang);
    const html = await res.text();
    assertFieldError(html, 'name', sentence);
    assert.ok(!html.includes('name: required'), `${lang}: no field code`);
    // Everything typed is kept: text, choices, the tick.
    assert.match(tagOf(html, 'organization'), /value="Réseau &amp; &lt;Numérique&gt;"/);
    assert.match(tagOf(html, 'email'), /value="kept@example.net"/);
    assert.match(html, /<option value="SN" selected>/);
    assert.match(html, /<option value="civil_society" selected[ >]/);
    assert.match(html, /<textarea id="answer_1"[^>]*>Une réponse gardée\.<\/textarea>/);
    assert.match(html, /<textarea id="general"[^>]*>Texte général\.<\/textarea>/);
    assert.match(tagOf(html, 'consent_publish'), / checked/);
    // Only the refused field is marked.
    assert.doesNotMatch(tagOf(html, 'email'), /aria-invalid/);
  }
});

test("the form's required fields are marked in each language's own parentheses", async () => {
  const zh = await (await new Client(server.url).fetch('/zh/consultations/ai-public-policy')).text();
  assert.equal(zh.split('<span class="req">（必填）</span>').length - 1, 4, 'full-width in Chinese');
  assert.ok(!zh.includes('(必填)'));
  const en = await (await new Client(server.url).fetch('/en/consultations/ai-public-policy')).text();
  assert.equal(en.split('<span class="req"> (required)</span>').length - 1, 4);
});

test('a file of the wrong type: its name and the rule in Chinese, and a word that files must be chosen again', async () => {
  const client = new Client(server.url);
  const tokens = await formTokens(client, '/zh/consultations/ai-public-policy');
  const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(2000, 1)]);
  const res = await client.fetch('/zh/consultations/ai-public-policy/responses', {
    method: 'POST',
    body: form({ ...tokens, name: '王芳', country: 'CN', stakeholder_type: 'academia', email: 'wang@example.cn', answer_2: '保留的回复。' },
      [['tool.exe', exe, 'application/octet-stream']]),
  });
  assert.equal(res.status, 400);
  const html = await res.text();
  assertFieldError(html, 'attachments', '文件“tool.exe”不是PDF、DOCX、ODT或纯文本文件。');
  assert.ok(html.includes('表格未被接受时不会保留所附文件：请在提交前重新选择文件。'));
  assert.ok(!/application\/x-dosexec|application\/octet-stream/.test(html.replace(/accept="[^"]*"/, '')), 'no media type');
  assert.match(tagOf(html, 'name'), /value="王芳"/);
  assert.match(html, /<textarea id="answer_2"[^>]*>保留的回复。<\/textarea>/);
});

test('a file over the limit (413) keeps the typed text; the page carries the server\'s limits for the browser\'s check', async () => {
  const client = new Client(server.url);
  const page = await (await client.fetch('/ar/consultations/ai-public-policy')).text();
  const input = tagOf(page, 'attachments');
  assert.match(input, new RegExp(`data-max-bytes="${MAX_BYTES}"`));
  assert.match(input, /data-max-files="\d+"/);
  assert.match(input, /data-type-message="الملف «\{name\}» ليس بتنسيق PDF أو DOCX أو ODT أو نص عادي\."/);
  const tokens = await formTokens(client, '/ar/consultations/ai-public-policy');
  const res = await client.fetch('/ar/consultations/ai-public-policy/responses', {
    method: 'POST',
    body: form({ ...tokens, name: 'ليلى', country: 'EG', stakeholder_type: 'individual', email: 'layla@example.eg', answer_1: 'نص محفوظ.' },
      [['big.pdf', Buffer.alloc(MAX_BYTES + 1, 0x25), 'application/pdf']]),
  });
  assert.equal(res.status, 413);
  const html = await res.text();
  assertFieldError(html, 'attachments', 'يجب ألا يتجاوز حجم كل ملف مرفق 1 ميغابايت.');
  assert.match(tagOf(html, 'name'), /value="ليلى"/);
  assert.match(html, /<textarea id="answer_1"[^>]*>نص محفوظ\.<\/textarea>/);
  assert.ok(html.includes('لا تُحفظ الملفات المرفقة عند رفض الاستمارة'));
});

test('after the deadline (409) the refusal gives the deadline in the consultation\'s zone, and keeps the text', async () => {
  const key = 'late-tokyo';
  const deadline = isoFromNow(5);
  await jsonOf(staff.json('/api/v1/consultations', {
    key, body: 'cwg-internet', title: { en: 'Tokyo deadline' }, description: { en: 'Closes at once.' },
    questions: [{ en: 'Q1' }], opens_at: isoFromNow(-3600), deadline, timezone: 'Asia/Tokyo',
  }), 201);
  const client = new Client(server.url);
  const tokens = await formTokens(client, `/en/consultations/${key}`);
  await new Promise((ok) => setTimeout(ok, Date.parse(deadline) + 1500 - Date.now()));
  // The deadline's time of day in Tokyo, computed here with Node's ICU.
  const tokyo = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Tokyo', hour: '2-digit', minute: '2-digit', hour12: false })
    .format(new Date(deadline));
  for (const lang of ['en', 'fr']) {
    const res = await client.fetch(`/${lang}/consultations/${key}/responses`, {
      method: 'POST', body: form({ ...tokens, name: 'Late', country: 'JP', stakeholder_type: 'individual', email: 'late@example.jp', answer_1: 'Too late.' }),
    });
    assert.equal(res.status, 409);
    const html = await res.text();
    const summary = html.match(/<div class="error-summary"[\s\S]*?<\/div>/)?.[0];
    assert.ok(summary, 'summary shown');
    const [h, m] = tokyo.split(':');
    assert.ok(lang === 'fr' ? summary.includes(`${h}:${m}`) : summary.includes(`:${m}`), `${lang}: ${summary}`);
    assert.ok(summary.includes('(Asia/Tokyo)'), summary);
    assert.ok(summary.includes(lang === 'en' ? 'the deadline (' : 'la date limite ('), summary);
    assert.match(html, /<textarea id="answer_1"[^>]*>Too late\.<\/textarea>/);
  }
});

test('sign-in, sign-up and the password link refuse in the reader\'s language, next to the field', async () => {
  const client = new Client(server.url);
  let html = await (await client.fetch('/ar/login')).text();
  const csrf = html.match(/name="csrf" value="([^"]+)"/)[1];
  const login = await client.fetch('/ar/login', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrf, email: 'nobody@example.org', password: 'wrong password here' }) });
  assert.equal(login.status, 401);
  html = await login.text();
  assert.match(html, /<div class="error-summary" id="error-summary" tabindex="-1" autofocus role="alert"/);
  assert.match(tagOf(html, 'email'), /value="nobody@example.org"/);
  // Which of the two was wrong is not said: no field is marked.
  assert.doesNotMatch(html, /aria-invalid/);

  const signup = await client.fetch('/ru/signup', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrf, name: 'Ирина Петрова', email: 'not-an-address' }) });
  assert.equal(signup.status, 400);
  html = await signup.text();
  assertFieldError(html, 'email', 'Адрес электронной почты недействителен.');
  assert.match(tagOf(html, 'name'), /value="Ирина Петрова"/);

  const noName = await client.fetch('/es/signup', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrf, name: '', email: 'ana@example.org' }) });
  assert.equal(noName.status, 400);
  html = await noName.text();
  assertFieldError(html, 'name', 'El campo «Nombre» es obligatorio.');
  assert.match(tagOf(html, 'email'), /value="ana@example.org"/);
});

test('not found and refusals without a form are in the reader\'s language; the API keeps its codes', async () => {
  const anon = new Client(server.url);
  const zh = await anon.fetch('/zh/consultations/999999');
  assert.equal(zh.status, 404);
  const page = await zh.text();
  assert.ok(page.includes('此页面不存在，或您无权访问。'));
  assert.ok(!page.includes('no such'), 'no English rule on a Chinese page');
  const ru = await (await anon.fetch('/ru/static/none.css')).text();
  assert.ok(ru.includes('Эта страница не существует или недоступна для вас.'));
  // The API's error object keeps its members: code, field and, for a client that chose no
  // language, the English rule; after the Russian page above, the reader's language.
  const body = { name: '', country: 'SN', stakeholder_type: 'individual', email: 'a@example.org', answers: { 1: 'x' } };
  const api = await new Client(server.url).json('/api/v1/consultations/ai-public-policy/responses', body);
  assert.equal(api.status, 400);
  const { error } = await api.json();
  assert.equal(error.code, 'invalid_argument');
  assert.equal(error.field, 'name');
  assert.equal(error.message, 'name: required');
  const inRussian = (await (await anon.json('/api/v1/consultations/ai-public-policy/responses', body)).json()).error;
  assert.deepEqual(inRussian, { code: 'invalid_argument', field: 'name', message: 'Поле «Имя и фамилия» обязательно для заполнения.' });
});

test('the desk: a refused deadline extension says why in French, with the deadline in the consultation\'s zone', async () => {
  const key = 'desk-zurich';
  const deadline = isoFromNow(30 * 86400);
  const c = await jsonOf(staff.json('/api/v1/consultations', {
    key, body: 'cwg-internet', title: { en: 'Zurich desk' }, description: { en: 'For the desk.' },
    questions: [{ en: 'Q1' }], opens_at: isoFromNow(-3600), deadline, timezone: 'Europe/Zurich',
  }), 201);
  const html = await (await staff.fetch(`/fr/admin/consultations/${c.id}`)).text();
  const action = html.match(/<form method="post" action="(\/fr\/admin\/consultations\/[^"]+\/extend)"/);
  assert.ok(action, 'the extension form is on the desk page');
  const csrf = html.match(/name="csrf" value="([^"]+)"/)[1];
  const earlier = isoFromNow(86400).slice(0, 16);  // earlier than the current deadline
  const post = await staff.fetch(action[1], { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrf, deadline: earlier, reason: 'Plus tôt' }) });
  assert.equal(post.status, 303);
  const back = await (await staff.fetch(post.headers.get('location'))).text();
  const summary = back.match(/<div class="error-summary"[\s\S]*?<\/div>/)?.[0];
  assert.ok(summary, 'the summary is on the desk page');
  // Named as the form labels the field ("Nouvelle date limite"), not by the field's general name.
  assert.ok(summary.includes('Le champ «\u00a0Nouvelle date limite\u00a0» doit être postérieur à la date limite actuelle ('), summary);
  assert.ok(summary.includes('(Europe/Zurich)'), summary);
  assert.ok(!summary.includes('deadline:'), 'no field code');
  assert.ok(summary.includes('<a href="#x-deadline">'), 'the summary links to the field');
  assert.match(back, /<input id="x-deadline" name="deadline"[^>]* aria-invalid="true" aria-describedby="x-deadline-error">/);
  assert.match(back, /<p class="field-error" id="x-deadline-error">Le champ/);
});

// The inputs of the form posting to `action` on `html` as a browser would send them (text
// inputs, hidden inputs, textareas, the selected option of each select).
function formFields(html, action) {
  const start = html.indexOf(`action="${action}"`);
  assert.ok(start > 0, `a form posts to ${action}`);
  const body = html.slice(start, html.indexOf('</form>', start));
  const fields = {};
  const unescape = (s) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  for (const m of body.matchAll(/<input[^>]*>/g)) {
    const name = m[0].match(/name="([^"]+)"/)?.[1];
    if (!name || /type="(checkbox|radio|submit|file)"/.test(m[0])) continue;
    fields[name] = unescape(m[0].match(/value="([^"]*)"/)?.[1] ?? '');
  }
  for (const m of body.matchAll(/<textarea[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/textarea>/g)) fields[m[1]] = unescape(m[2]);
  for (const m of body.matchAll(/<select[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g))
    fields[m[1]] = unescape(m[2].match(/<option value="([^"]*)"[^>]*selected/)?.[1] ?? m[2].match(/<option value="([^"]*)"/)?.[1] ?? '');
  return fields;
}

// A missing reason is named by the form's own label (the label the reader sees next to the
// field), not by the general word "Reason": the deadline's extension in Chinese, the reopening
// in Arabic, a correction after the first response in Chinese. The sentences are written here
// by hand from the catalogues' labels.
test('a missing reason is named by the form\'s own label, next to its field', async () => {
  const create = async (key) => jsonOf(staff.json('/api/v1/consultations', {
    key, body: 'cwg-internet', title: { en: 'Reasons' }, description: { en: 'Why.' }, questions: [{ en: 'Q1' }],
    opens_at: isoFromNow(-3600), deadline: isoFromNow(20 * 86400), timezone: 'UTC' }), 201);
  const desk = async (path, fields) => {
    const res = await staff.fetch(path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrf: staff.csrf, ...fields }) });
    if (res.status !== 303) return { status: res.status, html: await res.text() };
    return { status: 303, html: await (await staff.fetch(res.headers.get('location'))).text() };
  };

  const later = isoFromNow(40 * 86400).slice(0, 16);
  const open = await create('reason-extend');
  let back = await desk(`/zh/admin/consultations/${open.id}/extend`, { deadline: later, reason: '' });
  assertFieldError(back.html, 'x-reason', '“延期理由”为必填项。');
  assert.match(tagOf(back.html, 'x-deadline'), new RegExp(`value="${later}"`), 'the typed deadline is kept');
  // A deadline in the past: the typed reason is kept.
  back = await desk(`/zh/admin/consultations/${open.id}/extend`, { deadline: isoFromNow(-86400).slice(0, 16), reason: '代表团要求' });
  assert.match(tagOf(back.html, 'x-reason'), /value="代表团要求"/, 'the typed reason is kept');

  const closed = await create('reason-reopen');
  await jsonOf(staff.json(`/api/v1/consultations/${closed.id}/close`, {}));
  back = await desk(`/ar/admin/consultations/${closed.id}/reopen`, { deadline: later, reason: '' });
  assertFieldError(back.html, 'ro-reason', 'الحقل «سبب إعادة الفتح» إلزامي.');
  assert.match(tagOf(back.html, 'ro-deadline'), new RegExp(`value="${later}"`), 'the typed deadline is kept');

  const answered = await create('reason-edit');
  await jsonOf(new Client(server.url).json(`/api/v1/consultations/${answered.id}/responses`, { name: 'Ama Owusu', country: 'GH',
    stakeholder_type: 'civil_society', email: 'ama@example.net', language: 'en', answers: { 1: 'An answer.' } }), 201);
  const page = await (await staff.fetch(`/zh/admin/consultations/${answered.id}/edit`)).text();
  const fields = formFields(page, `/zh/admin/consultations/${answered.id}/edit`);
  back = await desk(`/zh/admin/consultations/${answered.id}/edit`, { ...fields, title_en: 'Reasons, corrected', reason: '' });
  assert.equal(back.status, 400);
  assertFieldError(back.html, 'e-reason', '“更正理由”为必填项。');
  assert.match(back.html, /value="Reasons, corrected"/, 'what was typed is kept');
});
