// Moderation's bulk accept and bulk reject in the browser, in English, Chinese and Arabic: the
// secretariat filters the queue of the open demo consultation on its page (country, stakeholder
// type, language, status), goes to the list's second page, ticks three responses and accepts
// them after the confirmation page (nothing changed before it), comes back to the same filters
// and page with a notice saying what was done, publishes the accepted responses (again back at
// the same place) and finds them on the public page; then ticks the other two of that page and
// rejects them with a reason: the confirmation page repeats it, the API and the list filtered
// by "rejected" show it, and the list comes back to its last page that still has rows. axe-core
// on the filtered list, both confirmation pages and the list after each action (English,
// Arabic); the right-to-left layout (Arabic); screenshots test-results/moderation-bulk-*.png.
// The page size named in the address (`per_page`) is kept by the filters, the pager, the bulk
// form with its confirmation and the publication; after a bulk action or the publication the
// page comes back at its list, at the notice of what was done just above the list's heading
// (#list-notice), in view and focused (so that a screen reader says it).
// A single row's accept or reject keeps the list's place too (its filters, page and page size)
// and lands on the notice of what was done, at the top of that row (#row-notice), in view and
// focused, the row right under it; when the row has left the list (rejected under the filter
// "received"), the notice stands just above the list instead, and the page lands there.
// The sentences are the catalogues' (web/messages/*.json), typed here by hand.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startServer, Client, jsonOf } from '../lib/server.mjs';
import { launchChromium, signedInPage, assertRtlLayout, axe } from '../lib/browser.mjs';

const SHOTS = resolve(import.meta.dirname, '../../test-results');
const CONSULTATION = 'ai-public-policy';
const PER_PAGE = 50;  // the desk page's list (consultations/desk.cc)
const MANY = PER_PAGE + 5;
let server, browser, staff, anon, consultation;

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer({ args: ['--submissions-per-ip-per-minute', '0', '--submissions-per-consultation-per-minute', '0'] });
  staff = await new Client(server.url).login();
  anon = new Client(server.url);
  browser = await launchChromium();
  consultation = await jsonOf(staff.fetch(`/api/v1/consultations/${CONSULTATION}`));
});
after(async () => { await browser?.close(); await server?.stop(); });

const L = {
  en: { acceptHeading: 'Accept the selected responses?', acceptYes: 'Accept them', rejectHeading: 'Reject the selected responses?',
    rejectYes: 'Reject them', accepted: 'The selected responses were accepted.', rejected: 'The selected responses were rejected.',
    published: 'The accepted responses were published.', publish: 'Publish all accepted responses whose authors consented',
    selected: 'Responses selected: 3. Each change is recorded in the audit log.', next: 'Next',
    reason: 'Sent twice by the same organization.', rowAccepted: 'The response was accepted.',
    rowRejected: 'The response was rejected.', accept: 'Accept', reject: 'Reject' },
  zh: { acceptHeading: '接受所选回复？', acceptYes: '接受', rejectHeading: '拒绝所选回复？', rejectYes: '拒绝',
    accepted: '已接受所选回复。', rejected: '已拒绝所选回复。', published: '已公布已接受的回复。',
    publish: '公布作者同意公布的所有已接受回复', selected: '所选回复：3。每项更改均记入审计日志。', next: '下一页',
    reason: '同一组织重复提交。', rowAccepted: '已接受该回复。', rowRejected: '已拒绝该回复。', accept: '接受', reject: '拒绝' },
  ar: { acceptHeading: 'هل تريد قبول الردود المحددة؟', acceptYes: 'قبولها', rejectHeading: 'هل تريد رفض الردود المحددة؟',
    rejectYes: 'رفضها', accepted: 'قُبلت الردود المحددة.', rejected: 'رُفضت الردود المحددة.',
    published: 'نُشرت الردود المقبولة.', publish: 'نشر جميع الردود المقبولة التي وافق أصحابها على نشرها',
    selected: 'الردود المحددة: 3. ويُسجَّل كل تغيير في سجل المراجعة.', next: 'التالي',
    reason: 'أرسلته المنظمة نفسها مرتين.', rowAccepted: 'قُبل الرد.', rowRejected: 'رُفض الرد.', accept: 'قبول',
    reject: 'رفض' },
};
// Each language its own country, so that the three journeys do not see each other's responses.
const COUNTRY = { en: 'TV', zh: 'NR', ar: 'KI' };

