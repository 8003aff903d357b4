// The secretariat's document forms beyond a first registration and its revision (those are in
// desk_forms.test.mjs): a corrigendum and an addendum registered from /admin/documents take
// their relation from the symbol, read back through the API; and the document page's form sets
// a document's access, after which a reader without a session no longer finds it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, jsonOf, dateFromNow } from '../lib/server.mjs';

let server, staff, anon;
before(async () => {
  server = await startServer();
  staff = await new Client(server.url).login();
  anon = new Client(server.url);
});
after(async () => { await server?.stop(); });

// A form post as a browser sends it, with the session's CSRF token in the form.
function post(path, fields) {
  return staff.fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrf: staff.csrf, ...fields }).toString(),
  });
}

function assertDone(res) {
  assert.equal(res.status, 303, `redirected (got ${res.status})`);
  assert.ok(!res.headers.get('location').includes('error='), res.headers.get('location'));
}

const base = { body: 'council', date: dateFromNow(-1).iso, source_kind: 'secretariat', access: 'public',
  status: 'issued', relation: 'derived' };

test('a corrigendum and an addendum from /admin/documents, related by their symbols', async () => {
  assertDone(await post('/en/admin/documents', { ...base, symbol: 'C28/4', title_en: 'Budget' }));
  assertDone(await post('/en/admin/documents', { ...base, symbol: 'C28/4(Corr.1)', title_en: 'Budget: corrigendum' }));
  assertDone(await post('/en/admin/documents', { ...base, symbol: 'C28/4(Add.1)', title_en: 'Budget: addendum' }));
  const corr = await jsonOf(staff.fetch('/api/v1/documents/C28/4(Corr.1)'));
  assert.deepEqual(corr.relations.map((r) => [r.kind, r.symbol]), [['corrects', 'C28/4']]);
  const add = await jsonOf(staff.fetch('/api/v1/documents/C28/4(Add.1)'));
  assert.deepEqual(add.relations.map((r) => [r.kind, r.symbol]), [['adds_to', 'C28/4']]);
  assert.equal(add.titles.en, 'Budget: addendum');
});

test('the document page\'s form sets its access: restricted, it is gone for readers without a session', async () => {
  assertDone(await post('/en/admin/documents', { ...base, symbol: 'C28/9', title_en: 'Draft to restrict' }));
  const doc = await jsonOf(staff.fetch('/api/v1/documents/C28/9'));
  assert.equal((await anon.fetch('/api/v1/documents/C28/9')).status, 200, 'public at first');
  const page = await (await staff.fetch(`/en/documents/${doc.id}`)).text();
  assert.match(page, new RegExp(`action="/en/documents/${doc.id}/edit"`), 'the page has the form');
  assert.match(page, /name="access"/, 'the form has the access field');
  assertDone(await post(`/en/documents/${doc.id}/edit`, { text_lang: 'en', title: 'Draft to restrict', summary: '',
    access: 'member_states', status: 'issued' }));
  assert.equal((await jsonOf(staff.fetch('/api/v1/documents/C28/9'))).access, 'member_states');
  assert.equal((await anon.fetch('/api/v1/documents/C28/9')).status, 404);
  assert.equal((await anon.fetch(`/en/documents/${doc.id}`)).status, 404);
});
