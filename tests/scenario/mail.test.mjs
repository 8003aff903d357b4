// Scenario tests of mail and accounts: a real SMTP sink on loopback (Debian's python3-aiosmtpd,
// tests/lib/smtp_sink.py) receives what `plenary serve --smtp-host` sends. Sign-up, the
// verification link and sign-in; an anonymous response and its confirmation link; delivery
// retried after the mail server was down; mail kept queued without an SMTP host; and what public
// participants, delegates and chairs may and may not do.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { HtmlValidate } from 'html-validate';
import { freePort, startSink, mails } from '../lib/smtp.mjs';
import { startServer, Client, ADMIN, BIN, isoFromNow, jsonOf } from '../lib/server.mjs';

const PASSWORD = 'a long enough password';

// The first mail to `to` (matching `filter`), waiting at most `ms`.
async function waitForMail(file, to, { ms = 20000, filter = () => true } = {}) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const m = mails(file).find((x) => x.rcpt_tos.includes(to) && filter(x));
    if (m) return m;
    await sleep(100);
  }
  throw new Error(`no mail to ${to} within ${ms} ms; got ${JSON.stringify(mails(file).map((x) => [x.rcpt_tos, x.subject]))}`);
}

function linkIn(mail) {
  const m = mail.body.match(/https?:\/\/\S+token=[A-Za-z0-9._-]+/);
  assert.ok(m, 'the mail has a link: ' + mail.body);
  const u = new URL(m[0]);
  return u.pathname + u.search;
}

async function csrfOf(client, path) {
  const html = await (await client.fetch(path)).text();
  const m = html.match(/name="csrf" value="([^"]+)"/);
  assert.ok(m, 'the page has a CSRF field');
  return m[1];
}

async function metric(client, name) {
  const text = await (await client.fetch('/metrics')).text();
  const m = text.match(new RegExp(`^${name} (\\d+)$`, 'm'));
  assert.ok(m, `${name} is on /metrics`);
  return Number(m[1]);
}

const respondent = (extra = {}) => ({
  name: 'Li Wei', organization: 'Green Net Lab', job_title: 'Researcher', country: 'CN',
  stakeholder_type: 'academia_technical', email: 'li.wei@example.net', language: 'zh',
  answers: { 1: '互联网的环境影响需要更好的测量。' }, consent_publish: true, ...extra,
});

async function moderationItem(staff, reference) {
  const r = await jsonOf(staff.fetch('/api/v1/consultations/ai-public-policy/moderation?per_page=200'));
  return { item: r.items.find((i) => i.reference === reference), unconfirmed: r.unconfirmed };
}

let server, sink, sinkPort, dir, file, staff;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'plenary-mail-'));
  file = join(dir, 'mail.jsonl');
  sinkPort = await freePort();
  sink = await startSink(sinkPort, file);
  server = await startServer({ args: ['--smtp-host', '127.0.0.1', '--smtp-port', String(sinkPort),
    '--mail-from', 'plenary@example.int', '--mail-retry-seconds', '1', '--smtp-timeout', '5',
    '--logins-per-ip-per-minute', '0', '--logins-per-account-per-minute', '0', '--signups-per-recipient-per-minute', '0'] });
  staff = await new Client(server.url).login();
});
after(async () => {
  await server?.stop();
  await sink?.stop();
  rmSync(dir, { recursive: true, force: true });
});

// Follows a verification link as a browser does: the page asks for the password, the form
// sets it. Returns the answer to the form.
async function choosePassword(client, link, password) {
  const page = await client.fetch(link);
  assert.equal(page.status, 200, 'the link opens the form');
  const html = await page.text();
  const csrf = html.match(/name="csrf" value="([^"]+)"/)[1];
  const token = html.match(/name="token" value="([^"]+)"/)[1];
  const path = link.split('?')[0];
  return client.fetch(path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrf, token, password }).toString() });
}

