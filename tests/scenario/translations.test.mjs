// Scenario test of the secretariat's "translations needed" page: a consultation, a document and
// a meeting each lacking some languages are listed with what they lack, in the reader's
// language; a text complete in six languages is not; the page says what it covers; staff only.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, jsonOf, isoFromNow, dateFromNow } from '../lib/server.mjs';

let server, staff, anon;
before(async () => {
  server = await startServer({ demo: false });
  staff = await new Client(server.url).login();
  anon = new Client(server.url);
  await jsonOf(staff.json('/api/v1/bodies', { key: 'wg', acronym: 'WG', name: { en: 'Working group' },
    membership: 'open' }), 201);
});
after(async () => { await server?.stop(); });

const SIX = (s) => Object.fromEntries(['ar', 'zh', 'en', 'fr', 'ru', 'es'].map((l) => [l, `${s} (${l})`]));

test('what lacks which language, and what is complete is not listed', async () => {
  const partial = await jsonOf(staff.json('/api/v1/consultations', { key: 'partial', body: 'wg',
    title: { en: 'Partly translated', fr: 'Partiellement traduite' }, questions: [SIX('Question')],
    opens_at: isoFromNow(86400), deadline: isoFromNow(9 * 86400), timezone: 'UTC' }), 201);
  await jsonOf(staff.json('/api/v1/consultations', { key: 'complete', body: 'wg', title: SIX('Complete'),
    questions: [SIX('Asked')], opens_at: isoFromNow(86400), deadline: isoFromNow(9 * 86400), timezone: 'UTC' }), 201);
  const meeting = await jsonOf(staff.json('/api/v1/meetings', { body: 'wg', kind: 'working_group', number: 4,
    title: { en: 'Fourth meeting' }, starts_on: dateFromNow(5).iso, timezone: 'UTC', mode: 'virtual' }));

  const page = await (await staff.fetch('/fr/admin/translations')).text();
  assert.match(page, /<h1>Traductions à faire<\/h1>/);
  assert.match(page, /ne couvre pas encore les paragraphes des comptes rendus/);
  // The partial consultation: its title lacks four languages; its question lacks none.
  const section = page.slice(page.indexOf(`/fr/admin/consultations/${partial.id}/edit`));
  const entry = section.slice(0, section.indexOf('</ul>'));
  assert.match(entry, /<li>chinois\u00a0: Titre<\/li>/);
  assert.match(entry, /<li>arabe\u00a0: Titre<\/li>/);
  assert.doesNotMatch(entry, /anglais|français/i);
  assert.doesNotMatch(entry, /question/i);
  assert.doesNotMatch(page, /Complete \(fr\)/, 'a consultation complete in six languages is not listed');
  assert.match(page, new RegExp(`href="/fr/meetings/${meeting.id}"`), 'the meeting with an English title only is listed');
  assert.match(page, /\d+ éléments manquent d’au moins une langue\./);

  assert.equal((await anon.fetch('/fr/admin/translations')).status, 303, 'not for the public');
});
