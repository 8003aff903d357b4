// The six-language forms of a negotiated text's provisions and of a record's paragraphs in the
// browser, in English, Chinese and Arabic: reached from the translations page, every language's
// text with its state; a new language marked a draft and saved (a provision's through drafting,
// a new version of the text), shown again as a draft; an emptied language refused next to its
// input. axe-core checks each form, also in its error state, in English and Arabic (a serious or
// critical violation fails), the Arabic pages lay out right to left; screenshots go to
// test-results/six-forms-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startServer, Client, jsonOf } from '../lib/server.mjs';
import { launchChromium, assertRtlLayout, axe, signedInPage } from '../lib/browser.mjs';

const SHOTS = resolve(import.meta.dirname, '../../test-results');
let server, browser, staff, council, textId;

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer();
  staff = await new Client(server.url).login();
  browser = await launchChromium();
  const { items } = await jsonOf(staff.fetch('/api/v1/meetings'));
  council = items.find((m) => m.kind === 'plenary' && m.session === 'C22' && m.number === 8);
  assert.ok(council);
  // The demo's negotiated text is in the six languages: a new one, drafted in English, Chinese
  // and Arabic, has three provisions lacking French, Russian and Spanish.
  const { items: texts } = await jsonOf(staff.fetch('/api/v1/texts'));
  const demo = await jsonOf(staff.fetch(`/api/v1/texts/${texts[0].id}`));
  textId = (await jsonOf(staff.json('/api/v1/texts', { document: demo.document, agenda_item: demo.agenda_item,
    title: { en: 'Draft for translation', zh: '待译草案', ar: 'مشروع للترجمة' }, languages: ['en', 'zh', 'ar'] }), 201)).id;
  for (const n of [1, 2, 3])
    await jsonOf(staff.json(`/api/v1/texts/${textId}/provisions`, { text: { en: `Provision ${n} in English.`,
      zh: `第${n}条中文案文。`, ar: `الحكم ${n} باللغة العربية.` } }), 201);
  // The demo's record is in the six languages: its first paragraphs are given two, as the
  // secretariat would find them before translation.
  const agenda = await jsonOf(staff.fetch(`/api/v1/meetings/${council.id}/agenda`));
  for (const iv of agenda.items[0].interventions.slice(0, 3))
    await jsonOf(staff.fetch(`/api/v1/interventions/${iv.id}`, { method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ summary: { en: iv.summaries.en, zh: iv.summaries.zh } }) }));
});
after(async () => { await browser?.close(); await server?.stop(); });

// One sign-in for the whole file, its cookies reused.
const signedIn = () => signedInPage(browser, server.url);
const shot = (page, name) => page.screenshot({ path: join(SHOTS, `six-forms-${name}.png`), fullPage: true });
const text = async () => jsonOf(staff.fetch(`/api/v1/texts/${textId}`));

// The catalogues' words (web/messages/*.json), typed here by hand.
const DRAFT = { en: '(draft)', zh: '（草稿）', ar: '(مسودة)' };
const MISSING = { en: '(missing)', zh: '（缺失）', ar: '(غير موجود)' };
// A new language per run, so that each starts missing.
const NEW_LANG = { en: 'es', zh: 'ru', ar: 'fr' };
const WORDS = { es: 'Texto en español.', ru: 'Текст на русском.', fr: 'Texte en français.' };

