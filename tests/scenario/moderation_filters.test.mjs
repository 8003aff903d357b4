// The moderators' filters: status, stakeholder type, country, language and confirmed address,
// through the API and the desk's page (the count of matches, the choices kept), and each bad
// filter refused with 400 naming it.
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
  // Nauru and Tuvalu: no demo response comes from them.
  for (const [key, country, stakeholder_type, language] of [['nr-fr', 'NR', 'civil_society', 'fr'],
    ['nr-en', 'NR', 'government', 'en'], ['tv-en', 'TV', 'civil_society', 'en']]) {
    const body = { name: `Respondent ${key}`, country, stakeholder_type, language, email: `${key}@example.org`,
      general: `A response from ${country}.`, consent_publish: true };
    refs[key] = (await jsonOf(anon.json('/api/v1/consultations/ai-public-policy/responses', body), 201)).reference;
  }
});
after(async () => { await server?.stop(); });

const moderation = (qs) => jsonOf(staff.fetch(`/api/v1/consultations/ai-public-policy/moderation?per_page=200&${qs}`));
const got = (page) => page.items.map((r) => r.reference).sort();

test('each filter narrows the moderation list, alone or together', async () => {
  let page = await moderation('country=NR');
  assert.deepEqual(got(page), [refs['nr-fr'], refs['nr-en']].sort());
  assert.equal(page.total, 2);
  page = await moderation('country=NR&language=fr');
  assert.deepEqual(got(page), [refs['nr-fr']]);
  page = await moderation('country=NR&stakeholder_type=government');
  assert.deepEqual(got(page), [refs['nr-en']]);
  page = await moderation('stakeholder_type=civil_society&language=en&country=TV');
  assert.deepEqual(got(page), [refs['tv-en']]);
  // Anonymous responses wait for their address to be confirmed.
  assert.equal((await moderation('country=NR&confirmed=yes')).total, 0);
  assert.equal((await moderation('country=NR&confirmed=no')).total, 2);
  // Status together with the others.
  const nrEn = (await moderation('country=NR&language=en')).items[0];
  await jsonOf(staff.json(`/api/v1/responses/${nrEn.id}/accept`, {}));
  assert.deepEqual(got(await moderation('country=NR&status=received')), [refs['nr-fr']]);
  assert.deepEqual(got(await moderation('country=NR&status=accepted')), [refs['nr-en']]);
  // Empty values are no filter.
  const all = await moderation('country=&language=&status=');
  assert.ok(all.total >= 3);
});

test('a bad filter is refused naming it', async () => {
  for (const [qs, field] of [['country=XX', 'country'], ['country=nr', 'country'], ['language=de', 'language'],
    ['confirmed=maybe', 'confirmed'], ['status=waiting', 'status'], ['stakeholder_type=nobody', 'stakeholder_type']]) {
    const res = await staff.fetch(`/api/v1/consultations/ai-public-policy/moderation?${qs}`);
    assert.equal(res.status, 400, qs);
    assert.equal((await res.json()).error.field, field, qs);
  }
  assert.equal((await staff.fetch(`/en/admin/consultations/${consultation.id}?language=de`)).status, 400);
});

test('the desk page filters, says how many match and keeps the choices', async () => {
  const html = await (await staff.fetch(`/en/admin/consultations/${consultation.id}?country=NR&language=fr`)).text();
  assert.ok(html.includes(refs['nr-fr']));
  assert.ok(!html.includes(refs['nr-en']) && !html.includes(refs['tv-en']));
  assert.match(html, /<p role="status">Responses shown: 1<\/p>/);
  assert.match(html, /<option value="NR" selected>Nauru<\/option>/);
  assert.match(html, /<option value="fr" lang="fr" selected>Français<\/option>/);
  const zh = await (await staff.fetch(`/zh/admin/consultations/${consultation.id}?country=NR`)).text();
  assert.match(zh, /<p role="status">符合条件的回复：2<\/p>/);
  assert.match(zh, /<label for="f-country">国家<\/label>/);
  // The counts and the unconfirmed addresses are two sentences, each ended (written by hand).
  assert.match(html, /\d+ published\. (Every response has a confirmed e-mail address\.|\d+ responses? awaits? e-mail confirmation\.)/);
  assert.match(zh, /已公布\d+份。(所有回复的电子邮件地址均已确认。|有\d+份回复等待确认电子邮件地址。)/);
});
