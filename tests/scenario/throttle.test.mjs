// Rate limits: per address for responses, per address and per account for sign-in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { startServer, Client, ADMIN, jsonOf } from '../lib/server.mjs';

// POST /api/v1/login from the loopback address `from` (127.0.0.2, …: all reach the server,
// which sees each as a different client). Resolves to the status.
function loginFrom(base, from, body) {
  const u = new URL('/api/v1/login', base);
  const data = JSON.stringify(body);
  return new Promise((ok, fail) => {
    const req = http.request({ host: u.hostname, port: u.port, path: u.pathname, method: 'POST', localAddress: from,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } }, (res) => {
      res.resume();
      res.on('end', () => ok(res.statusCode));
    });
    req.setTimeout(30000, () => req.destroy(new Error('timeout')));
    req.on('error', fail);
    req.end(data);
  });
}

test('responses beyond the per-address burst get 429 with Retry-After and are not stored', async () => {
  const s = await startServer({ args: ['--submissions-per-ip-per-minute', '6', '--submissions-per-ip-burst', '3'] });
  try {
    const anon = new Client(s.url);
    const staff = await new Client(s.url).login();
    const count = async () => (await jsonOf(staff.fetch('/api/v1/consultations/ai-public-policy/moderation?per_page=1'))).total;
    const before = await count();
    const body = { name: 'Rate', country: 'CH', stakeholder_type: 'individual', email: 'r@example.org', answers: { 1: 'Text.' } };
    const statuses = [];
    let limited;
    for (let i = 0; i < 5; i++) {
      const r = await anon.json('/api/v1/consultations/ai-public-policy/responses', body);
      statuses.push(r.status);
      if (r.status === 429) limited = r;
    }
    assert.deepEqual(statuses, [201, 201, 201, 429, 429]);
    assert.ok(Number(limited.headers.get('retry-after')) >= 1);
    assert.equal((await limited.json()).error.code, 'rate_limited');
    assert.equal(await count(), before + 3);
  } finally {
    await s.stop();
  }
});

test('sign-in attempts are limited per account, the same way whether it exists or not', async () => {
  const s = await startServer({ demo: false, args: ['--logins-per-ip-per-minute', '0'] });
  try {
    const attempt = (email) => new Client(s.url).json('/api/v1/login', { email, password: 'not the password' });
    for (const email of ['secretariat@example.int', 'nobody@example.int']) {
      const statuses = [];
      for (let i = 0; i < 6; i++) statuses.push((await attempt(email)).status);
      assert.deepEqual(statuses, [401, 401, 401, 401, 401, 429], email);
    }
  } finally {
    await s.stop();
  }
});

// The lock-out attack: wrong passwords for a known account (the administrator's) from many
// addresses. Each address is limited on that account, but the owner, from an address of their
// own, still signs in.
test('wrong passwords from many addresses do not lock the owner out', async () => {
  const s = await startServer({ demo: false, defaultLimits: true });
  try {
    const wrong = { email: ADMIN.email, password: 'not the password at all' };
    const statuses = [];
    for (let a = 2; a <= 13; a++)
      for (let i = 0; i < 2; i++) statuses.push(await loginFrom(s.url, `127.0.0.${a}`, wrong));
    assert.equal(statuses.length, 24);
    assert.ok(statuses.every((x) => x === 401), statuses.join(','));
    // One address hammering the account is stopped after the burst of 5.
    const one = [];
    for (let i = 0; i < 6; i++) one.push(await loginFrom(s.url, '127.0.0.20', wrong));
    assert.deepEqual(one, [401, 401, 401, 401, 401, 429]);
    // The owner, from their own address, right after.
    assert.equal(await loginFrom(s.url, '127.0.0.1', ADMIN), 200);
  } finally {
    await s.stop();
  }
});

test('signing out everywhere ends the sessions of every device', async () => {
  const s = await startServer({ demo: false });
  try {
    const laptop = await new Client(s.url).login();
    const phone = await new Client(s.url).login();
    assert.equal((await phone.fetch('/api/v1/consultations/1/moderation')).status, 404);  // signed in
    assert.notEqual(laptop.cookies.get('plenary_session'), phone.cookies.get('plenary_session'));
    assert.equal((await laptop.fetch('/api/v1/logout?everywhere=true', { method: 'POST' })).status, 200);
    assert.equal((await phone.fetch('/api/v1/consultations/1/moderation')).status, 401);
  } finally {
    await s.stop();
  }
});

test('the account page signs out everywhere: its form ends the sessions of every device', async () => {
  const s = await startServer({ demo: false });
  try {
    const laptop = await new Client(s.url).login();
    const phone = await new Client(s.url).login();
    const page = await (await laptop.fetch('/fr/account')).text();
    const form = page.match(/<form method="post" action="\/fr\/logout">[\s\S]*?<\/form>/g)?.find((f) => f.includes('name="everywhere"'));
    assert.ok(form, 'the account page has a form signing out everywhere');
    assert.match(form, /<input type="hidden" name="everywhere" value="true">/);
    assert.match(form, /Se déconnecter partout/, 'in the reader\'s language');
    const res = await laptop.fetch('/fr/logout', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrf: laptop.csrf, everywhere: 'true' }) });
    assert.equal(res.status, 303);
    assert.equal((await phone.fetch('/api/v1/consultations/1/moderation')).status, 401, 'the other device is signed out');
    assert.equal((await laptop.fetch('/api/v1/consultations/1/moderation')).status, 401, 'and this one');
    // The header's button signs out this device only.
    const one = await new Client(s.url).login();
    const other = await new Client(s.url).login();
    assert.equal((await one.fetch('/en/logout', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrf: one.csrf }) })).status, 303);
    assert.equal((await other.fetch('/api/v1/consultations/1/moderation')).status, 404, 'the other device stays signed in');
  } finally {
    await s.stop();
  }
});

