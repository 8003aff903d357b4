// Scenario tests: the real server over HTTP, from the demo corpus to a whole consultation cycle.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { execFileSync } from 'node:child_process';
import { startServer, Client, ADMIN, BIN, isoFromNow, dateFromNow, jsonOf } from '../lib/server.mjs';

let server, anon, staff;
before(async () => {
  server = await startServer({ args: ['--max-text-chars', '2000'] });
  anon = new Client(server.url);
  staff = await new Client(server.url).login();
});
after(async () => { await server?.stop(); });

// Sends raw bytes and returns what the server answered before closing.
function rawRequest(base, text) {
  const { hostname, port } = new URL(base);
  return new Promise((ok, fail) => {
    const sock = net.connect(Number(port), hostname, () => sock.write(text));
    let out = '';
    sock.on('data', (d) => { out += d; });
    sock.on('end', () => ok(out));
    sock.on('error', fail);
    sock.setTimeout(10000, () => { sock.destroy(); ok(out); });
  });
}

const respondent = (extra = {}) => ({
  name: 'Amina Diallo', organization: 'Réseau numérique', job_title: 'Policy lead',
  country: 'SN', stakeholder_type: 'civil_society', email: 'amina.diallo@example.net',
  language: 'fr', answers: { 1: 'Une réponse à la première question.' }, consent_publish: true, ...extra,
});

async function countResponses(key) {
  return (await jsonOf(staff.fetch(`/api/v1/consultations/${key}/moderation?per_page=1`))).total;
}

test('the statistics page lists countries in the order of their names in the reader\'s language', async () => {
  // A client of its own: reading a page in a language keeps that language for its later answers.
  const reader = new Client(server.url);
  for (const lang of ['en', 'zh', 'ar', 'ru']) {
    const page = await (await reader.fetch(`/${lang}/consultations/environment/statistics`)).text();
    const tables = [...page.matchAll(/<table>\s*<caption>([^<]*)<\/caption>([\s\S]*?)<\/table>/g)];
    const countries = tables.find((t) => />(Brazil|巴西|البرازيل|Бразилия)</.test(t[2]));
    assert.ok(countries, `${lang}: the countries table`);
    const names = [...countries[2].matchAll(/<th scope="row"[^>]*>([^<]*)</g)].map((m) => m[1]);
    assert.ok(names.length >= 10, `${lang}: ${names.length} countries`);
    assert.deepEqual(names, [...names].sort(new Intl.Collator(lang).compare), `${lang}: sorted by name`);
  }
});

test('the statistics page labels its columns as a reader expects, a response outside every region included', async () => {
  // Antarctica is in no ITU region and no UN M49 region.
  await jsonOf(anon.json('/api/v1/consultations/ai-public-policy/responses', respondent({ country: 'AQ', email: 'aq@example.net' })), 201);
  const stats = await jsonOf(anon.fetch('/api/v1/consultations/ai-public-policy/statistics'));
  assert.ok(stats.responses.by_region.unknown >= 1, JSON.stringify(stats.responses.by_region));
  assert.ok(stats.responses.by_m49_region.unknown >= 1, JSON.stringify(stats.responses.by_m49_region));
  // Written by hand: the header of the language column, and the row of no region.
  const words = { en: ['Language', 'No region'], zh: ['语文', '无区域'], ar: ['اللغة', 'بلا منطقة'] };
  for (const [lang, [language, none]] of Object.entries(words)) {
    const page = await (await new Client(server.url).fetch(`/${lang}/consultations/ai-public-policy/statistics`)).text();
    const heads = [...page.matchAll(/<thead><tr><th scope="col">([^<]*)<\/th>/g)].map((m) => m[1]);
    assert.equal(heads.length, 5, lang);
    assert.equal(heads[4], language, `${lang}: the language column`);
    const rows = [...page.matchAll(/<th scope="row"[^>]*>([^<]*)<\/th>/g)].map((m) => m[1]);
    assert.equal(rows.filter((r) => r === none).length, 2, `${lang}: in both tables of regions: ${rows.join(', ')}`);
    assert.ok(!rows.includes('unknown'), `${lang}: no code shown as a label`);
  }
});

