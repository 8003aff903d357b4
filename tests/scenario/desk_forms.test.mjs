// The desk's forms for what the API writes (docs/API.md, "Page forms of the API's writes"):
// each form path once with a success, read back through the API, and once with a refusal
// that must change nothing (the same use case as the API, so the same rules).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, jsonOf, dateFromNow } from '../lib/server.mjs';

let server, staff;

before(async () => {
  server = await startServer();
  staff = await new Client(server.url).login();
});
after(async () => { await server?.stop(); });

// A form post as a browser sends it, with the page's CSRF token (the session's).
function post(client, path, fields) {
  return client.fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrf: client.csrf, ...fields }).toString(),
  });
}

const unescapeHtml = (s) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

// A redirect to `where` (a path prefix) carrying no error.
function assertDone(res, where) {
  assert.equal(res.status, 303, `redirected (got ${res.status})`);
  const location = res.headers.get('location');
  assert.ok(location.startsWith(where), `${location} starts with ${where}`);
  assert.ok(!location.includes('error='), `no error in ${location}`);
  return location;
}

// A redirect back with an error that names `field`, or a page (status) naming it.
async function assertRefused(res, { status, field }) {
  if (res.status === 303) {
    const location = decodeURIComponent(res.headers.get('location'));
    assert.match(location, new RegExp(`error=${field}`), `the error names ${field}: ${location}`);
    return;
  }
  assert.equal(res.status, status, `answered ${status}`);
  const html = await res.text();
  // Named by its label ("“Number”: …") where the catalogue has one: above the form, or in the
  // message next to its field.
  assert.match(html, new RegExp(`class="(?:field-)?error"[^>]*>[^<]*${field}`, 'i'), `the page says why, naming ${field}`);
}

const auditCount = async () =>
  (await jsonOf(staff.fetch('/api/v1/audit'))).items.length;

test('a plenary meeting with its session, from /admin', async () => {
  const before = (await jsonOf(staff.fetch('/api/v1/meetings'))).items.length;
  const bad = await post(staff, '/en/admin/meetings', {
    body: 'council', kind: 'plenary', number: '1', starts_on: dateFromNow(30).iso,
    timezone: 'Europe/Zurich', mode: 'physical', title_en: 'First plenary meeting' });
  await assertRefused(bad, { field: 'session' });
  assert.equal((await jsonOf(staff.fetch('/api/v1/meetings'))).items.length, before, 'nothing created');

  const ok = await post(staff, '/en/admin/meetings', {
    body: 'council', kind: 'plenary', session: 'C27', number: '1', starts_on: dateFromNow(30).iso,
    timezone: 'Europe/Zurich', mode: 'physical', title_en: 'First plenary meeting' });
  assertDone(ok, '/en/admin?done=meeting');
  const items = (await jsonOf(staff.fetch('/api/v1/meetings'))).items;
  assert.equal(items.length, before + 1);
  const m = items.find((x) => x.kind === 'plenary' && x.session === 'C27');
  assert.ok(m, 'the plenary meeting of session C27 is listed');
  assert.equal(m.body.key, 'council');
  assert.equal(m.starts_at, null, 'no start time typed, none stored');

  // The start time (HH:MM in the meeting's zone) and the lower-bound figures, as the API takes them.
  const timed = await post(staff, '/en/admin/meetings', {
    body: 'council', kind: 'plenary', session: 'C27', number: '2', starts_on: dateFromNow(31).iso, starts_at: '09:30',
    timezone: 'Asia/Shanghai', mode: 'hybrid', title_en: 'Second plenary meeting',
    registered_more_than: 'yes', attended_more_than: 'yes' });
  assertDone(timed, '/en/admin?done=meeting');
  const t = (await jsonOf(staff.fetch('/api/v1/meetings'))).items.find((x) => x.session === 'C27' && x.number === 2);
  assert.equal(t.starts_at, '09:30');
  assert.equal(t.timezone, 'Asia/Shanghai');
  const full = await jsonOf(staff.fetch(`/api/v1/meetings/${t.id}`));
  assert.equal(full.registered_more_than, true);
  assert.equal(full.attended_more_than, true);
  const count = (await jsonOf(staff.fetch('/api/v1/meetings'))).items.length;
  await assertRefused(await post(staff, '/en/admin/meetings', {
    body: 'council', kind: 'plenary', session: 'C27', number: '3', starts_on: dateFromNow(32).iso, starts_at: '25:00',
    timezone: 'Asia/Shanghai', mode: 'hybrid', title_en: 'Third plenary meeting' }), { field: 'starts_at' });
  assert.equal((await jsonOf(staff.fetch('/api/v1/meetings'))).items.length, count, 'nothing created');
});