test('administrators read and export the audit log; the secretariat role may not', async () => {
  const s = await startServer();
  try {
    const admin = await new Client(s.url).login();
    const list = await jsonOf(admin.fetch('/api/v1/audit'));
    assert.ok(list.items.some((e) => e.action === 'demo.load'));
    assert.ok(list.items.some((e) => e.action === 'user.add'));
    const csv = await admin.fetch('/api/v1/audit?format=csv');
    assert.match(csv.headers.get('content-type'), /^text\/csv/);
    assert.match(await csv.text(), /^id,at,user,action,object_type,object_id,before,after\r\n/);
    assert.equal((await new Client(s.url).fetch('/api/v1/audit')).status, 401);
    const { execFileSync } = await import('node:child_process');
    const { BIN } = await import('../lib/server.mjs');
    execFileSync(BIN, ['--db', s.db, 'user', 'add', '--email', 'clerk@example.int', '--name', 'Clerk', '--role', 'secretariat'],
      { env: { ...process.env, PLENARY_PASSWORD: 'another long passphrase' } });
    const clerk = await new Client(s.url).login({ email: 'clerk@example.int', password: 'another long passphrase' });
    assert.equal((await clerk.fetch('/api/v1/audit')).status, 403);
  } finally {
    await s.stop();
  }
});

// CSV injection: an address chosen at sign-up lands in the audit log's "user" column; a
// spreadsheet must show it as text, not run it.
test('the audit export writes formulas as text', async () => {
  const s = await startServer({ demo: false });
  try {
    const evil = '=HYPERLINK("http://evil.example","x")@example.org';
    const signup = await new Client(s.url).json('/api/v1/signup', { email: evil, name: 'Evil' });
    assert.equal(signup.status, 202, await signup.clone().text());
    const admin = await new Client(s.url).login();
    const csv = await (await admin.fetch('/api/v1/audit?format=csv')).text();
    const row = csv.split('\r\n').find((l) => l.includes('user.signup'));
    assert.ok(row, csv);
    const cell = row.split(',')[2];
    assert.equal(cell, '"\'=HYPERLINK(""http://evil.example""');
    for (const line of csv.split('\r\n'))
      for (const c of line.split(',')) assert.ok(!/^"?[=+@\t\r-]/.test(c), `unsafe cell ${c} in ${line}`);
  } finally {
    await s.stop();
  }
});

// Without an overall quota an anonymous sender could store 25 MB per response, response after
// response: the bytes of attached files are limited per address per day.
test('attached bytes are limited per address per day, with 429 naming the rule', async () => {
  const s = await startServer({ args: ['--attachment-bytes-per-ip-per-day', '2500000'] });
  try {
    const anon = new Client(s.url);
    const staff = await new Client(s.url).login();
    const url = '/api/v1/consultations/ai-public-policy/responses';
    const count = async () => (await (await staff.fetch('/api/v1/consultations/ai-public-policy/moderation?per_page=1')).json()).total;
    const megabyte = 'a'.repeat(999999) + '\n';
    const form = (files) => {
      const f = new FormData();
      for (const [k, v] of Object.entries({ name: 'Quota', country: 'CH', stakeholder_type: 'individual',
        email: 'q@example.org', general: 'See the attached notes.' })) f.append(k, v);
      for (const [name, text] of files) f.append('attachments', new Blob([text], { type: 'text/plain' }), name);
      return f;
    };
    const statuses = [];
    for (let i = 0; i < 2; i++)
      statuses.push((await anon.fetch(url, { method: 'POST', body: form([[`n${i}.txt`, megabyte]]) })).status);
    assert.deepEqual(statuses, [201, 201]);
    const before = await count();
    const refused = await anon.fetch(url, { method: 'POST', body: form([['n2.txt', megabyte]]) });
    assert.equal(refused.status, 429);
    assert.ok(Number(refused.headers.get('retry-after')) >= 1);
    const e = (await refused.json()).error;
    assert.equal(e.field, 'attachments');
    assert.match(e.message, /at most 2500000 bytes of attached files per address per day/);
    assert.equal(await count(), before, 'the refused response is not stored');
    // What is left of the allowance still serves, and a response without files is not limited.
    assert.equal((await anon.fetch(url, { method: 'POST', body: form([['small.txt', 'small\n']]) })).status, 201);
    assert.equal((await anon.fetch(url, { method: 'POST', body: form([]) })).status, 201);
    // Staff entering a submission received otherwise are not limited.
    assert.equal((await staff.fetch(url, { method: 'POST', body: form([['n3.txt', megabyte]]), headers: { 'x-csrf-token': staff.csrf } })).status, 201);
  } finally {
    await s.stop();
  }
});
