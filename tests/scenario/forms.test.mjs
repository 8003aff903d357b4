// Every write of the API has its page form, or a documented reason to have none. The write
// routes come from the server's own route table (`plenary routes`, the table `serve` builds),
// so a route added without a row in docs/API.md ("Page forms of the API's writes") fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BIN, startServer, Client, jsonOf } from '../lib/server.mjs';

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

// The members a write takes in its query, as docs/API.md names the route
// (`DELETE /api/v1/provisions/{id}?version=`: version); none for a read.
function queryMembers(method, query) {
  if (method === 'GET' || !query?.startsWith('?')) return [];
  return [...query.matchAll(/[?&]([a-z_]+)=/g)].map((q) => q[1]);
}

// The members each API write takes, from docs/API.md "Secretariat endpoints" (its body column:
// `{a, b, c}` or any of `{a, b}`, or a multipart body's parts "multipart `a`, `b`"); `{id or
// key}`, `{rid}`, `{preview_id}` and `{symbol or id}` written as the route table writes them;
// with the members of its query (`?meetings=`). A route documented in two rows (a JSON body
// and a multipart one) takes the members of both.
function apiFields() {
  const text = readFileSync(resolve(import.meta.dirname, '../../docs/API.md'), 'utf8');
  const start = text.indexOf('## Secretariat endpoints');
  assert.ok(start >= 0, 'docs/API.md has the section "Secretariat endpoints"');
  const end = text.indexOf('\n## ', start + 3);
  const fields = new Map();
  for (const line of text.slice(start, end < 0 ? undefined : end).split('\n')) {
    const m = line.match(/^\| `([A-Z]+) (\/api\/v1\/[^`?]*)([^`]*)`[^|]*\| (.*)$/);
    if (!m) continue;
    const route = `${m[1]} ${m[2].replace(/\{symbol or id\}/g, '{symbol}')
      .replace(/\{(id or key|rid|preview_id)\}/g, '{id}')}`;
    const cell = m[4].slice(0, m[4].search(/ \| /) < 0 ? undefined : m[4].search(/ \| /));
    const names = queryMembers(m[1], m[3]);
    const body = cell.match(/`\{(.*?)\}`/);
    if (body) {
      // The top-level members: split on commas outside brackets, each member's name first.
      let depth = 0, current = '';
      for (const ch of body[1]) {
        if ('{[('.includes(ch)) depth++;
        if ('}])'.includes(ch)) depth--;
        if (ch === ',' && depth === 0) { names.push(current); current = ''; } else current += ch;
      }
      names.push(current);
    } else if (cell.includes('multipart ')) {
      // The parts named after "multipart", their explanations in brackets left out.
      let parts = cell.slice(cell.indexOf('multipart ') + 10);
      while (/\([^()]*\)/.test(parts)) parts = parts.replace(/\([^()]*\)/g, '');
      for (const part of parts.matchAll(/`([a-z_]+)`/g)) names.push(part[1]);
    } else if (!names.length) continue;
    const members = names.map((n) => n.trim().match(/^[a-z_]+/)[0]);
    fields.set(route, [...new Set([...(fields.get(route) ?? []), ...members])]);
  }
  return fields;
}