test('the demo corpus reproduces the Chair\'s report figures', async () => {
  const list = await jsonOf(anon.fetch('/api/v1/consultations'));
  assert.deepEqual(list.items.map((c) => c.key).sort(), ['ai-public-policy', 'covid19', 'environment']);
  for (const item of list.items) for (const f of ['id', 'title', 'status', 'opens_at', 'deadline']) assert.ok(f in item, f);
  const env = await jsonOf(anon.fetch('/api/v1/consultations/environment/statistics'));
  assert.equal(env.responses.total, 20);
  assert.deepEqual(
    [env.responses.by_stakeholder_type.government, env.responses.by_stakeholder_type.private_sector,
      env.responses.by_stakeholder_type.industry_association, env.responses.by_stakeholder_type.civil_society,
      env.responses.by_stakeholder_type.international_organization], [3, 5, 2, 6, 2]);
  assert.deepEqual({ r: env.meeting.registered, a: env.meeting.attended }, { r: 111, a: 60 });
  const sum = (o) => Object.values(o).reduce((a, b) => a + b, 0);
  assert.equal(sum(env.responses.by_region), 20);
  assert.equal(sum(env.responses.by_country), 20);
  assert.equal(sum(env.responses.by_language), 20);
  const covid = await jsonOf(anon.fetch('/api/v1/consultations/covid19/statistics'));
  assert.equal(covid.responses.total, 17);
  assert.deepEqual(covid.responses.by_stakeholder_type.government, 5);
  assert.deepEqual(covid.responses.by_stakeholder_type.civil_society, 10);
  assert.deepEqual({ r: covid.meeting.registered, a: covid.meeting.attended }, { r: 150, a: 75 });
});

test('the report paragraph is generated in English and Chinese from the data', async () => {
  const en = await (await anon.fetch('/api/v1/consultations/environment/report?lang=en')).text();
  assert.match(en, /20 responses from stakeholders and regions \(3 from governments, 5 from companies, 2 from industry associations, 6 from civil society entities and 2 from international organizations\)/);
  assert.match(en, /111 registered participants and more than 60 active participants/);
  assert.match(en, /11 January 2022/);
  assert.match(en, /was held from October to December 2021\./u);
  const zh = await (await anon.fetch('/api/v1/consultations/environment/report?lang=zh')).text();
  assert.ok(zh.includes('20份回复（来自3个政府、5个公司、2个行业协会、6个民间社会实体和2个国际组织）'), zh);
  assert.ok(zh.includes('有111名注册与会者和60多名积极的与会者参加'), zh);
  assert.ok(zh.includes('2021年10月至12月'), zh);
  assert.ok(zh.includes('第十次虚拟公开磋商会议'), zh);
  const covid = await (await anon.fetch('/api/v1/consultations/covid19/report?lang=en')).text();
  assert.match(covid, /17 responses .*\(5 from governments, 1 from a company, 10 from civil society entities and 1 from an international organization\)/);
  assert.match(covid, /more than 150 registered participants and more than 75 active participants/);
  const bad = await anon.fetch('/api/v1/consultations/environment/report?lang=xx');
  assert.equal(bad.status, 400);
});

