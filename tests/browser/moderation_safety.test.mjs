// The moderation page's attachment links and the confirmation before erasing personal data, in
// English, Chinese and Arabic: the secretariat opens the moderation page (a waiting response with
// a file linked as a download), presses "Erase personal data", reads the confirmation page
// (nothing erased yet), cancels, then confirms. axe-core checks both pages (English, Arabic);
// screenshots go to test-results/moderation-safety-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { startServer, Client, ADMIN, jsonOf } from '../lib/server.mjs';
import { launchChromium, assertRtlLayout } from '../lib/browser.mjs';

const SHOTS = resolve(import.meta.dirname, '../../test-results');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
let server, browser, staff, anon;

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer();
  staff = await new Client(server.url).login();
  anon = new Client(server.url);
  browser = await launchChromium();
});
after(async () => { await browser?.close(); await server?.stop(); });

async function axe(page, what) {
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  assert.ok(result.passes.length >= 10, `${what}: axe passed only ${result.passes.length} rules`);
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), [],
    `${what}: serious or critical accessibility violations`);
}

// Words as each language's catalogue writes them (web/messages/*.json), typed here by hand.
const L = {
  en: { heading: 'Erase this respondent’s personal data?', yes: 'Erase the personal data' },
  zh: { heading: '删除该回复者的个人数据？', yes: '删除个人数据' },
  ar: { heading: 'هل تريد محو البيانات الشخصية لصاحب هذا الرد؟', yes: 'محو البيانات الشخصية' },
};

for (const lang of ['en', 'zh', 'ar']) {
  test(`${lang}: attachments open as downloads; erasing asks first`, async () => {
    const f = new FormData();
    for (const [k, v] of Object.entries({ name: `Respondent ${lang}`, country: 'SN', stakeholder_type: 'civil_society',
      email: `erase.${lang}@example.org`, general: 'See the attached notes.', consent_publish: 'yes' })) f.append(k, v);
    f.append('attachments', new Blob(['Notes, plain.\n'], { type: 'text/plain' }), `notes-${lang}.txt`);
    const { reference } = await jsonOf(anon.fetch('/api/v1/consultations/ai-public-policy/responses', { method: 'POST', body: f }), 201);
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}/en/login`);
      await page.getByLabel(/e-mail/i).fill(ADMIN.email);
      await page.getByLabel(/password/i).fill(ADMIN.password);
      await page.getByRole('button', { name: /sign in/i }).click();
      await page.goto(`${server.url}/${lang}/admin/consultations/ai-public-policy?per_page=200#m-${reference}`);
      const article = page.locator(`#m-${reference}`);
      const link = article.getByRole('link', { name: `notes-${lang}.txt` });
      assert.equal(await link.getAttribute('download'), '');
      assert.match(await link.getAttribute('href'), new RegExp(`^/${lang}/admin/attachments/\\d+$`));
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      assert.equal(download.suggestedFilename(), `notes-${lang}.txt`);
      if (lang !== 'zh') await axe(page, `${lang} moderation page`);
      // Erasing: the confirmation page first.
      await Promise.all([page.waitForNavigation(), article.locator('form[action$="/erase"] button').click()]);
      assert.equal(await page.locator('h1').innerText(), L[lang].heading);
      assert.match(await page.locator('blockquote').innerText(), new RegExp(reference));
      if (lang === 'ar') await assertRtlLayout(page, 'ar erase confirmation');
      await page.screenshot({ path: join(SHOTS, `moderation-safety-${lang}-confirm.png`), fullPage: false });
      if (lang !== 'zh') await axe(page, `${lang} erase confirmation`);
      let queue = await jsonOf(staff.fetch('/api/v1/consultations/ai-public-policy/moderation?per_page=200'));
      assert.equal(queue.items.find((r) => r.reference === reference).erased_at, null);
      await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: L[lang].yes }).click()]);
      queue = await jsonOf(staff.fetch('/api/v1/consultations/ai-public-policy/moderation?per_page=200'));
      const erased = queue.items.find((r) => r.reference === reference);
      assert.ok(erased.erased_at);
      assert.equal(erased.email, '');
      await page.screenshot({ path: join(SHOTS, `moderation-safety-${lang}-after.png`), fullPage: false });
    } finally {
      await context.close();
    }
  });
}
