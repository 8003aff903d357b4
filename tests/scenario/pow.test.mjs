// Scenario test of the proof-of-work challenge (`plenary serve --pow-bits`): off by default;
// when on, an anonymous response (API or form) needs a fresh solved challenge, used once;
// missing, forged, wrong, expired or reused solutions are refused naming the field "pow".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { startServer, Client } from '../lib/server.mjs';

const BITS = 12;
const PATH = '/api/v1/consultations/ai-public-policy/responses';
const respondent = (extra = {}) => ({
  name: 'Lucía Fernández', country: 'AR', stakeholder_type: 'academia_technical', email: 'lucia@example.edu',
  language: 'es', answers: { 1: 'Una respuesta con prueba de trabajo.' }, ...extra,
});

function leadingZeroBits(buf) {
  let bits = 0;
  for (const b of buf) {
    if (b === 0) { bits += 8; continue; }
    return bits + Math.clz32(b) - 24;
  }
  return bits;
}

export function solve(challenge, bits) {
  for (let n = 0; ; n++)
    if (leadingZeroBits(createHash('sha256').update(`${challenge}:${n}`).digest()) >= bits) return String(n);
}

async function challenge(client) {
  const res = await client.fetch('/api/v1/pow/challenge');
  assert.equal(res.status, 200);
  return res.json();
}

async function expectPowError(res, pattern) {
  assert.equal(res.status, 400);
  const e = (await res.json()).error;
  assert.equal(e.field, 'pow');
  assert.match(e.message, pattern);
}

test('without --pow-bits no proof is asked', async () => {
  const server = await startServer();
  try {
    const anon = new Client(server.url);
    assert.deepEqual(await challenge(anon), { enabled: false });
    assert.equal((await anon.json(PATH, respondent())).status, 201);
    const page = await (await anon.fetch('/en/consultations/ai-public-policy')).text();
    assert.ok(!page.includes('pow_challenge') && !page.includes('pow.js'));
  } finally {
    await server.stop();
  }
});

test('with --pow-bits an anonymous response needs a fresh solution, used once', async () => {
  const server = await startServer({ args: ['--pow-bits', String(BITS)] });
  try {
    const anon = new Client(server.url);
    const c = await challenge(anon);
    assert.equal(c.enabled, true);
    assert.equal(c.bits, BITS);
    assert.match(c.challenge, /^12\.\d+\.[0-9a-f]{32}\.[0-9a-f]{64}$/);
    assert.ok(Date.parse(c.expires_at) - Date.now() > 9 * 60 * 1000);

    await expectPowError(await anon.json(PATH, respondent()), /required/);
    await expectPowError(await anon.json(PATH, respondent({ pow_challenge: c.challenge, pow: 'abc' })), /decimal/);
    // A wrong counter: find one that does not solve it.
    let wrong = 0;
    while (leadingZeroBits(createHash('sha256').update(`${c.challenge}:${wrong}`).digest()) >= BITS) wrong++;
    await expectPowError(await anon.json(PATH, respondent({ pow_challenge: c.challenge, pow: String(wrong) })), /wrong solution/);
    // A forged challenge (the difficulty lowered, the MAC kept).
    const forged = '1' + c.challenge.slice(2);
    await expectPowError(await anon.json(PATH, respondent({ pow_challenge: forged, pow: solve(forged, 1) })), /not issued by this server/);
    // Expiry needs the server's clock to move: src/site/pow_test.cc covers it.
    const counter = solve(c.challenge, BITS);
    const ok = await anon.json(PATH, respondent({ pow_challenge: c.challenge, pow: counter }));
    assert.equal(ok.status, 201, await ok.clone().text());
    await expectPowError(await anon.json(PATH, respondent({ pow_challenge: c.challenge, pow: counter })), /already used/);
    // In JSON the counter may also be a number.
    const c2 = await challenge(anon);
    assert.equal((await anon.json(PATH, respondent({ pow_challenge: c2.challenge, pow: Number(solve(c2.challenge, BITS)) }))).status, 201);

    // The secretariat is not anonymous: no proof asked.
    const staff = await new Client(server.url).login();
    assert.equal((await staff.json(PATH, respondent())).status, 201);
  } finally {
    await server.stop();
  }
});

