// A consultation's summary and a meeting's place in the six languages, each with its state:
// written from their six-language forms (/admin/translations/{consultation|meeting}/{id}) and
// through the API (POST /api/v1/consultations/{id}/summary with `states`; POST and PATCH
// /api/v1/meetings with `places`/`place` and `states.place`), seen in the API (`summaries`,
// `places`, `states`) and on the pages in those languages, listed on the "translations needed"
// page where a language is missing, and refused in the reader's language next to the field.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, jsonOf, isoFromNow } from '../lib/server.mjs';

const LANGS = ['ar', 'zh', 'en', 'fr', 'ru', 'es'];
const SUMMARY = { ar: 'ملخص المشاركين.', zh: '参与者摘要。', en: 'The participants’ summary.',
  fr: 'Résumé des participants.', ru: 'Резюме участников.', es: 'Resumen de los participantes.' };
const PLACE = { ar: 'جنيف', zh: '日内瓦', en: 'Geneva', fr: 'Genève', ru: 'Женева', es: 'Ginebra' };
let server, admin, cons, meeting;
before(async () => {
  server = await startServer();
  admin = await new Client(server.url).login();
  cons = await jsonOf(admin.json('/api/v1/consultations', { key: 'summary-texts', body: 'cwg-internet',
    title: { en: 'Summary texts' }, questions: ['Your views?'], opens_at: isoFromNow(-60), deadline: isoFromNow(3600) }), 201);
  // A meeting's place in English and French, the French a draft.
  meeting = await jsonOf(admin.json('/api/v1/meetings', { body: 'cwg-internet', number: 77, starts_on: '2027-03-01',
    timezone: 'Europe/Zurich', mode: 'physical', title: { en: 'Meeting with a place' },
    places: { en: 'Geneva', fr: 'Genève' }, states: { place: { fr: 'draft' } } }), 201);
});
after(async () => { await server?.stop(); });

const post = (client, path, fields) => client.fetch(path, { method: 'POST', redirect: 'manual',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams({ csrf: client.csrf, ...fields }).toString() });
const patch = (client, path, b) => client.fetch(path, { method: 'PATCH',
  headers: { 'content-type': 'application/json', 'x-csrf-token': client.csrf }, body: JSON.stringify(b) });
// The text of the translations page's row that links `href`.
async function rowOf(href) {
  const page = await (await admin.fetch('/en/admin/translations')).text();
  const at = page.indexOf(`href="${href}"`);
  if (at < 0) return null;
  return page.slice(at, page.indexOf('</ul>', at)).replace(/<[^>]+>/g, '');
}

test('a summary saved on the desk in English and Chinese is listed as lacking four languages', async () => {
  const res = await post(admin, `/en/admin/consultations/${cons.id}/summary`, { summary_en: 'Draft.', summary_zh: '草稿。' });
  assert.equal(res.status, 303);
  const row = await rowOf(`/en/admin/translations/consultation/${cons.id}`);
  assert.ok(row, 'the translations page links the summary\'s six-language form');
  assert.match(row, /French: Summary \(missing\)/);
  assert.doesNotMatch(row, /Chinese: Summary/);
  const form = await (await admin.fetch(`/en/admin/translations/consultation/${cons.id}`)).text();
  for (const l of LANGS) assert.match(form, new RegExp(`name="summary_${l}"`), `the form has the summary in ${l}`);
  assert.ok(form.includes('草稿。'), 'the form shows the stored Chinese summary');
});

test('the six-language form writes the summary in six languages with states; the desk keeps them', async () => {
  const fields = Object.fromEntries(LANGS.map((l) => [`summary_${l}`, SUMMARY[l]]));
  const res = await post(admin, `/en/admin/translations/consultation/${cons.id}`, { ...fields, summary_draft_ru: '1' });
  assert.equal(res.status, 303, await res.text());
  const got = await jsonOf(admin.fetch(`/api/v1/consultations/${cons.id}`));
  assert.deepEqual(got.summaries, SUMMARY);
  assert.equal(got.states.summary.ru, 'draft');
  assert.equal(got.states.summary.ar, 'final');
  assert.equal(await rowOf(`/en/admin/translations/consultation/${cons.id}`)
    .then((r) => r && /Russian: .*Summary/.test(r)), true, 'the Russian draft is listed');
  // The public sees no summary before the results are published.
  const anon = await jsonOf(new Client(server.url).fetch(`/api/v1/consultations/${cons.id}`));
  assert.equal(anon.summary, null);
  assert.equal(anon.summaries, undefined);
  // The desk page shows every language with its state, and saving it as it stands keeps them.
  const desk = await (await admin.fetch(`/zh/admin/consultations/${cons.id}`)).text();
  for (const l of LANGS) assert.match(desk, new RegExp(`name="summary_${l}"`), `the desk has the summary in ${l}`);
  const again = await post(admin, `/en/admin/consultations/${cons.id}/summary`, { ...fields, summary_draft_ru: '1' });
  assert.equal(again.status, 303);
  assert.deepEqual((await jsonOf(admin.fetch(`/api/v1/consultations/${cons.id}`))).summaries, SUMMARY);
  // Published, each language's page shows its own summary.
  await jsonOf(admin.json(`/api/v1/consultations/${cons.id}/close`, {}));
  await jsonOf(admin.json(`/api/v1/consultations/${cons.id}/publish-results`, {}));
  for (const l of ['zh', 'ar', 'fr']) {
    const html = await (await new Client(server.url).fetch(`/${l}/consultations/summary-texts`)).text();
    assert.ok(html.includes(SUMMARY[l]), `the ${l} page shows the ${l} summary`);
  }
});

