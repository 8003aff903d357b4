// Scenario tests of the HTTP layer's defences: text rules on every body, request framing,
// connections per address, caching of private answers, /metrics, and Secure cookies.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import http from 'node:http';
import { startServer, Client } from '../lib/server.mjs';

let server, anon, staff;
before(async () => {
  server = await startServer({ args: ['--max-connections-per-address', '8', '--metrics-from', 'staff'] });
  anon = new Client(server.url);
  staff = await new Client(server.url).login();
});
after(async () => { await server?.stop(); });

const URL_RESPONSES = '/api/v1/consultations/ai-public-policy/responses';
const respondent = (extra = {}) => ({
  name: 'Amina Diallo', country: 'SN', stakeholder_type: 'civil_society', email: 'amina.diallo@example.net',
  language: 'fr', answers: { 1: 'Une réponse à la première question.' }, consent_publish: true, ...extra,
});

async function countResponses() {
  const r = await staff.fetch('/api/v1/consultations/ai-public-policy/moderation?per_page=1');
  return (await r.json()).total;
}

// Sends raw bytes from `localAddress` and returns what the server answered before closing.
function rawRequest(text, { localAddress = '127.0.0.1', timeout = 10000 } = {}) {
  const { hostname, port } = new URL(server.url);
  return new Promise((ok, fail) => {
    const sock = net.connect({ port: Number(port), host: hostname, localAddress }, () => sock.write(text));
    let out = '';
    sock.on('data', (d) => { out += d; });
    sock.on('end', () => ok(out));
    sock.on('error', fail);
    sock.setTimeout(timeout, () => { sock.destroy(); ok(out + '[timeout]'); });
  });
}

test('control characters are refused in JSON, form and multipart fields, naming the field', async () => {
  const before = await countResponses();
  const json = [
    [respondent({ name: 'Amina\u0000Diallo' }), 'name'],
    [respondent({ answers: { 1: 'x\u0001marked\u0002' } }), 'answers.1'],
    [respondent({ general: 'bell\u0007' }), 'general'],
    [respondent({ organization: 'esc\u001b[31m' }), 'organization'],
    [respondent({ answers: { 1: 'c1 \u0085 control' } }), 'answers.1'],
  ];
  for (const [body, field] of json) {
    const res = await anon.json(URL_RESPONSES, body);
    assert.equal(res.status, 400, JSON.stringify(body));
    const err = (await res.json()).error;
    assert.equal(err.field, field);
    assert.match(err.message, new RegExp(`^${field.replace('.', '\\.')}: control character U\\+00`));
  }
  // The same rule for a form post and a multipart post to the same endpoint.
  const form = await anon.fetch(URL_RESPONSES, {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'name=Amina%01Diallo&email=a%40example.net',
  });
  assert.equal(form.status, 400);
  assert.equal((await form.json()).error.field, 'name');
  const fd = new FormData();
  fd.append('name', 'Amina\u0002Diallo');
  const multipart = await anon.fetch(URL_RESPONSES, { method: 'POST', body: fd });
  assert.equal(multipart.status, 400);
  assert.equal((await multipart.json()).error.field, 'name');
  assert.equal(await countResponses(), before, 'nothing was written');
  // Tabs and line breaks are text.
  const ok = await anon.json(URL_RESPONSES, respondent({ answers: { 1: 'Line one.\r\nLine\ttwo.' } }));
  assert.equal(ok.status, 201, await ok.text());
});

test('a body framed by another Transfer-Encoding than chunked is refused and never read as a request', async () => {
  const smuggled = 'GET /api/v1/ping HTTP/1.1\r\nHost: x\r\n\r\n';
  for (const te of ['gzip', 'xchunked', 'identity', 'chunked, identity', 'gzip, chunked']) {
    const out = await rawRequest(`POST /api/v1/ping HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: ${te}\r\n\r\n${smuggled}`);
    assert.match(out, /^HTTP\/1\.1 (400|501) /, `${te}: ${out}`);
    assert.equal(out.match(/HTTP\/1\.1 /g).length, 1, `${te}: one answer only: ${out}`);
    assert.doesNotMatch(out, /"ok":true/, te);
    assert.match(out, /\r\nConnection: close\r\n/i, te);
    assert.doesNotMatch(out, /\[timeout\]/, `${te}: the connection is closed`);
  }
  const both = await rawRequest('POST /api/v1/ping HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n' +
    `Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n${smuggled}`);
  assert.match(both, /^HTTP\/1\.1 400 /, both);
  assert.equal(both.match(/HTTP\/1\.1 /g).length, 1, both);
  assert.doesNotMatch(both, /"ok":true/);
});

