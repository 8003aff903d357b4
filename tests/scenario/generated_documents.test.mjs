// Generated documents beyond the record and the Chair's report: a consultation's report with
// its statistics (GET /api/v1/consultations/{id}/report.docx|.pdf|.akn.xml), approved, issued
// and then frozen: after the issue its meeting gets a new attendance list (the figures of the
// live report change) and every issued file, in every format and language, is byte-for-byte the
// same. Every DOCX is read by python3-docx against the JSON snapshot, every PDF by poppler,
// every Akoma Ntoso file validated against the vendored OASIS schema.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServer, Client, jsonOf } from '../lib/server.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const SCHEMA = join(ROOT, 'testdata/akn/akomantoso30.xsd');
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const LANGS = ['ar', 'zh', 'en', 'fr', 'ru', 'es'];
const FORMATS = ['docx', 'pdf', 'akn.xml'];
// A paragraph's number as the DOCX holds it: in an Arabic block between two LEFT-TO-RIGHT MARKs,
// so that "1.a" is not shown as "a.1" (src/render/model.h, DirectedNumber).
const numberAs = (b) => (b.lang === 'ar' ? `\u200E${b.number}\u200E` : b.number);
const run = (cmd, args) => execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

let server, anon, staff, tmp;
before(async () => {
  server = await startServer();
  anon = new Client(server.url);
  staff = await new Client(server.url).login();
  tmp = mkdtempSync(join(tmpdir(), 'plenary-generated-'));
});
after(async () => {
  await server?.stop();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

async function bytes(client, path) {
  const res = await client.fetch(path);
  assert.equal(res.status, 200, `${path}: ${res.status}`);
  return Buffer.from(await res.arrayBuffer());
}
async function allFiles(base) {
  const out = {};
  for (const lang of LANGS)
    for (const f of FORMATS) out[`${lang}.${f}`] = await bytes(anon, `${base}.${f}?lang=${lang}`);
  return out;
}
function save(name, data) {
  const file = join(tmp, name);
  writeFileSync(file, data);
  return file;
}

test('a consultation\'s report with its statistics is approved, issued in six languages and frozen', async () => {
  const { items } = await jsonOf(anon.fetch('/api/v1/consultations'));
  const c = items.find((x) => x.meeting_id);
  assert.ok(c, 'a demo consultation with its open consultation meeting');
  const stats = await jsonOf(anon.fetch(`/api/v1/consultations/${c.id}/statistics`));
  assert.ok(stats.responses.total > 0, 'it has responses');
  const base = `/api/v1/consultations/${c.id}/report`;

  // A draft downloads before any issue, and is not issued without an approval.
  const draft = await anon.fetch(`${base}.pdf?lang=en`);
  assert.equal(draft.status, 200);
  assert.match(draft.headers.get('content-disposition'), /draft-E\.pdf/);
  assert.equal((await anon.fetch(`${base}.pdf?lang=xx`)).status, 400);
  assert.equal((await anon.fetch('/api/v1/consultations/no-such/report.pdf?lang=en')).status, 404);
  assert.equal((await staff.json(`${base}/issue`, { symbol: 'C22/310', date: '2022-01-10' })).status, 409);
  await jsonOf(staff.json(`${base}/approve`, {}));
  const out = await jsonOf(staff.json(`${base}/issue`, { symbol: 'C22/310', date: '2022-01-10' }), 201);
  assert.equal(out.issued.snapshot.en.kind, 'consultation_report');
  const snap = out.issued.snapshot;
  assert.deepEqual(Object.keys(snap).sort(), [...LANGS].sort());

  // The statistics are in it: the total and one line per stakeholder type, as the API counts.
  const en = snap.en;
  const live = await (await anon.fetch(`${base}?lang=en`)).text();
  assert.ok(en.blocks.some((b) => b.text === live.trim()), 'the report paragraph as the API writes it');
  const total = en.blocks.find((b) => b.number === '2.1');
  assert.ok(total.text.startsWith(`${stats.responses.total} response`), total.text);
  const types = Object.entries(stats.responses.by_stakeholder_type).filter(([, n]) => n > 0);
  const items_ = en.blocks.filter((b) => b.kind === 'item');
  assert.ok(items_.length >= types.length, 'a line per stakeholder type');
  for (const [k, n] of types) assert.ok(items_.some((b) => b.text.endsWith(`: ${n}`)), k);

  const files = await allFiles(base);
  for (const lang of LANGS) {
    const docx = save(`c-${lang}.docx`, files[`${lang}.docx`]);
    const seen = JSON.parse(run(PYTHON, [join(ROOT, 'tests/lib/docx_paragraphs.py'), docx]));
    assert.equal(seen.paragraphs[0].text, snap[lang].title, `${lang}: title`);
    snap[lang].blocks.forEach((b, i) => {
      const p = seen.paragraphs[i + 1];
      assert.equal(p.text, (b.number ? `${numberAs(b)}\t` : '') + b.text, `${lang}: block ${i}`);
      assert.equal(p.bidi, b.lang === 'ar', `${lang}: direction of block ${i}`);
    });
    const pdf = save(`c-${lang}.pdf`, files[`${lang}.pdf`]);
    const text = run('pdftotext', [pdf, '-']);
    assert.ok(text.includes('C22/310'), `${lang}: the symbol`);
    if (lang === 'zh') assert.match(text.replace(/\s+/g, ''), /公开磋商/);
    if (lang === 'en') assert.ok(text.replace(/\s+/g, ' ').includes('Responses by stakeholder type'));
    const akn = save(`c-${lang}.akn.xml`, files[`${lang}.akn.xml`]);
    run('xmllint', ['--noout', '--nonet', '--schema', SCHEMA, akn]);
    assert.match(readFileSync(akn, 'utf8'), /<doc name="consultationReport">/);
    assert.match(readFileSync(akn, 'utf8'), /FRBRuri value="\/akn\/un\/doc\/consultationReport\/[a-z-]+\/2022-01-10\/C22-310"/);
  }

  // The data changes: an attendance list for the consultation's meeting.
  const csv = ['Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest',
    ...Array.from({ length: 30 }, (_, i) =>
      `Person ${i},gen${i}@example.org,01/19/2022 10:00:00 AM,01/19/2022 11:00:00 AM,60,Yes`)].join('\n');
  const res = await staff.fetch(`/api/v1/meetings/${c.meeting_id}/attendance`, {
    method: 'POST', headers: { 'content-type': 'text/csv' }, body: csv });
  assert.ok([200, 201].includes(res.status), `attendance: ${res.status}`);
  const liveAfter = await (await anon.fetch(`${base}?lang=en`)).text();
  assert.notEqual(liveAfter, live, 'the live report paragraph changed');
  const after = await allFiles(base);
  for (const k of Object.keys(files)) assert.ok(after[k].equals(files[k]), `${k} changed after issue`);

  // The report page shows the issued text; staff see the live one on asking.
  const page = await (await anon.fetch(`/en/consultations/${c.id}/report`)).text();
  assert.ok(page.includes('id="issued-document"'));
  assert.ok(page.includes('C22/310'));
  const staffLive = await (await staff.fetch(`/en/consultations/${c.id}/report?live=1`)).text();
  assert.ok(staffLive.includes('id="report-paragraph"'));
  assert.ok(staffLive.includes('id="lifecycle-h"'));
});

test('a negotiated text with its open brackets is a generated document that keeps its access', async () => {
  const { items } = await jsonOf(staff.fetch('/api/v1/texts'));
  assert.ok(items.length > 0, 'the demo has a negotiated text');
  const t = await jsonOf(staff.fetch(`/api/v1/texts/${items[0].id}`));
  const base = `/api/v1/texts/${t.id}/document`;
  assert.equal(t.access, 'member_states', 'the demo text is for Member States');
  assert.equal((await anon.fetch(`${base}.pdf?lang=en`)).status, 404, 'a restricted text is not there for the public');
  assert.equal((await anon.fetch(`${base}/lifecycle`)).status, 404);
  assert.equal((await anon.fetch('/api/v1/texts/999999/document.pdf?lang=en')).status, 404);
  await jsonOf(staff.json(`${base}/approve`, {}));
  const out = await jsonOf(staff.json(`${base}/issue`, { symbol: 'C22/320', date: '2022-03-25' }), 201);
  const snap = out.issued.snapshot;
  assert.equal(snap.en.kind, 'negotiated_text');
  // The brackets the text still has are in the issued text, as the screen shows them.
  const open = t.provisions.flatMap((p) => p.brackets.filter((b) => b.state === 'open' && b.lang === 'en'));
  assert.ok(open.length > 0, 'the demo text has open brackets in English');
  const bracketed = snap.en.blocks.filter((b) => b.text.includes('['));
  assert.ok(bracketed.length > 0, 'provisions with their brackets');
  assert.equal(snap.en.blocks[0].kind, 'note');
  assert.match(snap.en.blocks[0].text, /square brackets/);
  for (const p of t.provisions)
    assert.ok(snap.en.blocks.some((b) => b.number === p.label), `provision ${p.label}`);

  const doc = await staff.fetch('/api/v1/documents/C22/320');
  assert.equal(doc.status, 200);
  assert.equal((await doc.json()).access, t.access, 'issued with the text\'s access');
  assert.equal((await anon.fetch('/api/v1/documents/C22/320')).status, 404, 'the issued text stays restricted');
  for (const lang of LANGS) {
    const docx = save(`t-${lang}.docx`, await bytes(staff, `${base}.docx?lang=${lang}`));
    const seen = JSON.parse(run(PYTHON, [join(ROOT, 'tests/lib/docx_paragraphs.py'), docx]));
    snap[lang].blocks.forEach((b, i) => {
      assert.equal(seen.paragraphs[i + 1].text, (b.number ? `${numberAs(b)}\t` : '') + b.text, `${lang}: block ${i}`);
      assert.equal(seen.paragraphs[i + 1].bidi, b.lang === 'ar', `${lang}: direction of block ${i}`);
    });
    const pdf = save(`t-${lang}.pdf`, await bytes(staff, `${base}.pdf?lang=${lang}`));
    assert.ok(run('pdftotext', [pdf, '-']).includes('C22/320'), `${lang}: symbol`);
    if (lang === 'ar') {
      // Right to left, a provision's label still reads "1.a", not "a.1".
      const words = run('pdftotext', ['-bbox', pdf, '-']);
      const lettered = t.provisions.filter((p) => /[a-z]/.test(p.label));
      assert.ok(lettered.length > 0, 'the demo text has lettered paragraphs');
      for (const p of lettered) assert.ok(words.includes(`>${p.label}</word>`), `ar: the label ${p.label} as written`);
    }
    const akn = save(`t-${lang}.akn.xml`, await bytes(staff, `${base}.akn.xml?lang=${lang}`));
    run('xmllint', ['--noout', '--nonet', '--schema', SCHEMA, akn]);
    assert.match(readFileSync(akn, 'utf8'), /<doc name="negotiatedText">/);
  }
  // The text's page shows its status as a document, and its files.
  const page = await (await staff.fetch(`/en/texts/${t.id}`)).text();
  assert.ok(page.includes(`/api/v1/texts/${t.id}/document.pdf`));
  assert.match(page, /id="doc-status"[^]*Issued/);
});

test('the issued negotiated text keeps its bytes when the live text is edited and a bracket resolved', async () => {
  const { items } = await jsonOf(staff.fetch('/api/v1/texts'));
  const t = await jsonOf(staff.fetch(`/api/v1/texts/${items[0].id}`));
  const base = `/api/v1/texts/${t.id}/document`;
  assert.equal((await jsonOf(staff.fetch(`${base}/lifecycle`))).status, 'issued', 'issued by the test above');
  const issuedBefore = {};
  for (const lang of LANGS)
    for (const f of FORMATS) issuedBefore[`${lang}.${f}`] = await bytes(staff, `${base}.${f}?lang=${lang}`);
  const liveBefore = {};
  for (const f of FORMATS) liveBefore[f] = await bytes(staff, `${base}.${f}?lang=en&live=1`);
  const registry = await jsonOf(staff.fetch('/api/v1/documents/C22/320'));
  assert.equal(registry.issued.files.length, 18);

  // Edit a provision without brackets, then resolve an open bracket of another.
  const plain = t.provisions.find((p) => p.brackets.length === 0 && p.texts.en);
  const bracketed = t.provisions.find((p) => p.brackets.some((b) => b.state === 'open' && b.lang === 'en'));
  assert.ok(plain && bracketed, 'the demo text has a provision without brackets and one with an open bracket');
  const words = 'The Council notes the numbat clause agreed after the issue.';
  const edited = await jsonOf(staff.fetch(`/api/v1/provisions/${plain.id}`, { method: 'PATCH',
    headers: { 'content-type': 'application/json' }, body: JSON.stringify({ version: t.version, text: { en: words } }) }));
  assert.equal(edited.text.en, words);
  const open = bracketed.brackets.find((b) => b.state === 'open' && b.lang === 'en');
  const resolved = await jsonOf(staff.json(`/api/v1/brackets/${open.id}/resolve`, { outcome: 'retain' }));
  assert.equal(resolved.state, 'agreed');
  const now = await jsonOf(staff.fetch(`/api/v1/texts/${t.id}`));
  assert.ok(now.version > t.version, 'the live text moved on');

  // Every issued file, in every format and language, is byte for byte what it was, both at the
  // text's downloads and at the registry's.
  for (const lang of LANGS)
    for (const f of FORMATS)
      assert.ok((await bytes(staff, `${base}.${f}?lang=${lang}`)).equals(issuedBefore[`${lang}.${f}`]), `${lang}.${f}`);
  for (const file of registry.issued.files)
    assert.ok((await bytes(staff, file.url)).equals(issuedBefore[`${file.language}.${file.format}`]), file.url);
  // The live draft changed in every format: the edit is in it, not in the issued files.
  for (const f of FORMATS) {
    const live = await bytes(staff, `${base}.${f}?lang=en&live=1`);
    assert.ok(!live.equals(liveBefore[f]), `the live ${f} changed`);
  }
  const read = (name, data) => JSON.parse(run(PYTHON, [join(ROOT, 'tests/lib/docx_paragraphs.py'), save(name, data)]));
  const liveDocx = read('t-live.docx', await bytes(staff, `${base}.docx?lang=en&live=1`));
  const issuedDocx = read('t-issued.docx', issuedBefore['en.docx']);
  assert.ok(liveDocx.paragraphs.some((p) => p.text.endsWith(words)), 'the edit is in the live DOCX');
  assert.ok(!issuedDocx.paragraphs.some((p) => p.text.includes('numbat')), 'the edit is not in the issued DOCX');
  const issuedAkn = issuedBefore['en.akn.xml'].toString('utf8');
  assert.ok(!issuedAkn.includes('numbat'));
  assert.ok((await bytes(staff, `${base}.akn.xml?lang=en&live=1`)).toString('utf8').includes('numbat'));
  // live=1 is for staff: anyone else gets the issued file (here the public: 404, the text is restricted).
  assert.equal((await anon.fetch(`${base}.pdf?lang=en&live=1`)).status, 404);
});

test('resolutions of the registry export as Akoma Ntoso statements that validate against the schema', async () => {
  const { items } = await jsonOf(anon.fetch('/api/v1/resolutions'));
  // One of each status the registry holds (in force, merged, abrogated where the demo has one).
  const chosen = [];
  for (const status of ['in_force', 'merged', 'abrogated']) {
    const r = items.find((x) => x.status === status);
    if (r) chosen.push(r);
  }
  assert.ok(chosen.some((r) => r.status === 'merged'), 'the demo has a merged resolution (council/1344)');
  assert.ok(chosen.length >= 2);
  for (const r of chosen)
    for (const lang of LANGS) {
      const res = await anon.fetch(`/api/v1/resolutions/${r.instrument}/${r.number}.akn.xml?lang=${lang}`);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'application/akn+xml');
      const xml = Buffer.from(await res.arrayBuffer());
      const file = save(`res-${r.instrument}-${r.number}-${lang}.akn.xml`, xml);
      run('xmllint', ['--noout', '--nonet', '--schema', SCHEMA, file]);
      const text = xml.toString('utf8');
      assert.match(text, /<statement name="resolution">/);
      const year = r.revisions.at(-1).year;
      assert.ok(text.includes(`<FRBRuri value="/akn/un/statement/resolution/${r.instrument}/${year}/${r.number}"/>`),
        `${r.instrument}/${r.number}: the work IRI`);
      assert.ok(text.includes(`<docNumber>${r.number}</docNumber>`));
    }
  const merged = chosen.find((r) => r.status === 'merged');
  const en = await (await anon.fetch(`/api/v1/resolutions/${merged.instrument}/${merged.number}.akn.xml?lang=en`)).text();
  assert.match(en, /merged into Council Resolution \d+ and abrogated/);
  assert.equal((await anon.fetch('/api/v1/resolutions/pp/99999.akn.xml?lang=en')).status, 404);
  assert.equal((await anon.fetch(`/api/v1/resolutions/${chosen[0].instrument}/${chosen[0].number}.akn.xml?lang=xx`)).status, 400);
});
