// Browser test of a bracket as one question in every language version: the secretariat places a
// bracket in the English text, the status page shows Chinese and Arabic lacking its passage, and
// from the page of the Chinese text (Chinese pages) and of the Arabic text (English and Arabic
// pages) adds the passage in that language. A passage with one alternative where English has
// two comes back with the sentence next to the field in the reader's language, the summary
// focused, what was typed kept; axe-core finds no violation in that state (English, Arabic);
// Arabic pages are laid out right to left. A passage of a second bracket around the first in
// English, placed apart from the first in Chinese or Arabic, is refused next to the words typed in
// the reader's language. Screenshots test-results/bracket-passage-*.png (close-ups of the refused
// form: bracket-passage-form-{en,zh,ar}.png, bracket-nesting-form-{zh,ar}.png).
// Every wait is bounded.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startServer, Client, jsonOf } from '../lib/server.mjs';
import { launchChromium, axe, assertRtlLayout, signInPage } from '../lib/browser.mjs';

const SHOTS = resolve(import.meta.dirname, '../../test-results');
const WAIT = 10000;
let server, browser, staff, textId, provisionId;

const WORDS = {
  en: 'The Council shall review these guidelines every four years.',
  zh: '理事会应每四年审议本导则。',
  ar: 'يستعرض المجلس هذه المبادئ التوجيهية كل أربع سنوات.',
};
const PASSAGE = {
  zh: ['每四年', ['每四年', '在每届全权代表大会之后']],
  ar: ['كل أربع سنوات', ['كل أربع سنوات', 'بعد كل مؤتمر للمندوبين المفوضين']],
};
// The sentence next to the alternatives when one is given where the other languages have two
// (web/messages, drafting_passage_alternatives_count).
const COUNT = {
  en: 'These square brackets have 2 alternatives in the other languages',
  zh: '此方括号在其他语文中有2个备选案文',
  ar: 'لهذه الأقواس المعقوفة 2 من البدائل في اللغات الأخرى',
};

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer();
  staff = await new Client(server.url).login();
  const { items } = await jsonOf(staff.fetch('/api/v1/meetings'));
  const council = items.find((m) => m.kind === 'plenary' && m.session === 'C22' && m.number === 8);
  const agenda = await jsonOf(staff.fetch(`/api/v1/meetings/${council.id}/agenda`));
  const item5 = agenda.items.find((i) => i.number === '5');
  const t = await jsonOf(staff.json('/api/v1/texts', { document: 'C22/32(Rev.1)', agenda_item: item5.id,
    title: { en: 'Draft guidelines', zh: '导则草案', ar: 'مشروع مبادئ توجيهية' }, languages: ['en', 'zh', 'ar'] }), 201);
  textId = t.id;
  await jsonOf(staff.json(`/api/v1/texts/${t.id}/provisions`, { kind: 'section',
    text: { en: 'Review', zh: '审议', ar: 'الاستعراض' } }), 201);
  provisionId = (await jsonOf(staff.json(`/api/v1/texts/${t.id}/provisions`, { text: WORDS }), 201)).id;
  await jsonOf(staff.json(`/api/v1/provisions/${provisionId}/brackets`, { lang: 'en', start: 42, end: 58,
    alternatives: ['every four years', 'after each Plenipotentiary Conference'], proposed_by: 'CN' }), 201);
  browser = await launchChromium();
}, { timeout: 60000 });
after(async () => { await browser?.close(); await server?.stop(); }, { timeout: 60000 });

