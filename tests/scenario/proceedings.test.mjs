// Proceedings over HTTP: the generated summary record against the first source document, the
// consistency warnings, actions followed across sessions, the list of speakers, and every
// class of bad input on the secretariat's writes.
//
// Stored and generated. The demo (src/demo/council2022.json) stores seed 000's own Chinese texts:
// the items' titles, the paragraphs of the record and the decisions' wording. Comparing those
// with the seed would test the loader only, so it is not done. Generated, and tested: the
// numbering of items and paragraphs (decisions last), the headings' documents ("（C22/33号文件）"
// after the stored title, compared with the seed's headings), the decisions in the languages
// without recorded wording and the signatures (compared with sentences written by hand).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startServer, Client } from '../lib/server.mjs';

const SEEDS = resolve(import.meta.dirname, '../../testdata/seeds');

let server, anon, staff, council;
before(async () => {
  server = await startServer();
  anon = new Client(server.url);
  staff = await new Client(server.url).login();
  const { items } = await (await anon.fetch('/api/v1/meetings')).json();
  council = items.find((m) => m.kind === 'plenary' && m.session === 'C22' && m.number === 8);
});
after(async () => { await server?.stop(); });

const put = (client, path, body) => client.fetch(path, {
  method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const squash = (s) => s.replace(/\s+/g, '');

// The seed's items (number, heading) and paragraphs (number, text), in order.
function readSeed() {
  const lines = readFileSync(resolve(SEEDS, '000_9510bd10036e4446.txt'), 'utf8')
    .split('\n').map((l) => l.replace(/\[bookmark: [^\]]*\]/g, '').trim());
  const items = [];
  for (const line of lines) {
    if (/^秘书长：/.test(line)) break;
    let m;
    if ((m = /^(\d+)\t(.+)$/.exec(line))) items.push({ number: m[1], heading: m[2], paragraphs: [] });
    else if ((m = /^(\d+\.\d+)\t(.+)$/.exec(line))) items.at(-1).paragraphs.push({ number: m[1], text: m[2] });
    else if (line && items.length && !items.at(-1).paragraphs.length) items.at(-1).heading += line;
  }
  return items;
}

test('the generated Chinese summary record numbers the seed\'s items and paragraphs and heads the items with their documents', async () => {
  assert.ok(council, 'the demo has the Council 2022 plenary meeting');
  const seed = readSeed();
  assert.equal(seed.length, 8);
  const res = await anon.fetch(`/api/v1/meetings/${council.id}/record?lang=zh`);
  assert.equal(res.status, 200);
  const record = await res.json();
  assert.deepEqual(record.items.map((i) => i.number), seed.map((i) => i.number));
  for (const [k, item] of seed.entries()) {
    const got = record.items[k];
    // The heading is generated: the item's title and its documents' symbols as ICU lists them.
    // The seed's item 2 names no document in its heading; the record names the item's C22/18.
    const symbols = (s) => (s.match(/C\d\d\/\d+(\(Rev\.\d\))?/g) || []).join(',');
    if (symbols(item.heading)) assert.equal(squash(got.heading), squash(item.heading), `item ${item.number} heading`);
    else assert.equal(squash(got.heading), squash(item.heading) + (item.number === '2' ? '（C22/18号文件）' : ''));
    // The numbering is generated; the paragraphs' texts are stored (not compared here).
    assert.deepEqual(got.paragraphs.map((p) => p.number), item.paragraphs.map((p) => p.number));
    for (const [j, p] of item.paragraphs.entries()) {
      // The seed's decision paragraph ("理事会…") is a decision, and it comes last.
      assert.equal(got.paragraphs[j].decision, /^理事会(将|同意)/.test(p.text), `paragraph ${p.number} is a decision`);
    }
    if (item.number !== '8') assert.equal(got.paragraphs.at(-1).decision, true);
  }
  assert.equal(record.secretary_general, '赵厚麟');
  assert.equal(record.chair, 'S. BIN GHELAITA');
  assert.equal(record.symbol, 'C22/87');

  const page = await (await anon.fetch(`/zh/meetings/${council.id}/record`)).text();
  assert.match(page, /<span class="pnum">5\.8<\/span>/);
  assert.match(page, /国际电联《全球网络安全议程》（GCA）的使用导则（<a class="citation" href="\/zh\/documents\/\d+">C22\/32\(Rev\.1\)<\/a>和<a class="citation" href="\/zh\/documents\/\d+">C22\/71<\/a>号文件）/);
  assert.match(page, /秘书长：<br><span dir="auto">赵厚麟<\/span>/);
});

test('decisions without wording in a language are written from their kind, unless a stored wording says more', async () => {
  // The demo's decisions have wording in the six languages; here they are given their wording
  // in Chinese and English only, as the seed records them (what goes along with a forwarded
  // report and when to report back stay in the six languages). In the other languages a
  // decision is written from its kind when that says all the stored wording says (3.3: "took
  // note of the report contained in Document C22/51"); when the stored wording has clauses the
  // generated sentence lacks, the English wording is shown with its language marked: 1.4, 2.6,
  // 5.8 ("the paragraphs of the draft guidelines not yet agreed") and 7.3 say more than their
  // kind and what goes along with them.
  const agenda = await (await staff.fetch(`/api/v1/meetings/${council.id}/agenda`)).json();
  for (const d of agenda.items.flatMap((i) => i.decisions)) {
    const { en, zh } = d.wording;
    assert.ok(en && zh, 'the demo\'s decision has its English and Chinese wording');
    const res = await staff.fetch(`/api/v1/decisions/${d.id}`, { method: 'PATCH',
      headers: { 'content-type': 'application/json' }, body: JSON.stringify({ wording: { en, zh } }) });
    assert.equal(res.status, 200, `decision ${d.id}`);
  }
  const generated = {
    fr: 'Le Conseil a pris note du rapport figurant dans le Document C22/51.',
    es: 'El Consejo tomó nota del informe que figura en el Documento C22/51.',
    ru: 'Совет принял к сведению отчет (документ C22/51).',
    ar: 'أحاط المجلس علمًا بالتقرير الوارد في الوثيقة \u2068C22/51\u2069.',
  };
  const english = {
    '1.4': 'The Council took note of the report in Document C22/33 and agreed to forward it, together with a compilation of the councillors\' comments in the relevant summary record and a cover note, to the UN Secretary-General.',
    '2.6': 'The Council took note of the report in Document C22/18, taking into account the comments made during the meeting.',
    '5.8': 'The Council agreed to hold informal consultations on the paragraphs of the draft guidelines not yet agreed, and to report back at a subsequent plenary meeting.',
    '7.3': 'The Council agreed to consider the report and to submit the recommendations in the report to PP-22.',
  };
  for (const lang of ['en', 'zh']) {
    // Recorded wording: stored, not generated (the generated ones are checked on a new meeting below).
    const record = await (await anon.fetch(`/api/v1/meetings/${council.id}/record?lang=${lang}`)).json();
    const p14 = record.items[0].paragraphs.find((p) => p.number === '1.4');
    assert.equal(p14.generated, false, lang);
    assert.equal(p14.fallback, false, lang);
  }
  for (const [lang, p33] of Object.entries(generated)) {
    const record = await (await anon.fetch(`/api/v1/meetings/${council.id}/record?lang=${lang}`)).json();
    const para = (n) => record.items.flatMap((i) => i.paragraphs).find((p) => p.number === n);
    assert.equal(para('3.3').generated, true, `${lang} 3.3`);
    assert.equal(para('3.3').fallback, false, `${lang} 3.3`);
    assert.equal(para('3.3').text, p33, `${lang} 3.3`);
    for (const [n, text] of Object.entries(english)) {
      assert.equal(para(n).decision, true, `${lang} ${n}`);
      assert.equal(para(n).generated, false, `${lang} ${n}`);
      assert.equal(para(n).fallback, true, `${lang} ${n}`);
      assert.equal(para(n).language, 'en', `${lang} ${n}`);
      assert.equal(para(n).text, text, `${lang} ${n}`);
    }
  }
  // On the Arabic page the English wording is marked as English, left to right.
  const page = await (await anon.fetch(`/ar/meetings/${council.id}/record`)).text();
  // (Its symbol becomes a link, so the clause after it is looked for.)
  const i = page.indexOf('taking into account the comments made during the meeting.');
  assert.ok(i > 0, 'the Arabic record shows the English wording of 2.6');
  const p = page.lastIndexOf('<p ', i);
  assert.equal(page.slice(p, page.indexOf('>', p) + 1), '<p lang="en" dir="ltr">');
});

test('the secretariat sees the record\'s inconsistent document symbols; the public does not', async () => {
  const mine = await (await staff.fetch(`/api/v1/meetings/${council.id}/agenda`)).json();
  const cited = mine.warnings.map((w) => `${w.paragraph}:${w.cited}:${w.expected.join('+')}`);
  assert.ok(cited.includes('1.1:C21/33:C22/33'), cited.join(' '));
  assert.ok(cited.includes('2.1:C21/18:C22/18'), cited.join(' '));
  const theirs = await (await anon.fetch(`/api/v1/meetings/${council.id}/agenda`)).json();
  assert.equal(theirs.warnings, undefined);
  assert.equal(theirs.items.length, 8);
  const page = await (await staff.fetch(`/en/meetings/${council.id}/agenda`)).text();
  assert.match(page, /Paragraph 1\.1 \(Chinese\) cites C21\/33, which is not among the item&#39;s documents \(C22\/33\)/);
  assert.ok(!(await (await anon.fetch(`/en/meetings/${council.id}/agenda`)).text()).includes('not among the item'));
});

test('an action is followed across sessions: approved by CWG-Internet, done by the Council\'s document', async () => {
  const { items } = await (await anon.fetch('/api/v1/actions?status=done')).json();
  const res133 = items.find((a) => a.number === '2.7.3');
  assert.ok(res133, 'action 2.7.3 is done');
  assert.equal(res133.meeting.label, '17th meeting of CWG-Internet');
  assert.deepEqual(res133.events.map((e) => e.status), ['open', 'done']);
  assert.equal(res133.events[1].meeting.id, council.id);
  assert.equal(res133.events[1].document.symbol, 'C22/33');
  const revised = items.find((a) => a.number === '2.1' && a.meeting.id === council.id);
  assert.equal(revised.events.at(-1).document.symbol, 'C22/18(Rev.1)');
  const page = await (await anon.fetch(`/en/actions/${res133.id}`)).text();
  assert.match(page, /17th meeting of CWG-Internet/);
  assert.match(page, /8th plenary meeting of the Council 2022/);
  assert.equal((await anon.fetch('/api/v1/actions?status=finished')).status, 400);
  assert.equal((await anon.fetch('/api/v1/actions/999999')).status, 404);
  const open = await (await anon.fetch('/api/v1/actions?status=open')).json();
  assert.ok(open.items.every((a) => a.status === 'open') && open.items.some((a) => a.number === '5.8'));
});

test('the secretariat records an agenda item, speakers, interventions, decisions, candidatures and actions', async () => {
  // A new plenary meeting of another session.
  let res = await staff.json('/api/v1/meetings', { body: 'council', kind: 'plenary', session: 'C23', number: 1,
    title: { en: '1st plenary meeting of the Council 2023' }, starts_on: '2023-07-11', mode: 'physical' });
  assert.equal(res.status, 201);
  const meeting = await res.json();
  assert.equal((await staff.json('/api/v1/meetings', { body: 'council', kind: 'plenary', number: 2,
    starts_on: '2023-07-11', mode: 'physical' })).status, 400, 'a plenary meeting needs its session');

  // Items: bad input changes nothing.
  const bad = [
    [{ number: '', title: 'x' }, 'number'],
    [{ number: '1', title: '' }, 'title'],
    [{ number: '1', title: 'x', documents: ['C99/1'] }, 'documents'],
    [{ number: '1', title: 'x', documents: 'C22/33' }, 'documents'],
    [{ number: '1', title: 'x', documents: ['C22/33', 'C22/33'] }, 'documents'],
  ];
  for (const [body, field] of bad) {
    res = await staff.json(`/api/v1/meetings/${meeting.id}/agenda`, body);
    assert.equal(res.status, 400, JSON.stringify(body));
    assert.equal((await res.json()).error.field, field);
  }
  assert.equal((await (await anon.fetch(`/api/v1/meetings/${meeting.id}/agenda`)).json()).items.length, 0);
  assert.equal((await anon.json(`/api/v1/meetings/${meeting.id}/agenda`, { number: '1', title: 'x' })).status, 401);
  res = await staff.json(`/api/v1/meetings/${meeting.id}/agenda`, {
    number: '1', title: { en: 'Follow-up of Resolution 102', zh: '第102号决议的后续行动' }, documents: ['C22/33', 'C22/DT/5'] });
  assert.equal(res.status, 201);
  const item = await res.json();
  assert.deepEqual(item.documents.map((d) => d.symbol), ['C22/33', 'C22/DT/5']);
  assert.equal((await staff.json(`/api/v1/meetings/${meeting.id}/agenda`, { number: '1', title: 'again' })).status, 409);
  // The restricted document stays out of the public's view of the item.
  const pub = await (await anon.fetch(`/api/v1/agenda-items/${item.id}`)).json();
  assert.deepEqual(pub.documents.map((d) => d.symbol), ['C22/33']);

  // The list of speakers: request the floor, reorder, mark done.
  const ids = [];
  for (const [name, capacity, member_state] of [['Councillor of Ghana', 'councillor', 'GH'],
    ['Councillor of China', 'councillor', 'CN'], ['BDT', 'bureau', '']]) {
    res = await staff.json(`/api/v1/agenda-items/${item.id}/speakers`, { name, capacity, member_state });
    assert.equal(res.status, 201);
    ids.push((await res.json()).id);
  }
  for (const [body, field] of [[{ name: '', capacity: 'councillor' }, 'name'], [{ name: 'A', capacity: 'king' }, 'capacity'],
    [{ name: 'A', capacity: 'councillor', member_state: 'XX' }, 'member_state']]) {
    res = await staff.json(`/api/v1/agenda-items/${item.id}/speakers`, body);
    assert.equal(res.status, 400);
    assert.equal((await res.json()).error.field, field);
  }
  res = await put(staff, `/api/v1/agenda-items/${item.id}/speakers`, { order: [ids[2], ids[0]] });
  assert.equal(res.status, 400, 'every waiting speaker once');
  res = await put(staff, `/api/v1/agenda-items/${item.id}/speakers`, { order: [ids[2], ids[0], ids[1]] });
  assert.equal(res.status, 200);
  assert.deepEqual((await res.json()).speakers.map((s) => s.id), [ids[2], ids[0], ids[1]]);
  assert.equal((await staff.json(`/api/v1/speakers/${ids[2]}/status`, { status: 'done' })).status, 200);
  assert.equal((await staff.json(`/api/v1/speakers/${ids[2]}/status`, { status: 'done' })).status, 409);
  assert.equal((await staff.json(`/api/v1/speakers/${ids[2]}/status`, { status: 'asleep' })).status, 400);
  // The page form: move the last waiting speaker up (CSRF token of the signed-in page).
  const agenda = await (await staff.fetch(`/en/meetings/${meeting.id}/agenda`)).text();
  const csrf = /name="csrf" value="([^"]+)"/.exec(agenda)[1];
  res = await staff.fetch(`/en/speakers/${ids[1]}`, { method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `csrf=${csrf}&op=up` });
  assert.equal(res.status, 303);
  assert.match(res.headers.get('location'), new RegExp(`/en/meetings/${meeting.id}/agenda#item-1$`));
  let now = await (await anon.fetch(`/api/v1/agenda-items/${item.id}`)).json();
  assert.deepEqual(now.speakers.map((s) => [s.id, s.status]),
    [[ids[1], 'waiting'], [ids[0], 'waiting'], [ids[2], 'done']]);
  res = await staff.fetch(`/en/speakers/${ids[1]}`, { method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'csrf=forged&op=done' });
  assert.equal(res.status, 403);

  // The record: interventions, a decision without wording, a candidature.
  for (const [body, field] of [
    [{ capacity: 'councillor', summary: '' }, 'summary'],
    [{ capacity: 'emperor', summary: 'x' }, 'capacity'],
    [{ capacity: 'councillor', summary: 'x', speaker: 'Named' }, 'speaker'],
    [{ capacity: 'bureau', summary: 'x' }, 'bureau'],
    [{ capacity: 'councillor', summary: 'x', anonymous: 'no' }, 'anonymous']]) {
    res = await staff.json(`/api/v1/agenda-items/${item.id}/interventions`, body);
    assert.equal(res.status, 400, JSON.stringify(body));
    assert.equal((await res.json()).error.field, field);
  }
  res = await staff.json(`/api/v1/agenda-items/${item.id}/interventions`, { capacity: 'councillor', member_state: 'GH',
    summary: { en: 'One councillor recalled Document C21/99 and Resolution 102 (Rev. Dubai, 2018).' } });
  assert.equal(res.status, 201);
  for (const [body, field] of [[{ kind: 'adopted' }, 'kind'], [{ kind: 'forwarded' }, 'forwarded_to'],
    [{ kind: 'referred_informal' }, 'report_back'], [{ kind: 'took_note', forwarded_to: 'mars' }, 'forwarded_to']]) {
    res = await staff.json(`/api/v1/agenda-items/${item.id}/decisions`, body);
    assert.equal(res.status, 400, JSON.stringify(body));
    assert.equal((await res.json()).error.field, field);
  }
  res = await staff.json(`/api/v1/agenda-items/${item.id}/decisions`, { kind: 'took_note', forwarded_to: 'un_secretary_general' });
  assert.equal(res.status, 201);
  const decision = await res.json();
  res = await staff.json(`/api/v1/agenda-items/${item.id}/candidatures`, { post: 'king', candidate: 'A', member_state: 'GH' });
  assert.equal((await res.json()).error.field, 'post');
  res = await staff.json(`/api/v1/agenda-items/${item.id}/candidatures`, { post: 'rrb_member', candidate: 'A B', member_state: 'GH', election: 'PP-26' });
  assert.equal(res.status, 201);

  const en = await (await anon.fetch(`/api/v1/meetings/${meeting.id}/record?lang=en`)).json();
  assert.equal(en.items[0].heading, 'Follow-up of Resolution 102 (Document C22/33)');
  assert.deepEqual(en.items[0].paragraphs.map((p) => [p.number, p.decision]), [['1.1', false], ['1.2', true]]);
  assert.equal(en.items[0].paragraphs[1].text, 'The Council took note of the report in Document C22/33. ' +
    'The Council also agreed to forward the report to the Secretary-General of the United Nations.');
  const zh = await (await anon.fetch(`/api/v1/meetings/${meeting.id}/record?lang=zh`)).json();
  assert.equal(zh.items[0].heading, '第102号决议的后续行动（C22/33号文件）');
  assert.equal(zh.items[0].paragraphs[1].text, '理事会将C22/33号文件中的报告记录在案。理事会还同意将该报告转呈联合国秘书长。');
  const warnings = (await (await staff.fetch(`/api/v1/meetings/${meeting.id}/agenda`)).json()).warnings;
  assert.deepEqual(warnings.map((w) => [w.paragraph, w.cited]), [['1.1', 'C21/99']]);

  // An action from the decision, then its history.
  for (const [body, field] of [[{ number: '', owner: 'x', text: 'y' }, 'number'], [{ number: '1.2.1', owner: '', text: 'y' }, 'owner'],
    [{ number: '1.2.1', owner: 'x', text: 'y', decision_id: 'one' }, 'decision_id'],
    [{ number: '1.2.1', owner: 'x', text: 'y', decision_id: 999999 }, 'decision_id']]) {
    res = await staff.json(`/api/v1/meetings/${meeting.id}/actions`, body);
    assert.equal(res.status, 400, JSON.stringify(body));
    assert.equal((await res.json()).error.field, field);
  }
  res = await staff.json(`/api/v1/meetings/${meeting.id}/actions`, { number: '1.2.1', owner: 'Secretary-General',
    text: 'Forward the report to the UN Secretary-General.', due: 'Council 2024', decision_id: decision.id });
  assert.equal(res.status, 201);
  const action = await res.json();
  assert.equal(action.agenda_item_id, item.id);
  res = await staff.json(`/api/v1/actions/${action.id}/events`, { status: 'done', document: 'C99/1' });
  assert.equal((await res.json()).error.field, 'document');
  assert.equal((await (await anon.fetch(`/api/v1/actions/${action.id}`)).json()).status, 'open');
  res = await staff.json(`/api/v1/actions/${action.id}/events`, { status: 'done', document: 'C22/33', meeting: council.id,
    note: 'Sent with a cover note.' });
  assert.equal(res.status, 200);
  const done = await res.json();
  assert.deepEqual(done.events.map((e) => e.status), ['open', 'done']);
  assert.equal(done.events[1].note, 'Sent with a cover note.');
  assert.equal((await anon.json(`/api/v1/actions/${action.id}/events`, { status: 'open' })).status, 401);

  // Signatories: none on record, no signature lines; then the secretariat sets them.
  const unsigned = await (await anon.fetch(`/en/meetings/${meeting.id}/record`)).text();
  assert.doesNotMatch(unsigned, /The Secretary-General:|The Chair:|class="signatures"/);
  res = await put(staff, `/api/v1/meetings/${meeting.id}/record`, { secretary_general: 'A. Secretary', chair: 'B. Chair', document: 'C99/9' });
  assert.equal((await res.json()).error.field, 'document');
  res = await put(staff, `/api/v1/meetings/${meeting.id}/record`, { secretary_general: 'A. Secretary', chair: 'B. Chair' });
  assert.equal(res.status, 200);
  assert.equal((await res.json()).chair, 'B. Chair');
  assert.match(await (await anon.fetch(`/en/meetings/${meeting.id}/record`)).text(),
    /The Secretary-General:<br><span dir="auto">A\. Secretary<\/span><\/td><td>The Chair:<br><span dir="auto">B\. Chair<\/span>/);
  const audit = await (await staff.fetch('/api/v1/audit?limit=100')).json();
  const actions = new Set(audit.items.map((e) => e.action));
  for (const a of ['agenda_item.create', 'speaker.add', 'speakers.reorder', 'speaker.status', 'intervention.add',
    'decision.add', 'candidature.add', 'action.create', 'action.event', 'summary_record.signatories'])
    assert.ok(actions.has(a), a);
});