test('a response is received with a reference, and is not public before moderation', async () => {
  const before = await countResponses('ai-public-policy');
  const res = await anon.json('/api/v1/consultations/ai-public-policy/responses', respondent());
  assert.equal(res.status, 201);
  const receipt = await res.json();
  assert.match(receipt.reference, /^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  assert.equal(receipt.status, 'received');
  assert.equal(await countResponses('ai-public-policy'), before + 1);
  const got = await jsonOf(anon.fetch(`/api/v1/receipts/${receipt.reference}`));
  assert.equal(got.status, 'received');
  const pub = await jsonOf(anon.fetch('/api/v1/consultations/ai-public-policy/responses'));
  assert.ok(!pub.items.some((r) => r.reference === receipt.reference));
});

test('a response without a stated language keeps the language it is written in', async () => {
  const body = respondent({ language: undefined, answers: { 1: 'Les centres de données devraient utiliser des énergies renouvelables et réduire leur consommation.' } });
  delete body.language;
  const { reference } = await jsonOf(anon.json('/api/v1/consultations/ai-public-policy/responses', body));
  const queue = await jsonOf(staff.fetch('/api/v1/consultations/ai-public-policy/moderation?per_page=200'));
  const mine = queue.items.find((r) => r.reference === reference);
  assert.equal(mine.language, 'fr');
});

test('bad input is refused with the field and the rule, and writes nothing', async () => {
  const url = '/api/v1/consultations/ai-public-policy/responses';
  const cases = [
    [respondent({ name: '' }), 400, 'name'],
    [respondent({ email: 'not-an-address' }), 400, 'email'],
    [respondent({ country: 'XX' }), 400, 'country'],
    [respondent({ stakeholder_type: 'alien' }), 400, 'stakeholder_type'],
    [respondent({ stakeholder_type: 'not_stated' }), 400, 'stakeholder_type'],
    [respondent({ language: 'de' }), 400, 'language'],
    [respondent({ answers: {}, general: '' }), 400, 'answers'],
    [respondent({ answers: { 9: 'x' } }), 400, 'answers.9'],
    [respondent({ answers: { 1: 'x'.repeat(2001) } }), 413, 'answers.1'],
    [respondent({ consent_publish: 'yes' }), 400, 'consent_publish'],
    [respondent({ name: 42 }), 400, 'name'],
  ];
  const before = await countResponses('ai-public-policy');
  for (const [body, status, field] of cases) {
    const res = await anon.json(url, body);
    assert.equal(res.status, status, JSON.stringify(body));
    const err = (await res.json()).error;
    assert.equal(err.field, field);
    assert.ok(err.message.startsWith(field), err.message);
  }
  const malformed = await anon.json(url, '{"name": ');
  assert.equal(malformed.status, 400);
  assert.match((await malformed.json()).error.message, /body: malformed JSON/);
  const notFound = await anon.json('/api/v1/consultations/no-such-thing/responses', respondent());
  assert.equal(notFound.status, 404);
  const closed = await anon.json('/api/v1/consultations/covid19/responses', respondent());
  assert.equal(closed.status, 409);
  assert.match((await closed.json()).error.message, /deadline .* has passed/);
  // A body announced larger than the server's limit is refused before it is read.
  const big = await rawRequest(server.url, `POST ${url} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n` +
    `Content-Length: ${64 * 1024 * 1024}\r\n\r\n{`);
  assert.match(big, /^HTTP\/1.1 413 /);
  assert.match(big, /request body: larger than the limit/);
  assert.equal(await countResponses('ai-public-policy'), before);
});

test('a retried submission with the same Idempotency-Key returns the first receipt', async () => {
  const before = await countResponses('ai-public-policy');
  const headers = { 'idempotency-key': 'retry-' + Date.now() };
  const first = await anon.fetch('/api/v1/consultations/ai-public-policy/responses',
    { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(respondent()) });
  const second = await anon.fetch('/api/v1/consultations/ai-public-policy/responses',
    { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(respondent()) });
  assert.equal(first.status, 201);
  assert.equal(second.status, 200);
  const a = await first.json(), b = await second.json();
  assert.equal(a.reference, b.reference);
  assert.equal(b.replayed, true);
  assert.equal(await countResponses('ai-public-policy'), before + 1);
});

test('attachments are judged by their content, and their number and size are limited', async () => {
  const url = '/api/v1/consultations/ai-public-policy/responses';
  const form = (files) => {
    const f = new FormData();
    for (const [k, v] of Object.entries({ name: 'Kenji Sato', country: 'JP', stakeholder_type: 'academia_technical',
      email: 'k.sato@example.org', general: 'See the attached paper.', consent_publish: 'yes' })) f.append(k, v);
    for (const [name, bytes, type] of files) f.append('attachments', new Blob([bytes], { type }), name);
    return f;
  };
  const pdf = '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n';
  const ok = await anon.fetch(url, { method: 'POST', body: form([['paper.pdf', pdf, 'application/pdf'],
    ['notes.txt', 'Plain notes.\n', 'text/plain']]) });
  assert.equal(ok.status, 201, await ok.clone().text());
  // An executable renamed to .pdf is refused, whatever its name and declared type say.
  const elf = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, ...new Array(56).fill(0)]);
  const before = await countResponses('ai-public-policy');
  const bad = await anon.fetch(url, { method: 'POST', body: form([['paper.pdf', elf, 'application/pdf']]) });
  assert.equal(bad.status, 400);
  assert.match((await bad.json()).error.message, /attachments: "paper.pdf" is .*only PDF, DOCX, ODT and plain text/);
  const many = await anon.fetch(url, { method: 'POST',
    body: form([1, 2, 3, 4, 5, 6].map((i) => [`n${i}.txt`, `note ${i}\n`, 'text/plain'])) });
  assert.equal(many.status, 413);
  assert.equal(await countResponses('ai-public-policy'), before);
});