// The top-level member names of a body written `{a, b: …, "c" (…), d?}`.
function membersOf(body) {
  const names = [];
  let depth = 0, current = '';
  for (const ch of body) {
    if ('{[('.includes(ch)) depth++;
    if ('}])'.includes(ch)) depth--;
    if (ch === ',' && depth === 0) { names.push(current); current = ''; } else current += ch;
  }
  names.push(current);
  return names.map((n) => n.trim().match(/^"?([a-z_]+)/)?.[1]).filter(Boolean);
}

// The members each API write takes, from the rest of docs/API.md (outside "Secretariat
// endpoints" and the table of page forms), where writes are told in sentences and lists: a
// route named in backquotes, then its body `{…}` before its answer (after "→", "answers" or
// "Answer"): the first body after the route, and the bodies that follow it as alternatives
// (`{outcome: "retain"}` (…), `{outcome: "delete"}` or …) until a sentence or a colon; "also
// takes `x`" adds x; the members of its query (`?version=`) too. The answering of a public
// response is a table of its fields.
export function otherApiFields() {
  const text = readFileSync(resolve(import.meta.dirname, '../../docs/API.md'), 'utf8');
  const cut = (from, title) => {
    const start = from.indexOf(title);
    if (start < 0) return from;
    const end = from.indexOf('\n## ', start + 3);
    return from.slice(0, start) + (end < 0 ? '' : from.slice(end));
  };
  const rest = cut(cut(text, '## Secretariat endpoints'), "## Page forms of the API's writes");
  // Blocks: a heading with the paragraph under it, a list item, a paragraph.
  const blocks = [];
  for (const para of rest.split(/\n\s*\n/)) {
    let items = para.split(/\n(?=- )/);
    if (/^#+ /.test(items[0]) && blocks.length && /^#+ [^\n]*$/.test(blocks[blocks.length - 1]))
      items[0] = `${blocks.pop()} ${items[0]}`;
    blocks.push(...items);
  }
  const fields = new Map();
  const add = (route, members) => fields.set(route, [...new Set([...(fields.get(route) ?? []), ...members])]);
  for (const raw of blocks) {
    const block = raw.replace(/\n\s*/g, ' ');
    // Every route named, reads too: a write's body ends where another route is named.
    const mentions = [...block.matchAll(/`(GET|POST|PUT|PATCH|DELETE) (\/[^`?\s{]*(?:\{[^}]*\}[^`?\s{]*)*)([^`]*)`/g)];
    mentions.forEach((m, i) => {
      if (m[1] === 'GET' || !m[2].startsWith('/api/v1/')) return;
      const route = `${m[1]} ${m[2].replace(/\{symbol or id\}/g, '{symbol}').replace(/\{(id or key|rid)\}/g, '{id}')}`;
      let segment = block.slice(m.index + m[0].length, i + 1 < mentions.length ? mentions[i + 1].index : undefined);
      segment = segment.split(/→| answers | Answer /)[0];
      const members = queryMembers(m[1], m[3]);
      const also = segment.match(/^\s*also takes `([a-z_]+)`/);
      if (also) members.push(also[1]);
      const bodies = [...segment.matchAll(/`\{((?:[^`])*)\}`/g)];
      for (let j = 0; j < bodies.length; j++) {
        // The first body follows the route at once, or after "with" or "Body" (parentheses apart).
        if (j === 0 && !/(^|with|Body)\s*$/.test(segment.slice(0, bodies[0].index).replace(/\([^()]*\)/g, '')))
          break;
        if (j > 0) {
          const gap = segment.slice(bodies[j - 1].index + bodies[j - 1][0].length, bodies[j].index);
          if (/[:.](\s|$)/.test(gap.replace(/\([^()]*\)/g, ''))) break;
        }
        members.push(...membersOf(bodies[j][1]));
      }
      if (members.length) add(route, members);
    });
    // The fields of a public response: the first column of its table ("field (JSON)").
    if (/^### `POST \/api\/v1\/consultations\/\{id\}\/responses`/.test(raw)) {
      const lines = rest.slice(rest.indexOf(raw)).split('\n');
      for (let k = lines.findIndex((l) => l.startsWith('| field (JSON)')) + 2; lines[k]?.startsWith('|'); k++)
        add('POST /api/v1/consultations/{id}/responses',
          [...lines[k].split('|')[1].matchAll(/`([a-z_]+)`/g)].map((x) => x[1]));
    }
  }
  return fields;
}

// The input names of the forms posting to `action` (one action or several) in
// web/templates/`template`: every form of the page posting there (a response's accept, reject
// and redact forms), with the inputs elsewhere on the page that name one with form="<its id>",
// and the partials they include ("{{>LANGUAGES}}": the six inputs of a multilingual field, each
// with its box marking it a draft, site/text_edit.h AddLanguageInputs).
function formInputs(template, actions) {
  const text = readFileSync(resolve(import.meta.dirname, '../../web/templates', template), 'utf8');
  const inputs = new Set();
  for (const action of [actions].flat()) {
    let at = text.indexOf(`action="{{P}}${action}"`);
    assert.ok(at >= 0, `${template} has a form posting to ${action}`);
    for (; at >= 0; at = text.indexOf(`action="{{P}}${action}"`, at + 1)) {
      const form = text.slice(text.lastIndexOf('<form', at), text.indexOf('</form>', at));
      for (const m of form.matchAll(/\bname="([^"]+)"/g)) inputs.add(m[1]);
      const id = form.slice(0, form.indexOf('>')).match(/\bid="([^"]+)"/);
      if (id)
        for (const m of text.matchAll(new RegExp(`<[a-z]+[^>]*\\bform="${id[1]}"[^>]*>`, 'g')))
          for (const n of m[0].matchAll(/\bname="([^"]+)"/g)) inputs.add(n[1]);
      for (const m of form.matchAll(/\{\{>([A-Z_]+)\}\}/g)) inputs.add(`{{>${m[1]}}}`);
    }
  }
  return inputs;
}

// For each API write of "Secretariat endpoints" that has a page form: the form's template and
// action, and for each member the API takes the form's input that carries it, or why the form
// has none ("no input: …"). Members of a multilingual text name the input of one language,
// repeated for each language by the template, or the partial of the six ("{{>LANGUAGES}}");
// `states` names the box that marks the text typed a draft.
const PER_LANGUAGE = '{{>LANGUAGES}}';
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
      states: 'no input: the form sends no state, so the title and place typed there are the secretariat\'s and final; each language\'s text and state are set on /admin/translations/meeting/{id}' },
  },
  'POST /api/v1/bodies': {
    template: 'admin.tpl', action: '/admin/bodies',
    fields: { key: 'key', acronym: 'acronym', name: 'name_en',
      description: 'no input: a body\'s description in the six languages, with states, is edited on /admin/translations/body/{id}',
      membership: 'membership', open_consultations: 'open_consultations' },
  },
  'PUT /api/v1/meetings/{id}/report': {
    template: 'admin_officers.tpl', action: '/admin/meetings/{{MID}}/report',
    fields: { approved: 'approved', distribution: 'distribution' },
  },
  'POST /api/v1/meetings/{id}/registrations': {
    template: 'admin_consultation.tpl', action: '/admin/meetings/{{MEETING_ID}}/registrations',
    fields: { name: 'name', organization: 'organization', stakeholder_type: 'stakeholder_type',
      country: 'country', email: 'email' },
  },
  'POST /api/v1/meetings/{id}/attendance': {
    // The report's upload, and the form beside each registration that marks it attended.
    template: 'admin_consultation.tpl',
    action: ['/admin/meetings/{{MEETING_ID}}/attendance', '/admin/meetings/{{MEETING_ID}}/attended'],
    fields: { file: 'file', registration_id: 'registration_id' },
  },
  'POST /api/v1/meetings/{id}/agenda': {
    template: 'agenda.tpl', action: '/meetings/{{MID}}/agenda',
    fields: { number: 'number', title: 'title', documents: 'documents', states: 'draft' },
  },
  'POST /api/v1/agenda-items/{id}/speakers': {
    template: 'agenda.tpl', action: '/agenda-items/{{IID}}/speakers',
    fields: { name: 'name', capacity: 'capacity', member_state: 'member_state' },
  },
  'PUT /api/v1/agenda-items/{id}/speakers': {
    template: 'agenda.tpl', action: '/speakers/{{SID}}',
    fields: { order: 'op' },  // each waiting speaker moves up or down (op=up|down)
  },
  'POST /api/v1/speakers/{id}/status': {
    template: 'agenda.tpl', action: '/speakers/{{SID}}',
    fields: { status: 'op' },  // op=floor|done|withdrawn
  },
  'POST /api/v1/agenda-items/{id}/discussion': {
    template: 'agenda.tpl', action: '/agenda-items/{{IID}}/discussion',
    fields: { under_discussion: 'op', speaking_seconds: 'speaking_seconds' },  // op=start|end
  },
  'POST /api/v1/agenda-items/{id}/interventions': {
    template: 'agenda.tpl', action: '/agenda-items/{{IID}}/interventions',
    fields: { kind: 'kind', capacity: 'capacity', bureau: 'bureau', member_state: 'member_state',
      anonymous: 'no input: a paragraph is anonymous unless the form names its speaker (the API\'s rule: a speaker is given exactly when not anonymous)',
      speaker: 'speaker', summary: 'summary', states: 'draft' },
  },
  'PATCH /api/v1/interventions/{id}': {
    template: 'agenda.tpl', action: '/interventions/{{IVID}}/edit',
    fields: { summary: 'summary', states: 'draft' },
  },
  'POST /api/v1/agenda-items/{id}/decisions': {
    template: 'agenda.tpl', action: '/agenda-items/{{IID}}/decisions',
    fields: { kind: 'kind', forwarded_to: 'forwarded_to', accompanied_by: 'accompanied_by',
      report_back: 'report_back', wording: 'wording', states: 'draft' },
  },
  'POST /api/v1/agenda-items/{id}/candidatures': {
    template: 'agenda.tpl', action: '/agenda-items/{{IID}}/candidatures',
    fields: { post: 'post', election: 'election', candidate: 'candidate',
      member_state: 'member_state', intervention_id: 'intervention_id' },
  },
  'POST /api/v1/meetings/{id}/actions': {
    template: 'agenda.tpl', action: '/agenda-items/{{IID}}/actions',
    fields: { number: 'number', kind: 'kind', owner: 'owner', text: 'text', due: 'due',
      decision_id: 'decision_id',
      agenda_item_id: 'no input: the form is the agenda item\'s own (POST /agenda-items/{id}/actions), so the action is approved under that item',
      states: 'draft' },
  },
  'POST /api/v1/actions/{id}/events': {
    template: 'action.tpl', action: '/actions/{{AID}}/events',
    fields: { status: 'status', meeting: 'meeting', document: 'document', note: 'note' },
  },
  'PUT /api/v1/meetings/{id}/record': {
    template: 'agenda.tpl', action: '/meetings/{{MID}}/record',
    fields: { secretary_general: 'secretary_general_{{CODE}}', chair: 'chair_{{CODE}}',
      document: 'document' },
  },
  'POST /api/v1/meetings/{id}/record/issue': {
    template: 'generated_lifecycle.tpl', action: '{{FORM_BASE}}/issue{{QUERY}}',
    fields: { symbol: 'symbol', date: 'date' },
  },
  'POST /api/v1/bodies/{id}/chair-report/issue': {
    template: 'generated_lifecycle.tpl', action: '{{FORM_BASE}}/issue{{QUERY}}',
    fields: { symbol: 'symbol', date: 'date',
      meetings: 'no input: the report is the one of the page the form is on, whose meetings its action carries in the same query (…/chair-report/issue?meetings=16,17)' },
  },
  'POST /api/v1/consultations/{id}/report/issue': {
    template: 'generated_lifecycle.tpl', action: '{{FORM_BASE}}/issue{{QUERY}}',
    fields: { symbol: 'symbol', date: 'date' },
  },
  'POST /api/v1/texts/{id}/document/issue': {
    template: 'generated_lifecycle.tpl', action: '{{FORM_BASE}}/issue{{QUERY}}',
    fields: { symbol: 'symbol', date: 'date' },
  },
  'POST /api/v1/consultations': {
    template: 'admin.tpl', action: '/admin/consultations',
    fields: { key: 'key', body: 'body', launched_at_meeting: 'launched_at_meeting',
      meeting: 'meeting', title: 'title_en', description: 'description_en',
      questions: 'questions_en', opens_at: 'opens_at', deadline: 'deadline',
      timezone: 'timezone',
      states: 'no input: the texts of a new consultation are final; each language\'s text and state are edited on /admin/consultations/{id}/edit before it opens' },
  },
  'PATCH /api/v1/consultations/{id}': {
    template: 'admin_consultation_edit.tpl', action: '/admin/consultations/{{ID}}/edit',
    fields: { title: PER_LANGUAGE, description: PER_LANGUAGE, questions: PER_LANGUAGE,
      opens_at: 'opens_at', deadline: 'deadline', timezone: 'timezone',
      launched_at_meeting: 'launched_at_meeting', meeting: 'meeting', reason: 'reason',
      states: PER_LANGUAGE },
  },
  'POST /api/v1/consultations/{id}/extend': {
    template: 'admin_consultation.tpl', action: '/admin/consultations/{{ID}}/extend',
    fields: { deadline: 'deadline', reason: 'reason' },
  },
  'POST /api/v1/consultations/{id}/moderate': {
    template: 'admin_consultation.tpl', action: '/admin/consultations/{{ID}}/bulk',
    fields: { responses: 'ids[]', action: 'action', reason: 'reason' },
  },
  'POST /api/v1/responses/{id}/reject': {
    template: 'admin_consultation.tpl', action: '/admin/responses/{{RID}}/moderate',
    fields: { reason: 'reason' },
  },
  'POST /api/v1/responses/{id}/redact': {
    template: 'admin_consultation.tpl', action: '/admin/responses/{{RID}}/moderate',
    fields: { replacements: 'replace_general' },  // and replace_{{NUMBER}}, one per answer
  },
  'POST /api/v1/consultations/{id}/summary': {
    template: 'admin_consultation.tpl', action: '/admin/consultations/{{ID}}/summary',
    fields: { summary: PER_LANGUAGE, states: PER_LANGUAGE,
      publish: 'no input: the summary becomes public with the results, by the form POST /admin/consultations/{id}/publish-results (with its confirmation); saving the summary never changes the status' },
  },
  'POST /api/v1/consultations/{id}/reopen': {
    template: 'admin_consultation.tpl', action: '/admin/consultations/{{ID}}/reopen',
    fields: { deadline: 'deadline', reason: 'reason' },
  },
  'POST /api/v1/consultations/{id}/follow-up': {
    template: 'admin_consultation.tpl', action: '/admin/consultations/{{ID}}/follow-up',
    fields: { meeting: 'meeting', number: 'number', kind: 'kind', owner: 'owner', text: 'text' },
  },
  'POST /api/v1/consultations/{id}/campaigns/{campaign}/reject': {
    template: 'admin_campaigns.tpl', action: '/admin/consultations/{{ID}}/campaigns/{{CID}}',
    fields: { reason: 'reason' },
  },
  'POST /api/v1/documents': {
    template: 'admin_documents.tpl', action: '/admin/documents',
    fields: { symbol: 'symbol', body: 'body', title: 'title_{{CODE}}',
      summary: 'summary_{{CODE}}', date: 'date', source_kind: 'source_kind', source: 'source',
      access: 'access', status: 'status', relations: 'relation',
      states: 'texts_draft_{{CODE}}' },  // one box a language, for its title and summary
  },
  'PATCH /api/v1/documents/{symbol}': {
    template: 'document.tpl', action: '/documents/{{ID}}/edit',
    fields: { title: 'title', summary: 'summary', date: 'date', source_kind: 'source_kind',
      source: 'source', access: 'access', status: 'status', states: 'draft' },
  },
  'POST /api/v1/documents/{symbol}/files': {
    template: 'document.tpl', action: '/documents/{{ID}}/files',
    fields: { file: 'file', language: 'language' },
  },
  'POST /api/v1/imports/documents': {
    template: 'admin_import.tpl', action: '/admin/imports',
    fields: { csv: 'csv', files: 'files' },
  },
  'POST /api/v1/imports/resolutions': {
    template: 'admin_import.tpl', action: '/admin/imports',
    fields: { csv: 'csv' },
  },
  'POST /api/v1/resolutions': {
    template: 'admin_documents.tpl', action: '/admin/resolutions',
    fields: { instrument: 'res_instrument', number: 'res_number', title: 'res_title_{{CODE}}',
      revisions: 'res_adopted_year',
      status: 'no input: the desk registers a resolution in force; abrogation is recorded by importing the registry (POST /admin/imports, column status)',
      merged_into: 'no input: merging is recorded by importing the registry (POST /admin/imports, column merged_into)',
      status_year: 'no input: recorded with the status, by importing the registry (POST /admin/imports, column status_year)' },
  },
  'POST /api/v1/users': {
    template: 'admin_users.tpl', action: '/admin/users',
    fields: { email: 'email', name: 'name', role: 'role', password: 'password',
      member_state: 'member_state' },
  },
  'POST /api/v1/users/{id}/role': {
    template: 'admin_users.tpl', action: '/admin/users/{{UID}}/role',
    fields: { role: 'role', member_state: 'member_state' },
  },
  'POST /api/v1/stakeholder-types': {
    template: 'admin.tpl', action: '/admin/stakeholder-types',
    fields: { key: 'key', label: 'label_{{CODE}}' },
  },
  // Writes told outside "Secretariat endpoints" (otherApiFields).
  'POST /api/v1/logout': {
    // The header's button signs out this session; the account page's, every session.
    template: 'account.tpl', action: '/logout',
    fields: { everywhere: 'everywhere' },
  },
  'POST /api/v1/login': {
    template: 'login.tpl', action: '/login',
    fields: { email: 'email', password: 'password' },
  },
  'POST /api/v1/signup': {
    template: 'signup.tpl', action: '/signup',
    fields: { email: 'email', name: 'name',
      language: 'no input: the mail is in the language of the page the form is on (the API\'s default, the request\'s language)' },
  },
  'POST /api/v1/verify': {
    template: 'verify.tpl', action: '/verify',
    fields: { token: 'token', password: 'password' },
  },
  'POST /api/v1/password/forgot': {
    template: 'forgot.tpl', action: '/password/forgot',
    fields: { email: 'email',
      language: 'no input: the mail is in the language of the page the form is on (the API\'s default, the request\'s language)' },
  },
  'POST /api/v1/password/reset': {
    template: 'reset.tpl', action: '/password/reset',
    fields: { token: 'token', password: 'password' },
  },
  'POST /api/v1/follows': {
    template: 'follow.tpl', action: '/{{ACTION}}',
    fields: { kind: 'kind', id: 'id',
      language: 'no input: the digest is in the language of the page the button is on (the API\'s default, the request\'s language)' },
  },
  'POST /api/v1/consultations/{id}/responses': {
    template: 'consultation.tpl', action: '/consultations/{{ID}}/responses',
    fields: { name: 'name', organization: 'organization', job_title: 'job_title', country: 'country',
      stakeholder_type: 'stakeholder_type', email: 'email', language: 'language', answers: 'answer_{{NUMBER}}',
      general: 'general', consent_publish: 'consent_publish' },
  },
};

