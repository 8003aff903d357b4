// Errors people can act on in the page forms of a negotiated text: a proposal, informal
// consultations, their report back, the provision under discussion and the adoption, each posted
// with a bad value in Chinese or Arabic. The text's page must come back (not an error page) with
// the refusal's status, the sentence naming the field by the label the form shows next to it
// (its <label for>), next to the field (aria-invalid, aria-describedby), in the summary that
// takes the focus, and what was typed kept. The same checks as desk_errors.test.mjs. A revision
// refused (a passage missing in one language) is said in the summary of the text's page; so is
// an adoption or a revision posted from a page that showed a version the text is no longer at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, jsonOf } from '../lib/server.mjs';

const PASSWORD = 'a long enough password for tests';
let server, staff, ch, t, p, later, informal, item5, council;

before(async () => {
  server = await startServer();
  staff = await new Client(server.url).login();
  const u = await jsonOf(staff.json('/api/v1/users', { email: 'ch@forms.example.int', name: 'Facilitator CH',
    role: 'delegate', member_state: 'CH', password: PASSWORD }), 201);
  ch = { id: u.id };
  const { items } = await jsonOf(staff.fetch('/api/v1/meetings'));
  council = items.find((m) => m.kind === 'plenary' && m.session === 'C22' && m.number === 8);
  assert.ok(council, 'the demo has the Council 2022 plenary');
  item5 = (await jsonOf(staff.fetch(`/api/v1/meetings/${council.id}/agenda`))).items.find((i) => i.number === '5');
  assert.ok(item5, 'its item 5 (referred to informal consultations)');
  later = await jsonOf(staff.json('/api/v1/meetings', { body: 'council', kind: 'plenary', session: 'C22', number: 12,
    title: { en: '12th plenary meeting of the Council 2022' }, starts_on: '2022-03-31', ends_on: '2022-03-31',
    timezone: 'Europe/Zurich', mode: 'hybrid', place: { en: 'Geneva' } }), 201);
  t = await jsonOf(staff.json('/api/v1/texts', { document: 'C22/32(Rev.1)', agenda_item: item5.id,
    title: { en: 'Draft guidelines (forms)', zh: '导则草案（表格）' }, languages: ['en', 'zh', 'ar'] }), 201);
  p = await jsonOf(staff.json(`/api/v1/texts/${t.id}/provisions`, { kind: 'paragraph',
    text: { en: 'Member States shall report.', zh: '成员国应报告。', ar: 'تقدم الدول الأعضاء تقارير.' } }), 201);
  informal = await jsonOf(staff.json(`/api/v1/texts/${t.id}/informal`, { provisions: [p.id], facilitator: ch.id,
    member_state: 'CH', report_to_meeting: later.id, deadline: '2022-03-30' }), 201);
});
after(async () => { await server?.stop(); });

const unescape = (s) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

async function submit(path, fields) {
  const res = await staff.fetch(path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrf: staff.csrf, ...fields }) });
  return { status: res.status, html: await res.text() };
}

function assertActionable(html, id, typed, lang) {
  const label = html.match(new RegExp(`<label for="${id}"[^>]*>([\\s\\S]*?)</label>`))?.[1];
  assert.ok(label, `the form has a label for #${id}`);
  const words = unescape(label.replace(/<[^>]+>/g, '')).replace(/\s*[(（][^)）]*[)）]\s*$/, '').trim();
  const message = html.match(new RegExp(`<p class="field-error" id="${id}-error">([^<]*)</p>`))?.[1];
  assert.ok(message, `a message next to #${id}`);
  assert.ok(unescape(message).includes(words), `the message "${message}" names the field as its label does: "${words}"`);
  assert.doesNotMatch(message, /\b[a-z_]+: |required|must be|[a-z]+_[a-z]+/, 'no field code or English rule');
  if (lang === 'zh') assert.match(message, /[\u4e00-\u9fff]/, 'in Chinese');
  if (lang === 'ar') assert.match(message, /[\u0600-\u06ff]/, 'in Arabic');
  const summary = html.match(/<div class="error-summary"[^>]*autofocus[^>]*>[\s\S]*?<\/div>/)?.[0];
  assert.ok(summary, 'the summary that takes the focus');
  assert.equal(html.match(/id="error-summary"/g).length, 1, 'one summary on the page');
  assert.ok(summary.includes(`<a href="#${id}">`), `the summary links to #${id}`);
  const tag = html.match(new RegExp(`<(?:input|select|textarea)[^>]*\\bid="${id}"[^>]*>`))?.[0];
  assert.ok(tag, `the input #${id}`);
  assert.match(tag, /aria-invalid="true"/);
  assert.match(tag, new RegExp(`aria-describedby="[^"]*\\b${id}-error\\b`));
  for (const x of typed) assert.ok(html.includes(x), `what was typed is kept: "${x}"`);
}

