// `npm run cms`: local editing with the embedded CMS. Starts, all on 127.0.0.1 only:
//   - the Astro dev server (site + /admin/) on PORT (default 4321);
//   - the admin's local backend on CMS_PROXY_PORT (default 8081): a guard (src/lib/io/cms-backend-proxy.ts)
//     that answers only the admin page (its Host and Origin), only about files under content/,
//     and passes those requests to decap-server in git mode, which listens on a private port.
//     decap-server has no authentication and would read or write any file of the repository
//     for any web page that reached it. Drafts of the editorial workflow become local branches
//     (cms/<collection>/<slug>) of this repository; publishing merges them into the current branch.
// Open http://localhost:<PORT>/admin/ and press Login. Ctrl-C stops everything.
// CMS_REPO_DIR points decap-server at another git work tree (the browser tests use a temporary clone).
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { localPolicy } from '../src/lib/cms/backend-policy.ts';
import { createBackendProxy } from '../src/lib/io/cms-backend-proxy.ts';
import { freePort } from './lib/free-port.ts';

const host = '127.0.0.1';
const sitePort = Number(process.env.PORT ?? 4321);
const proxyPort = Number(process.env.CMS_PROXY_PORT ?? 8081);
const repoDir = path.resolve(process.env.CMS_REPO_DIR ?? '.');

for (const [name, port] of [
  ['PORT', sitePort],
  ['CMS_PROXY_PORT', proxyPort],
] as const) {
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    console.error(`cms: ${name} must be a port number, got "${process.env[name]}"`);
    process.exit(2);
  }
}
if (!existsSync(path.join(repoDir, '.git'))) {
  console.error(`cms: ${repoDir} is not a git work tree; decap-server's git mode needs one.`);
  process.exit(2);
}

const branch = execFileSync('git', ['rev-parse', '--abbrev-ref', 'HEAD'], { cwd: repoDir, encoding: 'utf8' }).trim();
const decapPort = await freePort();

const children: ChildProcess[] = [];
let stopping = false;

function start(label: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  const prefix = (chunk: Buffer) =>
    chunk
      .toString()
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => `[${label}] ${line}\n`)
      .join('');
  child.stdout?.on('data', (chunk: Buffer) => process.stdout.write(prefix(chunk)));
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(prefix(chunk)));
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`cms: ${label} stopped (${signal ?? `exit ${code}`}); stopping the other one.`);
      stop(code ?? 1);
    }
  });
  children.push(child);
  return child;
}

function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  proxy.close();
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  const timer = setTimeout(() => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    process.exit(code);
  }, 5000);
  timer.unref();
  Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null))).then(() =>
    process.exit(code),
  );
}

process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

const proxy = createBackendProxy({
  policy: localPolicy(proxyPort, sitePort, branch),
  repoDir,
  decapPort,
  log: (line) => console.error(`[cms-backend] ${line}`),
});
proxy.on('error', (error) => {
  console.error(`cms: the backend guard cannot listen on ${host}:${proxyPort}: ${error.message}`);
  stop(1);
});
proxy.listen(proxyPort, host);

start('decap-server', [path.resolve('node_modules/decap-server/dist/index.js')], {
  MODE: 'git',
  PORT: String(decapPort),
  BIND_HOST: host,
  GIT_REPO_DIRECTORY: repoDir,
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
});
start('astro', [path.resolve('node_modules/astro/bin/astro.mjs'), 'dev', '--host', host, '--port', String(sitePort)], {
  ASTRO_TELEMETRY_DISABLED: '1',
  CMS_PROXY_PORT: String(proxyPort),
});

console.log(
  `cms: site http://localhost:${sitePort}/  ·  editor http://localhost:${sitePort}/admin/  ·  ` +
    `CMS backend http://${host}:${proxyPort}/api/v1 (decap-server in git mode on private port ${decapPort}, ` +
    `repo ${repoDir}, branch ${branch}, content/ only). Ctrl-C stops everything.`,
);
