// The moderation page keeps its place: after accepting, rejecting (or being refused), redacting
// or erasing, the desk comes back to the same filters and page of the list, at the response acted
// on, with the notice of what was done at the top of its row (`?…&page=N&row=REFERENCE#row-notice`;
// just above the list when the row has left it); a page number that is not a whole number from 2
// to 100000 is left out. The cancelled erasure goes back to the row (`#m-REFERENCE`).
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
  assert.equal(res.headers.get('location'), `${base}?done=accept&page=3&row=${r.reference}#row-notice`);
  // A refusal (a rejection without its reason) comes back to the same page of the list with the
  // error, whose summary takes the focus and links to the row's reason: no anchor, which would
  // keep the summary from taking the focus.
  res = await post(`/en/admin/responses/${r.id}/moderate`, { action: 'reject', reason: '', page: '2' });
  assert.equal(res.status, 303);
  assert.match(res.headers.get('location'), new RegExp(`^${base}\\?error=.*&field=reason&input=reason-${r.id}&.*&page=2$`));
  // A page number that is not one is left out; the place of the response stays.
  for (const page of ['1', 'abc', '3x', '100001', '']) {
    res = await post(`/en/admin/responses/${r.id}/moderate`, { action: 'reject', reason: 'Off topic.', page });
    assert.equal(res.headers.get('location'), `${base}?done=reject&row=${r.reference}#row-notice`, `page ${JSON.stringify(page)}`);
  }
  // The moderation page's forms carry the page they are on.
  const html = await (await staff.fetch(`${base}?page=1`)).text();
  assert.match(html, new RegExp(`action="/en/admin/responses/${r.id}/moderate"><input type="hidden" name="csrf" value="[^"]+"><input type="hidden" name="page" value="1">`));
});

test('a row\'s action keeps the list\'s filters and says what it did at the top of that row', async () => {
  const base = `/en/admin/consultations/${consultation.id}`;
  const r = await waiting('place.three@example.org');
  const filter = { f_country: 'AR', f_language: 'en', f_status: 'received' };
  // The row's forms carry the list's filter.
  const list = await (await staff.fetch(`${base}?country=AR&language=en&status=received&per_page=200`)).text();
  const row = list.slice(list.indexOf(`id="m-${r.reference}"`), list.indexOf('</article>', list.indexOf(`id="m-${r.reference}"`)));
  for (const action of ['accept', 'reject', 'redact'])
    assert.match(row, new RegExp(`(<input type="hidden" name="f_[a-z_]+" value="[^"]*">)*<input type="hidden" name="f_country" value="AR">(<input type="hidden" name="f_[a-z_]+" value="[^"]*">)*<input type="hidden" name="action" value="${action}">`), action);
  assert.match(row, /action="\/en\/admin\/responses\/\d+\/erase">(<input[^>]*>)*<input type="hidden" name="f_country" value="AR">/, 'erase');
  let res = await post(`/en/admin/responses/${r.id}/moderate`, { action: 'accept', page: '2', per_page: '20', ...filter });
  assert.equal(res.status, 303);
  const location = res.headers.get('location');
  assert.equal(location, `${base}?done=accept&status=received&country=AR&language=en&page=2&per_page=20&row=${r.reference}#row-notice`);
  // Unfiltered, the row is on the page: the notice is the first thing in it, said once.
  let html = await (await staff.fetch(`${base}?done=accept&per_page=200&row=${r.reference}`)).text();
  assert.match(html, new RegExp(`<article class="response moderation" id="m-${r.reference}">\\s*<p class="notice" role="status" id="row-notice" tabindex="-1">The response was accepted.</p>`));
  assert.equal(html.match(/class="notice"/g).length, 1);
  // Under the filter "received" it has left the list: the notice stands above the list.
  html = await (await staff.fetch(location.replace('#row-notice', ''))).text();
  assert.ok(!html.includes(`id="m-${r.reference}"`));
  assert.match(html, /<p class="notice" role="status" id="row-notice" tabindex="-1">The response was accepted.<\/p>\s*<h2 id="responses">/);
  assert.equal(html.match(/class="notice"/g).length, 1);
  // A filter that is not one is left out, as the bulk form's is.
  res = await post(`/en/admin/responses/${r.id}/moderate`, { action: 'reject', reason: 'Off topic.', f_country: 'XX' });
  assert.equal(res.headers.get('location'), `${base}?done=reject&row=${r.reference}#row-notice`);
});

test('erasing: the confirmation page keeps the place, and so does the erasure', async () => {
  const base = `/en/admin/consultations/${consultation.id}`;
  const r = await waiting('place.two@example.org');
  const ask = await post(`/en/admin/responses/${r.id}/erase`, { page: '2' });
  assert.equal(ask.status, 200);
  const html = await ask.text();
  assert.ok(html.includes(`<a href="${base}?page=2#m-${r.reference}">`), 'the cancel link goes back to the place');
  assert.ok(html.includes('<input type="hidden" name="page" value="2">'));
  const filtered = await (await post(`/en/admin/responses/${r.id}/erase`, { page: '2', f_country: 'AR' })).text();
  assert.ok(filtered.includes('<input type="hidden" name="f_country" value="AR">'), 'the confirmation keeps the filter');
  assert.ok(filtered.includes(`<a href="${base}?country=AR&amp;page=2#m-${r.reference}">`), 'and so does its cancel link');
  const res = await post(`/en/admin/responses/${r.id}/erase`, { page: '2', confirm: 'yes' });
  assert.equal(res.status, 303);
  assert.equal(res.headers.get('location'), `${base}?done=erase&page=2&row=${r.reference}#row-notice`);
});
