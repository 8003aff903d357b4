// A bracket is one open question in every language version of a provision, over HTTP: the
// passages of Chinese and Arabic are added to the English bracket (`question`), a passage with
// another number of alternatives is refused with 400 naming `alternatives` and changes nothing,
// a revision is refused (409) while Arabic lacks its passage and issued once it has it,
// resolving the question in English resolves it in Chinese and Arabic too, and the demo's 2.b
// and 6.c are one question each with a passage in each of the six languages; brackets nest the
// same way in every language (a passage nesting otherwise is refused with 400 start, and deleting
// the words around a bracket waits for the outer passage in each language of the inner one).
// Expected texts are written by hand.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, jsonOf } from '../lib/server.mjs';

let server, staff, item5;

before(async () => {
  server = await startServer();
  staff = await new Client(server.url).login();
  const { items } = await jsonOf(staff.fetch('/api/v1/meetings'));
  const council = items.find((m) => m.kind === 'plenary' && m.session === 'C22' && m.number === 8);
  assert.ok(council, 'the demo has the Council 2022 plenary');
  const agenda = await jsonOf(staff.fetch(`/api/v1/meetings/${council.id}/agenda`));
  item5 = agenda.items.find((i) => i.number === '5');
  assert.ok(item5, 'the plenary has an item 5');
});
after(async () => { await server?.stop(); });

