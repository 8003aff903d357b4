// No English from the code reaches a Chinese, Arabic or Russian answer: every error path of the
// JSON API (not found, bad input of many fields, sign-in, CSRF, conflicts, the delegates' floor,
// a malformed query string, the rate limit), the HTTP layer's own refusals (a malformed request,
// a server too busy) and the error pages, refused desk forms and the import preview are read in
// zh, ar and ru, and fail on a word of Latin letters that is not a name or a symbol. The API
// keeps its members (`code`, `field`) and its English words when no other language is asked for.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { startServer, Client, jsonOf } from '../lib/server.mjs';

const LANGS = ['zh', 'ar', 'ru'];
// Names and symbols that stay in Latin letters in every language: formats, protocols, the
// header a client sends, document symbols.
const ALLOWED = new Set(['PDF', 'DOCX', 'ODT', 'CSV', 'JSON', 'UTF', 'URL', 'IP', 'HTTP', 'ID',
  'Idempotency', 'Key', 'CSRF', 'Token', 'X', 'ISO', 'ZIP']);

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

// One raw exchange on a new connection: the answer's status and its JSON error.
function rawExchange(url, text, { hold = false } = {}) {
  const { hostname, port } = new URL(url);
  return new Promise((ok, fail) => {
    const sock = net.connect({ port: Number(port), host: hostname }, () => { if (text) sock.write(text); if (hold) ok(sock); });
    let out = '';
    sock.on('data', (d) => { out += d; });
    sock.on('end', () => {
      const status = Number((out.match(/^HTTP\/1\.1 (\d+)/) ?? [])[1]);
      const body = out.slice(out.indexOf('\r\n\r\n') + 4);
      let error;
      try { error = JSON.parse(body).error; } catch { error = { message: body }; }
      ok({ status, error, head: out.slice(0, out.indexOf('\r\n\r\n')) });
    });
    sock.on('error', fail);
    sock.setTimeout(10000, () => { sock.destroy(); fail(new Error(`no answer to ${JSON.stringify(text)}`)); });
  });
}

test('a malformed HTTP request is refused in the client\'s language', async () => {
  const leaks = [];
  // A header line without a colon: the request cannot be parsed, yet its language can be read.
  const bad = (extra) => `GET /api/v1/documents HTTP/1.1\r\nHost: x\r\n${extra}No colon here\r\n\r\n`;
  const english = await rawExchange(server.url, bad(''));
  assert.equal(english.status, 400);
  assert.equal(english.error.code, 'invalid_argument');
  assert.match(english.error.message, /malformed HTTP request/);
  const cases = [['zh', 'Accept-Language: zh-CN,zh;q=0.9\r\n'], ['ar', 'Accept-Language: ar\r\n'],
    ['ru', 'Cookie: plenary_lang=ru\r\n']];
  for (const [lang, header] of cases) {
    const res = await rawExchange(server.url, bad(header));
    assert.equal(res.status, 400, lang);
    assert.equal(res.error.code, 'invalid_argument', lang);
    assert.match(res.head, new RegExp(`Content-Language: ${lang}`, 'i'));
    assert.notEqual(res.error.message, english.error.message, `${lang}: ${res.error.message}`);
    if (englishWords(res.error.message).length) leaks.push(`400 (${lang}): ${res.error.message}`);
  }
  // Framing the server refuses (Content-Length and Transfer-Encoding together): headers parsed.
  const framing = await rawExchange(server.url, 'POST /api/v1/login HTTP/1.1\r\nHost: x\r\nAccept-Language: ru\r\n' +
    'Content-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n');
  assert.equal(framing.status, 400);
  assert.notEqual(framing.error.message.length, 0);
  if (englishWords(framing.error.message).length) leaks.push(`framing (ru): ${framing.error.message}`);
  assert.deepEqual(leaks, []);
});

