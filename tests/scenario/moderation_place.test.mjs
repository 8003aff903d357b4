// The moderation page keeps its place: after accepting, rejecting (or being refused), redacting
// or erasing, the desk comes back to the same page of the list, at the response acted on
// (`?page=N#m-REFERENCE`); a page number that is not a whole number from 2 to 100000 is left out.
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

async function waiting(email) {
  const { reference } = await jsonOf(anon.json('/api/v1/consultations/ai-public-policy/responses', {
    name: 'Lucía Pérez', country: 'AR', stakeholder_type: 'civil_society', email,
    general: 'A response to moderate.', consent_publish: true }), 201);
  const queue = await jsonOf(staff.fetch('/api/v1/consultations/ai-public-policy/moderation?per_page=200'));
  const item = queue.items.find((r) => r.reference === reference);
  assert.ok(item, 'the response waits for moderation');
  return { id: item.id, reference };
}
const post = (path, fields) => staff.fetch(path, {
  method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams({ csrf: staff.csrf, ...fields }).toString() });

test('each moderation action comes back to the same page of the list, at the response', async () => {
  const base = `/en/admin/consultations/${consultation.id}`;
  const r = await waiting('place.one@example.org');
  let res = await post(`/en/admin/responses/${r.id}/moderate`, { action: 'accept', page: '3' });
  assert.equal(res.status, 303);
  assert.equal(res.headers.get('location'), `${base}?done=accept&page=3#m-${r.reference}`);
  // A refusal (a rejection without its reason) comes back to the same page of the list with the
  // error, whose summary takes the focus and links to the row's reason: no anchor, which would
  // keep the summary from taking the focus.
  res = await post(`/en/admin/responses/${r.id}/moderate`, { action: 'reject', reason: '', page: '2' });
  assert.equal(res.status, 303);
  assert.match(res.headers.get('location'), new RegExp(`^${base}\\?error=.*&field=reason&input=reason-${r.id}&.*&page=2$`));
  // A page number that is not one is left out; the place of the response stays.
  for (const page of ['1', 'abc', '3x', '100001', '']) {
    res = await post(`/en/admin/responses/${r.id}/moderate`, { action: 'reject', reason: 'Off topic.', page });
    assert.equal(res.headers.get('location'), `${base}?done=reject#m-${r.reference}`, `page ${JSON.stringify(page)}`);
  }
  // The moderation page's forms carry the page they are on.
  const html = await (await staff.fetch(`${base}?page=1`)).text();
  assert.match(html, new RegExp(`action="/en/admin/responses/${r.id}/moderate"><input type="hidden" name="csrf" value="[^"]+"><input type="hidden" name="page" value="1">`));
});

test('erasing: the confirmation page keeps the place, and so does the erasure', async () => {
  const base = `/en/admin/consultations/${consultation.id}`;
  const r = await waiting('place.two@example.org');
  const ask = await post(`/en/admin/responses/${r.id}/erase`, { page: '2' });
  assert.equal(ask.status, 200);
  const html = await ask.text();
  assert.ok(html.includes(`<a href="${base}?page=2#m-${r.reference}">`), 'the cancel link goes back to the place');
  assert.ok(html.includes('<input type="hidden" name="page" value="2">'));
  const res = await post(`/en/admin/responses/${r.id}/erase`, { page: '2', confirm: 'yes' });
  assert.equal(res.status, 303);
  assert.equal(res.headers.get('location'), `${base}?done=erase&page=2#m-${r.reference}`);
});