test('a document, its revision and its files, from /admin/documents', async () => {
  const page = await staff.fetch('/zh/admin/documents');
  assert.equal(page.status, 200);
  const html = await page.text();
  for (const l of ['ar', 'zh', 'en', 'fr', 'ru', 'es'])
    assert.match(html, new RegExp(`name="title_${l}"`), `a title field in ${l}`);

  const fields = { symbol: 'C27/5', body: 'council', date: dateFromNow(-1).iso, title_en: 'Financial report',
    title_zh: '财务报告', source_kind: 'secretariat', access: 'public', status: 'issued', relation: 'derived' };
  const created = await post(staff, '/en/admin/documents', fields);
  const location = assertDone(created, '/en/documents/');
  assert.match(location, /\?registered=1$/);
  const doc = await jsonOf(staff.fetch('/api/v1/documents/C27/5'));
  assert.equal(doc.symbol, 'C27/5');
  assert.equal(doc.titles.zh, '财务报告');
  assert.equal(doc.access, 'public');

  // The same symbol again: 409, the form comes back with what was typed, nothing is written.
  const audits = await auditCount();
  const again = await post(staff, '/en/admin/documents', { ...fields, title_en: 'Typed again' });
  assert.equal(again.status, 409);
  const back = await again.text();
  assert.match(back, /value="Typed again"/, 'the typed title is kept');
  assert.match(back, /<p class="field-error" id="d-symbol-error">/, 'the refusal next to the symbol');
  assert.equal(await auditCount(), audits, 'no audit entry: nothing changed');
  assert.equal((await jsonOf(staff.fetch('/api/v1/documents/C27/5'))).titles.en, 'Financial report');

  // No title in any language: 400 naming the title.
  const untitled = await post(staff, '/en/admin/documents', { ...fields, symbol: 'C27/6', title_en: '', title_zh: '' });
  assert.equal(untitled.status, 400);
  assert.equal((await staff.fetch('/api/v1/documents/C27/6')).status, 404, 'not registered');

  // A revision: its relation comes from the symbol.
  const rev = await post(staff, '/en/admin/documents', { ...fields, symbol: 'C27/5(Rev.1)', title_en: 'Financial report (revised)' });
  assertDone(rev, '/en/documents/');
  const revised = await jsonOf(staff.fetch('/api/v1/documents/C27/5(Rev.1)'));
  assert.deepEqual(revised.relations.map((r) => [r.kind, r.symbol]), [['revises', 'C27/5']]);

  // An addendum named by hand; a relation to a document that does not exist is refused.
  const orphan = await post(staff, '/en/admin/documents', { ...fields, symbol: 'C27/7', title_en: 'Addendum',
    relation: 'adds_to', relation_symbol: 'C27/999' });
  assert.equal(orphan.status, 400);
  assert.equal((await staff.fetch('/api/v1/documents/C27/7')).status, 404, 'not registered');

  // Two language files through the document page's form.
  for (const [language, text] of [['en', 'Financial report'], ['zh', '财务报告']]) {
    const form = new FormData();
    form.set('csrf', staff.csrf);
    form.set('language', language);
    form.set('file', new Blob([text + '\n'], { type: 'text/plain' }), `c27-5-${language}.txt`);
    const up = await staff.fetch(`/en/documents/${doc.id}/files`, { method: 'POST', body: form });
    assertDone(up, `/en/documents/${doc.id}?uploaded=${language}`);
  }
  const withFiles = await jsonOf(staff.fetch('/api/v1/documents/C27/5'));
  assert.deepEqual(withFiles.files.map((f) => f.language).sort(), ['en', 'zh']);
});

test('stakeholder types: administrators only, from /admin', async () => {
  const list = async () => (await jsonOf(staff.fetch('/api/v1/stakeholder-types'))).items.map((t) => t.key);
  const before = await list();
  const ok = await post(staff, '/en/admin/stakeholder-types', { key: 'parliament', label_en: 'Parliament', label_fr: 'Parlement' });
  assertDone(ok, '/en/admin?done=stakeholder_type');
  const added = await list();
  assert.equal(added.length, before.length + 1);
  assert.ok(added.includes('parliament') && !before.includes('parliament'), 'parliament added');

  const bad = await post(staff, '/en/admin/stakeholder-types', { key: 'Bad Key', label_en: 'Bad' });
  await assertRefused(bad, { field: 'key' });
  const dup = await post(staff, '/en/admin/stakeholder-types', { key: 'parliament', label_en: 'Again' });
  await assertRefused(dup, { field: 'key' });

  // The secretariat role may not change the taxonomy.
  await jsonOf(staff.json('/api/v1/users', { email: 'sec@example.int', name: 'Sec', role: 'secretariat',
    password: 'another long passphrase' }), 201);
  const sec = await new Client(server.url).login({ email: 'sec@example.int', password: 'another long passphrase' });
  const refused = await post(sec, '/en/admin/stakeholder-types', { key: 'academia2', label_en: 'Academia' });
  await assertRefused(refused, { field: 'role' });
  assert.deepEqual(await list(), added, 'nothing else added');
});

