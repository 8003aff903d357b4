// axe-core on every page, in English and Arabic: the pages the secretariat reaches by following
// the site's own links (from the home page, and from the desk) and those only a visitor without a
// session sees (sign-in, sign-up, forgotten password, the open consultation's form),
// one page per route shape (numbers and document symbols replaced) so the crawl stays bounded;
// then every form of those pages that has a required field is sent empty (the browser's own
// checks turned off, as a browser without them would send it), and every other form with a text
// input is sent with a text over every limit in it; the page that refuses it — the form in its
// error state — is checked too. A serious or critical violation fails.
// Run: PLENARY_BIN=build/plenary node --test tests/browser/a11y_crawl.test.mjs
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, ADMIN } from '../lib/server.mjs';
import { launchChromium, axe, routeShape, crawlSite } from '../lib/browser.mjs';

let server, browser;

before(async () => {
  // The crawl signs in once per language; the forms sent empty include sign-in's.
  server = await startServer({ args: ['--logins-per-ip-per-minute', '1000', '--logins-per-account-per-minute', '1000'] });
  browser = await launchChromium();
});
after(async () => { await browser?.close(); await server?.stop(); });

// axe-core on each page reached from `start`.
const crawl = (page, lang, start) => crawlSite(page, server.url, lang, start, async (path) => {
  await axe(page, `${lang} ${path}`);
  return path;
});

// The text inputs a bad value can be typed into (not hidden, not a choice, not a file).
const TYPED = 'input:not([type=hidden]):not([type=checkbox]):not([type=radio]):not([type=file]):not([type=submit]), textarea';
// Longer than any field's limit: the refusal of a form that has no required field.
const OVERLONG = 'x'.repeat(100001);

// Each form on `path` in its error state: a form with a required field sent empty, a form without
// one but with a text input sent with its first text input over every limit; the page that
// refuses it is checked. Returns how many error states were checked.
async function emptyForms(page, lang, path, done) {
  await page.goto(server.url + path);
  const actions = await page.$$eval('main form[method=post]', (forms, typed) => forms
    .filter((f) => f.querySelector('[required]') || f.querySelector(typed))
    .map((f) => f.getAttribute('action')), TYPED);
  let checked = 0;
  for (const action of actions) {
    const key = routeShape(action);
    if (done.has(key)) continue;
    done.add(key);
    await page.goto(server.url + path);
    const form = page.locator(`main form[method=post][action="${action}"]`).first();
    await form.evaluate((f, [typed, overlong]) => {
      f.noValidate = true;
      const fields = [...f.querySelectorAll(typed)];
      if (f.querySelector('[required]')) {
        for (const el of fields) el.value = '';
      } else {
        // An over-long text where one can be typed (a number or date input takes no letters:
        // the first input that keeps them).
        fields.find((x) => { x.value = overlong; return x.value === overlong; });
      }
    }, [TYPED, OVERLONG]);
    const [res] = await Promise.all([page.waitForNavigation(),
      form.evaluate((f) => f.requestSubmit())]);
    // Refused: a 4xx page, or the desk's page it goes back to (303) with the error shown. A
    // form whose empty fields mean "keep as it is" (the speaking time) is accepted: not counted.
    // A form with no input that keeps letters (a number alone) is sent as it is.
    const status = res ? res.status() : 0;
    const shown = await page.locator('#error-summary, [aria-invalid=true], .error[role=alert]').count();
    if ((status >= 400 && status < 500) || shown > 0) {
      await axe(page, `${lang} ${action} refused (${status})`);
      checked++;
    } else {
      console.log(`${lang} ${action} (on ${path}) sent with a bad value was accepted (${status})`);
    }
  }
  return checked;
}

async function signIn(page, lang) {
  await page.goto(`${server.url}/${lang}/login`);
  await page.locator('input[type=email]').fill(ADMIN.email);
  await page.locator('input[type=password]').fill(ADMIN.password);
  await Promise.all([page.waitForNavigation(), page.locator('main button[type=submit]').click()]);
}

describe('axe-core on every page and form error state', { timeout: 600000, concurrency: 2 }, () => {
  // The secretariat's crawl reaches the public pages too (from the home page) and the desk's.
  for (const lang of ['en', 'ar']) {
    test(`${lang}: every page the secretariat reaches, and every form sent empty`, async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: lang });
      context.setDefaultTimeout(15000);
      const page = await context.newPage();
      try {
        await signIn(page, lang);
        const start = [`/${lang}/admin`, `/${lang}/`];
        // Negotiated texts are restricted to Member States: the secretariat reaches them.
        const texts = await (await page.request.get(`${server.url}/api/v1/texts`)).json();
        assert.ok(texts.items.length >= 1, 'the demo has a negotiated text');
        for (const view of ['', '/status', '/compilation', '/clean', '/screen']) start.push(`/${lang}/texts/${texts.items[0].id}${view}`);
        const pages = await crawl(page, lang, start);
        assert.ok(pages.length >= 35, `only ${pages.length} pages reached: ${pages.join(' ')}`);
        const done = new Set();
        let forms = 0;
        for (const path of pages) forms += await emptyForms(page, lang, path, done);
        assert.ok(forms >= 10, `only ${forms} forms in their error state`);
        console.log(`${lang} staff: axe on ${pages.length} pages and ${forms} forms refused: ${pages.join(' ')}`);
      } finally {
        await context.close();
      }
    });

    test(`${lang}: the pages only a visitor without a session sees, and their forms sent empty`, async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: lang });
      context.setDefaultTimeout(15000);
      const page = await context.newPage();
      try {
        const paths = [`/${lang}/login`, `/${lang}/signup`, `/${lang}/password/forgot`, `/${lang}/consultations/ai-public-policy`];
        const done = new Set();
        let forms = 0;
        for (const path of paths) {
          const res = await page.goto(server.url + path);
          assert.equal(res.status(), 200, path);
          await axe(page, `${lang} ${path}`);
          forms += await emptyForms(page, lang, path, done);
        }
        assert.ok(forms >= 4, `only ${forms} forms in their error state`);
      } finally {
        await context.close();
      }
    });
  }
});
