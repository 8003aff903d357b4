// The delegates' floor in the browser, in English, Chinese and Arabic: the secretariat marks an
// item under discussion; a delegate requests the floor and withdraws while another browser
// (anonymous, JavaScript on) watches the list change without reloading; the speaker's clock
// counts down; a third browser with JavaScript off sees the same on reload. axe-core checks the
// delegate's and the watcher's pages (English, Arabic); screenshots go to test-results/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startServer, Client, jsonOf } from '../lib/server.mjs';
import { launchChromium, assertRtlLayout, axe } from '../lib/browser.mjs';

const SHOTS = resolve(import.meta.dirname, '../../test-results');
const PASSWORD = 'a long enough password';
let server, browser, staff, meeting, agenda;

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer();
  staff = await new Client(server.url).login();
  const { items } = await jsonOf(staff.fetch('/api/v1/meetings'));
  meeting = items.find((m) => m.kind === 'plenary' && m.session === 'C22' && m.number === 8);
  agenda = (await jsonOf(staff.fetch(`/api/v1/meetings/${meeting.id}/agenda`))).items;
  await jsonOf(staff.json('/api/v1/users', { email: 'floor.browser@example.int', name: 'Delegate of Ghana',
    role: 'delegate', member_state: 'GH', password: PASSWORD }), 201);
  browser = await launchChromium();
});
after(async () => { await browser?.close(); await server?.stop(); });

// Words as each language's catalogue writes them (web/messages/*.json), typed here by hand.
const L = {
  en: { request: 'Request the floor', withdraw: 'Withdraw', first: 'You are number 1 on the list of speakers.',
    withdrawn: 'withdrawn', floor: 'has the floor' },
  zh: { request: '请求发言', withdraw: '撤回请求', first: '您在发言者名单中排第1位。',
    withdrawn: '已撤回', floor: '正在发言' },
  ar: { request: 'طلب الكلمة', withdraw: 'سحب الطلب', first: 'ترتيبك 1 في قائمة المتكلمين.',
    withdrawn: 'انسحب', floor: 'له الكلمة' },
};

for (const [lang, number] of [['en', '3'], ['zh', '4'], ['ar', '6']]) {
  test(`${lang}: a delegate requests and withdraws the floor while another browser watches`, async () => {
    const item = agenda.find((i) => i.number === number);
    await jsonOf(staff.json(`/api/v1/agenda-items/${item.id}/discussion`, { speaking_seconds: 120 }));
    const url = `${server.url}/${lang}/meetings/${meeting.id}/agenda`;
    const watching = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    const delegating = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    const reloading = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1100, height: 900 } });
    try {
      const watcher = await watching.newPage();
      await watcher.goto(url);
      // The watcher's page has opened its stream before anything changes.
      await watcher.locator('[data-floor-events][data-floor-state="open"]').waitFor({ state: 'attached', timeout: 5000 });
      const delegate = await delegating.newPage();
      await delegate.goto(`${server.url}/${lang}/login`);
      await delegate.locator('input[name=email]').fill('floor.browser@example.int');
      await delegate.locator('input[name=password]').fill(PASSWORD);
      await Promise.all([delegate.waitForNavigation(), delegate.locator('main form button[type=submit]').click()]);
      await delegate.goto(url);
      const mine = delegate.locator(`#item-${number} .my-floor`);
      await Promise.all([delegate.waitForNavigation(), mine.getByRole('button', { name: L[lang].request }).click()]);
      const t0 = Date.now();
      assert.equal(await delegate.locator(`#item-${number} .my-place`).innerText(), L[lang].first);
      // The watcher sees the request without reloading, within a second.
      const row = watcher.locator(`#floor-${item.id} ol.speakers > li`, { hasText: 'Delegate of Ghana' });
      await row.first().waitFor({ timeout: 1000 });
      console.log(`# ${lang}: the watcher saw the request ${Date.now() - t0} ms after the delegate's page showed it`);
      if (lang === 'ar') await assertRtlLayout(delegate, 'ar agenda (delegate)');
      await delegate.screenshot({ path: join(SHOTS, `floor-${lang}-delegate.png`), fullPage: false });
      await watcher.locator(`#item-${number}`).scrollIntoViewIfNeeded();
      await watcher.screenshot({ path: join(SHOTS, `floor-${lang}-watcher.png`), fullPage: false });
      if (lang !== 'zh') {
        await axe(delegate, `${lang} agenda (delegate)`);
        await axe(watcher, `${lang} agenda (watcher)`);
      }
      // The secretariat gives the delegate the floor: the watcher's clock runs.
      const speakers = (await jsonOf(staff.fetch(`/api/v1/agenda-items/${item.id}`))).speakers;
      const own = speakers.find((s) => s.name === 'Delegate of Ghana' && s.status === 'waiting');
      await jsonOf(staff.json(`/api/v1/speakers/${own.id}/status`, { status: 'floor' }));
      const clock = watcher.locator(`#floor-${item.id} .clock`);
      await clock.waitFor({ timeout: 1000 });
      assert.match(await watcher.locator(`#floor-${item.id} .has-floor`).innerText(), new RegExp(L[lang].floor));
      const shown = await clock.innerText();
      await watcher.waitForFunction((el) => el.textContent !== el.dataset.first,
        await clock.evaluateHandle((el) => { el.dataset.first = el.textContent; return el; }), { timeout: 2500 });
      const later = await clock.innerText();
      const seconds = (t) => { const [m, s] = t.split(':').map(Number); return m * 60 + s; };
      assert.ok(seconds(later) < seconds(shown) && seconds(shown) <= 120, `${shown} then ${later}`);
      await watcher.screenshot({ path: join(SHOTS, `floor-${lang}-clock.png`), fullPage: false });
      // The delegate withdraws (their page shows the floor now, after a reload).
      await delegate.reload();
      await Promise.all([delegate.waitForNavigation(),
        delegate.locator(`#item-${number} .my-floor`).getByRole('button', { name: L[lang].withdraw }).click()]);
      await delegate.locator(`#item-${number} .my-floor`).getByRole('button', { name: L[lang].request }).waitFor();
      await watcher.locator(`#floor-${item.id} ol.speakers > li`, { hasText: L[lang].withdrawn })
        .first().waitFor({ timeout: 1000 });
      assert.equal(await watcher.locator(`#floor-${item.id} .clock`).count(), 0);
      // Without JavaScript the same list is there on reload.
      const plain = await reloading.newPage();
      await plain.goto(url);
      assert.match(await plain.locator(`#floor-${item.id} ol.speakers`).innerText(),
        new RegExp(`Delegate of Ghana[^]*${L[lang].withdrawn}`));
      await plain.locator(`#item-${number}`).scrollIntoViewIfNeeded();
      await plain.screenshot({ path: join(SHOTS, `floor-${lang}-nojs.png`), fullPage: false });
    } finally {
      await watching.close();
      await delegating.close();
      await reloading.close();
    }
  });
}
