// The negotiation of item 5 of the Council 2022 plenary over HTTP, end to end (seed 000,
// paragraphs 5.1–5.8): the secretariat presents the draft guidelines of C22/32(Rev.1) with 2.b
// and 6.c in square brackets (5.1), whose sentence it adds to the record of item 5; China proposes in C22/71 (5.2); the Council sends the open
// paragraphs to informal consultations that report back to a plenary meeting (5.8), whose
// facilitator edits their paragraphs and nothing else; both brackets are resolved; a revision is
// issued as C22/32(Rev.2), revising C22/32(Rev.1); the two versions are compared; the text is
// adopted and is read-only after. Bad input is refused naming the field and changes nothing;
// readers without the right get 404 on every route of a restricted text.
// Expected sentences are written by hand: the Chinese from paragraph 5.1 of the seed
// ("仅有两个条款保留了方括号。") with the labels in full-width parentheses.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, jsonOf } from '../lib/server.mjs';

const PASSWORD = 'a long enough password for tests';
let server, staff, anon, cn, ch, chair, item5, council;

before(async () => {
  server = await startServer();
  anon = new Client(server.url);
  staff = await new Client(server.url).login();
  const accounts = {};
  for (const [key, role, extra] of [['cn', 'delegate', { member_state: 'CN' }],
    ['ch', 'delegate', { member_state: 'CH' }], ['chair', 'chair', {}]]) {
    const email = `${key}@negotiation.example.int`;
    const u = await jsonOf(staff.json('/api/v1/users', { email, name: `Account ${key}`, role,
      password: PASSWORD, ...extra }), 201);
    accounts[key] = { client: await new Client(server.url).login({ email, password: PASSWORD }), id: u.id };
  }
  cn = accounts.cn.client;
  ch = accounts.ch.client;
  ch.userId = accounts.ch.id;
  chair = accounts.chair.client;
  const { items } = await jsonOf(anon.fetch('/api/v1/meetings'));
  council = items.find((m) => m.kind === 'plenary' && m.session === 'C22' && m.number === 8);
  assert.ok(council, 'the demo has the Council 2022 plenary');
  const agenda = await jsonOf(anon.fetch(`/api/v1/meetings/${council.id}/agenda`));
  item5 = agenda.items.find((i) => i.number === '5');
  assert.ok(item5, 'the plenary has an item 5');
});
after(async () => { await server?.stop(); });

