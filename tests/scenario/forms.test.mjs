// Every write of the API has its page form, or a documented reason to have none. The write
// routes come from the server's own route table (`plenary routes`, the table `serve` builds),
// so a route added without a row in docs/API.md ("Page forms of the API's writes") fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BIN } from '../lib/server.mjs';

const WRITE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

// A document's symbol takes one to several segments, registered as /{p}, /{p}/{p}, …:
// the table writes them once as {symbol}.
const normalise = (pattern) => pattern.replace(/(\/\{p\})+/g, '/{symbol}');

function routeTable() {
  const dir = mkdtempSync(join(tmpdir(), 'plenary-routes-'));
  try {
    const out = execFileSync(BIN, ['routes', '--db', join(dir, 'r.db')],
      { encoding: 'utf8', stdio: 'pipe', timeout: 20000 });
    const routes = out.trim().split('\n').map((line) => {
      const [method, pattern, ...rest] = line.split(' ');
      assert.equal(rest.length, 0, `one method and one pattern a line: ${line}`);
      return `${method} ${normalise(pattern)}`;
    });
    return new Set(routes);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// The rows of the table: "| `METHOD /api/v1/…` | `POST /form` or empty | reason or empty |".
function formsTable() {
  const text = readFileSync(resolve(import.meta.dirname, '../../docs/API.md'), 'utf8');
  const start = text.indexOf("## Page forms of the API's writes");
  assert.ok(start >= 0, 'docs/API.md has the section "Page forms of the API\'s writes"');
  const end = text.indexOf('\n## ', start + 3);
  const section = text.slice(start, end < 0 ? undefined : end);
  const rows = new Map();
  for (const line of section.split('\n')) {
    const m = line.match(/^\| `([A-Z]+ \/api\/v1\/[^`]*)` \| (?:`([A-Z]+ [^`]+)`)? *\| *(.*?) *\|$/);
    if (!m) continue;
    assert.ok(!rows.has(m[1]), `${m[1]} has one row`);
    rows.set(m[1], { form: m[2] ?? null, reason: m[3] });
  }
  return rows;
}

test('the route table lists the server\'s routes', () => {
  const routes = routeTable();
  // Routes every server has; if these were missing the table would be empty or partial.
  for (const r of ['GET /api/v1/ping', 'POST /api/v1/consultations', 'POST /admin/meetings',
    'PATCH /api/v1/documents/{symbol}'])
    assert.ok(routes.has(r), `${r} is in the route table`);
});

test('every write route of the API has a page form or a documented reason', (t) => {
  const routes = routeTable();
  const rows = formsTable();
  const writes = [...routes].filter((r) => WRITE.has(r.split(' ')[0]) && r.split(' ')[1].startsWith('/api/v1/'));
  assert.ok(writes.length >= 40, `the API has its write routes (${writes.length})`);
  const problems = [];
  const gaps = [];
  for (const route of writes) {
    const row = rows.get(route);
    if (!row) {
      problems.push(`${route}: no row in docs/API.md "Page forms of the API's writes"`);
      continue;
    }
    if (row.form) {
      if (!routes.has(row.form)) problems.push(`${route}: its form ${row.form} is not registered`);
      else if (!WRITE.has(row.form.split(' ')[0]) || row.form.split(' ')[1].startsWith('/api/'))
        problems.push(`${route}: ${row.form} is not a page's form`);
      if (row.reason) problems.push(`${route}: has a form and a reason; keep one`);
    } else if (!/^(machine-only|gap): \S/.test(row.reason)) {
      problems.push(`${route}: neither a form nor a reason ("machine-only: …" or "gap: …")`);
    } else if (row.reason.startsWith('gap:')) {
      gaps.push(route);
    }
  }
  for (const route of rows.keys())
    if (!routes.has(route)) problems.push(`${route}: listed in docs/API.md but not registered`);
  t.diagnostic(`write routes still without a form: ${gaps.length ? gaps.join(', ') : 'none'}`);
  assert.deepEqual(problems, []);
});

// The members each API write takes, from docs/API.md "Secretariat endpoints" (its body column:
// `{a, b, c}` or any of `{a, b}`); `{id or key}`, `{rid}` and `{symbol or id}` written as the
// route table writes them.
function apiFields() {
  const text = readFileSync(resolve(import.meta.dirname, '../../docs/API.md'), 'utf8');
  const start = text.indexOf('## Secretariat endpoints');
  assert.ok(start >= 0, 'docs/API.md has the section "Secretariat endpoints"');
  const end = text.indexOf('\n## ', start + 3);
  const fields = new Map();
  for (const line of text.slice(start, end < 0 ? undefined : end).split('\n')) {
    const m = line.match(/^\| `([A-Z]+) (\/api\/v1\/[^`?]*)[^`]*`[^|]*\| (.*)$/);
    if (!m) continue;
    const route = `${m[1]} ${m[2].replace(/\{symbol or id\}/g, '{symbol}').replace(/\{[a-z ]+\}/g, (p) =>
      p === '{symbol}' ? p : '{id}')}`;
    const body = m[3].match(/`\{(.*?)\}`/);
    if (!body) continue;
    // The top-level members: split on commas outside brackets, each member's name first.
    const names = [];
    let depth = 0, current = '';
    for (const ch of body[1]) {
      if ('{[('.includes(ch)) depth++;
      if ('}])'.includes(ch)) depth--;
      if (ch === ',' && depth === 0) { names.push(current); current = ''; } else current += ch;
    }
    names.push(current);
    fields.set(route, names.map((n) => n.trim().match(/^[a-z_]+/)[0]));
  }
  return fields;
}