test('a body\'s officers and a meeting\'s report, from /admin/bodies/{key}/officers', async () => {
  const page = await staff.fetch('/ar/admin/bodies/cwg-internet/officers');
  assert.equal(page.status, 200);
  const officers = () => jsonOf(staff.fetch('/api/v1/bodies/cwg-internet/officers'));
  const start = await officers();

  const bad = await post(staff, '/en/admin/bodies/cwg-internet/officers', {
    chair_name: 'A. Chair', chair_ms: 'XX', text_lang: 'en', terms: 'Terms.' });
  assert.equal(bad.status, 400, 'the form shown again with the refusal\'s status');
  assert.match(await bad.text(), /<p class="field-error" id="o-chair-ms-error">/, 'the message next to the chair\'s Member State');
  assert.deepEqual(await officers(), start, 'nothing changed');

  const ok = await post(staff, '/en/admin/bodies/cwg-internet/officers', {
    chair_name: 'Ms A. Chair', chair_ms: 'GH', vice0_name: 'Mr B. Vice', vice0_ms: 'CH',
    secretary_name: 'Ms C. Secretary', support_secretary_general: 'yes', support_general_secretariat: 'yes',
    text_lang: 'fr', terms: 'Examiner les questions de politique publique.' });
  assertDone(ok, '/en/admin/bodies/cwg-internet/officers?done=officers');
  const now = await officers();
  assert.deepEqual(now.chair, { name: 'Ms A. Chair', member_state: 'GH' });
  assert.deepEqual(now.vice_chairs, [{ name: 'Mr B. Vice', member_state: 'CH' }]);
  assert.deepEqual(now.supported_by, ['secretary_general', 'general_secretariat']);
  assert.equal(now.terms_of_reference.fr, 'Examiner les questions de politique publique.');
  // The other languages' terms of reference stay as they were.
  for (const [l, t] of Object.entries(start.terms_of_reference || {}))
    if (l !== 'fr') assert.equal(now.terms_of_reference[l], t, `terms in ${l} kept`);

  // The terms of reference in the six languages at once, each its own field (an empty one
  // removes that language), and the resolutions cited, one a line, in the order typed.
  const html = await (await staff.fetch('/zh/admin/bodies/cwg-internet/officers')).text();
  for (const l of ['ar', 'zh', 'en', 'fr', 'ru', 'es'])
    assert.match(html, new RegExp(`<textarea[^>]*name="terms_${l}"[^>]*lang="${l}"`), `a terms field in ${l}`);
  for (const r of now.references) assert.ok(html.includes(`${r.instrument} ${r.number}\n`), `${r.instrument} ${r.number} shown`);
  const cited = [...now.references].reverse().slice(0, 2);
  const six = await post(staff, '/en/admin/bodies/cwg-internet/officers', {
    chair_name: 'Ms A. Chair', chair_ms: 'GH', terms_en: 'Study public policy.\r\nReport to the Council.', terms_zh: '研究公共政策。',
    terms_ar: '', terms_fr: 'Examiner.', terms_ru: 'Изучать.', terms_es: 'Estudiar.',
    references: cited.map((r) => `${r.instrument.toUpperCase()}/${r.number}`).join('\r\n') + '\r\n' });
  assertDone(six, '/en/admin/bodies/cwg-internet/officers?done=officers');
  const sixNow = await officers();
  assert.deepEqual(sixNow.terms_of_reference, { en: 'Study public policy.\nReport to the Council.', zh: '研究公共政策。', fr: 'Examiner.', ru: 'Изучать.', es: 'Estudiar.' });
  assert.deepEqual(sixNow.references, cited);
  // One paragraph a line, shown again a paragraph a line (saving again keeps them apart).
  const again = await (await staff.fetch('/en/admin/bodies/cwg-internet/officers')).text();
  assert.match(again, /name="terms_en"[^>]*>Study public policy\.\nReport to the Council\.</);
  const badRefs = await post(staff, '/en/admin/bodies/cwg-internet/officers', { chair_name: 'Ms A. Chair', references: 'council 99999' });
  assert.equal(badRefs.status, 400, 'the form shown again with the refusal\'s status');
  assert.match(await badRefs.text(), /<p class="field-error" id="o-refs-error">/, 'the message next to the references');
  assert.deepEqual(await officers(), sixNow, 'nothing changed');
  // As many vice-chair rows as on record plus empty ones, up to the 20 the API allows.
  const twenty = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`vice${i}_name`, `Vice ${i + 1}`]));
  let form = { chair_name: 'Ms A. Chair' };
  for (let n = 0; n < 20; n += 3) {
    const rows = (await (await staff.fetch('/en/admin/bodies/cwg-internet/officers')).text()).match(/name="vice\d+_name"/g).length;
    assert.equal(rows, Math.min(20, n + 3), `${n} vice-chairs on record: ${Math.min(20, n + 3)} rows`);
    form = { ...form, ...Object.fromEntries(Object.entries(twenty).slice(0, Math.min(20, n + 3))) };
    assertDone(await post(staff, '/en/admin/bodies/cwg-internet/officers', form), '/en/admin/bodies/cwg-internet/officers?done=officers');
  }
  assert.equal((await officers()).vice_chairs.length, 20);

  const meetings = (await jsonOf(staff.fetch('/api/v1/meetings'))).items;
  const wg = meetings.find((m) => m.body.key === 'cwg-internet' && m.kind === 'working_group');
  assert.ok(wg, 'a working-group meeting of the group');
  const report = () => jsonOf(staff.fetch(`/api/v1/meetings/${wg.id}/report`));
  const before = await report();
  const badReport = await post(staff, `/en/admin/meetings/${wg.id}/report`, { approved: 'yes', distribution: 'everyone' });
  await assertRefused(badReport, { field: 'distribution' });
  assert.deepEqual(await report(), before, 'nothing changed');
  const okReport = await post(staff, `/en/admin/meetings/${wg.id}/report`, { approved: 'yes', distribution: 'itu_members_and_stakeholders' });
  assertDone(okReport, '/en/admin/bodies/cwg-internet/officers?done=meeting_report');
  assert.deepEqual(await report(), { approved: true, distribution: 'itu_members_and_stakeholders' });
});