// The writes whose forms build their text inputs in code (drafting's shared field partial,
// text_field.tpl): checked on the pages themselves, rendered for an editor, with a negotiated
// text that has a provision, an open bracket, an open proposal and informal consultations.
// The six-language forms of a record's texts (/admin/translations/{owner}/{id}, site/text_edit.cc)
// are checked on their pages too: their inputs are the fields the record's owner declares.
// `page` and `action` name the page and the form's action from the ids made (text `t`,
// provision `p`, bracket `b`, proposal `pr`, informal consultations `i`, agenda item `item`,
// its meeting `m` and body `body`, a decision `d` and an action `a` of the item).
const PROPOSAL_VERSION = 'no input: the compilation the buttons are on shows the proposals, not the text, so the version it was shown at would guard nothing its reader saw; a button acts on the proposal as it stands (the API\'s `version` is optional), and one no longer open is refused (409 `state`)';
const translations = (owner, id) => `/en/admin/translations/${owner}/${id}`;
const LIVE_FORM_FIELDS = {
  'POST /api/v1/texts': {
    page: (x) => `/en/agenda-items/${x.item}/new-text`, action: () => '/en/texts',
    fields: { document: 'document', agenda_item: 'agenda_item', title: 'title_en', languages: 'lang_en',
      access: 'access',
      states: 'no input: the title typed on the page is final; each language\'s text and state are set on /admin/translations/text/{id}' },
  },
  'POST /api/v1/texts/{id}/provisions': {
    page: (x) => `/en/texts/${x.t}`, action: (x) => `/en/texts/${x.t}/provisions`,
    fields: { kind: 'kind', text: 'text_en', position: 'position', version: 'version', states: 'text_draft_en' },
  },
  'PATCH /api/v1/provisions/{id}': {
    page: (x) => `/en/texts/${x.t}`, action: (x) => `/en/provisions/${x.p}/edit`,
    fields: { version: 'version', text: 'text_en', kind: 'kind', states: 'text_draft_en' },
  },
  'POST /api/v1/provisions/{id}/brackets': {
    page: (x) => `/en/texts/${x.t}`, action: (x) => `/en/provisions/${x.p}/brackets`,
    fields: { lang: 'lang', start: 'start', end: 'end', alternatives: 'alternatives', proposed_by: 'proposed_by',
      supported_by: 'supported_by', objected_by: 'objected_by', note: 'note', version: 'version' },
  },
  'POST /api/v1/brackets/{id}/resolve': {
    page: (x) => `/en/texts/${x.t}`, action: (x) => `/en/brackets/${x.b}/resolve`,
    fields: { outcome: 'outcome',
      alternative: 'no input: the alternative is one of the choices of `outcome` (alternative-N), beside retain and delete' },
  },
  'POST /api/v1/provisions/{id}/proposals': {
    page: (x) => `/en/texts/${x.t}`, action: (x) => `/en/texts/${x.t}/proposals`,
    fields: { member_state: 'member_state', kind: 'kind', lang: 'lang', start: 'start', end: 'end', text: 'text',
      justification: 'justification', provision_kind: 'provision_kind' },
  },
  'DELETE /api/v1/provisions/{id}': {
    page: (x) => `/en/texts/${x.t}`, action: (x) => `/en/provisions/${x.p}/delete`,
    fields: { version: 'version' },
  },
  'POST /api/v1/proposals/{id}/bracket': {
    page: (x) => `/en/texts/${x.t}/compilation`, action: (x) => `/en/proposals/${x.pr}/bracket`,
    fields: { version: PROPOSAL_VERSION },
  },
  'POST /api/v1/proposals/{id}/merge': {
    page: (x) => `/en/texts/${x.t}/compilation`, action: (x) => `/en/proposals/${x.pr}/merge`,
    fields: { version: PROPOSAL_VERSION },
  },
  'POST /api/v1/texts/{id}/revisions': {
    page: (x) => `/en/texts/${x.t}`, action: (x) => `/en/texts/${x.t}/revisions`,
    fields: { version: 'version' },
  },
  'POST /api/v1/texts/{id}/informal': {
    page: (x) => `/en/texts/${x.t}`, action: (x) => `/en/texts/${x.t}/informal`,
    fields: { provisions: 'provisions', facilitator: 'facilitator', member_state: 'member_state',
      report_to_meeting: 'report_to_meeting', deadline: 'deadline',
      decision: 'no input: the consultations are those of the agenda item\'s last referred_informal decision (the API\'s default)' },
  },
  'POST /api/v1/informal/{id}/report': {
    page: (x) => `/en/texts/${x.t}`, action: (x) => `/en/informal/${x.i}/report`,
    fields: { agenda_item: 'agenda_item', text: 'text' },
  },
  'POST /api/v1/texts/{id}/adopt': {
    page: (x) => `/en/texts/${x.t}`, action: (x) => `/en/texts/${x.t}/adopt`,
    fields: { meeting: 'meeting', decision: 'decision', resolution: 'resolution', version: 'version' },
  },
  'POST /api/v1/texts/{id}/under-discussion': {
    page: (x) => `/en/texts/${x.t}`, action: (x) => `/en/texts/${x.t}/under-discussion`,
    fields: { provision: 'provision' },
  },
  'PATCH /api/v1/meetings/{id}': {
    page: (x) => translations('meeting', x.m), action: (x) => translations('meeting', x.m),
    fields: { title: 'title_en', place: 'place_en', states: 'title_draft_en' },
  },
  'PATCH /api/v1/bodies/{id}': {
    page: (x) => translations('body', x.body), action: (x) => translations('body', x.body),
    fields: { name: 'name_en', description: 'description_en', states: 'name_draft_en' },
  },
  'PATCH /api/v1/agenda-items/{id}': {
    page: (x) => translations('agenda_item', x.item), action: (x) => translations('agenda_item', x.item),
    fields: { title: 'title_en', states: 'title_draft_en' },
  },
  'PATCH /api/v1/decisions/{id}': {
    page: (x) => translations('decision', x.d), action: (x) => translations('decision', x.d),
    fields: { wording: 'wording_en', states: 'wording_draft_en' },
  },
  'PATCH /api/v1/actions/{id}': {
    page: (x) => translations('action', x.a), action: (x) => translations('action', x.a),
    fields: { text: 'text_en', states: 'text_draft_en' },
  },
  'PATCH /api/v1/texts/{id}': {
    page: (x) => translations('text', x.t), action: (x) => translations('text', x.t),
    fields: { title: 'title_en', version: 'version', states: 'title_draft_en' },
  },
};

