// Documents and the resolutions registry over HTTP: the demo's Council 2022 documents, access
// to a restricted document (its existence is private), revisions, uploads, the registry and
// what cites each resolution; the pages are valid HTML.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { HtmlValidate } from 'html-validate';
import { startServer, Client } from '../lib/server.mjs';

let server, anon, staff;
before(async () => {
  server = await startServer();
  anon = new Client(server.url);
  staff = await new Client(server.url).login();
});
after(async () => { await server?.stop(); });

const enc = encodeURIComponent;

async function getJson(client, path, status = 200) {
  const res = await client.fetch(path);
  const text = await res.text();
  assert.equal(res.status, status, `${path}: ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text);
}

async function restrictedId() {
  const { items } = await getJson(staff, '/api/v1/documents?q=C22/DT');
  const doc = items.find((d) => d.symbol === 'C22/DT/5');
  assert.ok(doc, 'the demo has the restricted document C22/DT/5');
  assert.equal(doc.access, 'member_states');
  return doc.id;
}

test('the demo lists the Council 2022 documents of the summary record, public and issued', async () => {
  const { items } = await getJson(anon, '/api/v1/documents');
  const symbols = items.map((d) => d.symbol);
  for (const s of ['C22/33', 'C22/18', 'C22/51', 'C22/58', 'C22/32(Rev.1)', 'C22/71', 'C22/8', 'C22/60', 'C22/87'])
    assert.ok(symbols.includes(s), `${s} is listed`);
  // The summary record C22/87 cites each of them.
  for (const s of ['C22/33', 'C22/18', 'C22/51', 'C22/58', 'C22/32(Rev.1)', 'C22/71', 'C22/8', 'C22/60']) {
    const d = await getJson(anon, '/api/v1/documents/' + enc(s));
    assert.ok(d.cited_by.some((c) => c.label === 'C22/87'), `C22/87 cites ${s}`);
  }
  assert.ok(!symbols.includes('C22/DT/5'), 'the restricted document is not listed');
  for (const d of items) {
    assert.equal(d.access, 'public');
    assert.ok(d.titles.zh && d.titles.en, `${d.symbol} has Chinese and English titles`);
    if (d.symbol !== 'C22/32' && d.symbol !== 'C22/18') assert.equal(d.status, 'issued');
  }
  // Natural order: C22/8 before C22/18 before C22/33.
  assert.ok(symbols.indexOf('C22/8') < symbols.indexOf('C22/18'));
  assert.ok(symbols.indexOf('C22/18') < symbols.indexOf('C22/33'));
  const prefix = await getJson(anon, '/api/v1/documents?q=' + enc('C22/3'));
  assert.deepEqual(prefix.items.map((d) => d.symbol), ['C22/32', 'C22/32(Rev.1)', 'C22/33']);
  const council = await getJson(anon, '/api/v1/documents?body=council');
  assert.equal(council.items.length, items.length);
  const bad = await getJson(anon, '/api/v1/documents?body=no-such-body', 400);
  assert.equal(bad.error.field, 'body');
});

test('the Council is named in the reader\'s language wherever its short name stands', async () => {
  // As the record writes it (理事会第1344号决议; مجلس), written by hand.
  const names = { zh: '理事会', ar: 'المجلس', fr: 'Conseil', es: 'Consejo', ru: 'Совет', en: 'Council' };
  for (const [lang, name] of Object.entries(names)) {
    for (const path of ['/documents/C22/51', '/meetings', '/documents']) {
      const html = await (await new Client(server.url).fetch(`/${lang}${path}`)).text();
      assert.ok(html.includes(`>${name}<`), `${lang}${path}: the Council is “${name}”`);
      if (lang !== 'en') assert.ok(!html.includes('>Council<'), `${lang}${path}: no English short name`);
    }
  }
});

test('a document is found by its symbol, URL-encoded or not, in its canonical form', async () => {
  const a = await getJson(anon, '/api/v1/documents/' + enc('C22/32(Rev.1)'));
  const b = await getJson(anon, '/api/v1/documents/C22/32(Rev.1)');
  const c = await getJson(anon, '/api/v1/documents/' + enc('C22/32 (Rev.1)'));
  assert.equal(a.id, b.id);
  assert.equal(a.id, c.id);
  assert.equal(a.symbol, 'C22/32(Rev.1)');
  assert.equal((await getJson(anon, `/api/v1/documents/${a.id}?lang=zh`)).title, '国际电联《全球网络安全议程》（GCA）的使用导则');
  assert.equal((await getJson(anon, '/api/v1/documents/' + enc('C22/999'), 404)).error.code, 'not_found');
  assert.equal((await anon.fetch('/en/documents/C22/32(Rev.1)')).status, 200);
});

test('a revision revises and supersedes the original; other documents cite it', async () => {
  const rev = await getJson(anon, '/api/v1/documents/' + enc('C22/32(Rev.1)'));
  assert.deepEqual(rev.relations.map((r) => [r.kind, r.symbol]), [['revises', 'C22/32']]);
  const original = await getJson(anon, '/api/v1/documents/C22/32');
  assert.equal(original.status, 'superseded');
  assert.deepEqual(original.related_by.map((r) => [r.kind, r.symbol]), [['revises', 'C22/32(Rev.1)']]);
  // C22/71 (China) cites the revision; the restricted compilation also does, for staff only.
  // So do the summary record itself (C22/87), the Council's action 5.8 (informal consultations)
  // and item 5 of the record of the Council's meeting.
  assert.deepEqual(rev.cited_by.map((c) => [c.kind, c.label]),
    [['document', 'C22/71'], ['document', 'C22/87'], ['action', '5.8'], ['agenda_item', '5']]);
  const seen = await getJson(staff, '/api/v1/documents/' + enc('C22/32(Rev.1)'));
  assert.deepEqual(seen.cited_by.map((c) => c.label).sort(), ['5', '5.8', 'C22/71', 'C22/87', 'C22/DT/5']);
});

test('a restricted document does not exist for anonymous readers: page, API and file answer 404', async () => {
  const id = await restrictedId();
  for (const path of [`/api/v1/documents/${id}`, '/api/v1/documents/' + enc('C22/DT/5'), '/api/v1/documents/C22/DT/5',
    `/en/documents/${id}`, '/zh/documents/C22/DT/5', `/documents/${id}/files/en`, `/en/documents/${id}/files/en`]) {
    const res = await anon.fetch(path);
    const body = await res.text();
    assert.equal(res.status, 404, `${path} answers 404 to an anonymous reader`);
    assert.ok(!body.includes('Informal consultations'), `${path} shows nothing of the document`);
  }
  // The same answer as for a document that does not exist.
  const hidden = await getJson(anon, `/api/v1/documents/${id}`, 404);
  const missing = await getJson(anon, '/api/v1/documents/99999', 404);
  assert.equal(hidden.error.code, missing.error.code);
  assert.equal(hidden.error.message.replace(String(id), 'N'), missing.error.message.replace('99999', 'N'));
  assert.deepEqual((await getJson(anon, '/api/v1/documents?q=C22/DT')).items, []);
  const list = await (await anon.fetch('/en/documents')).text();
  assert.ok(!list.includes('C22/DT/5'));

  // Staff see it, its file and its access level.
  const doc = await getJson(staff, `/api/v1/documents/${id}`);
  assert.equal(doc.symbol, 'C22/DT/5');
  assert.equal(doc.access, 'member_states');
  assert.deepEqual(doc.files.map((f) => f.language), ['en']);
  assert.equal((await staff.fetch(`/en/documents/${id}`)).status, 200);
  const file = await staff.fetch(`/documents/${id}/files/en`);
  assert.equal(file.status, 200);
  assert.match(file.headers.get('content-disposition'), /^attachment; filename="C22-DT-5-E\.txt"/);
  assert.match(file.headers.get('cache-control'), /no-store/);
  assert.match(await file.text(), /ILLUSTRATIVE DEMO FILE/);
});

test('public language versions download as attachments', async () => {
  const doc = await getJson(anon, '/api/v1/documents/C22/51');
  assert.deepEqual(doc.files.map((f) => f.language), ['zh']);
  const res = await anon.fetch(doc.files[0].url);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type'), /^text\/plain/);
  assert.match(res.headers.get('content-disposition'), /^attachment; filename="C22-51-C\.txt"/);
  assert.match(await res.text(), /第102号决议（2018年，迪拜，修订版）/);
  assert.equal((await anon.fetch(`/documents/${doc.id}/files/fr`)).status, 404);
});

test('the secretariat registers a document and uploads a language version; bad input names the field', async () => {
  const doc = {
    symbol: 'C22/33(Add.1)', body: 'council', date: '2022-03-20', source_kind: 'secretariat', access: 'public',
    title: { en: 'Addendum on Resolution 102 (Rev. Dubai, 2018)', zh: '关于第102号决议（2018年，迪拜，修订版）的补遗' },
  };
  assert.equal((await anon.json('/api/v1/documents', doc)).status, 401);
  const noCsrf = new Client(server.url);
  await noCsrf.login();
  noCsrf.csrf = '';
  assert.equal((await noCsrf.json('/api/v1/documents', doc)).status, 403);
  for (const [field, change] of [['symbol', { symbol: 'C22/033' }], ['symbol', { symbol: 'C22/33-E' }],
    ['date', { date: '2022-02-30' }], ['access', { access: 'everyone' }], ['title', { title: {} }],
    ['source_kind', { source_kind: 'ngo' }], ['relations.1.symbol', { relations: [{ kind: 'revises', symbol: 'C22/404' }] }]]) {
    const res = await staff.json('/api/v1/documents', { ...doc, ...change });
    const body = await res.json();
    assert.equal(res.status, 400, `${field}: ${JSON.stringify(body)}`);
    assert.equal(body.error.field, field);
    assert.ok(body.error.message.startsWith(field), body.error.message);
  }
  const created = await staff.json('/api/v1/documents', doc);
  assert.equal(created.status, 201);
  const d = await created.json();
  assert.deepEqual(d.relations.map((r) => [r.kind, r.symbol]), [['adds_to', 'C22/33']]);
  assert.equal((await staff.json('/api/v1/documents', doc)).status, 409);

  const upload = async (language, bytes, name) => {
    const form = new FormData();
    form.append('language', language);
    form.append('file', new Blob([bytes]), name);
    return staff.fetch(`/api/v1/documents/${d.id}/files`, { method: 'POST', body: form });
  };
  const png = await upload('en', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), 'x.pdf');
  assert.equal(png.status, 400);
  assert.equal((await png.json()).error.field, 'file');
  assert.equal((await upload('de', 'Text', 'x.txt')).status, 400);
  const ok = await upload('en', 'Addendum 1 to Document C22/33\n', 'addendum.txt');
  assert.equal(ok.status, 201);
  const info = await ok.json();
  assert.equal(info.media_type, 'text/plain');
  assert.equal(await (await anon.fetch(info.url)).text(), 'Addendum 1 to Document C22/33\n');
  // The addendum cites Resolution 102: the registry lists it.
  const r102 = await getJson(anon, '/api/v1/resolutions/pp/102');
  assert.ok(r102.cited_by.some((c) => c.kind === 'document' && c.label === 'C22/33(Add.1)'));
});

test('Council Resolution 1344 was merged into Resolution 1336 in 2019', async () => {
  const r = await getJson(anon, '/api/v1/resolutions/council/1344');
  assert.equal(r.status, 'merged');
  assert.equal(r.status_year, 2019);
  assert.equal(r.merged_into.instrument, 'council');
  assert.equal(r.merged_into.number, 1336);
  const into = await getJson(anon, '/api/v1/resolutions/council/1336');
  assert.equal(into.status, 'in_force');
  assert.deepEqual(into.merged_from.map((m) => m.number), [1344]);
  assert.equal(into.current, 'Rev. 2019');
  assert.ok(into.cited_by.some((c) => c.label === 'C22/51'));
});

test('Resolution 102 has its versions and what cites it', async () => {
  const r = await getJson(anon, '/api/v1/resolutions/pp/102');
  assert.ok(r.revisions.length > 0);
  assert.deepEqual(r.revisions.at(-1), { year: 2018, place: 'Dubai', place_name: 'Dubai', revised: true, label: 'Rev. Dubai, 2018' });
  assert.equal(r.current, 'Rev. Dubai, 2018');
  assert.match(r.title, /^ITU's role with regard to international public policy issues pertaining to the Internet/);
  assert.ok(r.cited_by.length > 0);
  const labels = r.cited_by.map((c) => c.label);
  for (const s of ['C22/33', 'C22/51', 'C22/58']) assert.ok(labels.includes(s), `${s} cites Resolution 102`);
  const zh = await getJson(anon, '/api/v1/resolutions/pp/102?lang=zh');
  assert.equal(zh.current, '2018年，迪拜，修订版');
  assert.equal(zh.name, '第102号决议');
  // A document links what it cites: C22/51 cites Resolution 102 and Council Resolution 1336.
  const c2251 = await getJson(anon, '/api/v1/documents/C22/51');
  const cites = c2251.cites.filter((c) => c.kind === 'resolution').map((c) => [c.name, c.url]);
  assert.ok(cites.some(([n, u]) => n === 'Resolution 102' && u === '/en/resolutions/pp/102'), JSON.stringify(cites));
  assert.ok(cites.some(([n, u]) => n === 'Council Resolution 1336' && u === '/en/resolutions/council/1336'));
  // Resolution 133 is cited by a document and by an action of the 17th meeting of CWG-Internet.
  const r133 = await getJson(anon, '/api/v1/resolutions/pp/133');
  assert.ok(r133.cited_by.some((c) => c.kind === 'action' && c.label === '2.7.3'));
  assert.ok(r133.cited_by.some((c) => c.kind === 'document' && c.label === 'C22/33'));
  const { items } = await getJson(anon, '/api/v1/resolutions');
  assert.equal(items.length, 12);
  assert.equal((await getJson(anon, '/api/v1/resolutions/pp/999', 404)).error.code, 'not_found');
  assert.equal((await getJson(anon, '/api/v1/resolutions?instrument=unga', 400)).error.field, 'instrument');
});

test('the secretariat registers a resolution; a duplicate is refused', async () => {
  const res = { instrument: 'wtdc', number: 5, title: { en: 'Enhanced participation of developing countries' },
    revisions: [{ year: 2017, place: 'Buenos Aires', revised: true }] };
  assert.equal((await anon.json('/api/v1/resolutions', res)).status, 401);
  const bad = await staff.json('/api/v1/resolutions', { ...res, status: 'merged', status_year: 2019 });
  assert.equal(bad.status, 400);
  assert.equal((await bad.json()).error.field, 'merged_into');
  const created = await staff.json('/api/v1/resolutions', res);
  assert.equal(created.status, 201);
  assert.equal((await created.json()).current, 'Rev. Buenos Aires, 2017');
  assert.equal((await staff.json('/api/v1/resolutions', res)).status, 409);
});

const validator = new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'long-title': 'off' } });

test('document and resolution pages are valid HTML in English, Chinese and Arabic', async () => {
  const rev = await getJson(anon, '/api/v1/documents/' + enc('C22/32(Rev.1)'));
  const pages = [[anon, '/documents'], [anon, `/documents/${rev.id}`], [anon, '/documents/C22/51'],
    [anon, '/resolutions'], [anon, '/resolutions/pp/102'], [anon, '/resolutions/council/1344'],
    [anon, '/resolutions/pp/133'], [staff, `/documents/${await restrictedId()}`], [staff, '/documents']];
  for (const lang of ['en', 'zh', 'ar']) {
    for (const [client, p] of pages) {
      const res = await client.fetch(`/${lang}${p}`);
      assert.equal(res.status, 200, `/${lang}${p}`);
      const report = await validator.validateString(await res.text());
      const messages = report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId} line ${m.line}: ${m.message}`));
      assert.deepEqual(messages, [], `/${lang}${p} is not valid HTML`);
    }
  }
  const page = await (await anon.fetch('/en/resolutions/council/1344')).text();
  assert.match(page, /merged into Council Resolution 1336/);
  const zh = await (await anon.fetch('/zh/resolutions/pp/102')).text();
  assert.match(zh, /第102号决议（2018年，迪拜，修订版）/);
});

