// A 360 px phone: on every page (found by following the site's own links from the home page,
// and from the desk for the secretariat), in English, Chinese and Arabic, nothing scrolls
// sideways, and the site menu folds behind one button that opens it (axe-core checks both states). One page per route shape
// (numbers and document symbols replaced), so the crawl stays bounded; screenshots go to
// test-results/narrow-<lang>-<role>-*.png to be looked at. The pages no link leads to are
// reached through their forms: the confirmation pages (closing a consultation, erasing a
// respondent's data, deleting a paragraph of the record or a provision), a refused desk form and
// the public form refused; and the pages reached from a mail's link (verify, confirm and reset
// links, here with a token that is not one), the negotiated text's diff of two versions and the
// 404 page (screenshots
// narrow-<lang>-form-*.png), with axe-core in English and Arabic.
// Run: PLENARY_BIN=build/plenary node --test tests/browser/narrow.test.mjs
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startServer, ADMIN, Client, jsonOf, isoFromNow, dateFromNow } from '../lib/server.mjs';
import { launchChromium, axe, routeShape, crawlSite } from '../lib/browser.mjs';

const SHOTS = resolve(import.meta.dirname, '../../test-results');
let server, browser, diffPath, longZonePaths;

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer();
  browser = await launchChromium();
  // The demo's negotiated text has one version only: an edit of one provision and a revision
  // give its diff page something to show (words deleted and inserted).
  const staff = await new Client(server.url).login();
  const id = (await jsonOf(staff.fetch('/api/v1/texts'), 200)).items[0].id;
  const text = await jsonOf(staff.fetch(`/api/v1/texts/${id}`), 200);
  const provision = text.provisions.find((p) => p.kind !== 'section' && p.texts?.en && p.brackets.length === 0);
  assert.ok(provision, 'a provision with English text and no bracket');
  await jsonOf(staff.fetch(`/api/v1/provisions/${provision.id}`, { method: 'PATCH',
    headers: { 'content-type': 'application/json' }, body: JSON.stringify({ version: text.version,
      text: { en: `${provision.texts.en} as amended in the room, including the long word internationalisation`,
        zh: `${provision.texts.zh ?? ''}经会议修正`, ar: `${provision.texts.ar ?? ''} بصيغته المعدلة في القاعة` } }) }), 200);
  const rev = await jsonOf(staff.json(`/api/v1/texts/${id}/revisions`, {}), 201);
  diffPath = `/texts/${id}/diff?from=${text.version}&to=${rev.version}`;
  // A consultation open now and a meeting, both in a time zone with a long name, so that the
  // dates that name their zone are measured too (a name longer than a phone's line breaks after
  // its slashes).
  const zone = 'America/Argentina/ComodRivadavia';
  const consultation = await jsonOf(staff.json('/api/v1/consultations', { key: 'long-zone', body: 'cwg-internet',
    title: { en: 'A consultation in a long time zone', zh: '长时区的磋商', ar: 'مشاورة في منطقة زمنية طويلة الاسم' },
    questions: ['Your views?'], opens_at: isoFromNow(-60), deadline: isoFromNow(30 * 86400), timezone: zone }), 201);
  const meeting = await jsonOf(staff.json('/api/v1/meetings', { body: 'cwg-internet', kind: 'working_group', number: 97,
    title: { en: 'A meeting in a long time zone' }, starts_on: dateFromNow(20).iso, starts_at: '10:00', timezone: zone,
    mode: 'physical' }), 201);
  longZonePaths = [`/consultations/${consultation.key ?? 'long-zone'}`, `/meetings/${meeting.id}`, `/meetings/${meeting.id}/agenda`];
});
after(async () => { await browser?.close(); await server?.stop(); });

// How far each page reached from `start` scrolls sideways.
const crawl = (page, lang, start) => crawlSite(page, server.url, lang, start, async (path) => ({
  path,
  overflow: await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
}));

async function signIn(page, lang) {
  await page.goto(`${server.url}/${lang}/login`);
  await page.locator('input[type=email]').fill(ADMIN.email);
  await page.locator('input[type=password]').fill(ADMIN.password);
  await Promise.all([page.waitForNavigation(), page.locator('main button[type=submit]').click()]);
}

