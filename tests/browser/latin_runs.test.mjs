// Latin names inside Arabic text: a body's acronym (CWG-WSIS&SDG) and a document's symbol
// (C22/32(Rev.1)) are isolated from the Arabic around them and never broken across lines, so
// that "(CWG-WSIS&SDG)" does not read "(-CWG … WSIS&SDG)". On the list of bodies, the home page
// and a body's page at 360 px, in Arabic (and Chinese, English, whose screenshots are taken to
// compare): every acronym stands in its own isolated run (a <bdi>, or an element with its own
// direction) kept on one line (one box on the screen), its parentheses on either side of it
// (in Arabic the opening one on its right). Screenshots test-results/latin-runs-<lang>-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { startServer, Client, jsonOf } from '../lib/server.mjs';
import { launchChromium } from '../lib/browser.mjs';

const SHOTS = resolve(import.meta.dirname, '../../test-results');
let server, browser, bodies;
before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer();
  browser = await launchChromium();
  bodies = (await jsonOf(new Client(server.url).fetch('/api/v1/bodies'), 200)).items;
});
after(async () => { await browser?.close(); await server?.stop(); });

for (const lang of ['ar', 'zh', 'en']) {
  test(`${lang}: body acronyms isolated and on one line at 360 px`, async () => {
    const hyphenated = bodies.filter((b) => b.acronym.includes('-'));
    assert.ok(hyphenated.length >= 1, 'the demo has an acronym with a hyphen');
    const page = await browser.newPage({ viewport: { width: 360, height: 800 } });
    for (const [name, path] of [['bodies', '/bodies'], ['home', '/'], ['body', `/bodies/${hyphenated[0].key}`]]) {
      await page.goto(`${server.url}/${lang}${path}`);
      await page.screenshot({ path: `${SHOTS}/latin-runs-${lang}-${name}.png`, fullPage: true });
      const runs = await page.evaluate((acronyms) => {
        const out = [];
        for (const el of document.querySelectorAll('main *')) {
          const own = [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join('');
          for (const a of acronyms) {
            // The acronym as the page renders the body's field (stored prose that quotes it,
            // such as a description, is not looked at here).
            if (!(el.matches('.meta, h1 *') && own.includes(`(${a})`)) && own.trim() !== a) continue;
            const isolated = own.trim() === a && (el.tagName === 'BDI' || el.hasAttribute('dir'));
            const range = document.createRange();
            range.selectNodeContents(el);
            const boxes = isolated ? [...range.getClientRects()].filter((r) => r.width > 0).length : 0;
            const style = getComputedStyle(el);
            // The parentheses around it, when they stand in the parent's text.
            let parens = null;
            if (isolated && el.previousSibling?.nodeType === 3 && el.previousSibling.textContent.endsWith('(')) {
              const p = document.createRange();
              const t = el.previousSibling;
              p.setStart(t, t.textContent.length - 1); p.setEnd(t, t.textContent.length);
              const open = p.getBoundingClientRect(), box = el.getBoundingClientRect();
              parens = { openLeft: open.left, openRight: open.right, left: box.left, right: box.right };
            }
            out.push({ a, isolated, boxes, nowrap: style.whiteSpace, parens, dir: getComputedStyle(el.parentElement).direction });
          }
        }
        return out;
      }, hyphenated.map((b) => b.acronym));
      assert.ok(runs.length >= 1, `${path}: an acronym with a hyphen is shown`);
      for (const r of runs) {
        assert.ok(r.isolated, `${path}: ${r.a} stands in its own isolated run`);
        assert.equal(r.boxes, 1, `${path}: ${r.a} on one line`);
        assert.equal(r.nowrap, 'nowrap', `${path}: ${r.a} never broken at its hyphen`);
        if (r.parens && r.dir === 'rtl') assert.ok(r.parens.openLeft >= r.parens.right - 1, `${path}: in Arabic "(" on the right of ${r.a} ${JSON.stringify(r.parens)}`);
        if (r.parens && r.dir === 'ltr') assert.ok(r.parens.openRight <= r.parens.left + 1, `${path}: "(" on the left of ${r.a} ${JSON.stringify(r.parens)}`);
      }
    }
    await page.close();
  });
}