test('the secretariat runs a consultation from creation to follow-up', async () => {
  // Not signed in: 401 for the API; wrong CSRF: 403.
  assert.equal((await anon.json('/api/v1/consultations', {})).status, 401);
  const noCsrf = new Client(server.url);
  await noCsrf.login();
  noCsrf.csrf = 'wrong';
  assert.equal((await noCsrf.json('/api/v1/bodies', { key: 'x1', acronym: 'X', name: 'X', membership: 'open' })).status, 403);

  const day = dateFromNow(30);  // the meeting, a month ahead
  const meeting = await jsonOf(staff.json('/api/v1/meetings', { body: 'cwg-internet', kind: 'open_consultation', number: 11,
    title: { en: '11th open consultation meeting' }, starts_on: day.iso, timezone: 'Europe/Zurich', mode: 'hybrid' }));
  assert.ok(meeting.id, JSON.stringify(meeting));
  const badMeeting = await staff.json('/api/v1/meetings', { body: 'cwg-internet', number: 12, starts_on: '2022-02-30', mode: 'virtual' });
  assert.equal(badMeeting.status, 400);
  assert.equal((await badMeeting.json()).error.field, 'starts_on');

  const created = await staff.json('/api/v1/consultations', {
    key: 'scenario-1', body: 'cwg-internet', launched_at_meeting: 3, meeting: meeting.id,
    title: { en: 'Scenario consultation', zh: '情景磋商' }, description: 'Testing the whole cycle.',
    questions: [{ en: 'First question?' }, 'Second question?'],
    opens_at: isoFromNow(-3600), deadline: isoFromNow(-60), timezone: 'Europe/Zurich' });
  assert.equal(created.status, 201);
  const c = await created.json();
  assert.equal(c.status, 'closed');
  assert.equal((await anon.json(`/api/v1/consultations/${c.id}/responses`, respondent())).status, 409);

  // Extending the deadline reopens it and records why.
  const earlier = await staff.json(`/api/v1/consultations/${c.id}/extend`, { deadline: isoFromNow(-7200), reason: 'x' });
  assert.equal(earlier.status, 400);
  const ext = await staff.json(`/api/v1/consultations/${c.id}/extend`, { deadline: isoFromNow(3600), reason: { en: 'More time was requested.' } });
  assert.equal(ext.status, 200);
  const extended = await ext.json();
  assert.equal(extended.status, 'open');
  assert.equal(extended.deadline_history.length, 1);
  assert.equal(extended.deadline_history[0].reason, 'More time was requested.');

  const submit = async (extra) => (await jsonOf(anon.json(`/api/v1/consultations/${c.id}/responses`, respondent(extra)))).reference;
  const keep = await submit({ answers: { 1: 'Call me at +41 22 730 5111 please.', 2: 'Second answer.' } });
  const spam = await submit({ name: 'Spammer', email: 'spam@example.com' });
  const secret = await submit({ name: 'Private Person', email: 'private@example.com', consent_publish: false });

  const queue = await jsonOf(staff.fetch(`/api/v1/consultations/${c.id}/moderation`));
  const id = (ref) => queue.items.find((r) => r.reference === ref).id;
  assert.equal((await staff.json(`/api/v1/responses/${id(spam)}/reject`, {})).status, 400);
  assert.equal((await staff.json(`/api/v1/responses/${id(spam)}/reject`, { reason: 'Advertising' })).status, 200);
  const redacted = await staff.json(`/api/v1/responses/${id(keep)}/redact`, { replacements: { 1: 'Call me at [phone removed] please.' } });
  assert.equal(redacted.status, 200);
  for (const ref of [keep, secret]) assert.equal((await staff.json(`/api/v1/responses/${id(ref)}/accept`, {})).status, 200);
  const published = await jsonOf(staff.json(`/api/v1/consultations/${c.id}/publish`, {}));
  assert.equal(published.published, 1);

  const pub = await jsonOf(anon.fetch(`/api/v1/consultations/${c.id}/responses`));
  assert.deepEqual(pub.items.map((r) => r.reference), [keep]);
  assert.equal(pub.items[0].answers['1'], 'Call me at [phone removed] please.');
  assert.equal(pub.items[0].redacted, true);
  assert.ok(!JSON.stringify(pub).includes('@'), 'no e-mail in published responses');
  assert.ok(!JSON.stringify(pub).includes('+41 22'), 'redacted text gone');

  // Registration and attendance of its meeting, imported from a Zoom export.
  const reg = await staff.json(`/api/v1/meetings/${meeting.id}/registrations`,
    { name: 'Amina Diallo', organization: 'Réseau numérique', stakeholder_type: 'civil_society', country: 'SN', email: 'amina.diallo@example.net' });
  assert.equal(reg.status, 201);
  await jsonOf(staff.json(`/api/v1/meetings/${meeting.id}/registrations`,
    { name: 'Kwame Mensah', stakeholder_type: 'government', country: 'GH', email: 'kwame@example.org' }));
  const zoom = '\ufeffMeeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants\r\n' +
    `812 3456 7890,11th open consultation meeting,${day.us} 12:55:00 PM,${day.us} 03:05:00 PM,host@example.int,130,3\r\n\r\n` +
    'Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest\r\n' +
    `Amina Diallo (Amina),amina.diallo@example.net,${day.us} 01:00:00 PM,${day.us} 01:40:00 PM,40,Yes\r\n` +
    `"Diallo, Amina",AMINA.DIALLO@example.net,${day.us} 01:45:00 PM,${day.us} 03:00:00 PM,75,Yes\r\n` +
    `Observer Without Email,,${day.us} 01:00:00 PM,${day.us} 02:00:00 PM,60,Yes\r\n`;
  const imp = await staff.fetch(`/api/v1/meetings/${meeting.id}/attendance`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: zoom });
  assert.equal(imp.status, 200);
  const result = await imp.json();
  assert.deepEqual({ rows: result.rows, persons: result.persons, attended: result.attended, matched: result.matched_registrations },
    { rows: 3, persons: 2, attended: 2, matched: 1 });
  // Importing the same export again counts nobody twice.
  assert.equal((await jsonOf(staff.fetch(`/api/v1/meetings/${meeting.id}/attendance`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: zoom }))).attended, 2);
  const regs = await jsonOf(staff.fetch(`/api/v1/meetings/${meeting.id}/registrations`));
  const kwame = regs.items.find((r) => r.name === 'Kwame Mensah');
  assert.equal((await staff.json(`/api/v1/meetings/${meeting.id}/attendance`, { registration_id: kwame.id })).status, 200);
  const badCsv = await staff.fetch(`/api/v1/meetings/${meeting.id}/attendance`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: 'a,b\n1,2\n' });
  assert.equal(badCsv.status, 400);
  assert.equal((await badCsv.json()).error.field, 'file');

  const stats = await jsonOf(anon.fetch(`/api/v1/consultations/${c.id}/statistics`));
  assert.deepEqual(stats.meeting, { registered: 2, attended: 3, registered_more_than: false, attended_more_than: false });
  assert.equal(stats.responses.total, 2);
  assert.equal(stats.responses.by_status.rejected, 1);
  assert.equal(stats.responses.by_region.D, 2);
  assert.equal(stats.responses.by_language.fr, 2);
  const csv = await anon.fetch(`/api/v1/consultations/${c.id}/statistics.csv`);
  assert.match(csv.headers.get('content-type'), /^text\/csv/);
  const csvText = await csv.text();
  assert.match(csvText, /^dimension,key,count\r\nresponses,total,2\r\n/);
  assert.ok(!csvText.includes('@'));

  // Summary and follow-up show on the consultation, for the respondents to see.
  // The summary is saved while open, and made public by publishing the results once closed.
  assert.equal((await jsonOf(staff.json(`/api/v1/consultations/${c.id}/summary`, { summary: { en: 'Participants discussed.' } }))).status, 'open');
  assert.equal((await jsonOf(staff.json(`/api/v1/consultations/${c.id}/close`, {}))).status, 'closed');
  assert.equal((await jsonOf(staff.json(`/api/v1/consultations/${c.id}/publish-results`, {}))).status, 'published');
  const fu = await staff.json(`/api/v1/consultations/${c.id}/follow-up`, { meeting: 3, number: '2.9.1', kind: 'consider_responses',
    owner: { en: 'Directors of the Bureaux' }, text: { en: 'The Directors are invited to consider the responses.' } });
  assert.equal(fu.status, 201);
  const badKind = await staff.json(`/api/v1/consultations/${c.id}/follow-up`, { meeting: 3, number: '2.9.2', kind: 'nonsense', owner: 'x', text: 'y' });
  assert.equal(badKind.status, 400);
  const final = await jsonOf(anon.fetch(`/api/v1/consultations/${c.id}`));
  assert.equal(final.status, 'published');
  assert.equal(final.summary, 'Participants discussed.');
  assert.deepEqual(final.follow_up.map((f) => f.number), ['2.9.1']);
  const page = await (await anon.fetch(`/en/consultations/${c.id}`)).text();
  assert.ok(page.includes('The Directors are invited to consider the responses.'));
  assert.ok(page.includes('More time was requested.'));
  const report = await (await anon.fetch(`/api/v1/consultations/${c.id}/report?lang=en`)).text();
  assert.match(report, /2 responses .*\(2 from civil society entities\)/);
  assert.match(report, /with 2 registered participants and 3 active participants/);
});

