// The delegates' floor over HTTP: the secretariat marks the item under discussion with its
// speaking time, a delegate asks for the floor from the agenda page, sees their place, is
// refused a second request (409, in the page's language) and withdraws, and is refused on an item
// that is not under discussion (409, in the API in the language the client asks for); the floor and its clock;
// the stream of events that tells watchers of each change (within a second), the bound on the
// number of watchers, and a server that stops promptly with a stream open.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, jsonOf } from '../lib/server.mjs';
import { events } from '../lib/events.mjs';

const PASSWORD = 'a long enough password';
let server, staff, anon, delegate, other, meeting, item, otherItem;

const form = (client, path, fields) => client.fetch(path, {
  method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams({ csrf: client.csrf, ...fields }).toString() });

async function makeDelegate(email, name, member_state) {
  await jsonOf(staff.json('/api/v1/users', { email, name, role: 'delegate', member_state, password: PASSWORD }), 201);
  return new Client(server.url).login({ email, password: PASSWORD });
}

before(async () => {
  server = await startServer({ args: ['--max-floor-watchers', '2'] });
  anon = new Client(server.url);
  staff = await new Client(server.url).login();
  const { items } = await jsonOf(anon.fetch('/api/v1/meetings'));
  meeting = items.find((m) => m.kind === 'plenary' && m.session === 'C22' && m.number === 8);
  const agenda = await jsonOf(anon.fetch(`/api/v1/meetings/${meeting.id}/agenda`));
  item = agenda.items.find((i) => i.number === '3');
  otherItem = agenda.items.find((i) => i.number === '4');
  delegate = await makeDelegate('floor.gh@example.int', 'Delegate of Ghana', 'GH');
  other = await makeDelegate('floor.ch@example.int', 'Delegate of Switzerland', 'CH');
});
after(async () => { await server?.stop(); });

const floorEvents = (res) => events(res, 'floor');

test('the secretariat marks the item under discussion and its speaking time; bad input changes nothing', async () => {
  const path = `/api/v1/agenda-items/${item.id}/discussion`;
  for (const bad of [9, 3601, '90', 1.5]) {
    const res = await staff.json(path, { speaking_seconds: bad });
    assert.equal(res.status, 400, `speaking_seconds ${bad}`);
    assert.equal((await res.json()).error.field, 'speaking_seconds');
  }
  assert.equal((await staff.json(path, { under_discussion: 'yes' })).status, 400);
  // Not the delegate's to decide, nor an anonymous reader's.
  assert.equal((await delegate.json(path, { speaking_seconds: 60 })).status, 403);
  assert.equal((await anon.json(path, { speaking_seconds: 60 })).status, 401);
  let got = await jsonOf(staff.fetch(`/api/v1/agenda-items/${item.id}`));
  assert.equal(got.under_discussion, false);
  assert.equal(got.speaking_seconds, 180);
  // The page form, refused then accepted; another item under discussion stops being so.
  let res = await form(staff, `/agenda-items/${otherItem.id}/discussion`, { speaking_seconds: '120', op: 'start' });
  assert.equal(res.status, 303);
  res = await form(staff, `/fr/agenda-items/${item.id}/discussion`, { speaking_seconds: '5', op: 'start' });
  assert.equal(res.status, 400);
  assert.match(await res.text(), /Le champ «\u00a0Temps de parole \(secondes\)\u00a0» doit être un nombre entier compris entre 10 et 3[\u202f\u00a0]600\./);
  res = await form(staff, `/agenda-items/${item.id}/discussion`, { speaking_seconds: '90', op: 'start' });
  assert.equal(res.status, 303);
  got = await jsonOf(staff.fetch(`/api/v1/agenda-items/${item.id}`));
  assert.equal(got.under_discussion, true);
  assert.equal(got.speaking_seconds, 90);
  assert.equal((await jsonOf(staff.fetch(`/api/v1/agenda-items/${otherItem.id}`))).under_discussion, false);
});