// A refused officers form shows again everything typed in it, not what is on record: the
// officers (the vice-chairs too), the offices supporting the body, the terms of reference in each
// language (longer than a redirect could carry) and the resolutions cited.
test('a refused officers form keeps what was typed in every field', async () => {
  const officers = () => jsonOf(staff.fetch('/api/v1/bodies/council/officers'));
  const start = await officers();
  const longTerms = `Typed terms of reference.\r\n${'Typed paragraph of the terms. '.repeat(200).trim()}`;
  const typed = {
    chair_name: 'Typed chair', chair_ms: 'XX', vice0_name: 'Typed first vice-chair', vice0_ms: 'FR',
    vice1_name: 'Typed second vice-chair', vice1_ms: 'GH', secretary_name: 'Typed secretary', secretary_ms: 'CH',
    support_general_secretariat: 'yes', terms_en: longTerms, terms_zh: '打出的职权范围。\r\n第二段。', terms_ar: 'اختصاصات مكتوبة.',
    references: '' };
  // Resolutions in the registry (those the group cites), so that the chair's Member State is what is refused.
  const cited = (await jsonOf(staff.fetch('/api/v1/bodies/cwg-internet/officers'))).references;
  assert.ok(cited.length >= 2, 'resolutions cited by the group');
  typed.references = cited.map((r) => `${r.instrument} ${r.number}`).join('\r\n');
  for (const lang of ['en', 'zh', 'ar']) {
    const res = await post(staff, `/${lang}/admin/bodies/council/officers`, typed);
    assert.equal(res.status, 400, `${lang}: refused with its status`);
    const html = await res.text();
    assert.match(html, /<p class="field-error" id="o-chair-ms-error">/, `${lang}: the message next to the field`);
    const value = (name) => unescapeHtml(html.match(new RegExp(`name="${name}" value="([^"]*)"`))?.[1] ?? '');
    for (const name of ['chair_name', 'chair_ms', 'vice0_name', 'vice0_ms', 'vice1_name', 'vice1_ms', 'secretary_name', 'secretary_ms'])
      assert.equal(value(name), typed[name], `${lang}: ${name} as typed`);
    assert.match(html, /id="o-support-general_secretariat" name="support_general_secretariat" value="yes" checked/, `${lang}: the office ticked stays ticked`);
    assert.doesNotMatch(html, /id="o-support-secretary_general"[^>]* checked/, `${lang}: the office not ticked stays unticked`);
    const area = (name) => unescapeHtml(html.match(new RegExp(`<textarea[^>]*name="${name}"[^>]*>([^<]*)</textarea>`))?.[1] ?? '').replace(/\r\n/g, '\n');
    for (const name of ['terms_en', 'terms_zh', 'terms_ar', 'references'])
      assert.equal(area(name), typed[name].replace(/\r\n/g, '\n'), `${lang}: ${name} as typed, line for line`);
    for (const name of ['terms_fr', 'terms_ru', 'terms_es'])
      assert.equal(area(name), start.terms_of_reference?.[name.slice(-2)] ?? '', `${lang}: ${name}, not sent, as on record`);
  }
  assert.deepEqual(await officers(), start, 'nothing changed');
});

