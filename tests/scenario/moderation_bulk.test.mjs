// Bulk moderation: many responses accepted or rejected in one use case, through the API and the
// desk's form (a confirmation page that lists them first, nothing changed until confirmed), an
// audit entry per response, and every refusal changing nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, jsonOf } from '../lib/server.mjs';

let server, anon, staff, consultation;
before(async () => {
  server = await startServer();
  anon = new Client(server.url);
  staff = await new Client(server.url).login();
  consultation = await jsonOf(anon.fetch('/api/v1/consultations/ai-public-policy'));
});
after(async () => { await server?.stop(); });

async function submit(n, country) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const { reference } = await jsonOf(anon.json('/api/v1/consultations/ai-public-policy/responses', {
      name: `Bulk ${country} ${i}`, country, stakeholder_type: 'civil_society', email: `bulk.${country}.${i}@example.org`,
      general: `Bulk response ${i}.`, consent_publish: true }), 201);
    out.push(reference);
  }
  const queue = await jsonOf(staff.fetch(`/api/v1/consultations/ai-public-policy/moderation?per_page=200&country=${country}`));
  return out.map((ref) => queue.items.find((r) => r.reference === ref));
}
const statuses = async (country) => (await jsonOf(staff.fetch(
  `/api/v1/consultations/ai-public-policy/moderation?per_page=200&country=${country}`))).items.map((r) => r.status);
const form = (path, pairs) => staff.fetch(path, {
  method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams([['csrf', staff.csrf], ...pairs]).toString() });

test('the API accepts or rejects many responses in one use case; refusals change nothing', async () => {
  const rs = await submit(3, 'FJ');
  const path = `/api/v1/consultations/${consultation.id}/moderate`;
  for (const [body, field] of [[{ responses: [], action: 'accept' }, 'responses'],
    [{ responses: [rs[0].id, 'x'], action: 'accept' }, 'responses'],
    [{ responses: [rs[0].id], action: 'redact' }, 'action'],
    [{ responses: [rs[0].id], action: 'reject', reason: ' ' }, 'reason'],
    [{ responses: [rs[0].id, 999999], action: 'accept' }, 'responses'],
    [{ responses: Array.from({ length: 1001 }, (_, i) => i + 1), action: 'accept' }, 'responses']]) {
    const res = await staff.json(path, body);
    assert.equal(res.status, 400, JSON.stringify(body).slice(0, 80));
    assert.equal((await res.json()).error.field, field);
  }
  assert.deepEqual(await statuses('FJ'), ['received', 'received', 'received']);
  assert.equal((await anon.json(path, { responses: [rs[0].id], action: 'accept' })).status, 401);
  const done = await jsonOf(staff.json(path, { responses: [rs[0].id, rs[1].id], action: 'reject', reason: 'Duplicate.' }));
  assert.deepEqual(done, { responses: 2, changed: 2 });
  assert.deepEqual(await statuses('FJ'), ['rejected', 'rejected', 'received']);
  const audit = await jsonOf(staff.fetch('/api/v1/audit'));
  const entries = audit.items.filter((e) => e.action === 'response.reject' && [rs[0].id, rs[1].id].includes(e.object_id));
  assert.equal(entries.length, 2);
});

test('the desk form asks for confirmation, listing the responses, then moderates them', async () => {
  const rs = await submit(2, 'WS');
  const pairs = [['ids[]', String(rs[0].id)], ['ids[]', String(rs[1].id)], ['action', 'accept'], ['reason', ''], ['page', '2']];
  const ask = await form(`/en/admin/consultations/${consultation.id}/bulk`, pairs);
  assert.equal(ask.status, 200);
  const html = await ask.text();
  assert.match(html, /<h1>Accept the selected responses\?<\/h1>/);
  assert.match(html, /Responses selected: 2\./);
  for (const r of rs) assert.ok(html.includes(`<bdi>${r.reference}</bdi>`), r.reference);
  assert.deepEqual(await statuses('WS'), ['received', 'received']);
  const zh = await (await form(`/zh/admin/consultations/${consultation.id}/bulk`, pairs)).text();
  assert.match(zh, /<h1>接受所选回复？<\/h1>/);
  const res = await form(`/en/admin/consultations/${consultation.id}/bulk`, [...pairs, ['confirm', 'yes']]);
  assert.equal(res.status, 303);
  assert.equal(res.headers.get('location'), `/en/admin/consultations/${consultation.id}?done=bulk_accept&page=2#list-notice`, 'back at the list');
  assert.deepEqual(await statuses('WS'), ['accepted', 'accepted']);
  // Nothing selected: back with the refusal, nothing changed.
  const none = await form(`/en/admin/consultations/${consultation.id}/bulk`, [['action', 'reject'], ['reason', 'x']]);
  assert.equal(none.status, 303);
  assert.match(none.headers.get('location'), /error=.*&field=responses/);
  // The moderation page has a checkbox per response, tied to the bulk form.
  const page = await (await staff.fetch(`/en/admin/consultations/${consultation.id}?country=WS`)).text();
  assert.ok(page.includes(`<input type="checkbox" id="sel-${rs[0].id}" name="ids[]" value="${rs[0].id}" form="bulk">`));
});
