// Browser test of the public consultation pages: respond, be refused after the deadline,
// moderate and publish, see the pages in three languages, and respond without JavaScript.
// Run from the repository: node --test --test-reporter=spec tests/browser/
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServer, Client, ADMIN, isoFromNow } from '../lib/server.mjs';
import { launchChromium, assertRtlLayout } from '../lib/browser.mjs';

const SHOTS = resolve(import.meta.dirname, '../../test-results');
const KEY = 'ai-public-policy';
const RUN = Date.now().toString(36);

let server, browser, tmp, attachment;
// Shared between the steps: the response submitted in step 1.
const submitted = {
  name: `Amina Testperson ${RUN}`,
  organization: 'Open Networks Institute',
  jobTitle: 'Policy analyst',
  email: `amina.${RUN}@respondent.example.org`,
  answer1: `Public policy on AI should rest on open standards and multistakeholder review (${RUN}).`,
  answer2: 'Capacity building for developing countries.',
  general: 'Thank you for holding this consultation.',
  reference: null,
};

async function newPage(options = {}) {
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 }, ...options });
  return { context, page: await context.newPage() };
}

async function shot(page, name) {
  await page.screenshot({ path: join(SHOTS, name), fullPage: true, type: 'png' });
}

// Fills the "About you" part of the response form with accessible locators. The labels are
// anchored at their start: the consent label ("…my name and organization (not my e-mail)…")
// would otherwise also match "Name", "Organization" and "E-mail".
async function fillAboutYou(page, { name, organization, jobTitle, email, country = 'CH', type = 'civil_society' }) {
  await page.getByRole('textbox', { name: /^Name\b/ }).fill(name);
  if (organization) await page.getByRole('textbox', { name: /^Organization\b/ }).fill(organization);
  if (jobTitle) await page.getByRole('textbox', { name: /^Job title\b/ }).fill(jobTitle);
  await page.getByRole('combobox', { name: /^Country\b/ }).selectOption(country);
  await page.getByRole('combobox', { name: /^Stakeholder type\b/ }).selectOption(type);
  await page.getByRole('textbox', { name: /^E-mail\b/ }).fill(email);
}

