// Negotiated texts over HTTP, on item 5 of the Council 2022 plenary (seed 000, paragraphs
// 5.1–5.8: the draft guidelines of C22/32(Rev.1), "only two provisions retain square brackets"):
// the secretariat builds a text, brackets 2.b and 6.c, the status view gives the summary record's
// sentence in Chinese and English and who proposed the brackets left; brackets are resolved; stale versions, overlapping brackets,
// bad offsets and unknown Member States are refused naming the field and change nothing;
// delegates read but do not edit; a text restricted to the secretariat is 404 to them.
// The expected sentences are written by hand: the Chinese from paragraph 5.1 of the seed
// ("仅有两个条款保留了方括号。") with the labels in full-width parentheses.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, jsonOf } from '../lib/server.mjs';

const PASSWORD = 'a long enough password for tests';
let server, staff, anon, delegate, chair, item5;

before(async () => {
  server = await startServer();
  anon = new Client(server.url);
  staff = await new Client(server.url).login();
  for (const [role, extra] of [['delegate', { member_state: 'CN' }], ['chair', {}]]) {
    const email = `${role}@drafting.example.int`;
    await jsonOf(staff.json('/api/v1/users', { email, name: `A ${role}`, role, password: PASSWORD, ...extra }), 201);
    const c = await new Client(server.url).login({ email, password: PASSWORD });
    if (role === 'delegate') delegate = c; else chair = c;
  }
  const { items } = await jsonOf(anon.fetch('/api/v1/meetings'));
  const council = items.find((m) => m.kind === 'plenary' && m.session === 'C22' && m.number === 8);
  assert.ok(council, 'the demo has the Council 2022 plenary');
  const agenda = await jsonOf(anon.fetch(`/api/v1/meetings/${council.id}/agenda`));
  item5 = agenda.items.find((i) => i.number === '5');
  assert.ok(item5, 'the plenary has an item 5');
  item5.meeting = council.id;
});
after(async () => { await server?.stop(); });