test('the stakeholder taxonomy is configurable by an administrator only', async () => {
  const res = await staff.json('/api/v1/stakeholder-types', { key: 'parliament', label: { en: 'Parliament', zh: '议会' } });
  assert.equal(res.status, 201);
  const types = await jsonOf(anon.fetch('/api/v1/stakeholder-types?lang=zh'));
  assert.ok(types.items.some((t) => t.key === 'parliament' && t.label === '议会' && t.selectable));
  assert.equal((await anon.json('/api/v1/consultations/ai-public-policy/responses', respondent({ stakeholder_type: 'parliament' }))).status, 201);
  assert.equal((await staff.json('/api/v1/stakeholder-types', { key: 'parliament', label: 'Again' })).status, 409);
  assert.equal((await staff.json('/api/v1/stakeholder-types', { key: 'Bad Key', label: 'x' })).status, 400);
  // A secretariat (not admin) account is refused with 403.
  execFileSync(BIN, ['--db', server.db, 'user', 'add', '--email', 'clerk@example.int', '--name', 'Clerk', '--role', 'secretariat'],
    { env: { ...process.env, PLENARY_PASSWORD: 'another long passphrase' } });
  const clerk = await new Client(server.url).login({ email: 'clerk@example.int', password: 'another long passphrase' });
  const refused = await clerk.json('/api/v1/stakeholder-types', { key: 'media', label: 'Media' });
  assert.equal(refused.status, 403);
  assert.equal((await refused.json()).error.field, undefined);
  const wrongPassword = await new Client(server.url).json('/api/v1/login', { email: 'clerk@example.int', password: 'wrong password!' });
  const noAccount = await new Client(server.url).json('/api/v1/login', { email: 'nobody@example.int', password: 'wrong password!' });
  assert.equal(wrongPassword.status, 401);
  assert.equal(noAccount.status, 401);
  assert.deepEqual(await wrongPassword.json(), await noAccount.json());
});

