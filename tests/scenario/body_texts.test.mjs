// A body's name and description in the six languages: a body created on the desk in English
// only is listed on the "translations needed" page, which links to its six-language form
// (/admin/translations/body/{id}); saving there (or PATCH /api/v1/bodies/{id}) names it in the
// other languages, with each language's state, audited as body.edit with the old text; an
// emptied name is refused next to its input in the reader's language; a delegate is refused.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, jsonOf } from '../lib/server.mjs';

let server, admin, body;
before(async () => {
  server = await startServer();
  admin = await new Client(server.url).login();
  // Created from the desk's form, which asks for the English name only.
  const res = await post(admin, '/en/admin/bodies',
    { key: 'wg-audit', acronym: 'WG-AUD', name_en: 'Working Group on Audits', membership: 'open' });
  assert.equal(res.status, 303);
  body = await jsonOf(admin.fetch('/api/v1/bodies/wg-audit'));
});
after(async () => { await server?.stop(); });

const post = (client, path, fields) => client.fetch(path, { method: 'POST', redirect: 'manual',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams({ csrf: client.csrf, ...fields }).toString() });

test('a body named in English only is listed as lacking five languages, with its form', async () => {
  const href = `/en/admin/translations/body/${body.id}`;
  const page = await (await admin.fetch('/en/admin/translations')).text();
  assert.ok(page.includes(`href="${href}"`), 'the translations page links the body\'s form');
  const at = page.indexOf(`href="${href}"`);
  const row = page.slice(at, page.indexOf('</ul>', at)).replace(/<[^>]+>/g, '');
  assert.match(row, /Chinese: Name \(missing\)/);
  const form = await (await admin.fetch(href)).text();
  for (const l of ['ar', 'zh', 'en', 'fr', 'ru', 'es']) {
    assert.match(form, new RegExp(`name="name_${l}"`), `the form has the name in ${l}`);
    assert.match(form, new RegExp(`name="description_${l}"`), `the form has the description in ${l}`);
  }
  // A body's name, not a person's (姓名, Имя и фамилия), on its form and the desk's.
  for (const [lang, label, person] of [['zh', '名称', '姓名'], ['ru', 'Название', 'Имя и фамилия']]) {
    for (const path of [`/${lang}/admin/translations/body/${body.id}`, `/${lang}/admin`]) {
      const html = await (await admin.fetch(path)).text();
      // The desk's input's label; the six-language form's legend of the field (its first).
      const labels = (path.endsWith('/admin') ? [...html.matchAll(/<label for="b-name"[^>]*>([^<]*)</g)]
        : [...html.matchAll(/<legend>([^<]*)<\/legend>/g)].slice(0, 1)).map((m) => m[1]);
      assert.ok(labels.length >= 1, `${path} labels the name`);
      for (const l of labels) assert.ok(l.includes(label) && !l.includes(person), `${path}: ${l}`);
    }
  }
});

test('a body refused on the desk for its missing name says so with a body\'s label', async () => {
  const res = await post(admin, '/zh/admin/bodies', { key: 'wg-none', acronym: 'WG-N', name_en: '', membership: 'open' });
  assert.equal(res.status, 303);
  const html = await (await admin.fetch(res.headers.get('location'))).text();
  assert.match(html, /id="b-name-error">“名称”为必填项。</);
});

test('the form names the body in other languages, a draft marked; audited with the old text', async () => {
  const res = await post(admin, `/en/admin/translations/body/${body.id}`, {
    name_en: 'Working Group on Audits', name_zh: '审计工作组', name_ar: 'الفريق العامل المعني بالمراجعة',
    name_draft_ar: '1', description_en: 'Audits the accounts.' });
  assert.equal(res.status, 303, await res.text());
  const got = await jsonOf(admin.fetch('/api/v1/bodies/wg-audit'));
  assert.deepEqual(got.names, { en: 'Working Group on Audits', zh: '审计工作组', ar: 'الفريق العامل المعني بالمراجعة' });
  assert.equal(got.states.name.ar, 'draft');
  assert.equal(got.states.name.zh, 'final');
  assert.equal(got.states.name.fr, 'missing');
  const zh = await jsonOf(admin.fetch('/api/v1/bodies/wg-audit?lang=zh'));
  assert.equal(zh.name, '审计工作组');
  const audit = await jsonOf(admin.fetch('/api/v1/audit'));
  const entry = audit.items.find((e) => e.action === 'body.edit' && e.object_id === body.id);
  assert.ok(entry, 'the edit is audited');
  assert.ok(!JSON.stringify(entry.before).includes('审计工作组'), 'before: the old texts');
  const zhPage = await (await new Client(server.url).fetch('/zh/bodies/wg-audit')).text();
  assert.ok(zhPage.includes('审计工作组'), 'the body\'s page shows its Chinese name');
});

test('PATCH /api/v1/bodies/{id}: staff only; an emptied name refused, nothing changed', async () => {
  const patch = (client, b) => client.fetch(`/api/v1/bodies/${body.id}`, { method: 'PATCH',
    headers: { 'content-type': 'application/json', 'x-csrf-token': client.csrf }, body: JSON.stringify(b) });
  const before = await jsonOf(admin.fetch('/api/v1/bodies/wg-audit'));
  const bad = await patch(admin, { name: { en: '' } });
  assert.equal(bad.status, 400);
  assert.match((await bad.json()).error.field, /^name/);
  const ok = await jsonOf(patch(admin, { name: { ...before.names, fr: 'Groupe de travail sur les audits' } }));
  assert.equal(ok.name.fr, 'Groupe de travail sur les audits');
  assert.equal((await patch(new Client(server.url), { name: { en: 'X' } })).status, 401);
  // The form with every name emptied, refused: the message next to the name, in the reader's
  // language, and what was typed kept.
  const refused = await post(admin, `/fr/admin/translations/body/${body.id}`, { name_en: '', description_zh: '审计账目。' });
  assert.equal(refused.status, 400);
  const html = await refused.text();
  assert.match(html, /aria-invalid="true"/);
  assert.ok(html.includes('审计账目。'), 'what was typed is kept');
  assert.match(html, /lang="fr"/);
  assert.equal((await jsonOf(admin.fetch('/api/v1/bodies/wg-audit'))).names.fr, 'Groupe de travail sur les audits');
});
