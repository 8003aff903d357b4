// Browser test of the import desk page with JavaScript off, in French: a resolutions CSV is
// uploaded, the preview lists what would be created and refused (in French) and writes
// nothing; confirming writes it; the same file again offers nothing to write. Screenshot of the
// preview in test-results/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startServer, Client, ADMIN } from '../lib/server.mjs';
import { launchChromium } from '../lib/browser.mjs';

const SHOTS = resolve(import.meta.dirname, '../../test-results');
let server, browser, anon, context, page;

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer();
  anon = new Client(server.url);
  browser = await launchChromium();
  context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1100, height: 900 } });
  page = await context.newPage();
  await page.goto(`${server.url}/en/login`);
  await page.getByLabel(/e-mail/i).fill(ADMIN.email);
  await page.getByLabel(/password/i).fill(ADMIN.password);
  await page.getByRole('button', { name: /sign in/i }).click();
});
after(async () => { await context?.close(); await browser?.close(); await server?.stop(); });

const CSV = 'instrument,number,title_en,title_fr,revisions\r\n' +
  'pp,911,Browser import,Importation par navigateur,2018 Dubai\r\n' +
  'wrc,12,Bad versions,,Geneva\r\n';

async function upload() {
  await page.goto(`${server.url}/fr/admin/imports`);
  assert.equal(await page.locator('h1').innerText(), 'Importer des documents ou des résolutions');
  await page.getByLabel('Résolutions (CSV)').check();
  await page.getByLabel('Fichier CSV').setInputFiles({ name: 'resolutions.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
  await page.getByRole('button', { name: 'Prévisualiser l’importation' }).click();
}

test('French: preview, then confirm, then the same file changes nothing', async () => {
  await upload();
  assert.match(await page.locator('#preview-h').innerText(), /Aperçu.*Résolutions/);
  assert.match(await page.locator('#import-create').innerText(), /Ligne 2\s*:\s*pp\/911/);
  assert.match(await page.locator('#import-refuse').innerText(), /Ligne 3, revisions/);
  await page.screenshot({ path: join(SHOTS, 'import-preview-fr.png'), fullPage: true });
  assert.equal((await anon.fetch('/api/v1/resolutions/pp/911')).status, 404, 'nothing written by the preview');

  await page.getByRole('button', { name: 'Confirmer l’importation' }).click();
  assert.equal(await page.locator('p.notice[role=status]').innerText(), 'L’importation a été enregistrée.');
  const r = await (await anon.fetch('/api/v1/resolutions/pp/911')).json();
  assert.equal(r.titles.fr, 'Importation par navigateur');

  await upload();
  assert.equal(await page.locator('#import-nothing').count(), 1);
  assert.equal(await page.getByRole('button', { name: 'Confirmer l’importation' }).count(), 0);
  assert.match(await page.locator('#import-unchanged').innerText(), /pp\/911/);
});
