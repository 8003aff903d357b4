// The moderators' filter by campaign: the stored campaign groupings (campaign_assignments, replayed
// by the CampaignTracker) narrow the moderation list of the API and the desk's page, alone and
// with the other filters; an unknown campaign is refused naming it; the desk's bulk action keeps
// the filter (the confirmation page carries it, and the list comes back filtered).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, isoFromNow, jsonOf } from '../lib/server.mjs';

let server, anon, staff, c, campaignA, campaignB;
const refs = { a: [], b: [], other: [] };

const A = 'We urge the working group to protect an open, free and interoperable Internet. Access is a human right and must not be restricted by governments. Net neutrality must be preserved for all users everywhere.';
const B = '互联网应当保持开放和安全。各国政府应当加强合作，共同应对网络安全威胁。数据中心应当使用可再生能源，减少对环境的影响。';

async function waitGrouped() {
  for (let i = 0; i < 100; i++) {
    if (/plenary_campaign_lag 0\b/.test(await (await anon.fetch('/metrics')).text())) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('campaign tracker did not catch up');
}

before(async () => {
  server = await startServer();
  anon = new Client(server.url);
  staff = await new Client(server.url).login();
  c = await jsonOf(staff.json('/api/v1/consultations', { key: 'campaign-filter', body: 'cwg-internet',
    title: 'Campaign filter', questions: ['Your views?'], opens_at: isoFromNow(-60), deadline: isoFromNow(3600) }), 201);
  const send = async (text, i, country) => (await jsonOf(anon.json(`/api/v1/consultations/${c.id}/responses`, {
    name: `Person ${i}`, country, stakeholder_type: 'individual', email: `p${i}@example.org`, general: text,
    consent_publish: true }), 201)).reference;
  for (const i of [0, 1, 2, 3]) refs.a.push(await send(`Dear colleagues,\n${A}\nSincerely, Person ${i}`, i, i < 2 ? 'CH' : 'GH'));
  for (const i of [4, 5, 6]) refs.b.push(await send(`${B}\n此致，第${i}位公民`, i, 'CN'));
  refs.other.push(await send('Our association measured the energy use of rural networks and found that solar power halves the cost of base stations.', 7, 'CH'));
  await waitGrouped();
  const list = await jsonOf(staff.fetch(`/api/v1/consultations/${c.id}/campaigns`));
  assert.deepEqual(list.items.map((k) => k.size), [4, 3]);
  [campaignA, campaignB] = list.items;
});
after(async () => { await server?.stop(); });

const moderation = (qs) => jsonOf(staff.fetch(`/api/v1/consultations/${c.id}/moderation?per_page=200&${qs}`));
const got = (page) => page.items.map((r) => r.reference).sort();

test('the API filters by campaign, alone and with the other filters, and pages through it', async () => {
  let page = await moderation(`campaign=${campaignA.id}`);
  assert.deepEqual(got(page), [...refs.a].sort());
  assert.equal(page.total, 4);
  page = await moderation(`campaign=${campaignB.id}`);
  assert.deepEqual(got(page), [...refs.b].sort());
  page = await moderation(`campaign=${campaignA.id}&country=GH`);
  assert.deepEqual(got(page), [refs.a[2], refs.a[3]].sort());
  assert.equal(page.total, 2);
  assert.equal((await moderation(`campaign=${campaignA.id}&country=CN`)).total, 0);
  // Pages of one: the total stays, each page holds the next match in the list's order.
  const seen = [];
  for (const n of [1, 2, 3, 4]) {
    const p = await jsonOf(staff.fetch(`/api/v1/consultations/${c.id}/moderation?per_page=1&page=${n}&campaign=${campaignA.id}`));
    assert.equal(p.total, 4);
    assert.equal(p.items.length, 1);
    seen.push(p.items[0].reference);
  }
  assert.deepEqual(seen, refs.a, 'in the order they were received');
  // Status with campaign.
  const first = (await moderation(`campaign=${campaignA.id}`)).items[0];
  await jsonOf(staff.json(`/api/v1/responses/${first.id}/accept`, {}));
  assert.equal((await moderation(`campaign=${campaignA.id}&status=accepted`)).total, 1);
  assert.equal((await moderation(`campaign=${campaignA.id}&status=received`)).total, 3);
  // The public list has no campaign filter: it is ignored there, as status is.
  const pub = await anon.fetch(`/api/v1/consultations/${c.id}/responses?campaign=${campaignA.id}`);
  assert.equal(pub.status, 200);
});

test('an unknown or malformed campaign is refused naming it', async () => {
  for (const qs of ['campaign=999999', 'campaign=abc', 'campaign=0', `campaign=${refs.other.length ? 1 : 1}x`]) {
    const res = await staff.fetch(`/api/v1/consultations/${c.id}/moderation?${qs}`);
    assert.equal(res.status, 400, qs);
    assert.equal((await res.json()).error.field, 'campaign', qs);
  }
  // Another consultation's campaign is not this one's.
  const other = await jsonOf(staff.fetch('/api/v1/consultations/ai-public-policy'));
  const res = await staff.fetch(`/api/v1/consultations/${other.id}/moderation?campaign=${campaignA.id}`);
  assert.equal(res.status, 400);
  assert.equal((await staff.fetch(`/zh/admin/consultations/${c.id}?campaign=999999`)).status, 400);
});

test('the desk page filters by campaign and its bulk action keeps the filter', async () => {
  for (const [lang, label] of [['en', 'Campaign'], ['zh', '运动'], ['ar', 'الحملة']]) {
    const html = await (await staff.fetch(`/${lang}/admin/consultations/${c.id}?campaign=${campaignB.id}`)).text();
    assert.match(html, new RegExp(`<label for="f-campaign">${label}</label>`));
    const select = html.match(/<select id="f-campaign"[\s\S]*?<\/select>/)?.[0];
    assert.ok(select, 'the campaign filter is on the page');
    assert.match(select, new RegExp(`<option value="${campaignB.id}" selected>`));
    assert.match(select, new RegExp(`<option value="${campaignA.id}">`));
    for (const ref of refs.b) assert.ok(html.includes(`id="m-${ref}"`), `${ref} listed`);
    for (const ref of [...refs.a, ...refs.other]) assert.ok(!html.includes(`id="m-${ref}"`), `${ref} not listed`);
    assert.match(html, new RegExp(`<input type="hidden" name="f_campaign" value="${campaignB.id}">`), 'the bulk form carries the filter');
  }
  // Bulk reject two of campaign B from the filtered list: the confirmation carries the filter,
  // and after confirming, the list comes back filtered.
  const page = await jsonOf(staff.fetch(`/api/v1/consultations/${c.id}/moderation?campaign=${campaignB.id}`));
  const ids = page.items.slice(0, 2).map((r) => String(r.id));
  const body = new URLSearchParams({ csrf: staff.csrf, action: 'reject', reason: 'Copies', f_campaign: String(campaignB.id), f_country: 'CN' });
  for (const id of ids) body.append('ids[]', id);
  const confirm = await staff.fetch(`/en/admin/consultations/${c.id}/bulk`, { method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
  assert.equal(confirm.status, 200);
  const confirmHtml = await confirm.text();
  assert.match(confirmHtml, new RegExp(`<input type="hidden" name="f_campaign" value="${campaignB.id}">`));
  // The filters in the list's own order (status, type, country, language, confirmed, campaign).
  assert.match(confirmHtml, new RegExp(`href="/en/admin/consultations/${c.id}\\?country=CN&amp;campaign=${campaignB.id}"`));
  body.set('confirm', 'yes');
  const done = await staff.fetch(`/en/admin/consultations/${c.id}/bulk`, { method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
  assert.equal(done.status, 303);
  const location = done.headers.get('location');
  assert.match(location, new RegExp(`^/en/admin/consultations/${c.id}\\?done=bulk_reject&country=CN&campaign=${campaignB.id}#list-notice$`));
  const back = await (await staff.fetch(location)).text();
  assert.match(back, new RegExp(`<option value="${campaignB.id}" selected>`), 'the list comes back filtered');
  assert.equal((await moderation(`campaign=${campaignB.id}&status=rejected`)).total, 2);
  // A bad filter in the bulk form is left out of the way back, never echoed.
  body.set('f_country', 'XX');
  const bad = await staff.fetch(`/en/admin/consultations/${c.id}/bulk`, { method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
  assert.equal(bad.status, 303);
  assert.doesNotMatch(bad.headers.get('location'), /XX|campaign=/);
});
