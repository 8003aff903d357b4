// The text of uploaded language versions (PDF, DOCX, ODT) is read, searched (PDF hits name their
// page) and scanned for citations; hostile and broken files get a specific error, nothing is
// half-written and the server stays up within its memory. The files are made by
// tests/lib/make_documents.py (standard library only).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServer, Client, jsonOf } from '../lib/server.mjs';

// Debian's Python, whose python3-* packages scripts/setup.sh installs.
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

let server, anon, staff, dir;
const files = {};
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'plenary-docs-'));
  execFileSync(PYTHON, [resolve(import.meta.dirname, '../lib/make_documents.py'), dir]);
  for (const name of readdirSync(dir)) files[name] = readFileSync(join(dir, name));
  // Limits lowered so that the tests can reach each one with small files.
  server = await startServer({ args: ['--extract-max-entries', '20', '--extract-max-expanded-bytes', '2000000'] });
  anon = new Client(server.url);
  staff = await new Client(server.url).login();
});
after(async () => {
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

let serial = 0;
async function newDocument(title = 'Uploaded text') {
  serial += 1;
  return jsonOf(staff.json('/api/v1/documents', { symbol: `C22/INF/${700 + serial}`, body: 'cwg-internet',
    date: '2026-02-01', source_kind: 'secretariat', access: 'public', title: { en: `${title} ${serial}` } }));
}
function upload(doc, name, language = 'en', bytes = files[name]) {
  const form = new FormData();
  form.append('language', language);
  form.append('file', new Blob([bytes]), name);
  return staff.fetch(`/api/v1/documents/${doc.id}/files`, { method: 'POST', body: form });
}
async function searchUntil(q, pred) {
  for (let i = 0; i < 100; i++) {  // at most 10 s: the indexer runs behind the write
    const r = await jsonOf(anon.fetch(`/api/v1/search?q=${encodeURIComponent(q)}`));
    const hit = r.items.find(pred);
    if (hit) return hit;
    await new Promise((ok) => setTimeout(ok, 100));
  }
  assert.fail(`no hit for ${q}`);
}
function rssKb(pid) {
  return Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/)[1]);
}

test('a PDF\'s text is read page by page, searched with its page and scanned for citations', async () => {
  const doc = await newDocument();
  const res = await upload(doc, 'text.pdf');
  const body = await res.json();
  assert.equal(res.status, 201, JSON.stringify(body));
  assert.deepEqual(body.text, { pages: 2, error: null });
  const hit = await searchUntil('zebrapage', (h) => h.kind === 'document' && h.id === doc.id);
  assert.equal(hit.url, `/en/documents/${doc.id}/files/en#page=2`);
  assert.ok(hit.title.endsWith(', page 2'), hit.title);
  const first = await searchUntil('quokkapage', (h) => h.id === doc.id);
  assert.ok(first.url.endsWith('#page=1'), first.url);
  // What the file cites is the document's: "cites" and the cited items' "cited by".
  const d = await jsonOf(anon.fetch(`/api/v1/documents/${doc.id}`));
  assert.ok(d.cites.some((c) => c.kind === 'resolution' && c.instrument === 'pp' && c.number === 102), JSON.stringify(d.cites));
  assert.ok(d.cites.some((c) => c.kind === 'document' && c.symbol === 'C22/33'), JSON.stringify(d.cites));
  const r102 = await jsonOf(anon.fetch('/api/v1/resolutions/pp/102'));
  assert.ok(r102.cited_by.some((c) => c.kind === 'document' && c.label === doc.symbol), 'Resolution 102 is cited by the upload');
  const c2233 = await jsonOf(anon.fetch('/api/v1/documents/C22/33'));
  assert.ok(c2233.cited_by.some((c) => c.label === doc.symbol), 'C22/33 is cited by the upload');
});

