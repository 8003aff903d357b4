// Debian's Chromium driven by playwright-core, headless, as every browser test launches it.
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { ADMIN } from './server.mjs';

export function launchChromium() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--no-first-run'],
  });
}

// Checks that the page open in `page` is laid out right to left, not only marked so: `dir="rtl"`
// on <html>, a computed `direction: rtl` on the main content, the site navigation running from
// right to left (its first item right of the next ones on its first row), the main heading's
// last line aligned to the right edge of its box, and nothing wider than the window.
export async function assertRtlLayout(page, what) {
  assert.equal(await page.locator('html').getAttribute('dir'), 'rtl', `${what}: <html dir>`);
  const m = await page.evaluate(() => {
    const main = document.querySelector('main');
    const items = [...document.querySelectorAll('header.site nav:not(.langs) li')]
      .map((li) => li.getBoundingClientRect()).map((r) => ({ left: r.left, right: r.right, top: r.top }));
    const h1 = main?.querySelector('h1');
    let heading = null;
    if (h1) {
      const range = document.createRange();
      range.selectNodeContents(h1);
      const rects = [...range.getClientRects()];
      // The boxes of the last line: an isolated Latin run (<bdi>) is a box of its own, placed
      // left of the Arabic words it follows.
      const lastTop = rects[rects.length - 1].top;
      const last = rects.filter((r) => Math.abs(r.top - lastTop) < 4);
      const box = h1.getBoundingClientRect(), cs = getComputedStyle(h1);
      heading = { textLeft: Math.min(...last.map((r) => r.left)), textRight: Math.max(...last.map((r) => r.right)),
        left: box.left + parseFloat(cs.borderLeftWidth) + parseFloat(cs.paddingLeft),
        right: box.right - parseFloat(cs.borderRightWidth) - parseFloat(cs.paddingRight) };
    }
    return { direction: main && getComputedStyle(main).direction, items, heading,
      overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth };
  });
  assert.equal(m.direction, 'rtl', `${what}: computed direction of <main>`);
  const row = m.items.filter((r) => Math.abs(r.top - m.items[0].top) < 2);
  assert.ok(row.length >= 3, `${what}: the navigation's first row has ${row.length} item(s)`);
  for (let i = 1; i < row.length; i++)
    assert.ok(row[i].right <= row[i - 1].left + 1,
      `${what}: navigation item ${i + 1} (right edge ${row[i].right}) is not left of item ${i} (left edge ${row[i - 1].left})`);
  assert.ok(m.heading, `${what}: <main> has an <h1>`);
  assert.ok(Math.abs(m.heading.textRight - m.heading.right) <= 2,
    `${what}: the heading's last line ends at ${m.heading.textRight}, not at the right edge ${m.heading.right}`);
  assert.ok(m.heading.textLeft > m.heading.left + 2,
    `${what}: the heading's last line fills its box from the left (${m.heading.textLeft} vs ${m.heading.left})`);
  assert.ok(m.overflow <= 0, `${what}: the page is ${m.overflow}px wider than the window`);
}

// axe-core on the page open in `page` (WCAG 2.0/2.1 A and AA): it must have checked at least ten
// rules and found no serious or critical violation. Returns axe's result, for a test that holds
// a page to more (no violation at all).
export async function axe(page, what) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  assert.ok(result.passes.length >= 10, `${what}: axe passed only ${result.passes.length} rules`);
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), [],
    `${what}: serious or critical accessibility violations`);
  return result;
}

// The route shape of a path: what differs between two pages of one kind (numbers, document
// symbols, the query) is replaced, so a crawl visits one page of each kind.
export const routeShape = (path) => path.replace(/\/[A-Z]+[0-9A-Za-z.()-]*(\/[0-9A-Za-z.()-]+)*$/, '/SYMBOL')
  .replace(/\/\d+/g, '/N').replace(/\?.*$/, '');

// Follows the site's own links in `lang` from the paths `start`, one HTML page per route shape and
// at most `max` of them (downloads, feeds and sign-out left out); `visit(path)` runs on each page
// reached, and what it returns is collected, in the order visited.
export async function crawlSite(page, origin, lang, start, visit, max = 70) {
  const seen = new Set();
  const queue = [...start];
  const visited = [];
  while (queue.length && visited.length < max) {
    const path = queue.shift();
    if (seen.has(routeShape(path))) continue;
    seen.add(routeShape(path));
    const res = await page.goto(origin + path);
    if (!res.ok() || !(res.headers()['content-type'] || '').startsWith('text/html')) continue;
    visited.push(await visit(path));
    const links = await page.$$eval('a[href]', (as) => as.map((a) => new URL(a.href)));
    for (const u of links) {
      if (u.origin !== origin || !u.pathname.startsWith(`/${lang}/`)) continue;
      if (/\/(logout|files|attachments|feeds|calendar)\b|\.(atom|ics|docx|pdf|xml|csv|xlsx|json|zip)$/.test(u.pathname)) continue;
      queue.push(u.pathname);
    }
  }
  return visited;
}

// Signs `page` in as `user` through the English sign-in form, and waits until it has left it.
export async function signInPage(page, origin, user = ADMIN) {
  await page.goto(`${origin}/en/login`);
  await page.locator('input[type=email]').fill(user.email);
  await page.locator('input[type=password]').fill(user.password);
  await page.locator('main button[type=submit]').click();
  await page.waitForURL((u) => !u.pathname.endsWith('/login'));
}

// A new context 1100 px wide (or `width`) and its page, signed in as `user`: the first call for a
// browser, origin and user signs in, later ones reuse its cookies (the sign-in throttle counts
// per address).
const sessions = new WeakMap();
export async function signedInPage(browser, origin, { width = 1100, user = ADMIN } = {}) {
  if (!sessions.has(browser)) sessions.set(browser, new Map());
  const known = sessions.get(browser), key = `${origin} ${user.email}`;
  if (!known.has(key)) {
    const first = await browser.newContext();
    await signInPage(await first.newPage(), origin, user);
    known.set(key, await first.storageState());
    await first.close();
  }
  const context = await browser.newContext({ viewport: { width, height: 900 }, storageState: known.get(key) });
  return { context, page: await context.newPage() };
}
