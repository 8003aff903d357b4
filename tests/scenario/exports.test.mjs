// Exports: statistics and published responses as CSV, XLSX and JSON agree with each other and
// with the API; no e-mail address goes out; a body's public archive (ZIP, read with Python's
// zipfile) holds its public documents' files and a JSON index, never a restricted document.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServer, Client, jsonOf } from '../lib/server.mjs';

// Debian's Python, whose python3-* packages scripts/setup.sh installs.
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

let server, anon, staff, work;
before(async () => {
  server = await startServer();
  anon = new Client(server.url);
  staff = await new Client(server.url).login();
  work = mkdtempSync(join(tmpdir(), 'plenary-exports-'));
});
after(async () => {
  await server?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

const emailLike = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;
let n = 0;
async function download(path, type) {
  const res = await anon.fetch(path);
  assert.equal(res.status, 200, path);
  assert.match(res.headers.get('content-type'), type, path);
  const file = join(work, `x${n++}`);
  writeFileSync(file, Buffer.from(await res.arrayBuffer()));
  return file;
}
function xlsxRows(file) {
  return JSON.parse(execFileSync(PYTHON, [resolve(import.meta.dirname, '../lib/read_xlsx.py'), file], { encoding: 'utf8' }));
}
// RFC 4180 rows (quoted fields with doubled quotes, CRLF).
function csvRows(text) {
  const rows = [];
  let row = [], cell = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false; else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(cell); cell = ''; }
    else if (ch === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; }
    else cell += ch;
  }
  return rows;
}

test('statistics as XLSX hold the rows of the CSV', async () => {
  for (const key of ['environment', 'covid19']) {
    const csv = csvRows(await (await anon.fetch(`/api/v1/consultations/${key}/statistics.csv`)).text());
    const rows = xlsxRows(await download(`/api/v1/consultations/${key}/statistics.xlsx`, /spreadsheetml/));
    assert.deepEqual(rows[0], csv[0]);
    assert.equal(rows.length, csv.length);
    assert.deepEqual(rows.slice(1).map((r) => [r[0], String(r[1]), r[2]]), csv.slice(1).map((r) => [r[0], r[1], Number(r[2])]));
    const json = await jsonOf(anon.fetch(`/api/v1/consultations/${key}/statistics`));
    assert.deepEqual(rows.find((r) => r[0] === 'responses' && r[1] === 'total'), ['responses', 'total', json.responses.total]);
  }
  assert.equal((await anon.fetch('/api/v1/consultations/no-such/statistics.xlsx')).status, 404);
});

test('published responses as CSV, XLSX and JSON: every one, the same cells, no e-mail', async () => {
  for (const key of ['environment', 'covid19']) {
    const api = await jsonOf(anon.fetch(`/api/v1/consultations/${key}/responses?per_page=200`));
    assert.ok(api.total > 0 && api.total <= 200, `${key}: ${api.total}`);
    const json = await jsonOf(anon.fetch(`/api/v1/consultations/${key}/responses.json`));
    assert.equal(json.total, api.total);
    assert.deepEqual(json.items.map((r) => r.reference).sort(), api.items.map((r) => r.reference).sort());
    for (const r of json.items) {
      const a = api.items.find((x) => x.reference === r.reference);
      assert.equal(r.general, a.general);
      assert.deepEqual(r.answers, a.answers);
      assert.equal(r.name, a.name);
      assert.ok(!('email' in r) && !('ip_address' in r));
    }
    const csvText = await (await anon.fetch(`/api/v1/consultations/${key}/responses.csv`)).text();
    const csv = csvRows(csvText);
    assert.equal(csv.length, api.total + 1);
    assert.deepEqual(csv[0].slice(0, 10), ['reference', 'name', 'organization', 'job_title', 'country', 'stakeholder_type',
      'language', 'submitted_at', 'published_at', 'general']);
    const xlsxFile = await download(`/api/v1/consultations/${key}/responses.xlsx`, /spreadsheetml/);
    const rows = xlsxRows(xlsxFile);
    assert.equal(rows.length, csv.length);
    assert.deepEqual(rows[0], csv[0]);
    for (let i = 1; i < rows.length; i++) {
      const padded = [...rows[i], ...Array(csv[0].length - rows[i].length).fill('')];
      // The CSV guards formula-like cells with a leading quote; the XLSX stores text as text.
      assert.deepEqual(padded.map(String), csv[i].map((c) => (/^'[=+\-@\t\r]/.test(c) ? c.slice(1) : c)), `${key} row ${i}`);
      const j = json.items.find((x) => x.reference === csv[i][0]);
      assert.equal(csv[i][9], j.general.startsWith('=') ? `'${j.general}` : j.general);
    }
    for (const text of [csvText, JSON.stringify(json), JSON.stringify(rows)])
      assert.ok(!emailLike.test(text), `${key}: an e-mail address in an export: ${text.match(emailLike)}`);
  }
});

test('a body\'s public archive holds its public documents\' files and an index, never a restricted one', async () => {
  // A file on the restricted document C22/DT/5 must stay out of the archive.
  const dt5 = (await jsonOf(staff.fetch('/api/v1/documents?q=C22/DT'))).items.find((d) => d.symbol === 'C22/DT/5');
  const form = new FormData();
  form.append('language', 'en');
  form.append('file', new Blob(['Restricted working text for delegates only.']), 'dt5.txt');
  assert.equal((await staff.fetch(`/api/v1/documents/${dt5.id}/files`, { method: 'POST', body: form })).status, 201);

  const file = await download('/api/v1/bodies/council/archive.zip', /^application\/zip/);
  const listing = JSON.parse(execFileSync(PYTHON, ['-c', `
import json, sys, zipfile, hashlib
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None
print(json.dumps({"names": z.namelist(), "index": json.loads(z.read("index.json")),
  "sizes": {n: z.getinfo(n).file_size for n in z.namelist()},
  "texts": {n: z.read(n).decode("utf-8", "replace") for n in z.namelist() if n.endswith(".txt")}}))
`, file], { encoding: 'utf8' }));
  const publicDocs = (await jsonOf(anon.fetch('/api/v1/documents?body=council'))).items;
  assert.deepEqual(listing.index.documents.map((d) => d.symbol).sort(), publicDocs.map((d) => d.symbol).sort());
  assert.equal(listing.index.body.key, 'council');
  assert.ok(!JSON.stringify(listing).includes('C22/DT/5') && !JSON.stringify(listing).includes('C22-DT-5'));
  assert.ok(!Object.values(listing.texts).some((t) => t.includes('Restricted working text')));
  let files = 0;
  for (const d of listing.index.documents) {
    const api = await jsonOf(anon.fetch(`/api/v1/documents/${encodeURIComponent(d.symbol)}`));
    assert.deepEqual(d.files.map((f) => f.language), api.files.map((f) => f.language), d.symbol);
    for (const f of d.files) {
      files += 1;
      assert.ok(listing.names.includes(f.path), f.path);
      assert.equal(listing.sizes[f.path], f.size);
      const original = await (await anon.fetch(`/documents/${api.id}/files/${f.language}`)).text();
      if (f.path.endsWith('.txt')) assert.equal(listing.texts[f.path], original);
    }
  }
  assert.ok(files > 0, 'the demo\'s council documents have files');
  assert.equal((await anon.fetch('/api/v1/bodies/no-such-body/archive.zip')).status, 404);
});
