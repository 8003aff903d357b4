// The list of published responses: `total` is the counter kept with the responses (it follows
// submissions, publication and rejection at once), and the `after` cursor walks the same list
// as the page numbers, in the same order, at any depth.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, jsonOf, isoFromNow } from '../lib/server.mjs';

let server, anon, staff;
before(async () => {
  server = await startServer();
  anon = new Client(server.url);
  staff = await new Client(server.url).login();
});
after(async () => { await server?.stop(); });

test('total follows the responses at once; after walks the pages; a bad cursor is 400', async () => {
  const c = await jsonOf(staff.json('/api/v1/consultations', { key: 'list-test', body: 'cwg-internet',
    title: { en: 'List test' }, description: 'x', questions: [{ en: 'Q?' }],
    opens_at: isoFromNow(-3600), deadline: isoFromNow(3600), timezone: 'UTC' }), 201);
  const list = (query) => jsonOf(anon.fetch(`/api/v1/consultations/${c.id}/responses?${query}`));
  const ids = [];
  for (let i = 1; i <= 7; i++) {
    const { reference } = await jsonOf(anon.json(`/api/v1/consultations/${c.id}/responses`, {
      name: `Respondent ${i}`, country: 'CH', stakeholder_type: 'civil_society', email: `r${i}@example.org`,
      language: 'en', answers: { 1: `Answer number ${i}.` }, consent_publish: true }), 201);
    const queue = await jsonOf(staff.fetch(`/api/v1/consultations/${c.id}/moderation?per_page=200`));
    ids.push({ reference, id: queue.items.find((r) => r.reference === reference).id });
  }
  assert.equal((await list('per_page=2')).total, 0, 'nothing published yet');
  for (const { id } of ids.slice(0, 6)) await jsonOf(staff.json(`/api/v1/responses/${id}/accept`, {}));
  await jsonOf(staff.json(`/api/v1/responses/${ids[6].id}/reject`, { reason: 'Off topic' }));
  await jsonOf(staff.json(`/api/v1/consultations/${c.id}/publish`, {}));
  const moderation = await jsonOf(staff.fetch(`/api/v1/consultations/${c.id}/moderation?per_page=1`));
  assert.equal(moderation.total, 7, 'the moderators count every status');

  // Page numbers and the cursor give the same six, in the same order.
  const byNumber = [];
  for (let p = 1; p <= 3; p++) {
    const page = await list(`per_page=2&page=${p}`);
    assert.equal(page.total, 6);
    byNumber.push(...page.items.map((r) => r.reference));
  }
  const byCursor = [];
  let page = await list('per_page=2');
  for (;;) {
    byCursor.push(...page.items.map((r) => r.reference));
    if (page.next === null) break;
    assert.match(page.next, /^\d+\.\d+$/);
    page = await list(`per_page=2&after=${page.next}`);
  }
  assert.deepEqual(byNumber, ids.slice(0, 6).map((r) => r.reference));
  assert.deepEqual(byCursor, byNumber);

  // The public list is kept for anonymous readers (no cookie set), and changes at once.
  const path = `/api/v1/consultations/${c.id}/responses?per_page=3`;
  await anon.fetch(path);
  const kept = await anon.fetch(path);
  assert.equal(kept.headers.get('x-plenary-cache'), 'hit');
  assert.equal(kept.headers.get('set-cookie'), null);
  assert.equal((await kept.json()).total, 6);
  await jsonOf(staff.json(`/api/v1/responses/${ids[0].id}/reject`, { reason: 'Withdrawn by its author' }));
  assert.equal((await jsonOf(anon.fetch(path))).total, 5, 'a rejection counts at once');

  // The HTML list's Next link carries the cursor, and following it shows the next page.
  const html = await (await anon.fetch(`/en/consultations/${c.id}/responses`)).text();
  assert.doesNotMatch(html, /rel="next"/, 'six fit on the first page of fifty');
  for (const bad of ['x', '12', '1.2.3', '-1.2', '1.']) {
    const res = await anon.fetch(`/api/v1/consultations/${c.id}/responses?after=${bad}`);
    assert.equal(res.status, 400, bad);
    assert.equal((await res.json()).error.field, 'after');
  }
  assert.equal((await anon.fetch(`/en/consultations/${c.id}/responses?after=x`)).status, 400);
  // The consultation page shows the same counter.
  assert.match(await (await anon.fetch(`/en/consultations/${c.id}`)).text(), /5 published responses/);
});