test('a resolution\'s page lists the items of the record that cite it', async () => {
  const r102 = await (await anon.fetch('/api/v1/resolutions/pp/102?lang=zh')).json();
  const items = r102.cited_by.filter((c) => c.kind === 'agenda_item' && c.meeting.id === council.id);
  assert.deepEqual(items.map((c) => c.label), ['1', '4']);
  assert.equal(items[0].url, `/zh/meetings/${council.id}/record#item-1`);
  assert.equal(items[0].text, '第101、102、133、180和206号决议', 'the first citation: the item\'s title');
  const page = await (await anon.fetch('/en/resolutions/pp/174')).text();
  assert.match(page, /8th plenary meeting of the Council 2022, item 2/);
});

test('the record\'s items are found by search in Chinese and English', async () => {
  // The indexer runs behind the write; wait (bounded) until it has caught up.
  for (let i = 0; i < 50; i++) {
    // Item 5 of the record (paragraph 5.8), and the later plenary's item where the informal
    // consultations report back: both speak of them.
    const r = await (await anon.fetch('/api/v1/search?q=' + encodeURIComponent('非正式磋商') + '&kind=agenda_item')).json();
    const urls = r.items.map((x) => x.url);
    if (urls.some((u) => u.endsWith(`/meetings/${council.id}/record#item-5`))) {
      assert.ok(urls.every((u) => /\/meetings\/\d+\/record#item-\d+$/.test(u)), urls.join(' '));
      const en = await (await anon.fetch('/api/v1/search?q=candidate+Radio+Regulations+Board&kind=agenda_item')).json();
      assert.match(en.items[0].url, /#item-8$/);
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail('the record was not indexed');
});

test('the secretariat records an item, a paragraph and a decision with the agenda page\'s forms', async () => {
  const res0 = await staff.json('/api/v1/meetings', { body: 'council', kind: 'plenary', session: 'C24', number: 1,
    starts_on: '2024-06-04', mode: 'physical' });
  const meeting = await res0.json();
  const page = await (await staff.fetch(`/zh/meetings/${meeting.id}/agenda`)).text();
  const csrf = /name="csrf" value="([^"]+)"/.exec(page)[1];
  const form = (client, path, fields) => client.fetch(path, { method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });

  // Refused without a session, with a forged token, and for bad input (the page says why).
  let res = await form(anon, `/zh/meetings/${meeting.id}/agenda`, { csrf, number: '1', title: 'x' });
  assert.equal(res.status, 303);
  assert.match(res.headers.get('location'), /\/login/);
  assert.equal((await form(staff, `/zh/meetings/${meeting.id}/agenda`, { csrf: 'forged', number: '1', title: 'x' })).status, 403);
  res = await form(staff, `/en/meetings/${meeting.id}/agenda`, { csrf, number: '1', title: 'x', documents: 'C22/33 C99/1' });
  assert.equal(res.status, 400);
  assert.match(await res.text(), /Nothing matches the value of “Documents”\./);
  assert.equal((await (await anon.fetch(`/api/v1/meetings/${meeting.id}/agenda`)).json()).items.length, 0);

  res = await form(staff, `/zh/meetings/${meeting.id}/agenda`, { csrf, number: '1', title: '国际电联互联网活动',
    documents: 'C22/33, C22/51', text_lang: 'zh' });
  assert.equal(res.status, 303);
  assert.match(res.headers.get('location'), new RegExp(`/zh/meetings/${meeting.id}/agenda#item-1$`));
  const [item] = (await (await anon.fetch(`/api/v1/meetings/${meeting.id}/agenda?lang=zh`)).json()).items;
  assert.deepEqual(item.titles, { zh: '国际电联互联网活动' });
  assert.deepEqual(item.documents.map((d) => d.symbol), ['C22/33', 'C22/51']);

  res = await form(staff, `/zh/agenda-items/${item.id}/interventions`, { csrf, kind: 'intervention', capacity: 'councillor',
    member_state: 'GH', speaker: '', summary: '一位理事对报告表示欢迎。', text_lang: 'zh' });
  assert.equal(res.status, 303);
  res = await form(staff, `/zh/agenda-items/${item.id}/interventions`, { csrf, capacity: 'bureau', summary: 'x' });
  assert.equal(res.status, 400, 'a bureau needs its name');
  res = await form(staff, `/zh/agenda-items/${item.id}/decisions`, { csrf, kind: 'took_note', forwarded_to: '', wording: '' });
  assert.equal(res.status, 303);
  const record = await (await anon.fetch(`/api/v1/meetings/${meeting.id}/record?lang=zh`)).json();
  assert.deepEqual(record.items[0].paragraphs.map((p) => [p.number, p.text]), [
    ['1.1', '一位理事对报告表示欢迎。'],
    ['1.2', '理事会将C22/33和C22/51号文件中的报告记录在案。'],
  ]);
  const agenda = await (await anon.fetch(`/api/v1/agenda-items/${item.id}`)).json();
  assert.equal(agenda.interventions[0].anonymous, true);
  assert.equal(agenda.interventions[0].member_state, 'GH');
});

// A delegate asking for the floor 500 times would fill the list: one waiting request per
// delegate per item (409 for a second), and the others are still added.
test('a delegate has one waiting request per item on the list of speakers', async () => {
  const password = 'a long enough password';
  const made = await staff.json('/api/v1/users', { email: 'delegate.gh@example.int', name: 'Delegate of Ghana',
    role: 'delegate', member_state: 'GH', password });
  assert.equal(made.status, 201, await made.clone().text());
  const delegate = await new Client(server.url).login({ email: 'delegate.gh@example.int', password });
  const path = '/api/v1/agenda-items/2/speakers';
  // A delegate asks on the item under discussion only.
  assert.equal((await delegate.json(path, {})).status, 409);
  assert.equal((await staff.json('/api/v1/agenda-items/2/discussion', { under_discussion: true })).status, 200);
  const statuses = [];
  for (let i = 0; i < 5; i++) statuses.push((await delegate.json(path, {})).status);
  assert.deepEqual(statuses, [201, 409, 409, 409, 409]);
  const again = await delegate.json(path, {});
  assert.equal((await again.json()).error.code, 'conflict');
  const other = await staff.json(path, { name: 'Councillor of Chile', capacity: 'councillor', member_state: 'CL' });
  assert.equal(other.status, 201);
  const item = await (await staff.fetch('/api/v1/agenda-items/2')).json();
  assert.equal(item.speakers.filter((s) => s.member_state === 'GH' && s.status === 'waiting').length, 1);
});
