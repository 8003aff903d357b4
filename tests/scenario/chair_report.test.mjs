// The working group Chair's report generated from the record (GET /bodies/{key}/chair-report and
// its JSON twin) against the real report it imitates: seed 001, the CWG-Internet Chair's report
// to Council 2022 (C22/51, Chinese).
//
// Stored and generated. The demo (src/demo/demo_corpus.json) stores the seed's own texts of the
// terms of reference (section 1), of the actions (2.5.1 …) and of the consultation's questions:
// they are not compared with the seed here, only where they are placed. Generated from the
// record, and tested: the numbering, the meetings and their dates, the resolutions cited, the
// approval and distribution of the meetings' reports, the contributions and the consultations'
// figures (compared with the seed by meaning: which meeting, which stakeholder type, how many),
// taking note, the thanks and the signature (compared with sentences written by hand from the
// seed's). A sentence whose facts are not on record is left out: the last tests remove the facts
// over the API and check that the sentences go.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startServer, Client } from '../lib/server.mjs';

const SEEDS = resolve(import.meta.dirname, '../../testdata/seeds');
const seed = readFileSync(join(SEEDS, readdirSync(SEEDS).find((f) => f.startsWith('001_'))), 'utf8');

let server, anon, staff;
before(async () => {
  server = await startServer();
  anon = new Client(server.url);
  staff = await new Client(server.url).login();
});
after(async () => { await server?.stop(); });

const PATH = '/bodies/cwg-internet/chair-report?meetings=16,17';