// The input names of the form posting to `action` in web/templates/`template`.
function formInputs(template, action) {
  const text = readFileSync(resolve(import.meta.dirname, '../../web/templates', template), 'utf8');
  const at = text.indexOf(`action="{{P}}${action}"`);
  assert.ok(at >= 0, `${template} has a form posting to ${action}`);
  const open = text.lastIndexOf('<form', at);
  const close = text.indexOf('</form>', at);
  return new Set([...text.slice(open, close).matchAll(/\bname="([^"]+)"/g)].map((m) => m[1]));
}

// For each API write whose page form is checked here: the form's template and action, and for
// each member the API takes the form's input that carries it, or why the form has none
// ("no input: …"). Members of a multilingual text name the input of one language, repeated for
// each language by the template.
const FORM_FIELDS = {
  'PUT /api/v1/bodies/{id}/officers': {
    template: 'admin_officers.tpl', action: '/admin/bodies/{{BODY_KEY}}/officers',
    fields: { chair: 'chair_name', vice_chairs: 'vice{{I}}_name', secretary: 'secretary_name',
      supported_by: 'support_{{K}}', terms_of_reference: 'terms_{{CODE}}',
      references: 'references' },
  },
  'POST /api/v1/meetings': {
    template: 'admin.tpl', action: '/admin/meetings',
    fields: { body: 'body', kind: 'kind', number: 'number', session: 'session', title: 'title_en',
      starts_on: 'starts_on', ends_on: 'ends_on', starts_at: 'starts_at', timezone: 'timezone',
      mode: 'mode', place: 'place_en', registered_more_than: 'registered_more_than',
      attended_more_than: 'attended_more_than',
      states: 'no input: a new meeting\'s title is a draft in each language given; its six languages and their states are edited on /admin/translations/meeting/{id}' },
  },
  'POST /api/v1/bodies': {
    template: 'admin.tpl', action: '/admin/bodies',
    fields: { key: 'key', acronym: 'acronym', name: 'name_en',
      description: 'no input: a body\'s description in the six languages, with states, is edited on /admin/translations/body/{id}',
      membership: 'membership', open_consultations: 'open_consultations' },
  },
  'POST /api/v1/meetings/{id}/registrations': {
    template: 'admin_consultation.tpl', action: '/admin/meetings/{{MEETING_ID}}/registrations',
    fields: { name: 'name', organization: 'organization', stakeholder_type: 'stakeholder_type',
      country: 'country', email: 'email' },
  },
  'POST /api/v1/users': {
    template: 'admin_users.tpl', action: '/admin/users',
    fields: { email: 'email', name: 'name', role: 'role', password: 'password',
      member_state: 'member_state' },
  },
  'POST /api/v1/stakeholder-types': {
    template: 'admin.tpl', action: '/admin/stakeholder-types',
    fields: { key: 'key', label: 'label_{{CODE}}' },
  },
};

test('the page form of an API write has an input for every member the API takes', (t) => {
  const fields = apiFields();
  const problems = [];
  for (const [route, form] of Object.entries(FORM_FIELDS)) {
    const members = fields.get(route);
    if (!members) { problems.push(`${route}: no body in docs/API.md "Secretariat endpoints"`); continue; }
    const inputs = formInputs(form.template, form.action);
    for (const member of members) {
      const input = form.fields[member];
      if (input === undefined) problems.push(`${route}: ${member} is not in FORM_FIELDS`);
      else if (input.startsWith('no input: ')) continue;
      else if (!inputs.has(input))
        problems.push(`${route}: ${member} has no input ${input} in the form of ${form.template}`);
    }
    for (const member of Object.keys(form.fields))
      if (!members.includes(member)) problems.push(`${route}: ${member} is not a member the API takes`);
  }
  const unchecked = [...fields.keys()].filter((r) => !(r in FORM_FIELDS) && formsTable().get(r)?.form);
  t.diagnostic(`API writes whose form's inputs are not checked yet: ${unchecked.join(', ')}`);
  assert.deepEqual(problems, []);
});
