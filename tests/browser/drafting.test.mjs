// Browser test of negotiated texts: the demo's draft guidelines of C22/32(Rev.1) with square
// brackets, clean and as a status table, in English, Chinese and Arabic with JavaScript off
// (screenshots in test-results/). In Arabic the text runs right to left and each bracketed span
// is isolated in a <bdi>. The room's screen, with JavaScript on, follows an edit made by another
// session. Every wait is bounded: the tests, the hooks and Playwright's own waits time out.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startServer, ADMIN, Client, jsonOf } from '../lib/server.mjs';
import { launchChromium } from '../lib/browser.mjs';
import { AxeBuilder } from '@axe-core/playwright';

const SHOTS = resolve(import.meta.dirname, '../../test-results');
let server, browser, textId;

// Playwright's waits (navigation, locators) fail after this long instead of the default 30 s.
const WAIT = 10000;

async function signedIn(options = {}) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, ...options });
  context.setDefaultTimeout(WAIT);
  context.setDefaultNavigationTimeout(WAIT);
  const page = await context.newPage();
  await page.goto(`${server.url}/en/login`);
  await page.getByLabel(/e-mail/i).fill(ADMIN.email);
  await page.getByLabel(/password/i).fill(ADMIN.password);
  await Promise.all([page.waitForURL((u) => !u.pathname.endsWith('/login')),
    page.getByRole('button', { name: /sign in/i }).click()]);
  return { context, page };
}

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer();
  const staff = await new Client(server.url).login();
  const { items } = await jsonOf(staff.fetch(`/api/v1/texts?document=${encodeURIComponent('C22/32(Rev.1)')}`));
  assert.equal(items.length, 1, 'the demo has one text on C22/32(Rev.1)');
  textId = items[0].id;
  browser = await launchChromium();
}, { timeout: 60000 });
after(async () => { await browser?.close(); await server?.stop(); }, { timeout: 60000 });

describe('negotiated texts in the browser', { timeout: 180000 }, () => {

test('the draft with brackets, clean and its status in English, Chinese and Arabic without JavaScript', async () => {
  const { context, page } = await signedIn({ javaScriptEnabled: false });
  const sentences = {
    en: 'Only two provisions retain square brackets (2.b and 6.c).',
    zh: '仅有两个条款保留了方括号（2.b和6.c）。',
    // CLDR's Arabic list pattern is "{0} و{1}"; each label isolated (U+2068 … U+2069) so that
    // it reads 2.b, not b.2, in right-to-left text.
    ar: 'لم يبقَ سوى حكمين بين أقواس معقوفة (\u20682.b\u2069 و\u20686.c\u2069).',
  };
  for (const lang of ['en', 'zh', 'ar']) {
    await page.goto(`${server.url}/${lang}/texts/${textId}?lang=${lang}`);
    assert.equal(await page.locator('html').getAttribute('dir'), lang === 'ar' ? 'rtl' : 'ltr');
    const draft = page.locator('div.draft');
    assert.equal(await draft.getAttribute('dir'), lang === 'ar' ? 'rtl' : 'ltr');
    assert.equal(await draft.evaluate((e) => getComputedStyle(e).direction), lang === 'ar' ? 'rtl' : 'ltr');
    // Two provisions hold brackets, each bracketed span isolated.
    assert.equal(await page.locator('div.draft > p.provision span.bracket > bdi').count(), 2);
    await page.screenshot({ path: join(SHOTS, `text-brackets-${lang}.png`), fullPage: true });
    await page.goto(`${server.url}/${lang}/texts/${textId}/clean?lang=${lang}`);
    assert.equal(await page.locator('div.draft span.bracket').count(), 0);
    await page.screenshot({ path: join(SHOTS, `text-clean-${lang}.png`), fullPage: true });
    await page.goto(`${server.url}/${lang}/texts/${textId}/status?lang=${lang}`);
    const rows = page.locator('table.status tbody tr.open td:first-child');
    assert.deepEqual(await rows.allInnerTexts(), ['2.b', '6.c']);
    assert.equal(await page.locator('p.sentence').innerText(), sentences[lang]);
    await page.screenshot({ path: join(SHOTS, `text-status-${lang}.png`), fullPage: true });
  }
  await context.close();
});

test('proposals by Member State and the diff of a revision in English, Chinese and Arabic; axe finds nothing', async () => {
  const staff = await new Client(server.url).login();
  const before = await jsonOf(staff.fetch(`/api/v1/texts/${textId}`));
  // 6.c: the second alternative in each language, so that the diff has something to show.
  for (const b of before.provisions.at(-1).brackets)
    await jsonOf(staff.json(`/api/v1/brackets/${b.id}/resolve`, { outcome: 'alternative', alternative: 2 }));
  const rev = await jsonOf(staff.json(`/api/v1/texts/${textId}/revisions`, {}), 201);
  assert.equal(rev.document.symbol, 'C22/32(Rev.2)');
  // JavaScript on: axe-core runs in the page (with it off, Playwright's evaluation never returns).
  const { context, page } = await signedIn();
  const china = { en: 'China', zh: '中国', ar: 'الصين' };
  for (const lang of ['en', 'zh', 'ar']) {
    await page.goto(`${server.url}/${lang}/texts/${textId}/compilation?lang=${lang}`);
    assert.equal(await page.locator('main h2').first().innerText(), china[lang]);
    assert.match(await page.locator('ul.proposals li').first().innerText(), /C22\/71/);
    await page.screenshot({ path: join(SHOTS, `text-compilation-${lang}.png`), fullPage: true });
    if (lang !== 'zh') {
      const axe = await new AxeBuilder({ page }).analyze();
      assert.deepEqual(axe.violations.map((v) => v.id), [], `compilation ${lang}`);
    }
    await page.goto(`${server.url}/${lang}/texts/${textId}/diff?from=${before.version}&to=${rev.version}&lang=${lang}`);
    assert.equal(await page.locator('div.diff p.provision').count(), before.provisions.length);
    await page.screenshot({ path: join(SHOTS, `text-diff-${lang}.png`), fullPage: true });
    if (lang !== 'zh') {
      const axe = await new AxeBuilder({ page }).analyze();
      assert.deepEqual(axe.violations.map((v) => v.id), [], `diff ${lang}`);
    }
  }
  await context.close();
});
});