test('a server too busy says so in the client\'s language', async () => {
  // Two connections from one address at most, and no write may wait: both 503 paths at once.
  const busy = await startServer({ args: ['--max-connections-per-address', '2', '--max-pending-writes', '0'] });
  try {
    const leaks = [];
    const write = (lang) => `POST /api/v1/login HTTP/1.1\r\nHost: x\r\nAccept-Language: ${lang}\r\n` +
      'Content-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}';
    const en = await rawExchange(busy.url, write('en'));
    assert.equal(en.status, 503);
    for (const lang of LANGS) {
      const res = await rawExchange(busy.url, write(lang));
      assert.equal(res.status, 503, lang);
      assert.equal(res.error.code, 'resource_exhausted');
      assert.match(res.head, /Retry-After: \d+/i);
      assert.notEqual(res.error.message, en.error.message, `${lang}: ${res.error.message}`);
      if (englishWords(res.error.message).length) leaks.push(`pending (${lang}): ${res.error.message}`);
    }
    // Two connections held open; the third is refused before its request is served.
    const held = [await rawExchange(busy.url, '', { hold: true }), await rawExchange(busy.url, '', { hold: true })];
    try {
      const third = (lang) => `GET /api/v1/documents HTTP/1.1\r\nHost: x\r\nAccept-Language: ${lang}\r\n\r\n`;
      const enc = await rawExchange(busy.url, third('en'));
      assert.equal(enc.status, 503);
      assert.match(enc.error.message, /at most 2/);
      for (const lang of LANGS) {
        const res = await rawExchange(busy.url, third(lang));
        assert.equal(res.status, 503, lang);
        assert.notEqual(res.error.message, enc.error.message, `${lang}: ${res.error.message}`);
        assert.match(res.error.message, /2/, `${lang}: the limit is named`);
        if (englishWords(res.error.message).length) leaks.push(`connections (${lang}): ${res.error.message}`);
      }
    } finally {
      for (const s of held) s.destroy();
    }
    assert.deepEqual(leaks, []);
  } finally {
    await busy.stop();
  }
});

test('the import preview says why each row is refused in the reader\'s language', async () => {
  const imports = {
    documents: 'symbol,date,access,title_en,file_fr\r\n,2022-01-01,public,A,\r\nC99/1,2022-13-01,public,B,\r\n' +
      'C99/2,2022-01-01,nobody,C,\r\nC99/3,2022-01-01,public,D,missing.pdf\r\nC22/33,2020-01-01,public,E,\r\n' +
      'C99/4,2022-01-01,public,F,\r\nC99/4,2022-01-01,public,F,\r\n',
    resolutions: 'instrument,number,title_en,revisions,status,merged_into,status_year\r\npp,abc,A,2002 X,,,\r\n' +
      'pp,906,B,20 X,,,\r\nxx,1,C,2000,,,\r\npp,907,D,2002 X,merged,nothing,\r\npp,908,E,2002 X,,,year\r\n' +
      'pp,102,Other title,2002 X,,,\r\n',
  };
  const leaks = [];
  for (const lang of ['en', ...LANGS]) {
    for (const [kind, csv] of Object.entries(imports)) {
      const form = new FormData();
      form.append('csrf', staff.csrf);
      form.append('kind', kind);
      form.append('csv', new Blob([csv]), 'list.csv');
      const res = await staff.fetch(`/${lang}/admin/imports`, { method: 'POST', body: form });
      assert.equal(res.status, 200);
      const list = (await res.text()).match(/<ul id="import-refuse">([^]*?)<\/ul>/);
      assert.ok(list, `${lang} ${kind}: refused rows are listed`);
      const rows = list[1].split('</li>').filter((r) => r.includes('<li'))
        .map((r) => r.replace(/<code>[^<]*<\/code>|<bdi>[^<]*<\/bdi>/g, ' ').replace(/<[^>]+>/g, ' ')
          .replace(/&[a-z]+;|&#\d+;/g, ' ').trim());
      // Names from the file and codes of the CSV format stay as they are.
      const prose = (r) => r.replace(/missing\.pdf|pp, council, wtdc, wtsa, wrc, ra|pp\/\d+|C\d+\/\d+/g, ' ');
      assert.ok(rows.length >= 6, `${lang} ${kind}: ${rows.length} refused rows`);
      // Each reason is its own: no two rows of different causes read the same.
      const reasons = rows.map((r) => r.replace(/^\S+\s+\d+/, ''));
      assert.ok(new Set(reasons).size >= rows.length - 1, `${lang} ${kind}: ${reasons.join(' | ')}`);
      if (lang === 'en') continue;
      for (const r of rows) {
        if (englishWords(prose(r)).length) leaks.push(`${lang} ${kind}: ${r}`);
        if (/\S: /.test(r) && lang === 'zh') leaks.push(`${lang} ${kind}: ASCII colon in ${r}`);
      }
    }
  }
  assert.deepEqual(leaks, []);
});
