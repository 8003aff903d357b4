// No English from the code reaches a Chinese, Arabic or Russian answer: every error path of the
// JSON API (not found, bad input of many fields, sign-in, CSRF, conflicts, the delegates' floor,
// a malformed query string, the rate limit) and the error pages and refused desk forms are read
// in zh, ar and ru, and fail on a word of Latin letters that is not a name or a symbol. The API
// keeps its members (`code`, `field`) and its English words when no other language is asked for.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, jsonOf } from '../lib/server.mjs';

const LANGS = ['zh', 'ar', 'ru'];
// Names and symbols that stay in Latin letters in every language: formats, protocols, the
// header a client sends, document symbols.
const ALLOWED = new Set(['PDF', 'DOCX', 'ODT', 'CSV', 'JSON', 'UTF', 'URL', 'IP', 'HTTP', 'ID',
  'Idempotency', 'Key', 'CSRF', 'Token', 'X', 'ISO']);

// The words of Latin letters in `text` that are not allowed names or symbols.
function englishWords(text) {
  return (text.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !ALLOWED.has(w));
}

let server, staff, anon, delegate, consultation, meeting, item;
let accounts = 0;  // a new account for each wrong sign-in, below its own limit
before(async () => {
  // Sign-in is limited per account only here, so that the probes' many sign-ins stay allowed.
  server = await startServer({ args: ['--logins-per-ip-per-minute', '0'] });
  anon = new Client(server.url);
  staff = await new Client(server.url).login();
  const { items } = await jsonOf(anon.fetch('/api/v1/consultations'));
  consultation = items.find((c) => c.status === 'open') ?? items[0];
  const meetings = (await jsonOf(anon.fetch('/api/v1/meetings'))).items;
  meeting = meetings.find((m) => m.kind === 'plenary');
  item = (await jsonOf(anon.fetch(`/api/v1/meetings/${meeting.id}/agenda`))).items[0];
  await jsonOf(staff.json('/api/v1/users', { email: 'leaks.gh@example.int', name: 'Delegate of Ghana',
    role: 'delegate', member_state: 'GH', password: 'a long enough password' }), 201);
  delegate = await new Client(server.url).login({ email: 'leaks.gh@example.int', password: 'a long enough password' });
});
after(async () => { await server?.stop(); });

