// The moderation page's attachment links and the confirmation before erasing personal data, in
// English, Chinese and Arabic: the secretariat opens the moderation page (a waiting response with
// a file linked as a download), presses "Erase personal data", reads the confirmation page
// (nothing erased yet), then confirms; and, with the page's filters chosen (country, stakeholder
// type, status; the list is the API's for the same filters), rejects two responses at once after
// the bulk confirmation page. axe-core checks both pages (English, Arabic);
// screenshots go to test-results/moderation-safety-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startServer, Client, ADMIN, jsonOf } from '../lib/server.mjs';
import { launchChromium, assertRtlLayout, axe } from '../lib/browser.mjs';

const SHOTS = resolve(import.meta.dirname, '../../test-results');
let server, browser, staff, anon;

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  // Each journey signs the secretariat in again: not what the sign-in limits are for.
  server = await startServer({ args: ['--logins-per-ip-per-minute', '1000', '--logins-per-account-per-minute', '1000'] });
  staff = await new Client(server.url).login();
  anon = new Client(server.url);
  browser = await launchChromium();
});
after(async () => { await browser?.close(); await server?.stop(); });

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

const B = {
  en: { heading: 'Reject the selected responses?', yes: 'Reject them' },
  zh: { heading: '拒绝所选回复？', yes: '拒绝' },
  ar: { heading: 'هل تريد رفض الردود المحددة؟', yes: 'رفضها' },
};
for (const lang of ['en', 'zh', 'ar']) {
  test(`${lang}: two responses rejected at once, after a confirmation page`, async () => {
    const refs = [];
    for (let i = 0; i < 2; i++) {
      const { reference } = await jsonOf(anon.json('/api/v1/consultations/ai-public-policy/responses', {
        name: `Bulk ${lang} ${i}`, country: 'TO', stakeholder_type: 'civil_society', email: `bulk.${lang}.${i}@example.org`,
        general: 'Same text.', consent_publish: true }), 201);
      refs.push(reference);
    }
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}/en/login`);
      await page.getByLabel(/e-mail/i).fill(ADMIN.email);
      await page.getByLabel(/password/i).fill(ADMIN.password);
      await page.getByRole('button', { name: /sign in/i }).click();
      // The filters, chosen on the page: Tonga, civil society, received.
      await page.goto(`${server.url}/${lang}/admin/consultations/ai-public-policy`);
      await page.locator('#f-country').selectOption('TO');
      await page.locator('#f-type').selectOption('civil_society');
      await page.locator('#f-status').selectOption('received');
      await Promise.all([page.waitForNavigation(), page.locator('form.filters button[type=submit]').click()]);
      const url = new URL(page.url());
      assert.deepEqual([url.searchParams.get('country'), url.searchParams.get('stakeholder_type'), url.searchParams.get('status')],
        ['TO', 'civil_society', 'received']);
      // The page lists what the API lists for the same filters, and keeps the choices.
      const expected = await jsonOf(staff.fetch('/api/v1/consultations/ai-public-policy/moderation?per_page=200&country=TO&stakeholder_type=civil_society&status=received'));
      const shown = await page.locator('article.response.moderation').evaluateAll((as) => as.map((a) => a.id.slice(2)));
      assert.deepEqual(shown.sort(), expected.items.map((r) => r.reference).sort());
      assert.ok(refs.every((ref) => shown.includes(ref)), 'both new responses are listed');
      assert.equal(await page.locator('#f-country').inputValue(), 'TO');
      assert.equal(await page.locator('#f-status').inputValue(), 'received');
      assert.match(await page.locator('form.filters + p[role=status]').innerText(), new RegExp(String(expected.items.length)));
      await page.screenshot({ path: join(SHOTS, `moderation-safety-${lang}-filtered.png`), fullPage: false });
      if (lang !== 'zh') await axe(page, `${lang} moderation page filtered`);
      for (const ref of refs) await page.locator(`#m-${ref} input[type=checkbox]`).check();
      await page.locator('#bulk-action').selectOption('reject');
      await page.locator('#bulk-reason').fill('Duplicate of another response.');
      await Promise.all([page.waitForNavigation(), page.locator('#bulk button[type=submit]').click()]);
      assert.equal(await page.locator('h1').innerText(), B[lang].heading);
      for (const ref of refs) assert.match(await page.locator('ul.references').innerText(), new RegExp(ref));
      if (lang === 'ar') await assertRtlLayout(page, 'ar bulk confirmation');
      if (lang !== 'zh') await axe(page, `${lang} bulk confirmation`);
      await page.screenshot({ path: join(SHOTS, `moderation-safety-${lang}-bulk.png`), fullPage: false });
      const queue = await jsonOf(staff.fetch('/api/v1/consultations/ai-public-policy/moderation?per_page=200&country=TO'));
      assert.ok(refs.every((ref) => queue.items.find((r) => r.reference === ref).status === 'received'));
      await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: B[lang].yes }).click()]);
      const after = await jsonOf(staff.fetch('/api/v1/consultations/ai-public-policy/moderation?per_page=200&country=TO'));
      assert.ok(refs.every((ref) => after.items.find((r) => r.reference === ref).status === 'rejected'));
    } finally {
      await context.close();
    }
  });
}
