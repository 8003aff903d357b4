// The desk's refused forms in the browser, in English, Chinese and Arabic: each form is posted
// from its own page (the browser submits it), and the page that comes back must show the summary
// with the focus, the message next to the field and what was typed; axe-core checks each error
// state in English and Arabic (no serious or critical violation), Arabic is laid out right to
// left, and screenshots go to test-results/desk-errors-*.png. The pages: a stale edit of a
// negotiated text's provision, a deadline extension without its reason, a new plenary meeting
// without its session, a document registered twice, a new user with a bad address, an action's
// event with no status chosen, a document's language file over the limit and of the wrong type
// (refused by the browser before any upload: form.js with the limits the page carries), a
// negotiated text's adoption without its confirmation, a speaker added to the agenda's list from
// a code that is no Member State, a moderation row's rejection without its reason, and the
// moderation page filtered by
// campaign.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startServer, Client, jsonOf, dateFromNow, isoFromNow } from '../lib/server.mjs';
import { launchChromium, assertRtlLayout, axe, signInPage } from '../lib/browser.mjs';

const SHOTS = resolve(import.meta.dirname, '../../test-results');
let server, browser, staff, text, para, consultation, doc, agendaItem, councilId;

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer();
  staff = await new Client(server.url).login();
  browser = await launchChromium();
  const { items } = await jsonOf(staff.fetch('/api/v1/meetings'));
  const council = items.find((m) => m.kind === 'plenary' && m.session === 'C22' && m.number === 8);
  const agenda = await jsonOf(staff.fetch(`/api/v1/meetings/${council.id}/agenda`));
  text = await jsonOf(staff.json('/api/v1/texts', { document: 'C22/32(Rev.1)', agenda_item: agenda.items[0].id,
    title: { en: 'Browser errors', zh: '浏览器中的错误', ar: 'أخطاء في المتصفح' }, languages: ['en', 'ar'] }), 201);
  await jsonOf(staff.json(`/api/v1/texts/${text.id}/provisions`, { version: text.version, kind: 'paragraph',
    text: { en: 'The Council shall meet once a year.', ar: 'يجتمع المجلس مرة في السنة.' } }), 201);
  para = (await jsonOf(staff.fetch(`/api/v1/texts/${text.id}`))).provisions[0];
  consultation = await jsonOf(staff.fetch('/api/v1/consultations/ai-public-policy'));
  doc = (await jsonOf(staff.fetch('/api/v1/documents?body=council'))).items.find((d) => d.status === 'issued' && d.access === 'public');
  assert.ok(doc, 'an issued public document');
  councilId = council.id;
  agendaItem = agenda.items[0].id;
});

// A response of the open consultation waiting for moderation.
async function waiting(email) {
  const { reference } = await jsonOf(new Client(server.url).json('/api/v1/consultations/ai-public-policy/responses', {
    name: 'Lucía Pérez', country: 'AR', stakeholder_type: 'civil_society', email,
    general: 'A response to moderate.', consent_publish: true }), 201);
  const queue = await jsonOf(staff.fetch('/api/v1/consultations/ai-public-policy/moderation?per_page=200'));
  const item = queue.items.find((r) => r.reference === reference);
  assert.ok(item, 'the response waits for moderation');
  return item;
}
after(async () => { await browser?.close(); await server?.stop(); });

async function signedIn() {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  await signInPage(page, server.url);
  return { context, page };
}

// Submits the form of the page posting to `action` with `fields` set (the page's own CSRF
// token), as a person would, and waits for the answer.
async function submit(page, action, fields) {
  await Promise.all([
    page.waitForNavigation(),
    page.evaluate(([action, fields]) => {
      // Of the forms posting there, the one holding these fields (a moderation row has three).
      const forms = [...document.querySelectorAll('form')].filter((f) => f.getAttribute('action') === action);
      const form = forms.find((f) => Object.keys(fields).every((k) => f.querySelector(`[name="${k}"]`))) ?? forms[0];
      if (!form) throw new Error(`no form posting to ${action}`);
      for (const [k, v] of Object.entries(fields)) {
        let input = form.querySelector(`[name="${k}"]`);
        if (!input) { input = document.createElement('input'); input.type = 'hidden'; input.name = k; form.appendChild(input); }
        input.value = v;
      }
      form.noValidate = true;
      HTMLFormElement.prototype.submit.call(form);
    }, [action, fields]),
  ]);
}

