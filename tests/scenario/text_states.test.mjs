// Scenario test of each language's state of a multilingual field (missing, draft, final): a
// consultation's title, description and questions through the API (POST and PATCH take
// `states` beside the texts, GET returns them) and the desk's six-language form (a "draft" box
// next to each language's text); a record paragraph's summary through PATCH and the agenda's
// paragraph form, as the translations page then lists it. A text written without a state is final; a language without
// text is missing; a state for a language without text, an unknown state, field or language is
// refused with 400 naming it, and changes nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, jsonOf, isoFromNow } from '../lib/server.mjs';

let server, staff;
before(async () => {
  server = await startServer({ demo: false });
  staff = await new Client(server.url).login();
  await jsonOf(staff.json('/api/v1/bodies', { key: 'wg', acronym: 'WG', name: { en: 'Working group' },
    membership: 'open' }), 201);
});
after(async () => { await server?.stop(); });

const form = (path, fields) => staff.fetch(path, { method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams({ csrf: staff.csrf, ...fields }).toString() });
// What the edit form would send as it stands: its text inputs, textareas, ticked boxes, selects.
function fieldsOf(html) {
  const out = {};
  for (const m of html.matchAll(/<input type="text" [^>]*name="([^"]+)"[^>]*value="([^"]*)"/g)) out[m[1]] = m[2];
  for (const m of html.matchAll(/<input id="[^"]+" name="([^"]+)" type="datetime-local"[^>]*value="([^"]*)"/g)) out[m[1]] = m[2];
  for (const m of html.matchAll(/<textarea [^>]*name="([^"]+)"[^>]*>([^<]*)<\/textarea>/g)) out[m[1]] = m[2];
  for (const m of html.matchAll(/<input type="checkbox" [^>]*name="([^"]+)" value="1" checked>/g)) out[m[1]] = '1';
  out.meeting = ''; out.launched_at_meeting = '';
  return out;
}
const patch = (path, body) => staff.fetch(path, { method: 'PATCH',
  headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const LANGS = ['ar', 'zh', 'en', 'fr', 'ru', 'es'];
const six = (o) => Object.fromEntries(LANGS.map((l) => [l, o[l] ?? 'missing']));

test('states through the API: written, returned, defaulted to final, refused when wrong', async () => {
  const c = await jsonOf(staff.json('/api/v1/consultations', { key: 'states', body: 'wg',
    title: { en: 'States', fr: 'États' }, description: { en: 'Described.' },
    questions: [{ en: 'One?', zh: '一？' }], states: { title: { fr: 'draft' }, questions: [{ zh: 'draft' }] },
    opens_at: isoFromNow(86400), deadline: isoFromNow(9 * 86400), timezone: 'UTC' }), 201);
  assert.deepEqual(c.states.title, six({ en: 'final', fr: 'draft' }));
  assert.deepEqual(c.states.description, six({ en: 'final' }));
  assert.deepEqual(c.states.questions, [six({ en: 'final', zh: 'draft' })]);
  const read = await jsonOf(staff.fetch(`/api/v1/consultations/${c.id}`));
  assert.deepEqual(read.states, c.states, 'GET returns what POST stored');

  // A new Spanish title without a state is final; the French draft, unchanged, stays a draft.
  let edited = await jsonOf(patch(`/api/v1/consultations/${c.id}`,
    { title: { en: 'States', fr: 'États', es: 'Estados' } }));
  assert.deepEqual(edited.states.title, six({ en: 'final', fr: 'draft', es: 'final' }));
  // A changed French text without a state: typed by the secretariat, final.
  edited = await jsonOf(patch(`/api/v1/consultations/${c.id}`,
    { title: { en: 'States', fr: 'Les états', es: 'Estados' } }));
  assert.equal(edited.states.title.fr, 'final');
  // States alone, on the stored texts.
  edited = await jsonOf(patch(`/api/v1/consultations/${c.id}`, { states: { title: { es: 'draft' } } }));
  assert.deepEqual(edited.states.title, six({ en: 'final', fr: 'final', es: 'draft' }));
  // Removing a text makes it missing (its draft goes with it).
  edited = await jsonOf(patch(`/api/v1/consultations/${c.id}`, { title: { en: 'States', fr: 'Les états' } }));
  assert.equal(edited.states.title.es, 'missing');

  const before = await jsonOf(staff.fetch(`/api/v1/consultations/${c.id}`));
  for (const [body, field, rule] of [
    [{ states: { title: { ar: 'draft' } } }, 'states.title.ar', /no text in this language/],
    [{ states: { title: { fr: 'missing' } } }, 'states.title.fr', /must be "draft" or "final"/],
    [{ states: { title: { xx: 'draft' } } }, 'states.title.xx', /six languages/],
    [{ states: { summary: { en: 'draft' } } }, 'states.summary', /not a multilingual field/],
    [{ states: 'draft' }, 'states', /must be an object/],
    [{ title: { en: 'Changed' }, states: { title: { fr: 'draft' } } }, 'states.title.fr', /no text/],
  ]) {
    const res = await patch(`/api/v1/consultations/${c.id}`, body);
    assert.equal(res.status, 400, JSON.stringify(body));
    const { error } = await res.json();
    assert.equal(error.field, field, JSON.stringify(body));
    assert.match(error.message, rule);
  }
  assert.deepEqual(await jsonOf(staff.fetch(`/api/v1/consultations/${c.id}`)), before, 'refusals changed nothing');
});

test('the desk form shows each language\'s state and sets it with a box per language', async () => {
  const c = await jsonOf(staff.json('/api/v1/consultations', { key: 'form-states', body: 'wg',
    title: { en: 'Form', fr: 'Formulaire' }, questions: [{ en: 'Q?' }],
    states: { title: { fr: 'draft' } },
    opens_at: isoFromNow(86400), deadline: isoFromNow(9 * 86400), timezone: 'UTC' }), 201);
  const page = await (await staff.fetch(`/fr/admin/consultations/${c.id}/edit`)).text();
  // French: the title's French text is a draft, its Arabic one missing, its English one final.
  assert.match(page, /<input type="checkbox" id="e-title-fr-draft" name="title_draft_fr" value="1" checked>/);
  assert.match(page, /<input type="checkbox" id="e-title-en-draft" name="title_draft_en" value="1">/);
  assert.match(page, /id="e-title-fr-state">\(projet\)</);
  assert.match(page, /id="e-title-en-state">\(définitif\)</);
  assert.match(page, /id="e-title-ar-state">\(manquant\)</);
  // Chinese writes the state in full-width parentheses, as it writes every parenthesis.
  const zh = await (await staff.fetch(`/zh/admin/consultations/${c.id}/edit`)).text();
  assert.match(zh, /id="e-title-fr-state">（草稿）</);
  assert.match(zh, /id="e-title-en-state">（定稿）</);
  assert.match(zh, /id="e-title-ar-state">（缺失）</);

  const fields = { ...fieldsOf(page), title_ar: 'استمارة', title_draft_ar: '1' };
  assert.equal(fields.title_draft_fr, '1', 'the form sends the French draft as it stands');
  assert.equal(fields.opens_at.length >= 16, true);
  delete fields.title_draft_fr;  // the French text is final now
  const res = await form(`/en/admin/consultations/${c.id}/edit`, fields);
  assert.equal(res.status, 303, await res.text());
  const read = await jsonOf(staff.fetch(`/api/v1/consultations/${c.id}`));
  assert.deepEqual(read.states.title, six({ en: 'final', fr: 'final', ar: 'draft' }));

  // A draft box ticked for a language without text is refused next to that language.
  const refused = await form(`/zh/admin/consultations/${c.id}/edit`, { ...fields, title_draft_ru: '1' });
  assert.equal(refused.status, 400);
  const html = await refused.text();
  assert.match(html, /id="e-title-ru-error"/);
  assert.deepEqual((await jsonOf(staff.fetch(`/api/v1/consultations/${c.id}`))).states.title, read.states.title);
});

test('a record paragraph\'s states: PATCH with states, the agenda\'s form, the translations page', async () => {
  const demo = await startServer();
  try {
    const admin = await new Client(demo.url).login();
    const { items } = await jsonOf(admin.fetch('/api/v1/meetings'));
    const council = items.find((m) => m.kind === 'plenary' && m.session === 'C22' && m.number === 8);
    const agenda = await jsonOf(admin.fetch(`/api/v1/meetings/${council.id}/agenda`));
    const iv = agenda.items[0].interventions[0];
    const edit = (body) => admin.fetch(`/api/v1/interventions/${iv.id}`, { method: 'PATCH',
      headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const fr = 'Le représentant du Secrétariat général a présenté le document.';
    let done = await jsonOf(edit({ summary: { ...iv.summaries, fr }, states: { summary: { fr: 'draft' } } }));
    assert.deepEqual(done.states.summary, six({ en: 'final', zh: 'final', fr: 'draft' }));
    // Refused: a state for a language without text; nothing changes.
    const res = await edit({ summary: { ...iv.summaries, fr }, states: { summary: { ar: 'draft' } } });
    assert.equal(res.status, 400);
    assert.equal((await res.json()).error.field, 'states.summary.ar');
    // The translations page lists the French paragraph as a draft.
    let page = await (await admin.fetch('/en/admin/translations')).text();
    const paragraphs = page.slice(page.indexOf('<h2>Paragraphs of summary records</h2>'));
    const entry = paragraphs.slice(paragraphs.indexOf(`/en/meetings/${council.id}/agenda#item-1"`));
    assert.match(entry.slice(0, entry.indexOf('</ul>')),
      /<li>French: <span class="state-missing">paragraph 1\.2 and paragraph 1\.3 \(missing\)<\/span>, <span class="state-draft">paragraph 1\.1 \(draft\)<\/span><\/li>/);
    // The agenda's form shows the box ticked for the French text; saving without it makes it final.
    const agendaFr = await (await admin.fetch(`/fr/meetings/${council.id}/agenda`)).text();
    const form = agendaFr.slice(agendaFr.indexOf(`action="/fr/interventions/${iv.id}/edit"`));
    assert.match(form.slice(0, form.indexOf('</form>')), /<input type="checkbox" name="draft" value="1" checked>/);
    const post = await admin.fetch(`/fr/interventions/${iv.id}/edit`, { method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrf: admin.csrf, text_lang: 'fr', summary: fr }).toString() });
    assert.equal(post.status, 303);
    done = await jsonOf(edit({ summary: { ...iv.summaries, fr } }));
    assert.equal(done.states.summary.fr, 'final');
    page = await (await admin.fetch('/en/admin/translations')).text();
    assert.doesNotMatch(page, /paragraph 1\.1 \(draft\)/);
  } finally { await demo.stop(); }
});
