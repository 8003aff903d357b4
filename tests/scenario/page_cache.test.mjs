// The cache of pages for readers without a session (src/site/page_cache.h): each cached page
// (consultation, published responses, document, resolution, meeting agenda and record, home)
// is served from the cache on a second visit, and changes on the very next request after a
// write that changes what it shows; signed-in readers are never served a kept page; gzip,
// ETag and 304; each reader keeps its own CSRF token and gets a fresh form token.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { startServer, Client, jsonOf, isoFromNow } from '../lib/server.mjs';

let server, anon, staff, council;
before(async () => {
  server = await startServer();
  anon = new Client(server.url);
  staff = await new Client(server.url).login();
  const { items } = await jsonOf(anon.fetch('/api/v1/meetings'));
  council = items.find((m) => m.kind === 'plenary' && m.session === 'C22' && m.number === 8);
});
after(async () => { await server?.stop(); });

// Reads `path` as the anonymous client twice: the second answer must come from the cache.
async function cached(path) {
  const first = await anon.fetch(path);
  assert.equal(first.status, 200, path);
  await first.text();
  const second = await anon.fetch(path);
  assert.equal(second.status, 200, path);
  assert.equal(second.headers.get('x-plenary-cache'), 'hit', `${path} is kept`);
  return second.text();
}

// After `change`, the very next anonymous request shows `expected` (a regular expression).
async function changesAtOnce(path, expected, change) {
  const before = await cached(path);
  assert.doesNotMatch(before, expected, `${path} before the change`);
  await change();
  const res = await anon.fetch(path);
  assert.equal(res.headers.get('x-plenary-cache'), 'miss', `${path} rendered again`);
  assert.match(await res.text(), expected, `${path} after the change`);
}

test('the consultation page and its published responses change at once', async () => {
  const c = await jsonOf(staff.json('/api/v1/consultations', { key: 'cache-test', body: 'cwg-internet',
    title: { en: 'Cache test' }, description: 'Cached.', questions: [{ en: 'Question?' }],
    opens_at: isoFromNow(-3600), deadline: isoFromNow(7200), timezone: 'UTC' }), 201);
  await changesAtOnce(`/en/consultations/${c.id}`, /More time for the cache test/, () =>
    jsonOf(staff.json(`/api/v1/consultations/${c.id}/extend`,
      { deadline: isoFromNow(9000), reason: { en: 'More time for the cache test.' } })));
  const ref = (await jsonOf(anon.json(`/api/v1/consultations/${c.id}/responses`, {
    name: 'Cache Reader', country: 'CH', stakeholder_type: 'civil_society', email: 'cache@example.org',
    language: 'en', answers: { 1: 'A published answer seen at once.' }, consent_publish: true }), 201)).reference;
  const queue = await jsonOf(staff.fetch(`/api/v1/consultations/${c.id}/moderation?per_page=200`));
  const id = queue.items.find((r) => r.reference === ref).id;
  await jsonOf(staff.json(`/api/v1/responses/${id}/accept`, {}));
  await changesAtOnce(`/en/consultations/${c.id}/responses`, /A published answer seen at once/, () =>
    jsonOf(staff.json(`/api/v1/consultations/${c.id}/publish`, {})));
  assert.match(await cached(`/en/consultations/${c.id}`), /1 published response/);
});

test('the home page, a document, a resolution, an agenda and a record change at once', async () => {
  await changesAtOnce('/en/', /Opened for the cache/, () => jsonOf(staff.json('/api/v1/consultations', {
    key: 'cache-home', body: 'cwg-internet', title: { en: 'Opened for the cache' }, description: 'x',
    questions: [{ en: 'Q?' }], opens_at: isoFromNow(-60), deadline: isoFromNow(3600), timezone: 'UTC' }), 201));
  await jsonOf(staff.json('/api/v1/documents', { symbol: 'C22/97', title: { en: 'Cache note' },
    date: '2022-03-01', source_kind: 'secretariat', access: 'public', status: 'issued' }), 201);
  await changesAtOnce('/en/documents/C22/97', /Renamed cache note/, () => jsonOf(staff.fetch('/api/v1/documents/C22%2F97', {
    method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: { en: 'Renamed cache note' } }) })));
  // Restricting it hides it at once.
  await jsonOf(staff.fetch('/api/v1/documents/C22%2F97', { method: 'PATCH', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ access: 'secretariat' }) }));
  assert.equal((await anon.fetch('/en/documents/C22/97')).status, 404);
  await changesAtOnce('/en/resolutions/council/1344', /C22\/98/, () => jsonOf(staff.json('/api/v1/documents', {
    symbol: 'C22/98', title: { en: 'Note on Council Resolution 1344' }, date: '2022-03-02',
    source_kind: 'secretariat', access: 'public', status: 'issued' }), 201));
  let item;
  await changesAtOnce(`/en/meetings/${council.id}/agenda`, /Item added for the cache/, async () => {
    item = await jsonOf(staff.json(`/api/v1/meetings/${council.id}/agenda`, { number: '99',
      title: { en: 'Item added for the cache' } }), 201);
  });
  await changesAtOnce(`/en/meetings/${council.id}/record`, /A councillor spoke to the cache/, () =>
    jsonOf(staff.json(`/api/v1/agenda-items/${item.id}/interventions`, { capacity: 'councillor',
      member_state: 'GH', summary: { en: 'A councillor spoke to the cache.' } }), 201));
});