// The visible text of an HTML page, one line per block.
function text(html) {
  return html.replace(/<(script|style)[\s\S]*?<\/\1>/g, '').replace(/<\/(p|li|div|h\d)>/g, '\n')
    .replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&quot;|&#34;/g, '"').replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}
// "2022年1月19日至20日", "2022年1月19–20日" and "2022年1月19-20日" are the same range.
const normDates = (s) => s.replace(/(\d+)日?\s*[-–—至]\s*(\d+)日/g, '$1-$2日');
// Stakeholder phrases of the seed and of the generator, to type keys.
const TYPES = [[/政府/, 'government'], [/私营部门|公司/, 'private_sector'], [/行业协会/, 'industry_association'],
  [/民间社会/, 'civil_society'], [/国际组织/, 'international_organization'], [/学术|技术界/, 'academia_technical'],
  [/个人/, 'individual']];
// Every "收到了N份回复（来自…）" of a text → [{total, by: {type: n}}].
function responses(s) {
  return [...s.matchAll(/(\d+)份回复（来自([^）]+)）/g)].map(([, total, list]) => {
    const by = {};
    for (const part of list.split(/、|和/)) {
      const m = part.match(/(\d+)\D*?(\S+)/);
      const type = TYPES.find(([re]) => re.test(part));
      assert.ok(m && type, `unrecognised stakeholder phrase "${part}"`);
      by[type[1]] = (by[type[1]] || 0) + Number(m[1]);
    }
    return { total: Number(total), by };
  });
}
// Registered and attended figures of the open consultation meetings, with "more than" (多).
function participation(s) {
  return [...s.matchAll(/(\d+)(多)?名注册与会者和(\d+)(多)?名/g)]
    .map(([, r, rm, a, am]) => ({ registered: Number(r), registered_more: !!rm, attended: Number(a), attended_more: !!am }));
}
const ordinalsOf = (s) => [...s.matchAll(/第([一二三四五六七八九十百]+)次/g)].map((m) => m[1]);

test('the Chinese report carries the meetings, dates, figures, actions, resolutions and Chair of seed 001', async () => {
  const res = await anon.fetch('/zh' + PATH);
  assert.equal(res.status, 200);
  const html = await res.text();
  const page = text(html);
  const json = await (await anon.fetch('/api/v1' + PATH + '&lang=zh')).json();
  assert.equal(json.lang, 'zh');

  // Title and summary: the same meetings, the same dates.
  assert.match(json.title, /理事会国际互联网相关公共政策问题工作组（CWG-Internet）主席的报告/);
  const seedSummary = seed.slice(seed.indexOf('概要'), seed.indexOf('需采取的行动'));
  assert.deepEqual(ordinalsOf(seedSummary), ['十六', '十七']);
  assert.deepEqual(ordinalsOf(json.summary), ordinalsOf(seedSummary));
  for (const date of normDates(seedSummary).match(/\d{4}年\d+月[\d-]+日/g)) {
    assert.ok(normDates(json.summary).includes(date), `summary lacks ${date}: ${json.summary}`);
    assert.ok(normDates(page).includes(date), `page lacks ${date}`);
  }
  assert.deepEqual(normDates(seedSummary).match(/\d{4}年\d+月[\d-]+日/g), ['2021年9月23日', '2022年1月19-20日']);
  assert.equal(json.action_required, '请理事会将本报告记录在案。');

  // Resolutions cited: the seed's references block and the generated one name the same ones.
  const resNumbers = (s) => [...s.matchAll(/第(\d+)号/g)].map((m) => Number(m[1])).sort((a, b) => a - b);
  const seedRefs = seed.slice(seed.indexOf('参考文件'), seed.indexOf('1\t引言'));
  assert.deepEqual(resNumbers(json.references.join('；')), resNumbers(seedRefs));
  assert.deepEqual(resNumbers(json.references.join('；')), [102, 140, 1305, 1336]);
  for (const n of [102, 140]) assert.match(html, new RegExp(`href="/zh/resolutions/pp/${n}"`));
  for (const n of [1305, 1336]) assert.match(html, new RegExp(`href="/zh/resolutions/council/${n}"`));

  // Sections 1–3 with their numbered paragraphs.
  assert.deepEqual(json.sections.map((s) => s.number), ['1', '2', '3']);
  const intro = json.sections[0].paragraphs;
  // The terms of reference are stored one paragraph a line; their numbering is generated.
  assert.deepEqual(intro.map((p) => p.number), ['1.1', '1.2', '1.3', '1.4']);
  assert.equal(intro[1].items.length, 3);
  const activities = json.sections[1].paragraphs;
  const para = (n) => activities.find((p) => p.number === n)?.text ?? '';

  // 2.1: the meetings, virtual, on the seed's dates.
  assert.match(para('2.1'), /以虚拟方式举行/);
  assert.ok(normDates(para('2.1')).includes('2021年9月23日') && normDates(para('2.1')).includes('2022年1月19-20日'));
  // 2.2 and 2.3 of the seed, with the ordinals listed once ("第十六次和第十七次会议").
  assert.equal(para('2.2'), '该组已批准CWG-Internet第十六次和第十七次会议的报告。');
  assert.equal(para('2.3'), 'CWG-Internet第十六次和第十七次会议的报告已分发给国际电联所有成员和积极参加这项工作的相关国际组织和利益攸关各方。');

  // Contributions received by each meeting: 5 and 3 in the seed and in the report.
  const contributions = (s) => [...s.matchAll(/第([一二三四五六七八九十]+)次会议收到(\d+)份文稿/g)].map((m) => [m[1], Number(m[2])]);
  assert.deepEqual(contributions(seed), [['十六', 5], ['十七', 3]]);
  assert.deepEqual(contributions(para('2.4') + para('2.6')), contributions(seed));

  // The consultations' figures, stakeholder breakdowns and open consultation meetings.
  const seedResponses = responses(seed);
  assert.deepEqual(seedResponses.map((r) => r.total), [17, 20]);
  assert.deepEqual(responses(para('2.4') + para('2.6')), seedResponses);
  const seedParticipation = participation(seed);
  assert.deepEqual(seedParticipation, [
    { registered: 150, registered_more: true, attended: 75, attended_more: true },
    { registered: 111, registered_more: false, attended: 60, attended_more: true }]);
  assert.deepEqual(participation(para('2.4') + para('2.6')), seedParticipation);
  assert.match(para('2.4'), /2021年9月20日/);
  assert.match(para('2.6'), /2022年1月11日/);

  // The actions each meeting approved, as numbered sub-paragraphs.
  const seedActions = [...seed.matchAll(/^(2\.\d+\.\d+)\t/gm)].map((m) => m[1]);
  assert.deepEqual(seedActions, ['2.5.1', '2.5.2', '2.5.3', '2.7.1', '2.7.2', '2.7.3']);
  const generated = activities.flatMap((p) => (p.paragraphs || []).map((s) => s.number));
  assert.deepEqual(generated, seedActions);
  assert.equal(para('2.5'), '该组在CWG-Internet第十六次会议上批准的行动包括：');
  assert.equal(para('2.7'), '该组在CWG-Internet第十七次会议上批准的行动包括：');
  // 2.5.1 launches the next consultation: its questions follow, as the seed lists them.
  const seedQuestions = seed.slice(seed.indexOf('2.5.1\t'), seed.indexOf('2.5.2\t')).match(/^•\t.+$/gm);
  const questions = activities.find((p) => p.number === '2.5').paragraphs[0].items;
  assert.equal(questions.length, seedQuestions.length);
  assert.equal(questions.length, 4);
  for (const n of seedActions) assert.match(html, new RegExp(`id="para-${n.replace(/\./g, '-')}"`));

  // Conclusions and the signature of the Chair.
  const conclusions = json.sections[2].paragraphs;
  assert.deepEqual(conclusions.map((p) => p.number), ['3.1', '3.2']);
  assert.equal(conclusions[0].text, '请理事会将CWG-Internet第十六次和第十七次会议的报告记录在案。');
  // 3.2 of the seed: the Member States that contributed, then the Vice-Chairs, the Secretary-General,
  // the Deputy, the Directors and the General Secretariat with the group's Secretary.
  assert.equal(conclusions[1].text, '主席代表CWG-Internet向所有提交文稿并参与工作组工作的国际电联成员国表示感谢，' +
    '并对副主席、秘书长、副秘书长、三局主任和总秘书处（包括秘书Sadhvi Saran）在这些会议期间的高效协助表示感谢。');
  const chair = seed.match(/主席：(.+)/)[1].trim();
  assert.equal(chair, 'Majed M. Al-Mazyed');
  assert.equal(json.signature.chair, chair);
  assert.ok(page.includes('主席：' + chair), 'page carries the signature');
  assert.match(json.signature.text, /沙特阿拉伯/);
});

test('English is complete; the other languages render, with the honest fallback for stored texts', async () => {
  const en = await (await anon.fetch('/api/v1' + PATH + '&lang=en')).json();
  assert.equal(en.title, 'Report by the Chair of the Council Working Group on International Internet-related Public Policy Issues (CWG-Internet)');
  assert.match(en.summary, /16th and 17th meetings .* held on 23 September 2021 and from 19 to 20 January 2022 in accordance with Resolution 102 \(Rev\. Dubai, 2018\)/);
  const para = (n) => en.sections[1].paragraphs.find((p) => p.number === n).text;
  assert.match(para('2.4'), /received 5 contributions\..*17 responses.*more than 150 registered participants/);
  assert.match(para('2.6'), /received 3 contributions\..*20 responses.*111 registered participants/);
  assert.ok(en.sections.flatMap((s) => s.paragraphs).every((p) => p.lang === 'en' && !p.fallback));
  assert.equal(en.signature.text, 'Chair: Majed M. Al-Mazyed\n(Saudi Arabia)');

  // The demo's terms of reference are in the six languages: each reader gets their own.
  for (const lang of ['fr', 'es', 'ru', 'ar']) {
    const json = await (await anon.fetch(`/api/v1${PATH}&lang=${lang}`)).json();
    assert.equal(json.sections[0].paragraphs[0].fallback, false, lang);
    assert.equal(json.sections[0].paragraphs[0].lang, lang);
  }
  // Given in Chinese and English only, as the seed has them, they are shown in English in the
  // other languages, marked as such once, at the head of their section.
  const officers = await (await anon.fetch('/api/v1/bodies/cwg-internet/officers')).json();
  const { en: torEn, zh: torZh } = officers.terms_of_reference;
  const put = await staff.fetch('/api/v1/bodies/cwg-internet/officers', { method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ terms_of_reference: { en: torEn, zh: torZh } }) });
  assert.equal(put.status, 200);
  for (const lang of ['fr', 'es', 'ru', 'ar']) {
    const res = await anon.fetch(`/${lang}${PATH}`);
    assert.equal(res.status, 200, lang);
    const html = await res.text();
    assert.doesNotMatch(html, /\[chair_report/, lang);
    assert.match(html, /<div class="para" id="para-1-1" lang="en" dir="ltr"/, lang);
    assert.match(html, /<p class="note untranslated-note">[^<]+<\/p>\n<div class="para" id="para-1-1"/, lang);
    const json = await (await anon.fetch(`/api/v1${PATH}&lang=${lang}`)).json();
    assert.equal(json.sections[0].paragraphs[0].fallback, true);
    assert.equal(json.sections[0].paragraphs[0].lang, 'en');
    assert.equal(json.sections[1].paragraphs[0].lang, lang);
  }
  assert.match(await (await anon.fetch('/ar' + PATH)).text(), /<html lang="ar" dir="rtl">/);
});

