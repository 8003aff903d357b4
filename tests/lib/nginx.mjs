// Starts Debian's nginx on a free loopback port in front of the given Plenary servers, with the
// configuration of deploy/nginx/plenary.conf (its upstream servers and `listen` replaced), as a
// non-root process layout: pid, logs and temporary files in a temporary folder.
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p));
export const DEPLOY_CONF = resolve(import.meta.dirname, '../../deploy/nginx/plenary.conf');

function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.on('error', fail);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => ok(port)); });
  });
}

// The deployed configuration for `upstreams` (["127.0.0.1:PORT", ...]) listening on `port`.
export function renderConfig(upstreams, port) {
  const conf = readFileSync(DEPLOY_CONF, 'utf8');
  const block = /(# BEGIN upstream servers[^\n]*\n)[\s\S]*?(\s*# END upstream servers)/;
  assert.match(conf, block, 'deploy/nginx/plenary.conf: the upstream servers are marked BEGIN/END');
  assert.match(conf, /^\s*listen 80;$/m, 'deploy/nginx/plenary.conf: listen 80');
  return conf
    .replace(block, (_, begin, end) => begin + upstreams.map((u) => `    server ${u} max_fails=1 fail_timeout=5s;`).join('\n') + end)
    .replace(/^(\s*)listen 80;$/m, `$1listen 127.0.0.1:${port};`);
}

export async function startNginx(upstreams) {
  assert.ok(NGINX, 'nginx is not installed (scripts/setup.sh installs Debian\'s nginx)');
  const dir = mkdtempSync(join(tmpdir(), 'plenary-nginx-'));
  const port = await freePort();
  const root = process.getuid && process.getuid() === 0;
  const main = `${root ? 'user root root;\n' : ''}worker_processes 2;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
daemon off;
events { worker_connections 1024; }
http {
  access_log ${dir}/access.log;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
${renderConfig(upstreams, port)}
}
`;
  const conf = join(dir, 'nginx.conf');
  writeFileSync(conf, main);
  execFileSync(NGINX, ['-t', '-q', '-e', join(dir, 'error.log'), '-p', dir, '-c', conf], { stdio: 'pipe' });
  const proc = spawn(NGINX, ['-e', join(dir, 'error.log'), '-p', dir, '-c', conf], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  proc.stderr.on('data', (d) => { stderr += d; });
  const exited = new Promise((ok) => proc.on('exit', (code, signal) => ok({ code, signal })));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10000;
  for (;;) {
    try {
      await fetch(url + '/api/v1/consultations', { signal: AbortSignal.timeout(2000) });
      break;
    } catch (e) {
      if (proc.exitCode !== null || Date.now() > deadline)
        throw new Error(`nginx did not start: ${stderr} ${existsSync(join(dir, 'error.log')) ? readFileSync(join(dir, 'error.log'), 'utf8') : ''}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    url, dir, proc,
    errorLog: () => readFileSync(join(dir, 'error.log'), 'utf8'),
    async stop() {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGQUIT');
      const timer = setTimeout(() => proc.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
