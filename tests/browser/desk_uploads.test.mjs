// The secretariat's two uploads, through their page forms in English, Chinese and Arabic, with
// JavaScript on: a consultation meeting's attendance export (Zoom CSV) on the consultation's desk
// page, and an import of documents (CSV with a ZIP of their files) and resolutions on the import
// page. A good file is taken and what it made shows on the page (the figures and the
// registration ticked; the preview's rows, then the document's page); a bad file is refused with
// a sentence in the reader's language next to the file input (aria-invalid, aria-describedby),
// in the summary that takes the focus, nothing written, and the import form keeps the kind
// chosen. axe-core on each page and error state (English, Arabic), the right-to-left layout
// (Arabic); screenshots test-results/desk-uploads-*.png. The sentences are the catalogues'
// (web/messages/*.json), typed here by hand.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startServer, Client, jsonOf, dateFromNow } from '../lib/server.mjs';
import { launchChromium, signedInPage, assertRtlLayout, axe } from '../lib/browser.mjs';

const SHOTS = resolve(import.meta.dirname, '../../test-results');
let server, browser, staff, consultation;

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer();
  staff = await new Client(server.url).login();
  browser = await launchChromium();
  consultation = await jsonOf(staff.fetch('/api/v1/consultations/environment'));
  assert.ok(consultation.meeting_id, 'the demo consultation has its consultation meeting');
});
after(async () => { await browser?.close(); await server?.stop(); });

const L = {
  en: {
    attendance: 'Import the attendance export (CSV)', imported: 'The attendance was imported.',
    noHeader: '“Import the attendance export (CSV)”: the file is not a Zoom participant report: no line has the columns “Name (Original Name)” and “Duration (Minutes)”.',
    counts: (r, a) => `${r} registered, ${a} attended`,
    kindDocuments: 'Documents (CSV, with a ZIP of their files)', kindResolutions: 'Resolutions (CSV)',
    csv: 'CSV file', zip: 'ZIP of the documents’ files (documents only)', preview: 'Preview the import',
    confirm: 'Confirm the import', written: 'The import was written.',
    noColumn: '“CSV file”: the header has no column “number”.',
    notZip: '“ZIP of the documents’ files (documents only)” is not a ZIP file.',
    filesAgain: 'Attached files are not kept when a form is refused: choose them again before sending.',
  },
  zh: {
    attendance: '导入出席记录（CSV）', imported: '已导入出席记录。',
    noHeader: '“导入出席记录（CSV）”不是Zoom参会者报告：没有任何一行包含“Name (Original Name)”和“Duration (Minutes)”两列。',
    counts: (r, a) => `注册${r}人，出席${a}人`,
    kindDocuments: '文件（CSV，另附其文件的ZIP）', kindResolutions: '决议（CSV）',
    csv: 'CSV文件', zip: '文件的ZIP包（仅限文件）', preview: '预览导入',
    confirm: '确认导入', written: '导入已写入。',
    noColumn: '“CSV文件”的标题行缺少“number”列。',
    notZip: '“文件的ZIP包（仅限文件）”不是ZIP文件。',
    filesAgain: '表格未被接受时不会保留所附文件：请在提交前重新选择文件。',
  },
  ar: {
    attendance: 'استيراد سجل الحضور (CSV)', imported: 'استُورد سجل الحضور.',
    noHeader: 'الملف «استيراد سجل الحضور (CSV)» ليس تقرير مشاركين من Zoom: لا يحتوي أي سطر فيه على العمودين «Name (Original Name)» و«Duration (Minutes)».',
    counts: (r, a) => `المسجلون: ${r}، الحاضرون: ${a}`,
    kindDocuments: 'وثائق (CSV مع ملف ZIP لملفاتها)', kindResolutions: 'قرارات (CSV)',
    csv: 'ملف CSV', zip: 'ملف ZIP لملفات الوثائق (للوثائق فقط)', preview: 'معاينة الاستيراد',
    confirm: 'تأكيد الاستيراد', written: 'سُجِّل الاستيراد.',
    noColumn: 'ليس في سطر العناوين للملف «ملف CSV» عمود «number».',
    notZip: 'الملف «ملف ZIP لملفات الوثائق (للوثائق فقط)» ليس ملف ZIP.',
    filesAgain: 'لا تُحفظ الملفات المرفقة عند رفض الاستمارة: اخترها مرة أخرى قبل الإرسال.',
  },
};

// A ZIP of `files` (name → text), made with Python's zipfile.
function zipOf(files) {
  return execFileSync('python3', ['-c', `
import io, json, sys, zipfile
out = io.BytesIO()
with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:
    for name, text in json.loads(sys.argv[1]).items():
        z.writestr(name, text)
sys.stdout.buffer.write(out.getvalue())
`, JSON.stringify(files)]);
}

