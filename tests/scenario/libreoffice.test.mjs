// LibreOffice, a reader that is not ours, opens the DOCX of every kind of generated document —
// summary record, Chair's report, consultation report, negotiated text — in English, Chinese and
// Arabic, and converts it to PDF (one headless `soffice --convert-to pdf` run for the twelve
// files); poppler then reads what LibreOffice laid out and it is compared with the issued
// snapshot (JSON) of the same document: symbol, title, every paragraph's number and opening
// words, Chinese in a CJK font, Arabic paragraphs set right to left (their number on the right
// of their text). The other three languages are converted by bench/documents/libreoffice.sh
// (tests/README.md says why).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, Client, jsonOf } from '../lib/server.mjs';

// CI converts three languages; bench/documents/libreoffice.sh sets all six.
const LANGS = (process.env.PLENARY_LO_LANGS || 'en,zh,ar').split(',');
const run = (cmd, args, opts = {}) => execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...opts });

let server, staff, tmp;
before(async () => {
  server = await startServer();
  staff = await new Client(server.url).login();
  tmp = mkdtempSync(join(tmpdir(), 'plenary-lo-'));
});
after(async () => {
  await server?.stop();
  if (tmp && !process.env.KEEP_DOCS) rmSync(tmp, { recursive: true, force: true });
  else if (tmp) console.log('# files kept in ' + tmp);
});

async function bytes(path) {
  const res = await staff.fetch(path);
  assert.equal(res.status, 200, `${path}: ${res.status}`);
  return Buffer.from(await res.arrayBuffer());
}

// Approves and issues a generated document; answers its snapshot per language.
async function issue(base, query, symbol, date) {
  await jsonOf(staff.json(`${base}/approve${query}`, {}));
  const out = await jsonOf(staff.json(`${base}/issue${query}`, { symbol, date }), 201);
  return out.issued.snapshot;
}

// The words poppler found on each page, with their boxes (pdftotext -bbox).
function words(pdf) {
  const html = run('pdftotext', ['-bbox', pdf, '-']);
  const pages = html.split('<page ').slice(1);
  return pages.map((p) => [...p.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)]
    .map((m) => ({ x0: +m[1], y0: +m[2], x1: +m[3], y1: +m[4], text: m[5] })));
}
const squash = (s) => s.replace(/\s+/g, '');

test(`LibreOffice converts the DOCX of every generated document kind in ${LANGS.join(', ')}`, { timeout: 600000 }, async () => {
  const { items: meetings } = await jsonOf(staff.fetch('/api/v1/meetings'));
  const council = meetings.find((m) => m.kind === 'plenary' && m.session === 'C22' && m.number === 8);
  const { items: consultations } = await jsonOf(staff.fetch('/api/v1/consultations'));
  const consultation = consultations.find((x) => x.meeting_id);
  const { items: texts } = await jsonOf(staff.fetch('/api/v1/texts'));
  assert.ok(council && consultation && texts.length > 0, 'the demo has a record, a consultation and a negotiated text');
  const kinds = [
    { name: 'record', base: `/api/v1/meetings/${council.id}/record`, query: '', symbol: 'C22/400', date: '2022-04-01' },
    { name: 'chair-report', base: '/api/v1/bodies/cwg-internet/chair-report', query: '?meetings=16,17', symbol: 'C22/401', date: '2022-02-01' },
    { name: 'consultation-report', base: `/api/v1/consultations/${consultation.id}/report`, query: '', symbol: 'C22/402', date: '2022-01-10' },
    { name: 'negotiated-text', base: `/api/v1/texts/${texts[0].id}/document`, query: '', symbol: 'C22/403', date: '2022-03-25' },
  ];
  const files = [];
  for (const k of kinds) {
    k.snapshot = await issue(k.base, k.query, k.symbol, k.date);
    for (const lang of LANGS) {
      const sep = k.query ? '&' : '?';
      const file = join(tmp, `${k.name}-${lang}.docx`);
      writeFileSync(file, await bytes(`${k.base}.docx${k.query}${sep}lang=${lang}`));
      files.push(file);
    }
  }
  // One LibreOffice for all twelve files: its start is most of the time.
  const started = Date.now();
  run('soffice', [`-env:UserInstallation=file://${join(tmp, 'profile')}`, '--headless', '--convert-to', 'pdf',
    '--outdir', join(tmp, 'pdf'), ...files], { timeout: 540000 });
  console.log(`# LibreOffice converted ${files.length} DOCX files in ${Date.now() - started} ms`);

  for (const k of kinds)
    for (const lang of LANGS) {
      const name = `${k.name}-${lang}`;
      const pdf = join(tmp, 'pdf', `${name}.pdf`);
      assert.ok(existsSync(pdf), `${name}: converted`);
      const snap = k.snapshot[lang];
      const text = run('pdftotext', [pdf, '-']);
      const flat = squash(text);
      assert.ok(flat.includes(k.symbol), `${name}: the symbol ${k.symbol}`);
      // Every numbered paragraph keeps its number, and its opening words (Latin and Chinese:
      // pdftotext gives them in reading order; Arabic comes out in visual order, checked below).
      for (const b of snap.blocks) {
        if (b.number) assert.ok(flat.includes(squash(b.number)), `${name}: paragraph ${b.number}`);
        if (b.lang === 'ar' || /[\u0600-\u06FF]/.test(b.text) || !b.text) continue;
        const opening = b.lang === 'zh' ? squash(b.text).slice(0, 8) : squash(b.text.split(/\s+/).slice(0, 4).join(' '));
        assert.ok(flat.includes(opening), `${name}: the opening of block ${b.number || b.kind} (${opening})`);
      }
      if (lang !== 'ar') assert.ok(flat.includes(squash(snap.title).slice(0, 20)), `${name}: the title`);
      const fonts = run('pdffonts', [pdf]);
      if (lang === 'zh') assert.match(fonts, /CJK/i, `${name}: a CJK font`);
      if (lang === 'ar') {
        // Right to left: an Arabic block with a number has that number on the right of its
        // text's first line; every Arabic block's line ends at the right margin.
        const pages = words(pdf);
        const all = pages.flat();
        assert.ok(all.some((w) => /[\u0600-\u06FF]/.test(w.text)), `${name}: Arabic letters`);
        const arabicNumbered = snap.blocks.filter((b) => b.lang === 'ar' && b.number && b.kind !== 'heading');
        for (const b of arabicNumbered) {
          // The label in its column; the same label may also be cited in running text (the
          // note "(2.b و6.c)"), which stands further left.
          // Its line is looked for on the number's own page: another page's words may stand at
          // the same height.
          const candidates = pages.flatMap((page) => page.filter((w) => w.text === b.number).map((w) => ({ ...w, page })));
          assert.ok(candidates.length > 0, `${name}: the number ${b.number}`);
          const number = candidates.reduce((a, w) => (w.x0 > a.x0 ? w : a));
          const line = number.page.filter((w) => Math.abs(w.y0 - number.y0) < 3 && w.text !== number.text && /[\u0600-\u06FF]/.test(w.text));
          assert.ok(line.length > 0, `${name}: the text beside ${b.number}`);
          assert.ok(line.every((w) => w.x1 < number.x0), `${name}: ${b.number} stands right of its text`);
        }
      }
    }
});