// The references the list on the page shows, in order.
const shownOn = (page) => page.locator('article.response.moderation').evaluateAll((as) => as.map((a) => a.id.slice(2)));
// The list's filters, page and page size, as the address says them.
function placeOf(page) {
  const u = new URL(page.url());
  const keep = {};
  for (const k of ['country', 'stakeholder_type', 'language', 'status', 'page', 'per_page']) keep[k] = u.searchParams.get(k);
  return keep;
}
// Back at the list after an action: the address's fragment, the notice `text` just above the
// list's heading, in view and focused.
async function assertAtList(page, text) {
  assert.equal(new URL(page.url()).hash, '#list-notice', 'the page comes back at its list');
  const heading = await page.locator('#responses').evaluate((h) => h.getBoundingClientRect().top);
  assert.ok(heading >= -1 && heading < 400, `the list's heading in view at the top (${heading})`);
  const notice = page.locator('#list-notice');
  assert.equal(await notice.innerText(), text);
  assert.equal(await notice.getAttribute('role'), 'status');
  assert.ok(await notice.evaluate((n) => n === document.activeElement), 'the notice has the focus');
  const inView = await notice.evaluate((n) => { const r = n.getBoundingClientRect(); return r.top >= -1 && r.bottom <= innerHeight; });  // subpixel scrolling
  assert.ok(inView, `the notice is in view (${JSON.stringify(await notice.evaluate((n) => [n.getBoundingClientRect().top, n.getBoundingClientRect().bottom, innerHeight]))})`);
  const top = await page.evaluate(() => scrollY);
  assert.ok(top > 0, `the page is scrolled to the list, not at its top (${top})`);
  assert.equal(await page.locator('p.notice').count(), 1, 'said once');
}