test('one address cannot take every connection: past its limit it is refused, another address is served', async () => {
  const { hostname, port } = new URL(server.url);
  const idle = [];
  try {
    for (let i = 0; i < 8; i++) {
      idle.push(await new Promise((ok, fail) => {
        const s = net.connect({ port: Number(port), host: hostname }, () => ok(s));
        s.on('error', fail);
      }));
    }
    await new Promise((r) => setTimeout(r, 300));
    const refused = await rawRequest('GET /api/v1/ping HTTP/1.1\r\nHost: x\r\n\r\n');
    assert.match(refused, /^HTTP\/1\.1 503 /, refused);
    assert.doesNotMatch(refused, /\[timeout\]/, 'the refused connection is closed');
    const other = await new Promise((ok, fail) => {
      http.get({ host: hostname, port: Number(port), path: '/api/v1/ping', localAddress: '127.0.0.2' }, (res) => {
        let body = '';
        res.on('data', (d) => { body += d; });
        res.on('end', () => ok({ status: res.statusCode, body }));
      }).on('error', fail);
    });
    assert.equal(other.status, 200);
    assert.match(other.body, /"ok":true/);
  } finally {
    for (const s of idle) s.destroy();
  }
  await new Promise((r) => setTimeout(r, 300));
  const again = await anon.fetch('/api/v1/ping');
  assert.equal(again.status, 200, 'the places are given back');
});

test('answers to a signed-in request or that set a cookie are private, no-store', async () => {
  const queue = await staff.fetch('/api/v1/consultations/ai-public-policy/moderation');
  assert.equal(queue.status, 200);
  assert.equal(queue.headers.get('cache-control'), 'private, no-store');
  const list = await staff.fetch('/api/v1/consultations');
  assert.equal(list.headers.get('cache-control'), 'private, no-store');
  const login = await new Client(server.url).json('/api/v1/login', { email: 'secretariat@example.int', password: 'correct horse battery staple' });
  assert.equal(login.status, 200);
  assert.equal(login.headers.get('cache-control'), 'private, no-store');
  // A public static file stays cacheable for everyone.
  const css = await staff.fetch('/static/plenary.css');
  assert.equal(css.status, 200);
  assert.match(css.headers.get('cache-control'), /^public/);
  // Anonymous public answers keep their caching (none here).
  const pub = await anon.fetch('/api/v1/consultations');
  assert.equal(pub.status, 200);
  assert.equal(pub.headers.get('cache-control'), null);
});

test('/metrics is for staff by default; --metrics-from loopback serves local scrapers only', async () => {
  const denied = await anon.fetch('/metrics');
  assert.equal(denied.status, 401);
  assert.doesNotMatch(await denied.text(), /plenary_/);
  const granted = await staff.fetch('/metrics');
  assert.equal(granted.status, 200);
  assert.match(await granted.text(), /plenary_http_connections /);

  const local = await startServer({ args: ['--metrics-from', 'loopback'] });
  try {
    const client = new Client(local.url);
    const res = await client.fetch('/metrics');
    assert.equal(res.status, 200);
    assert.match(await res.text(), /plenary_write_queue /);
    const relayed = await client.fetch('/metrics', { headers: { 'x-forwarded-for': '203.0.113.7' } });
    assert.equal(relayed.status, 403);
  } finally {
    await local.stop();
  }
});

test('cookies are Secure when the site is served over HTTPS', async () => {
  const plain = await new Client(server.url).json('/api/v1/login', { email: 'secretariat@example.int', password: 'correct horse battery staple' });
  assert.doesNotMatch(plain.headers.getSetCookie().join('\n'), /Secure/, 'plain HTTP: no Secure');
  const tls = await startServer({ args: ['--public-url', 'https://plenary.example.org'] });
  try {
    const login = await new Client(tls.url).json('/api/v1/login', { email: 'secretariat@example.int', password: 'correct horse battery staple' });
    assert.equal(login.status, 200);
    const session = login.headers.getSetCookie().find((c) => c.startsWith('plenary_session='));
    assert.ok(session, 'a session cookie');
    assert.match(session, /; Secure(;|$)/);
    const page = await new Client(tls.url).fetch('/en/');
    const csrf = page.headers.getSetCookie().find((c) => c.startsWith('plenary_csrf='));
    assert.ok(csrf, 'an anonymous CSRF cookie');
    assert.match(csrf, /; Secure(;|$)/);
  } finally {
    await tls.stop();
  }
});