test('bad input: unknown body, malformed or unknown meetings, bad language', async () => {
  let res = await anon.fetch('/api/v1/bodies/no-such-body/chair-report?meetings=16');
  assert.equal(res.status, 404);
  res = await anon.fetch('/en/bodies/no-such-body/chair-report?meetings=16');
  assert.equal(res.status, 404);
  for (const q of ['abc', '16,abc', '', '16,,17', '0']) {
    res = await anon.fetch('/api/v1/bodies/cwg-internet/chair-report?meetings=' + encodeURIComponent(q));
    assert.equal(res.status, 400, q);
    const { error } = await res.json();
    assert.equal(error.field, 'meetings', q);
    assert.match(error.message, /^meetings: /, q);
  }
  res = await anon.fetch('/api/v1/bodies/cwg-internet/chair-report');
  assert.equal(res.status, 400);
  res = await anon.fetch('/en/bodies/cwg-internet/chair-report?meetings=abc');
  assert.equal(res.status, 400);
  assert.match(await res.text(), /Give the numbers of meetings of this group that have taken place/);
  res = await anon.fetch('/zh/bodies/cwg-internet/chair-report?meetings=abc');
  assert.equal(res.status, 400);
  assert.match(await res.text(), /请填写本组已举行会议的编号/);
  // The pages above set the reader's language (Chinese): the API's message follows it, its field
  // does not; a client that chose no language reads the English rule.
  res = await anon.fetch('/api/v1/bodies/cwg-internet/chair-report?meetings=16,99');
  assert.equal(res.status, 404);
  const { error } = await res.json();
  assert.equal(error.field, 'meetings');
  assert.equal(error.message, '请填写本组已举行会议的编号，以逗号分隔（例如16,17）。');
  res = await fetch(server.url + '/api/v1/bodies/cwg-internet/chair-report?meetings=16,99');
  assert.equal(res.status, 404);
  assert.match((await res.json()).error.message, /no meeting numbered 99/);
  res = await anon.fetch('/api/v1/bodies/cwg-internet/chair-report?meetings=16&lang=xx');
  assert.equal(res.status, 400);
  assert.equal((await res.json()).error.field, 'lang');
});