// The error state of the page: the summary has the focus and links to #id, whose message and
// aria attributes are in place; then axe (English, Arabic), the layout (Arabic), a screenshot.
async function errorState(page, lang, id, name) {
  await page.locator('#error-summary').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'error-summary', `${name}: the summary has the focus`);
  assert.equal(await page.locator(`#error-summary a[href="#${id}"]`).count() >= 1, true, `${name}: the summary links to #${id}`);
  assert.ok((await page.locator(`#${id}-error`).innerText()).length > 0, `${name}: a message next to #${id}`);
  if (!id.endsWith('-current')) {
    assert.equal(await page.locator(`#${id}`).getAttribute('aria-invalid'), 'true');
    assert.match(await page.locator(`#${id}`).getAttribute('aria-describedby'), new RegExp(`\\b${id}-error\\b`));
  }
  await page.screenshot({ path: join(SHOTS, `desk-errors-${name}-${lang}.png`), fullPage: true });
  if (lang === 'ar') await assertRtlLayout(page, `${name} (ar)`);
  if (lang !== 'zh') await axe(page, `${name} (${lang})`);
}

for (const lang of ['en', 'zh', 'ar']) {
  test(`${lang}: the desk's refused forms`, async () => {
    const { context, page } = await signedIn();
    try {
      // A stale edit of a provision: the current wording beside what was typed.
      await page.goto(`${server.url}/${lang}/texts/${text.id}`);
      const seen = (await jsonOf(staff.fetch(`/api/v1/texts/${text.id}`))).version;
      await jsonOf(staff.fetch(`/api/v1/provisions/${para.id}`, { method: 'PATCH', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ version: seen, text: { en: `Changed by another editor (${lang}).` } }) }));
      await submit(page, `/${lang}/provisions/${para.id}/edit`, { version: String(seen), text_en: `My edit (${lang}).` });
      await errorState(page, lang, `pe-${para.id}-current`, 'stale-provision');
      assert.match(await page.locator(`#pe-${para.id}-current`).innerText(), new RegExp(`Changed by another editor \\(${lang}\\)`));
      assert.equal(await page.locator(`#pe-${para.id}-en`).inputValue(), `My edit (${lang}).`);

      // An extension without its reason: the deadline typed is kept.
      await page.goto(`${server.url}/${lang}/admin/consultations/${consultation.id}`);
      const later = isoFromNow(60 * 86400).slice(0, 16);
      await submit(page, `/${lang}/admin/consultations/${consultation.id}/extend`, { deadline: later, reason: '' });
      await errorState(page, lang, 'x-reason', 'extension');
      assert.equal(await page.locator('#x-deadline').inputValue(), later);

      // A plenary meeting without its session.
      await page.goto(`${server.url}/${lang}/admin`);
      await submit(page, `/${lang}/admin/meetings`, { body: 'council', kind: 'plenary', session: '', number: '9',
        starts_on: dateFromNow(40).iso, title_en: `Typed plenary (${lang})` });
      await errorState(page, lang, 'm-session', 'meeting');
      assert.equal(await page.locator('#m-title').inputValue(), `Typed plenary (${lang})`);

      // A document registered twice.
      await page.goto(`${server.url}/${lang}/admin/documents`);
      await submit(page, `/${lang}/admin/documents`, { symbol: 'C22/32(Rev.1)', body: 'council', date: dateFromNow(-1).iso,
        title_en: `Typed title (${lang})` });
      await errorState(page, lang, 'd-symbol', 'document');
      assert.equal(await page.locator('#d-title-en').inputValue(), `Typed title (${lang})`);

      // A new user with an address that is not one.
      await page.goto(`${server.url}/${lang}/admin/users`);
      await submit(page, `/${lang}/admin/users`, { name: `Typed name (${lang})`, email: 'not-an-address',
        role: 'secretariat', password: 'a long enough password for tests' });
      await errorState(page, lang, 'nu-email', 'user');
      assert.equal(await page.locator('#nu-name').inputValue(), `Typed name (${lang})`);

      // An action's event with a document that does not exist.
      const actions = await jsonOf(staff.fetch('/api/v1/actions'));
      await page.goto(`${server.url}/${lang}/actions/${actions.items[0].id}`);
      await submit(page, `/${lang}/actions/${actions.items[0].id}/events`, { status: 'done', document: 'C99/999',
        note: `Typed note (${lang})` });
      await errorState(page, lang, 'ev-document', 'action-event');
      assert.equal(await page.locator('#ev-note').inputValue(), `Typed note (${lang})`);

      // A language file over the server's limit (20 MiB), then one of a type the form does not
      // take: the browser refuses both before any byte is uploaded, as the server would.
      const uploads = [];
      const onRequest = (r) => { if (r.method() === 'POST' && r.url().includes('/files')) uploads.push(r.url()); };
      page.on('request', onRequest);
      await page.goto(`${server.url}/${lang}/documents/${doc.id}`);
      await page.locator('#up-language').selectOption('fr');
      await page.locator('#up-file').setInputFiles({ name: 'big.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc((20 << 20) + 1, 0x20) });
      await page.locator('form[action$="/files"] button[type="submit"]').click();
      await errorState(page, lang, 'up-file', 'upload-size');
      assert.match(await page.locator('#up-file-error').innerText(), /big\.pdf/);
      await page.locator('#up-file').setInputFiles({ name: 'programme.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ') });
      await page.locator('form[action$="/files"] button[type="submit"]').click();
      await page.waitForFunction(() => document.getElementById('up-file-error')?.textContent.includes('programme.exe'));
      await errorState(page, lang, 'up-file', 'upload-type');
      assert.deepEqual(uploads, [], 'nothing uploaded');
      assert.equal(await page.locator('#up-language').inputValue(), 'fr');
      page.off('request', onRequest);

      // An adoption without its confirmation: the text's page again, the box's message next to it.
      await page.goto(`${server.url}/${lang}/texts/${text.id}`);
      await submit(page, `/${lang}/texts/${text.id}/adopt`, { decision: '424242', resolution: '1777' });
      await errorState(page, lang, 'ad-confirm', 'adopt');
      assert.equal(await page.locator('#ad-decision').inputValue(), '424242');
      assert.equal(await page.locator('#ad-resolution').inputValue(), '1777');

      // A speaker added to the agenda's list from a code that is no Member State.
      await page.goto(`${server.url}/${lang}/meetings/${councilId}/agenda`);
      await submit(page, `/${lang}/agenda-items/${agendaItem}/speakers`, { name: `Typed speaker (${lang})`,
        capacity: 'councillor', member_state: 'XX' });
      await errorState(page, lang, `sp-${agendaItem}-ms`, 'speaker');
      assert.equal(await page.locator(`#sp-${agendaItem}-name`).inputValue(), `Typed speaker (${lang})`);

      // A moderation row's rejection without its reason: the message stands in the row.
      const response = await waiting(`row.reason.${lang}@example.org`);
      await page.goto(`${server.url}/${lang}/admin/consultations/${consultation.id}`);
      await submit(page, `/${lang}/admin/responses/${response.id}/moderate`, { action: 'reject', reason: '' });
      await errorState(page, lang, `reason-${response.id}`, 'reject-reason');
      assert.equal(await page.locator(`#m-${response.reference} #reason-${response.id}-error`).count(), 1);

      // The moderation page with its campaign filter (no campaign in the demo: the choice "any").
      await page.goto(`${server.url}/${lang}/admin/consultations/${consultation.id}`);
      assert.equal(await page.locator('#f-campaign').count(), 1);
      await page.screenshot({ path: join(SHOTS, `desk-errors-moderation-${lang}.png`), fullPage: true });
      if (lang !== 'zh') await axe(page, `moderation (${lang})`);
    } finally {
      await context.close();
    }
  });
}
