// A desk form refused by a redirect back to its page keeps everything typed, whatever its length:
// a new consultation's 10,000-character description (line breaks and all) and a long title come
// back intact. The values stay on the server (site::KeepTyped, table form_refills): the address
// of the redirect names only a token, never what was typed, and only the session that typed it
// reads them back; another session (the same account signed in elsewhere) sees the refusal
// without them. Runs on SQLite and on PostgreSQL (PLENARY_TEST_BACKEND).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client } from '../lib/server.mjs';

let server, staff, other;
before(async () => {
  server = await startServer();
  staff = await new Client(server.url).login();
  other = await new Client(server.url).login();
});
after(async () => { await server?.stop(); });

const unescape = (s) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&#x27;/g, "'").replace(/&lt;/g, '<')
  .replace(/&gt;/g, '>').replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n))).replace(/&amp;/g, '&');
const textareaOf = (html, id) => {
  const m = html.match(new RegExp(`<textarea[^>]*\\bid="${id}"[^>]*>([\\s\\S]*?)</textarea>`));
  assert.ok(m, `the textarea #${id}`);
  // A newline right after the start tag belongs to the markup (HTML drops it).
  return unescape(m[1].replace(/^\n/, ''));
};
const valueOf = (html, id) => {
  const tag = html.match(new RegExp(`<input[^>]*\\bid="${id}"[^>]*>`))?.[0];
  assert.ok(tag, `the input #${id}`);
  return unescape(tag.match(/\svalue="([^"]*)"/)?.[1] ?? '');
};

// Paragraphs of several lines, with characters that need escaping, in several scripts.
const paragraph = (i) => `Paragraph ${i}: “AI & the public” <policy> — 人工智能 الذكاء الاصطناعي\nsecond line of ${i}\r\n`;
let description = '';
for (let i = 1; description.length < 10000; i++) description += paragraph(i);
description = description.slice(0, 10000);
const title = 'A long title, '.repeat(200).trim();  // 2,799 characters, over the old 2,000-byte cut

// The description as a browser posts it and a page shows it: line breaks as CR LF.
const asPosted = (s) => s.replace(/\r?\n/g, '\r\n');

async function refuse() {
  const res = await staff.fetch('/zh/admin/consultations', {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrf: staff.csrf, key: 'Bad Key!', title_en: title, description_en: asPosted(description),
      opens_at: '2030-01-01T10:00', deadline: '2030-02-01T10:00', timezone: 'Asia/Shanghai' }) });
  assert.equal(res.status, 303, 'the refused form goes back to its page');
  return res.headers.get('location');
}

test('a refused new consultation keeps its 10,000-character description and its long title', async () => {
  assert.equal(description.length, 10000);
  const location = await refuse();
  // Nothing typed in the address: only the refusal and the token.
  assert.ok(location.length < 400, `a short address (${location.length} characters)`);
  for (const typed of ['long title', 'Paragraph', 'AI', 'Asia'])
    assert.ok(!decodeURIComponent(location).includes(typed), `the address carries no typed "${typed}"`);
  assert.match(location, /[?&]kept=[A-Za-z0-9_-]+/);
  const html = await (await staff.fetch(location)).text();
  assert.match(html, /id="error-summary"/, 'the page shows the refusal');
  const shown = textareaOf(html, 'c-desc');
  assert.equal(shown.replace(/\r\n/g, '\n'), description.replace(/\r\n/g, '\n'), 'the description, line for line');
  assert.equal(shown.replace(/\r\n/g, '\n').split('\n').length, description.replace(/\r\n/g, '\n').split('\n').length);
  assert.equal(valueOf(html, 'c-title-en'), title);
  assert.equal(valueOf(html, 'c-tz'), 'Asia/Shanghai');
  // Reloaded, the page still has them.
  const again = await (await staff.fetch(location)).text();
  assert.equal(valueOf(again, 'c-title-en'), title);
});

test('another session cannot read what a refused form kept', async () => {
  const location = await refuse();
  const html = await (await other.fetch(location)).text();
  assert.match(html, /id="error-summary"/, 'the refusal itself is shown');
  assert.equal(textareaOf(html, 'c-desc'), '', 'no description');
  assert.equal(valueOf(html, 'c-title-en'), '', 'no title');
  assert.ok(!html.includes('A long title'), 'nothing typed anywhere on the page');
  // Signed out, the desk is not shown at all.
  const anonymous = await new Client(server.url).fetch(location, { redirect: 'manual' });
  assert.ok(!(await anonymous.text()).includes('A long title'));
  // And the typist still reads them.
  const mine = await (await staff.fetch(location)).text();
  assert.equal(valueOf(mine, 'c-title-en'), title);
});

test('a token that is not one the session kept shows nothing typed', async () => {
  const location = await refuse();
  const forged = location.replace(/kept=[A-Za-z0-9_-]+/, 'kept=AAAAAAAAAAAAAAAAAAAAAA');
  const html = await (await staff.fetch(forged)).text();
  assert.match(html, /id="error-summary"/);
  assert.equal(valueOf(html, 'c-title-en'), '');
});
