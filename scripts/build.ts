// `npm run build`: builds into a private temporary folder and only replaces dist/ when
// everything succeeded, so a failing check or build never leaves a half-written site.
// BUILD_OUT_DIR sends the result elsewhere (benchmarks, fixture builds); SITE_TODAY=YYYY-MM-DD
// pins the day the build judges reviews by (src/lib/io/today.ts). It may be run from
// another folder (`node /repo/scripts/build.ts`): the project is always this script's repository.
// Astro keeps its prerender chunks inside the output folder when that is inside the current folder
// (else in the repo's .astro/, which two such builds at once would share and break), and those
// chunks import packages: so a work folder needs the project's node_modules (a symlink will do).
// The whole order of a build (check, pages, search index, service worker) is written down in
// src/integrations/site-build.ts.
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

const repo = path.resolve(import.meta.dirname, '..');
const outDir = path.resolve(process.env.BUILD_OUT_DIR ?? 'dist');
const tmpDir = `${outDir}.tmp-${process.pid}`;
// Both steps read the same content folder, wherever this was started from.
const contentDir = path.resolve(process.env.CONTENT_DIR ?? path.join(repo, 'content'));

function run(command: string, args: string[]): boolean {
  // Always a production build: an inherited NODE_ENV (vitest sets "test") would make Astro drop
  // production-only code such as the service worker registration.
  const env = { ...process.env, NODE_ENV: 'production', CONTENT_DIR: contentDir, ASTRO_TELEMETRY_DISABLED: '1' };
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  return result.status === 0;
}

const steps: Array<[string, () => boolean]> = [
  // The content gate first: a bad field or an unsafe page is never built. An overdue review is only
  // a warning here (the page itself says it is overdue): time passing must never stop a deploy, such
  // as an urgent correction to another page. `npm run check:content` in CI still fails on it.
  ['check:content', () => run(process.execPath, [path.join(repo, 'scripts/check-content.ts'), '--overdue-as-warning'])],
  [
    'astro build',
    () =>
      run(process.execPath, [
        path.join(repo, 'node_modules/astro/bin/astro.mjs'),
        'build',
        '--root',
        repo,
        '--outDir',
        tmpDir,
      ]),
  ],
];

if (path.resolve(process.cwd()) !== repo && !existsSync(path.join(process.cwd(), 'node_modules'))) {
  console.error(
    `Build stopped: run from ${process.cwd()}, which has no node_modules. Link the project's there first: ln -s ${path.join(repo, 'node_modules')} node_modules`,
  );
  process.exit(1);
}

for (const [name, step] of steps) {
  const started = performance.now();
  if (!step()) {
    rmSync(tmpDir, { recursive: true, force: true });
    console.error(`\nBuild stopped: ${name} failed. ${path.relative('.', outDir) || '.'}/ was left as it was.`);
    process.exit(1);
  }
  // Read by `npm run bench` (scripts/bench.ts) to split the build's time.
  console.log(`[build] step ${name} took ${Math.round(performance.now() - started)} ms`);
}

if (existsSync(outDir)) rmSync(outDir, { recursive: true, force: true });
renameSync(tmpDir, outDir);
console.log(`Site written to ${path.relative('.', outDir)}/`);