describe('the passages of one bracket in every language', { timeout: 180000 }, () => {
  test('the status page names the languages lacking the passage', async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 800 } });
    context.setDefaultTimeout(WAIT);
    const page = await context.newPage();
    await signInPage(page, server.url);
    const lacking = { en: 'Chinese and Arabic', zh: '中文和阿拉伯文', ar: 'الصينية والعربية' };
    for (const lang of ['en', 'zh', 'ar']) {
      await page.goto(`${server.url}/${lang}/texts/${textId}/status?lang=${lang}`);
      const cell = page.locator('table.status tr.open td.lacking');
      assert.equal(await cell.count(), 1, lang);
      assert.equal(await cell.innerText(), lacking[lang], lang);
      assert.equal(await page.locator('p.note.lacking').count(), 1, lang);
      await page.screenshot({ path: join(SHOTS, `bracket-passage-status-${lang}.png`), fullPage: true });
      if (lang !== 'zh') await axe(page, `status ${lang}`);
    }
    await context.close();
  });

  for (const [ui, content] of [['en', 'ar'], ['zh', 'zh'], ['ar', 'ar']]) {
    test(`${ui} pages, the ${content} text: a wrong count of alternatives is said next to its field, then the passage is placed`, async () => {
      const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
      context.setDefaultTimeout(WAIT);
      const page = await context.newPage();
      await signInPage(page, server.url);
      await page.goto(`${server.url}/${ui}/texts/${textId}?lang=${content}`);
      // One bracket lacks its passage in this language (the English pages place no Arabic one).
      const note = page.locator('div.bracket-note.lacking');
      assert.equal(await note.count(), 1);
      await note.locator('summary').click();
      const form = note.locator('form');
      const [words, alternatives] = PASSAGE[content];
      await form.locator('input[name=words]').fill(words);
      await form.locator('textarea[name=alternatives]').fill(alternatives[1]);
      await Promise.all([page.waitForLoadState('load'), form.locator('button[type=submit]').click()]);
      // Refused: the summary has the focus, the sentence stands next to the field, typed kept.
      const field = page.locator('div.bracket-note.lacking textarea[name=alternatives]');
      assert.equal(await field.getAttribute('aria-invalid'), 'true');
      const id = await field.getAttribute('id');
      assert.match(await page.locator(`#${id}-error`).innerText(), new RegExp(COUNT[ui]));
      assert.equal(await page.locator('div.bracket-note.lacking input[name=words]').inputValue(), words);
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'error-summary', 'the summary has the focus');
      if (ui === 'ar') await assertRtlLayout(page, 'refused passage (Arabic)');
      // A close-up to look at first (the refused form), then the whole page.
      await page.locator('div.bracket-note.lacking').screenshot({ path: join(SHOTS, `bracket-passage-form-${ui}.png`) });
      await page.screenshot({ path: join(SHOTS, `bracket-passage-error-${ui}.png`), fullPage: true });
      if (ui !== 'zh') await axe(page, `refused passage ${ui}`);
      if (ui === 'en') {  // the Arabic passage is placed from the Arabic pages
        await context.close();
        return;
      }
      await field.fill(alternatives.join('\n'));
      await Promise.all([page.waitForURL((u) => u.pathname === `/${ui}/texts/${textId}`),
        page.locator('div.bracket-note.lacking button[type=submit]').click()]);
      assert.equal(await page.locator('div.bracket-note.lacking').count(), 0);
      assert.equal(await page.locator(`#p${provisionId} span.bracket > bdi`).innerText(), words);
      await page.screenshot({ path: join(SHOTS, `bracket-passage-placed-${ui}.png`), fullPage: true });
      await context.close();
    });
  }

  test('the question is one, in English, Chinese and Arabic', async () => {
    const t = await jsonOf(staff.fetch(`/api/v1/texts/${textId}?view=status`));
    assert.deepEqual(t.missing_passages, []);
    const p = (await jsonOf(staff.fetch(`/api/v1/texts/${textId}`))).provisions.find((x) => x.id === provisionId);
    assert.deepEqual(p.brackets.map((b) => b.lang).sort(), ['ar', 'en', 'zh']);
    assert.equal(new Set(p.brackets.map((b) => b.question)).size, 1);
  });

  // A second bracket around the first in English ("guidelines every four years"): its passage in
  // Chinese or Arabic placed apart from the first is refused, said next to the words typed in the
  // reader's language (web/messages, form_error_passage_nesting), what was typed kept.
  const NESTING = {
    zh: ['理事会', '在英文文本中，此方括号的文字包含另一方括号的文字'],
    ar: ['يستعرض المجلس', 'في النص باللغة الإنكليزية، تحيط كلمات هذا القوس المعقوف بكلمات قوس معقوف آخر'],
  };
  for (const lang of ['zh', 'ar']) {
    test(`${lang} pages: a passage nesting otherwise than in English is refused next to its field`, async () => {
      if (lang === 'zh')
        await jsonOf(staff.json(`/api/v1/provisions/${provisionId}/brackets`, { lang: 'en', start: 31, end: 58 }), 201);
      const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
      context.setDefaultTimeout(WAIT);
      const page = await context.newPage();
      await signInPage(page, server.url);
      await page.goto(`${server.url}/${lang}/texts/${textId}?lang=${lang}`);
      const note = page.locator('div.bracket-note.lacking');
      assert.equal(await note.count(), 1);
      await note.locator('summary').click();
      const [words, sentence] = NESTING[lang];
      await note.locator('form input[name=words]').fill(words);
      await Promise.all([page.waitForLoadState('load'), note.locator('form button[type=submit]').click()]);
      const typed = page.locator('div.bracket-note.lacking input[name=words]');
      assert.equal(await typed.getAttribute('aria-invalid'), 'true');
      assert.match(await page.locator(`#${await typed.getAttribute('id')}-error`).innerText(), new RegExp(sentence));
      assert.equal(await typed.inputValue(), words);
      if (lang === 'ar') await assertRtlLayout(page, 'refused nesting (Arabic)');
      await page.locator('div.bracket-note.lacking').screenshot({ path: join(SHOTS, `bracket-nesting-form-${lang}.png`) });
      if (lang === 'ar') await axe(page, 'refused nesting ar');
      await context.close();
    });
  }
});
