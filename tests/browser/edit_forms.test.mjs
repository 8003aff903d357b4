// The secretariat's new editing forms in the browser, in English, Chinese and Arabic: editing a
// consultation (refused, then saved) and a negotiated text's forms (a refused bracket, then a
// provision added, an adoption refused because the text changed after the page was shown) and
// a new text refused for an access looser than its document's. axe-core checks each page, in its
// error state too (a serious or critical violation fails); nothing scrolls sideways at 360 px;
// screenshots go to test-results/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startServer, Client, jsonOf, isoFromNow } from '../lib/server.mjs';
import { launchChromium, assertRtlLayout, axe, signedInPage } from '../lib/browser.mjs';

const SHOTS = resolve(import.meta.dirname, '../../test-results');
let server, browser, staff, item5, council;

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer();
  staff = await new Client(server.url).login();
  browser = await launchChromium();
  const { items } = await jsonOf(staff.fetch('/api/v1/meetings'));
  council = items.find((m) => m.kind === 'plenary' && m.session === 'C22' && m.number === 8);
  // A document for the secretariat only: a text drafting it may not be looser.
  await jsonOf(staff.json('/api/v1/documents', { symbol: 'C22/INF/99', body: 'council', title: { en: 'Restricted note' },
    date: '2022-03-01', source_kind: 'secretariat', access: 'secretariat', status: 'issued' }), 201);
  const agenda = await jsonOf(staff.fetch(`/api/v1/meetings/${council.id}/agenda`));
  item5 = agenda.items.find((i) => i.number === '5');
});
after(async () => { await browser?.close(); await server?.stop(); });

// One sign-in for the whole file, its cookies reused.
const signedIn = () => signedInPage(browser, server.url);
const shot = (page, name) => page.screenshot({ path: join(SHOTS, `edit-forms-${name}.png`), fullPage: true });
const noSideways = async (page, what) => {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `${what}: ${overflow}px wider than the window`);
};

// The refusal as each catalogue says it (web/messages/*.json), typed here by hand.
const AFTER = { en: /“Deadline” must be later than “Opens”/, zh: /须晚于/, ar: /يجب أن يكون الحقل/ };
const STALE = { en: /Someone changed this text after this page was shown/, zh: /在向您显示本页之后/, ar: /عدّل شخص ما هذا النص/ };
const LOOSER = { en: /looser than the document’s own access/, zh: /更宽松/, ar: /أقل تقييدًا/ };
const NOT_FOUND = { en: /Words to place in square brackets/, zh: /要加方括号的文字/, ar: /الكلمات المراد وضعها بين معقوفتين/ };