test('no e-mail address appears in any public page, API answer or CSV', async () => {
  const paths = ['/', '/en/consultations', '/en/bodies', '/en/meetings', '/api/v1/consultations', '/api/v1/bodies', '/api/v1/meetings'];
  for (const key of ['covid19', 'environment', 'ai-public-policy']) {
    paths.push(`/en/consultations/${key}`, `/zh/consultations/${key}`, `/en/consultations/${key}/responses`,
      `/en/consultations/${key}/statistics`, `/api/v1/consultations/${key}`, `/api/v1/consultations/${key}/responses?per_page=200`,
      `/api/v1/consultations/${key}/statistics`, `/api/v1/consultations/${key}/statistics.csv`);
  }
  for (let m = 1; m <= 5; m++) paths.push(`/en/meetings/${m}`, `/api/v1/meetings/${m}`);
  const emailLike = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;
  for (const p of paths) {
    const res = await anon.fetch(p);
    assert.equal(res.status, 200, p);
    const body = await res.text();
    assert.ok(!emailLike.test(body), `${p} shows ${body.match(emailLike)?.[0]}`);
  }
});

test('pages: language prefixes, the closed form, login redirect, CSRF and size', async () => {
  const en = await anon.fetch('/en/consultations/ai-public-policy');
  assert.equal(en.status, 200);
  const html = await en.text();
  assert.match(html, /<html lang="en" dir="ltr">/);
  assert.match(html, /<form method="post" action="\/en\/consultations\/3\/responses" enctype="multipart\/form-data"/);
  assert.ok(Buffer.byteLength(html) < 50 * 1024, `consultation page is ${Buffer.byteLength(html)} bytes`);
  assert.match(await (await anon.fetch('/zh/consultations/environment')).text(), /<html lang="zh" dir="ltr">[\s\S]*互联网的环境影响和惠益/);
  assert.match(await (await anon.fetch('/ar/consultations/environment')).text(), /<html lang="ar" dir="rtl">/);
  const closed = await (await anon.fetch('/en/consultations/covid19')).text();
  assert.match(closed, /class="notice" role="status">The deadline of .* has passed/);
  assert.ok(!closed.includes('name="answer_1"'));
  const admin = await anon.fetch('/en/admin');
  assert.equal(admin.status, 303);
  assert.match(admin.headers.get('location'), /^\/en\/login\?next=/);
  // A form post without the CSRF token is refused and stores nothing.
  const before = await countResponses('ai-public-policy');
  const f = new FormData();
  for (const [k, v] of Object.entries({ name: 'No Token', country: 'FR', stakeholder_type: 'individual', email: 'nt@example.org', answer_1: 'x' })) f.append(k, v);
  const post = await new Client(server.url).fetch('/en/consultations/ai-public-policy/responses', { method: 'POST', body: f });
  assert.equal(post.status, 403);
  assert.equal(await countResponses('ai-public-policy'), before);
  const missing = await anon.fetch('/en/consultations/999999');
  assert.equal(missing.status, 404);
  assert.match(await missing.text(), /<html lang="en"/);
  const apiMissing = await anon.fetch('/api/v1/consultations/999999');
  assert.equal(apiMissing.status, 404);
  assert.equal((await apiMissing.json()).error.code, 'not_found');
  const headers = (await new Client(server.url).fetch('/en/')).headers;
  assert.match(headers.get('content-security-policy'), /frame-ancestors 'none'/);
  assert.match(headers.getSetCookie().join(';'), /plenary_csrf=[^;]+; Path=\/; HttpOnly; SameSite=Lax/);
});

