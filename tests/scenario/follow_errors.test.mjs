// A refused follow or unfollow form goes back to the page it came from with the refusal shown
// there, in the reader's language: next to the follow button of a consultation's page, with the
// form's summary; at its row of the account page; a thing that does not exist (any more) back to
// the account page. Nothing is followed or unfollowed. The sentences are written here by hand
// from the catalogues' wording.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, jsonOf } from '../lib/server.mjs';

const PASSWORD = 'a long enough password';
const EXPIRED = {
  en: 'The form has expired. Please reload the page and submit again.',
  zh: '表格已过期。请重新加载页面后再提交。',
  ar: 'انتهت صلاحية الاستمارة. يُرجى إعادة تحميل الصفحة وإرسالها مرة أخرى.',
};
const NOT_FOUND_ZH = '此页面不存在，或您无权访问。';
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

let server, staff, reader;
before(async () => {
  server = await startServer();
  staff = await new Client(server.url).login();
  await jsonOf(staff.json('/api/v1/users', { email: 'reader@example.net', name: 'Reader', role: 'public', password: PASSWORD }), 201);
  reader = await new Client(server.url).login({ email: 'reader@example.net', password: PASSWORD });
});
after(async () => { await server?.stop(); });

const follows = async () => (await jsonOf(reader.fetch('/api/v1/follows'))).items;

// The summary of the page's refused form, asserted to exist and to hold `message`.
function assertSummary(html, message) {
  const summary = html.match(/<div class="error-summary" id="error-summary"[^>]*>[\s\S]*?<\/div>/);
  assert.ok(summary, 'the error summary is on the page');
  assert.ok(summary[0].includes(message), `the summary says "${message}": ${summary[0]}`);
}

test('a refused follow goes back to the consultation\'s page, its message next to the button', async () => {
  for (const [lang, sentence] of Object.entries(EXPIRED)) {
    const page = await (await reader.fetch(`/${lang}/consultations/ai-public-policy`)).text();
    const form = page.match(/<form method="post" action="\/\w\w\/follow"[\s\S]*?<\/form>/);
    assert.ok(form, `${lang}: the follow form`);
    const id = form[0].match(/name="id" value="(\d+)"/)[1];
    const res = await reader.fetch(`/${lang}/follow`, { method: 'POST', headers: FORM,
      body: new URLSearchParams({ csrf: 'not-the-token', kind: 'consultation', id }).toString() });
    assert.equal(res.status, 303, lang);
    const location = res.headers.get('location');
    assert.ok(location.startsWith(`/${lang}/consultations/${id}?`), location);
    const back = await reader.fetch(location);
    assert.equal(back.status, 200);
    const html = await back.text();
    assertSummary(html, sentence);
    assert.match(html, /<button type="submit" id="follow-button"[^>]*aria-describedby="follow-button-error"/);
    assert.ok(html.includes(`<p class="field-error" id="follow-button-error">${sentence}</p>`), `${lang}: next to the button`);
  }
  assert.deepEqual(await follows(), [], 'nothing followed');
});

test('a refused unfollow on the account page is said at its row; a thing gone back to the account page', async () => {
  const { items } = await jsonOf(reader.fetch('/api/v1/bodies'));
  const body = items[0];
  await jsonOf(reader.json('/api/v1/follows', { kind: 'body', id: body.id }), 201);
  const res = await reader.fetch('/zh/unfollow', { method: 'POST', headers: FORM,
    body: new URLSearchParams({ csrf: 'not-the-token', kind: 'body', id: String(body.id), from: 'account' }).toString() });
  assert.equal(res.status, 303);
  const location = res.headers.get('location');
  assert.ok(location.startsWith('/zh/account?'), location);
  const html = await (await reader.fetch(location)).text();
  assertSummary(html, EXPIRED.zh);
  const row = `unfollow-body-${body.id}`;
  assert.match(html, new RegExp(`<button type="submit" id="${row}"[^>]*aria-describedby="${row}-error"`));
  assert.ok(html.includes(`<p class="field-error" id="${row}-error">${EXPIRED.zh}</p>`), 'next to its button');
  assert.equal((await follows()).length, 1, 'still followed');

  // A meeting that does not exist: back to the account page, said in the summary.
  const csrf = html.match(/name="csrf" value="([^"]+)"/)[1];
  const gone = await reader.fetch('/zh/unfollow', { method: 'POST', headers: FORM,
    body: new URLSearchParams({ csrf, kind: 'meeting', id: '999999' }).toString() });
  assert.equal(gone.status, 303);
  assert.ok(gone.headers.get('location').startsWith('/zh/account?'), gone.headers.get('location'));
  assertSummary(await (await reader.fetch(gone.headers.get('location'))).text(), NOT_FOUND_ZH);
  assert.equal((await follows()).length, 1, 'still followed');
});