test('the secretariat edits a document; status only moves forward; restricting it hides it', async () => {
  const patch = (client, symbol, body) => client.fetch(`/api/v1/documents/${enc(symbol)}`, {
    method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  let res = await staff.json('/api/v1/documents', { symbol: 'C22/95', title: { en: 'Draft note' }, date: '2022-03-01',
    source_kind: 'secretariat', access: 'public', status: 'draft' });
  assert.equal(res.status, 201);
  assert.equal((await patch(anon, 'C22/95', { status: 'issued' })).status, 401);
  for (const [body, field, status] of [[{}, 'body', 400], [{ symbol: 'C22/96' }, 'symbol', 400],
    [{ date: '2022-13-01' }, 'date', 400], [{ access: 'everyone' }, 'access', 400], [{ title: '' }, 'title', 400],
    [{ status: 42 }, 'status', 400]]) {
    res = await patch(staff, 'C22/95', body);
    assert.equal(res.status, status, JSON.stringify(body));
    assert.equal((await res.json()).error.field, field);
  }
  res = await patch(staff, 'C22/95', { status: 'issued', title: { en: 'Note on Resolution 102 (Rev. Dubai, 2018)', zh: '说明' } });
  assert.equal(res.status, 200);
  const d = await res.json();
  assert.equal(d.status, 'issued');
  assert.equal(d.title, 'Note on Resolution 102 (Rev. Dubai, 2018)');
  assert.equal((await patch(staff, 'C22/95', { status: 'draft' })).status, 409);
  // The new title's citation reaches the registry's "cited by".
  const r102 = await getJson(anon, '/api/v1/resolutions/pp/102');
  assert.ok(r102.cited_by.some((c) => c.label === 'C22/95'));
  // Restricted to Member States: gone for the public, in the API and its lists.
  assert.equal((await patch(staff, 'C22/95', { access: 'member_states' })).status, 200);
  await getJson(anon, `/api/v1/documents/${enc('C22/95')}`, 404);
  assert.ok(!(await getJson(anon, '/api/v1/documents?q=C22/9')).items.some((x) => x.symbol === 'C22/95'));
  const audit = await getJson(staff, '/api/v1/audit?limit=20');
  const entry = audit.items.find((e) => e.action === 'document.update');
  assert.ok(entry && JSON.parse(entry.after).access === 'member_states');
});

test('the secretariat edits a document with the form on its page; other roles see no form', async () => {
  const id = (await getJson(anon, '/api/v1/documents/' + enc('C22/60'))).id;
  const page = await (await staff.fetch(`/fr/documents/${id}`)).text();
  assert.match(page, /action="\/fr\/documents\/\d+\/edit"/);
  assert.ok(!(await (await anon.fetch(`/fr/documents/${id}`)).text()).includes('/edit"'));
  const csrf = /name="csrf" value="([^"]+)"/.exec(page)[1];
  const form = (fields) => staff.fetch(`/fr/documents/${id}/edit`, { method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ csrf, ...fields }).toString() });
  let res = await form({ text_lang: 'fr', title: 'Rapport sur quatre années d\'activités du GTC-SMSI&ODD', summary: '',
    access: 'public', status: 'draft' });
  assert.equal(res.status, 409, 'status only moves forward');
  res = await form({ text_lang: 'fr', title: 'Rapport sur quatre années d\'activités du GTC-SMSI&ODD', summary: 'Résumé.',
    access: 'public', status: 'issued' });
  assert.equal(res.status, 303);
  const d = await getJson(anon, `/api/v1/documents/${id}`);
  assert.equal(d.titles.fr, 'Rapport sur quatre années d\'activités du GTC-SMSI&ODD');
  assert.ok(d.titles.en && d.titles.zh, 'the other languages are kept');
  assert.equal((await anon.fetch(`/fr/documents/${id}/edit`, { method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `csrf=${csrf}&title=x` })).status, 303);
  assert.equal((await getJson(anon, `/api/v1/documents/${id}`)).titles.fr, d.titles.fr, 'nothing written without a session');
});
