// Lists holding a record written in one language only: a consultation and a document titled in
// English only, and a consultation titled in Chinese only, on the home page, the documents list
// and the secretariat's desk, in Arabic, Chinese and English. Each entry is laid out in its own
// language's direction and read in its own language (the element's lang), the list keeps the
// page's direction, and axe-core finds nothing serious in English and Arabic. Screenshots:
// test-results/one-language-<page>-<lang>.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { startServer, Client, isoFromNow, jsonOf } from '../lib/server.mjs';
import { launchChromium, axe, signedInPage } from '../lib/browser.mjs';

const SHOTS = resolve(import.meta.dirname, '../../test-results');
const EN = 'Consultation titled in English only';
const ZH = '仅有中文标题的磋商';
const DOC = 'Document titled in English only';
let server, browser;
before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer();
  const staff = await new Client(server.url).login();
  for (const [key, title] of [['english-title', { en: EN }], ['chinese-title', { zh: ZH }]])
    await jsonOf(staff.json('/api/v1/consultations', { key, body: 'council', title, description: title,
      questions: [title], opens_at: isoFromNow(-3600), deadline: isoFromNow(9 * 86400), timezone: 'UTC' }), 201);
  await jsonOf(staff.json('/api/v1/documents', { symbol: 'C22/INF/901', body: 'council', date: '2022-09-26',
    source_kind: 'secretariat', access: 'public', title: { en: DOC } }), 201);
  browser = await launchChromium();
});
after(async () => { await browser?.close(); await server?.stop(); });

// The language and computed direction of the element of <main> whose text is exactly `text`, and
// the direction of the list around it.
function shownAs(page, text) {
  return page.evaluate((text) => {
    // The innermost element holding exactly the text (a title's <span> rather than its cell).
    const el = [...document.querySelectorAll('main a, main td, main span')].filter((e) => e.textContent.trim() === text).pop();
    return el && { lang: el.closest('[lang]').getAttribute('lang'), direction: getComputedStyle(el).direction,
      list: getComputedStyle(el.parentElement.closest('ul, ol, table')).direction };
  }, text);
}

const PAGES = [['home', '/', [EN, ZH]], ['documents', '/documents', [DOC]], ['desk', '/admin', [EN, ZH]]];
for (const lang of ['ar', 'zh', 'en']) {
  test(`${lang}: each one-language entry of a list carries its own language and direction`, async () => {
    // Signed in: the desk is one of the lists.
    const { context, page } = await signedInPage(browser, server.url);
    for (const [name, path, texts] of PAGES) {
      await page.goto(`${server.url}/${lang}${path}`);
      for (const text of texts) {
        const own = text === ZH ? 'zh' : 'en';
        const found = await shownAs(page, text);
        assert.ok(found, `${lang}${path}: "${text}" is listed`);
        assert.deepEqual(found, { lang: own === lang ? lang : own, direction: 'ltr',
          list: lang === 'ar' ? 'rtl' : 'ltr' }, `${lang}${path}: "${text}"`);
      }
      if (lang !== 'zh') await axe(page, `${lang}${path}`);
      const first = page.locator('main').getByText(texts[0], { exact: true }).first();
      await first.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/one-language-${name}-${lang}.png` });
    }
    await context.close();
  });
}
