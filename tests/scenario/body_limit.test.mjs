// A form post over the server's own body limit (--max-body-bytes), which the server refuses before
// any handler runs: from a page (the public response form with an attachment, the document
// page's upload) it comes back to its form, 413, with the error next to the file input in the
// reader's language (the limit in MB as the reader writes numbers) and every field typed before
// the file kept; the API keeps its JSON 413. The expected sentences are written here by hand from
// the catalogues' wording.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, jsonOf } from '../lib/server.mjs';

const LIMIT = 1.5 * 1024 * 1024;  // the server's body limit in this test: 1.5 MB
const BIG = Buffer.alloc(2 * 1024 * 1024, 0x25);  // one file under the 5 MB file limit, over LIMIT
let server, staff;
before(async () => {
  server = await startServer({ args: ['--max-body-bytes', String(LIMIT)] });
  staff = await new Client(server.url).login();
});
after(async () => { await server?.stop(); });

const SENTENCE = {
  en: 'The form and its files must be at most 1.5 MB in all: attach fewer or smaller files and send the form again.',
  fr: 'Le formulaire et ses fichiers ne doivent pas dépasser 1,5\u00a0Mo au total\u00a0: joignez moins de fichiers ou des fichiers plus légers, puis envoyez de nouveau le formulaire.',
  zh: '表单连同所附文件总计不得超过1.5 MB：请减少附件数量或改附较小的文件，然后重新提交表单。',
  ar: 'يجب ألا يتجاوز حجم الاستمارة مع ملفاتها 1.5 ميغابايت إجمالًا: أرفق عددًا أقل من الملفات أو ملفات أصغر حجمًا، ثم أرسل الاستمارة مرة أخرى.',
};

function tagOf(html, id) {
  const m = html.match(new RegExp(`<(?:input|select|textarea)[^>]*\\bid="${id}"[^>]*>`));
  assert.ok(m, `no input #${id}`);
  return m[0];
}

// The message next to input #id (aria-invalid, aria-describedby) and linked from the summary.
function assertFieldError(html, id, message) {
  const summary = html.match(/<div class="error-summary" id="error-summary"[^>]*>[\s\S]*?<\/div>/);
  assert.ok(summary, 'the error summary is on the page');
  assert.ok(summary[0].includes(`<a href="#${id}">${message}</a>`), `summary links to #${id}: ${summary[0]}`);
  assert.ok(html.includes(`<p class="field-error" id="${id}-error">${message}</p>`), `message next to #${id}`);
  const tag = tagOf(html, id);
  assert.match(tag, /aria-invalid="true"/);
  assert.match(tag, new RegExp(`aria-describedby="[^"]*\\b${id}-error\\b`));
}

test('the public form with a file over the server\'s limit comes back with the error at the attachments and the text kept', async () => {
  const total = async () => (await jsonOf(staff.fetch('/api/v1/consultations/ai-public-policy/statistics'))).responses.total;
  const before = await total();
  for (const [lang, sentence] of Object.entries(SENTENCE)) {
    const client = new Client(server.url);
    const page = await (await client.fetch(`/${lang}/consultations/ai-public-policy`)).text();
    const f = new FormData();
    f.append('csrf', page.match(/name="csrf" value="([^"]+)"/)[1]);
    f.append('form_token', page.match(/name="form_token" value="([^"]+)"/)[1]);
    for (const [k, v] of Object.entries({ name: 'Aïcha & <Kept>', organization: 'Réseau 网络 شبكة', job_title: 'Analyst',
      country: 'SN', stakeholder_type: 'civil_society', email: 'kept@example.net', language: 'fr',
      answer_1: 'Une réponse gardée.', general: 'Texte général gardé.' })) f.append(k, v);
    f.append('attachments', new Blob([BIG], { type: 'application/pdf' }), 'big.pdf');
    const res = await client.fetch(`/${lang}/consultations/ai-public-policy/responses`, { method: 'POST', body: f });
    assert.equal(res.status, 413, lang);
    assert.match(res.headers.get('content-type'), /^text\/html/);
    const html = await res.text();
    assertFieldError(html, 'attachments', sentence);
    assert.match(tagOf(html, 'name'), /value="Aïcha &amp; &lt;Kept&gt;"/);
    assert.match(tagOf(html, 'organization'), /value="Réseau 网络 شبكة"/);
    assert.match(tagOf(html, 'job_title'), /value="Analyst"/);
    assert.match(tagOf(html, 'email'), /value="kept@example.net"/);
    assert.match(html, /<option value="SN" selected>/);
    assert.match(html, /<option value="civil_society" selected[ >]/);
    assert.match(html, /<textarea id="answer_1"[^>]*>Une réponse gardée\.<\/textarea>/);
    assert.match(html, /<textarea id="general"[^>]*>Texte général gardé\.<\/textarea>/);
  }
  assert.equal(await total(), before, 'nothing stored');
});

test('the document page\'s upload over the server\'s limit comes back with the error at the file and the language kept', async () => {
  const { items } = await jsonOf(staff.fetch('/api/v1/documents'));
  const doc = items[0];
  for (const lang of ['zh', 'ar']) {
    const f = new FormData();
    f.append('csrf', staff.csrf);
    f.append('language', 'ru');
    f.append('file', new Blob([BIG]), 'big.pdf');
    const res = await staff.fetch(`/${lang}/documents/${doc.id}/files`, { method: 'POST', body: f });
    assert.equal(res.status, 413, lang);
    const html = await res.text();
    assertFieldError(html, 'up-file', SENTENCE[lang]);
    assert.match(html, /<select id="up-language"[^>]*>[\s\S]*?<option value="ru" selected>/);
  }
});

test('the API keeps its JSON 413, in the client\'s language', async () => {
  const { items } = await jsonOf(staff.fetch('/api/v1/documents'));
  for (const [lang, message] of [['en', `request body: larger than the limit of ${LIMIT} bytes`], ['zh', '发送的内容过大。']]) {
    const f = new FormData();
    f.append('language', 'ru');
    f.append('file', new Blob([BIG]), 'big.pdf');
    const res = await fetch(`${server.url}/api/v1/documents/${items[0].id}/files`, { method: 'POST', body: f, headers: { 'Accept-Language': lang } });
    assert.equal(res.status, 413, lang);
    assert.match(res.headers.get('content-type'), /^application\/json/);
    const body = await res.json();
    assert.equal(body.error.code, 'too_large');
    assert.equal(body.error.message, message);
  }
});
