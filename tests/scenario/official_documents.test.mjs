// Official documents out: the summary record and the Chair's report issued under a symbol and a
// date (POST …/record/issue, …/chair-report/issue), then downloaded as DOCX, PDF and Akoma
// Ntoso in the six languages, each checked by a reader that is not ours: python3-docx (every
// DOCX: paragraphs, numbering and direction against the JSON snapshot of the same document),
// poppler (pdftotext, pdfinfo, pdffonts; LibreOffice in libreoffice.test.mjs), xmllint with
// the vendored OASIS schema (every AKN file). The issued-snapshot test: after the issue the
// record gets a new paragraph and a meeting new attendance, and every issued file, in every
// format and language, is byte-for-byte the same.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServer, Client, jsonOf } from '../lib/server.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const SCHEMA = join(ROOT, 'testdata/akn/akomantoso30.xsd');
// Debian's python3, which has python3-docx (a python3 of another installation may not).
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const LANGS = ['ar', 'zh', 'en', 'fr', 'ru', 'es'];
const FORMATS = ['docx', 'pdf', 'akn.xml'];

let server, anon, staff, council, tmp;
before(async () => {
  server = await startServer();
  anon = new Client(server.url);
  staff = await new Client(server.url).login();
  const { items } = await (await anon.fetch('/api/v1/meetings')).json();
  council = items.find((m) => m.kind === 'plenary' && m.session === 'C22' && m.number === 8);
  tmp = mkdtempSync(join(tmpdir(), 'plenary-docs-'));
  // The demo's record is in the six languages; the footnotes of texts shown in another language
  // are tested on its paragraphs given their English and Chinese texts only, as the seed's
  // translation first had them.
  const agenda = await (await staff.fetch(`/api/v1/meetings/${council.id}/agenda`)).json();
  for (const p of agenda.items.flatMap((i) => i.interventions)) {
    const res = await staff.fetch(`/api/v1/interventions/${p.id}`, { method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ summary: { en: p.summaries.en, zh: p.summaries.zh } }) });
    assert.equal(res.status, 200, `paragraph ${p.id}`);
  }
});
after(async () => {
  await server?.stop();
  if (tmp && !process.env.KEEP_DOCS) rmSync(tmp, { recursive: true, force: true });
  else if (tmp) console.log('# files kept in ' + tmp);
});

async function bytes(client, path) {
  const res = await client.fetch(path);
  assert.equal(res.status, 200, `${path}: ${res.status}`);
  return Buffer.from(await res.arrayBuffer());
}
function save(name, data) {
  const file = join(tmp, name);
  writeFileSync(file, data);
  return file;
}
// A paragraph's number as the DOCX holds it: in an Arabic block between two LEFT-TO-RIGHT MARKs,
// so that "1.a" is not shown as "a.1" (src/render/model.h, DirectedNumber).
const numberAs = (b) => (b.lang === 'ar' ? `\u200E${b.number}\u200E` : b.number);
const run = (cmd, args, opts = {}) => execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...opts });

// All 18 files of a generated document, by "lang.format".
async function allFiles(base, query = '') {
  const out = {};
  for (const lang of LANGS)
    for (const f of FORMATS) out[`${lang}.${f}`] = await bytes(anon, `${base}.${f}?lang=${lang}${query}`);
  return out;
}

let issued, recordFiles;

