// Browser test of negotiated texts: the demo's draft guidelines of C22/32(Rev.1) with square
// brackets, clean and as a status table, in English, Chinese and Arabic with JavaScript off
// (screenshots in test-results/). In Arabic the text runs right to left and each bracketed span
// is isolated in a <bdi>.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startServer, ADMIN, Client, jsonOf } from '../lib/server.mjs';
import { launchChromium } from '../lib/browser.mjs';

const SHOTS = resolve(import.meta.dirname, '../../test-results');
let server, browser, textId;

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer();
  const staff = await new Client(server.url).login();
  const { items } = await jsonOf(staff.fetch(`/api/v1/texts?document=${encodeURIComponent('C22/32(Rev.1)')}`));
  assert.equal(items.length, 1, 'the demo has one text on C22/32(Rev.1)');
  textId = items[0].id;
  browser = await launchChromium();
});
after(async () => { await browser?.close(); await server?.stop(); });

test('the draft with brackets, clean and its status in English, Chinese and Arabic without JavaScript', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${server.url}/en/login`);
  await page.getByLabel(/e-mail/i).fill(ADMIN.email);
  await page.getByLabel(/password/i).fill(ADMIN.password);
  await page.getByRole('button', { name: /sign in/i }).click();
  const sentences = {
    en: 'Only two provisions retain square brackets (2.b and 6.c).',
    zh: '仅有两个条款保留了方括号（2.b和6.c）。',
    // CLDR's Arabic list pattern is "{0} و{1}".
    ar: 'لم يبقَ سوى حكمين بين أقواس معقوفة (2.b و6.c).',
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
