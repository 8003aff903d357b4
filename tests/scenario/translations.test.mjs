// Scenario test of the secretariat's "translations needed" page: a consultation, a document and
// a meeting each lacking some languages are listed with what they lack, in the reader's
// language; a text complete in six languages is not; drafts are told apart from missing texts;
// the page covers agenda items, record paragraphs, decisions, actions and negotiated texts (the
// demo's), each row linking to where its texts are edited; staff only.
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
  assert.doesNotMatch(page, /ne couvre pas encore/, 'the page no longer says what it does not cover');
  assert.match(page, /paragraphes des comptes rendus analytiques, décisions, mesures/);
  // The partial consultation: its title lacks four languages; its question lacks none.
  const section = page.slice(page.indexOf(`/fr/admin/consultations/${partial.id}/edit`));
  const entry = section.slice(0, section.indexOf('</ul>'));
  assert.match(entry, /<li>chinois\u00a0: <span class="state-missing">Titre \(manquant\)<\/span><\/li>/);
  assert.match(entry, /<li>arabe\u00a0: <span class="state-missing">Titre \(manquant\)<\/span><\/li>/);
  assert.doesNotMatch(entry, /anglais|français/i);
  assert.doesNotMatch(entry, /question/i);
  assert.doesNotMatch(page, /Complete \(fr\)/, 'a consultation complete in six languages is not listed');
  assert.match(page, new RegExp(`href="/fr/admin/translations/meeting/${meeting.id}"`),
    'the meeting with an English title only is listed, linking to its six-language form');
  assert.match(page, /\d+ éléments manquent d’au moins une langue\./);

  assert.equal((await anon.fetch('/fr/admin/translations')).status, 303, 'not for the public');
});

test('a draft is listed as a draft, not as missing; a text complete and final is not listed', async () => {
  const c = await jsonOf(staff.json('/api/v1/consultations', { key: 'drafted', body: 'wg', title: SIX('Drafted'),
    questions: [SIX('Asked')], states: { title: { ru: 'draft' } },
    opens_at: isoFromNow(86400), deadline: isoFromNow(9 * 86400), timezone: 'UTC' }), 201);
  const page = await (await staff.fetch('/en/admin/translations')).text();
  const section = page.slice(page.indexOf(`/en/admin/consultations/${c.id}/edit`));
  const entry = section.slice(0, section.indexOf('</ul>'));
  assert.match(entry, /<li>Russian: <span class="state-draft">Title \(draft\)<\/span><\/li>/);
  assert.doesNotMatch(entry, /missing|French|Arabic/);
});

test('agenda items, record paragraphs, decisions, actions and negotiated texts, each with the page that edits them', async () => {
  const demo = await startServer();
  try {
    const admin = await new Client(demo.url).login();
    const { items } = await jsonOf(admin.fetch('/api/v1/meetings'));
    const council = items.find((m) => m.kind === 'plenary' && m.session === 'C22' && m.number === 8);
    const { items: texts } = await jsonOf(admin.fetch('/api/v1/texts'));
    assert.ok(texts.length > 0, 'the demo has a negotiated text');
    // The demo is translated into the six languages: a text of each kind is given fewer
    // languages here, as the secretariat would find them before translation.
    const edit = async (path, body) => {
      const res = await admin.fetch(path, { method: 'PATCH',
        headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      assert.equal(res.status, 200, path);
    };
    const agenda = await jsonOf(admin.fetch(`/api/v1/meetings/${council.id}/agenda`));
    const [p11, p12] = agenda.items[0].interventions;
    for (const p of [p11, p12])
      await edit(`/api/v1/interventions/${p.id}`, { summary: { en: p.summaries.en, zh: p.summaries.zh } });
    const decision = agenda.items[0].decisions[0];
    await edit(`/api/v1/decisions/${decision.id}`, { wording: { en: decision.wording.en } });
    const { items: actionList } = await jsonOf(admin.fetch('/api/v1/actions'));
    await edit(`/api/v1/actions/${actionList[0].id}`, { text: { en: 'Report to the Council.' } });
    await jsonOf(admin.json(`/api/v1/texts/${texts[0].id}/provisions`, { kind: 'paragraph',
      text: { en: 'The secretariat shall keep these guidelines.' } }), 201);
    await edit(`/api/v1/texts/${texts[0].id}`, { title: { en: 'Draft guidelines' } });
    const page = await (await admin.fetch('/en/admin/translations')).text();
    const group = (heading) => {
      const i = page.indexOf(`<h2>${heading}</h2>`);
      assert.ok(i > 0, `the page has the heading ${heading}`);
      const j = page.indexOf('<h2>', i + 1);
      return page.slice(i, j < 0 ? undefined : j);
    };
    // Paragraphs lacking French, each with a link to its six-language form.
    const paragraphs = group('Paragraphs of summary records');
    const row = paragraphs.slice(paragraphs.indexOf(`<a href="/en/admin/translations/intervention/${p11.id}" dir="auto">`));
    assert.ok(row.length < paragraphs.length, 'the first paragraph links to its form');
    assert.match(row.slice(0, row.indexOf('</ul>')), /<li>French: <span class="state-missing">paragraph 1\.1 \(missing\)/);
    const decisions = group('Decisions');
    assert.match(decisions, /<li>Arabic: <span class="state-missing">paragraph 1\.4 \(missing\)/);
    const actions = group('Actions');
    assert.match(actions, /<a href="\/en\/admin\/translations\/action\/\d+" dir="auto">/);
    assert.match(decisions, /<a href="\/en\/admin\/translations\/decision\/\d+" dir="auto">/);
    const negotiated = group('Negotiated texts');
    assert.match(negotiated, /<a href="\/en\/admin\/translations\/provision\/\d+" dir="auto">[^<]*provision \d/);
    assert.match(negotiated, new RegExp(`<a href="/en/admin/translations/text/${texts[0].id}" dir="auto">`));
  } finally { await demo.stop(); }
});