test('without meetings the page offers a form; the body page links to it', async () => {
  let res = await anon.fetch('/en/bodies/cwg-internet/chair-report');
  assert.equal(res.status, 200);
  assert.match(await res.text(), /<input type="text" id="meetings" name="meetings" value="16,17"/);
  res = await anon.fetch('/en/bodies/cwg-internet');
  assert.match(await res.text(), /href="\/en\/bodies\/cwg-internet\/chair-report"/);
});

test('the secretariat updates the officers: validated, audited, shown in the report', async () => {
  const put = (client, body, headers = {}) => client.fetch('/api/v1/bodies/cwg-internet/officers', {
    method: 'PUT', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  let res = await put(anon, { chair: { name: 'Someone' } });
  assert.equal(res.status, 401);
  const forged = new Client(server.url);  // the staff session's cookie, a wrong CSRF token
  forged.cookies = new Map(staff.cookies);
  res = await forged.fetch('/api/v1/bodies/cwg-internet/officers', {
    method: 'PUT', headers: { 'content-type': 'application/json', 'x-csrf-token': 'wrong' }, body: '{}' });
  assert.equal(res.status, 403);
  for (const [body, field] of [
    [{ chair: { name: '' } }, 'chair.name'],
    [{ chair: { name: 'A', member_state: 'Saudi Arabia' } }, 'chair.member_state'],
    [{ references: [{ instrument: 'pp', number: 4242 }] }, 'references[0]'],
    [{ terms_of_reference: { tlh: 'x' } }, 'terms_of_reference'],
    [{ chiar: {} }, 'chiar']]) {
    res = await put(staff, body);
    assert.equal(res.status, 400, JSON.stringify(body));
    assert.equal((await res.json()).error.field, field);
  }
  res = await anon.fetch('/api/v1/bodies/cwg-internet/officers');
  assert.equal((await res.json()).chair.name, 'Majed M. Al-Mazyed', 'refused updates changed nothing');

  res = await put(staff, { chair: { name: 'Amina Diallo', member_state: 'SN' },
    terms_of_reference: { fr: 'Le Conseil a créé le groupe par la Résolution 1336 (Rév. 2019) du Conseil.' } });
  assert.equal(res.status, 200);
  const rec = await res.json();
  assert.equal(rec.chair.member_state, 'SN');
  assert.equal(rec.references.length, 4, 'members absent from the request are kept');
  const fr = await (await anon.fetch('/api/v1' + PATH + '&lang=fr')).json();
  assert.equal(fr.signature.text, 'Le Président\u00a0: Amina Diallo\n(Sénégal)');
  assert.equal(fr.sections[0].paragraphs[0].fallback, false);
  const audit = await (await staff.fetch('/api/v1/audit')).json();
  assert.ok(audit.items.some((e) => e.action === 'body.update_officers'));
  res = await put(staff, { chair: null });
  assert.equal((await res.json()).chair, null);
  assert.equal((await (await anon.fetch('/api/v1' + PATH)).json()).signature, null);
});

test('no record, no sentence: distribution, approval, Vice-Chairs and support removed over the API', async () => {
  const zh = async () => (await anon.fetch('/api/v1' + PATH + '&lang=zh')).json();
  const en = async () => (await anon.fetch('/api/v1' + PATH + '&lang=en')).json();
  const ids = Object.fromEntries((await zh()).meetings.map((m) => [m.number, m.id]));
  const put = (client, path, body) => client.fetch(path, {
    method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  assert.deepEqual(await (await anon.fetch(`/api/v1/meetings/${ids[16]}/report`)).json(),
    { approved: true, distribution: 'itu_members_and_stakeholders' });
  assert.equal((await put(anon, `/api/v1/meetings/${ids[16]}/report`, { approved: false })).status, 401);
  for (const [body, field] of [[{ approved: 'no' }, 'approved'], [{ distribution: 'all' }, 'distribution'], [{ sent: true }, 'sent']]) {
    const res = await put(staff, `/api/v1/meetings/${ids[16]}/report`, body);
    assert.equal(res.status, 400, JSON.stringify(body));
    assert.equal((await res.json()).error.field, field);
  }
  assert.equal((await put(staff, '/api/v1/meetings/999999/report', { approved: true })).status, 404);

  // No distribution on record: no sentence, and the paragraphs close up.
  for (const id of [ids[16], ids[17]])
    assert.equal((await put(staff, `/api/v1/meetings/${id}/report`, { distribution: null })).status, 200);
  let report = await zh();
  const numbers = (r) => r.sections[1].paragraphs.map((p) => p.number);
  assert.deepEqual(numbers(report), ['2.1', '2.2', '2.3', '2.4', '2.5', '2.6']);
  assert.ok(report.sections[1].paragraphs.every((p) => !p.text.includes('分发')));
  assert.ok((await en()).sections[1].paragraphs.every((p) => !p.text.includes('distributed')));

  // The 16th meeting's report not approved: only the 17th is named, in 2.2 and in 3.1.
  assert.equal((await put(staff, `/api/v1/meetings/${ids[16]}/report`, { approved: false })).status, 200);
  report = await en();
  assert.equal(report.sections[1].paragraphs[1].text, 'The group approved the report of the 17th meeting of CWG-Internet.');
  assert.equal(report.sections[2].paragraphs[0].text, 'The Council is invited to take note of the report of the 17th meeting of CWG-Internet.');

  // No Vice-Chairs and no support on record (the Chair was removed above: restore one).
  const res = await put(staff, '/api/v1/bodies/cwg-internet/officers', { chair: { name: 'Amina Diallo', member_state: 'SN' },
    vice_chairs: [], supported_by: [], secretary: null });
  assert.equal(res.status, 200);
  report = await zh();
  assert.equal(report.sections[2].paragraphs[1].text, '主席代表CWG-Internet向所有提交文稿并参与工作组工作的国际电联成员国表示感谢。');
  report = await en();
  assert.equal(report.sections[2].paragraphs[1].text,
    'On behalf of CWG-Internet, the Chair thanks all ITU Member States that submitted contributions and took part in the work of the group.');
  const page = await (await anon.fetch('/en' + PATH)).text();
  assert.doesNotMatch(page, /Vice-Chair/);
  const fr = await (await anon.fetch('/api/v1' + PATH + '&lang=fr')).json();
  assert.equal(fr.sections[2].paragraphs[1].text, 'Au nom du GTC-Internet, le Président remercie tous les États Membres de l’UIT ' +
    'qui ont soumis des contributions et participé aux travaux du groupe.');

  // No resolution on record: no References heading on the page.
  assert.equal((await put(staff, '/api/v1/bodies/cwg-internet/officers', { references: [] })).status, 200);
  assert.doesNotMatch(await (await anon.fetch('/en' + PATH)).text(), /id="references"/);
  const audit = await (await staff.fetch('/api/v1/audit?limit=100')).json();
  assert.ok(audit.items.some((e) => e.action === 'meeting.report'));
});