test('the response form works as a plain HTML form post, and a double submit is stored once', async () => {
  const client = new Client(server.url);
  const page = await (await client.fetch('/en/consultations/ai-public-policy')).text();
  const csrf = page.match(/name="csrf" value="([^"]+)"/)[1];
  const token = page.match(/name="form_token" value="([^"]+)"/)[1];
  const before = await countResponses('ai-public-policy');
  const post = async () => {
    const f = new FormData();
    for (const [k, v] of Object.entries({ csrf, form_token: token, name: 'Lucía Gómez', country: 'AR',
      stakeholder_type: 'government', email: 'lucia@example.org', language: 'es', answer_2: 'Respuesta.', consent_publish: 'yes' })) f.append(k, v);
    return client.fetch('/en/consultations/ai-public-policy/responses', { method: 'POST', body: f });
  };
  const first = await post();
  assert.equal(first.status, 303);
  const location = first.headers.get('location');
  assert.match(location, /^\/en\/receipts\/[A-Z0-9]{4}-[A-Z0-9]{4}\/r\.[^/]+$/);
  // The replay leads to the same response's receipt. Its link is signed again, with an expiry
  // counted from the replay, so only the reference is compared, and both links must open it.
  const second = await post();
  assert.equal(second.status, 303);
  const again = second.headers.get('location');
  const reference = location.split('/')[3];
  assert.equal(again.split('/')[3], reference);
  assert.equal(await countResponses('ai-public-policy'), before + 1);
  for (const link of [location, again]) {
    const opened = await client.fetch(link);
    assert.equal(opened.status, 200, link);
    assert.ok((await opened.text()).includes(reference));
  }
  // Bad input re-renders the form with the message and the typed values.
  const f = new FormData();
  for (const [k, v] of Object.entries({ csrf, name: 'Lucía Gómez', country: 'ZZ', stakeholder_type: 'government', email: 'lucia@example.org', answer_1: 'Texto' })) f.append(k, v);
  const bad = await client.fetch('/en/consultations/ai-public-policy/responses', { method: 'POST', body: f });
  assert.equal(bad.status, 400);
  const badHtml = await bad.text();
  assert.match(badHtml, /<a href="#country">Choose a country from the list\.<\/a>/);
  // In another language the refusal is in that language, not the use case's English.
  const fr = await client.fetch('/fr/consultations/ai-public-policy/responses', { method: 'POST', body: f });
  assert.equal(fr.status, 400);
  assert.match(await fr.text(), /<a href="#country">Choisissez un pays dans la liste\.<\/a>/);
  assert.match(badHtml, /value="Lucía Gómez"/);
});

test('user text is escaped in pages', async () => {
  const xss = '<script>alert(1)</script>"><img src=x onerror=alert(2)>';
  const ref = (await jsonOf(anon.json('/api/v1/consultations/ai-public-policy/responses',
    respondent({ name: xss, organization: xss, answers: { 1: xss } })), 201)).reference;
  const queue = await jsonOf(staff.fetch('/api/v1/consultations/ai-public-policy/moderation?per_page=200'));
  const id = queue.items.find((r) => r.reference === ref).id;
  await jsonOf(staff.json(`/api/v1/responses/${id}/accept`, {}));
  await jsonOf(staff.json('/api/v1/consultations/ai-public-policy/publish', {}));
  const html = await (await anon.fetch('/en/consultations/ai-public-policy/responses?per_page=200&page=1')).text();
  assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
  assert.ok(!html.includes('<script>alert(1)'));
  assert.ok(!html.includes('<img src=x'));
  const desk = await (await staff.fetch('/en/admin/consultations/ai-public-policy')).text();
  assert.ok(!desk.includes('<script>alert(1)'));
});
