// Backpressure: beyond its limits the server answers 503 with Retry-After, keeps memory
// bounded and keeps answering reads; every acknowledged write is stored exactly once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startServer, Client, jsonOf } from '../lib/server.mjs';

function rssKb(pid) {
  return Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmHWM:\s+(\d+)/)[1]);
}

test('an overload of writes is refused with 503 and Retry-After, reads still answered', async () => {
  const s = await startServer({ args: ['--write-workers', '4', '--max-pending-writes', '8', '--max-write-queue', '4'] });
  try {
    const client = new Client(s.url);
    const staff = await new Client(s.url).login();
    const before = (await jsonOf(staff.fetch('/api/v1/consultations/ai-public-policy/moderation?per_page=1'))).total;
    const body = JSON.stringify({ name: 'Surge', country: 'CH', stakeholder_type: 'individual', email: 's@example.org', answers: { 1: 'Same text.' } });
    const started = Date.now();
    const posts = Array.from({ length: 400 }, (_, i) => fetch(`${s.url}/api/v1/consultations/ai-public-policy/responses`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': `surge-${i}` }, body,
    }).then(async (r) => ({ status: r.status, retry: r.headers.get('retry-after'), body: await r.text() })));
    // Reads go to their own workers: answered while the writes pile up.
    const reads = await Promise.all(Array.from({ length: 20 }, () => client.fetch('/api/v1/consultations/environment')));
    assert.ok(reads.every((r) => r.status === 200));
    const results = await Promise.all(posts);
    const ok = results.filter((r) => r.status === 201).length;
    const busy = results.filter((r) => r.status === 503);
    assert.equal(ok + busy.length, 400, JSON.stringify(results.find((r) => ![201, 503].includes(r.status))));
    assert.ok(busy.length > 0, 'some writes must be refused');
    assert.ok(ok > 0, 'some writes must be accepted');
    assert.ok(busy.every((r) => Number(r.retry) > 0), 'every 503 carries Retry-After');
    assert.match(busy[0].body, /resource_exhausted/);
    assert.ok(Date.now() - started < 30000);
    // Exactly the acknowledged writes were stored.
    const after = (await jsonOf(staff.fetch('/api/v1/consultations/ai-public-policy/moderation?per_page=1'))).total;
    assert.equal(after - before, ok);
    const metrics = await (await client.fetch('/metrics')).text();
    assert.match(metrics, /plenary_http_refused_total [1-9]/);
    // AddressSanitizer's shadow and quarantine add to the writer's 64 MiB page cache.
    const limitKb = (process.env.PLENARY_SANITIZED ? 640 : 400) * 1024;
    assert.ok(rssKb(s.proc.pid) < limitKb, `peak RSS ${rssKb(s.proc.pid)} kB`);
  } finally {
    await s.stop();
  }
});

test('slow clients (slowloris) are dropped after the read timeout and do not block others', async () => {
  const net = await import('node:net');
  const s = await startServer({ demo: false, args: ['--read-timeout', '2', '--max-connections', '60'] });
  try {
    const { hostname, port } = new URL(s.url);
    const slow = Array.from({ length: 40 }, () => {
      const sock = net.connect(Number(port), hostname);
      sock.on('error', () => {});
      sock.write('GET /api/v1/ping HTTP/1.1\r\nHost: x\r\n');  // never finishes its headers
      const closed = new Promise((ok) => sock.on('close', ok));
      const timer = setInterval(() => sock.write('X-Slow: 1\r\n'), 500);
      return { sock, closed, timer };
    });
    // Others are served meanwhile.
    const ping = await new Client(s.url).fetch('/api/v1/ping');
    assert.equal(ping.status, 200);
    const started = Date.now();
    await Promise.all(slow.map((c) => c.closed));
    const waited = (Date.now() - started) / 1000;
    assert.ok(waited < 6, `slow connections closed after ${waited} s`);
    for (const c of slow) clearInterval(c.timer);
  } finally {
    await s.stop();
  }
});
