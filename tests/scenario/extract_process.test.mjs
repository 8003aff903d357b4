// An upload's text is read by a child process with limits (processor time, wall clock, bytes of
// output; address space outside AddressSanitizer): a crafted PDF whose text would take minutes
// to lay out is stopped at the limit set on the command line, the file is kept with the reason,
// and the server answers other requests meanwhile. The files are made by
// tests/lib/make_documents.py.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServer, Client, jsonOf } from '../lib/server.mjs';

const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

let dir;
const files = {};
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'plenary-extract-'));
  execFileSync(PYTHON, [resolve(import.meta.dirname, '../lib/make_documents.py'), dir]);
  for (const name of ['fan-out.pdf', 'text.pdf', 'locked.pdf', 'large.docx']) files[name] = readFileSync(join(dir, name));
});
after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

let serial = 0;
async function newDocument(staff) {
  serial += 1;
  return jsonOf(staff.json('/api/v1/documents', { symbol: `C22/INF/${800 + serial}`, body: 'cwg-internet',
    date: '2026-02-01', source_kind: 'secretariat', access: 'public', title: { en: `Crafted upload ${serial}` } }));
}
function upload(staff, doc, name, language = 'en') {
  const form = new FormData();
  form.append('language', language);
  form.append('file', new Blob([files[name]]), name);
  return staff.fetch(`/api/v1/documents/${doc.id}/files`, { method: 'POST', body: form });
}
// The children of the server still running (each reads one upload's text).
function children(pid) {
  const path = `/proc/${pid}/task/${pid}/children`;
  return readFileSync(path, 'utf8').trim().split(/\s+/).filter(Boolean);
}

// Uploads the crafted PDF and checks what every limit must give: 201, the file kept with its
// bytes, no text, the reason; the server answering while the child works; no child left.
async function uploadCrafted(server, reason) {
  const staff = await new Client(server.url).login();
  const anon = new Client(server.url);
  const doc = await newDocument(staff);
  const started = Date.now();
  const pending = upload(staff, doc, 'fan-out.pdf');
  // While the child reads, the server answers (the upload's handler waits, nothing else does).
  let answered = 0;
  let done = false;
  pending.finally(() => { done = true; });
  while (!done && answered < 50) {
    const t = Date.now();
    const ping = await anon.fetch('/api/v1/ping');
    assert.equal(ping.status, 200);
    assert.ok(Date.now() - t < 2000, `a ping took ${Date.now() - t} ms during the extraction`);
    answered += 1;
    await new Promise((ok) => setTimeout(ok, 50));
  }
  const res = await pending;
  const body = await res.json();
  assert.equal(res.status, 201, JSON.stringify(body));
  assert.ok(answered >= 1, 'no request was answered during the extraction');
  assert.equal(body.text.pages, 0);
  assert.match(body.text.error, reason);
  assert.ok(Date.now() - started < 30000, `the upload took ${Date.now() - started} ms`);
  // The file itself is kept, byte for byte, with the reason beside it.
  const d = await jsonOf(staff.fetch(`/api/v1/documents/${doc.id}`));
  assert.deepEqual(d.files.map((f) => [f.language, f.size]), [['en', files['fan-out.pdf'].length]]);
  const stored = await staff.fetch(d.files[0].url);
  assert.equal(stored.status, 200);
  assert.deepEqual(Buffer.from(await stored.arrayBuffer()), files['fan-out.pdf']);
  assert.deepEqual(children(server.proc.pid), []);
  return staff;
}

test('a PDF whose text would take minutes is stopped at --extract-cpu-seconds; the file is kept', async () => {
  const server = await startServer({ args: ['--extract-cpu-seconds', '1', '--extract-timeout-ms', '120000',
    '--extract-max-output-bytes', '1000'] });
  try {
    const staff = await uploadCrafted(server,
      /^text: reading the text took more than 1 s of processor time; the file is kept without its text$/);
    // The same server still reads an ordinary PDF, and refuses a locked one as before.
    const doc = await newDocument(staff);
    const ok = await jsonOf(upload(staff, doc, 'text.pdf'), 201);
    assert.equal(ok.text.pages, 2);
    assert.equal(ok.text.error, null);
    const locked = await upload(staff, doc, 'locked.pdf', 'fr');
    const refusal = await locked.json();
    assert.equal(locked.status, 400, JSON.stringify(refusal));
    assert.equal(refusal.error.message, 'file: the PDF is protected by a password; upload a copy without one');
    // text.pdf's answer is 138 bytes; large.docx's 3 MB of text exceed the 1000 bytes read.
    const large = await jsonOf(upload(staff, doc, 'large.docx', 'es'), 201);
    assert.equal(large.text.pages, 0);
    assert.equal(large.text.error, 'text: the text read is longer than 1000 bytes; the file is kept without its text');
  } finally {
    await server.stop();
  }
});

test('the wall clock is a limit too (--extract-timeout-ms)', async () => {
  const server = await startServer({ args: ['--extract-cpu-seconds', '600', '--extract-timeout-ms', '400'] });
  try {
    await uploadCrafted(server, /^text: reading the text took longer than 400 ms; the file is kept without its text$/);
  } finally {
    await server.stop();
  }
});

test('the limits of the child are checked on the command line', () => {
  const bin = process.env.PLENARY_BIN;
  for (const args of [['--extract-cpu-seconds', '0'], ['--extract-memory-bytes', '1000'], ['--extract-timeout-ms', '0'],
    ['--extract-max-output-bytes', '0']]) {
    assert.throws(() => execFileSync(bin, ['serve', '--db', join(dir, 'never.db'), ...args], { stdio: 'pipe' }),
      (e) => e.status !== 0 && e.stderr.toString().includes(args[0]), args.join(' '));
  }
});
