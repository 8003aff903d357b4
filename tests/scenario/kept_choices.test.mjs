// A refused desk form keeps every choice the person made, not only what they typed: each select
// comes back with the option they chose `selected`, each ticked checkbox `checked`, and a field
// with a default (the time zone) with what they typed instead of the default. Each form is posted
// with one bad value and every other field set to a value that is NOT the form's default, so a
// form that forgets a choice shows its first option (or its default) and the test fails.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, jsonOf, dateFromNow } from '../lib/server.mjs';

let server, staff;
before(async () => {
  server = await startServer();
  staff = await new Client(server.url).login();
});
after(async () => { await server?.stop(); });

// Posts `fields` as a browser's form and answers the page shown after the redirect.
async function submit(path, fields) {
  const res = await staff.fetch(path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrf: staff.csrf, ...fields }) });
  assert.equal(res.status, 303, `${path} goes back to its page`);
  const html = await (await staff.fetch(res.headers.get('location'))).text();
  assert.match(html, /id="error-summary"/, 'the page shows the refusal');
  return html;
}

// The option of select #id that the page marks selected (its value), or undefined.
function selectedOf(html, id) {
  const select = html.match(new RegExp(`<select[^>]*\\bid="${id}"[^>]*>([\\s\\S]*?)</select>`))?.[1];
  assert.ok(select, `the select #${id}`);
  const chosen = [...select.matchAll(/<option value="([^"]*)"([^>]*)>/g)].filter((m) => /\bselected\b/.test(m[2]));
  assert.ok(chosen.length <= 1, `at most one option of #${id} selected`);
  return chosen[0]?.[1];
}
const tagOf = (html, id) => {
  const tag = html.match(new RegExp(`<input[^>]*\\bid="${id}"[^>]*>`))?.[0];
  assert.ok(tag, `the input #${id}`);
  return tag;
};

test('a plenary meeting refused for its missing session keeps its body, kind, mode and time zone', async () => {
  const bodies = (await jsonOf(staff.fetch('/api/v1/bodies'), 200)).items.map((b) => b.key);
  assert.ok(bodies.includes('council') && bodies.indexOf('council') > 0, 'the council is not the first body of the list');
  const html = await submit('/ar/admin/meetings', {
    body: 'council', kind: 'plenary', number: '7', starts_on: dateFromNow(30).iso, timezone: 'America/New_York',
    mode: 'hybrid', title_en: 'Typed plenary title', place_en: 'Typed place' });
  assert.equal(selectedOf(html, 'm-body'), 'council');
  assert.equal(selectedOf(html, 'm-kind'), 'plenary');
  assert.equal(selectedOf(html, 'm-mode'), 'hybrid');
  assert.match(tagOf(html, 'm-tz'), /value="America\/New_York"/);
  assert.match(tagOf(html, 'm-place'), /value="Typed place"/);
});

test('a new meeting refused for its time zone keeps what was typed there', async () => {
  const html = await submit('/zh/admin/meetings', {
    body: 'council', kind: 'working_group', number: '3', starts_on: dateFromNow(30).iso, timezone: 'Mars/Olympus',
    mode: 'virtual', title_en: 'Typed title' });
  assert.match(tagOf(html, 'm-tz'), /value="Mars\/Olympus"/);
  assert.equal(selectedOf(html, 'm-mode'), 'virtual');
});

test('a new consultation refused keeps its body, meetings and time zone', async () => {
  const bodies = (await jsonOf(staff.fetch('/api/v1/bodies'), 200)).items.map((b) => b.key);
  const body = bodies[bodies.length - 1];
  assert.notEqual(body, bodies[0], 'a body that is not the first option');
  const meetings = (await jsonOf(staff.fetch('/api/v1/meetings'), 200)).items;
  const launched = meetings[meetings.length - 1].id;
  const meeting = meetings.find((m) => m.kind === 'open_consultation')?.id ?? meetings[0].id;
  const html = await submit('/zh/admin/consultations', {
    key: 'Bad Key!', body, launched_at_meeting: String(launched), meeting: String(meeting), title_en: 'Typed',
    opens_at: '2030-01-01T10:00', deadline: '2030-02-01T10:00', timezone: 'Asia/Shanghai' });
  assert.equal(selectedOf(html, 'c-body'), body);
  assert.equal(selectedOf(html, 'c-launched'), String(launched));
  assert.equal(selectedOf(html, 'c-meeting'), String(meeting));
  assert.match(tagOf(html, 'c-tz'), /value="Asia\/Shanghai"/);
});

test('a new body refused keeps its membership and its ticked box', async () => {
  const html = await submit('/ar/admin/bodies', {
    key: 'Bad Key!', acronym: 'NB', name_en: 'New body', membership: 'open', open_consultations: 'yes' });
  assert.equal(selectedOf(html, 'b-membership'), 'open');
  assert.match(tagOf(html, 'b-oc'), /\bchecked\b/);
});

