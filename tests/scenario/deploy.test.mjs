// The deployed nginx configuration (deploy/nginx/plenary.conf) in front of two servers started
// as deploy/systemd/plenary@.service starts them (--trusted-proxy 127.0.0.1): requests go to
// both servers with no stickiness, the client's address reaches them through X-Forwarded-For
// (a header the client forged does not), and a body over Plenary's limit is refused by nginx.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { startServer, Client, jsonOf } from '../lib/server.mjs';
import { startNginx, NGINX } from '../lib/nginx.mjs';

const CLIENT = '127.0.0.3';
const BODY = { name: 'Via nginx', country: 'CH', stakeholder_type: 'individual', email: 'n@example.org',
  answers: { 1: 'Text.' } };

// A request through nginx from the loopback address `from`; resolves to { status, body }.
function request(base, path, { from = CLIENT, method = 'GET', headers = {}, body } = {}) {
  const u = new URL(path, base);
  return new Promise((ok, fail) => {
    const req = http.request({ host: u.hostname, port: u.port, path: u.pathname, method, localAddress: from,
      headers, agent: false }, (res) => {
      let text = '';
      res.on('data', (d) => { text += d; });
      res.on('end', () => ok({ status: res.statusCode, body: text }));
    });
    req.setTimeout(20000, () => req.destroy(new Error('timeout')));
    req.on('error', fail);
    req.end(body);
  });
}

test('nginx spreads requests over both servers and passes the client\'s address', { skip: !NGINX && process.env.CI !== 'true' && 'nginx is not installed' }, async () => {
  const args = ['--trusted-proxy', '127.0.0.1'];
  const a = await startServer({ args });
  const b = await startServer({ args });
  const nginx = await startNginx([new URL(a.url).host, new URL(b.url).host]);
  try {
    const data = JSON.stringify(BODY);
    const submit = (headers = {}) => request(nginx.url, '/api/v1/consultations/ai-public-policy/responses', {
      method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data), ...headers },
      body: data });
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await submit(i % 2 ? { 'x-forwarded-for': '198.51.100.9' } : {}));
    assert.deepEqual(answers.map((r) => r.status), [201, 201, 201, 201, 201, 201], answers.map((r) => r.body).join('\n'));
    const references = answers.map((r) => JSON.parse(r.body).reference);
    // Each server stored some of them (round robin, no stickiness), every one with the client's
    // own address, never the proxy's nor the forged one.
    let stored = 0;
    for (const s of [a, b]) {
      const staff = await new Client(s.url).login();
      const items = (await jsonOf(staff.fetch('/api/v1/consultations/ai-public-policy/moderation?per_page=200'))).items
        .filter((i) => references.includes(i.reference));
      assert.ok(items.length >= 1, `${s.url} received none of the submissions`);
      for (const i of items) assert.equal(i.ip_address, CLIENT, i.reference);
      stored += items.length;
    }
    assert.equal(stored, 6);

    // A body over Plenary's 30 MiB is refused by nginx before it reaches a server.
    const big = await new Promise((ok, fail) => {
      const u = new URL('/api/v1/consultations/ai-public-policy/responses', nginx.url);
      const req = http.request({ host: u.hostname, port: u.port, path: u.pathname, method: 'POST', localAddress: CLIENT,
        agent: false, headers: { 'content-type': 'application/json', 'content-length': 31 * 1024 * 1024 } }, (res) => {
        res.resume();
        res.on('end', () => ok(res.statusCode));
      });
      req.on('error', fail);
      req.write('{');  // nginx answers from the header alone
    });
    assert.equal(big, 413);

    // Server-Sent Events pass through unbuffered: the stream's first event (sent at once by the
    // server, a few bytes) arrives while the stream stays open.
    const meetings = JSON.parse((await request(nginx.url, '/api/v1/meetings')).body).items;
    const watch = new AbortController();
    const timer = setTimeout(() => watch.abort(new Error('no event through nginx within 3 s')), 3000);
    try {
      const stream = await fetch(`${nginx.url}/api/v1/meetings/${meetings[0].id}/speakers/events`, { signal: watch.signal });
      assert.equal(stream.status, 200);
      assert.match(stream.headers.get('content-type'), /^text\/event-stream/);
      const first = await stream.body.getReader().read();
      assert.match(new TextDecoder().decode(first.value), /^data: .*"meeting"/m);
    } finally {
      clearTimeout(timer);
      watch.abort();
    }
  } finally {
    await nginx.stop();
    await a.stop();
    await b.stop();
  }
});
