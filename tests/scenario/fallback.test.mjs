// Scenario test of the honest per-field fallback: a consultation written in English only, read
// in French, shows each English text (title, description, questions, summary, follow-up) with
// lang="en" and the note "available in English only" in French (the questions and the follow-up
// once per list); read in English, no note.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, isoFromNow, dateFromNow, jsonOf } from '../lib/server.mjs';

let server, anon, staff;
before(async () => {
  server = await startServer({ demo: false });
  anon = new Client(server.url);
  staff = await new Client(server.url).login();
});
after(async () => { await server?.stop(); });

const NOTE_FR = 'Ce texte n’est disponible qu’en anglais.';

// The HTML element (tag and attributes) that directly holds `text`, first in <main>.
function holder(html, text) {
  const i = html.indexOf(text, html.indexOf('<main'));
  assert.ok(i > 0, `page lacks "${text}"`);
  const open = html.lastIndexOf('<', i);
  return html.slice(open, html.indexOf('>', open) + 1);
}

test('English-only fields read in French are marked lang="en" with a note in French', async () => {
  assert.equal((await staff.json('/api/v1/bodies', { key: 'wg', acronym: 'WG', name: { en: 'Working group' },
    membership: 'open' })).status, 201);
  const meeting = await jsonOf(staff.json('/api/v1/meetings', { body: 'wg', kind: 'working_group', number: 1,
    title: { en: 'First meeting' }, starts_on: dateFromNow(30).iso, timezone: 'UTC', mode: 'virtual' }));
  const created = await staff.json('/api/v1/consultations', {
    key: 'english-only', body: 'wg', title: { en: 'Only in English title' },
    description: { en: 'Only in English description.' },
    questions: [{ en: 'Only in English question one?' }, { en: 'Question two in English?', fr: 'Question deux en français ?' }],
    opens_at: isoFromNow(-3600), deadline: isoFromNow(3600), timezone: 'UTC' });
  assert.equal(created.status, 201, await created.clone().text());
  const c = await created.json();
  assert.equal((await staff.json(`/api/v1/consultations/${c.id}/summary`,
    { summary: { en: 'Only in English summary.' } })).status, 200);
  // The summary is public once the results are published, which needs the consultation closed.
  await jsonOf(staff.json(`/api/v1/consultations/${c.id}/close`, {}));
  await jsonOf(staff.json(`/api/v1/consultations/${c.id}/publish-results`, {}));
  assert.equal((await staff.json(`/api/v1/consultations/${c.id}/follow-up`, { meeting: meeting.id, number: '1.1',
    kind: 'consider_responses', owner: { en: 'Secretariat' }, text: { en: 'Only in English follow-up.' } })).status, 201);

  const fr = await (await anon.fetch(`/fr/consultations/${c.id}`)).text();
  for (const text of ['Only in English title', 'Only in English description.', 'Only in English question one?',
    'Only in English summary.', 'Only in English follow-up.'])
    assert.match(holder(fr, text), /lang="en"/, text);
  // One note per field that falls back: title, description, summary; the questions and the
  // follow-up are marked once per list (the question 1 label of the response form carries
  // lang="en" too, without a note).
  assert.equal(fr.split(NOTE_FR).length - 1, 3, 'notes on the French page');
  assert.equal(fr.split('<p class="note untranslated-note">').length - 1, 2, 'one note per list');
  assert.match(holder(fr, 'Question deux en français ?'), /lang="fr"/);
  assert.ok(!fr.includes('Question two in English?'));
  const en = await (await anon.fetch(`/en/consultations/${c.id}`)).text();
  assert.ok(!en.includes('available in English only') && !en.includes('is available in'), 'no note in English');
  assert.doesNotMatch(holder(en, 'Only in English title'), /lang="en"/);
});
