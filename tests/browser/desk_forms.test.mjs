// The secretariat's journey in the browser, in English, Chinese and
// Arabic: create a plenary meeting (kind plenary, with its session) on the desk, register a
// document, upload two language files on its page; then the officers page. axe-core checks
// each new page (a serious or critical violation fails) and screenshots go to test-results/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startServer, Client, jsonOf, dateFromNow } from '../lib/server.mjs';
import { launchChromium, assertRtlLayout, axe, signInPage } from '../lib/browser.mjs';

const SHOTS = resolve(import.meta.dirname, '../../test-results');
let server, browser, staff;

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer();
  staff = await new Client(server.url).login();
  browser = await launchChromium();
});
after(async () => { await browser?.close(); await server?.stop(); });

async function signedIn() {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  await signInPage(page, server.url);
  return { context, page };
}

async function shot(page, name) {
  await page.screenshot({ path: join(SHOTS, `desk-forms-${name}.png`), fullPage: true });
}

// Labels as each language's catalogue writes them (web/messages/*.json), typed here by hand.
const L = {
  en: { plenary: 'Plenary meeting', register: 'Register', upload: 'Upload', newMeeting: 'New meeting',
    registered: 'The document was registered. Upload its language versions below.', title: 'Title' },
  zh: { plenary: '全体会议', register: '登记', upload: '上传', registered: '文件已登记。请在下方上传其各语文版本。' },
  ar: { plenary: 'جلسة عامة', register: 'تسجيل', upload: 'تحميل', registered: 'سُجِّلت الوثيقة. حمِّل نسخها اللغوية أدناه.' },
};

