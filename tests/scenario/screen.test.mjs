// The room's screen of a negotiated text over HTTP: the demo's draft guidelines of
// C22/32(Rev.1) shown in large type at /texts/{id}/screen, the provision under discussion chosen
// by the secretariat (API and page form, refused to delegates, audited), the stream of events
// that tells each screen of every edit within a second, the bound on the number of screens
// (--max-screen-watchers), and 404 on both routes for a reader who may not see the text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, jsonOf } from '../lib/server.mjs';
import { events } from '../lib/events.mjs';

const PASSWORD = 'a long enough password for tests';
let server, staff, anon, cn, textId;

before(async () => {
  server = await startServer({ args: ['--max-screen-watchers', '2'] });
  anon = new Client(server.url);
  staff = await new Client(server.url).login();
  await jsonOf(staff.json('/api/v1/users', { email: 'cn@screen.example.int', name: 'Delegate of China',
    role: 'delegate', member_state: 'CN', password: PASSWORD }), 201);
  cn = await new Client(server.url).login({ email: 'cn@screen.example.int', password: PASSWORD });
  const { items } = await jsonOf(staff.fetch(`/api/v1/texts?document=${encodeURIComponent('C22/32(Rev.1)')}`));
  assert.equal(items.length, 1, 'the demo has one text on C22/32(Rev.1)');
  textId = items[0].id;
});
after(async () => { await server?.stop(); });

const text = () => jsonOf(staff.fetch(`/api/v1/texts/${textId}`));
const label = (t, id) => t.provisions.find((p) => p.id === id)?.label;
const screenEvents = (res) => events(res, 'change');
// The label of the provision a screen page shows (in large type).
const focusOf = (html) => (html.match(/<p class="provision focus" id="p\d+"><span class="label"><bdi>([^<]*)<\/bdi>/) || [])[1];

test('the screen shows the provision under discussion; the secretariat chooses it, a delegate may not', async () => {
  const t = await text();
  const by = Object.fromEntries(t.provisions.map((p) => [p.label, p]));
  // Nothing chosen: the first provision that retains square brackets.
  assert.equal(t.under_discussion, null);
  assert.equal(t.on_screen, by['2.b'].id);
  let page = await cn.fetch(`/en/texts/${textId}/screen`);
  assert.equal(page.status, 200);
  let html = await page.text();
  assert.equal(focusOf(html), '2.b');
  assert.match(html, /<span class="bracket">\[<bdi>and shall not address national security matters<\/bdi>\]<\/span>/);
  assert.match(html, /Only two provisions retain square brackets \(2\.b and 6\.c\)\./);
  assert.match(html, /data-screen-events="\/api\/v1\/texts\/\d+\/events"/);
  // In Arabic: the Arabic text, right to left, the label isolated.
  html = await (await cn.fetch(`/ar/texts/${textId}/screen?lang=ar`)).text();
  assert.match(html, /<div class="draft" lang="ar" dir="rtl">/);
  assert.equal(focusOf(html), '2.b');

  // Bad input names the field and changes nothing; a delegate may not choose.
  const path = `/api/v1/texts/${textId}/under-discussion`;
  for (const [body, status, field] of [[{}, 400, 'provision'], [{ provision: 'x' }, 400, 'provision'],
    [{ provision: 999999 }, 400, 'provision']]) {
    const res = await staff.json(path, body);
    assert.equal(res.status, status, JSON.stringify(body));
    assert.equal((await res.json()).error.field, field);
  }
  assert.equal((await cn.json(path, { provision: by['6.c'].id })).status, 403);
  assert.equal((await anon.json(path, { provision: by['6.c'].id })).status, 401);
  assert.equal((await staff.json(`/api/v1/texts/999999/under-discussion`, { provision: null })).status, 404);
  assert.equal((await text()).under_discussion, null);

  // The secretariat puts 6.c under discussion: the text's version stays, the screen shows 6.c.
  const chosen = await jsonOf(staff.json(path, { provision: by['6.c'].id }));
  assert.equal(chosen.under_discussion, by['6.c'].id);
  assert.equal(chosen.on_screen, by['6.c'].id);
  assert.equal(chosen.version, t.version);
  html = await (await cn.fetch(`/en/texts/${textId}/screen`)).text();
  assert.equal(focusOf(html), '6.c');
  // The text page marks it for its readers.
  html = await (await cn.fetch(`/en/texts/${textId}`)).text();
  assert.match(html, new RegExp(`class="provision paragraph discussed" id="p${by['6.c'].id}"`));

  // The page form (no JavaScript) does the same, and back to automatic with an empty choice.
  const form = (fields) => staff.fetch(`/en/texts/${textId}/under-discussion`, { method: 'POST', redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrf: staff.csrf, ...fields }).toString() });
  let res = await form({ provision: String(by['4.a'].id) });
  assert.equal(res.status, 303);
  assert.equal(res.headers.get('location'), `/en/texts/${textId}#p${by['4.a'].id}`);
  assert.equal((await text()).under_discussion, by['4.a'].id);
  res = await form({ provision: 'abc' });
  assert.equal(res.status, 400);
  assert.equal((await text()).under_discussion, by['4.a'].id);
  res = await form({ provision: '' });
  assert.equal(res.status, 303);
  const back = await text();
  assert.equal(back.under_discussion, null);
  assert.equal(back.on_screen, by['2.b'].id);

  // Audited: who chose what.
  const audit = await jsonOf(staff.fetch('/api/v1/audit'));
  const mine = audit.items.filter((e) => e.action === 'text.under_discussion' && e.object_id === textId);
  assert.deepEqual(mine.map((e) => JSON.parse(e.after).label ?? null), [undefined, '4.a', '6.c'].map((x) => x ?? null));
  assert.ok(mine.every((e) => e.user === 'secretariat@example.int'));
});

