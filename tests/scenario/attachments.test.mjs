// The files attached to responses, as the secretariat opens them while moderating: every file,
// published or not, through /admin/attachments/{id}, only for staff, always as a download with
// its stored type (Content-Disposition: attachment, nosniff, a sandbox, never kept by a cache),
// linked from the moderation page; the public address still serves published files only.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, jsonOf } from '../lib/server.mjs';

const PASSWORD = 'a long enough password';
let server, anon, staff;
before(async () => {
  server = await startServer();
  anon = new Client(server.url);
  staff = await new Client(server.url).login();
});
after(async () => { await server?.stop(); });

const pdf = '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n';

test('staff open every attachment as a download; nobody else does', async () => {
  const f = new FormData();
  for (const [k, v] of Object.entries({ name: 'Amina Diallo', country: 'SN', stakeholder_type: 'civil_society',
    email: 'a.diallo@example.org', general: 'See the attached files.', consent_publish: 'yes' })) f.append(k, v);
  f.append('attachments', new Blob([pdf], { type: 'application/pdf' }), '回复.pdf');
  f.append('attachments', new Blob(['Notes, plain.\n'], { type: 'text/plain' }), 'notes.txt');
  const { reference } = await jsonOf(anon.fetch('/api/v1/consultations/ai-public-policy/responses',
    { method: 'POST', body: f }), 201);
  const queue = await jsonOf(staff.fetch('/api/v1/consultations/ai-public-policy/moderation?per_page=200'));
  const mine = queue.items.find((r) => r.reference === reference);
  assert.ok(mine, 'the response waits for moderation');
  assert.equal(mine.attachments.length, 2);
  const [paper, notes] = mine.attachments;
  assert.equal(paper.url, `/admin/attachments/${paper.id}`);

  const res = await staff.fetch(paper.url);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'application/pdf');
  assert.equal(res.headers.get('content-disposition'),
    `attachment; filename="download"; filename*=UTF-8''${encodeURIComponent('回复.pdf')}`);
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(res.headers.get('content-security-policy'), "default-src 'none'; sandbox");
  assert.match(res.headers.get('cache-control'), /no-store/);
  assert.equal(await res.text(), pdf);
  const txt = await staff.fetch(notes.url);
  assert.match(txt.headers.get('content-type'), /^text\/plain/);
  assert.match(txt.headers.get('content-disposition'), /^attachment;/);

  // Not published: the public address does not serve it.
  assert.equal((await anon.fetch(`/attachments/${paper.id}`)).status, 404);
  // Nobody but staff: anonymous readers are sent to sign in, others refused.
  const a = await anon.fetch(paper.url);
  assert.notEqual(a.status, 200);
  assert.ok([303, 401].includes(a.status), String(a.status));
  for (const [role, extra] of [['public', {}], ['delegate', { member_state: 'SN' }], ['chair', {}]]) {
    const email = `${role}.files@example.int`;
    await jsonOf(staff.json('/api/v1/users', { email, name: `A ${role}`, role, password: PASSWORD, ...extra }), 201);
    const c = await new Client(server.url).login({ email, password: PASSWORD });
    const got = await c.fetch(paper.url);
    assert.equal(got.status, 403, role);
    assert.doesNotMatch(await got.text(), /%PDF/);
  }
  // Unknown or malformed ids: 404.
  assert.equal((await staff.fetch('/admin/attachments/999999')).status, 404);
  assert.equal((await staff.fetch(`/admin/attachments/${paper.id}abc`)).status, 404);

  // The moderation page links each file as a download.
  const page = await (await staff.fetch('/en/admin/consultations/ai-public-policy?per_page=200')).text();
  assert.match(page, new RegExp(`<a href="/en/admin/attachments/${paper.id}" download dir="auto">回复\\.pdf</a>`));
});