for (const lang of ['en', 'zh', 'ar']) {
  test(`${lang}: filter the queue, accept three on its second page, publish, reject two with a reason`, async () => {
    const t = L[lang];
    const country = COUNTRY[lang];
    for (let i = 0; i < MANY; i++)
      await jsonOf(anon.json(`/api/v1/consultations/${CONSULTATION}/responses`, {
        name: `Bulk ${lang} ${i}`, email: `bulk.${lang}.${i}@example.org`, country, stakeholder_type: 'civil_society', language: lang,
        answers: { 1: `Response number ${i} from ${country}, written in its own words (${lang}).` }, consent_publish: true }), 201);
    const filter = `country=${country}&stakeholder_type=civil_society&language=${lang}&status=received`;
    const api = async (extra = '') => jsonOf(staff.fetch(`/api/v1/consultations/${CONSULTATION}/moderation?${filter}${extra}`));
    const { context, page } = await signedInPage(browser, server.url);
    try {
      // A page size in the address is what the list shows.
      await page.goto(`${server.url}/${lang}/admin/consultations/${consultation.id}?per_page=20`);
      assert.equal((await shownOn(page)).length, 20);
      // The filters, chosen on the page (the list's size named in the address, as a reader may).
      await page.goto(`${server.url}/${lang}/admin/consultations/${consultation.id}?per_page=${PER_PAGE}`);
      await page.locator('#f-country').selectOption(country);
      await page.locator('#f-type').selectOption('civil_society');
      await page.locator('#f-lang').selectOption(lang);
      await page.locator('#f-status').selectOption('received');
      await Promise.all([page.waitForNavigation(), page.locator('form.filters button[type=submit]').click()]);
      assert.deepEqual(placeOf(page), { country, stakeholder_type: 'civil_society', language: lang, status: 'received', page: null,
        per_page: String(PER_PAGE) });
      assert.equal((await shownOn(page)).length, PER_PAGE);
      if (lang !== 'zh') await axe(page, `${lang} filtered list`);

      // The second page: what the API lists there for the same filters.
      await Promise.all([page.waitForNavigation(), page.locator('nav.pager a[rel=next]').click()]);
      assert.equal(await page.locator('nav.pager a[rel=next]').count(), 0, 'no third page');
      const expected = (await api(`&per_page=${PER_PAGE}&page=2`)).items.map((r) => r.reference);
      assert.equal(expected.length, MANY - PER_PAGE);
      assert.deepEqual(await shownOn(page), expected);
      const place = { country, stakeholder_type: 'civil_society', language: lang, status: 'received', page: '2', per_page: String(PER_PAGE) };
      assert.deepEqual(placeOf(page), place);
      await page.screenshot({ path: join(SHOTS, `moderation-bulk-${lang}-page2.png`), fullPage: false });

      // Three accepted at once, after the confirmation page.
      const three = expected.slice(0, 3), two = expected.slice(3);
      for (const ref of three) await page.locator(`#m-${ref} input[type=checkbox]`).check();
      await page.locator('#bulk-action').selectOption('accept');
      await Promise.all([page.waitForNavigation(), page.locator('#bulk button[type=submit]').click()]);
      assert.equal(await page.locator('h1').innerText(), t.acceptHeading);
      assert.equal(await page.locator('#confirm-what').innerText(), t.selected);
      assert.deepEqual((await page.locator('ul.references bdi').allInnerTexts()).sort(), [...three].sort());
      assert.equal((await api('&per_page=200')).items.length, MANY, 'nothing accepted before the confirmation');
      if (lang === 'ar') await assertRtlLayout(page, 'ar bulk accept confirmation');
      if (lang !== 'zh') await axe(page, `${lang} bulk accept confirmation`);
      await page.screenshot({ path: join(SHOTS, `moderation-bulk-${lang}-confirm-accept.png`), fullPage: false });
      await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: t.acceptYes }).click()]);
      // Back at the same filters and page, at the list, saying what was done.
      assert.deepEqual(placeOf(page), place);
      await assertAtList(page, t.accepted);
      await page.screenshot({ path: join(SHOTS, `moderation-bulk-${lang}-accepted.png`), fullPage: false });
      assert.equal(await page.locator('#f-country').inputValue(), country);
      assert.equal(await page.locator('#f-lang').inputValue(), lang);
      assert.equal(await page.locator('#f-status').inputValue(), 'received');
      assert.deepEqual(await shownOn(page), two, 'the page shows what is left of it');
      const queue = await jsonOf(staff.fetch(`/api/v1/consultations/${CONSULTATION}/moderation?country=${country}&per_page=200`));
      for (const ref of three) assert.equal(queue.items.find((r) => r.reference === ref).status, 'accepted', ref);
      if (lang !== 'zh') await axe(page, `${lang} list after the bulk accept`);

      // Published from the same page: back at the same place; the public page lists them.
      await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: t.publish }).click()]);
      await assertAtList(page, t.published);
      assert.deepEqual(placeOf(page), place, 'publishing keeps the list\'s place');
      await page.screenshot({ path: join(SHOTS, `moderation-bulk-${lang}-published.png`), fullPage: false });
      const pub = await context.newPage();
      await pub.goto(`${server.url}/${lang}/consultations/${CONSULTATION}/responses?country=${country}`);
      const publicText = await pub.locator('main').innerText();
      for (const ref of three) assert.ok(publicText.includes(ref), `${ref} is on the public page`);
      for (const ref of two) assert.ok(!publicText.includes(ref), `${ref} is not`);
      await pub.close();

      // The other two rejected with a reason, after the confirmation page that repeats it.
      for (const ref of two) await page.locator(`#m-${ref} input[type=checkbox]`).check();
      await page.locator('#bulk-action').selectOption('reject');
      await page.locator('#bulk-reason').fill(t.reason);
      await Promise.all([page.waitForNavigation(), page.locator('#bulk button[type=submit]').click()]);
      assert.equal(await page.locator('h1').innerText(), t.rejectHeading);
      assert.deepEqual((await page.locator('ul.references bdi').allInnerTexts()).sort(), [...two].sort());
      assert.match(await page.locator('main').innerText(), new RegExp(t.reason.replace(/[.?]/g, '\\$&')));
      if (lang === 'ar') await assertRtlLayout(page, 'ar bulk reject confirmation');
      if (lang !== 'zh') await axe(page, `${lang} bulk reject confirmation`);
      await page.screenshot({ path: join(SHOTS, `moderation-bulk-${lang}-confirm-reject.png`), fullPage: false });
      await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: t.rejectYes }).click()]);
      await assertAtList(page, t.rejected);
      const after = await jsonOf(staff.fetch(`/api/v1/consultations/${CONSULTATION}/moderation?country=${country}&per_page=200`));
      for (const ref of two) {
        const r = after.items.find((x) => x.reference === ref);
        assert.equal(r.status, 'rejected', ref);
        assert.equal(r.reject_reason, t.reason, ref);
      }
      // The second page of "received" has no rows left: the list comes back at its last page
      // with rows, with the same filters.
      const { page: _, ...filters } = place;
      const now = placeOf(page);
      assert.deepEqual({ ...now, page: undefined }, { ...filters, page: undefined });
      assert.deepEqual(await shownOn(page), (await api(`&per_page=${PER_PAGE}`)).items.map((r) => r.reference));
      assert.equal((await shownOn(page)).length, PER_PAGE, 'the list shows the rows of its last page');
      if (lang === 'ar') await assertRtlLayout(page, 'ar list after the bulk reject');
      if (lang !== 'zh') await axe(page, `${lang} list after the bulk reject`);
      await page.screenshot({ path: join(SHOTS, `moderation-bulk-${lang}-rejected.png`), fullPage: false });

      // The rejected ones, filtered so, show their reason.
      await page.locator('#f-status').selectOption('rejected');
      await Promise.all([page.waitForNavigation(), page.locator('form.filters button[type=submit]').click()]);
      assert.deepEqual((await shownOn(page)).sort(), [...two].sort());
      for (const ref of two) assert.ok((await page.locator(`#m-${ref} p.meta`).innerText()).includes(t.reason), `${ref} shows its reason`);
    } finally {
      await context.close();
    }
  });
}