test('candidatures, actions, their events and the signatories, from the agenda and action pages', async () => {
  const meetings = (await jsonOf(staff.fetch('/api/v1/meetings'))).items;
  const plenary = meetings.find((m) => m.kind === 'plenary' && m.session === 'C22' && m.number === 8);
  assert.ok(plenary, 'the demo\'s Council 2022 plenary meeting');
  const agenda = await jsonOf(staff.fetch(`/api/v1/meetings/${plenary.id}/agenda`));
  const item = agenda.items[0];
  assert.ok(item, 'the meeting has an agenda item');
  const itemJson = () => jsonOf(staff.fetch(`/api/v1/agenda-items/${item.id}`));
  const start = await itemJson();

  const badCand = await post(staff, `/en/agenda-items/${item.id}/candidatures`, { post: 'king', candidate: 'X', member_state: 'GH' });
  await assertRefused(badCand, { status: 400, field: 'post' });
  const okCand = await post(staff, `/en/agenda-items/${item.id}/candidatures`,
    { post: 'rrb_member', candidate: 'Ms D. Candidate', member_state: 'GH', election: 'PP-26' });
  assertDone(okCand, `/en/meetings/${plenary.id}/agenda#item-`);
  const withCand = await itemJson();
  assert.equal(withCand.candidatures.length, start.candidatures.length + 1);
  assert.deepEqual(withCand.candidatures.at(-1).candidate, 'Ms D. Candidate');

  const okAction = await post(staff, `/en/agenda-items/${item.id}/actions`,
    { number: '9.9.9', kind: 'report_more', owner: 'Secretariat', text: 'Report on the finances.', due: 'C27', text_lang: 'en' });
  assertDone(okAction, `/en/meetings/${plenary.id}/agenda#item-`);
  const withAction = await itemJson();
  const action = withAction.actions.find((a) => a.number === '9.9.9');
  assert.ok(action, 'the action is under its item');
  assert.equal(action.status, 'open');
  const dupAction = await post(staff, `/en/agenda-items/${item.id}/actions`,
    { number: '9.9.9', kind: 'other', owner: 'X', text: 'Again.', text_lang: 'en' });
  await assertRefused(dupAction, { status: 409, field: 'Action' });  // the form's label of the number
  assert.equal((await itemJson()).actions.length, withAction.actions.length, 'no second action');

  const actionJson = () => jsonOf(staff.fetch(`/api/v1/actions/${action.id}`));
  const badEvent = await post(staff, `/en/actions/${action.id}/events`, { status: 'done', document: 'C99/404', note: '', text_lang: 'en' });
  await assertRefused(badEvent, { status: 400, field: 'document' });
  assert.equal((await actionJson()).status, 'open', 'unchanged');
  const okEvent = await post(staff, `/en/actions/${action.id}/events`,
    { status: 'done', meeting: String(plenary.id), note: 'Reported.', text_lang: 'en' });
  assertDone(okEvent, `/en/actions/${action.id}`);
  const done = await actionJson();
  assert.equal(done.status, 'done');
  assert.equal(done.events.at(-1).note, 'Reported.');

  const record = () => jsonOf(staff.fetch(`/api/v1/meetings/${plenary.id}/record?lang=zh`));
  const before = await record();
  const badSig = await post(staff, `/en/meetings/${plenary.id}/record`, { document: 'C99/404', secretary_general_en: 'X' });
  await assertRefused(badSig, { status: 400, field: 'Symbol of the summary record' });  // the form's label
  assert.deepEqual(await record(), before, 'unchanged');
  const okSig = await post(staff, `/en/meetings/${plenary.id}/record`,
    { document: '', secretary_general_en: 'Mr E. Secretary-General', secretary_general_zh: '秘书长甲', chair_en: 'Ms F. Chair' });
  assertDone(okSig, `/en/meetings/${plenary.id}/record`);
  const signed = await record();
  assert.equal(signed.secretary_general, '秘书长甲');
  assert.equal(signed.chair, 'Ms F. Chair', 'the Chair\'s name falls back to English');
});

test('the desk\'s new forms refuse a post without the page\'s token, and anyone not staff', async () => {
  const anonymous = new Client(server.url);
  for (const path of ['/en/admin/documents', '/en/admin/stakeholder-types', '/en/admin/bodies/council/officers']) {
    const res = await anonymous.fetch(path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'symbol=C27/8&key=x' });
    assert.ok([401, 403, 303].includes(res.status), `${path}: refused (${res.status})`);
    if (res.status === 303) assert.match(res.headers.get('location'), /login/, `${path}: to the sign-in page`);
    const forged = await staff.fetch(path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'csrf=forged&symbol=C27/8&key=x' });
    assert.equal(forged.status, 403, `${path}: a forged token is refused`);
  }
  assert.equal((await staff.fetch('/api/v1/documents/C27/8')).status, 404, 'nothing registered');
});

