// Import of documents in two phases: the preview lists what would be created, updated, left
// unchanged or refused (row, field, reason) and writes nothing; the confirmation writes it all
// in one transaction with one audit entry; importing the same files again changes nothing; a
// preview gone stale is refused with 409. The ZIP is made with Python's zipfile.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { startServer, Client, jsonOf } from '../lib/server.mjs';

// Debian's Python, whose python3-* packages scripts/setup.sh installs.
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

let server, anon, staff;
before(async () => {
  server = await startServer();
  anon = new Client(server.url);
  staff = await new Client(server.url).login();
});
after(async () => { await server?.stop(); });

function zipOf(files) {
  return execFileSync(PYTHON, ['-c', `
import io, json, sys, zipfile
out = io.BytesIO()
with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:
    for name, text in json.loads(sys.argv[1]).items():
        z.writestr(name, text)
sys.stdout.buffer.write(out.getvalue())
`, JSON.stringify(files)]);
}
function post(csv, zip) {
  const form = new FormData();
  form.append('csv', new Blob([csv]), 'documents.csv');
  if (zip) form.append('files', new Blob([zip]), 'files.zip');
  return staff.fetch('/api/v1/imports/documents', { method: 'POST', body: form });
}
async function auditCount(action) {
  const log = await jsonOf(staff.fetch('/api/v1/audit'));
  return log.items.filter((e) => e.action === action).length;
}

const CSV = [
  'symbol,date,access,title_en,title_fr,file_en,file_fr',
  'C22/INF/901,2022-03-01,public,Imported note,Note importée,note-e.txt,',
  'C22/33,,,,,,',
  'C22/51,,,,,,c22-51-f.txt',
  'C22/INF/902,2022-02-30,public,Bad date,,,',
  'C22/INF/903,2022-03-01,public,Missing file,,missing.pdf,',
  'C22/33,,secretariat,,,,',
].join('\r\n') + '\r\n';
const FILES = { 'note-e.txt': 'The imported note recalls Resolution 71 (Rev. Dubai, 2018).', 'c22-51-f.txt': 'Rapport du Président (texte importé).' };

test('the preview says what would happen and writes nothing; the confirmation writes it once', async () => {
  const zip = zipOf(FILES);
  const uploadsBefore = await auditCount('document.upload');
  const res = await post(CSV, zip);
  const plan = await res.json();
  assert.equal(res.status, 200, JSON.stringify(plan));
  assert.match(plan.preview_id, /^[A-Za-z0-9_-]{16,}$/);
  assert.deepEqual(plan.create.map((r) => [r.row, r.symbol, r.files]), [[2, 'C22/INF/901', ['en']]]);
  assert.deepEqual(plan.update.map((r) => [r.row, r.symbol, r.files]), [[4, 'C22/51', ['fr']]]);
  assert.deepEqual(plan.unchanged.map((r) => [r.row, r.symbol]), [[3, 'C22/33']]);
  assert.deepEqual(plan.refuse.map((r) => [r.row, r.field]), [[5, 'date'], [6, 'file_en'], [7, 'access']]);
  for (const r of plan.refuse) assert.ok(r.reason.startsWith(r.field + ':'), r.reason);
  assert.match(plan.refuse[1].reason, /no file "missing\.pdf" in the ZIP/);
  // Nothing written by the preview.
  assert.equal((await staff.fetch('/api/v1/documents/C22/INF/901')).status, 404);
  assert.ok(!(await jsonOf(staff.fetch('/api/v1/documents/C22/51'))).files.some((f) => f.language === 'fr'));
  assert.equal(await auditCount('document.upload'), uploadsBefore);
  assert.equal(await auditCount('import.documents'), 0);

  const confirmed = await jsonOf(staff.fetch(`/api/v1/imports/${plan.preview_id}/confirm`, { method: 'POST' }));
  assert.deepEqual({ ...confirmed, preview_id: '' }, { ...plan, preview_id: '' });
  const d = await jsonOf(anon.fetch('/api/v1/documents/C22/INF/901'));
  assert.deepEqual(d.titles, { en: 'Imported note', fr: 'Note importée' });
  assert.equal(await (await anon.fetch(`/documents/${d.id}/files/en`)).text(), FILES['note-e.txt']);
  assert.ok(d.cites.some((c) => c.kind === 'resolution' && c.number === 71), 'the imported file is scanned for citations');
  assert.ok((await jsonOf(anon.fetch('/api/v1/documents/C22/51'))).files.some((f) => f.language === 'fr'));
  assert.equal(await auditCount('import.documents'), 1);
  // A preview is confirmed once.
  assert.equal((await staff.fetch(`/api/v1/imports/${plan.preview_id}/confirm`, { method: 'POST' })).status, 404);

  // The same files again: nothing to create or update, and the confirmation changes nothing.
  const again = await jsonOf(post(CSV, zip));
  assert.deepEqual(again.create, []);
  assert.deepEqual(again.update, []);
  assert.deepEqual(again.unchanged.map((r) => r.symbol), ['C22/INF/901', 'C22/33', 'C22/51']);
  const uploads = await auditCount('document.upload');
  await jsonOf(staff.fetch(`/api/v1/imports/${again.preview_id}/confirm`, { method: 'POST' }));
  assert.equal(await auditCount('document.upload'), uploads);
  assert.equal(await auditCount('import.documents'), 1);
});

