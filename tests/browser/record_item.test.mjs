// The secretariat records an agenda item in the browser, in English, Chinese and Arabic: on the
// agenda page of a new plenary meeting it adds an item, two speakers to its list, a paragraph of
// the record, a decision and an action, each through the page's own form (JavaScript on), and
// the API reads back what was typed, in the language it was typed in. axe-core checks the page
// with every form open (English, Arabic); nothing scrolls sideways at 360 px; screenshots go to
// test-results/record-item-*.png.
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

// The forms' titles as each catalogue writes them (web/messages/*.json), and what the
// secretariat types, by hand.
const L = {
  en: { addItem: 'Add an agenda item', paragraph: 'Add a paragraph to the record', decision: 'Record a decision',
    action: 'Record an action', addSpeaker: 'Add to the list', save: 'Save',
    title: 'Draft budget for 2028-2029', summary: 'The Councillor of Ghana supported the draft budget.',
    wording: 'The Council approved the draft budget.', owner: 'Secretariat', text: 'Publish the approved budget.' },
  zh: { addItem: '添加议项', paragraph: '在记录中添加一段', decision: '记录决定', action: '记录行动',
    addSpeaker: '加入名单', save: '保存',
    title: '2028-2029年预算草案', summary: '加纳理事支持预算草案。', wording: '理事会批准了预算草案。',
    owner: '秘书处', text: '公布批准的预算。' },
  ar: { addItem: 'إضافة بند إلى جدول الأعمال', paragraph: 'إضافة فقرة إلى المحضر', decision: 'تسجيل قرار',
    action: 'تسجيل إجراء', addSpeaker: 'إضافة إلى القائمة', save: 'حفظ',
    title: 'مشروع الميزانية للفترة 2029-2028', summary: 'أيد عضو المجلس من غانا مشروع الميزانية.',
    wording: 'وافق المجلس على مشروع الميزانية.', owner: 'الأمانة', text: 'نشر الميزانية المعتمدة.' },
};

async function signedIn() {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  context.setDefaultTimeout(15000);
  const page = await context.newPage();
  await signInPage(page, server.url);
  return { context, page };
}

// Submits a form and waits for the page it leads to (bounded by the context's timeout).
async function submit(page, form) {
  await Promise.all([page.waitForNavigation(), form.locator('button[type=submit]').first().click()]);
}

for (const [lang, session] of [['en', 'C41'], ['zh', 'C42'], ['ar', 'C43']]) {
  test(`${lang}: an agenda item with two speakers, a paragraph, a decision and an action`, async () => {
    const meeting = await jsonOf(staff.json('/api/v1/meetings', { body: 'council', kind: 'plenary', session,
      number: 1, starts_on: dateFromNow(-1).iso, timezone: 'Europe/Zurich', mode: 'physical',
      title: { en: `First plenary meeting of ${session}` } }), 201);
    const { context, page } = await signedIn();
    try {
      const agendaUrl = `${server.url}/${lang}/meetings/${meeting.id}/agenda`;
      await page.goto(agendaUrl);
      if (lang === 'ar') await assertRtlLayout(page, 'the Arabic agenda page');

      // The item.
      await page.locator('details.staff-form > summary', { hasText: L[lang].addItem }).click();
      const itemForm = page.locator(`form[action="/${lang}/meetings/${meeting.id}/agenda"]`);
      await itemForm.locator('input[name=number]').fill('1');
      await itemForm.locator('input[name=title]').fill(L[lang].title);
      await itemForm.locator('input[name=documents]').fill('C22/51');
      await itemForm.locator('select[name=text_lang]').selectOption(lang);
      await submit(page, itemForm);
      const section = page.locator('section#item-1');
      assert.equal(await section.locator('h2').innerText(), `1${L[lang].title}`);
      const item = (await jsonOf(staff.fetch(`/api/v1/meetings/${meeting.id}/agenda?lang=${lang}`))).items[0];
      assert.equal(item.titles[lang], L[lang].title);

      // Two speakers, in the order they were added.
      for (const [name, state] of [['Councillor of Ghana', 'GH'], ['Councillor of Chile', 'CL']]) {
        const f = section.locator('form.speaker-add[action$="/speakers"]');
        assert.equal(await f.locator('button[type=submit]').innerText(), L[lang].addSpeaker);
        await f.locator('input[name=name]').fill(name);
        await f.locator('select[name=capacity]').selectOption('councillor');
        await f.locator('input[name=member_state]').fill(state);
        await submit(page, f);
      }
      // A paragraph of the record, a decision and an action, each from its own folded form.
      const open = async (title, action) => {
        await section.locator('details.staff-form > summary', { hasText: title }).click();
        return section.locator(`form[action$="/agenda-items/${item.id}/${action}"]`);
      };
      let f = await open(L[lang].paragraph, 'interventions');
      await f.locator('select[name=capacity]').selectOption('councillor');
      await f.locator('input[name=member_state]').fill('GH');
      await f.locator('textarea[name=summary]').fill(L[lang].summary);
      await f.locator('select[name=text_lang]').selectOption(lang);
      await submit(page, f);
      f = await open(L[lang].decision, 'decisions');
      await f.locator('select[name=kind]').selectOption('approved');
      await f.locator('textarea[name=wording]').fill(L[lang].wording);
      await f.locator('select[name=text_lang]').selectOption(lang);
      await submit(page, f);
      f = await open(L[lang].action, 'actions');
      await f.locator('input[name=number]').fill('1.1');
      await f.locator('select[name=kind]').selectOption('other');
      await f.locator('input[name=owner]').fill(L[lang].owner);
      await f.locator('textarea[name=text]').fill(L[lang].text);
      await f.locator('select[name=text_lang]').selectOption(lang);
      await submit(page, f);
      assert.match(page.url(), new RegExp(`/${lang}/meetings/${meeting.id}/agenda`));

      // What the API reads back.
      const got = await jsonOf(staff.fetch(`/api/v1/agenda-items/${item.id}?lang=${lang}`));
      assert.deepEqual(got.speakers.map((s) => [s.name, s.member_state, s.status]),
        [['Councillor of Ghana', 'GH', 'waiting'], ['Councillor of Chile', 'CL', 'waiting']]);
      assert.equal(got.interventions.length, 1);
      assert.equal(got.interventions[0].summaries[lang], L[lang].summary);
      assert.equal(got.decisions.length, 1);
      assert.equal(got.decisions[0].kind, 'approved');
      assert.equal(got.decisions[0].wording[lang], L[lang].wording);
      assert.equal(got.actions.length, 1);
      assert.equal(got.actions[0].number, '1.1');
      // The page shows them to the reader.
      const shown = await section.innerText();
      for (const s of [L[lang].summary, L[lang].wording, L[lang].text, 'Councillor of Chile'])
        assert.ok(shown.includes(s), `${lang}: the item shows "${s}"`);

      for (const s of await section.locator('details.staff-form > summary').all()) await s.click();
      await page.screenshot({ path: join(SHOTS, `record-item-${lang}.png`), fullPage: true });
      if (lang !== 'zh') await axe(page, `${lang} agenda page with the item recorded and its forms open`);

      // The same page on a 360 px phone (the same session: sign-in is rate-limited per account)
      // does not scroll sideways.
      await page.setViewportSize({ width: 360, height: 740 });
      await page.goto(agendaUrl);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      await page.screenshot({ path: join(SHOTS, `record-item-${lang}-360.png`), fullPage: true });
      assert.equal(overflow, 0, `${lang}: the agenda page is ${overflow}px wider than the phone`);
    } finally {
      await context.close();
    }
  });
}
