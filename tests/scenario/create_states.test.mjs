// Scenario test of each language's state given when a record is created: the POST routes of
// meetings, documents, agenda items, decisions, actions, negotiated texts and provisions take
// `states` as the PATCH routes do (written in the creating transaction; a state for a language
// without text, or for a field the record does not have, refused with 400 naming it, and the
// record not created), and the GET of each record answers the same `states`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, jsonOf } from '../lib/server.mjs';

const LANGS = ['ar', 'zh', 'en', 'fr', 'ru', 'es'];
const six = (o) => Object.fromEntries(LANGS.map((l) => [l, o[l] ?? 'missing']));
let server, admin;
before(async () => {
  server = await startServer();
  admin = await new Client(server.url).login();
});
after(async () => { await server?.stop(); });

// A POST refused for its states: 400 naming `field`.
async function refused(path, body, field) {
  const res = await admin.json(path, body);
  assert.equal(res.status, 400, `${path}: ${JSON.stringify(body)}`);
  assert.equal((await res.json()).error.field, field, path);
}

test('every kind of record takes states on POST, answers them on GET, and refuses bad ones', async () => {
  // A meeting.
  const meetingBody = { body: 'cwg-internet', kind: 'working_group', number: 91, starts_on: '2027-03-01',
    timezone: 'Europe/Zurich', mode: 'hybrid', title: { en: 'Ninety-first meeting', fr: 'Quatre-vingt-onzième réunion' } };
  const meeting = await jsonOf(admin.json('/api/v1/meetings', { ...meetingBody, states: { title: { fr: 'draft' } } }), 201);
  // A meeting created without a place answers the place's states too, every language missing.
  assert.deepEqual(meeting.states, { title: six({ en: 'final', fr: 'draft' }), place: six({}) });
  assert.deepEqual((await jsonOf(admin.fetch(`/api/v1/meetings/${meeting.id}`))).states, meeting.states);
  const meetings = (await jsonOf(admin.fetch('/api/v1/meetings'))).items.length;
  await refused('/api/v1/meetings', { ...meetingBody, number: 92, states: { title: { ar: 'draft' } } }, 'states.title.ar');
  await refused('/api/v1/meetings', { ...meetingBody, number: 92, states: { place: { en: 'draft' } } }, 'states.place.en');
  assert.equal((await jsonOf(admin.fetch('/api/v1/meetings'))).items.length, meetings, 'no meeting created');

  // A document.
  const docBody = { body: 'cwg-internet', date: '2022-03-01', source_kind: 'secretariat', access: 'public',
    title: { en: 'Information note', zh: '资料说明' }, summary: { en: 'What it says.' } };
  const doc = await jsonOf(admin.json('/api/v1/documents', { ...docBody, symbol: 'C22/INF/991',
    states: { title: { zh: 'draft' } } }), 201);
  assert.deepEqual(doc.states, { title: six({ en: 'final', zh: 'draft' }), summary: six({ en: 'final' }) });
  assert.deepEqual((await jsonOf(admin.fetch('/api/v1/documents/C22/INF/991'))).states, doc.states);
  await refused('/api/v1/documents', { ...docBody, symbol: 'C22/INF/992', states: { summary: { fr: 'draft' } } },
    'states.summary.fr');
  assert.equal((await admin.fetch('/api/v1/documents/C22/INF/992')).status, 404, 'no document created');

  // An agenda item of that meeting.
  const item = await jsonOf(admin.json(`/api/v1/meetings/${meeting.id}/agenda`, { number: '1',
    title: { en: 'Opening', ru: 'Открытие' }, states: { title: { ru: 'draft' } } }), 201);
  assert.deepEqual(item.states, { title: six({ en: 'final', ru: 'draft' }) });
  await refused(`/api/v1/meetings/${meeting.id}/agenda`, { number: '2', title: { en: 'Other business' },
    states: { title: { es: 'draft' } } }, 'states.title.es');
  assert.equal((await jsonOf(admin.fetch(`/api/v1/meetings/${meeting.id}/agenda`))).items.length, 1, 'no item created');

  // A decision and a paragraph on that item; the item's GET answers their states too.
  const decisionsPath = `/api/v1/agenda-items/${item.id}/decisions`;
  const decision = await jsonOf(admin.json(decisionsPath, { kind: 'took_note',
    wording: { en: 'The meeting took note.', ar: 'أحاط الاجتماع علماً.' }, states: { wording: { ar: 'draft' } } }), 201);
  assert.deepEqual(decision.states, { wording: six({ en: 'final', ar: 'draft' }) });
  await refused(decisionsPath, { kind: 'took_note', wording: { en: 'Noted.' }, states: { wording: { ar: 'draft' } } },
    'states.wording.ar');
  const paragraph = await jsonOf(admin.json(`/api/v1/agenda-items/${item.id}/interventions`, {
    capacity: 'secretariat', summary: { en: 'Introduced.', zh: '作了介绍。' }, states: { summary: { zh: 'draft' } } }), 201);
  const read = await jsonOf(admin.fetch(`/api/v1/agenda-items/${item.id}`));
  assert.deepEqual(read.states, item.states);
  assert.equal(read.decisions.length, 1, 'the refused decision was not added');
  assert.deepEqual(read.decisions[0].states, decision.states);
  assert.deepEqual(read.interventions[0].states, paragraph.states);

  // An action of that meeting.
  const actionsPath = `/api/v1/meetings/${meeting.id}/actions`;
  const action = await jsonOf(admin.json(actionsPath, { number: '1.1', owner: 'Secretariat',
    text: { en: 'Report back.', es: 'Informar.' }, states: { text: { es: 'draft' } } }), 201);
  assert.deepEqual(action.states, { text: six({ en: 'final', es: 'draft' }) });
  assert.deepEqual((await jsonOf(admin.fetch(`/api/v1/actions/${action.id}`))).states, action.states);
  const actions = (await jsonOf(admin.fetch('/api/v1/actions'))).items.length;
  await refused(actionsPath, { number: '1.2', owner: 'Secretariat', text: { en: 'Other.' },
    states: { text: { zh: 'draft' } } }, 'states.text.zh');
  assert.equal((await jsonOf(admin.fetch('/api/v1/actions'))).items.length, actions, 'no action created');

  // A negotiated text and a provision of it.
  const textBody = { document: 'C22/INF/991', agenda_item: item.id, languages: ['en', 'fr'],
    title: { en: 'Draft conclusions', fr: 'Projet de conclusions' } };
  const text = await jsonOf(admin.json('/api/v1/texts', { ...textBody, states: { title: { fr: 'draft' } } }), 201);
  assert.deepEqual(text.states, { title: six({ en: 'final', fr: 'draft' }) });
  const texts = (await jsonOf(admin.fetch('/api/v1/texts'))).items.length;
  await refused('/api/v1/texts', { ...textBody, states: { title: { zh: 'draft' } } }, 'states.title.zh');
  assert.equal((await jsonOf(admin.fetch('/api/v1/texts'))).items.length, texts, 'no text created');
  const provisionsPath = `/api/v1/texts/${text.id}/provisions`;
  const provision = await jsonOf(admin.json(provisionsPath, { kind: 'section', text: { en: 'Scope', fr: 'Portée' },
    states: { text: { fr: 'draft' } } }), 201);
  assert.deepEqual(provision.states, { text: six({ en: 'final', fr: 'draft' }) });
  await refused(provisionsPath, { text: { en: 'Other' }, states: { text: { fr: 'draft' } } }, 'states.text.fr');
  const got = await jsonOf(admin.fetch(`/api/v1/texts/${text.id}`));
  assert.deepEqual(got.states, text.states);
  assert.equal(got.provisions.length, 1, 'the refused provision was not added');
  assert.deepEqual(got.provisions[0].states, provision.states);
  assert.equal(got.version, 2, 'the refused provision made no version');
});

// The desk's new-meeting form sends no state (docs/API.md and forms.test.mjs say why it has no
// input for one): what it types is the secretariat's and final, never a draft.
test("the desk's new meeting form saves its title and place final", async () => {
  const res = await admin.fetch('/admin/meetings', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrf: admin.csrf, body: 'cwg-internet', kind: 'working_group', number: '93',
      starts_on: '2027-04-01', timezone: 'Europe/Zurich', mode: 'hybrid', title_en: 'Ninety-third meeting', place_en: 'Geneva' }) });
  assert.equal(res.status, 303);
  assert.doesNotMatch(res.headers.get('location'), /error=/);
  const meeting = (await jsonOf(admin.fetch('/api/v1/meetings'))).items.find((m) => m.body.key === 'cwg-internet' && m.number === 93);
  assert.ok(meeting, 'the meeting was created');
  assert.deepEqual((await jsonOf(admin.fetch(`/api/v1/meetings/${meeting.id}`))).states,
    { title: six({ en: 'final' }), place: six({ en: 'final' }) });
});