test('a preview gone stale is refused with 409 and writes nothing', async () => {
  const csv = 'symbol,date,access,title_en\r\nC22/INF/950,2022-03-02,public,Stale\r\nC22/INF/951,2022-03-02,public,Other\r\n';
  const plan = await jsonOf(post(csv));
  assert.deepEqual(plan.create.map((r) => r.symbol), ['C22/INF/950', 'C22/INF/951']);
  await jsonOf(staff.json('/api/v1/documents', { symbol: 'C22/INF/950', date: '2022-03-02', source_kind: 'secretariat',
    access: 'public', title: { en: 'Registered meanwhile' } }));
  const res = await staff.fetch(`/api/v1/imports/${plan.preview_id}/confirm`, { method: 'POST' });
  const body = await res.json();
  assert.equal(res.status, 409, JSON.stringify(body));
  assert.equal(body.error.field, 'preview_id');
  assert.equal((await staff.fetch('/api/v1/documents/C22/INF/951')).status, 404, 'nothing of the import was written');
});

test('bad imports get a specific error naming the field', async () => {
  assert.equal((await anon.fetch('/api/v1/imports/documents', { method: 'POST', body: new FormData() })).status, 401);
  for (const [csv, zip, status, field] of [['', null, 400, 'csv'], ['title_en,date\r\nX,2022-01-01\r\n', null, 400, 'csv'],
    ['symbol\r\n"C22/1\r\n', null, 400, 'csv'], ['symbol\r\nC22/1\r\n', Buffer.from('not a zip'), 400, 'files']]) {
    const res = csv === '' ? await staff.fetch('/api/v1/imports/documents', { method: 'POST', body: new FormData() }) : await post(csv, zip);
    const body = await res.json();
    assert.equal(res.status, status, JSON.stringify(body));
    assert.equal(body.error.field, field, JSON.stringify(body));
  }
  assert.equal((await staff.fetch('/api/v1/imports/nosuchpreview/confirm', { method: 'POST' })).status, 404);
});

function postResolutions(csv) {
  const form = new FormData();
  form.append('csv', new Blob([csv]), 'resolutions.csv');
  return staff.fetch('/api/v1/imports/resolutions', { method: 'POST', body: form });
}