test('a paragraph of the record is corrected in one language, then deleted after confirming', async () => {
  const meetings = (await jsonOf(staff.fetch('/api/v1/meetings'))).items;
  const plenary = meetings.find((m) => m.kind === 'plenary' && m.session === 'C22' && m.number === 8);
  const item = (await jsonOf(staff.fetch(`/api/v1/meetings/${plenary.id}/agenda`))).items[1];
  assert.ok(item, 'a second agenda item');
  const itemJson = (lang) => jsonOf(staff.fetch(`/api/v1/agenda-items/${item.id}?lang=${lang}`));
  // A paragraph of our own, in English and Chinese.
  const added = await jsonOf(staff.json(`/api/v1/agenda-items/${item.id}/interventions`,
    { capacity: 'secretariat', summary: { en: 'The secretariat introduced the document.', zh: '秘书处介绍了文件。' } }), 201);

  // The agenda page offers the forms to staff, not to the public.
  assert.match(await (await staff.fetch(`/en/meetings/${plenary.id}/agenda`)).text(),
    new RegExp(`action="/en/interventions/${added.id}/edit"`));
  assert.doesNotMatch(await (await fetch(`${server.url}/en/meetings/${plenary.id}/agenda`)).text(), /\/interventions\/\d+\/edit/);

  const edited = await post(staff, `/en/interventions/${added.id}/edit`, { text_lang: 'zh', summary: '秘书处介绍了C22/5号文件。' });
  assertDone(edited, `/en/meetings/${plenary.id}/agenda#item-`);
  const zh = (await itemJson('zh')).interventions.find((i) => i.id === added.id);
  assert.equal(zh.summary, '秘书处介绍了C22/5号文件。');
  const en = (await itemJson('en')).interventions.find((i) => i.id === added.id);
  assert.equal(en.summary, 'The secretariat introduced the document.', 'the English text is kept');
  const audit = (await jsonOf(staff.fetch('/api/v1/audit'))).items.find((e) => e.action === 'intervention.edit' && e.object_id === added.id);
  assert.ok(audit, 'the correction is audited');
  assert.equal(JSON.parse(audit.before).summary.zh, '秘书处介绍了文件。', 'the old text is in the audit log');

  // Removing the last language is refused: a paragraph has a text.
  const solo = await jsonOf(staff.json(`/api/v1/agenda-items/${item.id}/interventions`,
    { capacity: 'chair', summary: { en: 'The Chair thanked the secretariat.' } }), 201);
  const emptied = await post(staff, `/en/interventions/${solo.id}/edit`, { text_lang: 'en', summary: '' });
  await assertRefused(emptied, { status: 400, field: 'Paragraph of the record' });  // the form's label
  assert.ok((await itemJson('en')).interventions.find((i) => i.id === solo.id && i.summary === 'The Chair thanked the secretariat.'));

  // Deleting asks first; only confirm=yes deletes, and the audit log keeps the text.
  const count = (await itemJson('en')).interventions.length;
  const ask = await post(staff, `/en/interventions/${added.id}/delete`, {});
  assert.equal(ask.status, 200);
  const askPage = await ask.text();
  assert.match(askPage, /name="confirm" value="yes"/);
  assert.match(askPage, /The secretariat introduced the document\./, 'the page shows what will be deleted');
  assert.equal((await itemJson('en')).interventions.length, count, 'nothing deleted before confirming');
  const del = await post(staff, `/en/interventions/${added.id}/delete`, { confirm: 'yes' });
  assertDone(del, `/en/meetings/${plenary.id}/agenda#item-`);
  const after = (await itemJson('en')).interventions;
  assert.equal(after.length, count - 1);
  assert.ok(!after.some((i) => i.id === added.id));
  const gone = (await jsonOf(staff.fetch('/api/v1/audit'))).items.find((e) => e.action === 'intervention.delete' && e.object_id === added.id);
  assert.ok(gone, 'the deletion is audited');
  assert.equal(JSON.parse(gone.before).summary.zh, '秘书处介绍了C22/5号文件。');

  // The API: a paragraph that a candidature names cannot be deleted; an unknown one is 404.
  await jsonOf(staff.json(`/api/v1/agenda-items/${item.id}/candidatures`,
    { post: 'council_member', candidate: 'Ghana', member_state: 'GH', intervention_id: solo.id }), 201);
  const refused = await staff.fetch(`/api/v1/interventions/${solo.id}`, { method: 'DELETE' });
  assert.equal(refused.status, 409);
  assert.equal((await refused.json()).error.field, 'intervention');
  assert.equal((await staff.fetch(`/api/v1/interventions/${added.id}`, { method: 'DELETE' })).status, 404);
  const patched = await staff.fetch(`/api/v1/interventions/${solo.id}`, { method: 'PATCH',
    headers: { 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'statement' }) });
  assert.equal(patched.status, 400);
  assert.equal((await patched.json()).error.field, 'kind');
});