test('a delegate asks for the floor on the page, sees their place, is refused a second time and withdraws', async () => {
  const page = `/en/meetings/${meeting.id}/agenda`;
  // The button is on the item under discussion only.
  let html = await (await delegate.fetch(page)).text();
  const section = (h, n) => h.slice(h.indexOf(`id="item-${n}"`), h.indexOf('</section>', h.indexOf(`id="item-${n}"`)));
  assert.match(section(html, '3'), /Request the floor/);
  assert.doesNotMatch(section(html, '4'), /Request the floor/);
  // Someone already waits: the delegate will be second.
  await jsonOf(staff.json(`/api/v1/agenda-items/${item.id}/speakers`, { name: 'Councillor of Chile', capacity: 'councillor', member_state: 'CL' }), 201);
  let res = await form(delegate, `/agenda-items/${item.id}/speakers`, {});
  assert.equal(res.status, 303);
  html = await (await delegate.fetch(page)).text();
  assert.match(section(html, '3'), /You are number 2 on the list of speakers\./);
  assert.doesNotMatch(section(html, '3'), /Request the floor/);
  // A second request: 409 with the sentence in the reader's language (written by hand).
  res = await form(delegate, `/zh/agenda-items/${item.id}/speakers`, {});
  assert.equal(res.status, 409);
  assert.match(await res.text(), /您已就本议项请求发言：请等候轮到您，或先撤回请求。/);
  res = await form(delegate, `/ar/agenda-items/${item.id}/speakers`, {});
  assert.equal(res.status, 409);
  assert.match(await res.text(), /لقد طلبت الكلمة بالفعل في هذا البند: انتظر دورك، أو اسحب طلبك أولًا\./);
  const api = await delegate.json(`/api/v1/agenda-items/${item.id}/speakers`, {});
  assert.equal(api.status, 409);
  assert.equal((await api.json()).error.field, 'speakers');
  // The API's 409 in the client's language, the same sentences (written by hand above).
  for (const [lang, sentence] of [['zh', '您已就本议项请求发言：请等候轮到您，或先撤回请求。'],
    ['ar', 'لقد طلبت الكلمة بالفعل في هذا البند: انتظر دورك، أو اسحب طلبك أولًا.']]) {
    const again = await delegate.json(`/api/v1/agenda-items/${item.id}/speakers?lang=${lang}`, {});
    assert.equal(again.status, 409, lang);
    const { error } = await again.json();
    assert.deepEqual([error.code, error.field, error.message], ['conflict', 'speakers', sentence], lang);
  }
  delegate.cookies.delete('plenary_lang'); // ?lang= chose the language of later answers too
  let speakers = (await jsonOf(staff.fetch(`/api/v1/agenda-items/${item.id}`))).speakers;
  const mine = speakers.filter((s) => s.member_state === 'GH' && s.status === 'waiting');
  assert.equal(mine.length, 1);
  const chile = speakers.find((s) => s.member_state === 'CL');
  // Another delegate may not withdraw it, nor anyone's else; the delegate may not give the floor.
  assert.equal((await form(other, `/speakers/${mine[0].id}`, { op: 'withdrawn' })).status, 403);
  assert.equal((await other.json(`/api/v1/speakers/${mine[0].id}/status`, { status: 'withdrawn' })).status, 403);
  assert.equal((await delegate.json(`/api/v1/speakers/${chile.id}/status`, { status: 'withdrawn' })).status, 403);
  assert.equal((await delegate.json(`/api/v1/speakers/${mine[0].id}/status`, { status: 'floor' })).status, 403);
  res = await form(delegate, `/speakers/${mine[0].id}`, { op: 'withdrawn' });
  assert.equal(res.status, 303);
  speakers = (await jsonOf(staff.fetch(`/api/v1/agenda-items/${item.id}`))).speakers;
  assert.equal(speakers.find((s) => s.id === mine[0].id).status, 'withdrawn');
  html = await (await delegate.fetch(page)).text();
  assert.match(section(html, '3'), /Request the floor/);
  // The audit log names who withdrew.
  const audit = await (await staff.fetch('/api/v1/audit?per_page=200')).text();
  assert.match(audit, /floor\.gh@example\.int/);
});