// Where a single row's action lands: the notice `text` with id row-notice, in view and focused;
// inside the row `ref` (its first element, the row's heading in view under it), or, when `ref` is
// null, just above the list's heading.
async function assertAtRow(page, text, ref) {
  assert.equal(new URL(page.url()).hash, '#row-notice', 'the page lands on the notice');
  const notice = page.locator('#row-notice');
  assert.equal(await notice.innerText(), text);
  assert.equal(await notice.getAttribute('role'), 'status');
  assert.ok(await notice.evaluate((n) => n === document.activeElement), 'the notice has the focus');
  const box = await notice.evaluate((n) => { const r = n.getBoundingClientRect(); return [r.top, r.bottom, innerHeight]; });
  assert.ok(box[0] >= -1 && box[1] <= box[2], `the notice is in view (${JSON.stringify(box)})`);
  assert.equal(await page.locator('p.notice').count(), 1, 'said once');
  const row = await notice.evaluate((n) => n.closest('article')?.id ?? null);
  if (ref === null) {
    assert.equal(row, null, 'the notice is not in a row');
    const heading = await page.locator('#responses').evaluate((h) => h.getBoundingClientRect().top);
    assert.ok(heading > box[1] - 1 && heading < box[2], `the list's heading is in view under the notice (${heading})`);
    return;
  }
  assert.equal(row, `m-${ref}`, 'the notice is in the row acted on');
  const h3 = await page.locator(`#m-${ref} h3`).evaluate((h) => { const r = h.getBoundingClientRect(); return [r.top, r.bottom]; });
  assert.ok(h3[0] >= box[1] - 1 && h3[1] <= box[2], `the row's heading is in view under the notice (${JSON.stringify(h3)})`);
}

