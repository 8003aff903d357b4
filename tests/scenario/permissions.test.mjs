// The permission matrix of docs/SECURITY.md, row by row: each row has a probe (a request that
// performs the action), run as each role; the answer must be what the matrix says. A row
// without a probe fails the test, so the matrix and the tests cannot drift apart.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startServer, Client, jsonOf } from '../lib/server.mjs';

const PASSWORD = 'a long enough password for tests';
const ROLES = ['anonymous', 'public', 'delegate', 'chair', 'secretariat', 'admin'];
let server, admin, clients, rid, textId, secretText, provisionId, n = 0;

before(async () => {
  // Every probe signs in from the same address: the sign-in limit is not what is tested here.
  // /metrics as in production (staff only), not as the other tests read it.
  server = await startServer({ args: ['--logins-per-ip-per-minute', '1000', '--logins-per-account-per-minute', '1000',
    '--metrics-from', 'staff'] });
  admin = await new Client(server.url).login();
  clients = { anonymous: new Client(server.url), admin };
  for (const role of ['public', 'delegate', 'chair', 'secretariat']) {
    const email = `${role}@permissions.example.int`;
    const res = await admin.json('/api/v1/users', { email, name: `A ${role}`, role, password: PASSWORD,
      ...(role === 'delegate' ? { member_state: 'GH' } : {}) });
    assert.equal(res.status, 201, await res.text());
    clients[role] = await new Client(server.url).login({ email, password: PASSWORD });
  }
  // A document only the secretariat may see, and a response to moderate.
  assert.equal((await admin.json('/api/v1/documents', { symbol: 'C22/DT/9', title: 'Secretariat note',
    date: '2022-03-01', source_kind: 'secretariat', access: 'secretariat' })).status, 201);
  const mod = await jsonOf(admin.fetch('/api/v1/consultations/environment/moderation?per_page=5'));
  rid = mod.items[0].id;
  // Negotiated texts on item 5 of the Council 2022 plenary: one at the default level
  // (member_states), one restricted to the secretariat.
  const agenda = await jsonOf(admin.fetch('/api/v1/meetings/6/agenda'));
  const item5 = agenda.items.find((i) => i.number === '5');
  assert.ok(item5, 'the demo plenary has an item 5');
  textId = (await jsonOf(admin.json('/api/v1/texts', { document: 'C22/32(Rev.1)', agenda_item: item5.id,
    title: { en: 'Draft guidelines' }, languages: ['en'] }), 201)).id;
  secretText = (await jsonOf(admin.json('/api/v1/texts', { document: 'C22/32(Rev.1)', agenda_item: item5.id,
    title: { en: 'Secretariat draft' }, languages: ['en'], access: 'secretariat' }), 201)).id;
  provisionId = (await jsonOf(admin.json(`/api/v1/texts/${textId}/provisions`, { kind: 'section',
    text: { en: 'Scope of the guidelines' } }), 201)).id;
});
after(async () => { await server?.stop(); });

const unique = () => `${Date.now().toString(36)}${++n}`;
const respondent = () => ({ name: 'Ama Owusu', organization: 'Kumasi ICT Hub', job_title: 'Engineer', country: 'GH',
  stakeholder_type: 'civil_society', email: `ama.${unique()}@example.net`, language: 'en',
  answers: { 1: 'Open standards matter.' } });
const patch = (c, path, body) => c.fetch(path, { method: 'PATCH', headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body) });

