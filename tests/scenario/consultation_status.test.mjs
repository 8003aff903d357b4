// Scenario test of a consultation's lifecycle over HTTP: open → close → reopen → close →
// publish results, through the API and through the desk's confirmation pages, with every
// refusal; and the bug it replaces: saving the summary with "publish" ticked on an open
// consultation turned it to "Results published" for good.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, jsonOf, isoFromNow } from '../lib/server.mjs';

let server, staff, anon;
before(async () => {
  // No demo: the home page then lists only this test's consultation.
  server = await startServer({ demo: false });
  staff = await new Client(server.url).login();
  anon = new Client(server.url);
  await jsonOf(staff.json('/api/v1/bodies', { key: 'wg', acronym: 'WG', name: { en: 'Working group' },
    membership: 'open' }), 201);
});
after(async () => { await server?.stop(); });

const TITLE = 'Lifecycle of a test consultation';
const status = async (id) => (await jsonOf(anon.fetch(`/api/v1/consultations/${id}`))).status;
// A desk form post (urlencoded, with the session's CSRF token in the form).
const form = (path, fields) => staff.fetch(path, { method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams({ csrf: staff.csrf, ...fields }).toString() });
const refusal = async (res, code, field, words) => {
  const body = await res.json();
  assert.equal(res.status, code, JSON.stringify(body));
  assert.equal(body.error.field, field, JSON.stringify(body));
  assert.match(body.error.message, words);
};
const answer = (id) => anon.json(`/api/v1/consultations/${id}/responses`, { name: 'Ama Owusu', country: 'GH',
  stakeholder_type: 'civil_society', email: 'ama@example.net', language: 'en', answers: { 1: 'An answer.' } });

// The public page and the home page both say the consultation is open.
async function assertOpenInPublic(id) {
  const page = await (await anon.fetch(`/en/consultations/${id}`)).text();
  assert.match(page, /class="status status-open"/);
  assert.doesNotMatch(page, /has passed/);
  assert.match(page, new RegExp(`action="/en/consultations/${id}/responses"`), 'the response form is there');
  const home = await (await anon.fetch('/en/')).text();
  assert.ok(home.includes(TITLE), 'listed as open on the home page');
  assert.ok(!home.includes('No consultation is open at the moment.'));
  assert.equal(await listedUnder(TITLE), 'current');
}

// The section of the consultations page ("Open and upcoming" or "Closed") that lists a title.
async function listedUnder(title) {
  const page = await (await anon.fetch('/en/consultations')).text();
  const sections = [...page.matchAll(/<section aria-labelledby="(\w+)">\s*<h2 id="\1">([^<]*)<\/h2>([\s\S]*?)<\/section>/g)];
  const found = sections.filter((m) => m[3].includes(title));
  assert.equal(found.length, 1, `listed once: ${sections.map((m) => m[2])}`);
  assert.equal(found[0][2], { current: 'Open and upcoming', past: 'Closed' }[found[0][1]]);
  if (found[0][1] === 'past') assert.match(page, /No consultation is open at the moment\./);
  return found[0][1];
}

