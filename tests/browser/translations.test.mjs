// Each language's state in the browser, in English, Chinese and Arabic: the consultation's edit
// form shows a state per language (missing, draft, final) with a box that marks a text a draft;
// ticking it and saving makes the text a draft, which the "translations needed" page then lists
// as a draft (not as missing) with a link back to the form; an agenda item's six-language form,
// reached from that page, does the same for its title. The Arabic summary record marks the
// English paragraphs of an item once. axe-core checks the pages in English and Arabic (a serious or
// critical violation fails); screenshots go to test-results/translations-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startServer, Client, jsonOf, isoFromNow } from '../lib/server.mjs';
import { launchChromium, assertRtlLayout, axe, signedInPage } from '../lib/browser.mjs';

const SHOTS = resolve(import.meta.dirname, '../../test-results');
let server, browser, staff, council;

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer();
  staff = await new Client(server.url).login();
  browser = await launchChromium();
  const { items } = await jsonOf(staff.fetch('/api/v1/meetings'));
  council = items.find((m) => m.kind === 'plenary' && m.session === 'C22' && m.number === 8);
  assert.ok(council);
});
after(async () => { await browser?.close(); await server?.stop(); });

// One sign-in for the whole file, its cookies reused.
const signedIn = () => signedInPage(browser, server.url);
const shot = (page, name) => page.screenshot({ path: join(SHOTS, `translations-${name}.png`), fullPage: true });

// The catalogues' words (web/messages/*.json), typed here by hand.
const DRAFT = { en: '(draft)', zh: '（草稿）', ar: '(مسودة)' };
const MISSING = { en: '(missing)', zh: '（缺失）', ar: '(غير موجود)' };
const TITLE_DRAFT = { en: 'Title (draft)', zh: '标题（草稿）', ar: /\(مسودة\)/ };

for (const lang of ['en', 'zh', 'ar']) {
  test(`${lang}: a draft marked in the form shows as a draft on the translations page`, async () => {
    const c = await jsonOf(staff.json('/api/v1/consultations', { key: `states-browser-${lang}`, body: 'cwg-internet',
      title: { en: `States in the browser ${lang}` }, questions: [{ en: 'First?' }], opens_at: isoFromNow(86400),
      deadline: isoFromNow(10 * 86400), timezone: 'Europe/Zurich' }), 201);
    const { context, page } = await signedIn();
    try {
      await page.goto(`${server.url}/${lang}/admin/consultations/${c.id}/edit`);
      assert.equal(await page.locator('#e-title-fr-state').innerText(), MISSING[lang]);
      await page.locator('#e-title-fr').fill('États dans le navigateur');
      await page.locator('#e-title-fr-draft').check();
      await page.locator('form[action$="/edit"] button[type=submit]').click();
      await page.waitForURL(/done=consultation_edited/);
      const saved = await jsonOf(staff.fetch(`/api/v1/consultations/${c.id}`));
      assert.equal(saved.states.title.fr, 'draft');
      assert.equal(saved.states.title.en, 'final');

      await page.goto(`${server.url}/${lang}/admin/consultations/${c.id}/edit`);
      assert.equal(await page.locator('#e-title-fr-state').innerText(), DRAFT[lang]);
      assert.equal(await page.locator('#e-title-fr-draft').isChecked(), true);
      if (lang === 'ar') await assertRtlLayout(page, 'ar edit with states');
      if (lang !== 'zh') await axe(page, `${lang} edit with states`);
      await shot(page, `form-${lang}`);

      await page.goto(`${server.url}/${lang}/admin/translations`);
      const row = page.locator('h3', { has: page.locator(`a[href="/${lang}/admin/consultations/${c.id}/edit"]`) });
      assert.equal(await row.count(), 1, 'the consultation is listed, linking to its form');
      const list = row.locator('xpath=following-sibling::ul[1]');
      const text = await list.innerText();
      assert.match(text, typeof TITLE_DRAFT[lang] === 'string' ? new RegExp(TITLE_DRAFT[lang].replace(/[()]/g, '\\$&')) : TITLE_DRAFT[lang]);
      if (lang === 'ar') await assertRtlLayout(page, 'ar translations');
      if (lang !== 'zh') await axe(page, `${lang} translations`);
      await shot(page, `page-${lang}`);
      await page.locator(`a[href="/${lang}/admin/consultations/${c.id}/edit"]`).click();
      await page.waitForURL(new RegExp(`/admin/consultations/${c.id}/edit$`));
    } finally { await context.close(); }
  });
}

