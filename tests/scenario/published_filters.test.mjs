// Readers filter the published responses by stakeholder type, country and language, through
// the API and the page (the count of matches, the choices kept, the Next link keeping them);
// a bad filter is refused naming it; unpublished responses never appear, whatever the filter.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, jsonOf } from '../lib/server.mjs';

let server, anon, staff, consultation;
const refs = {};
before(async () => {
  server = await startServer();
  anon = new Client(server.url);
  staff = await new Client(server.url).login();
  consultation = await jsonOf(anon.fetch('/api/v1/consultations/ai-public-policy'));
  // Palau and Kiribati: no demo response comes from them.
  for (const [key, country, stakeholder_type, language, publish] of [['pw-fr', 'PW', 'civil_society', 'fr', true],
    ['pw-en', 'PW', 'government', 'en', true], ['ki-en', 'KI', 'civil_society', 'en', true], ['pw-hidden', 'PW', 'civil_society', 'fr', false]]) {
    const body = { name: `Respondent ${key}`, country, stakeholder_type, language, email: `${key}@example.org`,
      general: `A response from ${country}.`, consent_publish: true };
    refs[key] = (await jsonOf(anon.json('/api/v1/consultations/ai-public-policy/responses', body), 201)).reference;
  }
  const queue = await jsonOf(staff.fetch('/api/v1/consultations/ai-public-policy/moderation?per_page=200'));
  const ids = ['pw-fr', 'pw-en', 'ki-en'].map((k) => queue.items.find((r) => r.reference === refs[k]).id);
  await jsonOf(staff.json(`/api/v1/consultations/${consultation.id}/moderate`, { responses: ids, action: 'accept' }));
  await jsonOf(staff.json(`/api/v1/consultations/${consultation.id}/publish`, {}));
});
after(async () => { await server?.stop(); });

const published = (qs) => jsonOf(anon.fetch(`/api/v1/consultations/ai-public-policy/responses?per_page=200&${qs}`));
const got = (page) => page.items.map((r) => r.reference).sort();

test('the published list narrows by stakeholder type, country and language', async () => {
  let page = await published('country=PW');
  assert.deepEqual(got(page), [refs['pw-fr'], refs['pw-en']].sort());
  assert.equal(page.total, 2);
  assert.deepEqual(got(await published('country=PW&language=fr')), [refs['pw-fr']]);
  assert.deepEqual(got(await published('country=PW&stakeholder_type=government')), [refs['pw-en']]);
  assert.deepEqual(got(await published('country=KI&stakeholder_type=civil_society&language=en')), [refs['ki-en']]);
  // A status or confirmed filter does not open the unpublished ones.
  assert.deepEqual(got(await published('country=PW&status=received')), [refs['pw-fr'], refs['pw-en']].sort());
  // Walking with the cursor keeps the filter.
  const first = await jsonOf(anon.fetch('/api/v1/consultations/ai-public-policy/responses?per_page=1&country=PW'));
  assert.equal(first.items.length, 1);
  const second = await jsonOf(anon.fetch(`/api/v1/consultations/ai-public-policy/responses?per_page=1&country=PW&after=${first.next}`));
  assert.equal(second.items.length, 1);
  assert.notEqual(second.items[0].reference, first.items[0].reference);
  assert.ok([refs['pw-fr'], refs['pw-en']].includes(second.items[0].reference));
  for (const [qs, field] of [['country=XX', 'country'], ['language=de', 'language'], ['stakeholder_type=nobody', 'stakeholder_type']]) {
    const res = await anon.fetch(`/api/v1/consultations/ai-public-policy/responses?${qs}`);
    assert.equal(res.status, 400, qs);
    assert.equal((await res.json()).error.field, field);
  }
});

test('the published responses page filters and says how many match', async () => {
  const html = await (await anon.fetch(`/en/consultations/${consultation.id}/responses?country=PW`)).text();
  assert.ok(html.includes(refs['pw-fr']) && html.includes(refs['pw-en']));
  assert.ok(!html.includes(refs['ki-en']) && !html.includes(refs['pw-hidden']));
  assert.match(html, /<p role="status">Responses shown: 2<\/p>/);
  assert.match(html, /<option value="PW" selected>Palau<\/option>/);
  const ar = await (await anon.fetch(`/ar/consultations/${consultation.id}/responses?country=PW&language=fr`)).text();
  assert.match(ar, /<p role="status">الردود المعروضة: 1<\/p>/);
  assert.equal((await anon.fetch(`/en/consultations/${consultation.id}/responses?language=de`)).status, 400);
});

test('each answer shows its question\'s text in the reader\'s language; the page links the exports', async () => {
  const c = await jsonOf(anon.fetch('/api/v1/consultations/environment'));
  assert.ok(c.questions.length >= 2, 'the demo consultation has questions');
  for (const lang of ['zh', 'en']) {
    const page = await (await anon.fetch(`/${lang}/consultations/environment/responses`)).text();
    const shown = [...page.matchAll(/<p class="question"[^>]*><span[^>]*>([^<]*)<\/span><\/p>/g)].map((m) => m[1]);
    assert.ok(shown.length >= 1, `${lang}: answers carry their question`);
    const texts = c.questions.map((q) => q.texts[lang]);
    for (const t of shown) assert.ok(texts.includes(t.replaceAll('&#39;', "'").replaceAll('&quot;', '"').replaceAll('&amp;', '&')), `${lang}: "${t}" is a question of the consultation`);
    for (const [ext, type] of [['csv', /^text\/csv/], ['xlsx', /spreadsheetml/], ['json', /^application\/json/]]) {
      const href = `/api/v1/consultations/${c.id}/responses.${ext}`;
      assert.ok(page.includes(`href="${href}"`), `${lang}: links ${ext}`);
      const res = await anon.fetch(href);
      assert.equal(res.status, 200, href);
      assert.match(res.headers.get('content-type'), type);
      await res.arrayBuffer();
    }
  }
});