test('resolutions import from a CSV in two phases; the same file again changes nothing', async () => {
  const registered = (await jsonOf(anon.fetch('/api/v1/resolutions'))).items;
  const known = registered.find((r) => r.status === 'in_force' && r.titles?.en);
  assert.ok(known, 'a registered resolution in force with an English title');
  const years = known.revisions.map((v) => `${v.year}${v.place ? ' ' + v.place : ''}`).join('; ');
  const csv = [
    'instrument,number,title_en,title_fr,revisions,status,merged_into,status_year',
    'pp,901,"Imported resolution, with a comma",Résolution importée,2014 Busan; 2018 Dubai,in_force,,',
    'council,9902,Imported Council resolution,,2021,abrogated,,2022',
    `${known.instrument},${known.number},"${known.titles.en.replace(/"/g, '""')}",,${years},in_force,,`,
    `${known.instrument},${known.number + 0},Another title,,${years},in_force,,`,
    'xx,5,Bad instrument,,2020,,,',
    'pp,abc,Bad number,,2020,,,',
    'pp,903,Bad versions,,Dubai 2018,,,',
  ].join('\r\n') + '\r\n';
  const before = (await jsonOf(anon.fetch('/api/v1/resolutions'))).items.length;
  const plan = await jsonOf(postResolutions(csv));
  assert.equal(plan.kind, 'resolutions');
  assert.deepEqual(plan.create.map((r) => [r.row, r.symbol]), [[2, 'pp/901'], [3, 'council/9902']]);
  assert.deepEqual(plan.unchanged.map((r) => r.row), [4]);
  assert.deepEqual(plan.refuse.map((r) => [r.row, r.field]),
    [[5, 'title_en'], [6, 'instrument'], [7, 'number'], [8, 'revisions']]);
  assert.equal((await jsonOf(anon.fetch('/api/v1/resolutions'))).items.length, before, 'the preview writes nothing');
  assert.equal((await anon.fetch('/api/v1/resolutions/pp/901')).status, 404);

  const done = await jsonOf(staff.json(`/api/v1/imports/${plan.preview_id}/confirm`, {}));
  assert.deepEqual(done.create.map((r) => r.symbol), ['pp/901', 'council/9902']);
  const r = await jsonOf(anon.fetch('/api/v1/resolutions/pp/901'));
  assert.equal(r.titles.en, 'Imported resolution, with a comma');
  assert.deepEqual(r.revisions.map((v) => [v.year, v.revised]), [[2014, false], [2018, true]]);
  assert.equal((await jsonOf(anon.fetch('/api/v1/resolutions/council/9902'))).status, 'abrogated');
  assert.equal(await auditCount('import.resolutions'), 1);

  // Again: nothing to create, nothing written, no audit entry.
  const again = await jsonOf(postResolutions(csv));
  assert.deepEqual(again.create, []);
  assert.deepEqual(again.unchanged.map((x) => x.row), [2, 3, 4]);
  await jsonOf(staff.json(`/api/v1/imports/${again.preview_id}/confirm`, {}));
  assert.equal((await jsonOf(anon.fetch('/api/v1/resolutions'))).items.length, before + 2);
  assert.equal(await auditCount('import.resolutions'), 1, 'an import that writes nothing is not audited');
  const bad = await postResolutions('symbol,date\r\nC22/1,2022-01-01\r\n');
  assert.equal(bad.status, 400);
  assert.equal((await bad.json()).error.field, 'csv');
});

