// Informal consultations report back, adoption as a numbered resolution, and the room's screen,
// over HTTP. Paragraph 5.8 of seed 000: the Council sends the open paragraphs to informal
// consultations "that report back to a subsequent plenary meeting"; here a later plenary
// meeting of the session is created, the facilitator's report is recorded as a paragraph of its
// item, and the text shows what the consultations changed. Adoption at that meeting enters the
// resolutions registry (the Council numbers its resolutions) citing the text's document.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, jsonOf } from '../lib/server.mjs';

const PASSWORD = 'a long enough password for tests';
let server, staff, anon, cn, ch, council, later, laterItem, item5;

before(async () => {
  server = await startServer();
  anon = new Client(server.url);
  staff = await new Client(server.url).login();
  for (const [key, ms] of [['cn', 'CN'], ['ch', 'CH']]) {
    const email = `${key}@report.example.int`;
    const u = await jsonOf(staff.json('/api/v1/users', { email, name: `Facilitator ${ms}`,
      role: 'delegate', member_state: ms, password: PASSWORD }), 201);
    const c = await new Client(server.url).login({ email, password: PASSWORD });
    c.userId = u.id;
    if (key === 'cn') cn = c; else ch = c;
  }
  const { items } = await jsonOf(anon.fetch('/api/v1/meetings'));
  council = items.find((m) => m.kind === 'plenary' && m.session === 'C22' && m.number === 8);
  assert.ok(council, 'the demo has the Council 2022 plenary');
  item5 = (await jsonOf(anon.fetch(`/api/v1/meetings/${council.id}/agenda`))).items
    .find((i) => i.number === '5');
  assert.ok(item5);
  later = await jsonOf(staff.json('/api/v1/meetings', { body: 'council', kind: 'plenary',
    session: 'C22', number: 11, title: { en: '11th plenary meeting of the Council 2022' },
    starts_on: '2022-03-31', ends_on: '2022-03-31', timezone: 'Europe/Zurich', mode: 'hybrid',
    place: { en: 'Geneva' } }), 201);
  laterItem = await jsonOf(staff.json(`/api/v1/meetings/${later.id}/agenda`, { number: '3',
    title: { en: 'Draft guidelines: report of the informal consultations' },
    documents: ['C22/32(Rev.1)'] }), 201);
});
after(async () => { await server?.stop(); });

