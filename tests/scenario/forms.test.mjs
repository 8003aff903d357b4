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