const put = (client, path, body, headers = {}) => client.fetch(path, { method: 'PUT',
  headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

// Each error path of the API: a request in a language (by Accept-Language or ?lang=).
const API = {
  'a consultation that does not exist': (c, h, q) => c.fetch(`/api/v1/consultations/no-such-thing${q}`, { headers: h }),
  'a route that does not exist': (c, h, q) => c.fetch(`/api/v1/no/such/route${q}`, { headers: h }),
  'a malformed query string': (c, h) => c.fetch('/api/v1/documents?q=%zz', { headers: h }),
  'a body that is not JSON': (c, h, q) => c.json(`/api/v1/login${q}`, '{', { headers: h }),
  'a wrong password': (c, h, q) => c.json(`/api/v1/login${q}`, { email: `nobody${++accounts}@example.int`, password: 'wrong password' }, { headers: h }),
  'a response with a bad e-mail and country': (c, h, q) => c.json(`/api/v1/consultations/${consultation.key}/responses${q}`,
    { name: 'A', email: 'not an address', country: 'XX', answers: { 1: 'x' } }, { headers: h }),
  'a consultation without its fields': (c, h, q) => staff.json(`/api/v1/consultations${q}`, {}, { headers: h }),
  'a meeting without its fields': (c, h, q) => staff.json(`/api/v1/meetings${q}`, { kind: 'nothing' }, { headers: h }),
  'an account without its fields': (c, h, q) => staff.json(`/api/v1/users${q}`, { role: 'delegate' }, { headers: h }),
  'a paragraph of a bureau without the bureau': (c, h, q) => staff.json(`/api/v1/agenda-items/${item.id}/interventions${q}`,
    { capacity: 'bureau', summary: { en: 'A paragraph.' } }, { headers: h }),
  'a speaker with a capacity that does not exist': (c, h, q) => staff.json(`/api/v1/agenda-items/${item.id}/speakers${q}`,
    { name: 'A', capacity: 'nobody' }, { headers: h }),
  'an order of speakers that is no list': (c, h, q) => put(staff, `/api/v1/agenda-items/${item.id}/speakers${q}`, { order: 'x' }, h),
  'a write without the CSRF header': (c, h, q) => c.fetch(`/api/v1/consultations${q}`, { method: 'POST',
    headers: { ...h, 'content-type': 'application/json', cookie: staff.cookieHeader() }, body: '{}' }),
  'a write without signing in': (c, h, q) => c.json(`/api/v1/agenda-items/${item.id}/speakers${q}`, {}, { headers: h }),
  'the floor on an item not under discussion': (c, h, q) => delegate.json(`/api/v1/agenda-items/${item.id}/speakers${q}`, {}, { headers: h }),
};

test('every error of the API says its message in the language the client asks for, and keeps its members', async () => {
  const leaks = [];
  for (const [what, send] of Object.entries(API)) {
    const english = await send(anon, {}, '');
    assert.ok(english.status >= 400, `${what}: ${english.status}`);
    const en = (await english.json()).error;
    assert.ok(en.code && en.message, `${what}: ${JSON.stringify(en)}`);
    for (const [i, lang] of LANGS.entries()) {
      // Accept-Language and ?lang= in turn.
      const res = i % 2 === 0 ? await send(anon, { 'accept-language': `${lang};q=0.9, en;q=0.5` }, '')
        : await send(anon, {}, `?lang=${lang}`);
      const { error } = await res.json();
      assert.equal(res.status, english.status, `${what} (${lang})`);
      assert.equal(error.code, en.code, `${what} (${lang})`);
      assert.equal(error.field, en.field, `${what} (${lang})`);
      if (what !== 'a malformed query string' || i % 2 === 0) {
        assert.notEqual(error.message, en.message, `${what} (${lang}) is in English`);
        const words = englishWords(error.message);
        if (words.length) leaks.push(`${what} (${lang}): ${error.message}`);
      }
    }
  }
  assert.deepEqual(leaks, []);
});

test('the rate limit is said in the client\'s language', async () => {
  const client = new Client(server.url);
  let res;
  for (let i = 0; i < 8; ++i) {
    res = await client.json('/api/v1/login', { email: 'limit@example.int', password: 'wrong password' },
      { headers: { 'accept-language': 'ru' } });
    if (res.status === 429) break;
  }
  assert.equal(res.status, 429);
  const { error } = await res.json();
  assert.equal(error.code, 'rate_limited');
  assert.match(error.message, /слишком много запросов/);
  assert.deepEqual(englishWords(error.message), []);
});

// The visible text of the part of a page that holds its error.
function errorText(html) {
  const summary = html.match(/<div class="error-summary"[\s\S]*?<\/div>/);
  const main = summary ? summary[0] : (html.match(/<main[\s\S]*?<\/main>/) ?? [''])[0];
  return main.replace(/<[^>]+>/g, ' ').replace(/&[a-z]+;|&#\d+;/g, ' ');
}

test('error pages and refused desk forms are in the reader\'s language', async () => {
  const leaks = [];
  for (const lang of LANGS) {
    let res = await anon.fetch(`/${lang}/consultations/no-such-thing`);
    assert.equal(res.status, 404);
    let text = errorText(await res.text());
    if (englishWords(text).length) leaks.push(`404 (${lang}): ${text.trim()}`);
    // A meeting the desk refuses: the page it goes back to says why.
    const html = await (await staff.fetch(`/${lang}/admin`)).text();
    const csrf = html.match(/name="csrf" value="([^"]+)"/)[1];
    res = await staff.fetch(`/${lang}/admin/meetings`, { method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrf, body: 'no-such-body', kind: 'working_group', number: '3',
        starts_on: '2030-13-01', ends_on: '2030-01-01', timezone: 'Mars/Olympus', mode: 'virtual' }).toString() });
    assert.equal(res.status, 303);
    const back = await staff.fetch(new URL(res.headers.get('location'), server.url).pathname + new URL(res.headers.get('location'), server.url).search);
    text = errorText(await back.text());
    assert.ok(text.trim().length > 0, `the refusal is shown (${lang})`);
    if (englishWords(text).length) leaks.push(`desk meeting (${lang}): ${text.trim()}`);
  }
  assert.deepEqual(leaks, []);
});