test('a resolution of the registry, from /admin/documents', async () => {
  const fields = { res_instrument: 'council', res_number: '1399', res_title_en: 'Test resolution',
    res_title_ar: 'قرار للاختبار', res_adopted_year: '2019', res_adopted_place: 'Geneva',
    res_revised_year: '2023', res_revised_place: 'Geneva' };
  const badYear = await post(staff, '/en/admin/resolutions', { ...fields, res_adopted_year: '19x' });
  assert.equal(badYear.status, 400);
  const page = await badYear.text();
  assert.match(page, /res_adopted_year/, 'the error names the field');
  assert.match(page, /value="قرار للاختبار"/, 'what was typed is kept');
  assert.equal((await staff.fetch('/api/v1/resolutions/council/1399')).status, 404, 'not registered');

  const ok = await post(staff, '/en/admin/resolutions', fields);
  assertDone(ok, '/en/resolutions/council/1399');
  const r = await jsonOf(staff.fetch('/api/v1/resolutions/council/1399'));
  assert.equal(r.status, 'in_force');
  assert.equal(r.revisions.length, 2);
  assert.deepEqual(r.revisions.map((v) => v.year), [2019, 2023]);

  const again = await post(staff, '/en/admin/resolutions', fields);
  assert.equal(again.status, 409, 'the same resolution twice');
});

// Each input the agenda page's record forms carry for what the API takes (tests/scenario/
// forms.test.mjs lists them): submitted through the page form, read back through the API.
test('the record forms: each text\'s state, a decision\'s accompanying text, a candidature\'s paragraph, an action\'s decision', async () => {
  const meetings = (await jsonOf(staff.fetch('/api/v1/meetings'))).items;
  const plenary = meetings.find((m) => m.kind === 'plenary' && m.session === 'C22' && m.number === 8);
  const agendaPage = `/en/meetings/${plenary.id}/agenda#item-`;

  // An agenda item whose French title is a draft.
  assertDone(await post(staff, `/en/meetings/${plenary.id}/agenda`,
    { number: '77', title: 'Point provisoire', documents: '', text_lang: 'fr', draft: '1' }), agendaPage);
  const agenda = await jsonOf(staff.fetch(`/api/v1/meetings/${plenary.id}/agenda`));
  const item = agenda.items.find((i) => i.number === '77');
  assert.ok(item, 'the item is on the agenda');
  const itemJson = () => jsonOf(staff.fetch(`/api/v1/agenda-items/${item.id}`));
  assert.deepEqual((await itemJson()).states.title.fr, 'draft');

  // Two paragraphs: the first's English summary a draft, the second's final.
  for (const [summary, draft] of [['Ghana supported the proposal.', { draft: '1' }], ['Kenya agreed.', {}]])
    assertDone(await post(staff, `/en/agenda-items/${item.id}/interventions`,
      { kind: 'intervention', capacity: 'councillor', member_state: 'GH', summary, text_lang: 'en', ...draft }), agendaPage);
  let it = await itemJson();
  assert.deepEqual(it.interventions.map((p) => p.states.summary.en), ['draft', 'final']);
  const paragraph = it.interventions[0];

  // A decision accompanied by a document, its wording a draft in Chinese.
  assertDone(await post(staff, `/en/agenda-items/${item.id}/decisions`,
    { kind: 'approved', forwarded_to: '', accompanied_by: '附件一', report_back: '', wording: '理事会批准了该提案。',
      text_lang: 'zh', draft: '1' }), agendaPage);
  it = await itemJson();
  const decision = it.decisions.at(-1);
  assert.equal(decision.kind, 'approved');
  const zh = await jsonOf(staff.fetch(`/api/v1/agenda-items/${item.id}?lang=zh`));
  assert.equal(zh.decisions.at(-1).accompanied_by, '附件一', 'the accompanying text, in the language typed');
  assert.equal(decision.states.wording.zh, 'draft');

  // A candidature announced in the first paragraph; a paragraph of another item is refused
  // next to its field, with what was typed kept, and nothing is written.
  const other = agenda.items.find((i) => i.id !== item.id);
  const otherItem = await jsonOf(staff.fetch(`/api/v1/agenda-items/${other.id}`));
  const foreign = otherItem.interventions[0];
  assert.ok(foreign, 'another item has a paragraph');
  const refused = await post(staff, `/en/agenda-items/${item.id}/candidatures`,
    { post: 'rrb_member', candidate: 'Ms G. Typed', member_state: 'GH', election: 'PP-26', intervention_id: String(foreign.id) });
  assert.equal(refused.status, 400);
  const html = await refused.text();
  assert.match(html, new RegExp(`<p class="field-error" id="cd-${item.id}-paragraph-error">[^<]*Paragraph of the record`),
    'the refusal next to the paragraph, named by its label');
  assert.match(html, new RegExp(`id="cd-${item.id}-paragraph" name="intervention_id" aria-invalid="true"`));
  assert.match(html, /value="Ms G. Typed"/, 'the candidate typed is kept');
  assert.match(html, new RegExp(`<option value="${paragraph.id}">77\\.1, Councillor, Ghana</option>`),
    'the item\'s paragraphs are offered, by number and speaker');
  assert.equal((await itemJson()).candidatures.length, 0, 'nothing written');
  assertDone(await post(staff, `/en/agenda-items/${item.id}/candidatures`,
    { post: 'rrb_member', candidate: 'Ms G. Candidate', member_state: 'GH', election: 'PP-26', intervention_id: String(paragraph.id) }), agendaPage);
  assert.equal((await itemJson()).candidatures.at(-1).intervention_id, paragraph.id);

  // An action approved by the decision, its text a draft in Arabic.
  assertDone(await post(staff, `/en/agenda-items/${item.id}/actions`,
    { number: '77.1', kind: 'other', owner: 'الأمانة', text: 'تقديم تقرير.', due: '', decision_id: String(decision.id),
      text_lang: 'ar', draft: '1' }), agendaPage);
  const action = (await itemJson()).actions.find((a) => a.number === '77.1');
  assert.equal(action.decision_id, decision.id);
  assert.equal(action.agenda_item_id, item.id);
  assert.equal((await jsonOf(staff.fetch(`/api/v1/actions/${action.id}`))).states.text.ar, 'draft');
  // A decision of another meeting is refused, naming the decision; nothing is written.
  const page = await (await staff.fetch(`/zh/meetings/${plenary.id}/agenda`)).text();
  assert.match(page, new RegExp(`<select id="ac-${item.id}-decision" name="decision_id">`), 'the action form offers the item\'s decisions');
  assert.match(page, new RegExp(`<option value="${decision.id}">77\\.3`), 'the decision by its number in the record');
  const bad = await post(staff, `/en/agenda-items/${item.id}/actions`,
    { number: '77.2', kind: 'other', owner: 'X', text: 'Y', decision_id: '999999', text_lang: 'en' });
  await assertRefused(bad, { status: 400, field: 'Decision' });
  assert.ok(!(await itemJson()).actions.some((a) => a.number === '77.2'), 'no action written');
});

