// `npm run build`: builds into a private temporary folder and only replaces dist/ when
// everything succeeded, so a failing check or build never leaves a half-written site.
// BUILD_OUT_DIR sends the result elsewhere (benchmarks, fixture builds); SITE_TODAY=YYYY-MM-DD
// pins the day the build judges reviews by (src/lib/io/today.ts). The whole order of a build (check,
// pages, search index, service worker) is written down in src/integrations/site-build.ts.
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

const outDir = path.resolve(process.env.BUILD_OUT_DIR ?? 'dist');
const tmpDir = `${outDir}.tmp-${process.pid}`;

function run(command: string, args: string[]): boolean {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
  return result.status === 0;
}

const steps: Array<[string, () => boolean]> = [
  // The content gate first: a bad field or an unsafe page is never built. An overdue review is only
  // a warning here (the page itself says it is overdue): time passing must never stop a deploy, such
  // as an urgent correction to another page. `npm run check:content` in CI still fails on it.
  ['check:content', () => run(process.execPath, ['scripts/check-content.ts', '--overdue-as-warning'])],
  ['astro build', () => run(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', tmpDir])],
];

for (const [name, step] of steps) {
  if (!step()) {
    rmSync(tmpDir, { recursive: true, force: true });
    console.error(`\nBuild stopped: ${name} failed. ${path.relative('.', outDir) || '.'}/ was left as it was.`);
    process.exit(1);
  }
}

if (existsSync(outDir)) rmSync(outDir, { recursive: true, force: true });
renameSync(tmpDir, outDir);
console.log(`Site written to ${path.relative('.', outDir)}/`);