test('the secretariat issues the summary record; the registry answers its snapshot and files', async () => {
  assert.ok(council, 'the demo has the Council 2022 plenary meeting');
  const path = `/api/v1/meetings/${council.id}/record/issue`;
  assert.equal((await anon.json(path, { symbol: 'C22/300', date: '2022-04-01' })).status, 401);
  let res = await staff.json(path, { symbol: 'C22/300' });
  assert.equal(res.status, 400);
  assert.equal((await res.json()).error.field, 'date');
  // draft → approved → issued: a draft is not issued, and each step is refused where it makes
  // no sense.
  const base = `/api/v1/meetings/${council.id}/record`;
  assert.equal((await jsonOf(anon.fetch(`${base}/lifecycle`))).status, 'draft');
  res = await staff.json(path, { symbol: 'C22/300', date: '2022-04-01' });
  assert.equal(res.status, 409, 'a draft is approved before it is issued');
  assert.equal((await res.json()).error.field, 'status');
  assert.equal((await staff.json(`${base}/withdraw-approval`, {})).status, 409, 'nothing to withdraw');
  assert.equal((await anon.json(`${base}/approve`, {})).status, 401);
  assert.equal((await jsonOf(staff.json(`${base}/approve`, {}))).status, 'approved');
  assert.equal((await staff.json(`${base}/approve`, {})).status, 409, 'approved already');
  assert.equal((await jsonOf(staff.json(`${base}/withdraw-approval`, {}))).status, 'draft');
  assert.equal((await jsonOf(staff.json(`${base}/approve`, {}))).status, 'approved');
  res = await staff.json(path, { symbol: 'C22/87', date: '2022-03-31' });
  assert.equal(res.status, 409, 'C22/87 is registered already (the official record of the demo)');
  assert.equal((await jsonOf(anon.fetch(`${base}/lifecycle`))).status, 'approved', 'a refused issue changes nothing');

  const out = await jsonOf(staff.json(path, { symbol: 'C22/300', date: '2022-04-01' }), 201);
  assert.equal(out.symbol, 'C22/300');
  assert.equal(out.issued.version, 1);
  const life = await jsonOf(anon.fetch(`${base}/lifecycle`));
  assert.equal(life.status, 'issued');
  assert.equal(life.issued.symbol, 'C22/300');
  issued = await jsonOf(anon.fetch('/api/v1/documents/C22/300'));
  assert.equal(issued.status, 'issued');
  assert.deepEqual(Object.keys(issued.issued.snapshot).sort(), [...LANGS].sort());
  assert.equal(issued.issued.files.length, 18);
  const en = issued.issued.snapshot.en;
  assert.equal(en.symbol, 'C22/300');
  assert.equal(en.date, '2022-04-01');
  assert.equal(en.kind, 'summary_record');
  assert.ok(en.blocks.filter((b) => b.kind === 'heading').length >= 8, 'the eight items of the record');

  recordFiles = await allFiles(`/api/v1/meetings/${council.id}/record`);
  // The meeting's downloads are the registry's files of the issued document.
  for (const f of issued.issued.files)
    assert.ok((await bytes(anon, f.url)).equals(recordFiles[`${f.language}.${f.format}`]), f.url);
  // A second issue must be approved again, and be a correction or a revision of the first.
  assert.equal((await staff.json(path, { symbol: 'C22/300(Corr.1)', date: '2022-04-02' })).status, 409);
  await jsonOf(staff.json(`${base}/approve`, {}));
  res = await staff.json(path, { symbol: 'C22/301', date: '2022-04-02' });
  assert.equal(res.status, 409);
  assert.match((await res.json()).error.message, /C22\/300\(Corr\.1\)/);
  // Withdrawn, the record is back to its issued state.
  assert.equal((await jsonOf(staff.json(`${base}/withdraw-approval`, {}))).status, 'issued');
});

