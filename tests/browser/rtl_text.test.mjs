// Stored text on right-to-left pages. Latin runs written inside stored Arabic text (the acronym
// CWG-Internet in an agenda item's title and in a consultation's description) stand isolated in a
// <bdi class="sym">, on one line and in their own order at every width; and a text shown in
// another language than the page's (a body described in English only, on /ar/bodies and its own
// page) is laid out in its own language's direction, with its lang. Screenshots of the same pages in Arabic, Chinese
// and English: test-results/rtl-text-<lang>-<page>.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { startServer, Client } from '../lib/server.mjs';
import { launchChromium, assertRtlLayout } from '../lib/browser.mjs';

const SHOTS = resolve(import.meta.dirname, '../../test-results');
let server, browser, council, consultation;
before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer();
  const meetings = (await (await fetch(server.url + '/api/v1/meetings')).json()).items;
  council = meetings.find((m) => m.kind === 'plenary' && m.session === 'C22' && m.number === 8);
  for (const c of (await (await fetch(server.url + '/api/v1/consultations')).json()).items) {
    const detail = await (await fetch(`${server.url}/api/v1/consultations/${c.id}`)).json();
    if ((detail.descriptions.ar ?? '').includes('CWG-Internet')) { consultation = detail; break; }
  }
  // A body described in English only, beside the demo's bodies described in the six languages.
  const staff = await new Client(server.url).login();
  const made = await staff.json('/api/v1/bodies', { key: 'english-only', acronym: 'EO-WG',
    name: { en: 'Group described in English', ar: 'فريق موصوف بالإنكليزية' },
    description: { en: 'This group is described in English only, in several words.' }, membership: 'open' });
  assert.equal(made.status, 201, await made.clone().text());
  browser = await launchChromium();
});
after(async () => { await browser?.close(); await server?.stop(); });

// Every occurrence of `word` in the text of the elements `selector` finds: whether it stands
// alone in a bdi.sym kept on one line, and where its characters are on the screen.
function occurrences(page, selector, word) {
  return page.evaluate(([selector, word]) => {
    const out = [];
    for (const root of document.querySelectorAll(selector)) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (let at = node.data.indexOf(word); at >= 0; at = node.data.indexOf(word, at + 1)) {
          const bdi = node.parentElement.closest('bdi.sym');
          const chars = [];
          for (let i = at; i < at + word.length; i++) {
            const r = document.createRange();
            r.setStart(node, i); r.setEnd(node, i + 1);
            const box = r.getBoundingClientRect();
            chars.push({ left: box.left, top: box.top });
          }
          // The parenthesis before it in the element's text, when there is one: "(CWG-Internet)".
          let open = null;
          const before = bdi?.previousSibling;
          if (before?.nodeType === 3 && before.data.endsWith('(')) {
            const r = document.createRange();
            r.setStart(before, before.data.length - 1); r.setEnd(before, before.data.length);
            open = r.getBoundingClientRect().left;
          }
          out.push({ isolated: !!bdi && bdi.textContent === word, nowrap: bdi && getComputedStyle(bdi).whiteSpace,
            chars, open, right: bdi?.getBoundingClientRect().right,
            direction: getComputedStyle(root).direction });
        }
      }
    }
    return out;
  }, [selector, word]);
}

function assertIsolated(found, what, word) {
  assert.ok(found.length >= 1, `${what}: ${word} is shown`);
  for (const o of found) {
    assert.ok(o.isolated, `${what}: ${word} stands alone in a <bdi class="sym">`);
    assert.equal(o.nowrap, 'nowrap', `${what}: ${word} is never broken at its hyphen`);
    const tops = new Set(o.chars.map((c) => Math.round(c.top)));
    assert.equal(tops.size, 1, `${what}: ${word} on one line (${[...tops]})`);
    for (let i = 1; i < o.chars.length; i++)
      assert.ok(o.chars[i].left > o.chars[i - 1].left,
        `${what}: ${word}'s character ${i + 1} is right of character ${i} (in its own order)`);
    if (o.open !== null && o.direction === 'rtl')
      assert.ok(o.open >= o.right - 1, `${what}: "(" on the right of ${word}`);
  }
}

const WIDTHS = [360, 390, 414, 768, 1100];

