// Scenario test of a decision's own GET (GET /api/v1/decisions/{id}): the decision as its agenda
// item's JSON shows it (the same members, the same values), with its item and meeting and each
// language's state of its wording, which a PATCH of the states changes; read as the item is
// (meetings have no access rule: a signed-out reader reads it as the secretariat does), 404 for
// an unknown or malformed id.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, jsonOf } from '../lib/server.mjs';

const LANGS = ['ar', 'zh', 'en', 'fr', 'ru', 'es'];
const six = (o) => Object.fromEntries(LANGS.map((l) => [l, o[l] ?? 'missing']));
let server, admin, anon;
before(async () => {
  server = await startServer();
  admin = await new Client(server.url).login();
  anon = new Client(server.url);
});
after(async () => { await server?.stop(); });

test('a decision has its own GET: the agenda item\'s members, its states, its item', async () => {
  const meeting = await jsonOf(admin.json('/api/v1/meetings', { body: 'cwg-internet', kind: 'working_group',
    number: 93, starts_on: '2027-04-01', timezone: 'Europe/Zurich', mode: 'hybrid', title: { en: 'Ninety-third meeting' } }), 201);
  const item = await jsonOf(admin.json(`/api/v1/meetings/${meeting.id}/agenda`, { number: '4',
    title: { en: 'Report of the group' } }), 201);
  const created = await jsonOf(admin.json(`/api/v1/agenda-items/${item.id}/decisions`, { kind: 'forwarded',
    forwarded_to: 'council', accompanied_by: { en: 'with the summary record', fr: 'accompagné du compte rendu' },
    wording: { en: 'The meeting forwarded the report to the Council.', zh: '会议将报告转呈理事会。' },
    states: { wording: { zh: 'draft' } } }), 201);

  // The same decision as the item's JSON shows it, in the reader's language, plus its states.
  for (const lang of ['en', 'fr']) {
    const inItem = (await jsonOf(admin.fetch(`/api/v1/agenda-items/${item.id}?lang=${lang}`)))
      .decisions.find((d) => d.id === created.id);
    const own = await jsonOf(admin.fetch(`/api/v1/decisions/${created.id}?lang=${lang}`));
    assert.deepEqual(own, { ...inItem, agenda_item_id: item.id, meeting_id: meeting.id }, lang);
  }
  let own = await jsonOf(admin.fetch(`/api/v1/decisions/${created.id}?lang=fr`));
  assert.equal(own.kind, 'forwarded');
  assert.equal(own.forwarded_to, 'council');
  assert.equal(own.accompanied_by, 'accompagné du compte rendu');
  assert.deepEqual(own.wording, { en: 'The meeting forwarded the report to the Council.', zh: '会议将报告转呈理事会。' });
  assert.deepEqual(own.states, { wording: six({ en: 'final', zh: 'draft' }) });
  assert.deepEqual(own.states, created.states, 'the states the POST answered');

  // The states changed by the decision's PATCH are the ones its GET answers.
  await jsonOf(admin.fetch(`/api/v1/decisions/${created.id}`, { method: 'PATCH',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ states: { wording: { zh: 'final', en: 'draft' } } }) }));
  own = await jsonOf(admin.fetch(`/api/v1/decisions/${created.id}`));
  assert.deepEqual(own.states, { wording: six({ en: 'draft', zh: 'final' }) });
  const inItem = (await jsonOf(admin.fetch(`/api/v1/agenda-items/${item.id}`))).decisions[0];
  assert.deepEqual(own.states, inItem.states, 'the item\'s JSON agrees');

  // Read as the item is: a signed-out reader reads the item, so the decision too.
  assert.equal((await anon.fetch(`/api/v1/agenda-items/${item.id}`)).status, 200);
  assert.deepEqual(await jsonOf(anon.fetch(`/api/v1/decisions/${created.id}`)), own);

  // Unknown and malformed ids: 404, naming the decision.
  for (const id of [created.id + 100000, 'x1', '0']) {
    const res = await anon.fetch(`/api/v1/decisions/${id}`);
    assert.equal(res.status, 404, String(id));
    assert.equal((await res.json()).error.code, 'not_found', String(id));
  }
});

test('the demo\'s decisions read through their own GET as in their items', async () => {
  const { items } = await jsonOf(anon.fetch('/api/v1/meetings'));
  const council = items.find((m) => m.kind === 'plenary' && m.session === 'C22' && m.number === 8);
  const agenda = await jsonOf(anon.fetch(`/api/v1/meetings/${council.id}/agenda?lang=ar`));
  const decisions = agenda.items.flatMap((i) => i.decisions.map((d) => ({ d, item: i.id })));
  assert.ok(decisions.length >= 3, 'the demo records decisions');
  for (const { d, item } of decisions) {
    const own = await jsonOf(anon.fetch(`/api/v1/decisions/${d.id}?lang=ar`));
    const { states, agenda_item_id, meeting_id, ...rest } = own;
    assert.deepEqual(rest, d, `decision ${d.id}`);
    assert.equal(agenda_item_id, item);
    assert.equal(meeting_id, council.id);
    assert.deepEqual(Object.keys(states.wording).sort(), [...LANGS].sort());
  }
});
