// Scenario test of editing a consultation (PATCH /api/v1/consultations/{id} and the desk's form
// /admin/consultations/{id}/edit): everything until the first response, then corrections only,
// each refusal naming its field and rule and changing nothing, each edit audited with the old
// values; the desk form shows a refusal in the reader's language and keeps what was typed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, jsonOf, isoFromNow, dateFromNow } from '../lib/server.mjs';

let server, staff, anon, consultationMeeting, plenary;
before(async () => {
  server = await startServer({ demo: false });
  staff = await new Client(server.url).login();
  anon = new Client(server.url);
  await jsonOf(staff.json('/api/v1/bodies', { key: 'wg', acronym: 'WG', name: { en: 'Working group' },
    membership: 'open' }), 201);
  consultationMeeting = await jsonOf(staff.json('/api/v1/meetings', { body: 'wg', kind: 'open_consultation', number: 3,
    title: { en: '3rd open consultation meeting' }, starts_on: dateFromNow(10).iso, timezone: 'Europe/Zurich', mode: 'virtual' }));
  plenary = await jsonOf(staff.json('/api/v1/meetings', { body: 'wg', kind: 'working_group', number: 7,
    title: { en: '7th meeting' }, starts_on: dateFromNow(-10).iso, timezone: 'Europe/Zurich', mode: 'physical' }));
});
after(async () => { await server?.stop(); });

