// Scenario tests of the receipt shown after answering a consultation: it says that a
// confirmation e-mail was sent (to the address, masked), shows a copy of the answers under each
// question's text in the reader's language and the attachments' names, and opens only with the
// signed token of its link: the reference alone (shown on published responses), a token of
// another response, a tampered one or one issued before an erasure answer 404.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, jsonOf } from '../lib/server.mjs';

let server, staff, questions;
before(async () => {
  server = await startServer();
  staff = await new Client(server.url).login();
  questions = (await jsonOf(new Client(server.url).fetch('/api/v1/consultations/ai-public-policy'))).questions;
});
after(async () => { await server?.stop(); });

const EMAIL = 'lucia.gomez@example.org';

// Answers through the public page's form, as a browser does; returns the receipt's address.
async function answer(client, fields, files = []) {
  const page = await (await client.fetch('/en/consultations/ai-public-policy')).text();
  const f = new FormData();
  f.append('csrf', page.match(/name="csrf" value="([^"]+)"/)[1]);
  f.append('form_token', page.match(/name="form_token" value="([^"]+)"/)[1]);
  for (const [k, v] of Object.entries({ name: 'Lucía Gómez', organization: 'Red Digital', country: 'AR',
    stakeholder_type: 'civil_society', email: EMAIL, language: 'es', ...fields })) f.append(k, v);
  for (const [name, body] of files) f.append('attachments', new Blob([body], { type: 'text/plain' }), name);
  const res = await client.fetch('/en/consultations/ai-public-policy/responses', { method: 'POST', body: f });
  assert.equal(res.status, 303, await res.text());
  const location = res.headers.get('location');
  const m = location.match(/^\/en\/receipts\/([A-Z0-9]{4}-[A-Z0-9]{4})\/(r\.[^/]+)$/);
  assert.ok(m, location);
  return { location, reference: m[1], token: m[2] };
}

const questionText = (n, lang) => {
  const q = questions.find((x) => x.number === n);
  assert.ok(q, `question ${n}`);
  const t = q.texts[lang];
  assert.ok(t, `question ${n} in ${lang}`);
  return t;
};
const escaped = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

test('the receipt shows the copy of the answers, the attachments and the masked address; the reference alone does not', async () => {
  const client = new Client(server.url);
  const secret = 'Respuesta reservada: los algoritmos deben auditarse.';
  const { location, reference, token } = await answer(client,
    { answer_1: secret, general: 'Contribución general privada.' }, [['propuesta-privada.txt', 'Texto.\n']]);

  const res = await client.fetch(location);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('referrer-policy'), 'no-referrer');
  assert.match(res.headers.get('cache-control'), /no-store/);
  const page = await res.text();
  assert.ok(page.includes(reference));
  assert.ok(page.includes(escaped(secret)), 'the answer');
  assert.ok(page.includes('Contribución general privada.'), 'the general contribution');
  assert.ok(page.includes('propuesta-privada.txt'), 'the attachment\'s name');
  assert.ok(page.includes(escaped(questionText(1, 'en'))), 'question 1 in English');
  assert.ok(page.includes(escaped(questionText(2, 'en'))), 'question 2 in English, unanswered');
  assert.ok(page.includes('No answer'), 'the unanswered question says so');
  assert.ok(page.includes('A confirmation e-mail was sent to l•••@example.org'), 'the mail and its masked address');
  assert.ok(!page.includes(EMAIL), 'never the whole address');
  assert.ok(page.includes('data-print'), 'a print button');

  // The same link in Chinese and Arabic: the questions in the reader's language.
  for (const lang of ['zh', 'ar']) {
    const other = await (await client.fetch(location.replace('/en/', `/${lang}/`))).text();
    assert.ok(other.includes(escaped(questionText(1, lang))), `question 1 in ${lang}`);
    assert.ok(other.includes(escaped(secret)), `${lang}: the answer`);
  }

  // The reference alone, as published responses show it, opens nothing; nor does a tampered
  // token, a token cut short, another purpose, or a token given to another reference.
  const stranger = new Client(server.url);
  const flip = (s, i) => s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);
  const [purpose, subject, expires, mac] = token.split('.');
  const refused = [
    `/en/receipts/${reference}`,
    `/en/receipts/${reference}/`,
    `/en/receipts/${reference}/x`,
    `/en/receipts/${reference}/${flip(token, token.length - 5)}`,
    `/en/receipts/${reference}/${token.slice(0, -1)}`,
    `/en/receipts/${reference}/${['c', subject, expires, mac].join('.')}`,
    `/en/receipts/${reference}/${[purpose, subject, String(Number(expires) + 86400), mac].join('.')}`,
    `/en/receipts/${reference}/${[purpose, subject, '1', mac].join('.')}`,
  ];
  for (const path of refused) {
    const r = await stranger.fetch(path);
    assert.equal(r.status, 404, path);
    const body = await r.text();
    assert.ok(!body.includes(escaped(secret)) && !body.includes('propuesta-privada') && !body.includes('example.org'), path);
  }

  // A second response's token opens its own receipt, never the first one's.
  const second = await answer(new Client(server.url), { answer_2: 'Otra respuesta.', email: 'otra.persona@example.net' });
  assert.equal((await stranger.fetch(second.location)).status, 200);
  for (const path of [`/en/receipts/${reference}/${second.token}`, `/en/receipts/${second.reference}/${token}`]) {
    const r = await stranger.fetch(path);
    assert.equal(r.status, 404, path);
    assert.ok(!(await r.text()).includes(escaped(secret)), path);
  }

  // The public APIs and pages that show the reference never show the address or the answers.
  const api = await (await stranger.fetch(`/api/v1/receipts/${reference}`)).text();
  assert.ok(!api.includes(EMAIL) && !api.includes('l•••') && !api.includes(secret), api);
});

test('a retried submission and the confirmation link lead back to the same receipt; an erasure ends the link', async () => {
  const client = new Client(server.url);
  const { location, reference } = await answer(client, { answer_1: 'Primera.', consent_publish: 'yes' });
  const page = await (await client.fetch(location)).text();
  assert.ok(page.includes('You agreed that your response is published after moderation.'));

  // The secretariat publishes it: the published list shows the reference, never the address.
  const list = await jsonOf(staff.fetch('/api/v1/consultations/ai-public-policy/moderation?per_page=200'));
  const item = list.items.find((i) => i.reference === reference);
  assert.ok(item, reference);
  const accepted = await staff.json(`/api/v1/responses/${item.id}/accept`, {});
  assert.equal(accepted.status, 200, await accepted.text());
  const published = await staff.json('/api/v1/consultations/ai-public-policy/publish', {});
  assert.equal(published.status, 200, await published.text());
  const publicList = await (await new Client(server.url).fetch('/en/consultations/ai-public-policy/responses?page=1')).text();
  assert.ok(!publicList.includes(EMAIL) && !publicList.includes('l•••@'), 'no address on the published list');

  // Erasing the respondent's data ends the link: it was bound to the address.
  const erased = await staff.json(`/api/v1/responses/${item.id}/erase`, {});
  assert.equal(erased.status, 200, await erased.text());
  assert.equal((await client.fetch(location)).status, 404);
});