// The input names of the forms of `html` posting to `action` (a rendered page).
function pageFormInputs(html, action) {
  const inputs = new Set();
  let at = html.indexOf(`action="${action}"`);
  for (; at >= 0; at = html.indexOf(`action="${action}"`, at + 1)) {
    const form = html.slice(html.lastIndexOf('<form', at), html.indexOf('</form>', at));
    for (const m of form.matchAll(/\bname="([^"]+)"/g)) inputs.add(m[1]);
  }
  return inputs;
}

test('the page forms built in code have an input for every member the API takes', async () => {
  const fields = otherApiFields();
  const server = await startServer();
  try {
    const staff = await new Client(server.url).login();
    const u = await jsonOf(staff.json('/api/v1/users', { email: 'ch@forms-inputs.example.int', name: 'Facilitator CH',
      role: 'delegate', member_state: 'CH', password: 'a long enough password for tests' }), 201);
    const { items } = await jsonOf(staff.fetch('/api/v1/meetings'));
    const council = items.find((m) => m.kind === 'plenary' && m.session === 'C22' && m.number === 8);
    const item = (await jsonOf(staff.fetch(`/api/v1/meetings/${council.id}/agenda`))).items.find((i) => i.number === '5');
    const t = await jsonOf(staff.json('/api/v1/texts', { document: 'C22/32(Rev.1)', agenda_item: item.id,
      title: { en: 'Draft guidelines (inputs)' }, languages: ['en'] }), 201);
    const p = await jsonOf(staff.json(`/api/v1/texts/${t.id}/provisions`, { kind: 'paragraph',
      text: { en: 'Member States shall report every year.' } }), 201);
    const b = await jsonOf(staff.json(`/api/v1/provisions/${p.id}/brackets`, { lang: 'en', start: 27, end: 37 }), 201);
    const pr = await jsonOf(staff.json(`/api/v1/provisions/${p.id}/proposals`, { member_state: 'CH', kind: 'insert',
      lang: 'en', start: 0, text: 'All ', justification: 'Clarity.' }), 201);
    const i = await jsonOf(staff.json(`/api/v1/texts/${t.id}/informal`, { provisions: [p.id], facilitator: u.id,
      member_state: 'CH', report_to_meeting: council.id, deadline: '2022-03-30' }), 201);
    const d = await jsonOf(staff.json(`/api/v1/agenda-items/${item.id}/decisions`, { kind: 'took_note' }), 201);
    const a = await jsonOf(staff.json(`/api/v1/meetings/${council.id}/actions`, { number: '99.1', owner: 'Secretariat',
      text: { en: 'Report back (inputs).' }, agenda_item_id: item.id }), 201);
    const body = await jsonOf(staff.fetch('/api/v1/bodies/council'));
    const x = { t: t.id, p: p.id, b: b.id, pr: pr.id, i: i.id, item: item.id, m: council.id, body: body.id,
      d: d.id, a: a.id };
    const pages = new Map();
    const problems = [];
    for (const [route, form] of Object.entries(LIVE_FORM_FIELDS)) {
      const members = fields.get(route);
      if (!members) { problems.push(`${route}: no body in docs/API.md`); continue; }
      const path = form.page(x);
      if (!pages.has(path)) pages.set(path, await (await staff.fetch(path)).text());
      const inputs = pageFormInputs(pages.get(path), form.action(x));
      if (!inputs.size) { problems.push(`${route}: ${path} has no form posting to ${form.action(x)}`); continue; }
      for (const member of members) {
        const input = form.fields[member];
        if (input === undefined) problems.push(`${route}: ${member} is not in LIVE_FORM_FIELDS`);
        else if (/^no input: \S/.test(input)) continue;
        else if (!inputs.has(input)) problems.push(`${route}: ${member} has no input ${input} on ${path}`);
      }
      for (const member of Object.keys(form.fields))
        if (!members.includes(member)) problems.push(`${route}: ${member} is not a member the API takes`);
    }
    assert.deepEqual(problems, []);
  } finally {
    await server.stop();
  }
});