test('ar: an acronym in a stored Arabic agenda item title stays whole and in order', async () => {
  const page = await browser.newPage({ viewport: { width: 360, height: 800 } });
  await page.goto(`${server.url}/ar/meetings/${council.id}/agenda`);
  await assertRtlLayout(page, 'ar agenda');
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 800 });
    assertIsolated(await occurrences(page, 'main h2', 'CWG-Internet'), `ar agenda at ${width} px`, 'CWG-Internet');
    assertIsolated(await occurrences(page, 'main h2', 'CWG-WSIS&SDG'), `ar agenda at ${width} px`, 'CWG-WSIS&SDG');
  }
  await page.setViewportSize({ width: 360, height: 800 });
  await page.locator('#item-h-3').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/rtl-text-ar-agenda.png` });
  await page.close();
});

test('ar: an acronym in a stored Arabic consultation description stays whole and in order', async () => {
  assert.ok(consultation, 'the demo has a consultation whose Arabic description names CWG-Internet');
  const page = await browser.newPage({ viewport: { width: 360, height: 800 } });
  await page.goto(`${server.url}/ar/consultations/${consultation.id}`);
  await assertRtlLayout(page, 'ar consultation');
  assert.equal(await page.locator('main .description').evaluate((e) => getComputedStyle(e).direction), 'rtl');
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 800 });
    assertIsolated(await occurrences(page, 'main .description', 'CWG-Internet'),
      `ar consultation at ${width} px`, 'CWG-Internet');
  }
  await page.setViewportSize({ width: 360, height: 800 });
  await page.screenshot({ path: `${SHOTS}/rtl-text-ar-consultation.png`, fullPage: true });
  await page.close();
});

test('ar: runs the code puts into sentences (an acronym in a meeting\'s label, a time zone) stay whole and in order', async () => {
  const meetings = (await (await fetch(server.url + '/api/v1/meetings?lang=ar')).json()).items;
  const wg = meetings.find((m) => m.body.key === 'cwg-internet' && m.label.includes('CWG-Internet'));
  assert.ok(wg, 'the demo has a meeting of CWG-Internet');
  assert.ok(consultation.timezone, 'the consultation has a time zone');
  const page = await browser.newPage({ viewport: { width: 360, height: 800 } });
  await page.goto(`${server.url}/ar/meetings/${wg.id}`);
  await assertRtlLayout(page, 'ar meeting');
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 800 });
    assertIsolated(await occurrences(page, 'main h1', 'CWG-Internet'), `ar meeting at ${width} px`, 'CWG-Internet');
  }
  await page.setViewportSize({ width: 360, height: 800 });
  await page.screenshot({ path: `${SHOTS}/rtl-text-ar-meeting.png`, fullPage: true });
  await page.goto(`${server.url}/ar/consultations/${consultation.id}`);
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 800 });
    assertIsolated(await occurrences(page, 'main dl time', consultation.timezone), `ar consultation dates at ${width} px`, consultation.timezone);
  }
  await page.setViewportSize({ width: 360, height: 800 });
  await page.locator('main dl').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/rtl-text-ar-dates.png` });
  await page.close();
});

test('ar: an English description on the Arabic bodies page is laid out left to right', async () => {
  const page = await browser.newPage({ viewport: { width: 360, height: 800 } });
  await page.goto(`${server.url}/ar/bodies`);
  await assertRtlLayout(page, 'ar bodies');
  const descriptions = await page.locator('main .cards li').evaluateAll((lis) => lis.map((li) => {
    const p = li.querySelector('p');
    return { key: li.querySelector('a').getAttribute('href').split('/').pop(),
      lang: p.closest('[lang]').getAttribute('lang'), direction: getComputedStyle(p).direction };
  }));
  assert.deepEqual(descriptions.find((d) => d.key === 'english-only'), { key: 'english-only', lang: 'en', direction: 'ltr' });
  // The demo's bodies are described in Arabic: the page's language and direction.
  const arabic = descriptions.filter((d) => d.key !== 'english-only');
  assert.ok(arabic.length >= 2);
  for (const d of arabic) assert.deepEqual(d, { key: d.key, lang: 'ar', direction: 'rtl' });
  await page.screenshot({ path: `${SHOTS}/rtl-text-ar-bodies.png`, fullPage: true });
  // The body's own page shows its description the same way.
  await page.goto(`${server.url}/ar/bodies/english-only`);
  const own = await page.locator('main .description').evaluate((p) => ({
    lang: p.closest('[lang]').getAttribute('lang'), direction: getComputedStyle(p).direction }));
  assert.deepEqual(own, { lang: 'en', direction: 'ltr' });
  await page.close();
});

for (const lang of ['zh', 'en']) {
  test(`${lang}: the same pages in the page's own language and direction`, async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 800 } });
    await page.goto(`${server.url}/${lang}/bodies`);
    const descriptions = await page.locator('main .cards li').evaluateAll((lis) => lis.map((li) => {
      const p = li.querySelector('p');
      return { key: li.querySelector('a').getAttribute('href').split('/').pop(),
        lang: p.closest('[lang]').getAttribute('lang'), direction: getComputedStyle(p).direction };
    }));
    assert.ok(descriptions.length >= 3);
    for (const d of descriptions)
      assert.deepEqual(d, { key: d.key, lang: d.key === 'english-only' ? 'en' : lang, direction: 'ltr' });
    await page.screenshot({ path: `${SHOTS}/rtl-text-${lang}-bodies.png`, fullPage: true });
    await page.goto(`${server.url}/${lang}/meetings/${council.id}/agenda`);
    // Left-to-right text has no isolated runs of its own: nothing to reorder.
    assert.equal(await page.locator('main h2 bdi.sym').count(), 0, `${lang} agenda: no <bdi> in the titles`);
    await page.locator('#item-h-3').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/rtl-text-${lang}-agenda.png` });
    await page.goto(`${server.url}/${lang}/consultations/${consultation.id}`);
    assert.equal(await page.locator('main .description bdi.sym').count(), 0, `${lang} consultation: no <bdi>`);
    assert.equal(await page.locator('main dl bdi').count(), 0, `${lang} consultation's dates: no <bdi>`);
    await page.locator('main dl').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/rtl-text-${lang}-dates.png` });
    const wg = (await (await fetch(`${server.url}/api/v1/meetings?lang=${lang}`)).json()).items
      .find((m) => m.body.key === 'cwg-internet' && m.label.includes('CWG-Internet'));
    await page.goto(`${server.url}/${lang}/meetings/${wg.id}`);
    assert.equal(await page.locator('main h1 bdi').count(), 0, `${lang} meeting: no <bdi> in its label`);
    await page.screenshot({ path: `${SHOTS}/rtl-text-${lang}-meeting.png`, fullPage: true });
    await page.screenshot({ path: `${SHOTS}/rtl-text-${lang}-consultation.png`, fullPage: true });
    await page.close();
  });
}