// Each language its own country, apart from the bulk journeys'.
const ROW_COUNTRY = { en: 'PW', zh: 'MH', ar: 'FM' };
const ROW_PER_PAGE = 10;

for (const lang of ['en', 'zh', 'ar']) {
  test(`${lang}: accepting or rejecting one row lands at that row, with the notice beside it`, async () => {
    const t = L[lang];
    const country = ROW_COUNTRY[lang];
    for (let i = 0; i < 2 * ROW_PER_PAGE + 3; i++)
      await jsonOf(anon.json(`/api/v1/consultations/${CONSULTATION}/responses`, {
        name: `Row ${lang} ${i}`, email: `row.${lang}.${i}@example.org`, country, stakeholder_type: 'private_sector', language: lang,
        answers: { 1: `Response ${i} from ${country}, to be moderated one at a time (${lang}).` }, consent_publish: true }), 201);
    const { context, page } = await signedInPage(browser, server.url);
    try {
      // Filtered by country and language, on the second page of ten.
      const base = `${server.url}/${lang}/admin/consultations/${consultation.id}`;
      await page.goto(`${base}?country=${country}&language=${lang}&per_page=${ROW_PER_PAGE}&page=2`);
      const rows = await shownOn(page);
      assert.equal(rows.length, ROW_PER_PAGE);
      const place = placeOf(page);
      const one = rows[5];
      await Promise.all([page.waitForNavigation(), page.locator(`#m-${one}`).getByRole('button', { name: t.accept, exact: true }).click()]);
      assert.deepEqual(placeOf(page), place, 'the list keeps its filters, page and page size');
      await assertAtRow(page, t.rowAccepted, one);
      const queue = await jsonOf(staff.fetch(`/api/v1/consultations/${CONSULTATION}/moderation?country=${country}&per_page=200`));
      assert.equal(queue.items.find((r) => r.reference === one).status, 'accepted');
      if (lang === 'ar') await assertRtlLayout(page, 'ar list after a row accepted');
      if (lang !== 'zh') await axe(page, `${lang} list after a row accepted`);
      await page.screenshot({ path: join(SHOTS, `moderation-row-${lang}-accepted.png`), fullPage: false });

      // Under the filter "received", a row rejected leaves the list: the notice stands above it.
      await page.goto(`${base}?country=${country}&language=${lang}&status=received&per_page=${ROW_PER_PAGE}&page=2`);
      const received = placeOf(page);
      const two = (await shownOn(page))[2];
      await page.locator(`#m-${two} input[name=reason]`).fill(t.reason);
      await Promise.all([page.waitForNavigation(), page.locator(`#m-${two}`).getByRole('button', { name: t.reject, exact: true }).click()]);
      assert.deepEqual(placeOf(page), received, 'the list keeps its filters, page and page size');
      assert.ok(!(await shownOn(page)).includes(two), 'the rejected row has left the list of received ones');
      await assertAtRow(page, t.rowRejected, null);
      if (lang !== 'zh') await axe(page, `${lang} list after a row rejected`);
      await page.screenshot({ path: join(SHOTS, `moderation-row-${lang}-rejected.png`), fullPage: false });
    } finally {
      await context.close();
    }
  });
}