describe('consultation pages in the browser', { timeout: 60000 }, () => {
  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    tmp = mkdtempSync(join(tmpdir(), 'plenary-browser-'));
    attachment = join(tmp, 'contribution.txt');
    writeFileSync(attachment, `Contribution of ${submitted.name}\n\nWe support open standards for AI governance.\n`);
    server = await startServer();
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  test('1. a visitor responds in English with a TXT attachment and gets a receipt', async () => {
    const { context, page } = await newPage();
    try {
      const res = await page.goto(`${server.url}/en/consultations/${KEY}`);
      assert.equal(res.status(), 200);
      await fillAboutYou(page, submitted);
      await page.getByLabel('Language of your response').selectOption('en');
      await page.locator('#answer_1').fill(submitted.answer1);
      await page.locator('#answer_2').fill(submitted.answer2);
      await page.getByLabel('General contribution').fill(submitted.general);
      await page.getByLabel('Attachments').setInputFiles(attachment);
      await page.getByRole('checkbox', { name: /I agree that my response/ }).check();
      await Promise.all([
        page.waitForURL(/\/en\/receipts\/[^/]+\/r\.[^/]+$/),
        page.getByRole('button', { name: 'Submit my response' }).click(),
      ]);
      const reference = (await page.locator('strong.reference').textContent()).trim();
      assert.match(reference, /\S/, 'the receipt shows a reference');
      assert.match(new URL(page.url()).pathname, new RegExp(`^/en/receipts/${reference}/r\\.[^/]+$`));
      await assert.doesNotReject(page.getByRole('heading', { name: 'Thank you: your response was received' }).waitFor());
      submitted.reference = reference;
      await shot(page, 'receipt-en.png');
    } finally {
      await context.close();
    }
  });

  test('2. a response sent after the deadline is refused with 409 and the typed values are kept', async () => {
    const staff = await new Client(server.url).login();
    const key = `late-${RUN}`;
    const created = await staff.json('/api/v1/consultations', {
      key, body: 'cwg-internet', title: { en: 'Deadline test' }, description: { en: 'Closes in a few seconds.' },
      questions: [{ en: 'Q1' }], opens_at: isoFromNow(-60), deadline: isoFromNow(8), timezone: 'Europe/Zurich',
    });
    assert.equal(created.status, 201, await created.clone().text());
    const { id, deadline } = await created.json();

    const { context, page } = await newPage();
    try {
      await page.goto(`${server.url}/en/consultations/${id}`);
      const late = { name: `Late Respondent ${RUN}`, email: `late.${RUN}@respondent.example.org`, organization: 'Slow Org' };
      await fillAboutYou(page, late);
      await page.locator('#answer_1').fill('Sent too late.');
      // Wait until the deadline has passed (plus a margin for clock rounding).
      const wait = Date.parse(deadline) + 1500 - Date.now();
      if (wait > 0) await new Promise((ok) => setTimeout(ok, wait));
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST' && r.request().isNavigationRequest()),
        page.getByRole('button', { name: 'Submit my response' }).click(),
      ]);
      await page.waitForLoadState();
      await shot(page, 'deadline-refused-en.png');
      assert.equal(response.status(), 409, 'the late POST is refused with 409');
      const error = page.locator('#error-summary');
      assert.equal(await error.getAttribute('role'), 'alert');
      assert.match(await error.textContent(), /deadline \(.*\(Europe\/Zurich\)\) has passed/);
      const nameField = page.locator('#name');
      if (await nameField.count()) {
        assert.equal(await nameField.inputValue(), late.name, 'the typed name is kept');
      } else {
        assert.fail(`after the refusal, the page has no #name field, so the typed name "${late.name}" is lost; page shows: ${await error.textContent()}`);
      }
    } finally {
      await context.close();
    }
  });

  test('3. the secretariat accepts and publishes it; an anonymous visitor reads it without the e-mail', async () => {
    assert.ok(submitted.reference, 'step 1 produced a reference');
    const ref = submitted.reference;
    const { context, page } = await newPage();
    try {
      await page.goto(`${server.url}/en/login`);
      await page.getByLabel('E-mail').fill(ADMIN.email);
      await page.getByLabel('Password').fill(ADMIN.password);
      await Promise.all([
        page.waitForURL(/\/en\/admin\/?$/),
        page.getByRole('button', { name: 'Sign in' }).click(),
      ]);
      const desk = await page.goto(`${server.url}/en/admin/consultations/${KEY}`);
      assert.equal(desk.status(), 200);
      const article = page.locator(`article.response.moderation[id="m-${ref}"]`);
      assert.equal(await article.count(), 1, `the desk lists the response ${ref}`);
      assert.match(await article.textContent(), new RegExp(submitted.answer1.slice(0, 40).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
      await Promise.all([
        page.waitForEvent('framenavigated'),
        article.getByRole('button', { name: 'Accept', exact: true }).click(),
      ]);
      await page.waitForLoadState('load');
      const after = page.locator(`article.response.moderation[id="m-${ref}"]`);
      assert.match(await after.locator('.status').textContent(), /Accepted/);
      await shot(page, 'moderation-desk-en.png');
      await Promise.all([
        page.waitForEvent('framenavigated'),
        page.getByRole('button', { name: 'Publish all accepted responses whose authors consented' }).click(),
      ]);
      await page.waitForLoadState('load');
    } finally {
      await context.close();
    }

    const anon = await newPage();
    try {
      const res = await anon.page.goto(`${server.url}/en/consultations/${KEY}/responses`);
      assert.equal(res.status(), 200);
      const published = anon.page.locator(`article.response[id="r-${ref}"]`);
      assert.equal(await published.count(), 1, `the published page lists #r-${ref}`);
      const text = await published.textContent();
      assert.ok(text.includes(submitted.answer1), 'the submitted answer is published');
      assert.ok(text.includes(submitted.name), 'the name is published (consent given)');
      const html = await anon.page.content();
      assert.ok(!html.includes(submitted.email), 'the e-mail address appears nowhere in the page source');
      assert.ok(!html.toLowerCase().includes(submitted.email.split('@')[1]), 'not even the e-mail domain');
      await shot(anon.page, 'responses-en.png');
    } finally {
      await anon.context.close();
    }
  });

  test('4. the consultation page in English, Chinese and Arabic', async () => {
    const { context, page } = await newPage();
    try {
      for (const lang of ['en', 'zh', 'ar']) {
        const res = await page.goto(`${server.url}/${lang}/consultations/${KEY}`);
        assert.equal(res.status(), 200, lang);
        const html = page.locator('html');
        assert.equal(await html.getAttribute('lang'), lang);
        assert.equal(await html.getAttribute('dir'), lang === 'ar' ? 'rtl' : 'ltr');
        assert.equal(await page.locator(`form[action^="/${lang}/consultations/"][action$="/responses"]`).count(), 1,
          `${lang}: the response form posts to the ${lang} URL`);
        if (lang === 'ar') await assertRtlLayout(page, `/ar/consultations/${KEY}`);
        await shot(page, `consultation-${lang}.png`);
      }
      // The published responses page in Arabic, too, laid out right to left.
      const res = await page.goto(`${server.url}/ar/consultations/${KEY}/responses`);
      assert.equal(res.status(), 200);
      await assertRtlLayout(page, `/ar/consultations/${KEY}/responses`);
      await shot(page, 'responses-ar.png');
    } finally {
      await context.close();
    }
  });

  test('5. the form works with JavaScript disabled', async () => {
    const { context, page } = await newPage({ javaScriptEnabled: false });
    try {
      await page.goto(`${server.url}/en/consultations/${KEY}`);
      // The only scripts are the optional check of files before upload (form.js) and the narrow
      // screen's menu button (menu.js): none is needed.
      assert.equal(await page.locator('script:not([src^="/static/form.js?v="]):not([src^="/static/menu.js?v="])').count(), 0, 'the page needs no script');
      await fillAboutYou(page, { name: `No Script ${RUN}`, email: `noscript.${RUN}@respondent.example.org`, type: 'individual', country: 'KE' });
      await page.locator('#answer_3').fill('Answered without JavaScript.');
      await Promise.all([
        page.waitForURL(/\/en\/receipts\/[^/]+\/r\.[^/]+$/),
        page.getByRole('button', { name: 'Submit my response' }).click(),
      ]);
      assert.match((await page.locator('strong.reference').textContent()).trim(), /\S/);
    } finally {
      await context.close();
    }
  });
});
