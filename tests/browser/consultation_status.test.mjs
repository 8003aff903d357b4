// Browser test of the consultation status forms on the secretariat's desk, with JavaScript
// off: each action first shows a page saying what will happen, and changes nothing until
// confirmed; cancelling changes nothing. In English, Arabic (right to left) and Chinese;
// screenshots of each confirmation page go to test-results/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startServer, Client, ADMIN, jsonOf, isoFromNow, dateFromNow } from '../lib/server.mjs';
import { launchChromium, assertRtlLayout } from '../lib/browser.mjs';

const SHOTS = resolve(import.meta.dirname, '../../test-results');
let server, browser, staff, context, page;

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer({ demo: false });
  staff = await new Client(server.url).login();
  await jsonOf(staff.json('/api/v1/bodies', { key: 'wg', acronym: 'WG', name: { en: 'Working group' },
    membership: 'open' }), 201);
  browser = await launchChromium();
  context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1100, height: 900 } });
  page = await context.newPage();
  await page.goto(`${server.url}/en/login`);
  await page.getByLabel(/e-mail/i).fill(ADMIN.email);
  await page.getByLabel(/password/i).fill(ADMIN.password);
  await page.getByRole('button', { name: /sign in/i }).click();
});
after(async () => { await context?.close(); await browser?.close(); await server?.stop(); });

async function consultation(key, state) {
  const c = await jsonOf(staff.json('/api/v1/consultations', { key, body: 'wg',
    title: { en: `Topic ${key}`, zh: `议题 ${key}`, ar: `موضوع ${key}` }, questions: [{ en: 'First?' }],
    opens_at: isoFromNow(-7200), deadline: isoFromNow(state === 'closed' ? -60 : 7 * 86400), timezone: 'UTC' }), 201);
  assert.equal(c.status, state);
  return c;
}
const status = async (id) => (await jsonOf(staff.fetch(`/api/v1/consultations/${id}`))).status;

test('English: closing asks first, cancel changes nothing; publishing the results asks and says it is final', async () => {
  const c = await consultation('close-en', 'open');
  await page.goto(`${server.url}/en/admin/consultations/${c.id}`);
  await page.locator(`form[action$="/${c.id}/close"] button`).click();
  assert.equal(await page.locator('h1').innerText(), 'Close this consultation now?');
  assert.match(await page.locator('#confirm-what').innerText(), /“Topic close-en” will close now, before its deadline \(.*\)\. Responses will no longer be accepted\./);
  await page.screenshot({ path: join(SHOTS, 'lifecycle-close-en.png'), fullPage: true });
  assert.equal(await status(c.id), 'open', 'nothing changed before confirming');
  await page.getByRole('link', { name: 'Cancel and change nothing' }).click();
  assert.match(page.url(), new RegExp(`/en/admin/consultations/${c.id}$`));
  assert.equal(await status(c.id), 'open', 'nothing changed after cancelling');

  await page.locator(`form[action$="/${c.id}/close"] button`).click();
  await page.getByRole('button', { name: 'Yes, close it now' }).click();
  assert.equal(await page.locator('p.notice[role=status]').innerText(), 'The consultation is closed.');
  assert.equal(await status(c.id), 'closed');

  // The summary is saved (the status stays), then the results are published after confirming.
  await page.locator('#s-en').fill('Participants broadly agreed.');
  await page.locator(`form[action$="/${c.id}/summary"] button`).click();
  assert.equal(await status(c.id), 'closed');
  await page.locator(`form[action$="/${c.id}/publish-results"] button`).click();
  assert.equal(await page.locator('h1').innerText(), 'Publish the results of this consultation?');
  assert.match(await page.locator('#confirm-what').innerText(), /This cannot be undone/);
  await page.screenshot({ path: join(SHOTS, 'lifecycle-publish-en.png'), fullPage: true });
  assert.equal(await status(c.id), 'closed');
  await page.getByRole('button', { name: 'Yes, publish the results' }).click();
  assert.equal(await status(c.id), 'published');
  assert.equal(await page.locator(`form[action$="/${c.id}/publish-results"]`).count(), 0, 'no more status forms');
});

test('Arabic: reopening shows the new deadline and the reason, right to left, before confirming', async () => {
  const c = await consultation('reopen-ar', 'closed');
  await page.goto(`${server.url}/ar/admin/consultations/${c.id}`);
  const day = dateFromNow(30).iso;
  await page.locator('#ro-deadline').fill(`${day}T12:00`);
  await page.locator('#ro-reason').fill('طلبت الدول الأعضاء مزيداً من الوقت');
  await page.locator(`form[action$="/${c.id}/reopen"] button`).click();
  assert.equal(await page.locator('h1').innerText(), 'هل تريد إعادة فتح هذه المشاورة؟');
  await assertRtlLayout(page, 'the Arabic confirmation page');
  assert.match(await page.locator('form.confirm dl').innerText(), /طلبت الدول الأعضاء مزيداً من الوقت/);
  await page.screenshot({ path: join(SHOTS, 'lifecycle-reopen-ar.png'), fullPage: true });
  assert.equal(await status(c.id), 'closed', 'nothing changed before confirming');
  await page.getByRole('button', { name: 'نعم، أعد فتحها' }).click();
  assert.equal(await page.locator('p.notice[role=status]').innerText(), 'المشاورة مفتوحة مجددًا.');
  const after = await jsonOf(staff.fetch(`/api/v1/consultations/${c.id}?lang=ar`));
  assert.equal(after.status, 'open');
  assert.equal(after.deadline_history.at(-1).reason, 'طلبت الدول الأعضاء مزيداً من الوقت');
  assert.equal(after.deadline, `${day}T12:00:00Z`);
});

test('Chinese: closing asks first; a refused action goes back to the desk with its reason', async () => {
  const c = await consultation('close-zh', 'open');
  await page.goto(`${server.url}/zh/admin/consultations/${c.id}`);
  await page.locator(`form[action$="/${c.id}/close"] button`).click();
  assert.equal(await page.locator('h1').innerText(), '立即结束本磋商？');
  assert.match(await page.locator('#confirm-what').innerText(), /“议题 close-zh”将立即结束，早于截止日期/);
  await page.screenshot({ path: join(SHOTS, 'lifecycle-close-zh.png'), fullPage: true });
  assert.equal(await status(c.id), 'open');
  // Meanwhile someone else closes it: confirming now is refused, with the reason shown.
  await jsonOf(staff.json(`/api/v1/consultations/${c.id}/close`, {}));
  await page.getByRole('button', { name: '是，立即结束' }).click();
  // The refusal is said in Chinese, with the deadline in the consultation's zone.
  assert.match(await page.locator('#error-summary').innerText(), /本磋商已结束（截止日期：.*）。/);
  assert.equal(await status(c.id), 'closed');
});
