// Errors people can act on, form by form of the secretariat's desk: each form is posted once
// with a bad value in Chinese or Arabic, and its answer must (1) name the field by the label the
// form shows next to it (the text of its <label for=…>), in that language, without a field code
// or an English rule, (2) stand next to the field (the input marked aria-invalid and described by
// the message) and in the summary at the top that links to it, and (3) keep what was typed in the
// form's text inputs. A redirect back to the form's page is followed, as a browser does.
// Forms known to fail one of these are marked `todo` with what they lack: they run and report,
// and the lead's list of what is left is this file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, jsonOf, isoFromNow, dateFromNow } from '../lib/server.mjs';

let server, staff, firstItem;
before(async () => {
  server = await startServer();
  staff = await new Client(server.url).login();
});
after(async () => { await server?.stop(); });

const unescape = (s) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

// Posts `fields` to `path` as a browser's form and answers the page the person then sees.
async function submit(path, fields) {
  const res = await staff.fetch(path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrf: staff.csrf, ...fields }) });
  if (res.status !== 303) return { status: res.status, html: await res.text() };
  const location = res.headers.get('location');
  return { status: 303, location, html: await (await staff.fetch(location)).text() };
}

// The same with a multipart body (forms that upload a file): `files` are [name, filename, bytes].
async function submitMultipart(path, fields, files = []) {
  const form = new FormData();
  form.append('csrf', staff.csrf);
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const [name, filename, bytes] of files) form.append(name, new Blob([bytes]), filename);
  const res = await staff.fetch(path, { method: 'POST', body: form });
  if (res.status !== 303) return { status: res.status, html: await res.text() };
  const location = res.headers.get('location');
  return { status: 303, location, html: await (await staff.fetch(location)).text() };
}

// The three checks above for input #id; `typed` are texts that must still be in the form.
function assertActionable(html, id, typed, lang) {
  const label = html.match(new RegExp(`<label for="${id}"[^>]*>([\\s\\S]*?)</label>`))?.[1];
  assert.ok(label, `the form has a label for #${id}`);
  // The label's own words, without a note in brackets ("New deadline (UTC)").
  const words = unescape(label.replace(/<[^>]+>/g, '')).replace(/\s*[(（][^)）]*[)）]\s*$/, '').trim();
  const message = html.match(new RegExp(`<p class="field-error" id="${id}-error">([^<]*)</p>`))?.[1];
  assert.ok(message, `a message next to #${id}`);
  assert.ok(unescape(message).includes(words), `the message "${message}" names the field as its label does: "${words}"`);
  assert.doesNotMatch(message, /\b[a-z_]+: |required|must be/, 'no field code or English rule');
  if (lang === 'zh') assert.match(message, /[\u4e00-\u9fff]/, 'in Chinese');
  if (lang === 'ar') assert.match(message, /[\u0600-\u06ff]/, 'in Arabic');
  const summary = html.match(/<div class="error-summary"[^>]*autofocus[^>]*>[\s\S]*?<\/div>/)?.[0];
  assert.ok(summary, 'the summary that takes the focus');
  assert.equal(html.match(/id="error-summary"/g).length, 1, 'one summary on the page');
  assert.ok(summary.includes(`<a href="#${id}">`), `the summary links to #${id}`);
  const tag = html.match(new RegExp(`<(?:input|select|textarea)[^>]*\\bid="${id}"[^>]*>`))?.[0];
  assert.ok(tag, `the input #${id}`);
  assert.match(tag, /aria-invalid="true"/);
  assert.match(tag, new RegExp(`aria-describedby="[^"]*\\b${id}-error\\b`));
  for (const t of typed.map((x) => (typeof x === 'function' ? x() : x)))
    assert.ok(html.includes(t), `what was typed is kept: "${t}"`);
  // No media type or field code reaches the page in its message.
  assert.doesNotMatch(message, /application\/|text\/plain|res_|_year/, 'no media type or field code');
}