const send = (c, method, path, body) => c.fetch(path, { method,
  headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const text = (id, q = '') => jsonOf(staff.fetch(`/api/v1/texts/${id}${q}`));

async function draft(extra = {}) {
  const t = await jsonOf(staff.json('/api/v1/texts', { document: 'C22/32(Rev.1)',
    agenda_item: item5.id, title: { en: 'Draft guidelines', zh: '导则草案' },
    languages: ['en', 'zh'], ...extra }), 201);
  const p = {};
  for (let s = 1; s <= 2; s++) {
    const sec = await jsonOf(staff.json(`/api/v1/texts/${t.id}/provisions`, { kind: 'section',
      text: { en: `Section ${s}`, zh: `第${s}节` } }), 201);
    p[sec.label] = sec;
    for (const l of ['a', 'b']) {
      const x = await jsonOf(staff.json(`/api/v1/texts/${t.id}/provisions`, {
        text: { en: `Member States shall report on ${s}.${l}.`, zh: `成员国应报告${s}.${l}。` } }), 201);
      p[x.label] = x;
    }
  }
  return { t, p };
}

test('the report back is recorded on the later meeting\'s item and the text shows what the consultations changed', async () => {
  const { t, p } = await draft();
  await jsonOf(staff.json(`/api/v1/provisions/${p['2.b'].id}/brackets`, { lang: 'en',
    start: 14, end: 19, alternatives: ['shall', 'may'] }), 201);
  const informal = await jsonOf(staff.json(`/api/v1/texts/${t.id}/informal`, {
    provisions: [p['2.b'].id], facilitator: ch.userId, member_state: 'CH',
    report_to_meeting: later.id, deadline: '2022-03-30' }), 201);
  assert.equal(informal.report, null);
  let cur = await text(t.id);
  assert.deepEqual(cur.informal[0].changes.map((c) => c.change), ['same'], 'nothing changed yet');
  // The facilitator redrafts 2.b.
  await jsonOf(send(ch, 'PATCH', `/api/v1/provisions/${p['2.b'].id}`, { version: cur.version,
    text: { en: 'Member States shall report on 2.b in full.' } }));
  // Refusals change nothing: an item of another meeting, no text, a delegate.
  const before = await text(t.id);
  const wrongItem = await send(staff, 'POST', `/api/v1/informal/${informal.id}/report`, {
    agenda_item: item5.id, text: { en: 'Reported.' } });
  assert.equal(wrongItem.status, 400);
  assert.equal((await wrongItem.json()).error.field, 'agenda_item');
  const noText = await send(staff, 'POST', `/api/v1/informal/${informal.id}/report`, {
    agenda_item: laterItem.id });
  assert.equal(noText.status, 400);
  assert.equal((await noText.json()).error.field, 'text');
  const byDelegate = await send(ch, 'POST', `/api/v1/informal/${informal.id}/report`, {
    agenda_item: laterItem.id, text: { en: 'Reported.' } });
  assert.equal(byDelegate.status, 403);
  assert.equal((await text(t.id)).version, before.version);
  const agendaBefore = await jsonOf(anon.fetch(`/api/v1/meetings/${later.id}/agenda`));
  assert.equal(agendaBefore.items[0].interventions.length, 0);

  const words = 'The facilitator reported that the informal consultations agreed on 2.b.';
  const report = await jsonOf(staff.json(`/api/v1/informal/${informal.id}/report`, {
    agenda_item: laterItem.id, text: { en: words } }), 201);
  assert.equal(report.report.agenda_item, laterItem.id);
  const agenda = await jsonOf(anon.fetch(`/api/v1/meetings/${later.id}/agenda`));
  const paragraphs = agenda.items.find((i) => i.id === laterItem.id).interventions;
  assert.equal(paragraphs.length, 1);
  assert.equal(paragraphs[0].id, report.report.intervention);
  assert.equal(paragraphs[0].member_state, 'CH');
  assert.match(JSON.stringify(paragraphs[0]), /agreed on 2\.b/);
  // Twice: 409.
  const again = await send(staff, 'POST', `/api/v1/informal/${informal.id}/report`, {
    agenda_item: laterItem.id, text: { en: words } });
  assert.equal(again.status, 409);
  // What the consultations changed: 2.b, "in full" inserted (the bracket marks stay: it is open).
  cur = await text(t.id);
  const changes = cur.informal[0].changes;
  assert.deepEqual(changes.map((c) => [c.label_to, c.change]), [['2.b', 'changed']]);
  assert.deepEqual(changes[0].texts.en.filter((s) => s.op !== 'equal'), [{ op: 'insert', text: ' in full' }]);
  // An edit after the report is not theirs.
  await jsonOf(send(staff, 'PATCH', `/api/v1/provisions/${p['2.b'].id}`, { version: cur.version,
    text: { en: 'Member States shall report on 2.b in full, yearly.' } }));
  assert.deepEqual((await text(t.id)).informal[0].changes[0].texts.en.filter((s) => s.op !== 'equal'),
    [{ op: 'insert', text: ' in full' }]);
  const page = await (await staff.fetch(`/en/texts/${t.id}`)).text();
  assert.match(page, /What the informal consultations changed/);
  assert.match(page, /<ins>\s*in full<\/ins>/);
});

test('adoption by a body that numbers what it adopts enters the resolutions registry citing the document', async () => {
  const { t } = await draft();
  const decision = await jsonOf(staff.json(`/api/v1/agenda-items/${laterItem.id}/decisions`, {
    kind: 'approved', wording: { en: 'The Council approved the guidelines.' } }), 201);
  await jsonOf(staff.json(`/api/v1/texts/${t.id}/revisions`, {}), 201);
  const cur = await text(t.id);
  // A number taken already (Council Resolution 1336 is in the demo registry): 409, nothing adopted.
  const taken = await send(staff, 'POST', `/api/v1/texts/${t.id}/adopt`, { meeting: later.id,
    decision: decision.id, resolution: 1336 });
  assert.equal(taken.status, 409);
  assert.equal((await taken.json()).error.field, 'resolution');
  assert.equal((await text(t.id)).status, 'draft');
  const adopted = await jsonOf(staff.json(`/api/v1/texts/${t.id}/adopt`, { meeting: later.id,
    decision: decision.id, resolution: 1407 }));
  assert.equal(adopted.status, 'adopted');
  assert.deepEqual([adopted.adopted.resolution.instrument, adopted.adopted.resolution.number],
    ['council', 1407]);
  const r = await jsonOf(staff.fetch('/api/v1/resolutions/council/1407'));
  assert.equal(r.titles.en, 'Draft guidelines');
  assert.deepEqual(r.revisions.map((v) => v.year), [2022]);
  assert.equal(cur.document, 'C22/32(Rev.2)');
  // The document is for Member States: the public registry does not name it.
  assert.equal(r.document, null);
  const page = await (await staff.fetch(`/en/texts/${t.id}`)).text();
  assert.match(page, /href="\/en\/resolutions\/council\/1407"/);
});

test('a public text\'s resolution names its document; a body that does not number is refused', async () => {
  const { t } = await draft({ access: 'public' });
  const cwg = (await jsonOf(anon.fetch('/api/v1/meetings'))).items.find((m) => m.kind === 'working_group');
  assert.ok(cwg, 'the demo has a working-group meeting');
  const cwgItem = await jsonOf(staff.json(`/api/v1/meetings/${cwg.id}/agenda`, { number: '9',
    title: { en: 'Guidelines' } }), 201);
  const cwgDecision = await jsonOf(staff.json(`/api/v1/agenda-items/${cwgItem.id}/decisions`, {
    kind: 'approved', wording: { en: 'Approved.' } }), 201);
  const refused = await send(staff, 'POST', `/api/v1/texts/${t.id}/adopt`, { meeting: cwg.id,
    decision: cwgDecision.id, resolution: 7 });
  assert.equal(refused.status, 400);
  assert.equal((await refused.json()).error.field, 'resolution');
  const decision = await jsonOf(staff.json(`/api/v1/agenda-items/${laterItem.id}/decisions`, {
    kind: 'approved', wording: { en: 'Approved.' } }), 201);
  await jsonOf(staff.json(`/api/v1/texts/${t.id}/adopt`, { meeting: later.id, decision: decision.id,
    resolution: 1408 }));
  const r = await jsonOf(anon.fetch('/api/v1/resolutions/council/1408'));
  assert.equal(r.document, 'C22/32(Rev.1)');
});