test('every DOCX read by python3-docx has the paragraphs, numbers and direction of its JSON', async () => {
  for (const lang of LANGS) {
    const file = save(`record-${lang}.docx`, recordFiles[`${lang}.docx`]);
    const seen = JSON.parse(run(PYTHON, [join(ROOT, 'tests/lib/docx_paragraphs.py'), file]));
    const snap = issued.issued.snapshot[lang];
    const paras = seen.paragraphs;
    assert.equal(paras[0].text, snap.title, `${lang}: title`);
    assert.equal(paras[0].style, 'Title');
    snap.blocks.forEach((b, i) => {
      const p = paras[i + 1];
      assert.equal(p.text, (b.number ? `${numberAs(b)}\t` : '') + b.text, `${lang}: block ${i}`);
      assert.equal(p.style, b.kind === 'heading' ? 'Heading 1' : 'Council Paragraph', `${lang}: style ${i}`);
      assert.equal(p.bidi, b.lang === 'ar', `${lang}: direction of ${b.number}`);
      assert.equal(p.rtl, b.lang === 'ar', `${lang}: run direction of ${b.number}`);
      if (b.lang === 'zh') assert.ok(p.east_asia, `${lang}: East Asian font on ${b.number}`);
    });
    const signatures = paras.slice(snap.blocks.length + 1);
    assert.equal(signatures.length, snap.signatures.length, `${lang}: signatures`);
    snap.signatures.forEach((s, i) => assert.equal(signatures[i].text, `${s.role}\t${s.name}`));
    const notes = snap.blocks.reduce((n, b) => n + (b.footnotes || []).length, 0);
    assert.equal(seen.footnotes, notes, `${lang}: footnotes`);
    // The symbol block: organization; symbol, date and the origin line.
    assert.ok(seen.tables[0][1].includes('C22/300'), `${lang}: symbol block`);
    assert.ok(seen.tables[0][1].includes(snap.origin), `${lang}: origin line`);
  }
});

