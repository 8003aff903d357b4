// Following and the daily digest, and forgotten passwords, through a real SMTP sink on loopback
// (tests/lib/smtp.mjs). Participants follow a body from its page (Chinese) and through the API
// (English); the digest run now by the secretariat reaches each in their language with the new
// document, the new open consultation and its deadline; a second run the same day sends
// nothing; a participant whose followed meeting has nothing new gets no mail; after unfollowing
// from the account page nothing more arrives, while `plenary digest --now` the next day, run by
// two processes at once, sends the other participant one digest. Password reset: the same
// answer for an unknown address, the link works once and ends every session, an expired link is
// refused, requests are rate-limited per recipient, and both are audited.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort, startSink, mails } from '../lib/smtp.mjs';
import { startServer, Client, BIN, isoFromNow, jsonOf } from '../lib/server.mjs';

const run = promisify(execFile);
const PASSWORD = 'a long enough password';
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

async function waitForMail(file, to, { ms = 20000, filter = () => true } = {}) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const m = mails(file).find((x) => x.rcpt_tos.includes(to) && filter(x));
    if (m) return m;
    await sleep(100);
  }
  throw new Error(`no mail to ${to} within ${ms} ms; got ${JSON.stringify(mails(file).map((x) => [x.rcpt_tos, x.subject]))}`);
}
const mailsTo = (file, to) => mails(file).filter((x) => x.rcpt_tos.includes(to));
// The sink keeps the CRLF line ends of SMTP; the tests read lines.
const bodyOf = (mail) => mail.body.replace(/\r\n/g, '\n');

function linkIn(mail) {
  const m = mail.body.match(/https?:\/\/\S+token=[A-Za-z0-9._-]+/);
  assert.ok(m, 'the mail has a link: ' + mail.body);
  const u = new URL(m[0]);
  return u.pathname + u.search;
}

async function csrfOf(client, path) {
  const res = await client.fetch(path);
  assert.equal(res.status, 200, path);
  const html = await res.text();
  const m = html.match(/name="csrf" value="([^"]+)"/);
  assert.ok(m, `${path} has a CSRF field`);
  return { csrf: m[1], html };
}

async function participant(staff, email, name) {
  await jsonOf(staff.json('/api/v1/users', { email, name, role: 'public', password: PASSWORD }), 201);
  return new Client(staff.base).login({ email, password: PASSWORD });
}

