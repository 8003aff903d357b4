// The country field of the public response form: ITU's Member States, then its observer, then
// the other territories and areas, never presenting a territory as a State. Hong Kong, Macao and
// Taiwan stand in the last group under the UN's names (UN M49 for Hong Kong and Macao; UN DESA's
// English name for Taiwan, M49's name of code 158 in the other languages); the expected names are
// written here from testdata/un_country_names/un_areas.csv's sources. The Netherlands stands among
// the Member States under the UN's short name since 2023.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client } from '../lib/server.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.stop(); });

// The groups of the select #country: [{ label, options: [[code, name]] }], asserted to exist.
async function groupsOf(lang) {
  const html = await (await new Client(server.url).fetch(`/${lang}/consultations/ai-public-policy`)).text();
  const select = html.match(/<select id="country"[\s\S]*?<\/select>/)?.[0];
  assert.ok(select, `the country field is on the ${lang} form`);
  return [...select.matchAll(/<optgroup label="([^"]*)">([\s\S]*?)<\/optgroup>/g)].map((g) => ({
    label: g[1], options: [...g[2].matchAll(/<option value="([A-Z]{2})"[^>]*>([^<]*)<\/option>/g)].map((o) => [o[1], o[2]]) }));
}

const EXPECTED = {
  en: { others: 'Other territories and areas', HK: 'China, Hong Kong Special Administrative Region',
    MO: 'China, Macao Special Administrative Region', TW: 'China, Taiwan Province of China',
    NL: 'Netherlands (Kingdom of the)' },
  zh: { others: '其他领土和地区', HK: '中国香港特别行政区', MO: '中国澳门特别行政区', TW: '中国台湾省', NL: '荷兰王国' },
  ar: { others: 'أقاليم ومناطق أخرى', HK: 'منطقة هونغ كونغ الصينية الإدارية الخاصة',
    MO: 'منطقة ماكاو الإدارية الخاصة التابعة للصين', TW: 'مقاطعة تايوان الصينية',
    NL: 'هولندا (مملكة _)' },
};

for (const lang of ['en', 'zh', 'ar']) {
  test(`${lang}: Hong Kong, Macao and Taiwan are territories under their UN names, never States`, async () => {
    const groups = await groupsOf(lang);
    assert.equal(groups.length, 3, 'Member States, observer, other territories and areas');
    const [members, observers, others] = groups;
    assert.equal(others.label, EXPECTED[lang].others);
    for (const code of ['HK', 'MO', 'TW']) {
      assert.ok(!members.options.some(([c]) => c === code), `${code} is not among the Member States`);
      assert.ok(!observers.options.some(([c]) => c === code), `${code} is not an observer`);
      const option = others.options.find(([c]) => c === code);
      assert.ok(option, `${code} is among the other territories and areas`);
      assert.equal(option[1], EXPECTED[lang][code]);
    }
    assert.ok(members.options.some(([c]) => c === 'CN'), 'China is a Member State');
    const netherlands = members.options.find(([c]) => c === 'NL');
    assert.ok(netherlands, 'the Netherlands is a Member State');
    assert.equal(netherlands[1], EXPECTED[lang].NL);
    assert.equal(members.options.length, 194);
  });
}
