// Mass campaigns: near-identical responses are grouped as they arrive, moderated as a whole,
// and counted separately in the statistics and the report.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, isoFromNow, jsonOf } from '../lib/server.mjs';

let server, anon, staff;
before(async () => {
  server = await startServer();
  anon = new Client(server.url);
  staff = await new Client(server.url).login();
});
after(async () => { await server?.stop(); });

const A = 'We urge the working group to protect an open, free and interoperable Internet. Access is a human right and must not be restricted by governments. Net neutrality must be preserved for all users everywhere.';
const B = '互联网应当保持开放和安全。各国政府应当加强合作，共同应对网络安全威胁。数据中心应当使用可再生能源，减少对环境的影响。';
const unique = [
  'Our association measured the energy use of rural networks and found that solar power halves the cost of base stations.',
  'La régulation des centres de données devrait tenir compte de la chaleur résiduelle et de sa réutilisation urbaine.',
  'Las redes comunitarias en América Latina necesitan espectro asequible y apoyo para la formación técnica local.',
];

async function waitGrouped() {
  for (let i = 0; i < 100; i++) {
    if (/plenary_campaign_lag 0\b/.test(await (await anon.fetch('/metrics')).text())) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('campaign tracker did not catch up');
}

test('campaign copies with signatures and edits are grouped, moderated and counted', async () => {
  const c = await jsonOf(staff.json('/api/v1/consultations', { key: 'campaign-test', body: 'cwg-internet',
    title: 'Campaign test', questions: ['Your views?'], opens_at: isoFromNow(-60), deadline: isoFromNow(3600) }));
  const send = (text, i) => anon.json(`/api/v1/consultations/${c.id}/responses`, { name: `Person ${i}`, country: 'CH',
    stakeholder_type: 'individual', email: `p${i}@example.org`, general: text, consent_publish: true });
  const texts = [
    ...[0, 1, 2, 3, 4].map((i) => `Dear colleagues,\n${A}\nSincerely, Person ${i}, Geneva`),
    ...[0, 1, 2, 3].map((i) => (i % 2 ? B : B.split('。').reverse().join('。')) + `\n此致，第${i}位公民`),
    ...unique,
  ];
  for (const [i, t] of texts.entries()) assert.equal((await send(t, i)).status, 201);
  await waitGrouped();
  const list = await jsonOf(staff.fetch(`/api/v1/consultations/${c.id}/campaigns`));
  assert.deepEqual(list.items.map((k) => k.size), [5, 4]);
  assert.equal(list.min_size, 3);
  assert.equal((await anon.fetch(`/api/v1/consultations/${c.id}/campaigns`)).status, 401);

  const [a, b] = list.items;
  const rejected = await staff.json(`/api/v1/consultations/${c.id}/campaigns/${b.id}/reject`, { reason: 'Coordinated spam' });
  assert.equal((await rejected.json()).changed, 4);
  const published = await jsonOf(staff.json(`/api/v1/consultations/${c.id}/campaigns/${a.id}/publish`, {}));
  assert.deepEqual({ changed: published.changed, published: published.published }, { changed: 5, published: 5 });
  assert.equal((await staff.json(`/api/v1/consultations/${c.id}/campaigns/999999/accept`, {})).status, 404);

  const stats = await jsonOf(anon.fetch(`/api/v1/consultations/${c.id}/statistics`));
  assert.equal(stats.responses.total, 8);  // 4 rejected copies are not counted
  assert.deepEqual(stats.responses.campaigns, { texts: 1, copies: 5 });
  const report = await (await anon.fetch(`/api/v1/consultations/${c.id}/report?lang=en&campaigns=separate`)).text();
  assert.match(report, /8 responses .* Of these, 5 responses are copies of 1 campaign text\./);
  const plain = await (await anon.fetch(`/api/v1/consultations/${c.id}/report?lang=en`)).text();
  assert.ok(!plain.includes('campaign'));
  const pub = await jsonOf(anon.fetch(`/api/v1/consultations/${c.id}/responses`));
  assert.equal(pub.total, 5);
});
