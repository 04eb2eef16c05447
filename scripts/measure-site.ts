// `npm run measure:site`: figures for the real sample site: content-check time, full build time,
// page count, and the weight of the baclofen withdrawal article (HTML + CSS, raw and gzip).
// Builds into a temporary folder, never dist/.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const work = mkdtempSync(path.join(tmpdir(), 'measure-site-'));
const outDir = path.join(work, 'site');
const timed = (args: string[], env: Record<string, string> = {}) => {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, {
    encoding: 'utf8',
    env: { ...process.env, ...env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
  return Math.round(performance.now() - started);
};

const checks = [1, 2, 3].map(() => timed(['scripts/check-content.ts']));
const buildMs = timed(['scripts/build.ts'], { BUILD_OUT_DIR: outDir, ASTRO_CACHE_DIR: path.join(work, 'cache') });

const htmlFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'admin' ? [] : htmlFiles(full);
    return entry.name.endsWith('.html') ? [full] : [];
  });
const pages = htmlFiles(outDir);
const article = readFileSync(path.join(outDir, 'articles/baclofen-withdrawal/index.html'));
const css = [...new Set(article.toString().match(/\/_astro\/[^"]+\.css/g) ?? [])].map((href) =>
  readFileSync(path.join(outDir, href)),
);
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const size = (buffers: Buffer[]) => buffers.reduce((sum, b) => sum + b.length, 0);
const gz = (buffers: Buffer[]) => buffers.reduce((sum, b) => sum + gzipSync(b).length, 0);

console.log(`check:content over content/: ${checks.join(', ')} ms (three runs, whole process)`);
console.log(
  `npm run build (content check + astro build + Pagefind + service worker): ${(buildMs / 1000).toFixed(1)} s`,
);
console.log(`HTML pages built (without /admin/): ${pages.length}`);
console.log(
  `baclofen withdrawal article: HTML ${kib(article.length)} (${kib(gzipSync(article).length)} gzip) + CSS ${kib(size(css))} (${kib(gz(css))} gzip) = ${kib(article.length + size(css))} (${kib(gzipSync(article).length + gz(css))} gzip)`,
);
