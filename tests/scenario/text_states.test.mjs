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
// A form post of `client` (signed in staff) with its CSRF token.
const form_ = (client, path, fields) => client.fetch(path, { method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams({ csrf: client.csrf, ...fields }).toString() });
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
  assert.equal(zh.split('（UTC）</label>').length - 1, 2, 'the zone beside both dates, in full-width parentheses');
  assert.ok(!zh.includes('(UTC)'));

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
    // The demo's record is in the six languages: the item's paragraphs are given their English
    // and Chinese texts only, as before their translation, and the first a French draft.
    for (const p of agenda.items[0].interventions.slice(1))
      await jsonOf(admin.fetch(`/api/v1/interventions/${p.id}`, { method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ summary: { en: p.summaries.en, zh: p.summaries.zh } }) }));
    const { en, zh } = iv.summaries;
    const fr = 'Le représentant du Secrétariat général a présenté le document.';
    let done = await jsonOf(edit({ summary: { en, zh, fr }, states: { summary: { fr: 'draft' } } }));
    assert.deepEqual(done.states.summary, six({ en: 'final', zh: 'final', fr: 'draft' }));
    // Refused: a state for a language without text; nothing changes.
    const res = await edit({ summary: { en, zh, fr }, states: { summary: { ar: 'draft' } } });
    assert.equal(res.status, 400);
    assert.equal((await res.json()).error.field, 'states.summary.ar');
    // The translations page lists the French paragraph as a draft.
    let page = await (await admin.fetch('/en/admin/translations')).text();
    const paragraphs = page.slice(page.indexOf('<h2>Paragraphs of summary records</h2>'));
    const at = paragraphs.indexOf(`href="/en/admin/translations/intervention/${iv.id}"`);
    assert.ok(at > 0, 'the paragraph has its row, linking to its form');
    const entry = paragraphs.slice(at);
    assert.match(entry.slice(0, entry.indexOf('</ul>')),
      /<li>French: <span class="state-draft">paragraph 1\.1 \(draft\)<\/span><\/li>/);
    // The agenda's form shows the box ticked for the French text; saving without it makes it final.
    const agendaFr = await (await admin.fetch(`/fr/meetings/${council.id}/agenda`)).text();
    const form = agendaFr.slice(agendaFr.indexOf(`action="/fr/interventions/${iv.id}/edit"`));
    assert.match(form.slice(0, form.indexOf('</form>')), /<input type="checkbox" name="draft" value="1" checked>/);
    const post = await admin.fetch(`/fr/interventions/${iv.id}/edit`, { method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrf: admin.csrf, text_lang: 'fr', summary: fr }).toString() });
    assert.equal(post.status, 303);
    done = await jsonOf(edit({ summary: { en, zh, fr } }));
    assert.equal(done.states.summary.fr, 'final');
    page = await (await admin.fetch('/en/admin/translations')).text();
    assert.doesNotMatch(page, /paragraph 1\.1 \(draft\)/);
  } finally { await demo.stop(); }
});

// Six texts, one per language, so that a record whose draft is made final lacks nothing and
// leaves the translations page.
const SIX = { ar: 'نص عربي', zh: '中文文本', en: 'English text', fr: 'Texte français', ru: 'Русский текст', es: 'Texto español' };

