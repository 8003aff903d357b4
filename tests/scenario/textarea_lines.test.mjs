// A refused form keeps what was typed in its textareas line for line. The forms are not listed
// here: the pages are crawled (as the secretariat, following the site's own links from the home
// page, the desk and the negotiated texts, one page per route shape) and every form posting from
// a page that holds a <textarea> is posted as a browser would post it, each textarea holding
// several lines, with one other field made wrong (a choice that is none of the options, a
// value against the input's pattern or over its maximum length, a required input left empty).
// The answer (the form shown again, or the page a redirect with the error leads to) must show
// the same form with each textarea holding the lines typed. A new textarea is covered without a
// change here; a form that this cannot refuse fails until it is named in NOT_REFUSABLE with why.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, jsonOf } from '../lib/server.mjs';

let server, staff;
before(async () => {
  server = await startServer();
  staff = await new Client(server.url).login();
});
after(async () => { await server?.stop(); });

// Forms with a textarea that no wrong field of their own refuses, with the reason.
const NOT_REFUSABLE = new Map([
  // A redaction: its only fields are the answers' replacements (hidden ones name the page), and
  // a replacement of any length is taken (left to the moderator).
  ['/admin/responses/N/moderate', 'a redaction has no field of its own that can be wrong'],
]);

const unescape = (s) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&#x27;/g, "'").replace(/&lt;/g, '<')
  .replace(/&gt;/g, '>').replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n))).replace(/&amp;/g, '&');
const attr = (tag, name) => {
  const m = tag.match(new RegExp(`\\s${name}(?:="([^"]*)")?(?=[\\s>/])`));
  return m ? unescape(m[1] ?? '') : undefined;
};
// Numbers and document symbols replaced: one page, and one form, per shape.
const shape = (path) => path.replace(/^\/[a-z]{2}\//, '/').replace(/\?.*$/, '')
  .replace(/\/[A-Z]+[0-9A-Za-z.()-]*(\/[0-9A-Za-z.()-]+)*$/, '/SYMBOL').replace(/\/\d+(?=\/|$)/g, '/N');

// The post forms of a page: action, the fields a browser sends as the page stands, the
// textareas, and the inputs that could be made wrong.
function formsOf(html) {
  const main = html.slice(html.indexOf('<main'));
  const forms = [];
  for (const m of main.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const [, tagAttrs, body] = m;
    if ((attr(`<form${tagAttrs}>`, 'method') || '').toLowerCase() !== 'post') continue;
    const multipart = /enctype="multipart/.test(tagAttrs);
    const action = attr(`<form${tagAttrs}>`, 'action');
    const fields = [], textareas = [], wrongs = [];
    for (const t of body.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g)) {
      const name = attr(`<textarea${t[1]}>`, 'name');
      if (!name) continue;
      textareas.push({ name, max: Number(attr(`<textarea${t[1]}>`, 'maxlength')) || 0 });
      fields.push([name, unescape(t[2])]);
    }
    for (const s of body.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
      const name = attr(`<select${s[1]}>`, 'name');
      if (!name || attr(`<select${s[1]}>`, 'form') !== undefined) continue;
      const options = [...s[2].matchAll(/<option\b([^>]*)>/g)].map((o) => ({ value: attr(`<option${o[1]}>`, 'value') ?? '', selected: attr(`<option${o[1]}>`, 'selected') !== undefined }));
      const chosen = options.find((o) => o.selected) ?? options[0];
      fields.push([name, chosen ? chosen.value : '']);
      wrongs.push({ why: `${name}: a choice that is none of the options`, name, value: 'no-such-choice' });
    }
    for (const i of body.replace(/<textarea\b[\s\S]*?<\/textarea>/g, '').matchAll(/<input\b[^>]*>/g)) {
      const tag = i[0], name = attr(tag, 'name'), type = (attr(tag, 'type') || 'text').toLowerCase();
      if (!name || type === 'file' || type === 'submit') continue;
      const value = attr(tag, 'value') ?? '';
      if (type === 'checkbox' || type === 'radio') {
        if (attr(tag, 'checked') !== undefined) fields.push([name, value || 'on']);
        continue;
      }
      fields.push([name, value]);
      if (type === 'hidden') continue;
      const pattern = attr(tag, 'pattern'), max = Number(attr(tag, 'maxlength'));
      if (pattern !== undefined && !new RegExp(`^(?:${pattern})$`).test('9!'))
        wrongs.push({ why: `${name}: against its pattern ${pattern}`, name, value: '9!' });
      if (attr(tag, 'required') !== undefined)
        wrongs.push({ why: `${name}: required, left empty`, name, value: '' });
      if (type === 'date' || type === 'time' || type === 'number' || type === 'datetime-local' || type === 'email')
        wrongs.push({ why: `${name}: no ${type}`, name, value: 'not-a-value' });
      if (max > 0) wrongs.push({ why: `${name}: over its ${max} characters`, name, value: 'x'.repeat(max + 1) });
    }
    // A form of textareas only: one of them over its limit (or over any text field's), the
    // others checked.
    if (textareas.length > 1) {
      const last = textareas[textareas.length - 1];
      wrongs.push({ why: `${last.name}: over its limit`, name: last.name, value: 'x'.repeat(last.max ? last.max + 1 : 200001), textarea: true });
    }
    if (textareas.length) forms.push({ action, multipart, fields, textareas, wrongs });
  }
  return forms;
}

