// Rate limits: per address for responses, per address and per account for sign-in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, jsonOf } from '../lib/server.mjs';

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