test('a delegate is refused the floor on an item that is not under discussion, in the API and on the page, in the reader\'s language', async () => {
  const path = `/api/v1/agenda-items/${otherItem.id}/speakers`;
  const count = async () => (await jsonOf(staff.fetch(`/api/v1/agenda-items/${otherItem.id}`))).speakers.length;
  const before = await count();
  // English by default, with the field and the code clients rely on.
  let res = await delegate.json(path, {});
  assert.equal(res.status, 409);
  let body = await res.json();
  assert.equal(body.error.code, 'failed_precondition');
  assert.equal(body.error.field, 'under_discussion');
  assert.match(body.error.message, /not under discussion/);
  // The language the client asks for, by Accept-Language or by ?lang= (sentences written by hand);
  // the language cookie a page visit set would come first, as for pages.
  delegate.cookies.delete('plenary_lang');
  res = await delegate.json(path, {}, { headers: { 'accept-language': 'fr-CH, fr;q=0.9' } });
  assert.equal(res.status, 409);
  assert.equal(res.headers.get('content-language'), 'fr');
  body = await res.json();
  assert.equal(body.error.field, 'under_discussion');
  assert.equal(body.error.message, 'La parole ne peut être demandée que sur le point de l’ordre du jour en cours d’examen.');
  res = await delegate.json(`${path}?lang=zh`, {});
  assert.equal(res.status, 409);
  assert.equal((await res.json()).error.message, '只能就正在讨论的议项请求发言。');
  // The page's form, in Arabic.
  res = await form(delegate, `/ar/agenda-items/${otherItem.id}/speakers`, {});
  assert.equal(res.status, 409);
  assert.match(await res.text(), /لا يمكن طلب الكلمة إلا بشأن بند جدول الأعمال قيد المناقشة\./);
  assert.equal(await count(), before);
  // The staff still add anyone to any item's list.
  await jsonOf(staff.json(path, { name: 'Councillor of Peru', capacity: 'councillor', member_state: 'PE' }), 201);
  assert.equal(await count(), before + 1);
});

test('the floor: the speaker who has it comes first with their clock; the next one ends their turn', async () => {
  const speakers = (await jsonOf(staff.fetch(`/api/v1/agenda-items/${item.id}`))).speakers;
  const chile = speakers.find((s) => s.member_state === 'CL' && s.status === 'waiting');
  const before = Math.floor(Date.now() / 1000);
  await jsonOf(staff.json(`/api/v1/speakers/${chile.id}/status`, { status: 'floor' }));
  const got = await jsonOf(anon.fetch(`/api/v1/agenda-items/${item.id}`));
  assert.equal(got.floor.speaker_id, chile.id);
  assert.ok(got.floor.remaining_seconds <= 90 && got.floor.remaining_seconds >= 85, String(got.floor.remaining_seconds));
  assert.ok(Date.parse(got.floor.since) / 1000 >= before - 1);
  assert.equal(got.speakers[0].id, chile.id);
  assert.equal(got.speakers[0].has_floor, true);
  assert.equal((await staff.json(`/api/v1/speakers/${chile.id}/status`, { status: 'floor' })).status, 409);
  const html = await (await anon.fetch(`/meetings/${meeting.id}/agenda`)).text();
  assert.match(html, /Councillor of Chile<\/span><\/strong>[^]*has the floor · Time left <span class="clock" dir="ltr" data-left="(8[5-9]|90)">1:[23]\d<\/span>/);
  // The page in Chinese says the same.
  const zh = await (await anon.fetch(`/zh/meetings/${meeting.id}/agenda`)).text();
  assert.match(zh, /正在发言 · 剩余时间 <span class="clock"/);
  // Another speaker gets the floor: Chile has spoken.
  const next = await jsonOf(staff.json(`/api/v1/agenda-items/${item.id}/speakers`, { name: 'Councillor of Kenya', capacity: 'councillor', member_state: 'KE' }), 201);
  await jsonOf(staff.json(`/api/v1/speakers/${next.id}/status`, { status: 'floor' }));
  const after = await jsonOf(anon.fetch(`/api/v1/agenda-items/${item.id}`));
  assert.equal(after.floor.speaker_id, next.id);
  assert.equal(after.speakers.find((s) => s.id === chile.id).status, 'done');
  await jsonOf(staff.json(`/api/v1/speakers/${next.id}/status`, { status: 'done' }));
  assert.equal((await jsonOf(anon.fetch(`/api/v1/agenda-items/${item.id}`))).floor, null);
});

