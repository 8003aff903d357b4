// Browser journey: the public answers with an attachment and errors, in English, Chinese and
// Arabic, with JavaScript on. A file of a type the form does not take, then a file over the
// server's limit, are refused by the browser before any upload (no POST leaves the page); a missing name is refused by the server, which shows the
// form again with what was typed, the message next to the field and a summary that has the
// focus; axe-core finds no violation on the form in its error state (English and Arabic); then
// the corrected form is accepted. Screenshots of each error state go to test-results/.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { startServer } from '../lib/server.mjs';
import { launchChromium } from '../lib/browser.mjs';

const SHOTS = resolve(import.meta.dirname, '../../test-results');
const MAX_BYTES = 1024 * 1024;  // --max-attachment-bytes of this server
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// What each language says, written by hand from the catalogues.
const EXPECT = {
  en: { name: '“Name” is required.', size: 'The file “big.pdf” is larger than 1 MB.', again: 'Attached files are not kept',
    type: 'The file “tool.exe” is not a PDF, DOCX, ODT or plain text file.',
    receipt: /Thank you|reference/i },
  zh: { name: '“姓名”为必填项。', size: '文件“big.pdf”超过1 MB。', again: '表格未被接受时不会保留所附文件', receipt: /./,
    type: '文件“tool.exe”不是PDF、DOCX、ODT或纯文本文件。' },
  ar: { name: 'الحقل «الاسم» إلزامي.', size: 'الملف «big.pdf» يتجاوز 1 ميغابايت.', again: 'لا تُحفظ الملفات المرفقة', receipt: /./,
    type: 'الملف «tool.exe» ليس بتنسيق PDF أو DOCX أو ODT أو نص عادي.' },
};

let server, browser, tmp, big, small, exe;

describe('the public answers with an attachment and errors', { timeout: 90000 }, () => {
  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    tmp = mkdtempSync(join(tmpdir(), 'plenary-errors-'));
    big = join(tmp, 'big.pdf');
    writeFileSync(big, Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(MAX_BYTES, 0x20)]));
    exe = join(tmp, 'tool.exe');
    writeFileSync(exe, Buffer.from('MZ\x90\x00 not a document'));
    small = join(tmp, 'contribution.txt');
    writeFileSync(small, 'Our contribution: open standards for AI governance.\n');
    server = await startServer({ args: ['--max-attachment-bytes', String(MAX_BYTES)] });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  for (const lang of ['en', 'zh', 'ar']) {
    test(`${lang}: checked before upload, refused with the text kept, then accepted`, async () => {
      const context = await browser.newContext({ locale: lang, viewport: { width: 1280, height: 900 } });
      try {
        const page = await context.newPage();
        const posts = [];
        page.on('request', (r) => { if (r.method() === 'POST') posts.push(r.url()); });
        await page.goto(`${server.url}/${lang}/consultations/ai-public-policy`);
        // Everything but the name; an answer; a file over the limit.
        await page.locator('#organization').fill('Open Networks Institute');
        await page.locator('#country').selectOption('SN');
        await page.locator('#stakeholder_type').selectOption('civil_society');
        await page.locator('#email').fill(`errors.${lang}@respondent.example.org`);
        await page.locator('#answer_1').fill(`Kept answer (${lang}).`);
        await page.locator('#consent_publish').check();
        // A file of a type the form does not take: refused in the browser, nothing sent.
        await page.locator('#attachments').setInputFiles(exe);
        await page.locator('form[action$="/responses"] button[type="submit"]').click();
        await page.locator('#error-summary').waitFor({ timeout: 5000 });
        assert.deepEqual(posts, [], 'no POST with a file of the wrong type');
        assert.equal(await page.locator('#error-summary li').innerText(), EXPECT[lang].type);
        assert.equal(await page.locator('#attachments-error').innerText(), EXPECT[lang].type);
        assert.equal(await page.locator('#attachments').getAttribute('aria-invalid'), 'true');
        await page.screenshot({ path: join(SHOTS, `form-errors-type-${lang}.png`), fullPage: true });
        await page.locator('#attachments').setInputFiles(big);
        await page.locator('form[action$="/responses"] button[type="submit"]').click();

        // The browser refused the file: nothing was sent, the summary has the focus.
        const summary = page.locator('#error-summary');
        await summary.waitFor({ timeout: 5000 });
        assert.deepEqual(posts, [], 'no POST before the file is fixed');
        assert.equal(await page.evaluate(() => document.activeElement?.id), 'error-summary');
        assert.equal(await summary.locator('li').innerText(), EXPECT[lang].size);
        assert.equal(await page.locator('#attachments').getAttribute('aria-invalid'), 'true');
        assert.match(await page.locator('#attachments').getAttribute('aria-describedby'), /\battachments-error\b/);
        assert.equal(await page.locator('#attachments-error').innerText(), EXPECT[lang].size);
        await page.screenshot({ path: join(SHOTS, `form-errors-file-${lang}.png`), fullPage: true });

        // A file within the limits: the server now refuses the missing name.
        await page.locator('#attachments').setInputFiles(small);
        const [response] = await Promise.all([
          page.waitForResponse((r) => r.request().method() === 'POST' && r.request().isNavigationRequest()),
          page.locator('form[action$="/responses"] button[type="submit"]').click(),
        ]);
        await page.waitForLoadState();
        assert.equal(response.status(), 400);
        await page.locator('#error-summary').waitFor();
        assert.equal(await page.evaluate(() => document.activeElement?.id), 'error-summary', 'the summary takes the focus');
        const link = page.locator('#error-summary a[href="#name"]');
        assert.equal(await link.innerText(), EXPECT[lang].name);
        assert.equal(await page.locator('#name-error').innerText(), EXPECT[lang].name);
        assert.equal(await page.locator('#name').getAttribute('aria-invalid'), 'true');
        assert.equal(await page.locator('#name').getAttribute('aria-describedby'), 'name-error');
        assert.ok((await page.locator('#error-summary').innerText()).includes(EXPECT[lang].again), 'files must be chosen again');
        // What was typed is kept.
        assert.equal(await page.locator('#answer_1').inputValue(), `Kept answer (${lang}).`);
        assert.equal(await page.locator('#organization').inputValue(), 'Open Networks Institute');
        assert.equal(await page.locator('#country').inputValue(), 'SN');
        assert.equal(await page.locator('#stakeholder_type').inputValue(), 'civil_society');
        assert.ok(await page.locator('#consent_publish').isChecked());
        await page.screenshot({ path: join(SHOTS, `form-errors-${lang}.png`), fullPage: true });
        if (lang !== 'zh') {
          const result = await new AxeBuilder({ page }).include('#respond').withTags(TAGS).analyze();
          assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), [],
            `${lang}: accessibility violations on the form in its error state`);
        }

        // The link of the summary leads to the field.
        await link.click();
        assert.equal(await page.evaluate(() => location.hash), '#name');

        // Corrected, with the file chosen again: accepted.
        await page.locator('#name').fill(`Respondent ${lang}`);
        await page.locator('#attachments').setInputFiles(small);
        await Promise.all([
          page.waitForURL(/\/receipts\/[A-Z0-9]{4}-[A-Z0-9]{4}\/r\.[^/]+$/),
          page.locator('form[action$="/responses"] button[type="submit"]').click(),
        ]);
        assert.match(await page.locator('main').innerText(), EXPECT[lang].receipt);
      } finally {
        await context.close();
      }
    });
  }
});