test('the whole cycle, each step by its own action, and every refusal', async () => {
  const c = await jsonOf(staff.json('/api/v1/consultations', { key: 'cycle', body: 'wg', title: { en: TITLE },
    questions: [{ en: 'First?' }], opens_at: isoFromNow(-3600), deadline: isoFromNow(7 * 86400), timezone: 'UTC' }), 201);
  assert.equal(c.status, 'open');

  // The original bug, on the desk: the summary saved with "publish" ticked (as the old form sent it).
  let res = await form(`/en/admin/consultations/${c.id}/summary`, { summary_en: 'Draft summary.', publish: 'yes' });
  assert.equal(res.status, 303);
  assert.match(res.headers.get('location'), /\?done=summary$/);
  assert.equal(await status(c.id), 'open');
  await assertOpenInPublic(c.id);
  // And on the API: "publish": true is refused and saves nothing; without it the text is saved.
  await refusal(await staff.json(`/api/v1/consultations/${c.id}/summary`, { summary: { en: 'Other text.' }, publish: true }),
    409, 'publish', /publish-results/);
  const saved = await jsonOf(staff.json(`/api/v1/consultations/${c.id}/summary`, { summary: { en: 'Participants discussed.' } }));
  assert.equal(saved.status, 'open');
  assert.equal(saved.summary, null, 'not public before the results are published');
  await assertOpenInPublic(c.id);

  // What makes no sense for an open consultation: 409 with a sentence saying why.
  await refusal(await staff.json(`/api/v1/consultations/${c.id}/publish-results`, {}), 409, 'status', /close it before/);
  await refusal(await staff.json(`/api/v1/consultations/${c.id}/open`, {}), 409, 'status', /already open/);
  await refusal(await staff.json(`/api/v1/consultations/${c.id}/reopen`, { reason: 'x', deadline: isoFromNow(86400) }),
    409, 'status', /extend its deadline/);
  assert.equal(await status(c.id), 'open');

  // Close on the desk: the first post only shows what will happen; nothing changes until confirmed.
  res = await form(`/en/admin/consultations/${c.id}/close`, {});
  assert.equal(res.status, 200);
  const confirmPage = await res.text();
  assert.match(confirmPage, /Close this consultation now\?/);
  assert.match(confirmPage, /Responses will no longer be accepted/);
  assert.match(confirmPage, /name="confirm" value="yes"/);
  assert.equal(await status(c.id), 'open');
  res = await form(`/en/admin/consultations/${c.id}/close`, { confirm: 'yes' });
  assert.equal(res.status, 303);
  assert.match(res.headers.get('location'), /^\/en\/admin\/consultations\/\d+\?done=closed$/);
  assert.equal(await status(c.id), 'closed');
  assert.equal(await listedUnder(TITLE), 'past');
  assert.equal((await answer(c.id)).status, 409);
  await refusal(await staff.json(`/api/v1/consultations/${c.id}/close`, {}), 409, 'status', /already closed/);
  await refusal(await staff.json(`/api/v1/consultations/${c.id}/open`, {}), 409, 'status', /reopen it/);
  // A refused desk post goes back to the desk page with the reason, and changes nothing.
  res = await form(`/en/admin/consultations/${c.id}/close`, { confirm: 'yes' });
  assert.equal(res.status, 303);
  assert.match(decodeURIComponent(res.headers.get('location')), /error=status: the consultation is already closed/);

  // Reopen: a reason is required (400 naming it); the reason joins the deadline history.
  await refusal(await staff.json(`/api/v1/consultations/${c.id}/reopen`, { deadline: isoFromNow(86400) }), 400, 'reason', /reason/);
  await refusal(await staff.json(`/api/v1/consultations/${c.id}/reopen`, { reason: 'More time.', deadline: isoFromNow(-60) }),
    400, 'deadline', /future/);
  assert.equal(await status(c.id), 'closed');
  const reopened = await jsonOf(staff.json(`/api/v1/consultations/${c.id}/reopen`,
    { reason: { en: 'Member States asked for more time.' }, deadline: isoFromNow(86400) }));
  assert.equal(reopened.status, 'open');
  assert.equal(reopened.deadline_history.at(-1).reason, 'Member States asked for more time.');
  assert.equal((await answer(c.id)).status, 201);
  await assertOpenInPublic(c.id);

  // Close again, then publish the results on the desk, with its confirmation.
  assert.equal((await jsonOf(staff.json(`/api/v1/consultations/${c.id}/close`, {}))).status, 'closed');
  res = await form(`/en/admin/consultations/${c.id}/publish-results`, {});
  assert.equal(res.status, 200);
  assert.match(await res.text(), /This cannot be undone/);
  assert.equal(await status(c.id), 'closed');
  res = await form(`/en/admin/consultations/${c.id}/publish-results`, { confirm: 'yes' });
  assert.equal(res.status, 303);
  assert.match(res.headers.get('location'), /\?done=results_published$/);
  const published = await jsonOf(anon.fetch(`/api/v1/consultations/${c.id}`));
  assert.equal(published.status, 'published');
  assert.equal(published.summary, 'Participants discussed.');
  assert.ok((await (await anon.fetch(`/en/consultations/${c.id}`)).text()).includes('Participants discussed.'));
  // Final: nothing moves it any more; saving the summary still works and keeps it published.
  for (const action of ['open', 'close', 'publish-results'])
    await refusal(await staff.json(`/api/v1/consultations/${c.id}/${action}`, {}), 409, 'status', /can no longer change/);
  await refusal(await staff.json(`/api/v1/consultations/${c.id}/reopen`, { reason: 'x', deadline: isoFromNow(86400) }),
    409, 'status', /can no longer change/);
  const edited = await jsonOf(staff.json(`/api/v1/consultations/${c.id}/summary`, { summary: { en: 'Corrected.' }, publish: true }));
  assert.equal(edited.status, 'published');
  assert.equal(edited.summary, 'Corrected.');

  // Every step left its audit entry.
  const audit = await jsonOf(staff.fetch('/api/v1/audit'));
  const actions = audit.items.filter((e) => e.object_type === 'consultation' && e.object_id === c.id).map((e) => e.action);
  for (const a of ['consultation.close', 'consultation.reopen', 'consultation.publish_results'])
    assert.ok(actions.includes(a), `${a} in ${actions}`);
  assert.ok(!actions.includes('consultation.publish_summary'));
});

test('an upcoming consultation opens by its action, after confirmation on the desk', async () => {
  const c = await jsonOf(staff.json('/api/v1/consultations', { key: 'later', body: 'wg', title: { en: 'Later topic' },
    questions: [{ en: 'First?' }], opens_at: isoFromNow(86400), deadline: isoFromNow(7 * 86400), timezone: 'UTC' }), 201);
  assert.equal(c.status, 'upcoming');
  await refusal(await staff.json(`/api/v1/consultations/${c.id}/close`, {}), 409, 'status', /not open yet/);
  await refusal(await staff.json(`/api/v1/consultations/${c.id}/publish-results`, {}), 409, 'status', /not open yet/);
  let res = await form(`/en/admin/consultations/${c.id}/open`, {});
  assert.equal(res.status, 200);
  assert.match(await res.text(), /Open this consultation now\?/);
  assert.equal(await status(c.id), 'upcoming');
  res = await form(`/en/admin/consultations/later/open`, { confirm: 'yes' });
  assert.equal(res.status, 303);
  assert.equal(res.headers.get('location'), '/en/admin/consultations/later?done=opened');
  assert.equal(await status(c.id), 'open');
  // Anonymous callers and other roles cannot move a status (the matrix probes every role).
  assert.equal((await anon.json(`/api/v1/consultations/${c.id}/close`, {})).status, 401);
  assert.equal(await status(c.id), 'open');
});
