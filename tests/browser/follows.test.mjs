// Browser journeys, in English, Chinese and Arabic: a participant signs in, follows a body with
// the button of its page, sees it on the account page, and receives the digest through the local
// mail sink; and "Forgot your password?" from the sign-in page, refused with an error next to
// its field (a bad address, then a short password), to a new password that signs in. axe-core
// finds no violation on each page, error states included (English, Arabic); screenshots
// `follows-*.png` at 1280 px and 360 px go to test-results/.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startServer, Client, jsonOf } from '../lib/server.mjs';
import { launchChromium, axe, assertRtlLayout } from '../lib/browser.mjs';
import { freePort, startSink, mails } from '../lib/smtp.mjs';

const SHOTS = resolve(import.meta.dirname, '../../test-results');
const PASSWORD = 'a long enough password';

// Written by hand from the catalogues.
const EXPECT = {
  en: { follow: 'Follow', unfollow: 'Unfollow', subject: 'What is new in what you follow on Plenary',
    section: 'New documents', forgot: 'Forgot your password?', emailError: /e-mail/i,
    done: 'Your password is changed and your account is signed out on every device. Sign in with the new password.' },
  zh: { follow: '关注', unfollow: '取消关注', subject: '您在Plenary关注内容的最新动态', section: '新文件',
    forgot: '忘记密码？', emailError: /电子邮件/, done: '您的密码已更改，账户已在所有设备上退出登录。请使用新密码登录。' },
  ar: { follow: 'متابعة', unfollow: 'إلغاء المتابعة', subject: 'ما يستجد فيما تتابعه على Plenary',
    section: 'وثائق جديدة', forgot: 'هل نسيت كلمة المرور؟', emailError: /البريد الإلكتروني/,
    done: 'تم تغيير كلمة المرور وتسجيل خروج حسابك من جميع الأجهزة. سجّل الدخول بكلمة المرور الجديدة.' },
};

async function waitForMail(file, to, filter = () => true) {
  const end = Date.now() + 20000;
  while (Date.now() < end) {
    const m = mails(file).find((x) => x.rcpt_tos.includes(to) && filter(x));
    if (m) return m;
    await sleep(100);
  }
  throw new Error(`no mail to ${to}`);
}

async function noSidewaysScroll(page, what) {
  const m = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  assert.ok(m.scroll <= m.width, `${what}: ${m.scroll}px wide in a ${m.width}px window`);
}

let server, sink, browser, dir, file, staff;

