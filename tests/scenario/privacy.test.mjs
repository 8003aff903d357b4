// Scenario tests of privacy: a response keeps the address it came from for the secretariat
// only; erasure on request removes the personal data (and keeps the published text when the
// respondent consented) with an audit entry that names the fields, not their values; IP
// addresses are purged after the retention period, by the server and by `plenary purge-ip`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { startServer, Client, ADMIN, BIN, jsonOf } from '../lib/server.mjs';

const respondent = (extra = {}) => ({
  name: 'Kwame Mensah', organization: 'Accra Digital Rights Hub', job_title: 'Researcher',
  country: 'GH', stakeholder_type: 'civil_society', email: 'kwame.mensah@example.net',
  language: 'en', answers: { 1: 'Open standards keep the Internet interoperable.' }, ...extra,
});

async function submit(client, extra) {
  const res = await client.json('/api/v1/consultations/ai-public-policy/responses', respondent(extra));
  assert.equal(res.status, 201, await res.clone().text());
  return (await res.json()).reference;
}

async function moderationItem(staff, reference) {
  const r = await jsonOf(staff.fetch('/api/v1/consultations/ai-public-policy/moderation?per_page=200'));
  return r.items.find((i) => i.reference === reference);
}

test('erasure on request removes personal data, keeps consented published text, audits field names only', async () => {
  const server = await startServer();
  try {
    const anon = new Client(server.url);
    const staff = await new Client(server.url).login();
    const consented = await submit(anon, { consent_publish: true, email: 'consenting.person@example.net' });
    const private_ = await submit(anon, { consent_publish: false, name: 'Private Person', organization: 'Hidden Org',
      job_title: 'Hidden Title', email: 'private.person@example.net' });
    const a = await moderationItem(staff, consented);
    const b = await moderationItem(staff, private_);
    assert.equal(a.ip_address, '127.0.0.1', 'the address is kept for the secretariat');
    assert.equal(a.erased_at, null);

    // Only the secretariat may erase; anonymous: 401, without CSRF token: 403.
    assert.equal((await anon.json(`/api/v1/responses/${a.id}/erase`, {})).status, 401);
    const noCsrf = await new Client(server.url).login();
    noCsrf.csrf = 'wrong';
    assert.equal((await noCsrf.json(`/api/v1/responses/${a.id}/erase`, {})).status, 403);
    assert.equal((await staff.json('/api/v1/responses/999999/erase', {})).status, 404);

    // The confirmation mail to the address waits in the outbox (no SMTP server here) until erased.
    const pending = async () => Number(/plenary_mail_outbox_pending (\d+)/.exec(await (await anon.fetch('/metrics')).text())[1]);
    const queued = await pending();
    assert.ok(queued >= 2, `confirmation mails queued: ${queued}`);

    // Publish the consenting response first: its text and name stay published after erasure.
    assert.equal((await staff.json(`/api/v1/responses/${a.id}/accept`, {})).status, 200);
    assert.equal((await staff.json('/api/v1/consultations/ai-public-policy/publish', {})).status, 200);
    const ea = await staff.json(`/api/v1/responses/${a.id}/erase`, {});
    assert.equal(ea.status, 200, await ea.clone().text());
    const ja = await ea.json();
    assert.deepEqual(ja.erased, ['email', 'ip_address']);
    assert.equal(await pending(), queued - 1, 'the mail to the erased address is gone from the outbox');
    assert.equal(ja.email, '');
    assert.equal(ja.ip_address, null);
    assert.equal(ja.name, 'Kwame Mensah');
    assert.ok(ja.erased_at);
    const published = await jsonOf(anon.fetch('/api/v1/consultations/ai-public-policy/responses?per_page=200'));
    const pub = published.items.find((i) => i.reference === consented);
    assert.equal(pub.name, 'Kwame Mensah');
    assert.equal(pub.answers['1'], 'Open standards keep the Internet interoperable.');
    // A second erasure: 409, nothing changes.
    assert.equal((await staff.json(`/api/v1/responses/${a.id}/erase`, {})).status, 409);

    // Without consent, the name, organization and job title go too.
    const eb = await jsonOf(staff.json(`/api/v1/responses/${b.id}/erase`, {}));
    assert.deepEqual(eb.erased, ['email', 'ip_address', 'name', 'organization', 'job_title']);
    assert.deepEqual([eb.name, eb.organization, eb.job_title, eb.email], ['', '', '', '']);
    assert.equal(eb.answers['1'], 'Open standards keep the Internet interoperable.');

    // The audit log records the erasure with the field names, never the erased values.
    const audit = await jsonOf(staff.fetch('/api/v1/audit'));
    const entries = audit.items.filter((e) => e.action === 'response.erase');
    assert.equal(entries.length, 2);
    const csv = await (await staff.fetch('/api/v1/audit?format=csv')).text();
    for (const secret of ['consenting.person@example.net', 'private.person@example.net', 'Private Person', 'Hidden Org', 'Hidden Title'])
      assert.ok(!csv.includes(secret), `audit log holds "${secret}"`);
    assert.match(JSON.stringify(entries.find((e) => e.object_id === b.id).after), /job_title/);

    // The desk shows the button and, after erasure, says so.
    const desk = await (await staff.fetch('/en/admin/consultations/ai-public-policy')).text();
    assert.ok(desk.includes('personal data erased on'));
    assert.ok(desk.includes('Erase personal data'));

    // No public page or API shows an IP address.
    for (const p of ['/en/consultations/ai-public-policy/responses', '/api/v1/consultations/ai-public-policy/responses?per_page=200',
      `/api/v1/receipts/${consented}`]) {
      const body = await (await anon.fetch(p)).text();
      assert.ok(!body.includes('127.0.0.1') && !body.includes('ip_address'), p);
    }
  } finally {
    await server.stop();
  }
});

