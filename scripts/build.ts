// `npm run build`: builds into a private temporary folder and only replaces dist/ when
// everything succeeded, so a failing check or build never leaves a half-written site.
// BUILD_OUT_DIR sends the result elsewhere (benchmarks, fixture builds).
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
  // The content gate first: a site with an overdue review or a bad field is never produced.
  ['check:content', () => run(process.execPath, ['scripts/check-content.ts'])],
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