for (const lang of ['en', 'zh', 'ar']) {
  test(`${lang}: editing a consultation, refused then saved`, async () => {
    const c = await jsonOf(staff.json('/api/v1/consultations', { key: `edit-browser-${lang}`, body: 'cwg-internet',
      title: { en: 'Topic to edit' }, questions: [{ en: 'First?' }], opens_at: isoFromNow(86400),
      deadline: isoFromNow(10 * 86400), timezone: 'Europe/Zurich' }), 201);
    const { context, page } = await signedIn();
    try {
      await page.goto(`${server.url}/${lang}/admin/consultations/${c.id}/edit`);
      if (lang === 'ar') await assertRtlLayout(page, 'ar edit');
      await axe(page, `${lang} edit`);
      await shot(page, `consultation-${lang}`);
      await page.locator('#e-title-fr').fill('Sujet à modifier');
      await page.locator('#e-deadline').fill(isoFromNow(3600).slice(0, 10) + 'T00:00');
      await page.locator('form[action$="/edit"] button[type=submit]').click();
      await page.waitForLoadState();
      const summary = page.locator('#error-summary');
      assert.match(await summary.innerText(), AFTER[lang]);
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'error-summary', 'the summary takes the focus');
      assert.equal(await page.locator('#e-deadline').getAttribute('aria-invalid'), 'true');
      assert.equal(await page.locator('#e-title-fr').inputValue(), 'Sujet à modifier', 'what was typed is kept');
      await axe(page, `${lang} edit, refused`);
      await shot(page, `consultation-${lang}-error`);
      await page.locator('#e-deadline').fill(isoFromNow(20 * 86400).slice(0, 16));
      await page.locator('form[action$="/edit"] button[type=submit]').click();
      await page.waitForURL(/done=consultation_edited/);
      const saved = await jsonOf(staff.fetch(`/api/v1/consultations/${c.id}?lang=fr`));
      assert.equal(saved.title, 'Sujet à modifier');
    } finally { await context.close(); }
  });

  test(`${lang}: a negotiated text's forms, a refused bracket then a new provision`, async () => {
    const t = await jsonOf(staff.json('/api/v1/texts', { document: 'C22/32(Rev.1)', agenda_item: item5.id,
      title: { en: 'Guidelines', zh: '导则', ar: 'المبادئ التوجيهية' }, languages: ['en', 'ar'] }), 201);
    const p = await jsonOf(staff.json(`/api/v1/texts/${t.id}/provisions`, { kind: 'paragraph',
      text: { en: 'Member States shall report every year.', ar: 'تقدم الدول الأعضاء تقريرًا كل سنة.' } }), 201);
    const { context, page } = await signedIn();
    try {
      await page.goto(`${server.url}/${lang}/texts/${t.id}`);
      await axe(page, `${lang} text with forms`);
      await page.locator(`details:has(form[action$="/provisions/${p.id}/brackets"]) > summary`).click();
      await page.locator(`#pb-${p.id}-words`).fill('every month');
      await page.locator(`#pb-${p.id}-note`).fill('Typed note');
      await page.locator(`form[action$="/provisions/${p.id}/brackets"] button[type=submit]`).click();
      await page.waitForLoadState();
      assert.match(await page.locator('#error-summary').innerText(), NOT_FOUND[lang]);
      assert.equal(await page.locator(`#pb-${p.id}-note`).inputValue(), 'Typed note');
      assert.equal(await page.locator(`#pb-${p.id}-words`).getAttribute('aria-invalid'), 'true');
      if (lang === 'ar') await assertRtlLayout(page, 'ar text, refused');
      await axe(page, `${lang} text, refused bracket`);
      await shot(page, `text-${lang}-error`);

      // The adoption form, posted after someone else changed the text: refused, the text as it stands.
      await page.goto(`${server.url}/${lang}/texts/${t.id}`);
      const d = await jsonOf(staff.json(`/api/v1/agenda-items/${item5.id}/decisions`, { kind: 'took_note' }), 201);
      const now = await jsonOf(staff.fetch(`/api/v1/texts/${t.id}`));
      await jsonOf(staff.fetch(`/api/v1/provisions/${p.id}`, { method: 'PATCH', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ version: now.version, text: { en: 'Member States shall report each year.' } }) }));
      await page.locator('#ad-meeting').fill(String(council.id));
      await page.locator('#ad-decision').fill(String(d.id));
      await page.locator('#ad-confirm').check();
      await page.locator(`form[action$="/texts/${t.id}/adopt"] button[type=submit]`).click();
      await page.waitForLoadState();
      assert.match(await page.locator('#error-summary').innerText(), STALE[lang]);
      assert.equal(await page.locator('#ad-decision').inputValue(), String(d.id), 'what was typed is kept');
      assert.equal((await jsonOf(staff.fetch(`/api/v1/texts/${t.id}`))).status, 'draft', 'nothing adopted');
      if (lang === 'ar') await assertRtlLayout(page, 'ar text, stale adoption');
      await axe(page, `${lang} text, stale adoption`);
      await shot(page, `text-${lang}-stale`);

      await page.goto(`${server.url}/${lang}/agenda-items/${item5.id}/new-text`);
      await axe(page, `${lang} new text`);
      await shot(page, `new-text-${lang}`);
      await page.locator('#nt-document').fill('C22/INF/99');
      await page.locator('#nt-access').selectOption('public');
      await page.locator('#nt-title-en').fill('Restricted guidelines');
      await page.locator('form[action$="/texts"] button[type=submit]').click();
      await page.waitForLoadState();
      assert.match(await page.locator('#nt-access-error').innerText(), LOOSER[lang]);
      assert.equal(await page.locator('#nt-access').inputValue(), 'public', 'the level chosen is kept');
      assert.equal(await page.locator('#nt-title-en').inputValue(), 'Restricted guidelines');
      if (lang === 'ar') await assertRtlLayout(page, 'ar new text, refused');
      await axe(page, `${lang} new text, refused access`);
      await shot(page, `new-text-${lang}-error`);

      // At 360 px nothing scrolls sideways.
      const narrow = await context.newPage();
      await narrow.setViewportSize({ width: 360, height: 800 });
      for (const [path, name] of [[`/${lang}/agenda-items/${item5.id}/new-text`, 'new-text'], [`/${lang}/texts/${t.id}`, 'text']]) {
        await narrow.goto(server.url + path);
        await noSideways(narrow, `${lang} ${path} at 360 px`);
        await shot(narrow, `${name}-${lang}-360`);
      }
    } finally { await context.close(); }
  });
}