test('the page form of an API write has an input for every member the API takes', () => {
  const fields = new Map([...otherApiFields(), ...apiFields()]);
  const table = formsTable();
  const problems = [];
  for (const [route, form] of Object.entries(FORM_FIELDS)) {
    const members = fields.get(route);
    if (!members) { problems.push(`${route}: no body in docs/API.md`); continue; }
    const inputs = formInputs(form.template, form.action);
    for (const member of members) {
      const input = form.fields[member];
      if (input === undefined) problems.push(`${route}: ${member} is not in FORM_FIELDS`);
      else if (/^no input: \S/.test(input)) continue;
      else if (!inputs.has(input))
        problems.push(`${route}: ${member} has no input ${input} in the form of ${form.template}`);
    }
    for (const member of Object.keys(form.fields))
      if (!members.includes(member)) problems.push(`${route}: ${member} is not a member the API takes`);
  }
  // Every write with a body and a page form is checked: one missing from FORM_FIELDS (or from
  // LIVE_FORM_FIELDS, checked on the pages themselves below) fails.
  for (const route of fields.keys())
    if (!(route in FORM_FIELDS) && !(route in LIVE_FORM_FIELDS) && table.get(route)?.form)
      problems.push(`${route}: has a page form (${table.get(route).form}) but is not in FORM_FIELDS`);
  assert.deepEqual(problems, []);
});
