// Scenario test of records written in one language only, on the pages of the other languages:
// a body, a meeting, an agenda item with a paragraph, a decision and an action, a document, a
// consultation, a negotiated text and a stakeholder type written in English only, and a
// document, an agenda item and a consultation written in Chinese only. Every page that lists or shows them, in Arabic and
// Chinese (and in English for the Chinese ones), shows each such text inside an element whose
// language is the text's own (lang="en", lang="zh") and whose direction is that language's
// (dir="ltr", never "auto" nor the page's "rtl"), so that an English title on an Arabic list is
// laid out left to right and read by a screen reader in English. Lists mark each entry, not with
// a note under every entry. A sentence in the reader's language that names such a text (the
// confirmation of closing a consultation, the title of the Chair's report of a body, the
// paragraph of a consultation's report, each named in English or Chinese only) marks the name
// inside it with its language and direction, on Arabic, Chinese and English pages; the
// consultation's report as a DOCX has the name in a run of its own language.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServer, Client, isoFromNow, dateFromNow, jsonOf } from '../lib/server.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

let server, anon, staff;
before(async () => {
  server = await startServer();
  anon = new Client(server.url);
  staff = await new Client(server.url).login();
});
after(async () => { await server?.stop(); });

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const TAG = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
const attr = (attrs, name) => attrs.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1];

// Each place of <body> where `text` stands as content (not in an attribute, a script or a form
// field's value), with the language and direction it is shown in: those of its nearest element
// carrying lang, and dir.
function shown(html, text) {
  const out = [];
  const stack = [];
  let at = 0, inBody = false;
  const look = (segment, start) => {
    if (!inBody || stack.some((e) => ['script', 'style', 'textarea', 'title'].includes(e.name))) return;
    for (let i = segment.indexOf(text); i >= 0; i = segment.indexOf(text, i + 1)) {
      const lang = [...stack].reverse().find((e) => e.lang !== undefined)?.lang;
      const dir = [...stack].reverse().find((e) => e.dir !== undefined)?.dir;
      const holder = stack.at(-1);
      out.push({ lang, dir, where: `<${holder?.name}${holder?.attrs ?? ''}> … ${html.slice(start + i - 40, start + i + text.length + 20)}` });
    }
  };
  for (const m of html.matchAll(TAG)) {
    look(html.slice(at, m.index), at);
    at = m.index + m[0].length;
    if (m[0].startsWith('<!--')) continue;
    const [, close, rawName, attrs] = m;
    const name = rawName.toLowerCase();
    if (close) {
      const k = stack.map((e) => e.name).lastIndexOf(name);
      if (k >= 0) stack.length = k;
      continue;
    }
    if (name === 'body') inBody = true;
    if (VOID.has(name) || attrs.endsWith('/')) continue;
    stack.push({ name, attrs, lang: attr(attrs, 'lang'), dir: attr(attrs, 'dir') });
  }
  return out;
}

const DIR = { en: 'ltr', zh: 'ltr', ar: 'rtl' };

// Every place `page` (a path, fetched by `client`) shows one of `texts` ({text: language}) is
// marked with that language and its direction; `expected` lists the texts the page must show.
async function check(client, path, texts, expected, faults) {
  const res = await client.fetch(path);
  if (res.status !== 200) { faults.push(`${path}: ${res.status}`); return; }
  const html = await res.text();
  for (const e of expected) if (!html.includes(e)) faults.push(`${path}: does not show "${e}"`);
  for (const [text, lang] of Object.entries(texts))
    for (const s of shown(html, text))
      if (s.lang !== lang || s.dir !== DIR[lang])
        faults.push(`${path}: "${text}" shown as lang=${s.lang} dir=${s.dir} in ${s.where}`);
}