test('the document forms: each language\'s state on registering; date, source and state on editing', async () => {
  // Registering: the French title and summary drafts, the English final.
  assertDone(await post(staff, '/en/admin/documents', {
    symbol: 'C27/40', body: 'council', date: '2026-03-01', title_en: 'Audit report', title_fr: 'Rapport d’audit',
    summary_fr: 'Résumé.', texts_draft_fr: '1', source_kind: 'secretariat', access: 'public', status: 'issued',
    relation: 'derived' }), '/en/documents/');
  const doc = await jsonOf(staff.fetch('/api/v1/documents/C27/40'));
  assert.deepEqual([doc.states.title.en, doc.states.title.fr, doc.states.summary.fr], ['final', 'draft', 'draft']);

  // Editing: the date, the kind of source and the source in the language typed, the title a draft.
  const edit = (fields) => post(staff, `/en/documents/${doc.id}/edit`, {
    text_lang: 'es', title: 'Informe de auditoría', summary: '', access: 'public', status: 'issued',
    date: '2026-03-02', source_kind: 'member_state', source: 'Ghana', draft: '1', ...fields });
  // A date that is not one: 400 next to the date, what was typed kept, nothing changed.
  const audits = await auditCount();
  const refused = await edit({ date: 'tomorrow' });
  assert.equal(refused.status, 400);
  const html = await refused.text();
  assert.match(html, /<p class="field-error" id="ed-date-error">[^<]*Date/, 'the refusal next to the date, by its label');
  assert.match(html, /value="tomorrow"/, 'the date typed is kept');
  assert.match(html, /value="Informe de auditoría"/, 'the title typed is kept');
  assert.match(html, /<option value="member_state" selected>/, 'the kind of source chosen is kept');
  assert.match(html, /name="draft" value="1" checked>/, 'the box stays ticked');
  assert.equal(await auditCount(), audits, 'nothing changed');
  // A Member State's document without its name: 400 naming the source.
  const unnamed = await edit({ source: '' });
  assert.equal(unnamed.status, 400);
  assert.match(await unnamed.text(), /<p class="field-error" id="ed-source-error">/);

  assertDone(await edit({}), `/en/documents/${doc.id}`);
  const edited = await jsonOf(staff.fetch('/api/v1/documents/C27/40'));
  assert.equal(edited.date, '2026-03-02');
  assert.equal(edited.source_kind, 'member_state');
  assert.deepEqual(edited.sources, { es: 'Ghana' });
  assert.equal(edited.titles.es, 'Informe de auditoría');
  assert.equal(edited.titles.en, 'Audit report', 'the other languages stay');
  assert.equal(edited.states.title.es, 'draft');
  assert.equal(edited.states.title.en, 'final');
});