test("a consultation's follow-up refused keeps its meeting and kind", async () => {
  const meetings = (await jsonOf(staff.fetch('/api/v1/meetings'), 200)).items;
  const meeting = meetings[meetings.length - 1].id;
  const html = await submit('/zh/admin/consultations/ai-public-policy/follow-up', {
    meeting: String(meeting), number: '', kind: 'defer_topic', owner: 'Typed owner', text: 'Typed text' });
  assert.equal(selectedOf(html, 'f-meeting'), String(meeting));
  assert.equal(selectedOf(html, 'f-kind'), 'defer_topic');
});

// The agenda page's single-language forms: each says in which language its text is typed (a
// select of the six, the reader's language by default). Refused, the form comes back with the
// language chosen, not the reader's, so that the text typed again is not saved under another
// language; and with its other choices.
const council = async () => (await jsonOf(staff.fetch('/api/v1/meetings'))).items.find((m) => m.kind === 'plenary' && m.session === 'C22' && m.number === 8);

// The page shown after posting `fields` to `path` (the agenda page answers a refusal itself).
async function refusedAgenda(path, fields) {
  const res = await staff.fetch(path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrf: staff.csrf, ...fields }) });
  assert.ok([400, 413].includes(res.status), `${path} is refused (${res.status})`);
  const html = await res.text();
  assert.match(html, /id="error-summary"/, 'the page shows the refusal');
  return html;
}
// The form of the page posting to `action`.
function formOf(html, action) {
  const at = html.indexOf(`action="${action}"`);
  assert.ok(at >= 0, `a form posting to ${action}`);
  return html.slice(html.lastIndexOf('<form', at), html.indexOf('</form>', at));
}
// The option of the select named `name` in `form` that is selected.
function chosenIn(form, name) {
  const select = form.match(new RegExp(`<select[^>]*\\bname="${name}"[^>]*>([\\s\\S]*?)</select>`))?.[1];
  assert.ok(select, `the select ${name}`);
  const chosen = [...select.matchAll(/<option value="([^"]*)"([^>]*)>/g)].filter((m) => /\bselected\b/.test(m[2]));
  assert.ok(chosen.length <= 1, `at most one option of ${name} selected`);
  return chosen[0]?.[1];
}

test('a new agenda item refused keeps the language its title was typed in', async () => {
  const m = await council();
  const html = await refusedAgenda(`/zh/meetings/${m.id}/agenda`, { number: '', title: 'Point typé', text_lang: 'fr' });
  assert.equal(chosenIn(formOf(html, `/zh/meetings/${m.id}/agenda`), 'text_lang'), 'fr', 'French, not the reader\'s Chinese');
});

test("an item's record forms refused keep their language and their choices", async () => {
  const m = await council();
  const item = (await jsonOf(staff.fetch(`/api/v1/meetings/${m.id}/agenda`))).items[0].id;
  // A paragraph without its summary, typed as a statement in Russian by a bureau's official.
  let html = await refusedAgenda(`/ar/agenda-items/${item}/interventions`, { kind: 'statement', capacity: 'bureau',
    bureau: 'BDT', member_state: '', speaker: 'Typed speaker', summary: '', text_lang: 'ru' });
  let form = formOf(html, `/ar/agenda-items/${item}/interventions`);
  assert.equal(chosenIn(form, 'text_lang'), 'ru', 'Russian, not the reader\'s Arabic');
  assert.equal(chosenIn(form, 'kind'), 'statement');
  assert.equal(chosenIn(form, 'capacity'), 'bureau');
  assert.equal(chosenIn(form, 'bureau'), 'BDT');
  // The item's other forms keep the reader's language.
  assert.equal(chosenIn(formOf(html, `/ar/agenda-items/${item}/decisions`), 'text_lang'), 'ar');
  // A decision whose wording is too long (over 20,000 characters), in Spanish.
  html = await refusedAgenda(`/zh/agenda-items/${item}/decisions`, { kind: 'endorsed', forwarded_to: 'plenipotentiary_conference',
    accompanied_by: 'Typed', report_back: '', wording: 'Texto de la decisión '.repeat(1000), text_lang: 'es' });
  form = formOf(html, `/zh/agenda-items/${item}/decisions`);
  assert.equal(chosenIn(form, 'text_lang'), 'es');
  assert.equal(chosenIn(form, 'kind'), 'endorsed');
  assert.equal(chosenIn(form, 'forwarded_to'), 'plenipotentiary_conference');
  // An action with a number against its pattern, in English on a Chinese page.
  html = await refusedAgenda(`/zh/agenda-items/${item}/actions`, { number: 'no good!', kind: 'submit_summary',
    owner: 'Typed owner', text: 'Typed action', due: '', decision_id: '', text_lang: 'en' });
  form = formOf(html, `/zh/agenda-items/${item}/actions`);
  assert.equal(chosenIn(form, 'text_lang'), 'en');
  assert.equal(chosenIn(form, 'kind'), 'submit_summary');
  // A candidature from a code that is no Member State, for a post that is not the first.
  html = await refusedAgenda(`/zh/agenda-items/${item}/candidatures`, { post: 'secretary_general', candidate: 'Typed candidate',
    member_state: 'XX', election: 'PP-26' });
  assert.equal(chosenIn(formOf(html, `/zh/agenda-items/${item}/candidatures`), 'post'), 'secretary_general');
});