test('signed-in readers are never served a kept page', async () => {
  await cached('/en/consultations/ai-public-policy');
  const res = await staff.fetch('/en/consultations/ai-public-policy');
  assert.equal(res.headers.get('x-plenary-cache'), null);
  assert.match(res.headers.get('cache-control'), /no-store/);
  const html = await res.text();
  assert.match(html, new RegExp(`value="${staff.csrf}"`), 'the session\'s own CSRF token');
});

// A raw GET (no automatic decompression), with the given headers.
function raw(path, headers) {
  return new Promise((ok, no) => {
    const req = request(server.url + path, { headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', no);
    req.end();
  });
}

test('each reader keeps its CSRF token; gzip is the page; ETag answers 304', async () => {
  const path = '/en/consultations/ai-public-policy';
  const mine = 'a'.repeat(43), theirs = 'b'.repeat(43);
  const a = await raw(path, { cookie: `plenary_csrf=${mine}` });
  const b = await raw(path, { cookie: `plenary_csrf=${theirs}`, 'accept-encoding': 'gzip' });
  assert.equal(b.headers['content-encoding'], 'gzip');
  const pa = a.body.toString(), pb = gunzipSync(b.body).toString();
  assert.ok(pa.includes(`value="${mine}"`) && !pa.includes(theirs));
  assert.ok(pb.includes(`value="${theirs}"`) && !pb.includes(mine));
  const token = (html) => html.match(/name="form_token" value="([^"]+)"/)[1];
  assert.notEqual(token(pa), token(pb), 'every rendering has its own form token');
  assert.equal(pa.replace(mine, '').replace(token(pa), ''), pb.replace(theirs, '').replace(token(pb), ''));
  // The form's page has a fresh token each time: no validator. A document page has one.
  assert.equal(a.headers.etag, undefined);
  const doc = await raw('/en/documents/C22/33', { cookie: `plenary_csrf=${mine}; plenary_lang=en` });
  assert.equal(doc.status, 200);
  assert.equal(doc.headers['set-cookie'], undefined, 'a returning reader is set no cookie');
  assert.match(doc.headers['cache-control'], /private/);
  assert.ok(doc.headers.etag);
  const again = await raw('/en/documents/C22/33', { cookie: `plenary_csrf=${mine}; plenary_lang=en`,
    'if-none-match': doc.headers.etag });
  assert.equal(again.status, 304);
  assert.equal(again.body.length, 0);
});

test('static files linked by version are kept a year; their ETag answers 304', async () => {
  const html = await (await anon.fetch('/en/')).text();
  const href = html.match(/href="(\/static\/plenary\.css\?v=[0-9a-f]{12})"/)[1];
  const css = await anon.fetch(href);
  assert.equal(css.status, 200);
  assert.equal(css.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  await css.text();
  const old = await anon.fetch('/static/plenary.css?v=000000000000');
  assert.equal(old.headers.get('cache-control'), 'public, max-age=3600', 'another version: an hour');
  const etag = old.headers.get('etag');
  assert.ok(etag);
  await old.text();
  const again = await anon.fetch('/static/plenary.css', { headers: { 'if-none-match': etag } });
  assert.equal(again.status, 304);
});

test('static files are sent gzip-compressed when accepted, each encoding with its own ETag', async () => {
  const html = await (await anon.fetch('/en/')).text();
  const links = [...html.matchAll(/(?:href|src)="(\/static\/[a-z]+\.(?:css|js)\?v=[0-9a-f]{12})"/g)].map((m) => m[1]);
  assert.ok(links.some((l) => l.includes('.css')) && links.some((l) => l.includes('.js')), links.join(' '));
  for (const href of links) {
    const plain = await raw(href, {});
    assert.equal(plain.status, 200, href);
    assert.equal(plain.headers['content-encoding'], undefined, `${href}: not asked, not compressed`);
    assert.equal(plain.headers.vary, 'Accept-Encoding', href);
    const gz = await raw(href, { 'accept-encoding': 'gzip, deflate, br' });
    assert.equal(gz.headers['content-encoding'], 'gzip', href);
    assert.equal(gz.headers.vary, 'Accept-Encoding', href);
    assert.equal(gz.headers['cache-control'], 'public, max-age=31536000, immutable', href);
    assert.ok(gz.body.length < plain.body.length, `${href}: ${gz.body.length} < ${plain.body.length} bytes`);
    assert.ok(gunzipSync(gz.body).equals(plain.body), `${href}: the same bytes once inflated`);
    assert.ok(gz.headers.etag && plain.headers.etag && gz.headers.etag !== plain.headers.etag, href);
    // "gzip;q=0" refuses it.
    assert.equal((await raw(href, { 'accept-encoding': 'gzip;q=0, identity' })).headers['content-encoding'], undefined);
    // Either copy still current answers 304, without a body.
    for (const etag of [gz.headers.etag, plain.headers.etag]) {
      const again = await raw(href, { 'accept-encoding': 'gzip', 'if-none-match': etag });
      assert.equal(again.status, 304, href);
      assert.equal(again.body.length, 0);
    }
  }
});

test('every page links the icon; /favicon.ico answers the same icon', async () => {
  const html = await (await anon.fetch('/zh/documents')).text();
  const href = html.match(/<link rel="icon" type="image\/svg\+xml" href="(\/static\/favicon\.svg\?v=[0-9a-f]{12})">/)[1];
  const linked = await anon.fetch(href);
  assert.equal(linked.status, 200);
  assert.equal(linked.headers.get('content-type'), 'image/svg+xml');
  const svg = await linked.text();
  assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  const ico = await anon.fetch('/favicon.ico');
  assert.equal(ico.status, 200);
  assert.equal(ico.headers.get('content-type'), 'image/svg+xml');
  assert.equal(await ico.text(), svg);
});