describe('follow and digest; forgotten password', { timeout: 240000 }, () => {
  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    dir = mkdtempSync(join(tmpdir(), 'plenary-follow-browser-'));
    file = join(dir, 'mail.jsonl');
    const port = await freePort();
    sink = await startSink(port, file);
    server = await startServer({ args: ['--smtp-host', '127.0.0.1', '--smtp-port', String(port),
      '--mail-retry-seconds', '1', '--smtp-timeout', '5', '--digest-hour', '-1',
      '--logins-per-ip-per-minute', '0', '--logins-per-account-per-minute', '0',
      '--signups-per-recipient-per-minute', '0'] });
    staff = await new Client(server.url).login();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    await sink?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  let serial = 0;
  for (const lang of ['en', 'zh', 'ar']) {
    test(`${lang}: follow a body from its page, the account page, the digest`, async () => {
      const email = `follower.${lang}@example.org`;
      await jsonOf(staff.json('/api/v1/users', { email, name: `Follower ${lang}`, role: 'public', password: PASSWORD }), 201);
      const context = await browser.newContext({ locale: lang, viewport: { width: 1280, height: 900 } });
      try {
        const page = await context.newPage();
        await page.goto(`${server.url}/${lang}/login?next=/bodies/cwg-internet`);
        await page.locator('#email').fill(email);
        await page.locator('#password').fill(PASSWORD);
        await Promise.all([page.waitForURL(/\/bodies\/cwg-internet$/), page.locator('form[action$="/login"] button[type="submit"]').click()]);

        const button = page.locator('.follow button[type="submit"]');
        assert.equal((await button.innerText()).trim(), EXPECT[lang].follow);
        if (lang !== 'zh') await axe(page, `${lang} body page with the follow button`);
        await Promise.all([page.waitForURL(/\/bodies\/cwg-internet$/), button.click()]);
        assert.equal((await page.locator('.follow button[type="submit"]').innerText()).trim(), EXPECT[lang].unfollow);
        await page.screenshot({ path: join(SHOTS, `follows-body-${lang}.png`), fullPage: false });

        await page.goto(`${server.url}/${lang}/account`);
        const item = page.locator('ul.follows li a[href$="/bodies/cwg-internet"]');
        assert.equal(await item.count(), 1, 'the account page lists the body');
        if (lang !== 'zh') await axe(page, `${lang} account page`);
        if (lang === 'ar') await assertRtlLayout(page, 'ar account page');
        await page.screenshot({ path: join(SHOTS, `follows-account-${lang}.png`), fullPage: true });
        await page.setViewportSize({ width: 360, height: 800 });
        await noSidewaysScroll(page, `${lang} account page at 360 px`);
        await page.screenshot({ path: join(SHOTS, `follows-account-${lang}-360.png`), fullPage: true });

        // Something new, then the digest: the mail in the page's language.
        serial += 1;
        const symbol = `C22/INF/${900 + serial}`;
        await jsonOf(staff.json('/api/v1/documents', { symbol, body: 'cwg-internet', date: '2026-02-01',
          source_kind: 'secretariat', access: 'public', status: 'issued', title: { en: `Note ${serial}` } }), 201);
        await new Promise((ok) => setTimeout(ok, 1100));  // a digest covers whole seconds before it runs
        const run = await jsonOf(staff.json('/api/v1/digest', {}));
        assert.equal(run.sent, 1);
        const mail = await waitForMail(file, email);
        assert.equal(mail.subject, EXPECT[lang].subject);
        const body = mail.body.replace(/\r\n/g, '\n');  // SMTP's line ends
        assert.ok(body.includes(`${EXPECT[lang].section}\n- ${symbol}`), body);
        assert.ok(mail.body.includes(`/${lang}/account`), 'the mail leads to the account page');
      } finally {
        await context.close();
      }
    });

    test(`${lang}: forgot the password, errors, a new password`, async () => {
      const email = `forgetful.${lang}@example.org`;
      await jsonOf(staff.json('/api/v1/users', { email, name: `Forgetful ${lang}`, role: 'public', password: PASSWORD }), 201);
      const context = await browser.newContext({ locale: lang, viewport: { width: 1280, height: 900 } });
      try {
        const page = await context.newPage();
        await page.goto(`${server.url}/${lang}/login`);
        const link = page.locator('a[href$="/password/forgot"]');
        assert.equal((await link.innerText()).trim(), EXPECT[lang].forgot);
        await Promise.all([page.waitForURL(/\/password\/forgot$/), link.click()]);
        if (lang !== 'zh') await axe(page, `${lang} forgot page`);

        // A bad address: refused next to its field, the summary has the focus.
        await page.locator('#email').fill('not-an-address');
        await Promise.all([page.waitForLoadState('load'), page.locator('form button[type="submit"]').click()]);
        await page.locator('#error-summary').waitFor();
        assert.equal(await page.locator('#email').getAttribute('aria-invalid'), 'true');
        assert.match(await page.locator('#email-error').innerText(), EXPECT[lang].emailError);
        assert.equal(await page.evaluate(() => document.activeElement?.id), 'error-summary');
        if (lang !== 'zh') await axe(page, `${lang} forgot page with an error`);
        await page.screenshot({ path: join(SHOTS, `follows-forgot-error-${lang}.png`), fullPage: true });
        await page.setViewportSize({ width: 360, height: 800 });
        await noSidewaysScroll(page, `${lang} forgot page at 360 px`);
        await page.screenshot({ path: join(SHOTS, `follows-forgot-error-${lang}-360.png`), fullPage: true });
        await page.setViewportSize({ width: 1280, height: 900 });

        await page.locator('#email').fill(email);
        await Promise.all([page.waitForLoadState('load'), page.locator('form button[type="submit"]').click()]);
        await page.locator('p.notice').waitFor();
        const mail = await waitForMail(file, email);
        const url = new URL(mail.body.match(/https?:\/\/\S+token=[A-Za-z0-9_-]+/)[0]);
        await page.goto(server.url + url.pathname + url.search);
        assert.match(url.pathname, new RegExp(`^/${lang}/password/reset$`));

        await page.locator('#password').fill('short');
        await Promise.all([page.waitForLoadState('load'), page.locator('form button[type="submit"]').click()]);
        await page.locator('#error-summary').waitFor();
        assert.equal(await page.locator('#password').getAttribute('aria-invalid'), 'true');
        if (lang !== 'zh') await axe(page, `${lang} reset page with an error`);
        if (lang === 'ar') await assertRtlLayout(page, 'ar reset page');
        await page.screenshot({ path: join(SHOTS, `follows-reset-error-${lang}.png`), fullPage: true });

        await page.locator('#password').fill('a brand new passphrase');
        await Promise.all([page.waitForLoadState('load'), page.locator('form button[type="submit"]').click()]);
        assert.equal((await page.locator('p.notice').innerText()).trim(), EXPECT[lang].done);
        if (lang !== 'zh') await axe(page, `${lang} reset done`);
        await page.screenshot({ path: join(SHOTS, `follows-reset-done-${lang}.png`), fullPage: true });
        await new Client(server.url).login({ email, password: 'a brand new passphrase' });
      } finally {
        await context.close();
      }
    });
  }
});