for (const [lang, session, symbol] of [['en', 'C31', 'C31/1'], ['zh', 'C32', 'C32/1'], ['ar', 'C33', 'C33/1']]) {
  test(`${lang}: a plenary meeting, a document and its two language files`, async () => {
    const { context, page } = await signedIn();
    try {
      // The plenary meeting, from the desk's home page.
      await page.goto(`${server.url}/${lang}/admin`);
      await page.locator('details:has(form[action$="/admin/meetings"]) > summary').click();
      await page.locator('#m-body').selectOption('council');
      await page.locator('#m-kind').selectOption('plenary');
      assert.equal(await page.locator('#m-kind option[value=plenary]').innerText(), L[lang].plenary);
      await page.locator('#m-session').fill(session);
      await page.locator('#m-number').fill('1');
      await page.locator('#m-title').fill(`Plenary ${session}`);
      await page.locator('#m-starts').fill(dateFromNow(60).iso);
      await page.locator('#m-starts-at').fill('09:30');
      await shot(page, `meeting-${lang}`);
      await axe(page, `${lang} /admin`);
      await page.locator('form[action$="/admin/meetings"] button[type=submit]').click();
      assert.match(page.url(), /done=meeting/);
      const meetings = (await jsonOf(staff.fetch('/api/v1/meetings'))).items;
      const created = meetings.find((m) => m.kind === 'plenary' && m.session === session);
      assert.ok(created, `the ${session} plenary exists`);
      assert.equal(created.starts_at, '09:30', 'the start time typed');

      // The document, from the registration page.
      await page.goto(`${server.url}/${lang}/admin/documents`);
      if (lang === 'ar') await assertRtlLayout(page, 'the Arabic registration page');
      await page.locator('#d-symbol').fill(symbol);
      await page.locator('#d-body').selectOption('council');
      await page.locator('#d-date').fill(dateFromNow(-1).iso);
      await page.locator('#d-title-en').fill('Draft budget');
      await page.locator('#d-title-zh').fill('预算草案');
      await page.locator('#d-title-ar').fill('مشروع الميزانية');
      await shot(page, `register-${lang}`);
      await axe(page, `${lang} /admin/documents`);
      await page.getByRole('button', { name: L[lang].register, exact: true }).click();
      assert.equal(await page.locator('p.notice[role=status]').innerText(), L[lang].registered);
      const doc = await jsonOf(staff.fetch(`/api/v1/documents/${symbol}`));
      assert.equal(doc.titles.zh, '预算草案');

      // Two language files on the document's page.
      for (const [fileLang, text] of [['en', 'Draft budget'], ['ar', 'مشروع الميزانية']]) {
        await page.locator('#up-language').selectOption(fileLang);
        await page.locator('#up-file').setInputFiles({ name: `budget-${fileLang}.txt`, mimeType: 'text/plain',
          buffer: Buffer.from(text + '\n') });
        await page.getByRole('button', { name: L[lang].upload, exact: true }).click();
        assert.match(page.url(), new RegExp(`uploaded=${fileLang}`));
      }
      await shot(page, `document-${lang}`);
      await axe(page, `${lang} document page with two files`);
      const files = (await jsonOf(staff.fetch(`/api/v1/documents/${symbol}`))).files.map((f) => f.language).sort();
      assert.deepEqual(files, ['ar', 'en']);

      // A refused registration (the same symbol) keeps what was typed and says why.
      await page.goto(`${server.url}/${lang}/admin/documents`);
      await page.locator('#d-symbol').fill(symbol);
      await page.locator('#d-date').fill(dateFromNow(-1).iso);
      await page.locator('#d-title-en').fill('Typed again');
      await page.getByRole('button', { name: L[lang].register, exact: true }).click();
      assert.equal(await page.locator('#d-title-en').inputValue(), 'Typed again');
      // The summary at the top, with the focus, and the message next to the symbol.
      assert.equal(await page.locator('#error-summary').count(), 1);
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'error-summary');
      assert.equal(await page.locator('#d-symbol').getAttribute('aria-invalid'), 'true');
      assert.equal(await page.locator('#d-symbol-error').count(), 1);
      await shot(page, `register-error-${lang}`);
      await axe(page, `${lang} /admin/documents refused`);

      // The officers page and the agenda page with its new forms open.
      await page.goto(`${server.url}/${lang}/admin/bodies/cwg-internet/officers`);
      if (lang === 'ar') await assertRtlLayout(page, 'the Arabic officers page');
      await shot(page, `officers-${lang}`);
      await axe(page, `${lang} officers page`);
      // A line of references that names no resolution: the page in its error state.
      // What was typed comes back, line for line: the references and the terms of reference.
      const terms = 'Typed terms, first paragraph.\nTyped terms, second paragraph.';
      await page.locator('#o-refs').fill('council 1305\nthe one from 2018');
      await page.locator(`#o-terms-${lang}`).fill(terms);
      await page.locator('#o-vice0-name').fill('Typed vice-chair');
      await Promise.all([page.waitForNavigation(), page.locator('form[action$="/officers"] button[type=submit]').click()]);
      assert.equal(await page.locator('#o-refs').getAttribute('aria-invalid'), 'true');
      assert.equal(await page.locator('#o-refs').inputValue(), 'council 1305\nthe one from 2018');
      assert.equal(await page.locator(`#o-terms-${lang}`).inputValue(), terms);
      assert.equal(await page.locator('#o-vice0-name').inputValue(), 'Typed vice-chair');
      await shot(page, `officers-error-${lang}`);
      await axe(page, `${lang} officers page, refused`);
      const plenary = meetings.find((m) => m.kind === 'plenary' && m.session === 'C22' && m.number === 8);
      await page.goto(`${server.url}/${lang}/meetings/${plenary.id}/agenda`);
      for (const s of await page.locator('details.staff-form > summary').all()) await s.click();
      // The page is long (the whole record): the top, with the first item's forms open.
      await page.screenshot({ path: join(SHOTS, `desk-forms-agenda-${lang}.png`), fullPage: true,
        clip: { x: 0, y: 0, width: 1100, height: 2600 } });
      await axe(page, `${lang} agenda page with the staff forms open`);
    } finally {
      await context.close();
    }
  });
}