test('DOCX and ODT texts are read, searched and scanned; replacing the file replaces its text', async () => {
  const doc = await newDocument();
  const docx = await jsonOf(upload(doc, 'text.docx'));
  assert.deepEqual(docx.text, { pages: 1, error: null });
  const hit = await searchUntil('wombatdocx', (h) => h.id === doc.id);
  assert.equal(hit.url, `/en/documents/${doc.id}/files/en`);
  let d = await jsonOf(anon.fetch(`/api/v1/documents/${doc.id}`));
  assert.ok(d.cites.some((c) => c.kind === 'resolution' && c.number === 140));
  const odt = await jsonOf(upload(doc, 'text.odt', 'en'));
  assert.deepEqual(odt.text, { pages: 1, error: null });
  assert.equal(odt.media_type, 'application/vnd.oasis.opendocument.text');
  await searchUntil('platypusodt', (h) => h.id === doc.id);
  d = await jsonOf(anon.fetch(`/api/v1/documents/${doc.id}`));
  assert.ok(d.cites.some((c) => c.kind === 'resolution' && c.number === 133));
  assert.ok(!d.cites.some((c) => c.kind === 'resolution' && c.number === 140), 'the replaced file\'s citations are gone');
  const r140 = await jsonOf(anon.fetch('/api/v1/resolutions/pp/140'));
  assert.ok(!r140.cited_by.some((c) => c.label === doc.symbol));
});

test('hostile and broken files get a specific error; nothing is half-written; the server stays up', async () => {
  const doc = await newDocument();
  const before = rssKb(server.proc.pid);
  const refused = [
    ['ratio-bomb.docx', 413, /^file: an entry of the DOCX package is compressed \d+ times; at most 100 is accepted$/],
    ['size-bomb.docx', 413, /^file: the DOCX package expands to more than 2000000 bytes$/],
    ['large.docx', 413, /^file: the DOCX package expands to more than 2000000 bytes$/],
    ['many-entries.docx', 413, /^file: the DOCX package has 43 entries; at most 20 are accepted$/],
    ['locked.pdf', 400, /^file: the PDF is protected by a password; upload a copy without one$/],
    ['html.pdf', 400, /^file: "html.pdf" is text\/html; only PDF, DOCX, ODT and plain text files are accepted$/],
    ['empty.pdf', 400, /^file: required and not empty$/],
  ];
  for (const [name, status, message] of refused) {
    const res = await upload(doc, name);
    const body = await res.json();
    assert.equal(res.status, status, `${name}: ${JSON.stringify(body)}`);
    assert.equal(body.error.field, 'file', name);
    assert.match(body.error.message, message, name);
  }
  // Nothing was written: no file, no audit entry of an upload.
  const d = await jsonOf(staff.fetch(`/api/v1/documents/${doc.id}`));
  assert.deepEqual(d.files, []);
  // A damaged PDF is kept as a file, with why its text could not be read.
  const damaged = await upload(doc, 'damaged.pdf', 'fr');
  const kept = await damaged.json();
  assert.equal(damaged.status, 201, JSON.stringify(kept));
  assert.equal(kept.text.pages, 0);
  assert.equal(kept.text.error, 'text: the PDF is damaged and cannot be read');
  assert.deepEqual((await jsonOf(staff.fetch(`/api/v1/documents/${doc.id}`))).files.map((f) => f.language), ['fr']);
  // Still serving, within memory: the bombs were never inflated.
  assert.equal((await anon.fetch('/api/v1/ping')).status, 200);
  const after = rssKb(server.proc.pid);
  assert.ok(after - before < 100 * 1024, `RSS grew by ${after - before} kB`);
});

test('the default limits refuse the 200 MiB zip bomb before inflating it', async () => {
  const plain = await startServer({ demo: false });
  try {
    const admin = await new Client(plain.url).login();
    const doc = await jsonOf(admin.json('/api/v1/documents', { symbol: 'C99/1', date: '2026-02-01', source_kind: 'secretariat',
      access: 'public', title: { en: 'Bomb target' } }));
    const before = rssKb(plain.proc.pid);
    const form = new FormData();
    form.append('language', 'en');
    form.append('file', new Blob([files['size-bomb.docx']]), 'size-bomb.docx');
    const res = await admin.fetch(`/api/v1/documents/${doc.id}/files`, { method: 'POST', body: form });
    const body = await res.json();
    assert.equal(res.status, 413, JSON.stringify(body));
    assert.equal(body.error.message, 'file: the DOCX package expands to more than 67108864 bytes');
    assert.ok(rssKb(plain.proc.pid) - before < 50 * 1024);
  } finally {
    await plain.stop();
  }
});