const send = (method, path, body) => staff.fetch(path, { method,
  headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const text = (id, q = '') => jsonOf(staff.fetch(`/api/v1/texts/${id}${q}`));

const WORDS = {
  en: 'The Council shall review these guidelines every four years.',
  zh: '理事会应每四年审议本导则。',
  ar: 'يستعرض المجلس هذه المبادئ التوجيهية كل أربع سنوات.',
};
// [start, end) of "every four years" in each language, and its two alternatives.
const PASSAGE = {
  en: [42, 58, ['every four years', 'after each Plenipotentiary Conference']],
  zh: [4, 7, ['每四年', '在每届全权代表大会之后']],
  ar: [36, 49, ['كل أربع سنوات', 'بعد كل مؤتمر للمندوبين المفوضين']],
};

test('one question in English, Chinese and Arabic: added, refused, holding back a revision, resolved at once', async () => {
  const t = await jsonOf(staff.json('/api/v1/texts', { document: 'C22/32(Rev.1)',
    agenda_item: item5.id, title: { en: 'Draft guidelines' }, languages: ['en', 'zh', 'ar'] }), 201);
  await jsonOf(staff.json(`/api/v1/texts/${t.id}/provisions`, { kind: 'section',
    text: { en: 'Review', zh: '审议', ar: 'الاستعراض' } }), 201);
  const p = await jsonOf(staff.json(`/api/v1/texts/${t.id}/provisions`, { text: WORDS }), 201);
  const [s, e, alternatives] = PASSAGE.en;
  const en = await jsonOf(staff.json(`/api/v1/provisions/${p.id}/brackets`, { lang: 'en',
    start: s, end: e, alternatives, proposed_by: 'CN', supported_by: ['RU'] }), 201);
  assert.equal(en.question, en.id, 'a new bracket is its own question');

  // Chinese with no alternatives where English has two: 400 naming the field, nothing changed.
  const before = await text(t.id);
  const mismatch = await send('POST', `/api/v1/provisions/${p.id}/brackets`, { question: en.id,
    lang: 'zh', start: PASSAGE.zh[0], end: PASSAGE.zh[1] });
  assert.equal(mismatch.status, 400);
  const err = (await mismatch.json()).error;
  assert.equal(err.field, 'alternatives');
  assert.match(err.message, /2 alternatives in en/);
  const unchanged = await text(t.id);
  assert.equal(unchanged.version, before.version);
  assert.equal(unchanged.provisions[1].brackets.length, 1);

  const zh = await jsonOf(staff.json(`/api/v1/provisions/${p.id}/brackets`, { question: en.id,
    lang: 'zh', start: PASSAGE.zh[0], end: PASSAGE.zh[1], alternatives: PASSAGE.zh[2] }), 201);
  assert.equal(zh.question, en.id);
  assert.equal(zh.proposed_by, 'CN', 'the question\'s Member States');
  assert.deepEqual(zh.supported_by, ['RU']);
  // A second Chinese passage of the same question: 400 naming lang.
  const twice = await send('POST', `/api/v1/provisions/${p.id}/brackets`, { question: zh.id,
    lang: 'zh', start: 0, end: 3, alternatives: ['a', 'b'] });
  assert.equal(twice.status, 400);
  assert.equal((await twice.json()).error.field, 'lang');

  // One question, not two; Arabic lacks its passage and holds back the revision.
  const status = await text(t.id, '?view=status&lang=en');
  assert.equal(status.open_brackets, 1);
  assert.equal(status.provisions[1].open_brackets, 1);
  assert.deepEqual(status.provisions[1].missing_passages, [{ question: en.id, lang: 'ar' }]);
  assert.deepEqual(status.missing_passages, [{ provision: p.id, label: '1.a', question: en.id,
    lang: 'ar', bracketed_in: ['en', 'zh'] }]);
  assert.equal(status.sentence, 'Only one provision retains square brackets (1.a).');
  const refused = await send('POST', `/api/v1/texts/${t.id}/revisions`, {});
  assert.equal(refused.status, 409);
  const why = (await refused.json()).error;
  assert.equal(why.field, 'brackets');
  assert.match(why.message, /provision 1\.a has no passage in ar/);
  // In the reader's language, naming the provision and the language (the label isolated in
  // right-to-left text).
  for (const [lang, sentence] of [
    ['zh', '条款1.a的阿拉伯文文本缺少其一个未解决方括号的相应文字：请先加上，再发布修订版或通过案文。'],
    ['ar', 'ينقص الحكمَ \u20681.a\u2069 في النص باللغة العربية مقطعُ أحد أقواسه المعقوفة المفتوحة: أضِفه قبل إصدار تنقيح أو اعتماد النص.']]) {
    const r = await send('POST', `/api/v1/texts/${t.id}/revisions?lang=${lang}`, {});
    assert.equal(r.status, 409);
    const e = (await r.json()).error;
    assert.equal(e.field, 'brackets');
    assert.equal(e.message, sentence, lang);
  }
  assert.equal((await text(t.id)).revisions.length, 0);

  const ar = await jsonOf(staff.json(`/api/v1/provisions/${p.id}/brackets`, { question: en.id,
    lang: 'ar', start: PASSAGE.ar[0], end: PASSAGE.ar[1], alternatives: PASSAGE.ar[2] }), 201);
  assert.deepEqual((await text(t.id, '?view=status')).missing_passages, []);
  const rev = await jsonOf(staff.json(`/api/v1/texts/${t.id}/revisions`, {}), 201);
  assert.equal(rev.document.symbol, 'C22/32(Rev.2)');

  // Resolved in English: Chinese and Arabic take their alternative 2 in the same change.
  const v = (await text(t.id)).version;
  const resolved = await jsonOf(staff.json(`/api/v1/brackets/${en.id}/resolve`, {
    outcome: 'alternative', alternative: 2 }));
  assert.equal(resolved.version, v + 1);
  assert.deepEqual(resolved.provision_text, {
    en: 'The Council shall review these guidelines after each Plenipotentiary Conference.',
    zh: '理事会应在每届全权代表大会之后审议本导则。',
    ar: 'يستعرض المجلس هذه المبادئ التوجيهية بعد كل مؤتمر للمندوبين المفوضين.',
  });
  const after = await text(t.id);
  const states = Object.fromEntries(after.provisions[1].brackets.map((b) => [b.id, b.state]));
  assert.deepEqual(states, { [en.id]: 'agreed', [zh.id]: 'agreed', [ar.id]: 'agreed' });
  assert.equal(after.open_brackets, 0);
  const again = await send('POST', `/api/v1/brackets/${ar.id}/resolve`, { outcome: 'retain' });
  assert.equal(again.status, 409);
});

test('the demo\'s 2.b and 6.c are one question each with a passage in each of the six languages', async () => {
  const { items } = await jsonOf(staff.fetch('/api/v1/texts?document=C22/32(Rev.1)'));
  const demo = items.find((x) => x.open_brackets === 2);
  assert.ok(demo, 'the demo text with two provisions in brackets');
  const t = await text(demo.id);
  for (const label of ['2.b', '6.c']) {
    const p = t.provisions.find((x) => x.label === label);
    assert.ok(p, label);
    assert.equal(p.open_brackets, 1, label);
    assert.deepEqual(p.brackets.map((b) => b.lang).sort(), ['ar', 'en', 'es', 'fr', 'ru', 'zh'], label);
    assert.equal(new Set(p.brackets.map((b) => b.question)).size, 1, label);
  }
  const status = await text(demo.id, '?view=status&lang=zh');
  assert.equal(status.sentence, '仅有两个条款保留了方括号（2.b和6.c）。');
  assert.deepEqual(status.missing_passages, []);
});

const form = (path, fields) => staff.fetch(path, { method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams({ csrf: staff.csrf, ...fields }).toString() });

test('the page of the Arabic text offers the Arabic passage of an English bracket; a wrong count is said next to its field', async () => {
  const t = await jsonOf(staff.json('/api/v1/texts', { document: 'C22/32(Rev.1)',
    agenda_item: item5.id, title: { en: 'Draft guidelines' }, languages: ['en', 'zh', 'ar'] }), 201);
  const p = await jsonOf(staff.json(`/api/v1/texts/${t.id}/provisions`, { text: WORDS }), 201);
  const en = await jsonOf(staff.json(`/api/v1/provisions/${p.id}/brackets`, { lang: 'en',
    start: PASSAGE.en[0], end: PASSAGE.en[1], alternatives: PASSAGE.en[2] }), 201);
  const q = en.question;
  // The Arabic text's page says what is missing and offers the form; the English one does not.
  let page = await (await staff.fetch(`/ar/texts/${t.id}?lang=ar`)).text();
  assert.match(page, /class="bracket-note lacking"/);
  assert.match(page, new RegExp(`action="/ar/provisions/${p.id}/brackets\\?lang=ar"`));
  assert.match(page, new RegExp(`name="question" value="${q}"`));
  assert.match(page, /<bdi>every four years<\/bdi>/);
  assert.doesNotMatch(await (await staff.fetch(`/en/texts/${t.id}?lang=en`)).text(), /bracket-note lacking/);
  const status = await (await staff.fetch(`/zh/texts/${t.id}/status?lang=zh`)).text();
  assert.match(status, /<td class="lacking">阿拉伯文和中文<\/td>|<td class="lacking">中文和阿拉伯文<\/td>/);

  // One alternative where English has two: 400, in Chinese next to the field, typed kept.
  const fields = { version: String((await text(t.id)).version), question: String(q), lang: 'ar',
    words: 'كل أربع سنوات', alternatives: 'بعد كل مؤتمر للمندوبين المفوضين' };
  let res = await form(`/zh/provisions/${p.id}/brackets?lang=ar`, fields);
  assert.equal(res.status, 400);
  page = await res.text();
  assert.match(page, new RegExp(`<a href="#pq-${q}-alternatives">`));
  assert.match(page, new RegExp(`id="pq-${q}-alternatives-error">此方括号在其他语文中有2个备选案文`));
  assert.match(page, new RegExp(`id="pq-${q}-alternatives"[^>]*aria-invalid="true"`));
  assert.match(page, new RegExp(`id="pq-${q}-words"[^>]*value="كل أربع سنوات"`));
  assert.doesNotMatch(page, /has 2 alternatives/, 'no English rule on a Chinese page');
  assert.equal((await text(t.id)).provisions[0].brackets.length, 1, 'nothing changed');

  res = await form(`/ar/provisions/${p.id}/brackets?lang=ar`, { ...fields,
    alternatives: PASSAGE.ar[2].join('\n') });
  assert.equal(res.status, 303, await res.text());
  assert.equal(res.headers.get('location'), `/ar/texts/${t.id}?lang=ar#p${p.id}`);
  const ar = (await text(t.id)).provisions[0].brackets.find((b) => b.lang === 'ar');
  assert.equal(ar.question, q);
  assert.deepEqual([ar.start, ar.end], [PASSAGE.ar[0], PASSAGE.ar[1]]);
  assert.deepEqual(ar.alternatives, PASSAGE.ar[2]);

  // Resolving from the page: the confirmation shows the words of both languages and says that
  // the brackets go in every language at once; confirmed, both are resolved.
  const version = String((await text(t.id)).version);
  res = await form(`/zh/brackets/${en.id}/resolve`, { version, outcome: 'alternative-2' });
  assert.equal(res.status, 200);
  page = await res.text();
  assert.match(page, /方括号将在所有语文中同时解决：英文和阿拉伯文。/);
  assert.match(page, /<blockquote class="draft" lang="en" dir="ltr"><p>every four years<\/p>/);
  assert.match(page, /<blockquote class="draft" lang="ar" dir="rtl"><p>كل أربع سنوات<\/p>/);
  assert.equal(String((await text(t.id)).version), version, 'nothing changed before confirming');
  res = await form(`/zh/brackets/${en.id}/resolve`, { version, outcome: 'alternative-2', confirm: 'yes' });
  assert.equal(res.status, 303);
  const done = (await text(t.id)).provisions[0];
  assert.deepEqual(done.brackets.map((b) => b.state), ['agreed', 'agreed']);
  assert.equal(done.texts.ar, 'يستعرض المجلس هذه المبادئ التوجيهية بعد كل مؤتمر للمندوبين المفوضين.');
});

test('brackets nest the same way in every language: a passage nesting otherwise is refused, and deleting the words around a bracket waits for its passage where the inner one has its own', async () => {
  const t = await jsonOf(staff.json('/api/v1/texts', { document: 'C22/32(Rev.1)',
    agenda_item: item5.id, title: { en: 'Draft guidelines' }, languages: ['en', 'zh', 'ar'] }), 201);
  const p = await jsonOf(staff.json(`/api/v1/texts/${t.id}/provisions`, { text: WORDS }), 201);
  // The inner question on "every four years" in the three languages.
  const inner = await jsonOf(staff.json(`/api/v1/provisions/${p.id}/brackets`, { lang: 'en',
    start: PASSAGE.en[0], end: PASSAGE.en[1], alternatives: PASSAGE.en[2] }), 201);
  for (const lang of ['zh', 'ar'])
    await jsonOf(staff.json(`/api/v1/provisions/${p.id}/brackets`, { question: inner.id, lang,
      start: PASSAGE[lang][0], end: PASSAGE[lang][1], alternatives: PASSAGE[lang][2] }), 201);
  // The outer question, around it in English: "guidelines every four years".
  const outer = await jsonOf(staff.json(`/api/v1/provisions/${p.id}/brackets`, { lang: 'en',
    start: 31, end: 58 }), 201);
  const before = await text(t.id);

  // Its Chinese passage on "理事会" would lie apart from "每四年": 400 start, nothing changed.
  const apart = { question: outer.id, lang: 'zh', start: 0, end: 3 };
  // (The earlier pages set the reader's language: the rule in English is asked for.)
  let r = await send('POST', `/api/v1/provisions/${p.id}/brackets?lang=en`, apart);
  assert.equal(r.status, 400);
  let err = (await r.json()).error;
  assert.equal(err.field, 'start');
  assert.match(err.message, /^start: \[0, 3\) in zh lies apart from bracket \d+'s passage \[4, 7\), while in en the passage of bracket \d+ encloses it;/);
  for (const [lang, sentence] of [
    ['zh', '在英文文本中，此方括号的文字包含另一方括号的文字：请在本文本中作同样安排，因为方括号在各语文版本中的嵌套方式相同。'],
    ['ar', 'في النص باللغة الإنكليزية، تحيط كلمات هذا القوس المعقوف بكلمات قوس معقوف آخر: ضعها على النحو نفسه هنا، لأن الأقواس المعقوفة تتداخل بالطريقة نفسها في كل نسخة لغوية.']]) {
    r = await send('POST', `/api/v1/provisions/${p.id}/brackets?lang=${lang}`, apart);
    assert.equal(r.status, 400);
    assert.equal((await r.json()).error.message, sentence, lang);
  }
  // Deleting the outer words would take the inner question's English passage and leave its
  // Chinese and Arabic ones: 409 outcome until the outer question has its passages there.
  r = await send('POST', `/api/v1/brackets/${outer.id}/resolve?lang=en`, { outcome: 'delete' });
  assert.equal(r.status, 409);
  err = (await r.json()).error;
  assert.equal(err.field, 'outcome');
  assert.match(err.message, new RegExp(`^outcome: bracket ${inner.id} lies inside bracket ${outer.id} in en and has its passage in ar,`));
  r = await send('POST', `/api/v1/brackets/${outer.id}/resolve?lang=zh`, { outcome: 'delete' });
  assert.equal((await r.json()).error.message,
    '此方括号内的另一方括号在阿拉伯文文本中有相应文字，而此方括号在该文本中没有：请先加上此方括号的阿拉伯文文字，以便在所有语文中一并解决。');
  const unchanged = await text(t.id);
  assert.equal(unchanged.version, before.version);
  assert.deepEqual(unchanged.provisions[0].brackets.map((b) => [b.id, b.state]),
    before.provisions[0].brackets.map((b) => [b.id, b.state]));

  // From the Chinese text's page, the refusal is said in Chinese with what was typed kept.
  const fields = { csrf: staff.csrf, version: String(before.version), question: String(outer.id),
    lang: 'zh', words: '理事会' };
  const page = await staff.fetch(`/zh/provisions/${p.id}/brackets?lang=zh`, { method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString() });
  assert.equal(page.status, 400);
  const html = await page.text();
  assert.match(html, /在英文文本中，此方括号的文字包含另一方括号的文字/);
  assert.match(html, new RegExp(`id="pq-${outer.id}-words"[^>]*value="理事会"`));
  assert.match(html, new RegExp(`id="pq-${outer.id}-words-error">在英文文本中`), 'next to the words typed');
  assert.doesNotMatch(html, /lies apart from/, 'no English rule on a Chinese page');
  // Deleting from the page, confirmed: refused in Chinese, nothing changed.
  const resolve = await staff.fetch(`/zh/brackets/${outer.id}/resolve`, { method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrf: staff.csrf, version: String(before.version),
      outcome: 'delete', confirm: 'yes' }).toString() });
  assert.equal(resolve.status, 409);
  assert.match(await resolve.text(), /此方括号内的另一方括号在阿拉伯文文本中有相应文字/);
  assert.equal((await text(t.id)).version, before.version);

  // Placed around "每四年" and "كل أربع سنوات", as in English, they are taken; deleting the outer
  // words then deletes both questions in every language.
  await jsonOf(staff.json(`/api/v1/provisions/${p.id}/brackets`, { question: outer.id, lang: 'zh',
    start: 3, end: 7 }), 201);
  await jsonOf(staff.json(`/api/v1/provisions/${p.id}/brackets`, { question: outer.id, lang: 'ar',
    start: 14, end: 49 }), 201);
  const done = await jsonOf(staff.json(`/api/v1/brackets/${outer.id}/resolve`, { outcome: 'delete' }));
  assert.deepEqual(done.provision_text, {
    en: 'The Council shall review these .',
    zh: '理事会审议本导则。',
    ar: 'يستعرض المجلس .',
  });
  const after = await text(t.id);
  assert.deepEqual([...new Set(after.provisions[0].brackets.map((b) => b.state))], ['deleted']);
  assert.equal(after.open_brackets, 0);
});
