// --trusted-proxy: X-Forwarded-For names the client only on a connection from a trusted proxy.
// A client that forges the header itself is still limited (and stored) by its own address; a
// trusted proxy's requests are limited per real client, not all together as the proxy's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { execFileSync } from 'node:child_process';
import { startServer, Client, jsonOf, BIN } from '../lib/server.mjs';

const PROXY = '127.0.0.2';
const BODY = { name: 'Forwarded', country: 'CH', stakeholder_type: 'individual', email: 'f@example.org',
  answers: { 1: 'Text.' } };

// POSTs a response from the loopback address `from` with the given X-Forwarded-For (or none).
// Resolves to { status, body }.
function submitFrom(base, from, forwardedFor) {
  const u = new URL('/api/v1/consultations/ai-public-policy/responses', base);
  const data = JSON.stringify(BODY);
  const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) };
  if (forwardedFor !== undefined) headers['x-forwarded-for'] = forwardedFor;
  return new Promise((ok, fail) => {
    const req = http.request({ host: u.hostname, port: u.port, path: u.pathname, method: 'POST', localAddress: from,
      headers, agent: false }, (res) => {
      let text = '';
      res.on('data', (d) => { text += d; });
      res.on('end', () => ok({ status: res.statusCode, body: text }));
    });
    req.setTimeout(30000, () => req.destroy(new Error('timeout')));
    req.on('error', fail);
    req.end(data);
  });
}

test('a forged X-Forwarded-For is ignored; a trusted proxy\'s is honoured per real client', async () => {
  const s = await startServer({ args: ['--submissions-per-ip-per-minute', '1', '--submissions-per-ip-burst', '2',
    '--trusted-proxy', PROXY, '--trusted-proxy', '10.9.0.0/16'] });
  try {
    const staff = await new Client(s.url).login();
    const moderation = async () =>
      (await jsonOf(staff.fetch('/api/v1/consultations/ai-public-policy/moderation?per_page=200'))).items;
    const ipOf = async (res) => {
      const reference = JSON.parse(res.body).reference;
      const item = (await moderation()).find((i) => i.reference === reference);
      assert.ok(item, reference);
      return item.ip_address;
    };

    // An untrusted peer sends a different forged address each time: all count as its own.
    const forged = [];
    for (let i = 1; i <= 4; i++) forged.push(await submitFrom(s.url, '127.0.0.1', `198.51.100.${i}`));
    assert.deepEqual(forged.map((r) => r.status), [201, 201, 429, 429]);
    assert.equal(await ipOf(forged[0]), '127.0.0.1', 'the peer is stored, not the forged header');
    assert.equal(await ipOf(forged[1]), '127.0.0.1');

    // Through the trusted proxy, client 203.0.113.7 has its own burst of 2 ...
    const seven = [];
    for (let i = 0; i < 3; i++) seven.push(await submitFrom(s.url, PROXY, '203.0.113.7'));
    assert.deepEqual(seven.map((r) => r.status), [201, 201, 429]);
    assert.equal(await ipOf(seven[0]), '203.0.113.7');
    // ... and another client behind the same proxy is not limited by it, even when that client
    // wrote a header of its own (the proxy appended the address it saw, on the right), and
    // behind a second trusted hop.
    const eight = await submitFrom(s.url, PROXY, '203.0.113.7, 203.0.113.8');
    assert.equal(eight.status, 201, eight.body);
    assert.equal(await ipOf(eight), '203.0.113.8');
    const nine = await submitFrom(s.url, PROXY, '203.0.113.7, 203.0.113.9, 10.9.1.2');
    assert.equal(nine.status, 201, nine.body);
    assert.equal(await ipOf(nine), '203.0.113.9');

    // A malformed header from the proxy: attributed to the proxy itself, one key for all such
    // requests however the garbage varies.
    const malformed = [];
    for (const h of ['unknown', '203.0.113.7:4711', 'x', '']) malformed.push(await submitFrom(s.url, PROXY, h));
    assert.deepEqual(malformed.map((r) => r.status), [201, 201, 429, 429]);
    assert.equal(await ipOf(malformed[0]), PROXY);

    // The untrusted peer is still limited by its own address.
    assert.equal((await submitFrom(s.url, '127.0.0.1', '203.0.113.50')).status, 429);
  } finally {
    await s.stop();
  }
});

test('--trusted-proxy refuses what is not an address or a network, naming it', () => {
  for (const bad of ['proxy.example', '10.0.0.1/8', '10.0.0.0/33']) {
    let err;
    try {
      execFileSync(BIN, ['--db', '/nonexistent-dir/never.db', 'serve', '--trusted-proxy', bad], { stdio: 'pipe' });
    } catch (e) {
      err = e;
    }
    assert.ok(err, bad);
    assert.equal(err.status, 1, bad);
    assert.match(String(err.stderr), new RegExp(`--trusted-proxy "${bad.replace(/[.\\/]/g, '\\$&')}"`), bad);
  }
});
