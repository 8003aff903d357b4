// Accessibility and six-language browser check: the home page, two consultation pages (one
// with the open response form, one published with its summary and follow-up) and a document
// page in Arabic, Chinese, English, French, Russian and Spanish, each checked by axe-core
// against WCAG 2.0/2.1 A and AA; a serious or critical violation fails the test. Arabic pages
// must be right-to-left and every page must say its language. Screenshots go to test-results/
// (a11y-<page>-<lang>.png) to be looked at.
// Run: PLENARY_BIN=build/plenary node --test tests/browser/a11y.test.mjs
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { startServer } from '../lib/server.mjs';
import { launchChromium } from '../lib/browser.mjs';

const SHOTS = resolve(import.meta.dirname, '../../test-results');
const LANGS = ['ar', 'zh', 'en', 'fr', 'ru', 'es'];
const PAGES = [
  { name: 'home', path: '/' },
  { name: 'consultation-open', path: '/consultations/ai-public-policy' },
  { name: 'consultation', path: '/consultations/environment' },
  { name: 'document', path: '/documents/C22/51' },
];
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

let server, browser;

// One violation per line with the elements it was found on, so that a failure says what to fix.
function describeViolations(violations) {
  return violations.map((v) => {
    const nodes = v.nodes.slice(0, 5).map((n) => `      ${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1).join(' ').trim()}`);
    return `  [${v.impact}] ${v.id}: ${v.help} (${v.nodes.length} element(s))\n${nodes.join('\n')}`;
  }).join('\n');
}

describe('accessibility of the main pages in the six languages', { timeout: 240000 }, () => {
  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startServer();
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const lang of LANGS) {
    test(`${lang}: no serious or critical WCAG 2.1 AA violation; language and direction set`, async () => {
      const context = await browser.newContext({ locale: lang, viewport: { width: 1280, height: 900 } });
      const failures = [];
      const checked = [];
      try {
        for (const p of PAGES) {
          const page = await context.newPage();
          const res = await page.goto(`${server.url}/${lang}${p.path}`);
          assert.equal(res.status(), 200, `${lang}${p.path}`);
          const html = page.locator('html');
          assert.equal(await html.getAttribute('lang'), lang, `${lang}${p.path}: <html lang>`);
          assert.equal(await html.getAttribute('dir'), lang === 'ar' ? 'rtl' : 'ltr', `${lang}${p.path}: <html dir>`);
          if (lang === 'ar') {
            // The layout really runs right to left (CSS logical properties follow dir).
            const direction = await page.evaluate(() => getComputedStyle(document.body).direction);
            assert.equal(direction, 'rtl', `${p.path}: computed direction`);
          }
          // Every element that says its language says a known one.
          const langs = await page.$$eval('[lang]', (els) => els.map((e) => e.getAttribute('lang')));
          for (const l of langs) assert.ok(LANGS.includes(l), `${lang}${p.path}: lang="${l}"`);
          // Nothing wider than the window (a broken RTL layout or a long symbol shows up here).
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          assert.ok(overflow <= 0, `${lang}${p.path}: page is ${overflow}px wider than the window`);
          await page.screenshot({ path: join(SHOTS, `a11y-${p.name}-${lang}.png`), fullPage: true, type: 'png' });
          const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
          // axe really ran its WCAG rules on the page (a blank page passes nothing).
          assert.ok(result.passes.length >= 10, `${lang}${p.path}: axe passed only ${result.passes.length} rules`);
          checked.push(`${p.name}: ${result.passes.length} rules passed, ${result.violations.length} violated, ${result.incomplete.length} to review`);
          const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
          if (result.violations.length)
            console.log(`${lang}${p.path}: ${result.violations.length} violation(s)\n${describeViolations(result.violations)}`);
          if (bad.length) failures.push(`${lang}${p.path}:\n${describeViolations(bad)}`);
          await page.close();
        }
      } finally {
        await context.close();
      }
      console.log(`${lang}: ${checked.join('; ')}`);
      assert.equal(failures.length, 0, `serious or critical accessibility violations:\n${failures.join('\n')}`);
    });
  }
});