let server, sink, dir, file, staff;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'plenary-follow-'));
  file = join(dir, 'mail.jsonl');
  const port = await freePort();
  sink = await startSink(port, file);
  server = await startServer({ args: ['--smtp-host', '127.0.0.1', '--smtp-port', String(port),
    '--mail-from', 'plenary@example.int', '--mail-retry-seconds', '1', '--smtp-timeout', '5',
    '--digest-hour', '-1', '--public-url', 'https://plenary.example.int',
    '--logins-per-ip-per-minute', '0', '--logins-per-account-per-minute', '0',
    '--signups-per-recipient-per-minute', '0'] });
  staff = await new Client(server.url).login();
});
after(async () => {
  await server?.stop();
  await sink?.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('follow, the digest in two languages, once a day, nothing when empty, unfollow stops it', async () => {
  const li = await participant(staff, 'li.na@example.cn', '李娜');
  const ann = await participant(staff, 'ann.berg@example.se', 'Ann Berg');
  const quiet = await participant(staff, 'quiet@example.org', 'Quiet Reader');

  // Li follows CWG-Internet from its page in Chinese: the button is a form of the page.
  const { csrf, html } = await csrfOf(li, '/zh/bodies/cwg-internet');
  assert.match(html, /<form method="post" action="\/zh\/follow"/);
  assert.match(html, /<button type="submit" id="follow-button">关注<\/button>/);
  const kind = html.match(/action="\/zh\/follow"[^]*?name="kind" value="([^"]+)"[^]*?name="id" value="(\d+)"/);
  assert.ok(kind, 'the follow form names what it follows');
  assert.equal(kind[1], 'body');
  let res = await li.fetch('/zh/follow', { method: 'POST', headers: FORM,
    body: new URLSearchParams({ csrf, kind: 'body', id: kind[2] }).toString() });
  assert.equal(res.status, 303);
  assert.equal(res.headers.get('location'), '/zh/bodies/cwg-internet');
  const after = await (await li.fetch('/zh/bodies/cwg-internet')).text();
  assert.match(after, /action="\/zh\/unfollow"/);
  assert.match(after, /<button type="submit" id="follow-button" class="secondary">取消关注<\/button>/);
  // Without the page's token: refused (back to a page that says so: follow_errors.test.mjs),
  // nothing followed.
  const quietBefore = (await jsonOf(quiet.fetch('/api/v1/follows'))).items.length;
  res = await quiet.fetch('/en/follow', { method: 'POST', headers: FORM,
    body: new URLSearchParams({ csrf: 'forged', kind: 'body', id: kind[2] }).toString() });
  assert.equal(res.status, 303);
  assert.equal((await jsonOf(quiet.fetch('/api/v1/follows'))).items.length, quietBefore);

  // Ann follows the same body through the API; bad input names the field.
  let bad = await ann.json('/api/v1/follows', { kind: 'planet', id: 'cwg-internet' });
  assert.equal(bad.status, 400);
  assert.equal((await bad.json()).error.field, 'kind');
  bad = await ann.json('/api/v1/follows', { kind: 'consultation', id: 'no-such-consultation' });
  assert.equal(bad.status, 404);
  const followed = await jsonOf(ann.json('/api/v1/follows', { kind: 'body', id: 'cwg-internet', language: 'en' }), 201);
  assert.equal(followed.kind, 'body');
  assert.equal(followed.key, 'cwg-internet');
  assert.equal(followed.path, '/bodies/cwg-internet');
  const anon = await new Client(server.url).json('/api/v1/follows', { kind: 'body', id: 'cwg-internet' });
  assert.equal(anon.status, 401);

  // Quiet follows a meeting of another body, where nothing will happen.
  const meetings = await jsonOf(staff.fetch('/api/v1/meetings'));
  const other = meetings.items.find((m) => m.body.key !== 'cwg-internet');
  assert.ok(other, 'the demo has a meeting of another body');
  await jsonOf(quiet.json('/api/v1/follows', { kind: 'meeting', id: other.id, language: 'fr' }), 201);

  // The account page lists what Li follows.
  const account = await (await li.fetch('/zh/account')).text();
  assert.match(account, /<h2>我关注的内容<\/h2>/);
  assert.match(account, /href="\/zh\/bodies\/cwg-internet"/);
  const list = await jsonOf(ann.fetch('/api/v1/follows'));
  assert.deepEqual(list.items.map((i) => [i.kind, i.key]), [['body', 'cwg-internet']]);

  // What is new: a public document and an open consultation whose deadline is in three days.
  const doc = await jsonOf(staff.json('/api/v1/documents', { symbol: 'C22/INF/811', body: 'cwg-internet',
    date: '2026-02-01', source_kind: 'secretariat', access: 'public', status: 'issued',
    title: { en: 'Internet exchange points in developing countries', zh: '发展中国家的互联网交换点' } }), 201);
  const hidden = await jsonOf(staff.json('/api/v1/documents', { symbol: 'C22/INF/812', body: 'cwg-internet',
    date: '2026-02-01', source_kind: 'secretariat', access: 'secretariat', status: 'issued',
    title: { en: 'Internal note on budgets' } }), 201);
  const consultation = await jsonOf(staff.json('/api/v1/consultations', { key: 'ixp-2027', body: 'cwg-internet',
    title: { en: 'Internet exchange points', zh: '互联网交换点' }, questions: [{ en: 'What helps?' }],
    opens_at: isoFromNow(-60), deadline: isoFromNow(3 * 86400), timezone: 'Europe/Zurich' }), 201);

  // A decision recorded on a new agenda item of one of the body's meetings.
  const cwg = meetings.items.find((m) => m.body.key === 'cwg-internet');
  assert.ok(cwg, 'the demo has a meeting of CWG-Internet');
  const item = await jsonOf(staff.json(`/api/v1/meetings/${cwg.id}/agenda`, { number: '9',
    title: { en: 'Report on exchange points', zh: '关于交换点的报告' }, documents: ['C22/INF/811'] }), 201);
  await jsonOf(staff.json(`/api/v1/agenda-items/${item.id}/decisions`, { kind: 'took_note' }), 201);

  // A digest covers whole seconds up to the one before it runs.
  await sleep(1100);
  const before = mails(file).length;
  const first = await jsonOf(staff.json('/api/v1/digest', {}));
  assert.deepEqual(first, { sent: 2, empty: 1, already: 0 });

  const zh = await waitForMail(file, 'li.na@example.cn', { filter: (m) => m.subject.includes('最新动态') });
  assert.equal(zh.subject, '您在Plenary关注内容的最新动态');
  assert.match(bodyOf(zh), /^李娜，您好：/);
  assert.match(bodyOf(zh), /新文件\n- C22\/INF\/811：发展中国家的互联网交换点\n  https:\/\/plenary\.example\.int\/zh\/documents\/C22\/INF\/811\n/);
  assert.match(bodyOf(zh), new RegExp(`新的公开磋商\\n- 互联网交换点（截止日期：[^）]+）\\n  https://plenary\\.example\\.int/zh/consultations/${consultation.id}\\n`));
  assert.match(bodyOf(zh), /一周内的截止日期\n- 互联网交换点（截止日期：/);
  assert.match(bodyOf(zh), /https:\/\/plenary\.example\.int\/zh\/account/);
  assert.doesNotMatch(bodyOf(zh), /C22\/INF\/812/, 'a restricted document is never in a digest');
  assert.match(bodyOf(zh), new RegExp(`决定\\n- [^\\n]+，议项9（关于交换点的报告）：记录在案\\n  https://plenary\\.example\\.int/zh/meetings/${cwg.id}/record\\n`));

  const en = await waitForMail(file, 'ann.berg@example.se', { filter: (m) => m.subject.includes('What is new') });
  assert.equal(en.subject, 'What is new in what you follow on Plenary');
  assert.match(bodyOf(en), /^Hello Ann Berg,/);
  assert.match(bodyOf(en), /New documents\n- C22\/INF\/811: Internet exchange points in developing countries\n  https:\/\/plenary\.example\.int\/en\/documents\/C22\/INF\/811\n/);
  assert.match(bodyOf(en), /New open consultations\n- Internet exchange points \(deadline: /);
  assert.match(bodyOf(en), /Deadlines within a week\n- Internet exchange points \(deadline: /);
  assert.doesNotMatch(bodyOf(en), /Internal note/);
  assert.match(bodyOf(en), new RegExp(`Decisions\\n- [^\\n]+, agenda item 9 \\(Report on exchange points\\): Took note\\n  https://plenary\\.example\\.int/en/meetings/${cwg.id}/record\\n`));
  assert.equal(hidden.symbol, 'C22/INF/812');
  assert.equal(doc.symbol, 'C22/INF/811');

  // The same day again: nobody gets a second digest.
  const second = await jsonOf(staff.json('/api/v1/digest', {}));
  assert.deepEqual(second, { sent: 0, empty: 1, already: 2 });
  await sleep(1500);
  assert.equal(mails(file).length, before + 2, 'two digests, no more');
  assert.equal(mailsTo(file, 'quiet@example.org').length, 0, 'an empty digest is not sent');

  // Li unfollows from the account page; Ann does not.
  const page = await csrfOf(li, '/zh/account');
  res = await li.fetch('/zh/unfollow', { method: 'POST', headers: FORM,
    body: new URLSearchParams({ csrf: page.csrf, kind: 'body', id: kind[2], from: 'account' }).toString() });
  assert.equal(res.status, 303);
  assert.equal(res.headers.get('location'), '/zh/account');
  assert.match(await (await li.fetch('/zh/account')).text(), /您还没有关注任何内容。/);

  await jsonOf(staff.json('/api/v1/documents', { symbol: 'C22/INF/813', body: 'cwg-internet',
    date: '2026-02-02', source_kind: 'secretariat', access: 'public', status: 'issued',
    title: { en: 'Second note on exchange points', zh: '关于交换点的第二份说明' } }), 201);

  // The next day, two processes run the digest at once: Ann gets one digest, Li none.
  const tomorrow = isoFromNow(86400);
  const outs = await Promise.all([1, 2].map(() => run(BIN, ['digest', '--db', server.db, '--now', tomorrow])));
  const sent = outs.map(({ stdout }) => Number(stdout.match(/^(\d+) digest\(s\) sent/)[1]));
  assert.equal(sent[0] + sent[1], 1, `one digest between the two runs: ${outs.map((o) => o.stdout).join(' | ')}`);
  const next = await waitForMail(file, 'ann.berg@example.se', { filter: (m) => m.body.includes('C22/INF/813') });
  assert.doesNotMatch(bodyOf(next), /C22\/INF\/811/, 'each digest covers the time since the last one');
  assert.doesNotMatch(bodyOf(next), /Deadlines within a week/, 'a deadline is announced once');
  await sleep(1500);
  assert.equal(mailsTo(file, 'ann.berg@example.se').length, 2);
  assert.equal(mailsTo(file, 'li.na@example.cn').length, 1, 'no digest after unfollowing');

  // Follows and unfollows are audited.
  const audit = await jsonOf(staff.fetch('/api/v1/audit'));
  assert.ok(audit.items.some((e) => e.action === 'follow.add' && e.object_type === 'body'));
  assert.ok(audit.items.some((e) => e.action === 'follow.remove' && e.object_type === 'body'));
});

test('forgotten password: same answer for an unknown address, the link works once, sessions end', async () => {
  const email = 'reset.me@example.org';
  const other = await participant(staff, email, 'Reset Me');  // a session on another device
  assert.equal((await other.fetch('/api/v1/follows')).status, 200);

  // The sign-in page offers it.
  assert.match(await (await new Client(server.url).fetch('/en/login')).text(), /<a href="\/en\/password\/forgot">Forgot your password\?<\/a>/);

  const ask = async (address) => {
    const c = new Client(server.url);
    const { csrf } = await csrfOf(c, '/en/password/forgot');
    const r = await c.fetch('/en/password/forgot', { method: 'POST', headers: FORM,
      body: new URLSearchParams({ csrf, email: address }).toString() });
    assert.equal(r.status, 200);
    return (await r.text()).match(/<main[^]*<\/main>/)[0].replace(/name="csrf" value="[^"]+"/g, '');
  };
  const known = await ask(email);
  const unknown = await ask('nobody.here@example.org');
  assert.equal(known, unknown, 'the same page whether or not the address has an account');
  assert.match(known, /If an account has this address, a mail with a link is on its way\. The link works once, within 30 minutes\./);
  const apiKnown = await new Client(server.url).json('/api/v1/password/forgot', { email: 'nobody.here@example.org' });
  assert.equal(apiKnown.status, 202);
  assert.deepEqual(await apiKnown.json(), { status: 'reset_sent' });
  const badEmail = await new Client(server.url).json('/api/v1/password/forgot', { email: 'not an address' });
  assert.equal(badEmail.status, 400);
  assert.equal((await badEmail.json()).error.field, 'email');

  const mail = await waitForMail(file, email, { filter: (m) => m.subject === 'Reset your Plenary password' });
  assert.match(mail.body, /open this link within 30 minutes/);
  const link = linkIn(mail);
  assert.match(link, /^\/en\/password\/reset\?token=[A-Za-z0-9_-]{43}$/);
  await sleep(500);
  assert.equal(mailsTo(file, 'nobody.here@example.org').length, 0, 'an unknown address receives nothing');

  // The link opens the form; a short password is refused next to its field, the link kept.
  const browser = new Client(server.url);
  const form = await csrfOf(browser, link);
  assert.match(form.html, /<h1>Choose a new password<\/h1>/);
  const token = form.html.match(/name="token" value="([^"]+)"/)[1];
  const post = (password) => browser.fetch('/en/password/reset', { method: 'POST', headers: FORM,
    body: new URLSearchParams({ csrf: form.csrf, token, password }).toString() });
  let res = await post('short');
  assert.equal(res.status, 400);
  const refused = await res.text();
  assert.match(refused, /aria-invalid="true"/);
  assert.match(refused, /id="password-error"/);
  const NEW = 'a brand new passphrase';
  res = await post(NEW);
  assert.equal(res.status, 200);
  assert.match(await res.text(), /Your password is changed and your account is signed out on every device\./);

  // Every session ended; the old password no longer works, the new one does.
  assert.equal((await other.fetch('/api/v1/follows')).status, 401);
  assert.equal((await new Client(server.url).json('/api/v1/login', { email, password: PASSWORD })).status, 401);
  await new Client(server.url).login({ email, password: NEW });

  // Once only: the link and its token are used up.
  assert.equal((await browser.fetch(link)).status, 400);
  res = await post('yet another passphrase');
  assert.equal(res.status, 400);
  assert.match(await res.text(), /This link is not valid, was already used or has expired\. Ask for a new one\./);
  const again = await new Client(server.url).json('/api/v1/password/reset', { token, password: 'yet another passphrase' });
  assert.equal(again.status, 400);
  assert.equal((await again.json()).error.field, 'token');

  const audit = await jsonOf(staff.fetch('/api/v1/audit'));
  assert.ok(audit.items.some((e) => e.action === 'user.password_reset_request'));
  assert.ok(audit.items.some((e) => e.action === 'user.password_reset' && e.user === email));
});

test('an expired reset link is refused; requests are limited per recipient', async () => {
  const port = await freePort();
  const f = join(dir, 'mail2.jsonl');
  const sink2 = await startSink(port, f);
  const s = await startServer({ args: ['--smtp-host', '127.0.0.1', '--smtp-port', String(port),
    '--mail-retry-seconds', '1', '--smtp-timeout', '5', '--digest-hour', '-1',
    '--password-reset-seconds', '2', '--logins-per-ip-per-minute', '0', '--logins-per-account-per-minute', '0'] });
  try {
    const admin = await new Client(s.url).login();
    const email = 'late@example.org';
    await jsonOf(admin.json('/api/v1/users', { email, name: 'Late Reader', role: 'public', password: PASSWORD }), 201);
    await jsonOf(new Client(s.url).json('/api/v1/password/forgot', { email, language: 'fr' }), 202);
    const mail = await waitForMail(f, email);
    assert.equal(mail.subject, 'Réinitialisez votre mot de passe Plenary');
    const link = linkIn(mail);
    await sleep(2500);
    const c = new Client(s.url);
    const page = await c.fetch(link);
    assert.equal(page.status, 400);
    assert.match(await page.text(), /Ce lien n’est pas valide, a déjà servi ou a expiré\./);
    const token = new URL('http://x' + link).searchParams.get('token');
    const r = await c.json('/api/v1/password/reset', { token, password: 'a brand new passphrase' });
    assert.equal(r.status, 400);
    assert.equal((await r.json()).error.field, 'token');
    await new Client(s.url).login({ email, password: PASSWORD });

    // Default limits: a burst of 5 mails to one recipient, then 429 with Retry-After.
    let limited;
    for (let i = 0; i < 8 && !limited; i += 1) {
      const x = await new Client(s.url).json('/api/v1/password/forgot', { email: 'flooded@example.org' });
      if (x.status === 429) limited = x;
      else assert.equal(x.status, 202);
    }
    assert.ok(limited, 'requests for one recipient are limited');
    assert.ok(Number(limited.headers.get('retry-after')) > 0);
  } finally {
    await s.stop();
    await sink2.stop();
  }
});