test('every kind of record: a draft set through the API, listed, made final through its form, gone', async () => {
  const demo = await startServer();
  try {
    const admin = await new Client(demo.url).login();
    const { items: meetings } = await jsonOf(admin.fetch('/api/v1/meetings'));
    const council = meetings.find((m) => m.kind === 'plenary' && m.session === 'C22' && m.number === 8);
    const agenda = await jsonOf(admin.fetch(`/api/v1/meetings/${council.id}/agenda`));
    const item = agenda.items[0];
    const decision = agenda.items.flatMap((i) => i.decisions)[0];
    assert.ok(decision, 'the demo records a decision');
    const { items: actions } = await jsonOf(admin.fetch('/api/v1/actions'));
    const { items: docs } = await jsonOf(admin.fetch('/api/v1/documents'));
    const { items: texts } = await jsonOf(admin.fetch('/api/v1/texts'));
    assert.ok(actions.length > 0 && docs.length > 0 && texts.length > 0, 'the demo has actions, documents, texts');
    const cases = [
      { owner: 'meeting', id: council.id, api: `/api/v1/meetings/${council.id}`, field: 'title' },
      { owner: 'document', id: docs[0].id, api: `/api/v1/documents/${docs[0].id}`, field: 'title' },
      { owner: 'agenda_item', id: item.id, api: `/api/v1/agenda-items/${item.id}`, field: 'title' },
      { owner: 'decision', id: decision.id, api: `/api/v1/decisions/${decision.id}`, field: 'wording' },
      { owner: 'action', id: actions[0].id, api: `/api/v1/actions/${actions[0].id}`, field: 'text' },
      { owner: 'text', id: texts[0].id, api: `/api/v1/texts/${texts[0].id}`, field: 'title' },
    ];
    const edit = (path, body) => admin.fetch(path, { method: 'PATCH',
      headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const translations = async () => (await admin.fetch('/en/admin/translations')).text();
    for (const c of cases) {
      const href = `/en/admin/translations/${c.owner}/${c.id}`;
      // Refused: a state for a language the write leaves without text; nothing changes.
      const { ar, ...noArabic } = SIX;
      const refused = await edit(c.api, { [c.field]: noArabic, states: { [c.field]: { ar: 'draft' } } });
      assert.equal(refused.status, 400, c.owner);
      assert.equal((await refused.json()).error.field, `states.${c.field}.ar`, c.owner);
      const unknown = await edit(c.api, { states: { [c.field]: { fr: 'missing' } } });
      assert.equal((await unknown.json()).error.field, `states.${c.field}.fr`, c.owner);
      // The draft: every language written, French a draft.
      const done = await jsonOf(edit(c.api, { [c.field]: SIX, states: { [c.field]: { fr: 'draft' } } }));
      assert.deepEqual(done.states[c.field], six({ ar: 'final', zh: 'final', en: 'final', fr: 'draft', ru: 'final', es: 'final' }), c.owner);
      let page = await translations();
      const at = page.indexOf(`href="${href}"`);
      assert.ok(at > 0, `${c.owner}: the translations page links the record to its form`);
      const row = page.slice(at, page.indexOf('</ul>', at));
      assert.match(row, /<li>French: <span class="state-draft">[^<]+ \(draft\)<\/span><\/li>/, c.owner);
      assert.doesNotMatch(row, /state-missing/, c.owner);
      // The form: six languages, French ticked as a draft; saved without the box, it is final.
      const form = await (await admin.fetch(href)).text();
      assert.match(form, new RegExp(`<input type="checkbox" id="t-${c.field}-fr-draft" name="${c.field}_draft_fr" value="1" checked>`), c.owner);
      assert.match(form, new RegExp(`id="t-${c.field}-fr-state">\\(draft\\)<`), c.owner);
      assert.match(form, new RegExp(`id="t-${c.field}-ar-state">\\(final\\)<`), c.owner);
      for (const l of LANGS) assert.match(form, new RegExp(`name="${c.field}_${l}" lang="${l}"`), `${c.owner} ${l}`);
      const fields = fieldsOf(form);
      assert.equal(fields[`${c.field}_draft_fr`], '1');
      delete fields[`${c.field}_draft_fr`];
      const saved = await form_(admin, href, fields);
      assert.equal(saved.status, 303, `${c.owner}: ${saved.status}`);
      assert.equal(saved.headers.get('location'), '/en/admin/translations?done=texts_saved');
      page = await translations();
      assert.ok(!page.includes(`href="${href}"`), `${c.owner}: gone from the translations page`);
      // The API says the same.
      const after = await jsonOf(edit(c.api, { states: { [c.field]: { en: 'final' } } }));
      assert.equal(after.states[c.field].fr, 'final', c.owner);
    }
    // The form refuses a draft box ticked for a language without text, next to that language.
    const href = `/zh/admin/translations/meeting/${council.id}`;
    const form = await (await admin.fetch(href)).text();
    const refused = await form_(admin, href, { ...fieldsOf(form), title_ru: '', title_draft_ru: '1' });
    assert.equal(refused.status, 400);
    const html = await refused.text();
    assert.match(html, /id="t-title-ru-error"/);
    assert.match(html, /id="t-title-ru-state">（缺失）</);
  } finally { await demo.stop(); }
});

test('a provision\'s states through PATCH; a new paragraph of the record takes states on POST', async () => {
  const demo = await startServer();
  try {
    const admin = await new Client(demo.url).login();
    const { items: texts } = await jsonOf(admin.fetch('/api/v1/texts'));
    // The demo's provisions are in the six languages: a provision in English, Chinese and Arabic
    // only is added, as one before its translation into the others.
    const added0 = await jsonOf(admin.json(`/api/v1/texts/${texts[0].id}/provisions`, { kind: 'paragraph',
      text: { en: 'The secretariat shall keep these guidelines.', zh: '秘书处应保存本导则。',
        ar: 'تحتفظ الأمانة بهذه المبادئ التوجيهية.' } }), 201);
    const text = await jsonOf(admin.fetch(`/api/v1/texts/${texts[0].id}`));
    const p = text.provisions.find((x) => x.id === added0.id);
    const edit = (body) => admin.fetch(`/api/v1/provisions/${p.id}`, { method: 'PATCH',
      headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const lang = text.languages[0];
    const missing = LANGS.find((l) => !p.texts[l]);
    assert.ok(missing, 'the provision lacks a language');
    const refused = await edit({ version: text.version, states: { text: { [missing]: 'draft' } } });
    assert.equal(refused.status, 400);
    assert.equal((await refused.json()).error.field, `states.text.${missing}`);
    const done = await jsonOf(edit({ version: text.version, states: { text: { [lang]: 'draft' } } }));
    assert.equal(done.states.text[lang], 'draft');
    const draftRow = new RegExp(`provision ${p.label.replace('.', '\\.')}[^<]* \\(draft\\)`);
    let page = await (await admin.fetch('/en/admin/translations')).text();
    let row = page.slice(page.indexOf(`href="/en/admin/translations/provision/${p.id}"`));
    assert.match(row.slice(0, row.indexOf('</ul>')), draftRow);
    // The provision's edit form on the text's page has the box ticked; saved without it, final.
    const html = await (await admin.fetch(`/en/texts/${text.id}?lang=en`)).text();
    assert.match(html, new RegExp(`<input type="checkbox" id="pe-${p.id}-${lang}-draft" name="text_draft_${lang}" value="1" checked>`));
    const current = await jsonOf(admin.fetch(`/api/v1/texts/${text.id}`));
    const fields = { version: String(current.version), kind: p.kind };
    for (const l of current.languages) fields[`text_${l}`] = p.texts[l] ?? '';
    const saved = await form_(admin, `/en/provisions/${p.id}/edit`, fields);
    assert.equal(saved.status, 303);
    page = await (await admin.fetch('/en/admin/translations')).text();
    row = page.slice(page.indexOf(`href="/en/admin/translations/provision/${p.id}"`));
    assert.doesNotMatch(row.slice(0, row.indexOf('</ul>')), draftRow);

    const { items: meetings } = await jsonOf(admin.fetch('/api/v1/meetings'));
    const council = meetings.find((m) => m.kind === 'plenary' && m.session === 'C22' && m.number === 8);
    const agenda = await jsonOf(admin.fetch(`/api/v1/meetings/${council.id}/agenda`));
    const added = await jsonOf(admin.json(`/api/v1/agenda-items/${agenda.items[0].id}/interventions`, {
      capacity: 'secretariat', summary: { en: 'Added.', fr: 'Ajouté.' }, states: { summary: { fr: 'draft' } } }), 201);
    assert.deepEqual(added.states.summary, six({ en: 'final', fr: 'draft' }));
    const bad = await admin.json(`/api/v1/agenda-items/${agenda.items[0].id}/interventions`, {
      capacity: 'secretariat', summary: { en: 'Refused.' }, states: { summary: { zh: 'draft' } } });
    assert.equal(bad.status, 400);
    assert.equal((await bad.json()).error.field, 'states.summary.zh');
    const count = (await jsonOf(admin.fetch(`/api/v1/meetings/${council.id}/agenda`))).items[0].interventions.length;
    assert.equal(count, agenda.items[0].interventions.length + 1, 'the refused paragraph was not added');
  } finally { await demo.stop(); }
});