test('watchers hear of each change within a second; at most --max-floor-watchers of them', async () => {
  const path = `/api/v1/meetings/${meeting.id}/speakers/events`;
  assert.equal((await anon.fetch('/api/v1/meetings/99999/speakers/events')).status, 404);
  const first = await anon.fetch(path);
  assert.equal(first.status, 200);
  assert.match(first.headers.get('content-type'), /^text\/event-stream/);
  assert.equal(first.headers.get('cache-control'), 'no-store');
  const a = floorEvents(first);
  const start = await a.next();
  assert.equal(start.meeting, meeting.id);
  const second = await anon.fetch(path);
  assert.equal(second.status, 200);
  const b = floorEvents(second);
  await b.next();
  // A third watcher is refused while two watch.
  const third = await anon.fetch(path);
  assert.equal(third.status, 503);
  assert.equal(third.headers.get('retry-after'), '30');
  assert.equal((await third.json()).error.field, 'watchers');
  // A change reaches both within a second.
  const t0 = Date.now();
  await jsonOf(delegate.json(`/api/v1/agenda-items/${item.id}/speakers`, {}), 201);
  const [ea, eb] = await Promise.all([a.next(1000), b.next(1000)]);
  const took = Date.now() - t0;
  assert.ok(ea.version > start.version);
  assert.equal(ea.version, eb.version);
  console.log(`# a change reached two watchers in ${took} ms`);
  // Changes of another meeting say nothing to these watchers.
  const other = (await jsonOf(anon.fetch('/api/v1/meetings'))).items.find((m) => m.id !== meeting.id);
  const elsewhere = await jsonOf(staff.json(`/api/v1/meetings/${other.id}/agenda`, { number: '77', title: { en: 'Other business' } }), 201);
  await jsonOf(staff.json(`/api/v1/agenda-items/${elsewhere.id}/speakers`, { name: 'Councillor of Peru', capacity: 'councillor', member_state: 'PE' }), 201);
  await assert.rejects(a.next(500), /no event within/);
  // A watcher that leaves gives its place back.
  await b.cancel();
  let reopened;
  for (let i = 0; i < 20; i++) {
    reopened = await anon.fetch(path);
    if (reopened.status === 200) break;
    await reopened.body?.cancel();
    await new Promise((ok) => setTimeout(ok, 100));
  }
  assert.equal(reopened.status, 200);
  await reopened.body.cancel();
  await a.cancel();
});

test('the server stops promptly with a stream open', async () => {
  const own = await startServer();
  const meetings = (await jsonOf(fetch(own.url + '/api/v1/meetings'))).items;
  const res = await fetch(`${own.url}/api/v1/meetings/${meetings[0].id}/speakers/events`);
  assert.equal(res.status, 200);
  await floorEvents(res).next();
  const t0 = Date.now();
  const { code } = await own.stop();
  assert.equal(code, 0);
  assert.ok(Date.now() - t0 < 5000, `stopped in ${Date.now() - t0} ms`);
});
