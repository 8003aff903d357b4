// The desk's forms of a consultation meeting's registrations (docs/API.md, "Page forms of the
// API's writes": POST /admin/meetings/{id}/registrations and /attended): a registration posted
// from the consultation's desk page as a browser sends it is read back through the API with its
// audit entry, and marking it attended through the page's form shows in the API too; a refused
// registration changes nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, jsonOf } from '../lib/server.mjs';

let server, staff;
before(async () => {
  server = await startServer();
  staff = await new Client(server.url).login();
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

test('a registration and its attendance through the desk page\'s forms', async () => {
  const c = await jsonOf(staff.fetch('/api/v1/consultations/environment'));
  assert.ok(c.meeting_id, 'the demo consultation has its consultation meeting');
  const page = await (await staff.fetch(`/en/admin/consultations/${c.id}`)).text();
  assert.match(page, new RegExp(`<form method="post" action="/en/admin/meetings/${c.meeting_id}/registrations"`),
    'the desk page has the registration form');
  const listed = async () => (await jsonOf(staff.fetch(`/api/v1/meetings/${c.meeting_id}/registrations`))).items;
  const before = await listed();
  const audits = (await jsonOf(staff.fetch('/api/v1/audit'))).items.length;

  const res = await post(`/en/admin/meetings/${c.meeting_id}/registrations`, { back: String(c.id),
    name: 'Amina Desk-Form', organization: 'Coastal Network', stakeholder_type: 'civil_society', country: 'GH',
    email: 'amina.desk@example.org' });
  assert.equal(res.status, 303);
  const location = res.headers.get('location');
  assert.ok(location.startsWith(`/en/admin/consultations/${c.id}`), `back to the desk page: ${location}`);
  assert.ok(!location.includes('error='), location);
  const after = await listed();
  assert.equal(after.length, before.length + 1);
  const added = after.find((r) => r.name === 'Amina Desk-Form');
  assert.ok(added, 'the registration is listed by the API');
  assert.equal(added.organization, 'Coastal Network');
  assert.equal(added.country, 'GH');
  assert.equal(added.stakeholder_type, 'civil_society');
  assert.ok(!added.attended, 'not yet attended');
  assert.ok((await jsonOf(staff.fetch('/api/v1/audit'))).items.length > audits, 'audited');

  const marked = await post(`/en/admin/meetings/${c.meeting_id}/attended`, { back: String(c.id),
    registration_id: String(added.id) });
  assert.equal(marked.status, 303);
  assert.ok(!marked.headers.get('location').includes('error='), marked.headers.get('location'));
  assert.ok((await listed()).find((r) => r.id === added.id).attended, 'attended, read back through the API');

  // Refused (no name): nothing is added.
  const refused = await post(`/en/admin/meetings/${c.meeting_id}/registrations`, { back: String(c.id), name: '',
    organization: 'Nobody', stakeholder_type: 'civil_society', country: 'GH', email: 'nobody@example.org' });
  // The desk page comes back with the error, naming the field.
  assert.equal(refused.status, 303);
  assert.match(decodeURIComponent(refused.headers.get('location')), /error=name\b/);
  assert.equal((await listed()).length, after.length, 'nothing added');
});