let paragraph, rejected, ticked;
const longText = `Typed correction ${'x'.repeat(20000)}`;
const longSummary = `Typed summary ${'y'.repeat(50000)}`;
async function councilItem() {
  const agenda = await jsonOf(staff.fetch(`/api/v1/meetings/${(await council()).id}/agenda`));
  return agenda.items[0].id;
}
// A response of the open consultation waiting for moderation.
async function waiting(email) {
  const anon = new Client(server.url);
  const { reference } = await jsonOf(anon.json('/api/v1/consultations/ai-public-policy/responses', {
    name: 'Lucía Pérez', country: 'AR', stakeholder_type: 'civil_society', email,
    general: 'A response to moderate.', consent_publish: true }), 201);
  const queue = await jsonOf(staff.fetch('/api/v1/consultations/ai-public-policy/moderation?per_page=200'));
  const item = queue.items.find((r) => r.reference === reference);
  assert.ok(item, 'the response waits for moderation');
  return item;
}
const council = async () => (await jsonOf(staff.fetch('/api/v1/meetings'))).items.find((m) => m.kind === 'plenary' && m.session === 'C22' && m.number === 8);

// [name, lang, the post, the input, the typed texts (or a function of the post answering one),
// todo (what it lacks) or undefined]
const cases = [
  ['new meeting: a plenary meeting without its session', 'zh', async () => submit('/zh/admin/meetings', {
    body: 'council', kind: 'plenary', number: '7', starts_on: dateFromNow(30).iso, timezone: 'Europe/Zurich',
    mode: 'physical', title_en: 'Typed plenary title' }), 'm-session', ['Typed plenary title']],
  ['new meeting: a start time that is no time of day', 'ar', async () => submit('/ar/admin/meetings', {
    body: 'council', kind: 'working_group', number: '77', starts_on: dateFromNow(30).iso, starts_at: '25:00',
    timezone: 'Europe/Zurich', mode: 'physical', title_en: 'Typed meeting title' }), 'm-starts-at', ['Typed meeting title', 'value="25:00"']],
  ['new body: a key that is not lower-case letters', 'ar', async () => submit('/ar/admin/bodies', {
    key: 'Bad Key', acronym: 'TYPEDACR', membership: 'member_states', name_en: 'Typed body name' }), 'b-key', ['TYPEDACR', 'Typed body name']],
  ['new stakeholder type: a bad key', 'zh', async () => submit('/zh/admin/stakeholder-types', {
    key: 'Bad Key', label_en: 'Typed type label' }), 'st-key', ['Typed type label']],
  ['new consultation: no question', 'ar', async () => submit('/ar/admin/consultations', {
    key: 'typed-consultation', body: 'cwg-internet', title_en: 'Typed consultation title', description_en: 'Typed description',
    questions_en: '', opens_at: isoFromNow(3600).slice(0, 16), deadline: isoFromNow(30 * 86400).slice(0, 16), timezone: 'UTC' }),
    'c-q', ['typed-consultation', 'Typed consultation title']],
  ['extension of a deadline: a date in the past', 'zh', async () => {
    const c = await jsonOf(staff.fetch('/api/v1/consultations/ai-public-policy'));
    return submit(`/zh/admin/consultations/${c.id}/extend`, { deadline: isoFromNow(-86400).slice(0, 16), reason: '代表团要求延期' });
  }, 'x-deadline', ['代表团要求延期']],
  ['follow-up action: no text', 'ar', async () => {
    const c = await jsonOf(staff.fetch('/api/v1/consultations/ai-public-policy'));
    const m = await council();
    return submit(`/ar/admin/consultations/${c.id}/follow-up`, { meeting: String(m.id), number: 'TYPED-9', kind: 'other', owner: 'Typed owner', text: '' });
  }, 'f-text', ['TYPED-9', 'Typed owner']],
  ['document registration: no title in any language', 'zh', async () => submit('/zh/admin/documents', {
    symbol: 'C27/77', body: 'council', date: dateFromNow(-1).iso, source_kind: 'secretariat', access: 'public',
    status: 'issued', relation: 'derived' }), 'd-title-zh', ['C27/77']],
  ['new user: an address that is not one', 'ar', async () => submit('/ar/admin/users', {
    email: 'not-an-address', name: 'Typed user name', role: 'secretariat', password: 'a long enough password for tests' }),
    'nu-email', ['not-an-address', 'Typed user name']],
  ['new negotiated text: no document', 'zh', async () => {
    const m = await council();
    const agenda = await jsonOf(staff.fetch(`/api/v1/meetings/${m.id}/agenda`));
    return submit('/zh/texts', { agenda_item: String(agenda.items[0].id), document: '', title_en: 'Typed text title', lang_en: 'on' });
  }, 'nt-document', ['Typed text title']],
  ['agenda: a new item without a number', 'zh', async () => {
    const m = await council();
    return submit(`/zh/meetings/${m.id}/agenda`, { number: '', title: 'Typed item title', text_lang: 'en' });
  }, 'it-number', ['Typed item title']],
  ['agenda: a paragraph of the record without a summary', 'ar', async () => {
    const m = await council();
    const agenda = await jsonOf(staff.fetch(`/api/v1/meetings/${m.id}/agenda`));
    firstItem = agenda.items[0].id;
    return submit(`/ar/agenda-items/${firstItem}/interventions`, { kind: 'intervention', capacity: 'councillor',
      member_state: 'GH', speaker: 'Typed speaker', summary: '', text_lang: 'en' });
  }, () => `iv-${firstItem}-summary`, ['Typed speaker']],
  ['agenda: a candidature from a code that is no Member State', 'zh', async () => {
    const m = await council();
    const agenda = await jsonOf(staff.fetch(`/api/v1/meetings/${m.id}/agenda`));
    firstItem = agenda.items[0].id;
    return submit(`/zh/agenda-items/${firstItem}/candidatures`, { post: 'secretary_general', candidate: 'Typed candidate',
      member_state: 'XX', election: 'PP-26' });
  }, () => `cd-${firstItem}-ms`, ['Typed candidate', 'PP-26']],
  ['action: an event with an unknown status', 'zh', async () => {
    const actions = await jsonOf(staff.fetch('/api/v1/actions'));
    return submit(`/zh/actions/${actions.items[0].id}/events`, { status: 'nonsense', note: 'Typed event note', text_lang: 'en' });
  }, 'ev-status', ['Typed event note']],
  ['officers of a body: an unknown Member State', 'ar', async () => submit('/ar/admin/bodies/council/officers', {
    chair_name: 'Typed chair name', chair_ms: 'XX' }), 'o-chair-ms', ['Typed chair name']],
  ['officers of a body: a resolution that is not in the registry', 'zh', async () => submit('/zh/admin/bodies/council/officers', {
    chair_name: 'Typed chair name', references: 'council 99999' }), 'o-refs', ['Typed chair name', 'council 99999']],
  ['officers of a body: a line of references that names no resolution', 'ar', async () => submit('/ar/admin/bodies/council/officers', {
    chair_name: 'Typed chair name', references: 'pp 102\nthe one from 2018' }), 'o-refs', ['Typed chair name', 'the one from 2018']],
  ['agenda: a speaker from a code that is no Member State', 'zh', async () => {
    firstItem = await councilItem();
    return submit(`/zh/agenda-items/${firstItem}/speakers`, { name: 'Typed speaker name', capacity: 'councillor', member_state: 'XX' });
  }, () => `sp-${firstItem}-ms`, ['Typed speaker name']],
  ['agenda: a speaking time longer than the limit', 'ar', async () => {
    firstItem = await councilItem();
    return submit(`/ar/agenda-items/${firstItem}/discussion`, { speaking_seconds: '3601', op: 'start' });
  }, () => `ds-${firstItem}-seconds`, ['value="3601"']],
  ['agenda: a corrected paragraph longer than the limit', 'zh', async () => {
    const m = await council();
    const agenda = await jsonOf(staff.fetch(`/api/v1/meetings/${m.id}/agenda`));
    const item = agenda.items.find((i) => i.interventions?.length);
    assert.ok(item, 'an item with a paragraph');
    paragraph = item.interventions[0].id;
    return submit(`/zh/interventions/${paragraph}/edit`, { text_lang: 'en', summary: longText });
  }, () => `ie-${paragraph}-summary`, [longText]],
  ['agenda: the summary record\'s symbol that is no document', 'ar', async () => {
    const m = await council();
    return submit(`/ar/meetings/${m.id}/record`, { document: 'C99/999', chair_en: 'Typed chair of the record' });
  }, 'sig-doc', ['C99/999', 'Typed chair of the record']],
  ['consultation meeting: a registration with an address that is not one', 'zh', async () => {
    const c = await jsonOf(staff.fetch('/api/v1/consultations/environment'));
    return submit(`/zh/admin/meetings/${c.meeting_id}/registrations`, { back: String(c.id), name: 'Typed registrant',
      organization: 'Typed organization', stakeholder_type: 'civil_society', country: 'GH', email: 'not-an-address' });
  }, 'r-email', ['Typed registrant', 'Typed organization', 'not-an-address', '<option value="GH" selected>']],
  ['consultation meeting: attendance without its file', 'ar', async () => {
    const c = await jsonOf(staff.fetch('/api/v1/consultations/environment'));
    return submit(`/ar/admin/meetings/${c.meeting_id}/attendance`, { back: String(c.id) });
  }, 'att-file', []],
  ['consultation: a summary longer than the limit', 'zh', async () => {
    const c = await jsonOf(staff.fetch('/api/v1/consultations/ai-public-policy'));
    return submit(`/zh/admin/consultations/${c.id}/summary`, { summary_en: longSummary, summary_zh: '打出的摘要' });
  }, 's-en', [longSummary, '打出的摘要']],
  ['moderation: a rejection without its reason', 'ar', async () => {
    const r = await waiting('reject.reason@example.org');
    rejected = r.id;
    return submit(`/ar/admin/responses/${r.id}/moderate`, { action: 'reject', reason: ' ', page: '1' });
  }, () => `reason-${rejected}`, []],
  ['moderation: a bulk rejection without its reason', 'zh', async () => {
    const c = await jsonOf(staff.fetch('/api/v1/consultations/ai-public-policy'));
    const r = await waiting('bulk.reason@example.org');
    ticked = r.id;
    return submit(`/zh/admin/consultations/${c.id}/bulk`, { action: 'reject', 'ids[]': String(r.id), reason: '' });
  }, 'bulk-reason', ['<option value="reject" selected>', () => `value="${ticked}" form="bulk" checked`]],
  ['generated record: an issue with a date that is not one', 'zh', async () => {
    const m = await council();
    await jsonOf(staff.fetch(`/api/v1/meetings/${m.id}/record/approve`, { method: 'POST' }));
    return submit(`/zh/meetings/${m.id}/record/issue`, { symbol: 'C22/87(Add.9)', date: '2022-13-45' });
  }, 'issue-date', ['C22/87(Add.9)', '2022-13-45']],
  ['document edit: an issued document set back to draft', 'zh', async () => {
    const doc = await issuedDocument();
    return submit(`/zh/documents/${doc.id}/edit`, { text_lang: 'fr', title: 'Titre tapé', summary: 'Résumé tapé',
      access: 'public', status: 'draft' });
  }, 'ed-status', ['Titre tapé', 'Résumé tapé', '<option value="fr" selected>'], undefined, 409],
  ['document edit: a title too long', 'ar', async () => {
    const doc = await issuedDocument();
    return submit(`/ar/documents/${doc.id}/edit`, { text_lang: 'en', title: 'T'.repeat(501), summary: 'Typed summary kept',
      access: 'public', status: 'issued' });
  }, 'ed-title', ['Typed summary kept', 'T'.repeat(501)], undefined, 413],
  ['language file: not a PDF, DOCX, ODT or text file', 'zh', async () => {
    const doc = await issuedDocument();
    return submitMultipart(`/zh/documents/${doc.id}/files`, { language: 'fr' },
      [['file', 'programme.exe', Buffer.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff, 0, 0])]]);
  }, 'up-file', ['<option value="fr" selected>'], undefined, 400],
  ['language file: larger than the limit', 'ar', async () => {
    const doc = await issuedDocument();
    return submitMultipart(`/ar/documents/${doc.id}/files`, { language: 'ru' },
      [['file', 'big.pdf', Buffer.alloc((20 << 20) + 1024, 0x20)]]);
  }, 'up-file', ['<option value="ru" selected>'], undefined, 413],
  ['resolution: a year before 1865', 'zh', async () => submit('/zh/admin/resolutions', {
    res_instrument: 'council', res_number: '9876', res_title_en: 'Typed resolution title', res_adopted_year: '1700',
    res_adopted_place: 'Typed place' }), 'r-adopted-year', ['Typed resolution title', 'Typed place', '9876'], undefined, 400],
  ['resolution: a number already registered', 'ar', async () => {
    const { items } = await jsonOf(staff.fetch('/api/v1/resolutions?instrument=council'));
    assert.ok(items.length, 'a Council resolution in the demo');
    registered = items[0].number;
    return submit('/ar/admin/resolutions', { res_instrument: 'council', res_number: String(registered),
      res_title_en: 'Typed title of a duplicate', res_adopted_year: '2001' });
  }, 'r-number', () => ['Typed title of a duplicate', `value="${registered}"`], undefined, 409],
  ['meeting report: a distribution that is none of the choices', 'ar', async () => {
    const meetings = (await jsonOf(staff.fetch('/api/v1/meetings'))).items;
    const m = meetings.find((x) => x.kind === 'working_group');
    assert.ok(m, 'a working-group meeting');
    // Its report not approved yet, so that a ticked box shown again is what was typed.
    await jsonOf(staff.fetch(`/api/v1/meetings/${m.id}/report`, { method: 'PUT', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ approved: false, distribution: null }) }));
    lastMeeting = m.id;
    return submit(`/ar/admin/meetings/${m.id}/report`, { approved: 'yes', distribution: 'nonsense' });
  }, () => `r-${lastMeeting}-dist`, () => [`id="r-${lastMeeting}-approved" name="approved" value="yes" checked`]],
  ['role change: a Member State code that is not one', 'zh', async () => {
    const u = await jsonOf(staff.json('/api/v1/users', { email: 'role-change@example.org', name: 'Role change',
      role: 'public', password: 'a long enough password for tests' }), 201);
    lastUser = u.id;
    return submit(`/zh/admin/users/${u.id}/role`, { role: 'delegate', member_state: 'X1' });
  }, () => `ur-${lastUser}-ms`, ['value="X1"'], undefined, 400],
  ['import: no CSV file', 'ar', async () => submitMultipart('/ar/admin/imports', { kind: 'resolutions' }),
    'import-csv', ['id="import-kind-resolutions" name="kind" value="resolutions" checked']],
];