// The page `path` at 360 px, then the answer to its first form posting to an action matching
// `action`, sent with `fields` and without the browser's own checks: how far it scrolls sideways.
async function throughForm(page, path, action, fields = {}) {
  await page.goto(server.url + path);
  await Promise.all([page.waitForNavigation(), page.evaluate(([source, fields]) => {
    const form = [...document.querySelectorAll('main form[method=post]')]
      .find((f) => new RegExp(source).test(f.getAttribute('action')));
    if (!form) throw new Error(`no form posting to ${source}`);
    for (const [k, v] of Object.entries(fields)) {
      const input = form.querySelector(`[name="${k}"]`);
      if (!input) throw new Error(`no field ${k} in ${form.getAttribute('action')}`);
      input.value = v;
    }
    form.noValidate = true;
    HTMLFormElement.prototype.submit.call(form);
  }, [action.source, fields])]);
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

describe('a 360 px phone', { timeout: 600000 }, () => {
  for (const [lang, role] of [['en', 'public'], ['zh', 'public'], ['ar', 'public'], ['en', 'staff'], ['ar', 'staff']]) {
    test(`${lang}, ${role}: the menu folds, and no page scrolls sideways`, async () => {
      const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: lang });
      const page = await context.newPage();
      try {
        if (role === 'staff') await signIn(page, lang);
        await page.goto(`${server.url}/${lang}/`);
        // Folded: the button says it is closed and the navigation is not shown; one press opens it.
        const toggle = page.locator('header.site .menu-toggle');
        assert.equal(await toggle.isVisible(), true, 'the menu button is shown');
        assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
        const nav = page.locator('header.site nav').first();
        assert.equal(await nav.isVisible(), false, 'the navigation is folded');
        const headerHeight = await page.locator('header.site').evaluate((h) => h.getBoundingClientRect().height);
        assert.ok(headerHeight < 90, `the folded header is ${headerHeight}px high`);
        await page.screenshot({ path: join(SHOTS, `narrow-${lang}-${role}-home.png`) });
        await axe(page, `${lang} ${role}: folded menu`);
        await toggle.click();
        assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
        assert.equal(await nav.isVisible(), true, 'the navigation opens');
        await page.screenshot({ path: join(SHOTS, `narrow-${lang}-${role}-menu.png`) });
        await axe(page, `${lang} ${role}: open menu`);

        // The pages in the long time zone first: the crawl visits one page of each shape.
        const start = [...longZonePaths.map((p) => `/${lang}${p}`), ...(role === 'staff' ? [`/${lang}/admin`, `/${lang}/`] : [`/${lang}/`])];
        if (role === 'staff') {
          // Negotiated texts are restricted to Member States: the secretariat reaches them.
          const texts = await (await page.request.get(`${server.url}/api/v1/texts`)).json();
          assert.ok(texts.items.length >= 1, 'the demo has a negotiated text');
          for (const view of ['', '/status', '/compilation', '/clean', '/screen']) start.push(`/${lang}/texts/${texts.items[0].id}${view}`);
        }
        const pages = await crawl(page, lang, start);
        assert.ok(pages.length >= (role === 'staff' ? 25 : 15), `only ${pages.length} pages reached: ${pages.map((p) => p.path).join(' ')}`);
        const wide = pages.filter((p) => p.overflow > 0);
        for (const p of wide) {
          await page.goto(server.url + p.path);
          await page.screenshot({ path: join(SHOTS, `narrow-${lang}-${role}${routeShape(p.path).replace(/\W+/g, '-')}.png`), fullPage: true });
        }
        assert.deepEqual(wide.map((p) => `${p.path}: ${p.overflow}px too wide`), [], `${pages.length} pages checked`);
        console.log(`${lang} ${role}: ${pages.length} pages at 360 px, none wider than the screen: ${pages.map((p) => p.path).join(" ")}`);
      } finally {
        await context.close();
      }
    });
  }

  for (const lang of ['en', 'zh', 'ar']) {
    test(`${lang}: the pages reached through a form do not scroll sideways`, async () => {
      const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: lang });
      const page = await context.newPage();
      try {
        await signIn(page, lang);
        const texts = await (await page.request.get(`${server.url}/api/v1/texts`)).json();
        const shown = [];
        const measure = async (name, overflow) => {
          await page.screenshot({ path: join(SHOTS, `narrow-${lang}-form-${name}.png`), fullPage: true });
          shown.push([name, overflow]);
          // No link leads here, so neither crawl's axe-core saw these pages: checked here.
          if (lang !== 'zh') await axe(page, `${lang} 360 px ${name}`);
        };
        await measure('close-confirmation', await throughForm(page, `/${lang}/admin/consultations/ai-public-policy`, /\/close$/));
        assert.match(await page.locator('h1').innerText(), /\S/, 'a confirmation page');
        await measure('erase-confirmation', await throughForm(page, `/${lang}/admin/consultations/ai-public-policy`, /\/erase$/));
        await measure('paragraph-delete-confirmation', await throughForm(page, `/${lang}/meetings/6/agenda`, /^\/[a-z]+\/interventions\/\d+\/delete$/));
        await measure('provision-delete-confirmation', await throughForm(page, `/${lang}/texts/${texts.items[0].id}`, /^\/[a-z]+\/provisions\/\d+\/delete$/));
        await measure('refused-meeting', await throughForm(page, `/${lang}/admin`, /\/admin\/meetings$/,
          { kind: 'plenary', session: '', title_en: 'A plenary without its session' }));
        assert.ok(await page.locator('#error-summary').count(), 'the refused form shows its errors');
        await measure('refused-response', await throughForm(page, `/${lang}/consultations/ai-public-policy`, /\/responses$/));
        assert.ok(await page.locator('#error-summary').count(), 'the refused response shows its errors');
        // The negotiated text's diff between its two versions (made in before()).
        await page.goto(`${server.url}/${lang}${diffPath}`);
        assert.ok(await page.locator('main ins').count(), 'the diff shows the words inserted');
        await measure('text-diff', await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth));
        // Pages reached from a mail's link, and the 404 page.
        for (const [name, path] of [['not-found', `/${lang}/no-such-page`],
          ['verify-link', `/${lang}/verify?token=not-a-token`], ['confirm-link', `/${lang}/confirm?token=not-a-token`],
          ['reset-link', `/${lang}/password/reset?token=not-a-token`]]) {
          const res = await page.goto(server.url + path);
          assert.match(res.headers()['content-type'] ?? '', /^text\/html/, `${path} is a page`);
          await measure(name, await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth));
        }
        assert.equal(shown.length, 11);
        assert.deepEqual(shown.filter(([, o]) => o > 0).map(([n, o]) => `${n}: ${o}px too wide`), []);
      } finally {
        await context.close();
      }
    });
  }
});
