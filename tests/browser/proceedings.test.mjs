// Browser test of the proceedings: the summary record in English, Chinese and Arabic (screen and
// print), and the chair running the list of speakers with JavaScript off.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startServer, ADMIN } from '../lib/server.mjs';
import { launchChromium } from '../lib/browser.mjs';

const SHOTS = resolve(import.meta.dirname, '../../test-results');
let server, browser, council;

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer();
  const { items } = await (await fetch(server.url + '/api/v1/meetings')).json();
  council = items.find((m) => m.kind === 'plenary' && m.session === 'C22' && m.number === 8);
  browser = await launchChromium();
});
after(async () => { await browser?.close(); await server?.stop(); });

test('the summary record reads as a document in English, Chinese and Arabic, on screen and in print', async () => {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  for (const lang of ['en', 'zh', 'ar']) {
    await page.goto(`${server.url}/${lang}/meetings/${council.id}/record`);
    assert.equal(await page.locator('html').getAttribute('dir'), lang === 'ar' ? 'rtl' : 'ltr');
    assert.equal(await page.locator('article.record h2').count(), 8);
    // The decision of item 5 (informal consultations) is the item's last paragraph.
    const last = page.locator('#item-5 div.para').last();
    assert.match(await last.innerText(), /^5\.8/);
    await page.emulateMedia({ media: 'screen' });
    await page.screenshot({ path: join(SHOTS, `record-${lang}.png`), fullPage: true });
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('header.site').isVisible().catch(() => false), false,
      'the site header is not printed');
    await page.screenshot({ path: join(SHOTS, `record-${lang}-print.png`), fullPage: true });
  }
  await context.close();
});

test('the secretariat runs the list of speakers with JavaScript off', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${server.url}/en/login`);
  await page.getByLabel(/e-mail/i).fill(ADMIN.email);
  await page.getByLabel(/password/i).fill(ADMIN.password);
  await page.getByRole('button', { name: /sign in/i }).click();
  await page.goto(`${server.url}/en/meetings/${council.id}/agenda`);
  const item = page.locator('#item-3');
  for (const [name, code] of [['Councillor of Ghana', 'GH'], ['Councillor of Tunisia', 'TN']]) {
    const add = page.locator('#item-3 form.speaker-add');
    await add.getByLabel('Speaker').fill(name);
    await add.getByLabel('Capacity').selectOption('councillor');
    await add.getByLabel(/Member State/).fill(code);
    await add.getByRole('button', { name: 'Add to the list' }).click();
  }
  const speakers = page.locator('#item-3 ol.speakers > li');
  assert.deepEqual((await speakers.allInnerTexts()).map((t) => t.split(' (')[0]),
    ['Councillor of Ghana', 'Councillor of Tunisia']);
  await speakers.nth(1).getByRole('button', { name: 'Move up' }).click();
  assert.match(await page.locator('#item-3 ol.speakers > li').first().innerText(), /^Councillor of Tunisia/);
  await page.locator('#item-3 ol.speakers > li').first().getByRole('button', { name: 'Has spoken' }).click();
  assert.match(await page.locator('#item-3 ol.speakers > li').last().innerText(), /Tunisia.*has spoken/s);
  await page.screenshot({ path: join(SHOTS, 'agenda-en.png'), fullPage: false });
  await page.goto(`${server.url}/ar/meetings/${council.id}/agenda#item-3`);
  await page.screenshot({ path: join(SHOTS, 'agenda-ar.png'), fullPage: false });
  await page.goto(`${server.url}/zh/meetings/${council.id}/agenda`);
  await page.screenshot({ path: join(SHOTS, 'agenda-zh.png'), fullPage: false });
  await context.close();
});