// [name, lang, the post, the input, the typed texts, the status]
const cases = [
  ['a proposal without its justification', 'zh', () => submit(`/zh/texts/${t.id}/proposals`, {
    provision: String(p.id), member_state: 'CN', kind: 'replace', lang: 'en', start: '0', end: '14',
    text: 'Typed proposal words', justification: '' }), 'pr-just', ['Typed proposal words', 'value="CN"'], 400],
  ['informal consultations on a label that is no provision', 'ar', () => submit(`/ar/texts/${t.id}/informal`, {
    provisions: '9.z', facilitator: String(ch.id), member_state: 'CH', report_to_meeting: String(later.id),
    deadline: '2022-03-29' }), 'in-prov', () => ['value="9.z"', 'value="2022-03-29"', `value="${ch.id}"`], 400],
  ['a report back on an item of another meeting', 'zh', () => submit(`/zh/informal/${informal.id}/report`, {
    agenda_item: String(item5.id), lang: 'en', text: 'Typed report of the facilitator' }),
    () => `rp-item-${informal.id}`, () => ['Typed report of the facilitator', `value="${item5.id}"`], 400],
  ['the provision under discussion: not a number', 'ar', () => submit(`/ar/texts/${t.id}/under-discussion`, {
    provision: 'abc' }), 'ud-provision', [], 400],
  ['an adoption without the confirmation ticked', 'zh', () => submit(`/zh/texts/${t.id}/adopt`, {
    meeting: String(later.id), decision: '424242', resolution: '1777' }), 'ad-confirm',
    ['value="424242"', 'value="1777"'], 400],
];

for (const [name, lang, post, id, typed, status] of cases) {
  test(`${name} (${lang})`, async () => {
    const answer = await post();
    assert.equal(answer.status, status, 'the refusal\'s status, the form shown again');
    assertActionable(answer.html, typeof id === 'function' ? id() : id, typeof typed === 'function' ? typed() : typed, lang);
  });
}

test('a revision refused while a language lacks a bracket\'s passage: the text\'s page says why (zh)', async () => {
  await jsonOf(staff.json(`/api/v1/provisions/${p.id}/brackets`, { lang: 'en', start: 0, end: 14 }), 201);
  const { status, html } = await submit(`/zh/texts/${t.id}/revisions`, {});
  assert.equal(status, 409);
  const summary = html.match(/<div class="error-summary"[^>]*autofocus[^>]*>[\s\S]*?<\/div>/)?.[0];
  assert.ok(summary, 'the summary that takes the focus, on the text\'s page');
  assert.equal(html.match(/id="error-summary"/g).length, 1);
  assert.match(summary, /[\u4e00-\u9fff]/, 'in Chinese');
  assert.doesNotMatch(summary.replace(/<[^>]+>/g, ''), /\b(brackets|provision|passage)\b/, 'no English rule');
  assert.ok(html.includes(`action="/zh/texts/${t.id}/revisions"`), 'the text\'s page with its forms');
});

// The version the adoption and revision forms of the text's page carry (the text as it showed it).
const versionOf = (html, action) => html.match(new RegExp(`<form method="post" action="${action}"[^>]*>[\\s\\S]*?</form>`))?.[0]
  ?.match(/name="version" value="(\d+)"/)?.[1];

for (const [what, lang, action, fields, typed] of [
  ['an adoption', 'ar', 'adopt', (d) => ({ meeting: String(council.id), decision: String(d.id), resolution: '1777', confirm: 'yes' }),
    (d) => [`value="${d.id}"`, 'value="1777"']],
  ['a revision', 'zh', 'revisions', () => ({}), () => []],
]) {
  test(`${what} posted from a page showing an older version: refused, nothing done, the text as it stands (${lang})`, async () => {
    const d = await jsonOf(staff.json(`/api/v1/agenda-items/${item5.id}/decisions`, { kind: 'took_note' }), 201);
    const path = `/${lang}/texts/${t.id}/${action}`;
    const shown = versionOf(await (await staff.fetch(`/${lang}/texts/${t.id}`)).text(), path);
    assert.ok(shown, `the form of ${what} carries the version the page shows`);
    const before = await jsonOf(staff.fetch(`/api/v1/texts/${t.id}`));
    assert.equal(String(before.version), shown);
    // Someone edits the text meanwhile.
    await jsonOf(staff.fetch(`/api/v1/provisions/${p.id}`, { method: 'PATCH', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ version: before.version, text: { en: `Member States shall report every ${lang === 'ar' ? 'year' : 'month'}.` } }) }));
    const { status, html } = await submit(path, { version: shown, ...fields(d) });
    assert.equal(status, 409);
    const summary = html.match(/<div class="error-summary"[^>]*autofocus[^>]*>[\s\S]*?<\/div>/)?.[0];
    assert.ok(summary, 'the summary that takes the focus, on the text\'s page');
    const now = (await jsonOf(staff.fetch(`/api/v1/texts/${t.id}`)));
    assert.equal(now.version, before.version + 1, 'only the edit changed the text');
    assert.equal(now.status, 'draft');
    assert.equal(now.revisions.length, before.revisions.length, 'no revision issued');
    assert.ok(summary.includes(String(now.version)), 'the summary names the version the text is at now');
    if (lang === 'zh') assert.match(summary, /[\u4e00-\u9fff]/, 'in Chinese');
    if (lang === 'ar') assert.match(summary, /[\u0600-\u06ff]/, 'in Arabic');
    assert.doesNotMatch(summary.replace(/<[^>]+>/g, ''), /\bversion\b|someone/i, 'no English rule');
    assert.equal(versionOf(html, path), String(now.version), 'the form now carries the version shown');
    assert.ok(html.includes(`every ${lang === 'ar' ? 'year' : 'month'}`), 'the page shows the text as it stands');
    for (const x of typed(d)) assert.ok(html.includes(x), `what was typed is kept: "${x}"`);
  });
}