// An agenda item's states as the API returns them (a PATCH of no state changes nothing).
const statesOf = async (id) => (await jsonOf(staff.fetch(`/api/v1/agenda-items/${id}`, { method: 'PATCH',
  headers: { 'content-type': 'application/json' }, body: '{"states": {}}' }))).states;

// The six-language form of a record's texts (site/text_edit.h), reached from the translations
// page: an agenda item's title marked a draft in French, then final.
for (const [k, lang] of ['en', 'zh', 'ar'].entries()) {
  test(`${lang}: an agenda item's six-language form sets each language's state`, async () => {
    const agenda = await jsonOf(staff.fetch(`/api/v1/meetings/${council.id}/agenda`));
    const item = agenda.items[k];
    const form = `/${lang}/admin/translations/agenda_item/${item.id}`;
    // A title in English only, so that the item is listed as lacking languages.
    await jsonOf(staff.fetch(`/api/v1/agenda-items/${item.id}`, { method: 'PATCH',
      headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: { en: `Item ${item.number}` } }) }));
    const { context, page } = await signedIn();
    try {
      await page.goto(`${server.url}/${lang}/admin/translations`);
      await page.locator(`a[href="${form}"]`).click();
      await page.waitForURL(new RegExp(`${form}$`));
      for (const l of ['ar', 'zh', 'en', 'fr', 'ru', 'es'])
        assert.equal(await page.locator(`#t-title-${l}`).getAttribute('lang'), l);
      await page.locator('#t-title-fr').fill(`Point ${item.number} en français`);
      await page.locator('#t-title-fr-draft').check();
      await page.locator(`form[action="${form}"] button[type=submit]`).click();
      await page.waitForURL(/done=texts_saved/);
      assert.equal((await statesOf(item.id)).title.fr, 'draft');
      await page.goto(`${server.url}${form}`);
      assert.equal(await page.locator('#t-title-fr-state').innerText(), DRAFT[lang]);
      assert.equal(await page.locator('#t-title-fr-draft').isChecked(), true);
      if (lang === 'ar') await assertRtlLayout(page, 'ar six-language form');
      if (lang !== 'zh') await axe(page, `${lang} six-language form`);
      await shot(page, `texts-form-${lang}`);
      await page.locator('#t-title-fr-draft').uncheck();
      await page.locator(`form[action="${form}"] button[type=submit]`).click();
      await page.waitForURL(/done=texts_saved/);
      assert.equal((await statesOf(item.id)).title.fr, 'final');
    } finally { await context.close(); }
  });
}

test('the Arabic and Chinese summary records mark untranslated paragraphs once per item', async () => {
  // The demo's record is in the six languages: the paragraphs of its first two items are given
  // their English and Chinese texts only, as before their translation.
  const agenda = await jsonOf(staff.fetch(`/api/v1/meetings/${council.id}/agenda`));
  for (const p of agenda.items.slice(0, 2).flatMap((i) => i.interventions))
    await jsonOf(staff.fetch(`/api/v1/interventions/${p.id}`, { method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ summary: { en: p.summaries.en, zh: p.summaries.zh } }) }));
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  try {
    const page = await context.newPage();
    for (const lang of ['ar', 'zh', 'en']) {
      await page.goto(`${server.url}/${lang}/meetings/${council.id}/record`);
      const notes = await page.locator('.untranslated-note').count();
      if (lang === 'ar') {
        assert.equal(notes, 2, 'one note for each of the two items in English');
        assert.equal(await page.locator('.para.untranslated p[lang="en"][dir="ltr"]').count() > 0, true);
        // (The record's title is centred as in the printed document: no check of its edge.)
        assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
        await axe(page, 'ar record');
      } else {
        assert.equal(notes, 0, `${lang}: the record is in ${lang}`);
        if (lang === 'en') await axe(page, 'en record');
      }
      await shot(page, `record-${lang}`);
    }
  } finally { await context.close(); }
});