test('a resolution listed twice: the second row is refused as a duplicate of the first, in the preview and the page', async () => {
  const registered = (await jsonOf(anon.fetch('/api/v1/resolutions'))).items;
  const known = registered.find((r) => r.status === 'in_force' && r.titles?.en);
  const years = known.revisions.map((v) => `${v.year}${v.place ? ' ' + v.place : ''}`).join('; ');
  const knownRow = `${known.instrument},${known.number},"${known.titles.en.replace(/"/g, '""')}",${years}`;
  const csv = ['instrument,number,title_en,revisions', 'pp,906,Listed twice,2022 Bucharest',
    'pp,906,Listed twice,2022 Bucharest', knownRow, knownRow].join('\r\n') + '\r\n';
  const before = (await jsonOf(anon.fetch('/api/v1/resolutions'))).items.length;
  const plan = await jsonOf(postResolutions(csv));
  assert.deepEqual(plan.create.map((r) => [r.row, r.symbol]), [[2, 'pp/906']]);
  assert.deepEqual(plan.unchanged.map((r) => r.row), [4]);
  assert.deepEqual(plan.refuse.map((r) => [r.row, r.field, r.duplicate_of]), [[3, 'number', 2], [5, 'number', 4]]);
  assert.equal(plan.refuse[0].reason, 'number: pp/906 appears twice in the file (line 2)');
  // The confirmation writes the first row once.
  const done = await jsonOf(staff.json(`/api/v1/imports/${plan.preview_id}/confirm`, {}));
  assert.deepEqual(done.create.map((r) => r.symbol), ['pp/906']);
  assert.equal((await jsonOf(anon.fetch('/api/v1/resolutions'))).items.length, before + 1);
  assert.equal((await jsonOf(anon.fetch('/api/v1/resolutions/pp/906'))).titles.en, 'Listed twice');

  // The desk page flags the row next to it in the reader's language (sentences written by hand).
  const page = async (lang, body) => {
    const form = new FormData();
    form.append('csrf', staff.csrf);
    form.append('kind', 'resolutions');
    form.append('csv', new Blob([body]), 'r.csv');
    const res = await staff.fetch(`/${lang}/admin/imports`, { method: 'POST', body: form });
    assert.equal(res.status, 200);
    return res.text();
  };
  const twice = ['instrument,number,title_en,revisions', 'pp,907,Twice on the desk,2022 Bucharest',
    'pp,907,Twice on the desk,2022 Bucharest'].join('\r\n') + '\r\n';
  const fr = await page('fr', twice);
  assert.match(fr, /id="import-create"[^]*Ligne 2[^]*pp\/907/);
  assert.match(fr, /id="import-refuse"><li[^>]*>Ligne 3, <code>number<\/code>\u00a0: Doublon de la ligne 2\u00a0: pp\/907 figure deux fois dans le fichier\u00a0; seule la ligne 2 sera importée\.<\/li>/);
  assert.match(fr, /\/confirm"/, 'line 2 can be imported: the confirmation is offered');
  const zh = await page('zh', twice);
  assert.match(zh, /与第2行重复：pp\/907在文件中出现两次；只导入第2行。/);
  const ar = await page('ar', twice);
  assert.match(ar, /تكرار للسطر 2: يرد pp\/907 مرتين في الملف؛ ولن يُستورد إلا السطر 2\./);
  // A file whose rows are all unchanged or duplicates offers no confirmation.
  const nothing = await page('fr', ['instrument,number,title_en,revisions', knownRow, knownRow].join('\r\n') + '\r\n');
  assert.match(nothing, /id="import-nothing"/);
  assert.match(nothing, /Doublon de la ligne 2/);
  assert.doesNotMatch(nothing, /\/confirm"/);
});

test('the desk page previews and confirms an import in the reader\'s language', async () => {
  const html = await (await staff.fetch('/fr/admin/imports')).text();
  assert.match(html, /Importer des documents ou des résolutions/);
  const anonPage = await anon.fetch('/fr/admin/imports');
  assert.notEqual(anonPage.status, 200, 'staff only');
  assert.doesNotMatch(await anonPage.text(), /id="import-form"/);
  const csv = 'instrument,number,title_en,revisions\r\npp,904,Desk import,2022 Bucharest\r\npp,905,Second desk import,1999\r\nxx,1,No,2000\r\n';
  const form = new FormData();
  form.append('csrf', staff.csrf);
  form.append('kind', 'resolutions');
  form.append('csv', new Blob([csv]), 'r.csv');
  const res = await staff.fetch('/fr/admin/imports', { method: 'POST', body: form });
  assert.equal(res.status, 200);
  const page = await res.text();
  assert.match(page, /Aperçu\u00a0: rien n’est encore enregistré/);
  assert.match(page, /id="import-create"[^]*pp\/904[^]*pp\/905/);
  assert.match(page, /id="import-refuse"[^]*Ligne 4/);
  assert.equal((await anon.fetch('/api/v1/resolutions/pp/904')).status, 404, 'the preview writes nothing');
  const id = page.match(/\/fr\/admin\/imports\/([A-Za-z0-9_-]+)\/confirm/)[1];
  const confirm = await staff.fetch(`/fr/admin/imports/${id}/confirm`, { method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrf: staff.csrf }).toString() });
  assert.equal(confirm.status, 303);
  assert.equal(confirm.headers.get('location'), '/fr/admin/imports?done=import');
  assert.equal((await jsonOf(anon.fetch('/api/v1/resolutions/pp/904'))).titles.en, 'Desk import');
  // The same file again: nothing to write, no confirmation offered.
  const again = await (await staff.fetch('/fr/admin/imports', { method: 'POST', body: form })).text();
  assert.match(again, /id="import-nothing"/);
  assert.doesNotMatch(again, /\/confirm"/);
});
