// Browser test of negotiated texts: the demo's draft guidelines of C22/32(Rev.1) with square
// brackets, clean and as a status table, in English, Chinese and Arabic with JavaScript off
// (screenshots in test-results/). In Arabic the text runs right to left and each bracketed span
// is isolated in a <bdi>. The room's screen, with JavaScript on, follows an edit made by another
// session and the provision the secretariat puts under discussion; in Arabic each bracket stands
// mirrored on the side of its words where it opens or closes; axe-core finds no violation
// on the text, status, screen, compilation and diff pages in English and Arabic. Every wait is bounded: the tests, the hooks and Playwright's own waits time out.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startServer, ADMIN, Client, jsonOf } from '../lib/server.mjs';
import { launchChromium, axe } from '../lib/browser.mjs';

const SHOTS = resolve(import.meta.dirname, '../../test-results');
// One API session for the whole file: sign-ins per account are limited (5 at once).
let server, browser, textId, staff;

// Playwright's waits (navigation, locators) fail after this long instead of the default 30 s.
const WAIT = 10000;

async function signedIn(options = {}) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, ...options });
  context.setDefaultTimeout(WAIT);
  context.setDefaultNavigationTimeout(WAIT);
  const page = await context.newPage();
  await page.goto(`${server.url}/en/login`);
  await page.getByLabel(/e-mail/i).fill(ADMIN.email);
  await page.getByLabel(/password/i).fill(ADMIN.password);
  await Promise.all([page.waitForURL((u) => !u.pathname.endsWith('/login')),
    page.getByRole('button', { name: /sign in/i }).click()]);
  return { context, page };
}

// axe-core (tests/lib/browser.mjs) finds no violation at all, whatever its impact.
async function noViolation(page, what) {
  const result = await axe(page, what);
  assert.deepEqual(result.violations.map((v) => v.id), [], what);
}

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer();
  staff = await new Client(server.url).login();
  const { items } = await jsonOf(staff.fetch(`/api/v1/texts?document=${encodeURIComponent('C22/32(Rev.1)')}`));
  assert.equal(items.length, 1, 'the demo has one text on C22/32(Rev.1)');
  textId = items[0].id;
  browser = await launchChromium();
}, { timeout: 60000 });
after(async () => { await browser?.close(); await server?.stop(); }, { timeout: 60000 });