test('screens hear of each edit within a second; at most --max-screen-watchers of them', async () => {
  const path = `/api/v1/texts/${textId}/events`;
  const first = await cn.fetch(path);
  assert.equal(first.status, 200);
  assert.match(first.headers.get('content-type'), /^text\/event-stream/);
  assert.equal(first.headers.get('cache-control'), 'no-store');
  const a = screenEvents(first);
  const start = await a.next();
  assert.equal(start.text, textId);
  const second = await staff.fetch(path);
  assert.equal(second.status, 200);
  const b = screenEvents(second);
  await b.next();
  // A third screen is refused while two watch.
  const third = await cn.fetch(path);
  assert.equal(third.status, 503);
  assert.equal(third.headers.get('retry-after'), '30');
  assert.equal((await third.json()).error.field, 'watchers');

  // An edit by the secretariat reaches both within a second.
  const t = await text();
  const p = t.provisions.find((x) => x.label === '4.a');
  const t0 = Date.now();
  await jsonOf(staff.fetch(`/api/v1/provisions/${p.id}`, { method: 'PATCH',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ version: t.version, text: { en: p.texts.en.replace('.', ', as agreed.') } }) }));
  const [ea, eb] = await Promise.all([a.next(1000), b.next(1000)]);
  const took = Date.now() - t0;
  assert.ok(ea.change > start.change);
  assert.equal(ea.change, eb.change);
  console.log(`# an edit reached two screens in ${took} ms`);
  // A refused edit (stale version) says nothing.
  const stale = await staff.fetch(`/api/v1/provisions/${p.id}`, { method: 'PATCH',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ version: t.version, text: { en: 'Lost words.' } }) });
  assert.equal(stale.status, 409);
  await assert.rejects(a.next(500), /no event within/);
  // A screen that leaves gives its place back.
  await b.cancel();
  let reopened;
  for (let i = 0; i < 20; i++) {
    reopened = await cn.fetch(path);
    if (reopened.status === 200) break;
    await reopened.body?.cancel();
    await new Promise((ok) => setTimeout(ok, 100));
  }
  assert.equal(reopened.status, 200);
  await reopened.body.cancel();
  await a.cancel();
});

test('a reader who may not see the text gets 404 for its screen and its events', async () => {
  for (const path of [`/en/texts/${textId}/screen`, `/api/v1/texts/${textId}/events`,
    '/en/texts/999999/screen', '/api/v1/texts/999999/events', '/api/v1/texts/abc/events']) {
    const res = await anon.fetch(path);
    assert.equal(res.status, 404, path);
    await res.body?.cancel();
  }
  // A text for the secretariat only: 404 for a delegate too.
  const { items } = await jsonOf(anon.fetch('/api/v1/meetings'));
  const plenaries = items.filter((m) => m.kind === 'plenary' && m.session === 'C22' && m.number === 8);
  let item5;
  for (const m of plenaries) {
    const agenda = await jsonOf(anon.fetch(`/api/v1/meetings/${m.id}/agenda`));
    item5 = item5 || agenda.items.find((i) => i.number === '5');
  }
  assert.ok(item5, 'a Council 2022 plenary has item 5');
  const secret = await jsonOf(staff.json('/api/v1/texts', { document: 'C22/32(Rev.1)', agenda_item: item5.id,
    title: { en: 'Secretariat draft' }, languages: ['en'], access: 'secretariat' }), 201);
  for (const path of [`/en/texts/${secret.id}/screen`, `/api/v1/texts/${secret.id}/events`]) {
    const res = await cn.fetch(path);
    assert.equal(res.status, 404, path);
    await res.body?.cancel();
  }
  const own = await staff.fetch(`/en/texts/${secret.id}/screen`);
  assert.equal(own.status, 200);
  assert.match(await own.text(), /This text has no provisions yet\./);
});