test('sign up, receive the mail, follow the link and choose the password, sign in', async () => {
  const email = 'ana.sousa@example.org';
  const c = new Client(server.url);
  // Refused without the form's CSRF token.
  const forged = await c.fetch('/en/signup', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ name: 'Ana', email }).toString() });
  assert.equal(forged.status, 403);
  const csrf = await csrfOf(c, '/fr/signup');
  const form = (fields) => c.fetch('/fr/signup', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrf, ...fields }).toString() });
  const bad = await form({ name: 'Ana Sousa', email: 'no address' });
  assert.equal(bad.status, 400);
  // The reader's language, next to the field the summary links to.
  assert.match(await bad.text(), /<a href="#email">Cette adresse électronique n’est pas valide\.<\/a>/);
  const res = await form({ name: 'Ana Sousa', email });
  assert.equal(res.status, 200);
  assert.match(await res.text(), /un courriel contenant un lien est en route/);

  // No password exists before the link is followed: every password gets the usual answer.
  const early = await new Client(server.url).json('/api/v1/login', { email, password: PASSWORD });
  const nobody = await new Client(server.url).json('/api/v1/login', { email: 'nobody@example.org', password: PASSWORD });
  assert.equal(early.status, 401);
  assert.deepEqual(await early.json(), await nobody.json());

  const mail = await waitForMail(file, email);
  assert.equal(mail.subject, 'Activez votre compte Plenary');
  assert.equal(mail.mail_from, 'plenary@example.int');
  assert.equal(mail.content_type, 'text/plain');
  assert.equal(mail.charset, 'utf-8');
  assert.match(mail.body, /Bonjour Ana Sousa/);
  const link = linkIn(mail);
  assert.match(link, /^\/fr\/verify\?token=/);
  const tampered = await c.fetch(link.slice(0, -2) + 'xx');
  assert.equal(tampered.status, 400);
  // Opening the link (as a mail scanner does) changes nothing: the form must be sent.
  const formPage = await c.fetch(link);
  assert.equal(formPage.status, 200);
  const validator = new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'long-title': 'off' } });
  const report = await validator.validateString(await formPage.text());
  assert.deepEqual(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId} line ${m.line}: ${m.message}`)), [],
    'the form of the link is valid HTML');
  assert.equal((await c.fetch(link)).status, 200);
  const short = await choosePassword(c, link, 'short');
  assert.equal(short.status, 400);
  assert.match(await short.text(), /<a href="#password">Le champ «\sMot de passe\s» doit comporter au moins 12 caractères\.<\/a>/);
  const verified = await choosePassword(c, link, PASSWORD);
  assert.equal(verified.status, 200);
  assert.match(await verified.text(), /Votre adresse électronique est vérifiée/);
  // Used once: the link is void afterwards.
  assert.equal((await c.fetch(link)).status, 400);

  const user = new Client(server.url);
  const login = await user.json('/api/v1/login', { email, password: PASSWORD });
  assert.equal(login.status, 200);
  const body = await login.json();
  assert.equal(body.user.role, 'public');
  user.csrf = body.csrf_token;

  // A signed-in verified participant answers: confirmed at once, no confirmation mail.
  const answer = await user.json('/api/v1/consultations/ai-public-policy/responses', respondent({ email: '', name: 'Ana Sousa' }));
  assert.equal(answer.status, 201, await answer.clone().text());
  const { reference } = await answer.json();
  const { item } = await moderationItem(staff, reference);
  assert.equal(item.email, email);
  assert.equal(item.confirmed, true);

  // The API twin answers the same whether the address is new or already has an account.
  const api1 = await new Client(server.url).json('/api/v1/signup', { email: 'new.person@example.org', name: 'New' });
  const api2 = await new Client(server.url).json('/api/v1/signup', { email, name: 'Someone else' });
  assert.equal(api1.status, 202);
  assert.equal(api2.status, 202);
  assert.deepEqual(await api1.json(), await api2.json());
  const exists = await waitForMail(file, email, { filter: (m) => m.subject === 'Your Plenary account' });
  assert.ok(!/token=/.test(exists.body), 'the owner is told, and given no link');
  assert.equal((await new Client(server.url).json('/api/v1/login', { email, password: PASSWORD })).status, 200,
    'the existing account is unchanged');
  const bad2 = await new Client(server.url).json('/api/v1/signup', { email: 'not-an-address', name: 'X' });
  assert.equal(bad2.status, 400);
  assert.equal((await bad2.json()).error.field, 'email');
  // A password is never taken at sign-up: it is chosen at the link.
  const withPassword = await new Client(server.url).json('/api/v1/signup', { email: 'p@example.org', name: 'P', password: PASSWORD });
  assert.equal(withPassword.status, 400);
  assert.equal((await withPassword.json()).error.field, 'password');
});

// The attack: a stranger signs up again with the address of someone whose account is not
// verified yet (or before them), hoping the owner's click on the newest link activates the
// stranger's password. No sign-up sets a password, so whichever link the owner follows, the
// password is the owner's.
test('a second sign-up with an unverified address never changes its credentials', async () => {
  const ATTACKER = 'the attacker password';
  const OWNER = 'the owner own password';
  const mailsTo = (to) => mails(file).filter((m) => m.rcpt_tos.includes(to) && m.subject === 'Activate your Plenary account');
  for (const [email, attackerFirst] of [['victim.one@example.org', false], ['victim.two@example.org', true]]) {
    const owner = new Client(server.url);
    const attacker = new Client(server.url);
    const signUp = (client, name) => client.json('/api/v1/signup', { email, name, language: 'en' });
    if (attackerFirst) assert.equal((await signUp(attacker, 'Attacker')).status, 202);
    assert.equal((await signUp(owner, 'Owner')).status, 202);
    if (!attackerFirst) assert.equal((await signUp(attacker, 'Attacker')).status, 202);
    // The attacker's own attempt to give a password is refused outright.
    const sneaky = await attacker.json('/api/v1/signup', { email, name: 'Attacker', password: ATTACKER });
    assert.equal(sneaky.status, 400);
    const start = Date.now();
    while (mailsTo(email).length < 2 && Date.now() - start < 20000) await sleep(100);
    const links = mailsTo(email).map(linkIn);
    assert.equal(links.length, 2, 'one link per sign-up, both to the owner');
    // The owner follows the newest link and chooses a password.
    const newest = links.at(-1);
    const token = new URL('http://x' + newest).searchParams.get('token');
    const set = await owner.json('/api/v1/verify', { token, password: OWNER });
    assert.equal(set.status, 200, await set.clone().text());
    for (const pw of [ATTACKER, PASSWORD])
      assert.equal((await new Client(server.url).json('/api/v1/login', { email, password: pw })).status, 401, email);
    const login = await new Client(server.url).json('/api/v1/login', { email, password: OWNER });
    assert.equal(login.status, 200, email);
    // The name is the one given first; the older link is void too.
    const users = await (await staff.fetch('/api/v1/users')).json();
    assert.equal(users.items.find((u) => u.email === email).name, attackerFirst ? 'Attacker' : 'Owner');
    const older = new URL('http://x' + links[0]).searchParams.get('token');
    assert.equal((await attacker.json('/api/v1/verify', { token: older, password: ATTACKER })).status, 400);
    assert.equal((await new Client(server.url).json('/api/v1/login', { email, password: ATTACKER })).status, 401);
  }
});

test('a name is one line: CR, LF and other control characters are refused, naming the field', async () => {
  const admin = await staff.json('/api/v1/users', { email: 'eve2@example.int', name: 'Eve\nX', role: 'chair', password: PASSWORD });
  assert.equal(admin.status, 400);
  assert.equal((await admin.json()).error.field, 'name');
  for (const name of ['Eve\r\nBcc: all@example.org', 'Eve\nX', 'Eve\tX', 'Eve\u0085X', 'Eve\u2028X', 'Eve\u0000']) {
    const r = await new Client(server.url).json('/api/v1/signup', { email: 'eve@example.org', name });
    assert.equal(r.status, 400, JSON.stringify(name));
    assert.equal((await r.json()).error.field, 'name');
  }
  const c = new Client(server.url);
  const csrf = await csrfOf(c, '/en/signup');
  const page = await c.fetch('/en/signup', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrf, name: 'Eve\r\nSubject: hi', email: 'eve@example.org' }).toString() });
  assert.equal(page.status, 400);
  assert.match(await page.text(), /<a href="#name">“Name” contains characters that are not valid text\.<\/a>/);
  await sleep(300);
  assert.ok(!mails(file).some((m) => m.rcpt_tos.includes('eve@example.org')), 'no mail was sent');
});

test('an anonymous response is received at once and confirmed by the link of a mail', async () => {
  const anon = new Client(server.url);
  const email = 'li.wei@example.net';
  const res = await anon.json('/api/v1/consultations/ai-public-policy/responses?lang=zh', respondent({ email }));
  assert.equal(res.status, 201);
  const receipt = await res.json();
  assert.equal(receipt.status, 'received');
  assert.ok(!JSON.stringify(receipt).includes(email));
  let { item, unconfirmed } = await moderationItem(staff, receipt.reference);
  assert.equal(item.confirmed, false);
  assert.equal(item.email_confirmed_at, null);
  assert.ok(unconfirmed >= 1);

  const mail = await waitForMail(file, email);
  assert.match(mail.raw, /^Subject: =\?UTF-8\?B\?/m, 'the subject is an RFC 2047 encoded-word');
  assert.match(mail.subject, /^请确认您对“/);
  assert.ok(mail.body.includes(receipt.reference));
  const link = linkIn(mail);
  assert.match(link, /^\/zh\/confirm\?token=/);
  // The link confirms, then leads back to the receipt (a fresh signed link of its own), which
  // now says the address is confirmed.
  const followed = await anon.fetch(link);
  assert.equal(followed.status, 303);
  const back = followed.headers.get('location');
  assert.match(back, new RegExp(`^/zh/receipts/${receipt.reference}/r\\.[^/]+$`));
  const page = await anon.fetch(back);
  assert.equal(page.status, 200);
  const receiptPage = await page.text();
  assert.ok(receiptPage.includes(receipt.reference));
  assert.ok(receiptPage.includes('您的电子邮件地址l•••@example.net已确认。'), 'the receipt says it is confirmed');
  ({ item } = await moderationItem(staff, receipt.reference));
  assert.equal(item.confirmed, true);
  assert.match(item.email_confirmed_at, /^\d{4}-\d\d-\d\dT/);
  // Following it again changes nothing; the API twin agrees.
  const token = new URL(link, server.url).searchParams.get('token');
  const again = await anon.json('/api/v1/confirm', { token });
  assert.equal(again.status, 200);
  assert.deepEqual(await again.json(), { reference: receipt.reference, confirmed: true });
  assert.equal((await anon.json('/api/v1/confirm', { token: token.replace(/^c\./, 'v.') })).status, 400);

  // The secretariat's page counts the unconfirmed; the public figures of the demo are unchanged.
  const admin = await (await staff.fetch('/en/admin/consultations/ai-public-policy')).text();
  assert.match(admin, /await e-mail confirmation|awaits e-mail confirmation|Every response has a confirmed/);
  const env = await jsonOf(anon.fetch('/api/v1/consultations/environment/statistics'));
  const covid = await jsonOf(anon.fetch('/api/v1/consultations/covid19/statistics'));
  assert.equal(env.responses.total, 20);
  assert.equal(covid.responses.total, 17);
  const demo = await jsonOf(staff.fetch('/api/v1/consultations/environment/moderation?per_page=200'));
  assert.equal(demo.unconfirmed, 0, 'the demo responses count as confirmed');
});

test('mail is retried while the mail server is down and delivered once it is back', async () => {
  await sink.stop();
  const anon = new Client(server.url);
  const email = 'retry.me@example.net';
  const started = Date.now();
  const res = await anon.json('/api/v1/consultations/ai-public-policy/responses', respondent({ email, language: 'en',
    answers: { 1: 'Sent while the mail server is down.' } }));
  assert.equal(res.status, 201, 'a mail failure never blocks the submission');
  assert.ok(Date.now() - started < 5000);
  await sleep(2500);
  assert.ok(await metric(anon, 'plenary_mail_outbox_pending') >= 1);
  assert.ok(!mails(file).some((m) => m.rcpt_tos.includes(email)));
  sink = await startSink(sinkPort, file);
  const mail = await waitForMail(file, email, { ms: 30000 });
  assert.match(mail.subject, /^Confirm your response to/);
  const end = Date.now() + 10000;
  while (await metric(anon, 'plenary_mail_outbox_pending') > 0 && Date.now() < end) await sleep(200);
  assert.equal(await metric(anon, 'plenary_mail_outbox_pending'), 0);
});

test('without --smtp-host mail stays queued and /metrics counts it', async () => {
  const s = await startServer({ demo: false });
  try {
    const c = new Client(s.url);
    assert.equal(await metric(c, 'plenary_mail_outbox_pending'), 0);
    assert.equal((await c.json('/api/v1/signup', { email: 'queued@example.org', name: 'Q' })).status, 202);
    assert.equal(await metric(c, 'plenary_mail_outbox_pending'), 1);
  } finally {
    await s.stop();
  }
});

test('roles: public participants, delegates and chairs are not staff; delegates and chairs see Member States documents', async () => {
  const anon = new Client(server.url);
  // Only an administrator creates accounts, with a Member State for a delegate.
  const missing = await staff.json('/api/v1/users', { email: 'd0@example.int', name: 'D0', role: 'delegate', password: PASSWORD });
  assert.equal(missing.status, 400);
  assert.equal((await missing.json()).error.field, 'member_state');
  const created = await staff.json('/api/v1/users', { email: 'delegate.ch@example.int', name: 'Delegate of Switzerland',
    role: 'delegate', member_state: 'CH', password: PASSWORD });
  assert.equal(created.status, 201, await created.clone().text());
  const delegateUser = await created.json();
  assert.equal(delegateUser.member_state, 'CH');
  assert.equal((await staff.json('/api/v1/users', { email: 'chair@example.int', name: 'Chair', role: 'chair', password: PASSWORD })).status, 201);
  assert.equal((await anon.json('/api/v1/users', { email: 'x@example.int', name: 'X', role: 'admin', password: PASSWORD })).status, 401);
  // The CLI too.
  execFileSync(BIN, ['--db', server.db, 'user', 'add', '--email', 'delegate.fr@example.int', '--name', 'Délégué',
    '--role', 'delegate', '--member-state', 'FR'], { env: { ...process.env, PLENARY_PASSWORD: PASSWORD }, stdio: 'pipe' });
  // A secretariat account may not manage users.
  assert.equal((await staff.json('/api/v1/users', { email: 'sec2@example.int', name: 'Sec', role: 'secretariat', password: PASSWORD })).status, 201);
  const sec = await new Client(server.url).login({ email: 'sec2@example.int', password: PASSWORD });
  assert.equal((await sec.json('/api/v1/users', { email: 'y@example.int', name: 'Y', role: 'admin', password: PASSWORD })).status, 403);

  const users = await jsonOf(staff.fetch('/api/v1/users'));
  assert.ok(users.items.some((u) => u.email === 'delegate.fr@example.int' && u.member_state === 'FR'));

  const delegate = await new Client(server.url).login({ email: 'delegate.ch@example.int', password: PASSWORD });
  const chair = await new Client(server.url).login({ email: 'chair@example.int', password: PASSWORD });
  const participant = await new Client(server.url).login({ email: 'ana.sousa@example.org', password: PASSWORD });

  const { items } = await jsonOf(staff.fetch('/api/v1/documents?q=C22/DT'));
  const restricted = items.find((d) => d.symbol === 'C22/DT/5');
  assert.equal(restricted.access, 'member_states');
  for (const [who, client] of [['delegate', delegate], ['chair', chair]]) {
    assert.equal((await client.fetch(`/api/v1/documents/${restricted.id}`)).status, 200, who);
    assert.equal((await client.fetch(`/en/documents/${restricted.id}`)).status, 200, who);
    assert.ok((await jsonOf(client.fetch('/api/v1/documents?q=C22/DT'))).items.some((d) => d.id === restricted.id), who);
  }
  for (const [who, client] of [['public', participant], ['anonymous', anon]]) {
    assert.equal((await client.fetch(`/api/v1/documents/${restricted.id}`)).status, 404, who);
    assert.equal((await client.fetch(`/en/documents/${restricted.id}`)).status, 404, who);
  }

  // Staff-only actions: 403 for the three roles (401 without a session).
  const writes = [
    ['/api/v1/bodies', { key: 'x', acronym: 'X', name: 'X', membership: 'open' }],
    ['/api/v1/consultations/ai-public-policy/publish', {}],
    ['/api/v1/consultations/ai-public-policy/extend', { deadline: isoFromNow(365 * 86400), reason: 'x' }],
    ['/api/v1/documents', { symbol: 'C22/99', body: 'council', title: 'X', date: '2022-01-01', source_kind: 'other', access: 'public', status: 'issued' }],
    ['/api/v1/stakeholder-types', { key: 'x', label: { en: 'X' } }],
    ['/api/v1/users', { email: 'z@example.int', name: 'Z', role: 'admin', password: PASSWORD }],
  ];
  const reads = ['/api/v1/consultations/ai-public-policy/moderation', '/api/v1/audit', '/api/v1/users',
    '/api/v1/consultations/ai-public-policy/campaigns'];
  for (const [who, client] of [['public', participant], ['delegate', delegate], ['chair', chair]]) {
    for (const path of reads) assert.equal((await client.fetch(path)).status, 403, `${who} GET ${path}`);
    for (const [path, body] of writes) assert.equal((await client.json(path, body)).status, 403, `${who} POST ${path}`);
    const admin = await client.fetch('/en/admin');
    assert.equal(admin.status, 403, `${who} /en/admin`);
    const home = await (await client.fetch('/en/')).text();
    assert.ok(!home.includes('/en/admin"'), `${who}: no link to the secretariat's desk`);
    // They may sign out.
  }
  assert.equal((await anon.fetch('/api/v1/consultations/ai-public-policy/moderation')).status, 401);

  // A role change is audited with before and after, and takes effect at once.
  const changed = await staff.json(`/api/v1/users/${delegateUser.id}/role`, { role: 'public' });
  assert.equal(changed.status, 200, await changed.clone().text());
  assert.equal((await delegate.fetch(`/api/v1/documents/${restricted.id}`)).status, 404);
  const audit = await jsonOf(staff.fetch('/api/v1/audit'));
  const entry = audit.items.find((e) => e.action === 'user.role' && e.object_id === delegateUser.id);
  assert.ok(entry, 'the role change is audited');
  assert.equal(entry.user, ADMIN.email, 'the audit log names the e-mail of the user who acted');
  const csv = await (await staff.fetch('/api/v1/audit?format=csv')).text();
  assert.match(csv, new RegExp(`^${entry.id},[^,]+,${ADMIN.email.replace(/\./g, '\\.')},user\\.role,`, 'm'));
  assert.match(entry.before, /"role":"delegate"/);
  assert.match(entry.after, /"role":"public"/);
  assert.ok(audit.items.some((e) => e.action === 'user.add' && /"member_state":"CH"/.test(e.after)));

  const out = await participant.fetch('/api/v1/logout', { method: 'POST' });
  assert.equal(out.status, 200);
});

