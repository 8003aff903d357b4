// Browser test of the receipt after answering, in English, Chinese and Arabic: the respondent
// answers with an attachment and lands on the receipt, which says a confirmation e-mail was
// sent (the address masked), shows the copy of the answers under each question in the reader's
// language and the attachment's name, has a print button that works with JavaScript and prints
// without the site's header and navigation; axe-core finds no violation; the page does not
// scroll sideways on a 360 px phone. Screenshots go to test-results/receipt-*.png.
// Run from the repository: node --test --test-reporter=spec tests/browser/receipt.test.mjs
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServer, Client, jsonOf } from '../lib/server.mjs';
import { launchChromium, assertRtlLayout, axe } from '../lib/browser.mjs';

const SHOTS = resolve(import.meta.dirname, '../../test-results');
const KEY = 'ai-public-policy';

// What each language's receipt says, written by hand from the catalogues.
const EXPECT = {
  en: { mail: 'A confirmation e-mail was sent to r•••@respondent.example.org.', copy: 'A copy of your response',
    print: 'Print this receipt', none: 'No answer' },
  zh: { mail: '确认邮件已发送至r•••@respondent.example.org。', copy: '您的回复副本', print: '打印本回执', none: '未作回答' },
  ar: { mail: 'أُرسلت رسالة تأكيد إلى r•••@respondent.example.org.', copy: 'نسخة من ردك', print: 'اطبع هذا الإيصال',
    none: 'لا يوجد جواب' },
};

let server, browser, tmp, attachment, questions;

describe('the receipt in the browser', { timeout: 90000 }, () => {
  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    tmp = mkdtempSync(join(tmpdir(), 'plenary-receipt-'));
    attachment = join(tmp, 'position-paper.txt');
    writeFileSync(attachment, 'Our position: open standards.\n');
    server = await startServer();
    browser = await launchChromium();
    questions = (await jsonOf(new Client(server.url).fetch(`/api/v1/consultations/${KEY}`))).questions;
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  for (const lang of ['en', 'zh', 'ar']) {
    test(`answering in ${lang} leads to a receipt with the copy of the answers`, async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      try {
        await page.goto(`${server.url}/${lang}/consultations/${KEY}`);
        const answer = `Answer written in ${lang}: interoperable standards first.`;
        await page.locator('#name').fill(`Respondent ${lang}`);
        await page.locator('#country').selectOption('KE');
        await page.locator('#stakeholder_type').selectOption('civil_society');
        await page.locator('#email').fill(`respondent.${lang}@respondent.example.org`);
        await page.locator('#answer_1').fill(answer);
        await page.locator('#attachments').setInputFiles(attachment);
        await Promise.all([
          page.waitForURL(new RegExp(`/${lang}/receipts/[A-Z0-9]{4}-[A-Z0-9]{4}/r\\.[^/]+$`)),
          page.locator('form[action$="/responses"] button[type="submit"]').click(),
        ]);
        const main = page.locator('main');
        const text = await main.innerText();
        assert.ok(text.includes(EXPECT[lang].mail), `${lang}: ${text}`);
        assert.ok(text.includes(EXPECT[lang].copy), lang);
        assert.ok(text.includes(answer), `${lang}: the answer`);
        assert.ok(text.includes('position-paper.txt'), `${lang}: the attachment's name`);
        const q1 = questions.find((q) => q.number === 1);
        const q1text = q1.texts[lang];
        assert.ok(q1text && text.includes(q1text), `${lang}: question 1 in the reader's language`);
        assert.ok(text.includes(EXPECT[lang].none), `${lang}: an unanswered question says so`);
        assert.ok(!text.includes(`respondent.${lang}@`), `${lang}: never the whole address`);
        // The print button appears with JavaScript and prints.
        const print = page.getByRole('button', { name: EXPECT[lang].print });
        assert.ok(await print.isVisible(), `${lang}: the print button`);
        await page.evaluate(() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; });
        await print.click();
        assert.equal(await page.evaluate(() => window.__printed), 1, `${lang}: the button prints`);
        await axe(page, `receipt ${lang}`);
        if (lang === 'ar') await assertRtlLayout(page, 'receipt ar');
        await page.screenshot({ path: join(SHOTS, `receipt-${lang}.png`), fullPage: true });

        // Printed: no site header, navigation, footer or button; the copy is there.
        await page.emulateMedia({ media: 'print' });
        const printed = await page.evaluate(() => ({
          header: getComputedStyle(document.querySelector('header.site')).display,
          footer: getComputedStyle(document.querySelector('footer.site')).display,
          button: getComputedStyle(document.querySelector('button[data-print]').parentElement).display,
          copy: getComputedStyle(document.querySelector('section.copy')).display,
        }));
        assert.deepEqual(printed, { header: 'none', footer: 'none', button: 'none', copy: 'block' }, lang);
        await page.screenshot({ path: join(SHOTS, `receipt-${lang}-print.png`), fullPage: true });
        await page.emulateMedia({ media: 'screen' });

        // On a 360 px phone nothing scrolls sideways.
        await page.setViewportSize({ width: 360, height: 740 });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(overflow <= 0, `${lang}: the receipt is ${overflow}px wider than a 360 px screen`);
        await page.screenshot({ path: join(SHOTS, `receipt-${lang}-360.png`), fullPage: true });
      } finally {
        await context.close();
      }
    });
  }
});
