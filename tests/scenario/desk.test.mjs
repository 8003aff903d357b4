// Scenario tests of the secretariat's desk forms against hostile paths and numbers: a
// percent-encoded CR LF in a path never reaches a header (the redirects are built from what
// the database knows), and integers from requests are parsed strictly ("3abc" is not 3).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { execFileSync } from 'node:child_process';
import { startServer, Client, POSTGRES, psql } from '../lib/server.mjs';

// Sends one raw HTTP/1.1 request (fetch would refuse or re-encode the path) and returns the
// status and the raw head of the answer.
function rawPost(base, path, cookie, body) {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname);
    const chunks = [];
    const timer = setTimeout(() => { socket.destroy(); reject(new Error('no answer in 10 s: ' + path)); }, 10000);
    socket.on('data', (d) => chunks.push(d));
    socket.on('error', (e) => { clearTimeout(timer); reject(e); });
    socket.on('close', () => {
      clearTimeout(timer);
      const text = Buffer.concat(chunks).toString('latin1');
      const head = text.slice(0, text.indexOf('\r\n\r\n'));
      resolve({ status: Number(head.split(' ')[1]), head });
    });
    socket.write(`POST ${path} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nCookie: ${cookie}\r\n` +
      `Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
      `Connection: close\r\n\r\n${body}`);
  });
}

test('a percent-encoded CR LF in a desk path gives 404 and never reaches a header', async () => {
  const server = await startServer();
  try {
    const staff = await new Client(server.url).login();
    const body = new URLSearchParams({ csrf: staff.csrf, reason: 'x', deadline: '2031-01-01T00:00',
      action: 'accept', registration_id: '1', name: 'x' }).toString();
    const evil = 'environment%0d%0aSet-Cookie:%20injected=1%0d%0aX-Injected:%20yes';
    const paths = [
      `/en/admin/consultations/${evil}/publish`, `/en/admin/consultations/${evil}/extend`,
      `/en/admin/consultations/${evil}/summary`, `/en/admin/consultations/${evil}/follow-up`,
      `/en/admin/consultations/${evil}/campaigns/1`, `/en/admin/responses/1${evil}/moderate`,
      `/en/admin/responses/1${evil}/erase`, `/en/admin/meetings/1${evil}/attendance`,
      `/en/admin/meetings/1${evil}/registrations`, `/en/admin/meetings/1${evil}/attended`,
    ];
    for (const path of paths) {
      const res = await rawPost(server.url, path, staff.cookieHeader(), body);
      assert.ok(res.status === 400 || res.status === 404, `${path} → ${res.status}\n${res.head}`);
      assert.doesNotMatch(res.head, /^(set-cookie: injected|x-injected)/im, `${path}\n${res.head}`);
      assert.doesNotMatch(res.head, /^location:/im, `${path}\n${res.head}`);
    }
    // The same forms with a real consultation still go back to its desk page.
    const ok = await rawPost(server.url, '/en/admin/consultations/environment/publish', staff.cookieHeader(),
      new URLSearchParams({ csrf: staff.csrf }).toString());
    assert.equal(ok.status, 303, ok.head);
    assert.match(ok.head, /^location: \/en\/admin\/consultations\/environment\?done=published#list-notice\r?$/im);
    // Nothing failed to index: the gauge is there and at zero.
    assert.match(await (await staff.fetch('/metrics')).text(), /^plenary_search_failed 0$/m);
  } finally {
    await server.stop();
  }
});

test('integers in paths, query strings and redactions are parsed strictly', async () => {
  const server = await startServer();
  try {
    const staff = await new Client(server.url).login();
    const queue = await (await staff.fetch('/api/v1/consultations/ai-public-policy/moderation?per_page=5')).json();
    const id = queue.items[0].id;
    const before = queue.items[0].status;
    // "<id>abc" is no response: nothing is moderated.
    for (const path of [`/api/v1/responses/${id}abc/reject`, `/api/v1/responses/+${id}/reject`]) {
      const res = await staff.json(path, { reason: 'Off topic' });
      assert.equal(res.status, 404, path);
    }
    const form = await staff.fetch(`/en/admin/responses/${id}abc/moderate`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrf: staff.csrf, action: 'reject', reason: 'Off topic' }).toString() });
    assert.equal(form.status, 404);
    const after = await (await staff.fetch('/api/v1/consultations/ai-public-policy/moderation?per_page=5')).json();
    assert.equal(after.items.find((i) => i.id === id).status, before);
    // A redaction of question "1abc" is refused, naming the field.
    const red = await staff.json(`/api/v1/responses/${id}/redact`, { replacements: { '1abc': 'x' } });
    assert.equal(red.status, 400);
    assert.equal((await red.json()).error.field, '1abc');
    // Page numbers: 400 naming the parameter, on the API and the pages.
    for (const [path, field] of [
      ['/api/v1/consultations/ai-public-policy/responses?page=2abc', 'page'],
      ['/api/v1/consultations/ai-public-policy/responses?per_page=5x', 'per_page'],
      ['/api/v1/consultations/ai-public-policy/moderation?page=-1', 'page'],
    ]) {
      const res = await staff.fetch(path);
      assert.equal(res.status, 400, path);
      assert.equal((await res.json()).error.field, field, path);
    }
    for (const path of ['/en/consultations/ai-public-policy/responses?page=2abc',
      '/en/admin/consultations/ai-public-policy?page=1x']) {
      const res = await staff.fetch(path);
      assert.equal(res.status, 400, path);
      assert.match(await res.text(), /“Page” must be a whole number from 1 to 100,000\./, path);
    }
  } finally {
    await server.stop();
  }
});

test('an item the search indexer set aside is shown on the desk and counted in /metrics', async () => {
  let server = await startServer();
  const { dir, db } = server;
  try {
    await server.stop({ keep: true });
    // An item of a kind that has no search source: the indexer cannot index it.
    const memo = "INSERT INTO search_queue(kind, ref_id, at) VALUES('memo', 4242, 0)";
    if (POSTGRES) psql(memo, db);
    else execFileSync('sqlite3', [db, memo]);
    server = await startServer({ dir });
    const staff = await new Client(server.url).login();
    let metrics = '';
    for (let i = 0; i < 100 && !/^plenary_search_failed 1$/m.test(metrics); i++) {
      await new Promise((r) => setTimeout(r, 100));
      metrics = await (await staff.fetch('/metrics')).text();
    }
    assert.match(metrics, /^plenary_search_failed 1$/m);
    const en = await (await staff.fetch('/en/admin')).text();
    assert.match(en, /1 item could not be indexed:/);
    assert.match(en, /<li>memo 4242 \([^)]+\)[^<]*kind: no source/);
    const zh = await (await staff.fetch('/zh/admin')).text();
    assert.match(zh, /有1项无法编入索引：/);
  } finally {
    await server.stop();
  }
});