const send = (c, method, path, body) => c.fetch(path, { method,
  headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

async function newText(extra = {}) {
  return jsonOf(staff.json('/api/v1/texts', { document: 'C22/32(Rev.1)', agenda_item: item5.id,
    title: { en: 'Draft guidelines', zh: '导则草案' }, languages: ['en', 'zh'], ...extra }), 201);
}
// Sections 1 … 6, paragraphs a … c in each; returns { label: provision }.
async function sixSections(id, client = staff) {
  const byLabel = {};
  for (let s = 1; s <= 6; s++) {
    const sec = await jsonOf(client.json(`/api/v1/texts/${id}/provisions`, { kind: 'section',
      text: { en: `Section ${s}`, zh: `第${s}节` } }), 201);
    byLabel[sec.label] = sec;
    for (const l of ['a', 'b', 'c']) {
      const p = await jsonOf(client.json(`/api/v1/texts/${id}/provisions`, {
        text: { en: `Member States shall report on ${s}.${l}.`, zh: `成员国应报告${s}.${l}。` } }), 201);
      byLabel[p.label] = p;
    }
  }
  return byLabel;
}

test('the secretariat brackets 2.b and 6.c and the status view says so in Chinese and English', async () => {
  const t = await newText();
  assert.equal(t.status, 'draft');
  assert.equal(t.access, 'member_states');
  const p = await sixSections(t.id);
  assert.deepEqual(Object.keys(p).filter((k) => k.includes('.')).length, 18);
  // "shall" in 2.b (code points 14–19), "报告" in the Chinese 6.c (code points 4–6).
  const b1 = await jsonOf(staff.json(`/api/v1/provisions/${p['2.b'].id}/brackets`, { lang: 'en', start: 14, end: 19,
    alternatives: ['shall', 'may'], proposed_by: 'CN', supported_by: ['RU'], objected_by: ['US'], note: 'C22/71' }), 201);
  assert.equal(b1.words, 'shall');
  assert.equal(b1.kind, 'alternatives');
  const b2 = await jsonOf(staff.json(`/api/v1/provisions/${p['6.c'].id}/brackets`, { lang: 'zh', start: 4, end: 6,
    proposed_by: 'CN' }), 201);
  assert.equal(b2.words, '报告');

  const zh = await jsonOf(delegate.fetch(`/api/v1/texts/${t.id}?view=status&lang=zh`));
  assert.equal(zh.sentence, '仅有两个条款保留了方括号（2.b和6.c）。');
  assert.equal(zh.open_brackets, 2);
  const open = zh.provisions.filter((x) => x.open_brackets > 0).map((x) => x.label);
  assert.deepEqual(open, ['2.b', '6.c']);
  // The status table says who proposed the brackets left: as codes in JSON, as names on the page.
  assert.deepEqual(Object.keys(zh.provisions[0]).sort(), ['id', 'label', 'missing_passages', 'open_brackets', 'proposed_by']);
  assert.deepEqual(zh.provisions.filter((x) => x.open_brackets > 0).map((x) => x.proposed_by), [['CN'], ['CN']]);
  assert.deepEqual(zh.provisions.find((x) => x.label === '1.a').proposed_by, []);
  // Each bracket is in one language only: the other language version, which has text of the
  // provision, lacks its passage (2.b bracketed in English lacks Chinese, 6.c the reverse).
  for (const [lang, name, en, zh] of [['en', 'China', 'English', 'Chinese'], ['zh', '中国', '英文', '中文']]) {
    const html = await (await delegate.fetch(`/${lang}/texts/${t.id}/status?lang=${lang}`)).text();
    const rows = [...html.matchAll(/<tr class="open"><td><a [^>]*><bdi>([^<]*)<\/bdi><\/a><\/td><td>(\d+)<\/td><td>([^<]*)<\/td><td class="lacking">([^<]*)<\/td><\/tr>/g)]
      .map((m) => m.slice(1));
    assert.deepEqual(rows, [['2.b', '1', name, zh], ['6.c', '1', name, en]], lang);
  }
  assert.deepEqual(zh.missing_passages.map((m) => [m.label, m.lang, m.bracketed_in]),
    [['2.b', 'zh', ['en']], ['6.c', 'en', ['zh']]]);
  const en = await jsonOf(delegate.fetch(`/api/v1/texts/${t.id}?view=status&lang=en`));
  assert.equal(en.sentence, 'Only two provisions retain square brackets (2.b and 6.c).');

  const withBrackets = await jsonOf(delegate.fetch(`/api/v1/texts/${t.id}?view=brackets&lang=zh`));
  const z6c = withBrackets.provisions.find((x) => x.label === '6.c');
  assert.ok(z6c);
  assert.equal(z6c.text, '成员国应[报告]6.c。');
  const clean = await jsonOf(delegate.fetch(`/api/v1/texts/${t.id}?view=clean&lang=zh`));
  assert.equal(clean.provisions.find((x) => x.label === '6.c').text, '成员国应报告6.c。');

  const list = await jsonOf(delegate.fetch(`/api/v1/texts?document=${encodeURIComponent('C22/32(Rev.1)')}&meeting=${item5.meeting}`));
  const mine = list.items.find((x) => x.id === t.id);
  assert.ok(mine);
  assert.deepEqual(Object.keys(mine).sort(), ['document', 'id', 'open_brackets', 'status', 'title']);
  assert.equal(mine.document, 'C22/32(Rev.1)');
  assert.equal(mine.open_brackets, 2);

  // Resolved: alternative 2 in 2.b, deletion in 6.c.
  const r1 = await jsonOf(staff.json(`/api/v1/brackets/${b1.id}/resolve`, { outcome: 'alternative', alternative: 2 }));
  assert.equal(r1.state, 'agreed');
  assert.equal(r1.provision_text.en, 'Member States may report on 2.b.');
  const r2 = await jsonOf(staff.json(`/api/v1/brackets/${b2.id}/resolve`, { outcome: 'delete' }));
  assert.equal(r2.state, 'deleted');
  assert.equal(r2.provision_text.zh, '成员国应6.c。');
  const after = await jsonOf(delegate.fetch(`/api/v1/texts/${t.id}?view=status&lang=en`));
  assert.equal(after.open_brackets, 0);
  assert.equal(after.sentence, 'No provision retains square brackets.');
});

test('inserting a provision renumbers the labels after it and keeps the ids', async () => {
  const t = await newText();
  const p = await sixSections(t.id);
  const inserted = await jsonOf(staff.json(`/api/v1/texts/${t.id}/provisions`, { position: p['2.a'].position,
    text: { en: 'New first paragraph.' } }), 201);
  assert.equal(inserted.label, '2.a');
  const status = await jsonOf(staff.fetch(`/api/v1/texts/${t.id}?view=status`));
  const byId = new Map(status.provisions.map((x) => [x.id, x.label]));
  assert.equal(byId.get(p['2.a'].id), '2.b');
  assert.equal(byId.get(p['2.c'].id), '2.d');
  assert.equal(byId.get(p['3.a'].id), '3.a');
  const del = await staff.fetch(`/api/v1/provisions/${inserted.id}`, { method: 'DELETE' });
  assert.equal(del.status, 204);
  const again = await jsonOf(staff.fetch(`/api/v1/texts/${t.id}?view=status`));
  assert.equal(new Map(again.provisions.map((x) => [x.id, x.label])).get(p['2.a'].id), '2.a');
});

test('bad input is refused naming the field and changes nothing', async () => {
  const t = await newText();
  const sec = await jsonOf(staff.json(`/api/v1/texts/${t.id}/provisions`, { kind: 'section', text: { en: 'S' } }), 201);
  assert.equal(sec.label, '1');
  const p = await jsonOf(staff.json(`/api/v1/texts/${t.id}/provisions`, { text: { en: 'States shall report annually.' } }), 201);
  await jsonOf(staff.json(`/api/v1/provisions/${p.id}/brackets`, { lang: 'en', start: 7, end: 19 }), 201);
  const before = await jsonOf(staff.fetch(`/api/v1/texts/${t.id}`));
  const cases = [
    [`/api/v1/provisions/${p.id}/brackets`, { lang: 'en', start: 0, end: 12 }, 'start'],  // overlaps [7,19)
    [`/api/v1/provisions/${p.id}/brackets`, { lang: 'en', start: 20, end: 40 }, 'end'],
    [`/api/v1/provisions/${p.id}/brackets`, { lang: 'en', start: -1, end: 3 }, 'start'],
    [`/api/v1/provisions/${p.id}/brackets`, { lang: 'en', start: 3, end: 3 }, 'end'],
    [`/api/v1/provisions/${p.id}/brackets`, { lang: 'zh', start: 0, end: 3 }, 'lang'],
    [`/api/v1/provisions/${p.id}/brackets`, { lang: 'en', start: 0, end: 6, proposed_by: 'XX' }, 'proposed_by'],
    [`/api/v1/provisions/${p.id}/brackets`, { lang: 'en', start: 0, end: 6, objected_by: ['FR', 'QQ'] }, 'objected_by'],
    [`/api/v1/provisions/${p.id}/brackets`, { lang: 'en', start: 0, end: 6, alternatives: ['one'] }, 'alternatives'],
    [`/api/v1/texts/${t.id}/provisions`, { text: { de: 'Text' } }, 'text.de'],
    [`/api/v1/texts/${t.id}/provisions`, { kind: 'chapter', text: { en: 'Text' } }, 'kind'],
    ['/api/v1/texts', { document: 'C99/1', agenda_item: item5.id, title: 'T', languages: ['en'] }, 'document'],
    ['/api/v1/texts', { document: 'C22/32(Rev.1)', agenda_item: item5.id, title: 'T', languages: ['xx'] }, 'languages'],
  ];
  for (const [path, body, field] of cases) {
    const res = await staff.json(path, body);
    const text = await res.text();
    assert.equal(res.status, 400, `${path} ${JSON.stringify(body)}: ${text}`);
    assert.equal(JSON.parse(text).error.field, field, `${JSON.stringify(body)}: ${text}`);
  }
  const after = await jsonOf(staff.fetch(`/api/v1/texts/${t.id}`));
  assert.equal(after.version, before.version);
  assert.deepEqual(after.provisions, before.provisions);
});

test('the diff page shows a replaced passage as one deletion then one insertion, apart', async () => {
  const t = await newText();
  await jsonOf(staff.json(`/api/v1/texts/${t.id}/provisions`, { kind: 'section', text: { en: 'Review' } }), 201);
  const p = await jsonOf(staff.json(`/api/v1/texts/${t.id}/provisions`, {
    text: { en: 'These guidelines shall be reviewed every four years.' } }), 201);
  const { version } = await jsonOf(staff.fetch(`/api/v1/texts/${t.id}`));
  await jsonOf(send(staff, 'PATCH', `/api/v1/provisions/${p.id}`, { version,
    text: { en: 'These guidelines shall be reviewed after each Plenipotentiary Conference.' } }));
  const html = await (await staff.fetch(`/en/texts/${t.id}/diff?from=${version}&to=${version + 1}&lang=en`)).text();
  assert.match(html, /reviewed <del>every four years<\/del> <ins>after each Plenipotentiary Conference<\/ins>\./);
});

test('two editors on the same version: the second gets 409 with the current text', async () => {
  const t = await newText();
  await jsonOf(staff.json(`/api/v1/texts/${t.id}/provisions`, { kind: 'section', text: { en: 'S' } }), 201);
  const p = await jsonOf(staff.json(`/api/v1/texts/${t.id}/provisions`, { text: { en: 'Original words.' } }), 201);
  const { version } = await jsonOf(staff.fetch(`/api/v1/texts/${t.id}`));
  const [a, b] = await Promise.all([
    send(staff, 'PATCH', `/api/v1/provisions/${p.id}`, { version, text: { en: 'Words of the secretariat.' } }),
    send(chair, 'PATCH', `/api/v1/provisions/${p.id}`, { version, text: { en: 'Words of the chair.' } }),
  ]);
  const statuses = [a.status, b.status].sort();
  assert.deepEqual(statuses, [200, 409]);
  const loser = a.status === 409 ? a : b;
  const body = await loser.json();
  assert.equal(body.error.field, 'version');
  assert.equal(body.version, version + 1);
  const winner = a.status === 409 ? 'Words of the chair.' : 'Words of the secretariat.';
  assert.equal(body.current.text.en, winner);
  // Without a version: refused too.
  const none = await send(staff, 'PATCH', `/api/v1/provisions/${p.id}`, { text: { en: 'No version.' } });
  assert.equal(none.status, 400);
  assert.equal((await none.json()).error.field, 'version');
});

test('delegates read but do not edit; a text restricted to the secretariat is 404 to them', async () => {
  const t = await newText();
  assert.equal((await delegate.json(`/api/v1/texts/${t.id}/provisions`, { text: { en: 'Mine.' } })).status, 403);
  assert.equal((await anon.json(`/api/v1/texts/${t.id}/provisions`, { text: { en: 'Mine.' } })).status, 401);
  assert.equal((await delegate.fetch(`/api/v1/texts/${t.id}`)).status, 200);
  assert.equal((await anon.fetch(`/api/v1/texts/${t.id}`)).status, 404);
  const secret = await newText({ access: 'secretariat' });
  const res = await delegate.fetch(`/api/v1/texts/${secret.id}`);
  assert.equal(res.status, 404);
  const missing = await delegate.fetch('/api/v1/texts/999999');
  assert.equal((await res.json()).error.message.replace(/\d+/g, 'N'),
    (await missing.json()).error.message.replace(/\d+/g, 'N'));
  const list = await jsonOf(delegate.fetch('/api/v1/texts'));
  assert.ok(!list.items.some((x) => x.id === secret.id));
  // The chair may not see it either, so cannot edit it: 404, not 403.
  assert.equal((await chair.json(`/api/v1/texts/${secret.id}/provisions`, { text: { en: 'x' } })).status, 404);
  // Looser than the document is refused.
  const loose = await staff.json('/api/v1/texts', { document: 'C22/DT/5', agenda_item: item5.id, title: 'T',
    languages: ['en'], access: 'public' });
  assert.equal(loose.status, 400);
  assert.equal((await loose.json()).error.field, 'access');
});