test('no e-mail address of these tests appears on a public page or in the public API', async () => {
  const anon = new Client(server.url);
  const addresses = ['ana.sousa@example.org', 'li.wei@example.net', 'retry.me@example.net', 'delegate.ch@example.int'];
  const paths = ['/en/', '/en/consultations', '/en/consultations/ai-public-policy', '/zh/consultations/ai-public-policy/responses',
    '/api/v1/consultations/ai-public-policy', '/api/v1/consultations/ai-public-policy/responses?per_page=200',
    '/api/v1/consultations/ai-public-policy/statistics', '/api/v1/search?q=Internet', '/en/signup', '/en/login'];
  for (const p of paths) {
    const text = await (await anon.fetch(p)).text();
    for (const a of addresses) assert.ok(!text.includes(a), `${a} on ${p}`);
  }
});

test('the sign-up, verification and confirmation pages are valid HTML', async () => {
  const validator = new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'long-title': 'off' } });
  const anon = new Client(server.url);
  for (const path of ['/en/signup', '/ar/signup', '/zh/signup', '/en/login', '/en/verify?token=bad', '/fr/confirm?token=bad']) {
    const res = await anon.fetch(path);
    assert.ok([200, 400].includes(res.status), `${path}: ${res.status}`);
    const report = await validator.validateString(await res.text());
    const messages = report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId} line ${m.line}: ${m.message}`));
    assert.deepEqual(messages, [], `${path} is not valid HTML`);
  }
});