// The action's probe: a request as `c`; returns the response. Keyed by the row's first words.
const PROBES = {
  'read public pages': (c) => c.fetch('/en/consultations/environment'),
  'read documents restricted to Member States': (c) => c.fetch('/api/v1/documents/C22%2FDT%2F5'),
  'read documents restricted to the secretariat': (c) => c.fetch('/api/v1/documents/C22%2FDT%2F9'),
  'answer an open consultation': (c) => c.json('/api/v1/consultations/ai-public-policy/responses', respondent()),
  'follow a body': (c) => c.json('/api/v1/follows', { kind: 'body', id: 'cwg-internet' }),
  'ask for a password reset link': (c) => c.json('/api/v1/password/forgot', { email: `reset.${unique()}@example.net` }),
  "send today's digest now": (c) => c.json('/api/v1/digest', {}),
  'sign up': (c) => c.json('/api/v1/signup', { email: `new.${unique()}@example.net`, name: 'New' }),
  // From a new client: signing in again would replace the probing client's session.
  'sign in': (c, role) => new Client(server.url).json('/api/v1/login', { email: `${role === 'admin' ? 'secretariat@example.int' : `${role}@permissions.example.int`}`,
    password: role === 'admin' ? 'correct horse battery staple' : PASSWORD }),
  'read responses before publication': (c) => c.fetch('/api/v1/consultations/ai-public-policy/moderation'),
  'create bodies, meetings': (c) => c.json('/api/v1/bodies', { key: `b-${unique()}`, acronym: 'B', name: 'B',
    membership: 'open' }),
  'accept, reject, redact, publish': (c) => c.json(`/api/v1/responses/${rid}/accept`, {}),
  "erase a respondent's personal data": (c) => c.fetch('/api/v1/consultations/ai-public-policy/moderation?per_page=1'),
  'write the summary': (c) => c.fetch('/api/v1/meetings/5/registrations'),
  // The demo's environment consultation has its results published: staff get 409 (its status
  // can no longer change), so the probe changes nothing the other rows rely on.
  'open, close, reopen a consultation': (c) => c.json('/api/v1/consultations/environment/publish-results', {}),
  'record agenda items': (c) => c.json('/api/v1/meetings/6/agenda', { number: `9${++n}`, title: 'Other business' }),
  'read negotiated texts (': (c) => c.fetch(`/api/v1/texts/${textId}?view=status`),
  'edit negotiated texts': (c) => c.json(`/api/v1/texts/${textId}/provisions`, { kind: 'section',
    text: { en: 'Scope' } }),
  // The title's states alone: the chair may, as drafting admits, a delegate may not.
  'edit a negotiated text\'s title and its provisions in the six languages': (c) =>
    patch(c, `/api/v1/texts/${textId}`, { states: { title: { en: 'final' } } }),
  // The delegate's account is Ghana's: a proposal in Ghana's name is their own.
  'propose amendments to a negotiated text': (c) => c.json(`/api/v1/provisions/${provisionId}/proposals`, {
    member_state: 'GH', kind: 'delete_provision', lang: 'en', justification: 'Permission probe' }),
  'bracket or merge proposals': (c) => c.json(`/api/v1/texts/${textId}/revisions`, {}),
  // On the current version, by an account that facilitates no informal consultations.
  'edit the provisions sent to informal consultations': async (c) => {
    const { version } = await jsonOf(admin.fetch(`/api/v1/texts/${textId}`));
    return patch(c, `/api/v1/provisions/${provisionId}`, { version, text: { en: 'Scope' } });
  },
  'read negotiated texts restricted to the secretariat': (c) => c.fetch(`/api/v1/texts/${secretText}`),
  'run the list of speakers': (c) => c.json('/api/v1/agenda-items/1/speakers', { name: 'Councillor of Chile',
    capacity: 'councillor', member_state: 'CL' }),
  'request the floor for oneself': (c) => c.json('/api/v1/agenda-items/1/speakers', {}),
  "see the record's consistency warnings": async (c) => {
    const body = await jsonOf(c.fetch('/api/v1/meetings/6/agenda'));
    return { status: body.warnings ? 200 : 'not shown' };
  },
  "the secretariat's pages under": (c) => c.fetch('/en/admin'),
  'extend the stakeholder taxonomy': (c) => c.json('/api/v1/stakeholder-types', { key: `t_${unique()}`.replace(/[^a-z0-9_]/g, '_'),
    label: { en: 'Test type' } }),
  'read and export the audit log': (c) => c.fetch('/api/v1/audit'),
  'read `/metrics`': (c) => c.fetch('/metrics'),
  'create accounts of any role': (c) => c.json('/api/v1/users', { email: `u.${unique()}@example.int`, name: 'U',
    role: 'secretariat', password: PASSWORD }),
  'the accounts page': (c) => c.fetch('/en/admin/users'),
  'create accounts on the server': null,  // shell access: no HTTP probe
};