for (const [k, lang] of ['en', 'zh', 'ar'].entries()) {
  test(`${lang}: a provision's six-language form, from the translations page`, async () => {
    const before = await text();
    const p = before.provisions[k];
    const nl = NEW_LANG[lang];
    assert.ok(!p.texts[nl], `provision ${p.label} lacks ${nl}`);
    const form = `/${lang}/admin/translations/provision/${p.id}`;
    const { context, page } = await signedIn();
    try {
      await page.goto(`${server.url}/${lang}/admin/translations`);
      await page.locator(`a[href="${form}"]`).click();
      await page.waitForURL(new RegExp(`${form}$`));
      for (const l of ['ar', 'zh', 'en', 'fr', 'ru', 'es'])
        assert.equal(await page.locator(`#t-text-${l}`).getAttribute('lang'), l);
      assert.equal(await page.locator(`#t-text-${nl}-state`).innerText(), MISSING[lang]);
      await page.locator(`#t-text-${nl}`).fill(WORDS[nl]);
      await page.locator(`#t-text-${nl}-draft`).check();
      await page.locator(`form[action="${form}"] button[type=submit]`).click();
      await page.waitForURL(/done=texts_saved/);
      const after = await text();
      assert.equal(after.version, before.version + 1, 'a new version of the text');
      assert.equal(after.provisions[k].texts[nl], WORDS[nl]);
      await page.goto(`${server.url}${form}`);
      assert.equal(await page.locator(`#t-text-${nl}-state`).innerText(), DRAFT[lang]);
      assert.equal(await page.locator(`#t-text-${nl}-draft`).isChecked(), true);
      if (lang === 'ar') await assertRtlLayout(page, 'ar provision form');
      if (lang !== 'zh') await axe(page, `${lang} provision form`);
      await shot(page, `provision-${lang}`);
      // An emptied language is refused next to its input, with what was typed kept.
      await page.locator('#t-text-en').fill('');
      await page.locator(`form[action="${form}"] button[type=submit]`).click();
      await page.locator('#t-text-en-error').waitFor();
      assert.equal(await page.locator('#t-text-en').getAttribute('aria-invalid'), 'true');
      assert.equal(await page.locator(`#t-text-${nl}`).inputValue(), WORDS[nl]);
      if (lang === 'ar') await assertRtlLayout(page, 'ar provision form refused');
      if (lang !== 'zh') await axe(page, `${lang} provision form refused`);
      await shot(page, `provision-error-${lang}`);
      assert.equal((await text()).version, after.version, 'the refusal changed nothing');
    } finally { await context.close(); }
  });

  test(`${lang}: a record paragraph's six-language form, from the translations page`, async () => {
    const agenda = await jsonOf(staff.fetch(`/api/v1/meetings/${council.id}/agenda`));
    const iv = agenda.items[0].interventions[k];
    const nl = NEW_LANG[lang];
    assert.ok(!iv.summaries[nl], `the paragraph lacks ${nl}`);
    const form = `/${lang}/admin/translations/intervention/${iv.id}`;
    const { context, page } = await signedIn();
    try {
      await page.goto(`${server.url}/${lang}/admin/translations`);
      await page.locator(`a[href="${form}"]`).click();
      await page.waitForURL(new RegExp(`${form}$`));
      assert.equal(await page.locator(`#t-summary-${nl}-state`).innerText(), MISSING[lang]);
      await page.locator(`#t-summary-${nl}`).fill(WORDS[nl]);
      await page.locator(`#t-summary-${nl}-draft`).check();
      await page.locator(`form[action="${form}"] button[type=submit]`).click();
      await page.waitForURL(/done=texts_saved/);
      const read = await jsonOf(staff.fetch(`/api/v1/meetings/${council.id}/agenda`));
      assert.equal(read.items[0].interventions[k].summaries[nl], WORDS[nl]);
      await page.goto(`${server.url}${form}`);
      assert.equal(await page.locator(`#t-summary-${nl}-state`).innerText(), DRAFT[lang]);
      if (lang === 'ar') await assertRtlLayout(page, 'ar paragraph form');
      if (lang !== 'zh') await axe(page, `${lang} paragraph form`);
      await shot(page, `paragraph-${lang}`);
      // Every language emptied: the summary is required.
      for (const l of ['ar', 'zh', 'en', 'fr', 'ru', 'es']) await page.locator(`#t-summary-${l}`).fill('');
      await page.locator(`form[action="${form}"] button[type=submit]`).click();
      await page.locator('.field-error').first().waitFor();
      if (lang === 'ar') await assertRtlLayout(page, 'ar paragraph form refused');
      if (lang !== 'zh') await axe(page, `${lang} paragraph form refused`);
      await shot(page, `paragraph-error-${lang}`);
    } finally { await context.close(); }
  });
}