// The refusal of the file input `id` as the person sees it: the summary has the focus and links
// to the input, the sentence stands next to it, the input is marked and described by it.
async function refusedNextTo(page, id, sentence, what) {
  await page.locator('#error-summary').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'error-summary', `${what}: the summary has the focus`);
  assert.equal(await page.locator(`#error-summary a[href="#${id}"]`).innerText(), sentence, `${what}: the summary`);
  assert.equal(await page.locator(`#${id}-error`).innerText(), sentence, `${what}: next to the input`);
  assert.equal(await page.locator(`#${id}`).getAttribute('aria-invalid'), 'true');
  assert.match(await page.locator(`#${id}`).getAttribute('aria-describedby'), new RegExp(`\\b${id}-error\\b`));
}

const submitOf = (page, form) => Promise.all([page.waitForNavigation(), page.locator(`${form} button[type=submit]`).click()]);

for (const lang of ['en', 'zh', 'ar']) {
  test(`${lang}: a meeting's attendance export uploaded from the consultation's desk page`, async () => {
    const t = L[lang];
    const mid = consultation.meeting_id;
    const email = `delegate.${lang}@example.org`, name = `Registered Person ${lang.toUpperCase()}`;
    const reg = await jsonOf(staff.json(`/api/v1/meetings/${mid}/registrations`,
      { name, organization: 'Upload Test', stakeholder_type: 'civil_society', country: 'KE', email }), 201);
    const meetingNow = async () => jsonOf(staff.fetch(`/api/v1/meetings/${mid}`));
    const { context, page } = await signedInPage(browser, server.url);
    try {
      await page.goto(`${server.url}/${lang}/admin/consultations/${consultation.id}`);
      const form = `form[action="/${lang}/admin/meetings/${mid}/attendance"]`;
      assert.equal(await page.locator(`label[for=att-file]`).innerText(), t.attendance);
      const before = await meetingNow();
      const countsOf = () => page.locator(`${form}`).locator('xpath=preceding-sibling::p[1]').innerText();
      assert.equal(await countsOf(), t.counts(before.registered, before.attended));

      // A file that is no Zoom report: refused next to the input, nothing recorded.
      await page.locator('#att-file').setInputFiles({ name: 'attendance.csv', mimeType: 'text/csv', buffer: Buffer.from('a,b\r\n1,2\r\n') });
      await submitOf(page, form);
      await refusedNextTo(page, 'att-file', t.noHeader, `${lang} attendance`);
      assert.deepEqual(await meetingNow(), before, 'nothing recorded');
      await page.screenshot({ path: join(SHOTS, `desk-uploads-attendance-error-${lang}.png`), fullPage: false });
      if (lang === 'ar') await assertRtlLayout(page, 'ar attendance refused');
      if (lang !== 'zh') await axe(page, `${lang} attendance refused`);

      // The export: the registered person (twice, by e-mail) and a guest without an address.
      const day = dateFromNow(-1).us;
      const zoom = '\ufeffMeeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants\r\n' +
        `812 3456 7890,Consultation meeting,${day} 12:55:00 PM,${day} 03:05:00 PM,host@example.int,130,3\r\n\r\n` +
        'Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest\r\n' +
        `${name},${email},${day} 01:00:00 PM,${day} 01:40:00 PM,40,Yes\r\n` +
        `${name} (phone),${email.toUpperCase()},${day} 01:45:00 PM,${day} 03:00:00 PM,75,Yes\r\n` +
        `Guest Without Address ${lang},,${day} 01:00:00 PM,${day} 02:00:00 PM,60,Yes\r\n`;
      await page.locator('#att-file').setInputFiles({ name: 'zoom-participants.csv', mimeType: 'text/csv', buffer: Buffer.from(zoom) });
      await submitOf(page, form);
      assert.equal(await page.locator('p.notice[role=status]').innerText(), t.imported);
      assert.equal(await page.locator('#error-summary').count(), 0);
      const after = await meetingNow();
      assert.equal(after.attended, before.attended + 2, 'two persons attended (one of them twice)');
      assert.equal(await countsOf(), t.counts(after.registered, after.attended), 'the page shows the new figures');
      const row = page.locator('tr', { has: page.locator('td', { hasText: name }) });
      assert.equal(await row.count(), 1, 'the registration is listed');
      assert.equal(await row.locator('td').nth(2).innerText(), '✓', 'and ticked as attended');
      const regs = await jsonOf(staff.fetch(`/api/v1/meetings/${mid}/registrations`));
      assert.equal(regs.items.find((r) => r.id === reg.id).attended, true);
      await page.screenshot({ path: join(SHOTS, `desk-uploads-attendance-${lang}.png`), fullPage: false });
      if (lang === 'ar') await assertRtlLayout(page, 'ar attendance imported');
      if (lang !== 'zh') await axe(page, `${lang} attendance imported`);
    } finally {
      await context.close();
    }
  });

  test(`${lang}: documents and resolutions imported from the import page`, async () => {
    const t = L[lang];
    const n = { en: 1, zh: 2, ar: 3 }[lang];
    const symbol = `C22/INF/97${n}`;
    const { context, page } = await signedInPage(browser, server.url);
    try {
      await page.goto(`${server.url}/${lang}/admin/imports`);
      // Documents with a ZIP that is no ZIP: refused next to the ZIP's input; the kind stays.
      const csv = `symbol,date,access,title_en,file_en\r\n${symbol},2022-03-01,public,Imported note ${lang},note-${lang}.txt\r\n`;
      await page.getByLabel(t.kindDocuments).check();
      await page.getByLabel(t.csv).setInputFiles({ name: 'documents.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      await page.getByLabel(t.zip).setInputFiles({ name: 'files.zip', mimeType: 'application/zip', buffer: Buffer.from('not a zip') });
      await submitOf(page, '#import-form');
      await refusedNextTo(page, 'import-files', t.notZip, `${lang} import ZIP`);
      assert.equal(await page.locator('#import-kind-documents').isChecked(), true, 'the kind chosen is kept');
      assert.equal(await page.locator('#import-form p.note').innerText(), t.filesAgain);
      assert.equal((await staff.fetch(`/api/v1/documents/${symbol}`)).status, 404, 'nothing written');
      await page.screenshot({ path: join(SHOTS, `desk-uploads-import-zip-error-${lang}.png`), fullPage: false });
      if (lang !== 'zh') await axe(page, `${lang} import ZIP refused`);

      // Resolutions without their number column: refused next to the CSV's input; the kind stays.
      await page.getByLabel(t.kindResolutions).check();
      await page.getByLabel(t.csv).setInputFiles({ name: 'resolutions.csv', mimeType: 'text/csv',
        buffer: Buffer.from('instrument,title_en,revisions\r\npp,No number,2018 Dubai\r\n') });
      await submitOf(page, '#import-form');
      await refusedNextTo(page, 'import-csv', t.noColumn, `${lang} import CSV`);
      assert.equal(await page.locator('#import-kind-resolutions').isChecked(), true, 'the kind chosen is kept');
      await page.screenshot({ path: join(SHOTS, `desk-uploads-import-error-${lang}.png`), fullPage: false });
      if (lang === 'ar') await assertRtlLayout(page, 'ar import refused');
      if (lang !== 'zh') await axe(page, `${lang} import CSV refused`);

      // The documents again, with a real ZIP: the preview lists the document and its English
      // file; confirming writes it, and the document's page shows it with its file.
      await page.getByLabel(t.kindDocuments).check();
      await page.getByLabel(t.csv).setInputFiles({ name: 'documents.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      await page.getByLabel(t.zip).setInputFiles({ name: 'files.zip', mimeType: 'application/zip',
        buffer: zipOf({ [`note-${lang}.txt`]: `The imported note (${lang}).` }) });
      await submitOf(page, '#import-form');
      assert.equal(await page.locator('#error-summary').count(), 0);
      const created = await page.locator('#import-create li').allInnerTexts();
      assert.equal(created.length, 1);
      assert.ok(created[0].includes(symbol), `the preview lists ${symbol}: ${created[0]}`);
      assert.equal((await staff.fetch(`/api/v1/documents/${symbol}`)).status, 404, 'the preview writes nothing');
      await page.screenshot({ path: join(SHOTS, `desk-uploads-import-preview-${lang}.png`), fullPage: false });
      if (lang === 'ar') await assertRtlLayout(page, 'ar import preview');
      if (lang !== 'zh') await axe(page, `${lang} import preview`);
      await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: t.confirm }).click()]);
      assert.equal(await page.locator('p.notice[role=status]').innerText(), t.written);
      const doc = await jsonOf(staff.fetch(`/api/v1/documents/${symbol}`));
      assert.equal(doc.title.en ?? doc.titles?.en, `Imported note ${lang}`);
      await page.goto(`${server.url}/${lang}/documents/${symbol}`);
      assert.match(await page.locator('main').innerText(), new RegExp(`Imported note ${lang}`));
      assert.equal(await page.locator(`main a[href*="/files/en"]`).count() >= 1, true, 'the English file is linked');
      if (lang !== 'zh') await axe(page, `${lang} imported document`);
    } finally {
      await context.close();
    }
  });
}