test('texts written in one language carry that language and its direction on every page in the others', async () => {
  const EN = {
    body: 'Group described in English only.',
    meeting: 'Place named in English only',
    item: 'Item titled in English only',
    paragraph: 'Paragraph recorded in English only.',
    decision: 'Decision worded in English only.',
    action: 'Action written in English only.',
    document: 'Document titled in English only',
    summary: 'Document summarised in English only.',
    consultation: 'Consultation titled in English only',
    description: 'Consultation described in English only.',
    question: 'Question asked in English only?',
    text: 'Negotiated text titled in English only',
    provision: 'Provision written in English only.',
    type: 'Guild named in English only',
  };
  const ZH = {
    document: '仅有中文标题的文件',
    item: '仅有中文标题的议程项目',
    consultation: '仅有中文标题的磋商',
  };
  await jsonOf(staff.json('/api/v1/bodies', { key: 'one-language', acronym: 'OL-WG',
    name: { en: 'One-language group', ar: 'فريق بلغة واحدة', zh: '单一语言小组' },
    description: { en: EN.body }, membership: 'open', open_consultations: true }), 201);
  const meeting = await jsonOf(staff.json('/api/v1/meetings', { body: 'one-language', kind: 'working_group',
    number: 1, starts_on: dateFromNow(-30).iso, timezone: 'Europe/Zurich', mode: 'hybrid', place: { en: EN.meeting } }), 201);
  await jsonOf(staff.json('/api/v1/documents', { symbol: 'C27/INF/901', body: 'one-language', date: '2027-02-01',
    source_kind: 'secretariat', access: 'public', title: { en: EN.document }, summary: { en: EN.summary } }), 201);
  await jsonOf(staff.json('/api/v1/documents', { symbol: 'C27/INF/902', body: 'one-language', date: '2027-02-02',
    source_kind: 'secretariat', access: 'public', title: { zh: ZH.document } }), 201);
  const item = await jsonOf(staff.json(`/api/v1/meetings/${meeting.id}/agenda`, { number: '1',
    title: { en: EN.item }, documents: ['C27/INF/901'] }), 201);
  await jsonOf(staff.json(`/api/v1/meetings/${meeting.id}/agenda`, { number: '2', title: { zh: ZH.item } }), 201);
  await jsonOf(staff.json(`/api/v1/agenda-items/${item.id}/interventions`, { capacity: 'secretariat',
    summary: { en: EN.paragraph } }), 201);
  const decision = await jsonOf(staff.json(`/api/v1/agenda-items/${item.id}/decisions`, { kind: 'took_note',
    wording: { en: EN.decision } }), 201);
  const action = await jsonOf(staff.json(`/api/v1/meetings/${meeting.id}/actions`, { number: '1.1',
    owner: 'Secretariat', text: { en: EN.action }, decision_id: decision.id }), 201);
  const consultation = await jsonOf(staff.json('/api/v1/consultations', { key: 'one-language', body: 'one-language',
    meeting: meeting.id, title: { en: EN.consultation }, description: { en: EN.description },
    questions: [{ en: EN.question }], opens_at: isoFromNow(-3600), deadline: isoFromNow(9 * 86400), timezone: 'UTC' }), 201);
  const zhConsultation = await jsonOf(staff.json('/api/v1/consultations', { key: 'one-language-zh', body: 'one-language',
    title: { zh: ZH.consultation }, description: { zh: '仅有中文的说明。' }, questions: [{ zh: '仅有中文的问题？' }],
    opens_at: isoFromNow(-3600), deadline: isoFromNow(9 * 86400), timezone: 'UTC' }), 201);
  const text = await jsonOf(staff.json('/api/v1/texts', { document: 'C27/INF/901', agenda_item: item.id,
    languages: ['en'], title: { en: EN.text } }), 201);
  await jsonOf(staff.json(`/api/v1/texts/${text.id}/provisions`, { text: { en: EN.provision } }), 201);
  // A stakeholder type named in English only, and a published response of that type.
  await jsonOf(staff.json('/api/v1/stakeholder-types', { key: 'guild', label: { en: EN.type } }), 201);
  const { reference } = await jsonOf(anon.json(`/api/v1/consultations/${consultation.id}/responses`, {
    name: 'A respondent', country: 'CH', stakeholder_type: 'guild', email: 'guild@example.org', language: 'en',
    answers: { 1: 'An answer.' }, consent_publish: true }), 201);
  const queue = await jsonOf(staff.fetch(`/api/v1/consultations/${consultation.id}/moderation?per_page=200`));
  await jsonOf(staff.json(`/api/v1/responses/${queue.items.find((r) => r.reference === reference).id}/accept`, {}));
  await jsonOf(staff.json(`/api/v1/consultations/${consultation.id}/publish`, {}));
  await jsonOf(staff.json('/api/v1/follows', { kind: 'consultation', id: consultation.id }), 201);
  await jsonOf(staff.json('/api/v1/follows', { kind: 'consultation', id: zhConsultation.id }), 201);

  const en = Object.fromEntries(Object.values(EN).map((t) => [t, 'en']));
  const zh = Object.fromEntries(Object.values(ZH).map((t) => [t, 'zh']));
  const m = meeting.id, c = consultation.id;
  // The pages, with the texts each must show (in a language other than the English ones').
  const pages = [
    [anon, '/', [EN.consultation, ZH.consultation]],
    [anon, '/bodies', [EN.body]],
    [anon, '/bodies/one-language', [EN.body, EN.consultation, ZH.consultation]],
    [anon, '/bodies/one-language/chair-report?meetings=1', [EN.body, EN.action]],
    [anon, '/meetings', []],
    [anon, `/meetings/${m}`, [EN.meeting, EN.action, EN.consultation]],
    [anon, `/meetings/${m}/agenda`, [EN.item, ZH.item, EN.paragraph, EN.decision, EN.action]],
    [anon, `/meetings/${m}/record`, [EN.item, ZH.item, EN.paragraph, EN.decision]],
    [anon, '/documents', [EN.document, ZH.document]],
    [anon, '/documents?body=one-language', [EN.document, ZH.document]],
    [anon, '/documents/C27/INF/901', [EN.document, EN.summary]],
    [anon, '/documents/C27/INF/902', [ZH.document]],
    [anon, '/consultations', [EN.consultation, ZH.consultation]],
    [anon, `/consultations/${c}`, [EN.consultation, EN.description, EN.question]],
    [anon, `/consultations/${zhConsultation.id}`, [ZH.consultation]],
    [anon, `/consultations/${c}/responses`, [EN.consultation, EN.type]],
    [anon, `/consultations/${c}/statistics`, [EN.consultation]],
    [anon, '/actions', [EN.action]],
    [anon, `/actions/${action.id}`, [EN.action]],
    [staff, `/texts/${text.id}`, [EN.text, EN.provision]],
    [anon, '/search?q=' + encodeURIComponent('English only'), []],
    [staff, '/account', [EN.consultation, ZH.consultation]],
    [staff, '/admin', [EN.consultation, ZH.consultation]],
    [staff, `/admin/consultations/${c}`, [EN.consultation, EN.type]],
    [staff, '/admin/documents', []],
    [staff, '/admin/translations', []],
  ];
  const faults = [];
  for (const lang of ['ar', 'zh'])
    for (const [client, path, expected] of pages)
      await check(client, `/${lang}${path}`, lang === 'zh' ? en : { ...en, ...zh },
        expected.filter((t) => lang !== 'zh' || !Object.values(ZH).includes(t)), faults);
  // In English the Chinese texts are marked Chinese.
  for (const [client, path, expected] of pages)
    await check(client, `/en${path}`, zh, expected.filter((t) => Object.values(ZH).includes(t)), faults);
  assert.deepEqual(faults, []);
});