test('the summary\'s API takes states; refusals name the field, the form\'s in the reader\'s language', async () => {
  const ok = await jsonOf(admin.json(`/api/v1/consultations/${cons.id}/summary`,
    { summary: { ...SUMMARY }, states: { summary: { es: 'draft' } } }));
  assert.equal(ok.states.summary.es, 'draft');
  assert.equal(ok.states.summary.ru, 'draft', 'an unchanged text keeps its state');
  const bad = await admin.json(`/api/v1/consultations/${cons.id}/summary`,
    { summary: { en: 'Only English.' }, states: { summary: { fr: 'draft' } } });
  assert.equal(bad.status, 400);
  assert.equal((await bad.json()).error.field, 'states.summary.fr');
  assert.equal((await jsonOf(admin.fetch(`/api/v1/consultations/${cons.id}`))).summaries.fr, SUMMARY.fr, 'nothing changed');
  const refused = await post(admin, `/zh/admin/translations/consultation/${cons.id}`, { summary_en: '', summary_draft_fr: '1' });
  assert.equal(refused.status, 400);
  const html = await refused.text();
  assert.match(html, /aria-invalid="true"/);
  assert.match(html, /摘要/);
  assert.match(html, /name="summary_draft_fr" value="1" checked/, 'what was ticked is kept');
});

test('a meeting\'s place: POST with places and states, listed, edited in six languages, in the API', async () => {
  assert.deepEqual(meeting.places, { en: 'Geneva', fr: 'Genève' });
  assert.equal(meeting.place, 'Geneva');
  assert.equal(meeting.states.place.fr, 'draft');
  const row = await rowOf(`/en/admin/translations/meeting/${meeting.id}`);
  assert.ok(row, 'the meeting is listed');
  assert.match(row, /Chinese: [^()]*Place \(missing\)/);
  const href = `/en/admin/translations/meeting/${meeting.id}`;
  const form = await (await admin.fetch(href)).text();
  for (const l of LANGS) assert.match(form, new RegExp(`name="place_${l}"`), `the form has the place in ${l}`);
  const fields = Object.fromEntries(LANGS.map((l) => [`place_${l}`, PLACE[l]]));
  const res = await post(admin, href, { title_en: 'Meeting with a place', ...fields, place_draft_ar: '1' });
  assert.equal(res.status, 303, await res.text());
  const got = await jsonOf(admin.fetch(`/api/v1/meetings/${meeting.id}?lang=zh`));
  assert.deepEqual(got.places, PLACE);
  assert.equal(got.place, '日内瓦');
  assert.equal(got.states.place.ar, 'draft');
  assert.equal(got.states.place.fr, 'final');
  const page = await (await new Client(server.url).fetch(`/ru/meetings/${meeting.id}`)).text();
  assert.ok(page.includes('Женева'), 'the Russian page shows the Russian place');
});

test('PATCH /api/v1/meetings/{id} takes the place; refusals name it, the form\'s in the reader\'s language', async () => {
  const ok = await jsonOf(patch(admin, `/api/v1/meetings/${meeting.id}`,
    { place: { ...PLACE, es: 'Ginebra (Suiza)' }, states: { place: { es: 'draft' } } }));
  assert.equal(ok.place.es, 'Ginebra (Suiza)');
  assert.equal(ok.states.place.es, 'draft');
  const bad = await patch(admin, `/api/v1/meetings/${meeting.id}`, { place: { en: 'x'.repeat(501) } });
  assert.equal(bad.status, 413, 'too long');
  assert.match((await bad.json()).error.field, /^place/);
  const bad2 = await admin.json('/api/v1/meetings', { body: 'cwg-internet', number: 78, starts_on: '2027-03-02',
    timezone: 'Europe/Zurich', mode: 'physical', places: 'Geneva', states: { place: { zh: 'draft' } } });
  assert.equal(bad2.status, 400);
  assert.equal((await bad2.json()).error.field, 'states.place.zh');
  const refused = await post(admin, `/ar/admin/translations/meeting/${meeting.id}`, { place_en: 'y'.repeat(501), place_fr: 'Gardé' });
  assert.equal(refused.status, 413);
  const html = await refused.text();
  assert.match(html, /id="t-place-en"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="t-place-en"/);
  assert.match(html, /المكان/);
  assert.ok(html.includes('Gardé'), 'what was typed is kept');
});