let lastMeeting, lastUser, registered;
// A public, issued document of the demo.
async function issuedDocument() {
  const list = await jsonOf(staff.fetch('/api/v1/documents?body=council'));
  const doc = list.items.find((d) => d.status === 'issued' && d.access === 'public');
  assert.ok(doc, 'an issued public document');
  return doc;
}

for (const [name, lang, post, id, typed, todo, expected] of cases) {
  test(`${name} (${lang})`, todo ? { todo } : {}, async () => {
    const { status, html } = await post();
    assert.ok(status === 303 || (status >= 400 && status < 500), `refused (${status})`);
    // A form shown again in the answer keeps the refusal's status (400, 409, 413).
    if (expected) assert.equal(status, expected);
    assertActionable(html, typeof id === 'function' ? id() : id, typeof typed === 'function' ? typed() : typed, lang);
  });
}

// Every desk form reads its post through one site::ReadPost: someone not signed in is sent to
// sign in before anything is said about the body sent (here not UTF-8), on the desk's pages as on
// the agenda's.
test('a post from someone not signed in is refused as such before its body is read', async () => {
  for (const path of ['/admin/meetings', `/agenda-items/${await councilItem()}/interventions`]) {
    const res = await fetch(server.url + path, { method: 'POST', redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'title_en=%ff' });
    assert.equal(res.status, 303, path);
    assert.match(res.headers.get('location'), /\/login/, path);
  }
});