// A sentence in the reader's language that names a stored text (the confirmation of closing a
// consultation: "“{title}” will close now, …"; the title of a body's Chair's report: "Report by
// the Chair of the {name} ({acronym})") marks the name with its own language and direction when
// it is written in another one, and leaves it unmarked in the reader's own.
test('a stored name inside a sentence of the page carries its own language and direction', async () => {
  const names = { en: 'Named in English in a sentence', zh: '句子中仅有中文的名称' };
  const pages = {};  // language of the name → [path (after /xx), the sentence's element]
  const reports = {};  // language of the name → the consultation's id
  for (const [lang, name] of Object.entries(names)) {
    const c = await jsonOf(staff.json('/api/v1/consultations', { key: `sentence-${lang}`, body: 'cwg-internet',
      title: { [lang]: name }, questions: [{ [lang]: '?' }], opens_at: isoFromNow(-3600), deadline: isoFromNow(9 * 86400),
      timezone: 'UTC' }), 201);
    await jsonOf(staff.json('/api/v1/bodies', { key: `sentence-${lang}`, acronym: `S-${lang.toUpperCase()}`,
      name: { [lang]: name }, membership: 'open' }), 201);
    await jsonOf(staff.json('/api/v1/meetings', { body: `sentence-${lang}`, kind: 'working_group', number: 1,
      starts_on: dateFromNow(-30).iso, timezone: 'UTC', mode: 'virtual' }), 201);
    pages[lang] = [[`/admin/consultations/${c.id}/close`, /<p id="confirm-what">([\s\S]*?)<\/p>/, 'POST'],
      [`/bodies/sentence-${lang}/chair-report?meetings=1`, /<h1>([\s\S]*?)<\/h1>/, 'GET'],
      [`/consultations/${c.id}/report`, /<blockquote class="report" id="report-paragraph">([\s\S]*?)<\/blockquote>/, 'GET']];
    reports[lang] = c.id;
  }
  const faults = [];
  for (const page of ['ar', 'zh', 'en'])
    for (const [lang, name] of Object.entries(names))
      for (const [path, element, method] of pages[lang]) {
        const where = `/${page}${path}`;
        const res = method === 'POST'
          ? await staff.fetch(where, { method, headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({ csrf: staff.csrf }).toString() })
          : await staff.fetch(where);
        if (res.status !== 200) { faults.push(`${where}: ${res.status}`); continue; }
        const html = await res.text();
        const sentence = html.match(element)?.[1] ?? '';
        if (!sentence.includes(name)) { faults.push(`${where}: the sentence does not name "${name}": ${sentence}`); continue; }
        // Wherever the page shows the name (a crumb, marked since the lists were; the sentence):
        // in its own language and direction, or, in the reader's language, unmarked.
        for (const s of shown(html, name))
          if (page !== lang ? s.lang !== lang || s.dir !== DIR[lang] : s.lang !== page)
            faults.push(`${where}: "${name}" shown as lang=${s.lang} dir=${s.dir} in ${s.where}`);
        if (page !== lang && !sentence.includes(`<span lang="${lang}" dir="${DIR[lang]}">${name}</span>`))
          faults.push(`${where}: the sentence does not mark "${name}" as ${lang}: ${sentence}`);
        if (page === lang && sentence.includes('<span lang')) faults.push(`${where}: marks its own language: ${sentence}`);
      }
  // The consultation's report as a DOCX: the paragraph naming the title is in the report's
  // language, the title a run of its own in the title's (as python3-docx reads it: w:lang, and
  // neither right to left nor East Asian for an English title; East Asian for a Chinese one).
  const WORD = { en: { lang: 'en-GB', east_asia_lang: null, bidi_lang: null, rtl: false },
    zh: { lang: 'en-GB', east_asia_lang: 'zh-CN', bidi_lang: null, rtl: false } };
  const tmp = mkdtempSync(join(tmpdir(), 'plenary-one-language-'));
  try {
    for (const page of ['ar', 'zh', 'en'])
      for (const [lang, name] of Object.entries(names)) {
        const where = `/api/v1/consultations/${reports[lang]}/report.docx?lang=${page}`;
        const res = await anon.fetch(where);
        if (res.status !== 200) { faults.push(`${where}: ${res.status}`); continue; }
        const file = join(tmp, `report-${lang}-${page}.docx`);
        writeFileSync(file, Buffer.from(await res.arrayBuffer()));
        const seen = JSON.parse(execFileSync(PYTHON, [join(ROOT, 'tests/lib/docx_paragraphs.py'), file], { encoding: 'utf8' }));
        const paragraph = seen.paragraphs.find((p) => p.style !== 'Title' && p.text.includes(name));
        if (!paragraph) { faults.push(`${where}: no paragraph names "${name}"`); continue; }
        const run = paragraph.runs.find((r) => r.text.includes(name));
        const { text, ...marks } = run;
        if (page === lang) {
          if (paragraph.runs.filter((r) => r.text.trim()).length > 2) faults.push(`${where}: the paragraph is cut in runs: ${JSON.stringify(paragraph.runs)}`);
          continue;
        }
        if (text !== name) faults.push(`${where}: "${name}" is not a run of its own: ${JSON.stringify(paragraph.runs)}`);
        else if (JSON.stringify(marks) !== JSON.stringify(WORD[lang]))
          faults.push(`${where}: "${name}" is marked ${JSON.stringify(marks)}, not as ${lang}`);
        const rest = paragraph.runs.filter((r) => r.text && !r.text.includes(name)).at(-1);
        if (page === 'ar' && !rest?.rtl) faults.push(`${where}: the paragraph's own words are not right to left`);
      }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  assert.deepEqual(faults, []);
});