const send = (c, method, path, body) => c.fetch(path, { method,
  headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const text = (id, q = '') => jsonOf(staff.fetch(`/api/v1/texts/${id}${q}`));

async function draftGuidelines(extra = {}) {
  const t = await jsonOf(staff.json('/api/v1/texts', { document: 'C22/32(Rev.1)',
    agenda_item: item5.id, title: { en: 'Draft guidelines', zh: '导则草案' },
    languages: ['en', 'zh'], ...extra }), 201);
  const p = {};
  for (let s = 1; s <= 6; s++) {
    const sec = await jsonOf(staff.json(`/api/v1/texts/${t.id}/provisions`, { kind: 'section',
      text: { en: `Section ${s}`, zh: `第${s}节` } }), 201);
    p[sec.label] = sec;
    for (const l of ['a', 'b', 'c']) {
      const x = await jsonOf(staff.json(`/api/v1/texts/${t.id}/provisions`, {
        text: { en: `Member States shall report on ${s}.${l}.`, zh: `成员国应报告${s}.${l}。` } }), 201);
      p[x.label] = x;
    }
  }
  return { t, p };
}

test('item 5 end to end: brackets, China\'s proposal, informal consultations, revision, adoption', async () => {
  const { t, p } = await draftGuidelines();
  // 5.1: two provisions retain square brackets.
  const b2b = await jsonOf(staff.json(`/api/v1/provisions/${p['2.b'].id}/brackets`, { lang: 'en',
    start: 14, end: 19, alternatives: ['shall', 'may'], supported_by: ['RU'], objected_by: ['US'] }), 201);
  const b6c = await jsonOf(staff.json(`/api/v1/provisions/${p['6.c'].id}/brackets`, { lang: 'zh',
    start: 4, end: 6 }), 201);
  const zh = await jsonOf(cn.fetch(`/api/v1/texts/${t.id}?view=status&lang=zh`));
  assert.equal(zh.sentence, '仅有两个条款保留了方括号（2.b和6.c）。');
  const en = await jsonOf(cn.fetch(`/api/v1/texts/${t.id}?view=status&lang=en`));
  assert.equal(en.sentence, 'Only two provisions retain square brackets (2.b and 6.c).');
  const v1 = (await text(t.id)).version;
  // The sentence is offered to the record of item 5: a paragraph of the secretariat in the six
  // languages, the text unchanged; delegates may not add it.
  assert.equal((await send(cn, 'POST', `/api/v1/texts/${t.id}/record`, {})).status, 403);
  const recorded = await jsonOf(staff.json(`/api/v1/texts/${t.id}/record`, {}), 201);
  assert.equal(recorded.agenda_item, item5.id);
  assert.equal(recorded.summary.zh, '仅有两个条款保留了方括号（2.b和6.c）。');
  assert.equal(recorded.summary.en, 'Only two provisions retain square brackets (2.b and 6.c).');
  assert.deepEqual(Object.keys(recorded.summary).sort(), ['ar', 'en', 'es', 'fr', 'ru', 'zh']);
  const agenda = await jsonOf(staff.fetch(`/api/v1/meetings/${council.id}/agenda`));
  const paragraph = agenda.items.find((i) => i.id === item5.id).interventions.at(-1);
  assert.equal(paragraph.id, recorded.intervention);
  assert.equal(paragraph.capacity, 'secretariat');
  assert.equal(paragraph.summaries.zh, '仅有两个条款保留了方括号（2.b和6.c）。');
  assert.equal((await text(t.id)).version, v1, 'recording the sentence leaves the text as it is');
  // The same from the status page's form (editors only), back to the meeting's record.
  assert.doesNotMatch(await (await cn.fetch(`/en/texts/${t.id}/status`)).text(), /\/record"/);
  assert.match(await (await staff.fetch(`/en/texts/${t.id}/status`)).text(), new RegExp(`action="/en/texts/${t.id}/record"`));
  const posted = await staff.fetch(`/en/texts/${t.id}/record`, { method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrf: staff.csrf }).toString() });
  assert.equal(posted.status, 303);
  assert.equal(posted.headers.get('location'), `/en/meetings/${council.id}/agenda`);
  const again = await jsonOf(staff.fetch(`/api/v1/meetings/${council.id}/agenda`));
  assert.equal(again.items.find((i) => i.id === item5.id).interventions.at(-1).summaries.en, en.sentence);

  // 5.2: China's proposal (C22/71), by China's delegate; not for another Member State.
  const before = await text(t.id, '?view=compilation');
  const foreign = await send(cn, 'POST', `/api/v1/provisions/${p['6.c'].id}/proposals`, {
    member_state: 'US', kind: 'delete_provision', lang: 'en', justification: 'x' });
  assert.equal(foreign.status, 403);
  const proposal = await jsonOf(cn.json(`/api/v1/provisions/${p['6.c'].id}/proposals`, {
    member_state: 'CN', kind: 'replace', lang: 'en', start: 0, end: 13, text: 'The ITU',
    justification: 'C22/71: the Council should adopt the draft guidelines to guide the work of ITU.' }), 201);
  assert.equal(proposal.state, 'open');
  const compilation = await jsonOf(cn.fetch(`/api/v1/texts/${t.id}?view=compilation&lang=en`));
  assert.deepEqual(compilation.member_states.map((m) => m.member_state), ['CN']);
  assert.equal(compilation.member_states[0].name, 'China');
  assert.equal(compilation.member_states[0].proposals[0].words, 'The ITU');
  assert.equal(before.member_states.length, 0);
  assert.equal((await text(t.id)).version, v1, 'a proposal leaves the text as it is');
  // The secretariat turns it into a bracket proposed by China: alternatives old/new.
  const bracketed = await jsonOf(staff.json(`/api/v1/proposals/${proposal.id}/bracket`, {}));
  assert.equal(bracketed.state, 'bracketed');
  const withChina = await text(t.id);
  const p6c = withChina.provisions.find((x) => x.id === p['6.c'].id);
  const chinas = p6c.brackets.find((b) => b.id === bracketed.bracket);
  assert.equal(chinas.proposed_by, 'CN');
  assert.deepEqual(chinas.alternatives, ['Member States', 'The ITU']);

  // 5.8: informal consultations on the open paragraphs, reporting to a later plenary meeting.
  const referral = item5.decisions.find((d) => d.kind === 'referred_informal');
  assert.ok(referral, 'the record refers item 5 to informal consultations');
  const bad = await send(staff, 'POST', `/api/v1/texts/${t.id}/informal`, {
    provisions: [p['2.b'].id, p['6.c'].id], facilitator: ch.userId, member_state: 'CH',
    report_to_meeting: council.id, deadline: 'soon' });
  assert.equal(bad.status, 400);
  assert.equal((await bad.json()).error.field, 'deadline');
  const informal = await jsonOf(staff.json(`/api/v1/texts/${t.id}/informal`, {
    provisions: [p['2.b'].id, p['6.c'].id], facilitator: ch.userId, member_state: 'CH',
    report_to_meeting: council.id, deadline: '2022-07-01' }), 201);
  assert.equal(informal.decision, referral.id);
  assert.deepEqual(informal.labels, ['2.b', '6.c']);
  // The facilitator edits their paragraphs and nothing else.
  let cur = await text(t.id);
  const mine = await send(ch, 'PATCH', `/api/v1/provisions/${p['2.b'].id}`, { version: cur.version,
    text: { en: 'Member States shall report on 2.b in full.' } });
  assert.equal(mine.status, 200, await mine.clone().text());
  cur = await text(t.id);
  const notMine = await send(ch, 'PATCH', `/api/v1/provisions/${p['1.a'].id}`, { version: cur.version,
    text: { en: 'Changed.' } });
  assert.equal(notMine.status, 403);
  assert.equal((await text(t.id)).version, cur.version);

  // Adoption is refused while brackets are open.
  const decision = await jsonOf(staff.json(`/api/v1/agenda-items/${item5.id}/decisions`, {
    kind: 'approved', wording: { en: 'The Council approved the guidelines.' } }), 201);
  const early = await send(staff, 'POST', `/api/v1/texts/${t.id}/adopt`, { meeting: council.id,
    decision: decision.id });
  assert.equal(early.status, 409);
  assert.equal((await early.json()).error.field, 'brackets');

  // Both brackets resolved: 2.b keeps "shall", 6.c's Chinese words stay, China's alternative
  // is not taken.
  await jsonOf(staff.json(`/api/v1/brackets/${b2b.id}/resolve`, { outcome: 'alternative', alternative: 1 }));
  await jsonOf(staff.json(`/api/v1/brackets/${b6c.id}/resolve`, { outcome: 'retain' }));
  await jsonOf(staff.json(`/api/v1/brackets/${chinas.id}/resolve`, { outcome: 'alternative', alternative: 1 }));
  const done = await jsonOf(cn.fetch(`/api/v1/texts/${t.id}?view=status`));
  assert.equal(done.open_brackets, 0);
  assert.deepEqual(done.bracketed, []);

  // The revision: C22/32(Rev.2) revises C22/32(Rev.1).
  const rev = await jsonOf(staff.json(`/api/v1/texts/${t.id}/revisions`, {}), 201);
  assert.equal(rev.revision, 1);
  assert.equal(rev.document.symbol, 'C22/32(Rev.2)');
  assert.equal(rev.document.revises, 'C22/32(Rev.1)');
  const doc = await jsonOf(staff.fetch('/api/v1/documents/C22/32(Rev.2)'));
  assert.ok(doc.relations.some((r) => r.kind === 'revises' && r.symbol === 'C22/32(Rev.1)'),
    JSON.stringify(doc.relations));
  const diff = await jsonOf(cn.fetch(`/api/v1/texts/${t.id}/diff?from=${v1}&to=${rev.version}`));
  assert.equal(diff.from.document, 'C22/32(Rev.1)');
  assert.equal(diff.to.document, 'C22/32(Rev.2)');
  const d2b = diff.provisions.find((x) => x.id === p['2.b'].id);
  assert.equal(d2b.change, 'changed');
  assert.deepEqual(d2b.texts.en.filter((s) => s.op !== 'equal'),
    [{ op: 'delete', text: '[' }, { op: 'delete', text: ']' }, { op: 'insert', text: ' in full' }]);
  const page = await staff.fetch(`/texts/${t.id}/diff?from=${v1}&to=${rev.version}`);
  assert.equal(page.status, 200);
  assert.match(await page.text(), /<ins>[^<]*in full/);

  // Adoption at the meeting, by its decision; read-only after.
  const adopted = await jsonOf(staff.json(`/api/v1/texts/${t.id}/adopt`, { meeting: council.id,
    decision: decision.id }));
  assert.equal(adopted.status, 'adopted');
  assert.equal(adopted.adopted.decision, decision.id);
  const after = await text(t.id);
  const late = await send(staff, 'PATCH', `/api/v1/provisions/${p['1.a'].id}`, { version: after.version,
    text: { en: 'Too late.' } });
  assert.equal(late.status, 409);
  const lateProposal = await send(cn, 'POST', `/api/v1/provisions/${p['1.a'].id}/proposals`, {
    member_state: 'CN', kind: 'delete_provision', lang: 'en', justification: 'x' });
  assert.equal(lateProposal.status, 409);
  assert.equal((await text(t.id)).version, after.version);
});

test('parallel writers on one version: one wins, the others get 409 and nothing is lost', async () => {
  const { t, p } = await draftGuidelines();
  const { version } = await text(t.id);
  const words = Array.from({ length: 6 }, (_, i) => `Writer ${i} was here.`);
  const answers = await Promise.all(words.map((w) => send(staff, 'PATCH',
    `/api/v1/provisions/${p['3.a'].id}`, { version, text: { en: w } })));
  const statuses = answers.map((r) => r.status).sort();
  assert.deepEqual(statuses, [200, 409, 409, 409, 409, 409]);
  const winner = words[answers.findIndex((r) => r.status === 200)];
  const now = await text(t.id);
  assert.equal(now.version, version + 1);
  assert.equal(now.provisions.find((x) => x.id === p["3.a"].id).texts.en, winner);
  const conflict = await answers.find((r) => r.status === 409).json();
  assert.equal(conflict.error.field, 'version');
});

test('a restricted text is 404 on every route to readers without the right', async () => {
  const { t, p } = await draftGuidelines({ access: 'secretariat' });
  const v = (await text(t.id)).version;
  for (const who of [anon, cn, chair]) {
    for (const path of [`/api/v1/texts/${t.id}`, `/api/v1/texts/${t.id}?view=compilation`,
      `/api/v1/texts/${t.id}?version=1`, `/api/v1/texts/${t.id}/diff?from=1&to=${v}`,
      `/texts/${t.id}`, `/texts/${t.id}/compilation`, `/texts/${t.id}/diff?from=1&to=${v}`]) {
      const r = await who.fetch(path);
      assert.equal(r.status, 404, path);
    }
  }
  const proposal = await send(cn, 'POST', `/api/v1/provisions/${p['1.a'].id}/proposals`, {
    member_state: 'CN', kind: 'delete_provision', lang: 'en', justification: 'x' });
  assert.equal(proposal.status, 404);
  for (const [path, body] of [[`/api/v1/texts/${t.id}/revisions`, {}], [`/api/v1/texts/${t.id}/record`, {}],
    [`/api/v1/texts/${t.id}/adopt`, { meeting: council.id, decision: 1 }],
    [`/api/v1/texts/${t.id}/informal`, { provisions: [p['1.a'].id], facilitator: ch.userId,
      member_state: 'CH', report_to_meeting: council.id, deadline: '2022-07-01' }]]) {
    const r = await send(chair, 'POST', path, body);
    assert.equal(r.status, 404, path);
  }
  assert.equal((await text(t.id)).version, v);
});
