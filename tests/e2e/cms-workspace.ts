// A throw-away copy of this project for the CMS browser tests: decap-server in git mode commits
// and switches branches in the work tree it serves, so the tests never point it at the real repo.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** What the project needs to run `npm run cms` (node_modules is linked, not copied). */
const COPY = ['admin', 'content', 'public', 'scripts', 'src', 'astro.config.mjs', 'package.json', 'tsconfig.json'];

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'CMS test',
      GIT_AUTHOR_EMAIL: 'cms-test@example.org',
      GIT_COMMITTER_NAME: 'CMS test',
      GIT_COMMITTER_EMAIL: 'cms-test@example.org',
    },
  }).trim();
}

/**
 * Copies the working tree (with uncommitted changes) into a fresh git repository on `main`.
 * node_modules holds one symlink per package, so Vite's own cache (node_modules/.vite) stays private.
 */
export function makeWorkspace(source = process.cwd()): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'cms-e2e-'));
  for (const entry of COPY) cpSync(path.join(source, entry), path.join(dir, entry), { recursive: true });
  mkdirSync(path.join(dir, 'node_modules'));
  for (const name of readdirSync(path.join(source, 'node_modules'))) {
    if (name === '.vite' || name === '.astro' || name === '.cache') continue;
    symlinkSync(path.join(source, 'node_modules', name), path.join(dir, 'node_modules', name));
  }
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: dir });
  git(dir, 'config', 'user.name', 'CMS test');
  git(dir, 'config', 'user.email', 'cms-test@example.org');
  execFileSync('sh', ['-c', 'printf "node_modules/\\n.astro/\\ndist/\\n" > .gitignore'], { cwd: dir });
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'Snapshot of the working tree for the CMS tests');
  return dir;
}

export interface CmsProcess {
  siteUrl: string;
  proxyUrl: string;
  output: () => string;
  stop: () => Promise<void>;
}

/** `npm run cms` in the workspace, on the given ports; resolves once the admin and the proxy answer. */
export async function startCms(dir: string, sitePort: number, proxyPort: number): Promise<CmsProcess> {
  const child: ChildProcess = spawn(process.execPath, ['scripts/cms.ts'], {
    cwd: dir,
    env: {
      ...process.env,
      PORT: String(sitePort),
      CMS_PROXY_PORT: String(proxyPort),
      LOG_LEVEL: 'warn',
      ASTRO_CACHE_DIR: undefined,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: false,
  });
  let output = '';
  child.stdout?.on('data', (c) => (output += c));
  child.stderr?.on('data', (c) => (output += c));
  const siteUrl = `http://127.0.0.1:${sitePort}`;
  const proxyUrl = `http://127.0.0.1:${proxyPort}/api/v1`;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const [admin, proxy] = await Promise.all([
        fetch(`${siteUrl}/admin/config.yml`),
        // The backend answers only the admin page: the probe says it comes from there.
        fetch(proxyUrl, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Origin: `http://localhost:${sitePort}` },
          body: JSON.stringify({ action: 'info' }),
        }),
      ]);
      if (admin.ok && proxy.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || child.exitCode !== null) {
      await stop();
      throw new Error(`npm run cms did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return { siteUrl, proxyUrl, output: () => output, stop };
}

export function removeWorkspace(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