describe('negotiated texts in the browser', { timeout: 180000 }, () => {

test('the draft with brackets, clean and its status in English, Chinese and Arabic without JavaScript', async () => {
  const { context, page } = await signedIn({ javaScriptEnabled: false });
  const sentences = {
    en: 'Only two provisions retain square brackets (2.b and 6.c).',
    zh: '仅有两个条款保留了方括号（2.b和6.c）。',
    // CLDR's Arabic list pattern is "{0} و{1}"; each label isolated (U+2068 … U+2069) so that
    // it reads 2.b, not b.2, in right-to-left text.
    ar: 'لم يبقَ سوى حكمين بين أقواس معقوفة (\u20682.b\u2069 و\u20686.c\u2069).',
  };
  for (const lang of ['en', 'zh', 'ar']) {
    await page.goto(`${server.url}/${lang}/texts/${textId}?lang=${lang}`);
    assert.equal(await page.locator('html').getAttribute('dir'), lang === 'ar' ? 'rtl' : 'ltr');
    const draft = page.locator('div.draft:not(.diff)');
    assert.equal(await draft.getAttribute('dir'), lang === 'ar' ? 'rtl' : 'ltr');
    assert.equal(await draft.evaluate((e) => getComputedStyle(e).direction), lang === 'ar' ? 'rtl' : 'ltr');
    // Two provisions hold brackets, each bracketed span isolated.
    assert.equal(await page.locator('div.draft > p.provision span.bracket > bdi').count(), 2);
    await page.screenshot({ path: join(SHOTS, `text-brackets-${lang}.png`), fullPage: true });
    await page.goto(`${server.url}/${lang}/texts/${textId}/clean?lang=${lang}`);
    assert.equal(await page.locator('div.draft span.bracket').count(), 0);
    await page.screenshot({ path: join(SHOTS, `text-clean-${lang}.png`), fullPage: true });
    await page.goto(`${server.url}/${lang}/texts/${textId}/status?lang=${lang}`);
    const rows = page.locator('table.status tbody tr.open td:first-child');
    assert.deepEqual(await rows.allInnerTexts(), ['2.b', '6.c']);
    assert.equal(await page.locator('p.sentence').innerText(), sentences[lang]);
    await page.screenshot({ path: join(SHOTS, `text-status-${lang}.png`), fullPage: true });
  }
  await context.close();
});

test('proposals by Member State and the diff of a revision in English, Chinese and Arabic; axe finds nothing', async () => {
  const before = await jsonOf(staff.fetch(`/api/v1/texts/${textId}`));
  // 6.c: the second alternative, so that the diff has something to show; one question, resolved
  // from its English passage in every language at once.
  const b6c = before.provisions.at(-1).brackets;
  assert.deepEqual(b6c.map((b) => b.lang).sort(), ['ar', 'en', 'es', 'fr', 'ru', 'zh']);
  await jsonOf(staff.json(`/api/v1/brackets/${b6c.find((b) => b.lang === 'en').id}/resolve`,
    { outcome: 'alternative', alternative: 2 }));
  const rev = await jsonOf(staff.json(`/api/v1/texts/${textId}/revisions`, {}), 201);
  assert.equal(rev.document.symbol, 'C22/32(Rev.2)');
  // JavaScript on: axe-core runs in the page (with it off, Playwright's evaluation never returns).
  const { context, page } = await signedIn();
  const china = { en: 'China', zh: '中国', ar: 'الصين' };
  for (const lang of ['en', 'zh', 'ar']) {
    await page.goto(`${server.url}/${lang}/texts/${textId}/compilation?lang=${lang}`);
    assert.equal(await page.locator('main h2').first().innerText(), china[lang]);
    assert.match(await page.locator('ul.proposals li').first().innerText(), /C22\/71/);
    await page.screenshot({ path: join(SHOTS, `text-compilation-${lang}.png`), fullPage: true });
    if (lang !== 'zh') await noViolation(page, `compilation ${lang}`);
    await page.goto(`${server.url}/${lang}/texts/${textId}/diff?from=${before.version}&to=${rev.version}&lang=${lang}`);
    assert.equal(await page.locator('div.diff p.provision').count(), before.provisions.length);
    await page.screenshot({ path: join(SHOTS, `text-diff-${lang}.png`), fullPage: true });
    if (lang !== 'zh') await noViolation(page, `diff ${lang}`);
  }
  await context.close();
});

test('the room\'s screen follows another session\'s edits; text, status and screen pages pass axe and isolate what runs left to right in Arabic', async () => {
  const { context, page } = await signedIn();
  await page.goto(`${server.url}/en/texts/${textId}/screen?lang=en`);
  await page.locator('#screen[data-screen-state="open"]').waitFor();
  const focus = page.locator('#screen p.provision.focus');
  assert.equal(await focus.locator('.label').innerText(), '2.b');
  await page.screenshot({ path: join(SHOTS, 'text-screen-live-before.png'), fullPage: true });
  // Another session edits the provision on the screen: the words appear without a reload.
  const t = await jsonOf(staff.fetch(`/api/v1/texts/${textId}`));
  const p2b = t.provisions.find((p) => p.label === '2.b');
  const edited = p2b.texts.en.replace('Activities under the GCA', 'All activities under the GCA');
  assert.notEqual(edited, p2b.texts.en);
  const navigations = [];
  page.on('framenavigated', (f) => { if (f === page.mainFrame()) navigations.push(f.url()); });
  const t0 = Date.now();
  await jsonOf(staff.fetch(`/api/v1/provisions/${p2b.id}`, { method: 'PATCH',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ version: t.version, text: { en: edited } }) }));
  await page.waitForFunction(() => /All activities under the GCA/.test(
    document.querySelector('#screen p.provision.focus')?.textContent || ''), null, { timeout: 3000 });
  console.log(`# an edit reached the screen in ${Date.now() - t0} ms`);
  // The bracket is still marked, and the page was not reloaded.
  assert.equal(await focus.locator('span.bracket > bdi').count(), 1);
  assert.deepEqual(navigations, []);
  // The secretariat puts 4.a under discussion: the screen shows it.
  const p4a = t.provisions.find((p) => p.label === '4.a');
  await jsonOf(staff.json(`/api/v1/texts/${textId}/under-discussion`, { provision: p4a.id }));
  await page.waitForFunction(() => document.querySelector('#screen p.provision.focus .label')?.textContent === '4.a',
    null, { timeout: 3000 });
  await page.screenshot({ path: join(SHOTS, 'text-screen-live-after.png'), fullPage: true });
  await jsonOf(staff.json(`/api/v1/texts/${textId}/under-discussion`, { provision: null }));

  // The text (with the editors' forms), status, compilation and screen pages in three languages;
  // axe on the text, status and screen pages in English and Arabic.
  for (const lang of ['en', 'zh', 'ar']) {
    for (const [view, suffix] of [['text', ''], ['status', '/status'], ['compilation', '/compilation'], ['screen', '/screen']]) {
      await page.goto(`${server.url}/${lang}/texts/${textId}${suffix}?lang=${lang}`);
      await page.screenshot({ path: join(SHOTS, `text-${view}-editor-${lang}.png`), fullPage: true });
      if (lang !== 'zh' && view !== 'compilation') await noViolation(page, `${view} ${lang}`);
      // With JavaScript on, the screen listens to the text's events in every language.
      if (view === 'screen') await page.locator('#screen[data-screen-state="open"]').waitFor();
    }
    await page.goto(`${server.url}/${lang}/texts/${textId}?lang=${lang}`);
    // A bracket is a mirrored character: in Arabic the opening one stands right of its words and
    // the closing one left of them (each bracket on one line is measured), in English the reverse.
    const sides = await page.evaluate(() => [...document.querySelectorAll('div.draft span.bracket')].map((s) => {
      const words = s.querySelector('bdi').getClientRects();
      if (words.length !== 1) return null;
      const range = (node, at) => { const r = document.createRange(); r.setStart(node, at); r.setEnd(node, at + 1); return r.getBoundingClientRect(); };
      const open = range(s.firstChild, 0), close = range(s.lastChild, s.lastChild.length - 1), w = words[0];
      return { openRightOfWords: open.left >= w.right - 1, closeLeftOfWords: close.right <= w.left + 1,
        openLeftOfWords: open.right <= w.left + 1, closeRightOfWords: close.left >= w.right - 1 };
    }).filter(Boolean));
    assert.ok(sides.length >= 1, `${lang}: a bracket on one line to measure`);
    for (const x of sides)
      assert.deepEqual(lang === 'ar' ? [x.openRightOfWords, x.closeLeftOfWords] : [x.openLeftOfWords, x.closeRightOfWords],
        [true, true], `${lang}: ${JSON.stringify(x)}`);
    // The example of the labels in the informal consultations' form, and the parentheses round
    // the "compare" link of the revisions line, are isolated: in Arabic "2.b, 6.c" would
    // otherwise read "b.2 ,c.6" and the parentheses face the wrong way.
    const compare = page.locator(`a[href*="/texts/${textId}/diff?"]`).first();
    // Close-ups to look at (taken first, so that a failing run leaves them): the revisions line
    // and the form's label.
    await compare.locator('xpath=ancestor::p[1]').screenshot({ path: join(SHOTS, `text-revisions-line-${lang}.png`) });
    await page.locator('label[for="in-prov"]').locator('xpath=..').screenshot({ path: join(SHOTS, `text-informal-label-${lang}.png`) });
    const example = await page.locator('label[for="in-prov"]').innerText();
    assert.ok(example.includes(lang === 'ar' ? '\u20682.b, 6.c\u2069' : '2.b, 6.c'), `${lang}: ${example}`);
    assert.equal(await compare.evaluate((a) => a.parentElement.tagName), 'BDI');
    assert.match(await compare.evaluate((a) => a.parentElement.textContent), /^\(.*\)$/);
  }
  await context.close();
});
});