test('every PDF: text, pages with the symbol on each, fonts embedded; Arabic and Chinese pages as images', () => {
  for (const lang of LANGS) {
    const file = save(`record-${lang}.pdf`, recordFiles[`${lang}.pdf`]);
    const pages = Number(run('pdfinfo', [file]).match(/Pages:\s+(\d+)/)[1]);
    assert.ok(pages >= 2, `${lang}: the record runs over several pages (${pages})`);
    for (let i = 1; i <= pages; i++)
      assert.ok(run('pdftotext', ['-f', String(i), '-l', String(i), file, '-']).includes('C22/300'),
        `${lang}: symbol on page ${i}`);
    const fonts = run('pdffonts', [file]).split('\n').slice(2).filter((l) => l.trim());
    assert.ok(fonts.length > 0);
    for (const l of fonts) assert.match(l, /\syes\s+yes\s+yes\s/, `${lang}: embedded subset with Unicode map: ${l}`);
    const text = run('pdftotext', [file, '-']).replace(/\s+/g, '');
    const snap = issued.issued.snapshot[lang];
    // Arabic comes out of pdftotext in visual order: its letters are checked, not the title.
    if (lang === 'ar') assert.match(text, /[\u0621-\u064a]{3}/, 'Arabic letters');
    else assert.ok(text.includes(snap.title.replace(/\s+/g, '')), `${lang}: title`);
    if (lang === 'zh') {
      assert.match(text, /[\u4e00-\u9fff]{20}/, 'Chinese text');
      assert.ok(/Noto Sans CJK/i.test(run('pdffonts', [file])) || /NotoSansCJK/.test(run('pdffonts', [file])));
    }
    if (lang === 'en') assert.ok(text.includes('C22/33'), 'Latin text of the record');
  }
  // Footnotes stand at the foot of the page of their mark ("[n]" after their paragraph), not
  // gathered at the end: each note's number and text are on the page of its mark. Arabic comes
  // out of pdftotext in visual order and is left out.
  let early = 0, checked = 0;
  const escape = (t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const lang of LANGS.filter((l) => l !== 'ar')) {
    const file = join(tmp, `record-${lang}.pdf`);
    const count = Number(run('pdfinfo', [file]).match(/Pages:\s+(\d+)/)[1]);
    const pages = Array.from({ length: count }, (_, i) =>
      run('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), file, '-']).replace(/\s+/g, ''));
    let n = 0;
    for (const b of issued.issued.snapshot[lang].blocks)
      for (const note of b.footnotes || []) {
        n++;
        const mark = pages.findIndex((p) => new RegExp(`\\[(?:\\d+,)*${n}(?:,\\d+)*\\]`).test(p));
        const text = pages.findIndex((p) => new RegExp(`(?<!\\d)${n}${escape(note.replace(/\s+/g, ''))}`).test(p));
        assert.ok(mark >= 0, `${lang}: the mark of note ${n}`);
        assert.equal(text, mark, `${lang}: note ${n} is on the page of its mark (${mark + 1})`);
        if (mark < count - 1) early++;
        checked++;
      }
  }
  assert.ok(checked > 0, 'the record has footnotes (text shown in another language)');
  assert.ok(early > 0, 'some notes stand on a page before the last');

  // Arabic footnotes run right to left: each note's number stands on the right of its text
  // (read with pdftotext -bbox; the words of a note are those of its line at the foot of the
  // page, below the body's last line).
  const arFile = join(tmp, 'record-ar.pdf');
  const arNotes = issued.issued.snapshot.ar.blocks.reduce((n, b) => n + (b.footnotes || []).length, 0);
  const bbox = run('pdftotext', ['-bbox', arFile, '-']).split('<page ').slice(1);
  let noteLines = 0;
  for (const page of bbox) {
    const words = [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)]
      .map((m) => ({ x0: +m[1], y0: +m[2], x1: +m[3], text: m[4] }));
    const lines = new Map();
    for (const w of words) {
      const key = [...lines.keys()].find((y) => Math.abs(y - w.y0) < 1.5) ?? w.y0;
      lines.set(key, [...(lines.get(key) || []), w]);
    }
    for (const [y, line] of lines) {
      const numbers = line.filter((w) => /^\d+$/.test(w.text) && +w.text >= 1 && +w.text <= arNotes);
      const arabic = line.filter((w) => /[\u0600-\u06FF]/.test(w.text));
      if (y < 842 / 2 || numbers.length !== 1 || arabic.length < 2) continue;
      noteLines++;
      assert.ok(arabic.every((w) => w.x1 < numbers[0].x0),
        `ar: note ${numbers[0].text} stands right of its text (number at ${numbers[0].x0}, text up to ${Math.max(...arabic.map((w) => w.x1))})`);
      assert.ok(numbers[0].x1 > 595 - 57 - 12, `ar: note ${numbers[0].text} starts at the right margin (${numbers[0].x1})`);
    }
  }
  assert.ok(noteLines >= arNotes, `ar: the ${arNotes} notes found at the foot of their pages (${noteLines})`);

  // For a person to look at: the first page of the Arabic and of the Chinese record.
  for (const lang of ['ar', 'zh'])
    run('pdftoppm', ['-r', '50', '-png', '-f', '1', '-l', '1', join(tmp, `record-${lang}.pdf`), join(tmp, `page-${lang}`)]);
  assert.ok(existsSync(join(tmp, 'page-ar-1.png')) || existsSync(join(tmp, 'page-ar-01.png')));
});

test('every Akoma Ntoso file validates against the OASIS schema', () => {
  for (const lang of LANGS) {
    const file = save(`record-${lang}.akn.xml`, recordFiles[`${lang}.akn.xml`]);
    run('xmllint', ['--noout', '--nonet', '--schema', SCHEMA, file]);
    const xml = readFileSync(file, 'utf8');
    assert.match(xml, /<debateReport name="meetingMinutes">/);
    assert.match(xml, /FRBRuri value="\/akn\/un\/debateReport\/meetingMinutes\/council\/2022-04-01\/C22-300"/);
  }
});

test('the issued Chair\'s report and record never change when their data does', async () => {
  const base = '/api/v1/bodies/cwg-internet/chair-report';
  await jsonOf(staff.json(`${base}/approve?meetings=16,17`, {}));
  const out = await jsonOf(staff.json(`${base}/issue?meetings=16,17`, { symbol: 'C22/302', date: '2022-02-01' }), 201);
  assert.equal(out.issued.snapshot.en.kind, 'chair_report');
  const reportFiles = await allFiles(base, '&meetings=16,17');
  for (const lang of LANGS) {
    const file = save(`report-${lang}.akn.xml`, reportFiles[`${lang}.akn.xml`]);
    run('xmllint', ['--noout', '--nonet', '--schema', SCHEMA, file]);
  }
  const liveBefore = JSON.stringify(await jsonOf(anon.fetch(`${base}?meetings=16,17&lang=en`)));

  // The data changes: attendance of the group's meetings and of the consultation meetings,
  // and a paragraph of the record.
  const { items } = await (await anon.fetch('/api/v1/meetings')).json();
  const csv = ['Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest',
    ...Array.from({ length: 40 }, (_, i) =>
      `Person ${i},person${i}@example.org,01/19/2022 10:00:00 AM,01/19/2022 11:00:00 AM,60,Yes`)].join('\n');
  for (const m of items.filter((x) => x.body.key === 'cwg-internet')) {
    const res = await staff.fetch(`/api/v1/meetings/${m.id}/attendance`, {
      method: 'POST', headers: { 'content-type': 'text/csv' }, body: csv });
    assert.ok([200, 201].includes(res.status), `attendance of meeting ${m.id}: ${res.status}`);
  }
  const agenda = await jsonOf(staff.fetch(`/api/v1/meetings/${council.id}/agenda`));
  await jsonOf(staff.json(`/api/v1/agenda-items/${agenda.items[0].id}/interventions`,
    { capacity: 'councillor', summary: { en: 'A paragraph added after the record was issued.' } }), 201);
  const live = await jsonOf(anon.fetch(`/api/v1/meetings/${council.id}/record?lang=en`));
  assert.ok(JSON.stringify(live).includes('added after the record was issued'), 'the live record changed');
  assert.notEqual(JSON.stringify(await jsonOf(anon.fetch(`${base}?meetings=16,17&lang=en`))), liveBefore,
    'the live report changed');

  const recordAfter = await allFiles(`/api/v1/meetings/${council.id}/record`);
  const reportAfter = await allFiles(base, '&meetings=16,17');
  for (const k of Object.keys(recordFiles)) assert.ok(recordAfter[k].equals(recordFiles[k]), `record ${k} changed`);
  for (const k of Object.keys(reportFiles)) assert.ok(reportAfter[k].equals(reportFiles[k]), `report ${k} changed`);
  const doc = await jsonOf(anon.fetch('/api/v1/documents/C22/300'));
  assert.deepEqual(doc.issued.snapshot, issued.issued.snapshot, 'the snapshot is unchanged');

  // The record's page shows the issued text too, not the live record; staff may open the live
  // draft, which says which document was issued.
  const page = await (await anon.fetch(`/en/meetings/${council.id}/record`)).text();
  assert.ok(page.includes('id="issued-document"'), 'the issued view');
  assert.ok(page.includes('C22/300'));
  assert.ok(!page.includes('added after the record was issued'), 'the live paragraph is not on the issued page');
  assert.ok(!page.includes('live=1'), 'no live link for readers');
  const anonLive = await (await anon.fetch(`/en/meetings/${council.id}/record?live=1`)).text();
  assert.ok(!anonLive.includes('added after the record was issued'), 'live=1 is for staff only');
  const staffPage = await (await staff.fetch(`/en/meetings/${council.id}/record`)).text();
  assert.ok(staffPage.includes(`/en/meetings/${council.id}/record?live=1`), 'staff get the link to the live draft');
  const staffLive = await (await staff.fetch(`/en/meetings/${council.id}/record?live=1`)).text();
  assert.ok(staffLive.includes('added after the record was issued'), 'the live draft');
  assert.ok(staffLive.includes('id="live-note"'));

  // A correction is a new version, shown with what changed.
  await jsonOf(staff.json(`/api/v1/meetings/${council.id}/record/approve`, {}));
  const corr = await jsonOf(staff.json(`/api/v1/meetings/${council.id}/record/issue`,
    { symbol: 'C22/300(Corr.1)', date: '2022-04-05' }), 201);
  assert.equal(corr.issued.version, 2);
  assert.equal(corr.issued.previous, 'C22/300');
  assert.ok(corr.issued.changes.en.some((c) => c.change === 'added'), JSON.stringify(corr.issued.changes.en));
  const now = await bytes(anon, `/api/v1/meetings/${council.id}/record.pdf?lang=en`);
  assert.ok(!now.equals(recordFiles['en.pdf']), 'the meeting now serves the correction');
  assert.ok((await bytes(anon, `/api/v1/documents/C22/300/issued.pdf?lang=en`)).equals(recordFiles['en.pdf']),
    'the first issue is kept');
});

test('the record page approves and issues through a confirmation step', async () => {
  const form = (path, fields) => staff.fetch(path, { method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrf: staff.csrf, ...fields }).toString() });
  const base = '/api/v1/bodies/cwg-internet/chair-report';
  const page = '/en/bodies/cwg-internet/chair-report?meetings=16';
  let html = await (await staff.fetch(page)).text();
  assert.ok(html.includes('action="/en/bodies/cwg-internet/chair-report/approve?meetings=16"'), 'the approve form');
  // The first post only asks.
  let res = await form('/en/bodies/cwg-internet/chair-report/approve?meetings=16', {});
  assert.equal(res.status, 200);
  html = await res.text();
  assert.match(html, /Approve the text\?/);
  assert.ok(html.includes('name="confirm" value="yes"'));
  assert.equal((await jsonOf(anon.fetch(`${base}/lifecycle?meetings=16`))).status, 'draft', 'asking changes nothing');
  res = await form('/en/bodies/cwg-internet/chair-report/approve?meetings=16', { confirm: 'yes' });
  assert.equal(res.status, 303);
  assert.equal(res.headers.get('location'), '/en/bodies/cwg-internet/chair-report?meetings=16&done=doc_approve');
  assert.equal((await jsonOf(anon.fetch(`${base}/lifecycle?meetings=16`))).status, 'approved');
  // Approving again is refused before asking, with the reason on the page.
  res = await form('/en/bodies/cwg-internet/chair-report/approve?meetings=16', {});
  assert.equal(res.status, 303);
  assert.match(res.headers.get('location'), /error=.*&error_status=409/);
  // Issue: a bad symbol is named; then the confirmation shows symbol and date.
  res = await form('/en/bodies/cwg-internet/chair-report/issue?meetings=16', { symbol: 'not a symbol', date: '2022-02-03' });
  assert.match(res.headers.get('location'), /field=symbol/);
  res = await form('/en/bodies/cwg-internet/chair-report/issue?meetings=16', { symbol: 'C22/303', date: '2022-02-03' });
  html = await res.text();
  assert.match(html, /C22\/303/);
  assert.match(html, /3 February 2022/);
  assert.equal((await jsonOf(anon.fetch(`${base}/lifecycle?meetings=16`))).status, 'approved');
  res = await form('/en/bodies/cwg-internet/chair-report/issue?meetings=16', { symbol: 'C22/303', date: '2022-02-03', confirm: 'yes' });
  assert.equal(res.status, 303);
  const life = await jsonOf(anon.fetch(`${base}/lifecycle?meetings=16`));
  assert.equal(life.status, 'issued');
  assert.equal(life.issued.symbol, 'C22/303');
  html = await (await anon.fetch(page)).text();
  assert.ok(html.includes('id="issued-document"'), 'the report page now shows the issued text');
  const audit = await jsonOf(staff.fetch('/api/v1/audit?limit=50'));
  const actions = JSON.stringify(audit);
  for (const a of ['document.approve', 'document.issue']) assert.ok(actions.includes(a), a);
});

test('drafts download before any issue; bad parameters are refused by name', async () => {
  const res = await anon.fetch('/api/v1/bodies/cwg-internet/chair-report.docx?meetings=16&lang=fr');
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  const bad = await anon.fetch(`/api/v1/meetings/${council.id}/record.pdf?lang=xx`);
  assert.equal(bad.status, 400);
  assert.equal((await bad.json()).error.field, 'lang');
  assert.equal((await anon.fetch('/api/v1/meetings/999999/record.docx?lang=en')).status, 404);
});
