// A meeting's label and its date are joined by the reader's own comma: Arabic "، " and Chinese
// "，" (written here by hand, as CLDR and the UN's texts write them), never the Latin ", " — on
// the consultation's page (the meeting that launched it, its consultation meeting, the meetings
// that follow it up) and in the desk's choices of a meeting.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, jsonOf } from '../lib/server.mjs';

let server, staff;
before(async () => {
  server = await startServer();
  staff = await new Client(server.url).login();
});
after(async () => { await server?.stop(); });

const comma = { en: ', ', zh: '，', ar: '، ' };
const textOf = (html) => html.replace(/<[^>]+>/g, '').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

for (const lang of ['zh', 'ar', 'en']) {
  test(`${lang}: meetings with their dates joined by the language's comma`, async () => {
    const consultations = (await jsonOf(staff.fetch('/api/v1/consultations'), 200)).items;
    const launched = consultations.find((c) => c.launched_at_meeting_id ?? c.launched_at_meeting);
    assert.ok(launched, 'a demo consultation launched at a meeting');
    const page = await (await staff.fetch(`/${lang}/consultations/${launched.key ?? launched.id}`)).text();
    const links = [...page.matchAll(/<dd><a href="\/(?:[a-z]{2}\/)?meetings\/\d+">(.*?)<\/a><\/dd>/g)].map((m) => textOf(m[1]));
    assert.ok(links.length >= 1, 'the page names the meeting that launched it');
    for (const l of links) {
      assert.ok(l.includes(comma[lang]), `"${l}" joins label and date with "${comma[lang]}"`);
      if (lang !== 'en') assert.ok(!l.includes(', '), `"${l}" has no Latin comma`);
    }
    const admin = await (await staff.fetch(`/${lang}/admin`)).text();
    const options = [...admin.matchAll(/<select id="m-body"|<select id="c-launched"[^>]*>([\s\S]*?)<\/select>/g)].map((m) => m[1]).filter(Boolean);
    assert.equal(options.length, 1, 'the choice of the meeting that launched a consultation');
    const labels = [...options[0].matchAll(/<option value="\d+"[^>]*>([^<]+)<\/option>/g)].map((m) => textOf(m[1]));
    assert.ok(labels.length >= 3, 'the demo meetings are offered');
    for (const l of labels) {
      assert.ok(l.includes(comma[lang]), `"${l}" joins label and date with "${comma[lang]}"`);
      if (lang !== 'en') assert.ok(!l.includes(', '), `"${l}" has no Latin comma`);
    }
  });
}
