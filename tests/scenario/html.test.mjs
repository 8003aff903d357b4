// Every public and secretariat page is valid HTML5 (html-validate's recommended rules; page
// titles repeat the consultation's full title, so `long-title` is off).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { HtmlValidate } from 'html-validate';
import { startServer, Client } from '../lib/server.mjs';

let server, anon, staff;
before(async () => {
  server = await startServer();
  anon = new Client(server.url);
  staff = await new Client(server.url).login();
});
after(async () => { await server?.stop(); });

const validator = new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'long-title': 'off' } });

// Every page listed exists in the demo (200); only the page made to be missing is checked as
// a 404 page.
async function check(client, path, status = 200) {
  const res = await client.fetch(path);
  assert.equal(res.status, status, `${path}: ${res.status}`);
  const report = await validator.validateString(await res.text());
  const messages = report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId} line ${m.line}: ${m.message}`));
  assert.deepEqual(messages, [], `${path} is not valid HTML`);
}

test('public pages are valid HTML in English, Chinese and Arabic', async () => {
  for (const lang of ['en', 'zh', 'ar']) {
    for (const p of ['/', '/consultations', '/consultations/ai-public-policy', '/consultations/environment',
      '/consultations/environment/responses', '/consultations/environment/statistics', '/consultations/environment/report',
      '/bodies', '/bodies/cwg-internet', '/bodies/cwg-internet/chair-report',
      '/bodies/cwg-internet/chair-report?meetings=16,17', '/meetings', '/meetings/2', '/meetings/5', '/login',
      '/search', '/search?q=' + encodeURIComponent('互联网'), '/meetings/6', '/meetings/6/agenda',
      '/meetings/6/record', '/actions', '/actions?status=done', '/actions/1', '/password/forgot']) {
      await check(anon, `/${lang}${p}`);
    }
    await check(anon, `/${lang}/no-such-page`, 404);
    await check(anon, `/${lang}/consultations/no-such-consultation`, 404);
  }
});

test('secretariat pages are valid HTML', async () => {
  for (const p of ['/en/admin', '/en/admin/consultations/environment', '/en/admin/consultations/ai-public-policy',
    '/en/admin/consultations/environment/campaigns', '/ar/admin/consultations/environment/campaigns',
    '/en/admin/citations', '/en/meetings/6/agenda', '/ar/meetings/6/agenda', '/en/documents/C22/33', '/en/admin/users', '/ar/admin/users',
    '/en/account', '/ar/account', '/zh/bodies/cwg-internet', '/en/meetings/6', '/ar/consultations/ai-public-policy']) await check(staff, p);
});

test('the pages of a negotiated text are valid HTML in English, Chinese and Arabic', async () => {
  // The demo's draft guidelines of C22/32(Rev.1) (text 1), restricted to Member States.
  for (const lang of ['en', 'zh', 'ar'])
    for (const p of ['/texts/1', '/texts/1/clean', '/texts/1/status', `/texts/1?lang=ar`]) await check(staff, `/${lang}${p}`);
  await check(anon, '/en/texts/1', 404);
});

test('the consultation page stays small (at most 50 KB with its stylesheet)', async () => {
  const page = await anon.fetch('/en/consultations/ai-public-policy', { headers: { 'accept-encoding': 'gzip' } });
  const css = await anon.fetch('/static/plenary.css');
  const bytes = Buffer.byteLength(await page.text()) + Buffer.byteLength(await css.text());
  assert.ok(bytes < 50 * 1024, `page and CSS weigh ${bytes} bytes uncompressed`);
});