test('the HTML form carries a challenge; without a solution it explains, with one it is accepted', async () => {
  const server = await startServer({ args: ['--pow-bits', String(BITS)] });
  try {
    const anon = new Client(server.url);
    const page = await (await anon.fetch('/fr/consultations/ai-public-policy')).text();
    const ch = page.match(/name="pow_challenge" value="([^"]+)"/)[1];
    const csrf = page.match(/name="csrf" value="([^"]+)"/)[1];
    assert.match(page, /<script src="\/static\/pow\.js\?v=[0-9a-f]{12}" defer><\/script>/);
    assert.ok(page.includes('<noscript>'));
    const js = await anon.fetch('/static/pow.js');
    assert.equal(js.status, 200);
    assert.match(js.headers.get('content-type'), /javascript/);
    const form = (extra) => {
      const f = new FormData();
      for (const [k, v] of Object.entries({ csrf, name: 'Jean Dupont', country: 'FR', stakeholder_type: 'individual',
        email: 'jean@example.fr', answer_1: 'Réponse envoyée par le formulaire.', ...extra })) f.append(k, v);
      return f;
    };
    // JavaScript off: no solution; the form comes back (400) with what was typed and the reason.
    const noJs = await anon.fetch('/fr/consultations/ai-public-policy/responses', { method: 'POST', body: form({ pow_challenge: ch, pow: '' }) });
    assert.equal(noJs.status, 400);
    const text = await noJs.text();
    assert.ok(text.includes('JavaScript'), 'explains that the check needs JavaScript');
    assert.ok(text.includes('Réponse envoyée par le formulaire.'), 'keeps what was typed');
    const solved = await anon.fetch('/fr/consultations/ai-public-policy/responses', { method: 'POST', body: form({ pow_challenge: ch, pow: solve(ch, BITS) }) });
    assert.equal(solved.status, 303, await solved.clone().text());
    assert.match(solved.headers.get('location'), /^\/fr\/receipts\//);
  } finally {
    await server.stop();
  }
});

// Only staff are exempt: a session of a public participant or a delegate costs an attacker one
// sign-up, so it must not skip the proof.
test('signed-in public participants and delegates solve the proof too; staff do not', async () => {
  const server = await startServer({ args: ['--pow-bits', String(BITS)] });
  try {
    const admin = await new Client(server.url).login();
    const password = 'a long enough password';
    for (const [email, role, extra] of [['p@example.org', 'public', {}], ['d@example.int', 'delegate', { member_state: 'CH' }]]) {
      const made = await admin.json('/api/v1/users', { email, name: role, role, password, ...extra });
      assert.equal(made.status, 201, await made.clone().text());
      const user = await new Client(server.url).login({ email, password });
      await expectPowError(await user.json(PATH, respondent()), /required/);
      const c = await challenge(user);
      const ok = await user.json(PATH, respondent({ pow_challenge: c.challenge, pow: solve(c.challenge, BITS) }));
      assert.equal(ok.status, 201, role + ': ' + await ok.clone().text());
      const page = await (await user.fetch('/en/consultations/ai-public-policy')).text();
      assert.ok(page.includes('name="pow_challenge"'), role + ': the form carries a challenge');
    }
    assert.equal((await admin.json(PATH, respondent())).status, 201, 'staff are exempt');
    const page = await (await admin.fetch('/en/consultations/ai-public-policy')).text();
    assert.ok(!page.includes('name="pow_challenge"'));
  } finally {
    await server.stop();
  }
});

test('with --pow-surge-per-minute the proof is asked only during a surge', async () => {
  const server = await startServer({ args: ['--pow-bits', String(BITS), '--pow-surge-per-minute', '3'] });
  try {
    const anon = new Client(server.url);
    assert.equal((await anon.json(PATH, respondent())).status, 201);
    assert.equal((await anon.json(PATH, respondent())).status, 201);
    await expectPowError(await anon.json(PATH, respondent()), /required/);
    const c = await challenge(anon);
    assert.equal((await anon.json(PATH, respondent({ pow_challenge: c.challenge, pow: solve(c.challenge, BITS) }))).status, 201);
  } finally {
    await server.stop();
  }
});

test('a challenge issued by one server is accepted by another on the same database', async () => {
  // The second server starts on the first one's database after it stopped (with SQLite two
  // servers may not share the file; on PostgreSQL they run together the same way).
  const first = await startServer({ args: ['--pow-bits', String(BITS)] });
  let second;
  try {
    const c = await challenge(new Client(first.url));
    assert.equal(c.enabled, true);
    await first.stop({ keep: true });
    second = await startServer({ dir: first.dir, demo: false, args: ['--pow-bits', String(BITS)] });
    const res = await new Client(second.url).json(PATH, respondent({ pow_challenge: c.challenge, pow: solve(c.challenge, BITS) }));
    assert.equal(res.status, 201, await res.clone().text());
  } finally {
    await first.stop({ keep: true });
    if (second) await second.stop();
  }
});
