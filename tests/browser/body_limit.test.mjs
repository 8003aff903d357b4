// Browser journey, JavaScript off (with it on, the form checks the files before uploading): the
// public form sent with a file that takes the post over the server's own body limit
// (--max-body-bytes) comes back, 413, with the message next to the attachments in the reader's
// language (the limit in MB as the reader writes it), a summary, and everything typed before the
// files kept; the same for the document page's upload (staff). A refused follow (a form that
// expired) comes back to the consultation's page with its message next to the button. English,
// Chinese and Arabic; axe-core on each error state in English and Arabic; screenshots
// body-limit-*.png, body-limit-upload-*.png, follow-error-*.png in test-results/.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServer, Client, jsonOf } from '../lib/server.mjs';
import { launchChromium, axe, assertRtlLayout, signInPage } from '../lib/browser.mjs';

const SHOTS = resolve(import.meta.dirname, '../../test-results');
const LIMIT = 1.5 * 1024 * 1024;  // --max-body-bytes of this server

// What each language says, written by hand from the catalogues.
const SAYS = {
  en: { limit: 'The form and its files must be at most 1.5 MB in all: attach fewer or smaller files and send the form again.',
    expired: 'The form has expired. Please reload the page and submit again.' },
  zh: { limit: '表单连同所附文件总计不得超过1.5 MB：请减少附件数量或改附较小的文件，然后重新提交表单。',
    expired: '表格已过期。请重新加载页面后再提交。' },
  ar: { limit: 'يجب ألا يتجاوز حجم الاستمارة مع ملفاتها 1.5 ميغابايت إجمالًا: أرفق عددًا أقل من الملفات أو ملفات أصغر حجمًا، ثم أرسل الاستمارة مرة أخرى.',
    expired: 'انتهت صلاحية الاستمارة. يُرجى إعادة تحميل الصفحة وإرسالها مرة أخرى.' },
};

let server, browser, tmp, big, docId;

// axe-core needs JavaScript: the page `page` shows (JavaScript off) is served as it is to a page
// with JavaScript on, at its own address (its stylesheet loads as before), and checked there.
async function axeOn(page, what) {
  const html = await page.content();
  const url = page.url();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const checked = await context.newPage();
    await checked.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
    await checked.goto(url);
    await axe(checked, what);
  } finally {
    await context.close();
  }
}

describe('a post over the server\'s body limit, and a refused follow, back on their pages', { timeout: 240000 }, () => {
  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    tmp = mkdtempSync(join(tmpdir(), 'plenary-body-limit-'));
    big = join(tmp, 'big.pdf');  // under the 5 MB file limit, over the body limit
    writeFileSync(big, Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2 * 1024 * 1024, 0x20)]));
    server = await startServer({ args: ['--max-body-bytes', String(LIMIT)] });
    const staff = await new Client(server.url).login();
    docId = (await jsonOf(staff.fetch('/api/v1/documents'))).items[0].id;
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  for (const lang of ['en', 'zh', 'ar']) {
    test(`${lang}: the public form, the document upload and the follow button`, async () => {
      const context = await browser.newContext({ locale: lang, javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
      try {
        context.setDefaultTimeout(30000);
        const page = await context.newPage();
        await page.goto(`${server.url}/${lang}/consultations/ai-public-policy`);
        await page.locator('#name').fill(`Kept name (${lang})`);
        await page.locator('#organization').fill('Open Networks Institute');
        await page.locator('#country').selectOption('SN');
        await page.locator('#stakeholder_type').selectOption('civil_society');
        await page.locator('#email').fill(`limit.${lang}@respondent.example.org`);
        await page.locator('#answer_1').fill(`Kept answer (${lang}).`);
        await page.locator('#attachments').setInputFiles(big);
        await page.locator('#consent_publish').check();
        const [res] = await Promise.all([page.waitForNavigation(),
          page.locator('form[action$="/responses"] button[type="submit"]').click()]);
        assert.equal(res.status(), 413);
        assert.equal(await page.locator('#attachments-error').innerText(), SAYS[lang].limit);
        assert.equal(await page.locator('#error-summary li').first().innerText(), SAYS[lang].limit);
        assert.equal(await page.locator('#attachments').getAttribute('aria-invalid'), 'true');
        assert.match(await page.locator('#attachments').getAttribute('aria-describedby'), /\battachments-error\b/);
        assert.equal(await page.locator('#name').inputValue(), `Kept name (${lang})`);
        assert.equal(await page.locator('#organization').inputValue(), 'Open Networks Institute');
        assert.equal(await page.locator('#email').inputValue(), `limit.${lang}@respondent.example.org`);
        assert.equal(await page.locator('#country').inputValue(), 'SN');
        assert.equal(await page.locator('#answer_1').inputValue(), `Kept answer (${lang}).`);
        // The consent box stands before the file input, so it arrived before the cut.
        assert.equal(await page.locator('#consent_publish').isChecked(), true, 'the consent is kept');
        if (lang === 'ar') await assertRtlLayout(page, 'ar consultation refused over the body limit');
        if (lang !== 'zh') await axeOn(page, `${lang} public form over the body limit`);
        await page.locator('#attachments').scrollIntoViewIfNeeded();
        await page.screenshot({ path: join(SHOTS, `body-limit-${lang}.png`) });

        // The secretariat's upload of a language file on the document's page.
        await signInPage(page, server.url);
        await page.goto(`${server.url}/${lang}/documents/${docId}`);
        await page.locator('#up-language').selectOption('ru');
        await page.locator('#up-file').setInputFiles(big);
        const [up] = await Promise.all([page.waitForNavigation(),
          page.locator('form[action$="/files"] button[type="submit"]').click()]);
        assert.equal(up.status(), 413);
        assert.equal(await page.locator('#up-file-error').innerText(), SAYS[lang].limit);
        assert.equal(await page.locator('#up-file').getAttribute('aria-invalid'), 'true');
        assert.equal(await page.locator('#up-language').inputValue(), 'ru');
        if (lang !== 'zh') await axeOn(page, `${lang} document upload over the body limit`);
        await page.locator('#up-file').scrollIntoViewIfNeeded();
        await page.screenshot({ path: join(SHOTS, `body-limit-upload-${lang}.png`) });

        // A follow whose form expired: signed in again in another tab, the page's token is stale.
        await page.goto(`${server.url}/${lang}/consultations/ai-public-policy`);
        const follow = page.locator('form[action$="/follow"]');
        const other = await context.newPage();
        await signInPage(other, server.url);
        await other.close();
        const [back] = await Promise.all([page.waitForNavigation(), follow.locator('button').click()]);
        assert.equal(back.status(), 200);
        assert.match(new URL(page.url()).pathname, new RegExp(`^/${lang}/consultations/\\d+$`));
        assert.equal(await page.locator('#follow-button-error').innerText(), SAYS[lang].expired);
        assert.equal(await page.locator('#error-summary li').innerText(), SAYS[lang].expired);
        assert.equal(await page.locator('#follow-button').getAttribute('aria-describedby'), 'follow-button-error');
        if (lang !== 'zh') await axeOn(page, `${lang} follow refused`);
        await page.locator('#follow-button').scrollIntoViewIfNeeded();
        await page.screenshot({ path: join(SHOTS, `follow-error-${lang}.png`) });
      } finally {
        await context.close();
      }
    });
  }
});
