// The mail a respondent gets when their response is published or rejected, through a real SMTP
// sink on loopback (tests/lib/smtp.mjs, as mail.test.mjs uses it). Four people answer the open
// demo consultation: one in Chinese and one in Arabic who confirm their address, one in English
// who does not, one in French who confirms and is left waiting. The secretariat accepts the
// Chinese and English responses together, publishes the accepted ones, and rejects the Arabic one
// with a reason: the Chinese respondent gets one mail in Chinese saying it is published, with the
// link to the published responses; the Arabic respondent one mail in Arabic with the reason; the
// unconfirmed address, the one left waiting and the demo's own respondents get nothing but their
// confirmation mails; no mail names another respondent or carries their answers. Rejecting again
// sends nothing more. The sentences are the catalogues' (web/messages/*.json), typed here by hand.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort, startSink, mails } from '../lib/smtp.mjs';
import { startServer, Client, jsonOf } from '../lib/server.mjs';

const CONSULTATION = 'ai-public-policy';
let server, sink, dir, file, staff, anon;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'plenary-moderation-mail-'));
  file = join(dir, 'mail.jsonl');
  const port = await freePort();
  sink = await startSink(port, file);
  server = await startServer({ args: ['--smtp-host', '127.0.0.1', '--smtp-port', String(port),
    '--mail-from', 'plenary@example.int', '--mail-retry-seconds', '1', '--smtp-timeout', '5',
    '--public-url', 'https://plenary.example.int'] });
  staff = await new Client(server.url).login();
  anon = new Client(server.url);
});
after(async () => {
  await server?.stop();
  await sink?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

// A mail's body with its lines ended by LF (SMTP ends them CR LF), without the last line end.
const lines = (body) => body.replace(/\r\n/g, '\n').trim();

// The mails to `to` so far.
const mailsTo = (to) => mails(file).filter((m) => m.rcpt_tos.includes(to));

// The first mail to `to` whose subject matches `subject`, waiting at most 20 s.
async function waitForMail(to, subject) {
  const end = Date.now() + 20000;
  while (Date.now() < end) {
    const m = mailsTo(to).find((x) => subject.test(x.subject));
    if (m) return m;
    await sleep(100);
  }
  throw new Error(`no mail to ${to} matching ${subject}; got ${JSON.stringify(mails(file).map((x) => [x.rcpt_tos, x.subject]))}`);
}

// Waits until the server's outbox has sent everything queued (every mail is then in the sink's
// file: the sink writes a mail before it answers 250).
async function outboxEmpty() {
  const end = Date.now() + 20000;
  let pending;
  do {
    const text = await (await anon.fetch('/metrics')).text();
    const m = text.match(/^plenary_mail_outbox_pending (\d+)$/m);
    assert.ok(m, 'plenary_mail_outbox_pending is on /metrics');
    pending = Number(m[1]);
    if (pending === 0) return;
    await sleep(100);
  } while (Date.now() < end);
  assert.equal(pending, 0, 'the outbox is sent within 20 s');
}

const PEOPLE = {
  zh: { name: '王晓梅', organization: '绿色网络实验室', country: 'CN', email: 'wang.xiaomei@example.cn',
    answers: { 1: '人工智能可以帮助发展中国家改善网络管理。' }, confirm: true },
  ar: { name: 'ليلى حداد', organization: 'شبكة المجتمع المدني', country: 'JO', email: 'layla.haddad@example.org',
    answers: { 1: 'ينبغي للاتحاد أن يساعد البلدان النامية على بناء قدراتها.' }, confirm: true },
  en: { name: 'Samuel Okafor', organization: 'Lagos Internet Forum', country: 'NG', email: 'samuel.okafor@example.org',
    answers: { 1: 'Open standards matter more than new rules.' }, confirm: false },
  fr: { name: 'Élodie Marchand', organization: 'Réseau Alpin', country: 'FR', email: 'elodie.marchand@example.fr',
    answers: { 1: 'La transparence de la modération automatique est prioritaire.' }, confirm: true },
};
const REASON = 'The response repeats another one word for word.';

test('the respondent is told in their language when published or rejected, and nobody else', async () => {
  const c = await jsonOf(staff.fetch(`/api/v1/consultations/${CONSULTATION}`));
  const demo = (await jsonOf(staff.fetch(`/api/v1/consultations/${CONSULTATION}/moderation?per_page=200`))).items;
  assert.ok(demo.some((r) => r.email && r.confirmed && r.status === 'received'),
    'the demo has a waiting response with a confirmed address (which must get nothing)');

  // Each answers in their language; the confirmed ones follow their confirmation mail's link.
  const ref = {}, id = {};
  for (const [lang, p] of Object.entries(PEOPLE)) {
    const receipt = await jsonOf(anon.json(`/api/v1/consultations/${CONSULTATION}/responses?lang=${lang}`, {
      name: p.name, organization: p.organization, country: p.country, stakeholder_type: 'civil_society',
      email: p.email, language: lang, answers: p.answers, consent_publish: true }), 201);
    ref[lang] = receipt.reference;
    const confirmation = await waitForMail(p.email, /./);
    assert.ok(confirmation.body.includes(receipt.reference), `${lang}: the confirmation mail names the reference`);
    if (p.confirm) {
      const link = confirmation.body.match(/https?:\/\/\S+token=[A-Za-z0-9._-]+/);
      assert.ok(link, `${lang}: the confirmation mail has its link`);
      const u = new URL(link[0]);
      assert.equal((await anon.fetch(u.pathname + u.search)).status, 303, `${lang}: the link confirms`);
    }
  }
  await outboxEmpty();
  const before = mails(file).length;
  const queue = (await jsonOf(staff.fetch(`/api/v1/consultations/${CONSULTATION}/moderation?per_page=200`))).items;
  for (const lang of Object.keys(PEOPLE)) {
    const r = queue.find((x) => x.reference === ref[lang]);
    assert.ok(r, `${lang}: the response is in the queue`);
    assert.equal(r.confirmed, PEOPLE[lang].confirm, `${lang}: confirmed as the test chose`);
    id[lang] = r.id;
  }

  // Accepted (not yet published): nobody is told anything.
  assert.deepEqual(await jsonOf(staff.json(`/api/v1/consultations/${CONSULTATION}/moderate`,
    { action: 'accept', responses: [id.zh, id.en] })), { responses: 2, changed: 2 });
  await outboxEmpty();
  assert.deepEqual(mails(file).slice(before).map((m) => [m.rcpt_tos, m.subject]), [], 'accepting sends no mail');

  // Published: the Chinese respondent is told, in Chinese; the unconfirmed English one is not.
  const published = await jsonOf(staff.json(`/api/v1/consultations/${CONSULTATION}/publish`, {}));
  assert.equal(published.published, 2);
  const pub = await waitForMail(PEOPLE.zh.email, /已公布/);
  assert.equal(pub.subject, `您对“${c.titles.zh}”的回复已公布`);
  assert.equal(pub.charset, 'utf-8');
  assert.equal(lines(pub.body),
    `您对磋商“${c.titles.zh}”的回复（编号${ref.zh}）已与其他回复一并公布：\n` +
    `https://plenary.example.int/zh/consultations/${CONSULTATION}/responses\n\n感谢您的参与。`);

  // Rejected, with the reason: the Arabic respondent is told, in Arabic.
  await jsonOf(staff.json(`/api/v1/responses/${id.ar}/reject`, { reason: REASON }));
  const rej = await waitForMail(PEOPLE.ar.email, /لم يُقبل/);
  assert.equal(rej.subject, `لم يُقبل ردك على «${c.titles.ar}»`);
  assert.equal(lines(rej.body),
    `لم يُقبل ردك على المشاورة «${c.titles.ar}» (المرجع ${ref.ar}) للنشر، للسبب التالي:\n${REASON}`);
  // Rejected again (the row's form and the bulk form): nothing more is sent.
  await jsonOf(staff.json(`/api/v1/responses/${id.ar}/reject`, { reason: 'Another reason.' }));
  assert.deepEqual(await jsonOf(staff.json(`/api/v1/consultations/${CONSULTATION}/moderate`,
    { action: 'reject', reason: 'Another reason.', responses: [id.ar] })), { responses: 1, changed: 0 });
  await outboxEmpty();

  // Exactly two mails since the confirmations: one to each, to nobody else, copied to nobody.
  const sent = mails(file).slice(before);
  assert.deepEqual(sent.map((m) => m.rcpt_tos), [[PEOPLE.zh.email], [PEOPLE.ar.email]]);
  for (const m of sent) {
    assert.doesNotMatch(m.raw, /^(Cc|Bcc):/mi, 'no copies');
    const to = m.raw.match(/^To: (.*)$/m);
    assert.ok(to, 'the mail has its To header');
    assert.equal(to[1].trim(), m.rcpt_tos[0]);
  }
  // Neither mail carries anyone's data but the reference of its own recipient: no name,
  // organization, e-mail address, reference or answer of the others, nor the recipient's own
  // answers.
  for (const [m, own] of [[pub, 'zh'], [rej, 'ar']]) {
    for (const [lang, p] of Object.entries(PEOPLE)) {
      for (const value of [p.name, p.organization, ...Object.values(p.answers), ...(lang === own ? [] : [p.email, ref[lang]])])
        assert.ok(!m.raw.includes(value) && !m.body.includes(value), `the ${own} mail does not carry ${JSON.stringify(value)}`);
    }
    for (const r of demo)
      for (const value of [r.name, r.email, r.reference])
        assert.ok(!m.body.includes(value) && !m.raw.includes(value), `the ${own} mail does not carry the demo's ${JSON.stringify(value)}`);
  }
  // What was published is what the Chinese respondent's link shows; the English response too
  // (published, but its unconfirmed address told nothing).
  const list = await jsonOf(anon.fetch(`/api/v1/consultations/${CONSULTATION}/responses?per_page=200`));
  const shown = list.items.map((r) => r.reference);
  assert.ok(shown.includes(ref.zh) && shown.includes(ref.en), 'both accepted responses are published');
  assert.ok(!shown.includes(ref.ar) && !shown.includes(ref.fr), 'the rejected and the waiting ones are not');
});