// What a matrix cell expects of a response: a predicate, or null to skip the cell.
function expectation(cell) {
  if (cell === '' || cell === '—' || cell.startsWith('shell')) return null;
  if (/^(yes|once|own|any)/.test(cell)) return (r) => r.status < 400 || r.status === 409;
  // The probing delegate facilitates nothing, so every provision is another's.
  if (cell.startsWith("the facilitator's account only")) return (r) => r.status === 403;
  if (cell === 'not shown') return (r) => r.status === 'not shown';
  if (cell === 'login') return (r) => r.status === 303 && /\/login/.test(r.headers.get('location'));
  if (cell === '401 / login' || cell === '401') return (r) => r.status === 401;
  if (/^\d{3}$/.test(cell)) return (r) => r.status === Number(cell);
  throw new Error(`matrix cell not understood: "${cell}"`);
}

function matrix() {
  const text = readFileSync(resolve(import.meta.dirname, '../../docs/SECURITY.md'), 'utf8');
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith('| action | anonymous |'));
  const rows = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    const cells = line.split(/(?<!\\)\|/).slice(1, -1).map((c) => c.trim());
    rows.push({ action: cells[0], cells: cells.slice(1) });
  }
  return rows;
}

test('every row of the permission matrix holds for every role', async () => {
  const rows = matrix();
  assert.ok(rows.length >= 20, `rows read: ${rows.length}`);
  const failures = [];
  for (const row of rows) {
    const key = Object.keys(PROBES).find((k) => row.action.startsWith(k));
    assert.ok(key !== undefined, `no probe for the matrix row "${row.action}"`);
    if (!PROBES[key]) continue;
    for (const [i, role] of ROLES.entries()) {
      const want = expectation(row.cells[i] ?? '');
      if (!want) continue;
      const res = await PROBES[key](clients[role], role);
      if (!want(res)) failures.push(`${row.action} — ${role}: matrix says "${row.cells[i]}", got ${res.status}`);
    }
  }
  assert.deepEqual(failures, []);
});

test('an administrator manages accounts with the forms of /admin/users', async () => {
  const page = await (await admin.fetch('/en/admin/users')).text();
  assert.match(page, /delegate@permissions\.example\.int/);
  const csrf = /name="csrf" value="([^"]+)"/.exec(page)[1];
  const form = (path, fields) => admin.fetch(path, { method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ csrf, ...fields }).toString() });
  // A delegate needs a Member State: refused with the reason, nothing created.
  let res = await form('/en/admin/users', { name: 'Kofi', email: 'kofi@example.int', role: 'delegate', member_state: '',
    password: PASSWORD });
  assert.equal(res.status, 400);
  assert.match(await res.text(), /“Member State \(delegates\)” is required/);
  res = await form('/en/admin/users', { name: 'Kofi', email: 'kofi@example.int', role: 'delegate', member_state: 'GH',
    password: PASSWORD });
  assert.equal(res.status, 303);
  const users = (await jsonOf(admin.fetch('/api/v1/users'))).items;
  const kofi = users.find((u) => u.email === 'kofi@example.int');
  assert.equal(kofi.role, 'delegate');
  assert.equal(kofi.member_state, 'GH');
  res = await form(`/en/admin/users/${kofi.id}/role`, { role: 'chair', member_state: '' });
  assert.equal(res.status, 303);
  const after = (await jsonOf(admin.fetch('/api/v1/users'))).items.find((u) => u.id === kofi.id);
  assert.equal(after.role, 'chair');
  // Forged token, and the secretariat: refused, nothing changed.
  assert.equal((await admin.fetch(`/en/admin/users/${kofi.id}/role`, { method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'csrf=forged&role=admin' })).status, 403);
  const sec = clients.secretariat;
  const secPage = await (await sec.fetch('/en/admin')).text();
  const secCsrf = /name="csrf" value="([^"]+)"/.exec(secPage)[1];
  assert.equal((await sec.fetch(`/en/admin/users/${kofi.id}/role`, { method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `csrf=${secCsrf}&role=admin` })).status, 403);
  assert.ok(!secPage.includes('/admin/users"'), 'the secretariat has no link to the accounts page');
  assert.equal((await jsonOf(admin.fetch('/api/v1/users'))).items.find((u) => u.id === kofi.id).role, 'chair');
});