test('the desk button asks for confirmation, then erases a response through the same use case', async () => {
  const server = await startServer();
  try {
    const anon = new Client(server.url);
    const staff = await new Client(server.url).login();
    const ref = await submit(anon, { email: 'desk.erase@example.net' });
    const item = await moderationItem(staff, ref);
    const post = (lang, fields) => staff.fetch(`/${lang}/admin/responses/${item.id}/erase`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrf: staff.csrf, ...fields }).toString() });
    // The button leads to a page that says whose data goes; nothing is erased yet.
    const ask = await post('en', {});
    assert.equal(ask.status, 200);
    const page = await ask.text();
    assert.match(page, /<h1>Erase this respondent’s personal data\?<\/h1>/);
    assert.ok(page.includes(`The e-mail and IP addresses of response ${ref} will be removed`));
    assert.match(page, new RegExp(`action="/en/admin/responses/${item.id}/erase"[^]*name="confirm" value="yes"`));
    const zh = await (await post('zh', {})).text();
    assert.ok(zh.includes(`回复${ref}的电子邮件地址和IP地址将被删除`));
    assert.equal((await moderationItem(staff, ref)).email, 'desk.erase@example.net');
    assert.equal((await moderationItem(staff, ref)).erased_at, null);
    const res = await post('en', { confirm: 'yes' });
    assert.equal(res.status, 303);
    assert.match(res.headers.get('location'), /done=erase/);
    const after = await moderationItem(staff, ref);
    assert.equal(after.email, '');
    assert.ok(after.erased_at);
  } finally {
    await server.stop();
  }
});

test('IP addresses are kept for the retention period, then purged by the server and by plenary purge-ip', async () => {
  // Default retention (30 days): the address stays.
  let server = await startServer({ args: ['--ip-purge-interval', '1'] });
  const dir = server.dir;
  let anon = new Client(server.url);
  let staff = await new Client(server.url).login();
  const kept = await submit(anon);
  await sleep(1500);
  assert.equal((await moderationItem(staff, kept)).ip_address, '127.0.0.1');
  await server.stop({ keep: true });

  // `plenary purge-ip` with a retention of 0 days erases every address at once.
  const out = execFileSync(BIN, ['--db', `${dir}/plenary.db`, 'purge-ip', '--ip-retention-days', '0']).toString();
  assert.match(out, /^1 IP address\(es\) older than 0 day\(s\) erased/);
  const again = execFileSync(BIN, ['--db', `${dir}/plenary.db`, 'purge-ip', '--ip-retention-days', '0']).toString();
  assert.match(again, /^0 IP address/);

  // The server with a retention of 0 days purges new addresses at its next periodic run.
  server = await startServer({ dir, args: ['--ip-retention-days', '0', '--ip-purge-interval', '1'] });
  try {
    anon = new Client(server.url);
    staff = await new Client(server.url).login();
    assert.equal((await moderationItem(staff, kept)).ip_address, null);
    const fresh = await submit(anon, { email: 'fresh@example.net' });
    let ip = '127.0.0.1';
    for (let i = 0; i < 30 && ip !== null; i++) {
      await sleep(200);
      ip = (await moderationItem(staff, fresh)).ip_address;
    }
    assert.equal(ip, null, 'purged by the server within its interval');
    // Each purge that removed something is in the audit log, without any address.
    const audit = await jsonOf(staff.fetch('/api/v1/audit'));
    const purges = audit.items.filter((e) => e.action === 'privacy.purge_ip');
    assert.ok(purges.length >= 2, JSON.stringify(purges));
    assert.ok(!JSON.stringify(purges).includes('127.0.0.1'));
  } finally {
    await server.stop();
  }
});

// Erased data must not stay readable in the database file or its write-ahead log until some
// later checkpoint: erasure overwrites freed space (secure_delete) and checkpoints the log.
test('after an erasure the raw bytes of the database and its WAL hold no erased value', async () => {
  const server = await startServer();
  try {
    const anon = new Client(server.url);
    const staff = await new Client(server.url).login();
    const email = 'erase.me.q7x3@example.net', name = 'Erasable Qwzx Person';
    const ref = await submit(anon, { consent_publish: false, email, name, organization: 'Qwzx Org', job_title: 'Qwzx Title' });
    const item = await moderationItem(staff, ref);
    const files = [server.db, server.db + '-wal'];
    const holding = (needle) => files.filter((f) => existsSync(f) && readFileSync(f).includes(Buffer.from(needle)));
    assert.ok(holding(email).length > 0, 'the address is in the files before the erasure');
    const res = await staff.json(`/api/v1/responses/${item.id}/erase`, {});
    assert.equal(res.status, 200, await res.clone().text());
    for (const needle of [email, name, 'Qwzx Org', 'Qwzx Title'])
      assert.deepEqual(holding(needle), [], `${needle} is still in the raw bytes`);
  } finally {
    await server.stop();
  }
});