const patch = (id, body) => staff.fetch(`/api/v1/consultations/${id}`, { method: 'PATCH',
  headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const get = async (id, lang = 'en') => jsonOf(staff.fetch(`/api/v1/consultations/${id}?lang=${lang}`));
const refusal = async (res, code, field, words) => {
  const body = await res.json();
  assert.equal(res.status, code, JSON.stringify(body));
  assert.equal(body.error.field, field, JSON.stringify(body));
  assert.match(body.error.message, words);
};
const edits = async (id) => (await jsonOf(staff.fetch('/api/v1/audit?limit=200'))).items
  .filter((e) => e.action === 'consultation.edit' && e.object_id === id);
// What a refused edit must leave as it was.
const snapshot = async (id) => {
  const c = await get(id);
  return JSON.stringify([c.title, c.description, c.questions, c.opens_at, c.deadline, c.timezone, c.meeting_id,
    c.launched_at_meeting, c.status]);
};
const form = (client, path, fields) => client.fetch(path, { method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams({ csrf: client.csrf, ...fields }).toString() });
const answer = (id) => anon.json(`/api/v1/consultations/${id}/responses`, { name: 'Ama Owusu', country: 'GH',
  stakeholder_type: 'civil_society', email: 'ama@example.net', language: 'en', answers: { 1: 'An answer.' } });

async function create(key, opensIn = -3600) {
  return jsonOf(staff.json('/api/v1/consultations', { key, body: 'wg', title: { en: 'Draft topic', fr: 'Sujet' },
    description: { en: 'What it is about.' }, questions: [{ en: 'First?' }, { en: 'Second?' }],
    opens_at: isoFromNow(opensIn), deadline: isoFromNow(7 * 86400), timezone: 'UTC' }), 201);
}

test('before its first response, everything changes; the status only by its own actions', async () => {
  const c = await create('before-responses', 86400);
  assert.equal(c.status, 'upcoming');
  const opens = isoFromNow(2 * 86400), deadline = isoFromNow(20 * 86400);
  const edited = await jsonOf(patch(c.id, { title: { en: 'Better topic', zh: '更好的议题' },
    questions: [{ en: 'Only question?' }, { en: 'Second?' }, { en: 'Third, added?' }],
    timezone: 'Asia/Shanghai', opens_at: opens, deadline, meeting: consultationMeeting.id, launched_at_meeting: plenary.id }));
  assert.equal(edited.title, 'Better topic');
  assert.deepEqual(edited.questions.map((q) => q.text), ['Only question?', 'Second?', 'Third, added?']);
  assert.equal(edited.timezone, 'Asia/Shanghai');
  assert.equal(edited.opens_at, opens);
  assert.equal(edited.deadline, deadline);
  assert.equal(edited.meeting_id, consultationMeeting.id);
  assert.equal(edited.launched_at_meeting.id, plenary.id);
  assert.equal((await get(c.id, 'zh')).title, '更好的议题');
  assert.equal((await get(c.id, 'fr')).title, 'Better topic', 'the French title went with the whole field');

  // The audit entry keeps the old values of what changed, and only those.
  const [entry] = await edits(c.id);
  const was = JSON.parse(entry.before), now = JSON.parse(entry.after);
  assert.deepEqual(was.title, { en: 'Draft topic', fr: 'Sujet' });
  assert.deepEqual(was.questions, [{ en: 'First?' }, { en: 'Second?' }]);
  assert.equal(was.timezone, 'UTC');
  assert.equal(was.meeting, null);
  assert.equal(now.meeting, consultationMeeting.id);
  assert.equal(now.had_responses, false);
  assert.ok(!('description' in was), 'the description did not change');

  // Removing a question is fine before any response.
  const fewer = await jsonOf(patch(c.id, { questions: [{ en: 'Only question?' }] }));
  assert.equal(fewer.questions.length, 1);

  // Refusals: each names its field and rule, and changes nothing.
  const before = await snapshot(c.id);
  const count = (await edits(c.id)).length;
  await refusal(await patch(c.id, { opens_at: isoFromNow(-60) }), 409, 'opens_at', /would make the consultation open/);
  await refusal(await patch(c.id, { deadline: isoFromNow(3600) }), 400, 'deadline', /must be after opens_at/);
  await refusal(await patch(c.id, { title: { en: '' } }), 400, 'title', /required/);
  await refusal(await patch(c.id, { title: 'New title', questions: [] }), 400, 'questions', /at least one/);
  await refusal(await patch(c.id, { timezone: 'Mars/Olympus' }), 400, 'timezone', /IANA/);
  await refusal(await patch(c.id, { opens_at: '31/12/2027' }), 400, 'opens_at', /YYYY-MM-DDTHH:MM/);
  await refusal(await patch(c.id, { meeting: plenary.id }), 400, 'meeting', /open_consultation/);
  await refusal(await patch(c.id, { launched_at_meeting: 99999 }), 400, 'launched_at_meeting', /no such meeting/);
  await refusal(await patch(c.id, { title: { xx: 'Bad' } }), 400, 'title', /unknown language/);
  assert.equal((await patch(99999, { title: 'Nothing' })).status, 404);
  // Not staff: no edit.
  const delegate = new Client(server.url);
  assert.equal((await delegate.fetch(`/api/v1/consultations/${c.id}`, { method: 'PATCH',
    headers: { 'content-type': 'application/json' }, body: '{"title":"x"}' })).status, 401);
  assert.equal(await snapshot(c.id), before);
  assert.equal((await edits(c.id)).length, count, 'no audit entry for a refused edit');

  // An edit that changes nothing writes nothing; unlinking the meeting is an edit.
  await jsonOf(patch(c.id, { title: { en: 'Better topic', zh: '更好的议题' } }));
  assert.equal((await edits(c.id)).length, count);
  assert.equal((await jsonOf(patch(c.id, { meeting: null }))).meeting_id, null);
});

test('an open consultation: closing it by its deadline is refused', async () => {
  const c = await create('open-no-response');
  assert.equal(c.status, 'open');
  await refusal(await patch(c.id, { deadline: isoFromNow(-60) }), 409, 'deadline', /would make the consultation closed/);
  await refusal(await patch(c.id, { opens_at: isoFromNow(3600) }), 409, 'opens_at', /would make the consultation upcoming/);
  const later = isoFromNow(30 * 86400);
  assert.equal((await jsonOf(patch(c.id, { deadline: later }))).deadline, later);
  assert.equal((await get(c.id)).status, 'open');
});

test('after the first response, corrections only, with a reason, audited', async () => {
  const c = await create('with-responses');
  assert.equal((await answer(c.id)).status, 201);
  const before = await snapshot(c.id);
  const count = (await edits(c.id)).length;
  await refusal(await patch(c.id, { title: 'Fixed typo' }), 400, 'reason', /required/);
  await refusal(await patch(c.id, { questions: [{ en: 'First?' }], reason: 'Too many.' }), 409, 'questions',
    /reworded, not added or removed/);
  await refusal(await patch(c.id, { questions: [{ en: 'First?' }, { en: 'Second?' }, { en: 'Third?' }], reason: 'x' }),
    409, 'questions', /not added or removed/);
  await refusal(await patch(c.id, { deadline: isoFromNow(30 * 86400), reason: 'More time.' }), 409, 'deadline',
    /has responses.*extending/);
  await refusal(await patch(c.id, { opens_at: isoFromNow(-7200), reason: 'x' }), 409, 'opens_at', /has responses/);
  await refusal(await patch(c.id, { timezone: 'Europe/Zurich', reason: 'x' }), 409, 'timezone', /has responses/);
  // A refusal in the middle of a good edit leaves the good part undone too.
  await refusal(await patch(c.id, { title: 'Fixed typo', timezone: 'Europe/Zurich', reason: 'Typo.' }), 409, 'timezone',
    /has responses/);
  assert.equal(await snapshot(c.id), before);
  assert.equal((await edits(c.id)).length, count);

  // A correction: wording, with its reason; the old wording stays in the audit log.
  const fixed = await jsonOf(patch(c.id, { title: { en: 'Draft topic, corrected', fr: 'Sujet' },
    questions: [{ en: 'First question?' }, { en: 'Second?' }], reason: { en: 'Typo in the title.' },
    opens_at: (await get(c.id)).opens_at }));
  assert.equal(fixed.title, 'Draft topic, corrected');
  assert.equal(fixed.questions[0].text, 'First question?');
  assert.equal(fixed.questions[0].number, 1);
  const [entry] = await edits(c.id);
  assert.deepEqual(JSON.parse(entry.before).title, { en: 'Draft topic', fr: 'Sujet' });
  assert.deepEqual(JSON.parse(entry.before).questions[0], { en: 'First?' });
  assert.deepEqual(JSON.parse(entry.after).reason, { en: 'Typo in the title.' });
  assert.equal(JSON.parse(entry.after).had_responses, true);
  assert.ok(!('opens_at' in JSON.parse(entry.before)), 'the same opening is no change');
  // The response still answers question 1.
  const moderation = await jsonOf(staff.fetch(`/api/v1/consultations/${c.id}/moderation`));
  assert.equal(moderation.items[0].answers['1'], 'An answer.');
  // The consultation meeting is linked without a reason: it changes nothing respondents saw.
  assert.equal((await jsonOf(patch(c.id, { meeting: consultationMeeting.id }))).meeting_id, consultationMeeting.id);
});

test('the desk form: filled from the consultation, a refusal in the reader\'s language keeps what was typed', async () => {
  const c = await create('desk-form', 86400);
  let page = await (await staff.fetch(`/zh/admin/consultations/${c.id}/edit`)).text();
  assert.match(page, /<input type="text" id="e-title-en" name="title_en" lang="en" dir="ltr" maxlength="500" value="Draft topic">/);
  assert.match(page, /id="e-title-fr"[^>]*value="Sujet"/);
  assert.match(page, /<textarea id="e-q-2-en"[^>]*>Second\?<\/textarea>/);
  assert.match(page, /id="e-q-3-ar"[^>]*dir="rtl"/, 'a blank question to add, before the first response');
  assert.match(page, /id="e-opens"[^>]*value="\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d)?"/);
  const desk = await (await staff.fetch(`/en/admin/consultations/${c.id}`)).text();
  assert.match(desk, new RegExp(`href="/en/admin/consultations/${c.id}/edit"`));

  const opens = /id="e-opens"[^>]*value="([^"]+)"/.exec(page)[1];
  const fields = { title_en: 'Typed title', title_zh: '输入的标题', description_en: 'Typed description.',
    q1_en: 'First?', q2_en: 'Second?', q3_zh: '第三个问题？', opens_at: opens, deadline: opens.slice(0, 10) + 'T00:00',
    timezone: 'UTC', launched_at_meeting: '', meeting: String(consultationMeeting.id), reason: '' };
  const before = await snapshot(c.id);
  let res = await form(staff, `/zh/admin/consultations/${c.id}/edit`, fields);
  assert.equal(res.status, 400);
  page = await res.text();
  assert.match(page, /“截止日期”须晚于“开始日期”|“[^”]+”须晚于“[^”]+”/);
  assert.match(page, /<a href="#e-deadline">/, 'the summary links to the field');
  assert.match(page, /id="e-deadline"[^>]*aria-invalid="true" aria-describedby="e-deadline-error"/);
  assert.doesNotMatch(page, /must be after|opens_at:/, 'no English rule or field code on a Chinese page');
  assert.match(page, /value="Typed title"/);
  assert.match(page, /value="输入的标题"/);
  assert.match(page, />第三个问题？<\/textarea>/);
  assert.match(page, /<option value="\d+" selected>/, 'the meeting chosen stays chosen');
  assert.equal(await snapshot(c.id), before);

  // Corrected, the same form saves and leads back to the desk page.
  res = await form(staff, `/zh/admin/consultations/${c.id}/edit`, { ...fields, deadline: isoFromNow(9 * 86400).slice(0, 16) });
  assert.equal(res.status, 303);
  assert.match(res.headers.get('location'), new RegExp(`^/zh/admin/consultations/${c.id}\\?done=consultation_edited$`));
  const saved = await get(c.id);
  assert.equal(saved.title, 'Typed title');
  assert.deepEqual(saved.questions.map((q) => q.texts), [{ en: 'First?' }, { en: 'Second?' }, { zh: '第三个问题？' }]);
  assert.equal(saved.meeting_id, consultationMeeting.id);
  assert.equal(saved.description, 'Typed description.');

  // After a response, the dates are read-only and a correction without a reason is refused (Arabic).
  await jsonOf(staff.json(`/api/v1/consultations/${c.id}/open`, {}));
  assert.equal((await answer(c.id)).status, 201);
  page = await (await staff.fetch(`/ar/admin/consultations/${c.id}/edit`)).text();
  assert.match(page, /id="e-opens"[^>]*readonly/);
  assert.doesNotMatch(page, /id="e-q-4-en"/, 'no question to add after the first response');
  // What the browser sends: the inputs' values, not the unticked boxes marking a text a draft.
  const current = Object.fromEntries([...page.matchAll(/name="([a-z0-9_]+)"[^>]*value="([^"]*)"/g)]
    .filter((m) => !m[1].includes('_draft_')).map((m) => [m[1], m[2]]));
  res = await form(staff, `/ar/admin/consultations/${c.id}/edit`, { ...current, description_en: 'Typed description.', q1_en: 'First question?', q2_en: 'Second?',
    q3_zh: '第三个问题？', title_en: 'Typed title, corrected', reason: '' });
  assert.equal(res.status, 400);
  page = await res.text();
  // Named as the form labels it ("سبب التصحيح": reason for the correction), not "السبب".
  assert.match(page, /<a href="#e-reason">الحقل «سبب التصحيح» إلزامي\.<\/a>/);
  assert.match(page, /value="Typed title, corrected"/);
  assert.equal((await get(c.id)).title, 'Typed title');
  // Removing a question after responses: 409, in Arabic.
  res = await form(staff, `/ar/admin/consultations/${c.id}/edit`, { ...current, description_en: 'Typed description.', q1_en: 'First?', q2_en: 'Second?',
    q3_zh: '', reason: 'سبب' });
  assert.equal(res.status, 409);
  assert.match(await res.text(), /لا يمكن إضافة أي سؤال أو حذفه/);
  res = await form(staff, `/ar/admin/consultations/${c.id}/edit`, { ...current, description_en: 'Typed description.', q1_en: 'First question?', q2_en: 'Second?',
    q3_zh: '第三个问题？', reason: 'خطأ مطبعي' });
  assert.equal(res.status, 303);
  assert.equal((await get(c.id)).questions[0].text, 'First question?');
});
