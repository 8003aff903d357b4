// Atom feeds and iCalendar files, read by parsers that are not ours (Debian's python3-feedparser
// and python3-icalendar through tests/lib/parse_feeds.py): what each lists is compared with the
// JSON API; restricted and draft documents never appear; calendars carry VTIMEZONE, UID and
// DTSTAMP, escape their texts and fold their lines; pages link them in six languages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServer, Client, jsonOf, isoFromNow, dateFromNow } from '../lib/server.mjs';

// Debian's Python, whose python3-* packages scripts/setup.sh installs.
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

const PARSER = resolve(import.meta.dirname, '../lib/parse_feeds.py');
let server, anon, staff, work;
before(async () => {
  server = await startServer();
  anon = new Client(server.url);
  staff = await new Client(server.url).login();
  work = mkdtempSync(join(tmpdir(), 'plenary-feeds-'));
});
after(async () => {
  await server?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

let n = 0;
async function fetchBytes(path, type) {
  const res = await anon.fetch(path);
  assert.equal(res.status, 200, path);
  assert.match(res.headers.get('content-type'), type, path);
  return Buffer.from(await res.arrayBuffer());
}
function parse(kind, bytes) {
  const file = join(work, `f${n++}`);
  writeFileSync(file, bytes);
  return JSON.parse(execFileSync(PYTHON, [PARSER, kind, file], { encoding: 'utf8' }));
}
async function atom(path) {
  const f = parse('atom', await fetchBytes(path, /^application\/atom\+xml/));
  assert.equal(f.bozo, false, `${path}: ${f.bozo_exception}`);
  assert.equal(f.version, 'atom10');
  return f;
}
async function ics(path) {
  const bytes = await fetchBytes(path, /^text\/calendar/);
  // RFC 5545 3.1: CRLF line ends, lines of at most 75 octets.
  const text = bytes.toString('latin1');
  assert.ok(text.endsWith('\r\n'), `${path} ends with CRLF`);
  for (const line of text.split('\r\n').slice(0, -1)) {
    assert.ok(!line.includes('\n'), `${path}: a bare LF in ${JSON.stringify(line)}`);
    assert.ok(line.length <= 75, `${path}: ${line.length} octets: ${line}`);
  }
  return { cal: parse('ics', bytes), text: bytes.toString('utf8') };
}

test('the site-wide Atom feed lists public documents, consultations and meetings, never restricted ones', async () => {
  const f = await atom('/en/feeds/documents.atom');
  assert.equal(f.language, 'en');
  assert.equal(f.title, 'Plenary: documents, open consultations and meetings');
  assert.ok(f.links.some((l) => l.rel === 'self' && l.href.endsWith('/en/feeds/documents.atom')));
  const docs = (await jsonOf(anon.fetch('/api/v1/documents'))).items.filter((d) => d.status !== 'draft');
  const consultations = (await jsonOf(anon.fetch('/api/v1/consultations'))).items;
  const meetings = (await jsonOf(anon.fetch('/api/v1/meetings'))).items;
  const byCategory = (c) => f.entries.filter((e) => e.category === c);
  assert.equal(byCategory('document').length, docs.length);
  assert.equal(byCategory('consultation').length, consultations.length);
  assert.equal(byCategory('meeting').length, meetings.length);
  for (const d of docs) {
    const e = f.entries.find((x) => x.link === `${server.url}/en/documents/${d.id}`);
    assert.ok(e, `${d.symbol} is in the feed`);
    assert.ok(e.title.includes(d.symbol) && e.title.includes(d.title), e.title);
  }
  assert.ok(!f.entries.some((e) => e.title.includes('C22/DT/5')), 'the restricted document is absent');
  for (const c of consultations)
    assert.ok(f.entries.some((e) => e.title === `Open consultation: ${c.title}`), c.key);
  const ids = f.entries.map((e) => e.id);
  assert.equal(new Set(ids).size, ids.length, 'entry ids are unique');
  // Newest first.
  const times = f.entries.map((e) => Date.parse(e.updated));
  assert.deepEqual(times, [...times].sort((a, b) => b - a));
  // Another language: the feed and its entries in Chinese.
  const zh = await atom('/zh/feeds/documents.atom');
  assert.equal(zh.title, 'Plenary：文件、公开磋商和会议');
  assert.ok(zh.entries.some((e) => e.link === `${server.url}/zh/documents/${docs[0].id}`));
});

test('a new public document enters the feeds; a restricted or draft one never does', async () => {
  const base = { body: 'cwg-internet', date: '2026-01-15', source_kind: 'secretariat' };
  await jsonOf(staff.json('/api/v1/documents', { ...base, symbol: 'C22/INF/99', access: 'public',
    title: { en: 'Feed check: a public note; with commas, and <angle> & ampersand' } }));
  await jsonOf(staff.json('/api/v1/documents', { ...base, symbol: 'C22/INF/98', access: 'secretariat',
    title: { en: 'Feed check: a secret note' } }));
  await jsonOf(staff.json('/api/v1/documents', { ...base, symbol: 'C22/INF/97', access: 'public', status: 'draft',
    title: { en: 'Feed check: a draft note' } }));
  for (const path of ['/en/feeds/documents.atom', '/en/feeds/bodies/cwg-internet.atom']) {
    const f = await atom(path);
    assert.ok(f.entries.some((e) => e.title === 'Document C22/INF/99: Feed check: a public note; with commas, and <angle> & ampersand'), path);
    assert.ok(!f.entries.some((e) => /secret note|draft note|C22\/INF\/9[78]/.test(e.title)), path);
  }
  const council = await atom('/en/feeds/bodies/council.atom');
  assert.ok(!council.entries.some((e) => e.title.includes('C22/INF/99')), 'another body\'s feed leaves it out');
});

test('a body\'s feed lists only that body; an unknown body or suffix is 404', async () => {
  const f = await atom('/en/feeds/bodies/cwg-internet.atom');
  assert.equal(f.title, 'CWG-Internet: documents, open consultations and meetings');
  const meetings = (await jsonOf(anon.fetch('/api/v1/meetings'))).items;
  const own = meetings.filter((m) => m.body.key === 'cwg-internet');
  assert.ok(own.length > 0 && own.length < meetings.length);
  assert.equal(f.entries.filter((e) => e.category === 'meeting').length, own.length);
  for (const m of own) assert.ok(f.entries.some((e) => e.link === `${server.url}/en/meetings/${m.id}`), m.label);
  assert.equal((await anon.fetch('/en/feeds/bodies/no-such-body.atom')).status, 404);
  assert.equal((await anon.fetch('/en/feeds/bodies/cwg-internet.rss')).status, 404);
  assert.equal((await anon.fetch('/calendar/bodies/no-such-body.ics')).status, 404);
  assert.equal((await anon.fetch('/calendar/meetings/999999.ics')).status, 404);
});

test('the calendar holds every meeting and consultation deadline with VTIMEZONE, UID and DTSTAMP', async () => {
  const { cal, text } = await ics('/en/calendar/meetings.ics');
  assert.equal(cal.version, '2.0');
  assert.match(text, /^BEGIN:VCALENDAR\r\n/);
  const meetings = (await jsonOf(anon.fetch('/api/v1/meetings'))).items;
  const consultations = (await jsonOf(anon.fetch('/api/v1/consultations'))).items;
  assert.equal(cal.events.length, meetings.length + consultations.length);
  const uids = cal.events.map((e) => e.uid);
  assert.equal(new Set(uids).size, uids.length, 'UIDs are unique');
  for (const e of cal.events) assert.ok(e.dtstamp.endsWith('+00:00'), `DTSTAMP in UTC: ${e.dtstamp}`);
  assert.ok(cal.timezones.includes('Europe/Zurich'), JSON.stringify(cal.timezones));
  for (const m of meetings) {
    const e = cal.events.find((x) => x.url === `${server.url}/en/meetings/${m.id}`);
    assert.ok(e, m.label);
    assert.equal(e.summary, m.label);
    if (m.starts_at) {
      assert.equal(e.tzid, m.timezone);
      assert.equal(e.start.slice(0, 16), `${m.starts_on}T${m.starts_at}`);
      // No end time on record: the last day's session lasts the documented default of 3 hours.
      assert.ok(e.end, `${m.label} has a DTEND`);
      assert.equal(e.end_tzid, m.timezone);
      const last = m.ends_on || m.starts_on;
      const [h, min] = m.starts_at.split(':').map(Number);
      const end = h * 60 + min + 180;
      assert.ok(end < 24 * 60, 'the demo meetings start early enough to end the same day');
      const pad = (n) => String(n).padStart(2, '0');
      assert.equal(e.end.slice(0, 16), `${last}T${pad(Math.floor(end / 60))}:${pad(end % 60)}`,
        `${m.label}: ${e.start} → ${e.end}`);
    } else {
      assert.equal(e.all_day, true);
      assert.equal(e.start, m.starts_on);
      // All-day: DTEND is the day after the last day (exclusive, RFC 5545 3.6.1).
      const after = new Date(Date.parse(`${m.ends_on || m.starts_on}T00:00:00Z`) + 86400000);
      assert.equal(e.end, after.toISOString().slice(0, 10));
    }
  }
  for (const c of consultations) {
    const e = cal.events.find((x) => x.url === `${server.url}/en/consultations/${c.id}`);
    assert.ok(e, c.key);
    assert.equal(e.summary, `Deadline of the open consultation: ${c.title}`);
    assert.equal(e.tzid, c.timezone);
    // The deadline read back through the VTIMEZONE is the API's instant.
    assert.equal(Date.parse(e.start_utc), Date.parse(c.deadline), `${c.key}: ${e.start_utc} vs ${c.deadline}`);
  }
});

test('calendar texts are escaped and long lines folded; per-item calendars and a body\'s calendar', async () => {
  const day = dateFromNow(40);
  const long = 'Feeds; commas, backslash \\ and a long title to fold: ' + '会议'.repeat(40);
  const meeting = await jsonOf(staff.json('/api/v1/meetings', { body: 'cwg-internet', kind: 'open_consultation', number: 42,
    title: { en: long }, place: { en: 'Geneva, Room A; floor 2' }, starts_on: day.iso, starts_at: '09:30',
    timezone: 'America/New_York', mode: 'hybrid' }));
  const c = await jsonOf(staff.json('/api/v1/consultations', { key: 'feeds-1', body: 'cwg-internet',
    title: { en: 'Feeds, calendars; and escapes' }, description: 'x', questions: ['Q?'],
    opens_at: isoFromNow(-3600), deadline: isoFromNow(86400 * 20), timezone: 'Asia/Tokyo' }));
  const one = await ics(`/en/calendar/meetings/${meeting.id}.ics`);
  assert.equal(one.cal.events.length, 1);
  const e = one.cal.events[0];
  assert.ok(e.description.startsWith(long), e.description);
  assert.equal(e.location, 'Geneva, Room A; floor 2');
  assert.equal(e.tzid, 'America/New_York');
  assert.deepEqual(one.cal.timezones, ['America/New_York']);
  assert.equal(e.start.slice(0, 16), `${day.iso}T09:30`);
  assert.equal(e.end.slice(0, 16), `${day.iso}T12:30`, 'DTEND: the default 3 hours');
  assert.equal(e.end_tzid, 'America/New_York');
  assert.match(one.text, /LOCATION:Geneva\\, Room A\\; floor 2\r\n/);
  assert.match(one.text, /\r\n /, 'the long description is folded');
  const dl = await ics(`/en/calendar/consultations/${c.key}.ics`);
  assert.equal(dl.cal.events[0].summary, 'Deadline of the open consultation: Feeds, calendars; and escapes');
  assert.equal(Date.parse(dl.cal.events[0].start_utc), Date.parse(c.deadline));
  assert.deepEqual(dl.cal.timezones, ['Asia/Tokyo']);
  const body = await ics('/en/calendar/bodies/cwg-internet.ics');
  const meetings = (await jsonOf(anon.fetch('/api/v1/meetings'))).items.filter((m) => m.body.key === 'cwg-internet');
  const consultations = (await jsonOf(anon.fetch('/api/v1/consultations'))).items.filter((x) => x.body.key === 'cwg-internet');
  assert.equal(body.cal.events.length, meetings.length + consultations.length);
  assert.ok(body.cal.timezones.includes('America/New_York') && body.cal.timezones.includes('Asia/Tokyo'));
  // The same item keeps its UID across files.
  assert.equal(body.cal.events.find((x) => x.url.endsWith(`/meetings/${meeting.id}`)).uid, e.uid);
});

test('pages link their feeds and calendars, in the head and visibly, in six languages', async () => {
  // The group's short name as each language writes it (GTC-Internet in French and Spanish).
  const labels = { en: 'Atom feed of CWG-Internet', fr: 'Flux Atom de GTC-Internet', es: 'Canal Atom de GTC-Internet',
    ru: 'Лента Atom: РГС-Интернет', zh: 'CWG-Internet 的 Atom 订阅源', ar: 'موجز Atom الخاص بـ CWG-Internet' };
  for (const [lang, label] of Object.entries(labels)) {
    const html = await (await anon.fetch(`/${lang}/bodies/cwg-internet`)).text();
    assert.ok(html.includes(`<link rel="alternate" type="application/atom+xml" href="/${lang}/feeds/bodies/cwg-internet.atom" title="${label}">`), lang);
    assert.ok(html.includes(`<a href="/${lang}/feeds/bodies/cwg-internet.atom" type="application/atom+xml">${label}</a>`), lang);
    assert.ok(html.includes(`href="/${lang}/calendar/bodies/cwg-internet.ics"`), lang);
  }
  for (const [path, href] of [['/en/', '/en/feeds/documents.atom'], ['/en/documents', '/en/feeds/documents.atom'],
    ['/en/meetings', '/en/calendar/meetings.ics'], ['/en/consultations', '/en/calendar/meetings.ics'],
    ['/en/meetings/1', '/en/calendar/meetings/1.ics'], ['/en/consultations/environment', '/en/calendar/consultations/2.ics']]) {
    const html = await (await anon.fetch(path)).text();
    assert.match(html, new RegExp(`<link rel="alternate" type="[a-z/+]+" href="${href.replace(/[/.]/g, '\\$&')}`), path);
  }
  // Every linked file answers.
  const html = await (await anon.fetch('/en/')).text();
  for (const [, href] of html.matchAll(/<link rel="alternate" type="[^"]+" href="([^"]+)"/g))
    assert.equal((await anon.fetch(href)).status, 200, href);
});