// The site's pages as the secretariat sees them, one per route shape.
async function crawl(starts, max = 400) {
  const seen = new Map(), visited = new Set(), queue = [...starts], pages = [];
  while (queue.length && pages.length < max) {
    const path = queue.shift();
    // Two pages of each shape: the second one may hold what the first lacks (a meeting's record).
    if ((seen.get(shape(path)) ?? 0) >= 2 || visited.has(path)) continue;
    seen.set(shape(path), (seen.get(shape(path)) ?? 0) + 1);
    visited.add(path);
    const res = await staff.fetch(path);
    if (res.status !== 200 || !(res.headers.get('content-type') || '').startsWith('text/html')) continue;
    const html = await res.text();
    pages.push({ path, html });
    for (const a of html.matchAll(/<a\b[^>]*\shref="([^"#?]+)/g)) {
      const href = unescape(a[1]);
      if (!href.startsWith('/en/') || /\/(logout|files|attachments|feeds|calendar|export)\b|\.(atom|ics|docx|pdf|xml|csv|xlsx|json|zip)$/.test(href)) continue;
      queue.push(href);
    }
  }
  return pages;
}

// Several lines, as a browser sends a textarea's (CRLF), an empty line among them.
const linesFor = (name) => [`First line of ${name}`, 'Second line, C22/32(Rev.1)', '', 'Fourth line after an empty one'];

// Posts `fields`; answers the page the person then sees, and whether it was a refusal.
async function send(action, multipart, fields) {
  const all = [['csrf', staff.csrf], ...fields.filter(([k]) => k !== 'csrf')];
  let body;
  if (multipart) {
    body = new FormData();
    for (const [k, v] of all) body.append(k, v);
  }
  const res = await staff.fetch(action, multipart ? { method: 'POST', body }
    : { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(all).toString() });
  if (res.status === 303) {
    const location = res.headers.get('location');
    const refused = /[?&]error=/.test(location);
    return { refused, status: 303, location, html: refused ? await (await staff.fetch(location)).text() : '' };
  }
  return { refused: res.status >= 400 && res.status < 500, status: res.status, html: await res.text() };
}

test('every textarea of a refused form is shown again with the lines typed', async () => {
  const texts = (await jsonOf(staff.fetch('/api/v1/texts'))).items;
  const starts = ['/en/', '/en/admin', ...texts.map((t) => `/en/texts/${t.id}`)];
  const pages = await crawl(starts);
  const found = new Map();
  for (const { path, html } of pages)
    for (const form of formsOf(html))
      if (!found.has(shape(form.action))) found.set(shape(form.action), { ...form, page: path });
  console.log(`${pages.length} pages, ${found.size} forms with a textarea: ${[...found.keys()].join(' ')}`);
  assert.ok(found.size >= 10, 'the crawl found the forms with textareas');

  const faults = [];
  for (const [key, form] of found) {
    if (NOT_REFUSABLE.has(key)) continue;
    const typed = new Map(form.textareas.map((t) => [t.name, linesFor(t.name)]));
    const base = form.fields.map(([k, v]) => [k, typed.has(k) ? typed.get(k).join('\r\n') : v]);
    let answer, wrong;
    for (const w of form.wrongs) {
      if (typed.has(w.name) && !w.textarea) continue;
      const fields = base.map(([k, v]) => [k, k === w.name ? w.value : v]);
      answer = await send(form.action, form.multipart, fields);
      if (answer.refused) { wrong = w; break; }
    }
    if (!wrong) {
      faults.push(`${key} (on ${form.page}): no wrong field refused it (tried ${form.wrongs.map((w) => w.why).join('; ') || 'nothing'})`);
      continue;
    }
    const again = formsOf(answer.html).find((f) => shape(f.action) === key);
    if (!again) {
      faults.push(`${key}: refused for ${wrong.why} (${answer.status}), but the answer does not show its form again`);
      continue;
    }
    const shownValues = new Map(again.fields);
    for (const t of form.textareas) {
      if (t.name === wrong.name) continue;
      const shown = shownValues.get(t.name)?.replace(/\r\n/g, '\n');
      const want = typed.get(t.name).join('\n');
      if (shown !== want)
        faults.push(`${key}: refused for ${wrong.why}, its textarea ${t.name} shows ${JSON.stringify(shown)}, typed ${JSON.stringify(want)}`);
    }
  }
  assert.deepEqual(faults, [], `${found.size} forms with a textarea`);
});
