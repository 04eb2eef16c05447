// `npm run bench`: what each page costs at scale (issue 8; results in docs/benchmarks.md, "Scale").
//   npm run bench                       N = 1,000 and 5,000
//   npm run bench -- --full             also N = 10,000
//   npm run bench -- --sizes 100,500    any sizes (a quick run)
//   --work DIR (default /tmp/steady-ground-bench)  --seed N  --no-baseline  --no-incremental  --no-search
//
// For each N it generates N synthetic articles (scripts/generate-articles.ts) into DIR/n<N>/content
// (never content/), then measures, all outside the repo (Astro cache, output and baseline project
// under DIR):
// - check:content time (scripts/check-content.ts --content-dir);
// - our `astro build` (what `npm run build` runs after check:content): wall time, ms per page, peak
//   memory (maximum resident set of the largest process, from GNU time's %M: the Node process that
//   runs Astro; Pagefind's own binary is a separate, smaller process), Pagefind index time (logged by
//   src/integrations/pagefind.ts) and size, files in the output;
// - the same articles built by a bare Astro + MDX project (one minimal layout, no integrations) in
//   DIR/n<N>/baseline, which borrows this repo's node_modules through a symlink: our overhead ratio;
// - a no-change rebuild (same cache), then the same with experimental.incrementalBuild
//   (ASTRO_INCREMENTAL_BUILD=1): a first build that fills its cache, and a second with no change;
// - one article page (the median-sized one): bytes of HTML, CSS and JS, raw and gzip;
// - the bytes fetched for a first search (scripts/measure-search.ts, in Chromium).
// The service worker is built in its shell-only mode (SW_PRECACHE=shell): precaching every article
// and the whole index, the default, does not fit its 1.5 MiB budget at these sizes and would fail the
// build. measure-search reports what the default precache would weigh.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { generateContent } from './generate-articles.ts';

const repo = path.resolve(import.meta.dirname, '..');
const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string' },
    full: { type: 'boolean', default: false },
    work: { type: 'string', default: path.join(os.tmpdir(), 'steady-ground-bench') },
    seed: { type: 'string', default: '1' },
    'no-baseline': { type: 'boolean', default: false },
    'no-incremental': { type: 'boolean', default: false },
    'no-search': { type: 'boolean', default: false },
  },
});
const sizes = args.sizes
  ? args.sizes.split(',').map((s) => Number(s.trim()))
  : [1000, 5000, ...(args.full ? [10000] : [])];
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) {
  console.error(`bench: --sizes: expected whole numbers like 100,500, got "${args.sizes}"`);
  process.exit(2);
}
const workDir = path.resolve(args.work);
if (!path.relative(repo, workDir).startsWith('..')) {
  console.error(`bench: --work must be outside the repository, got ${workDir}`);
  process.exit(2);
}

interface Run {
  ms: number;
  maxRssKiB: number;
  stdout: string;
  code: number;
}

/** Runs node with `args` under GNU time (peak memory), collecting output; fails loudly on a non-zero exit. */
function runNode(
  nodeArgs: string[],
  options: { cwd?: string; env?: Record<string, string>; allowFail?: boolean; label: string; logDir?: string },
): Promise<Run> {
  const timeFile = path.join(workDir, `.time-${process.pid}`);
  const started = performance.now();
  const child = spawn('/usr/bin/time', ['-f', '%M', '-o', timeFile, process.execPath, ...nodeArgs], {
    cwd: options.cwd ?? repo,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  child.stderr.on('data', (chunk) => (out += chunk));
  return new Promise((resolve, reject) => {
    child.on('close', (code) => {
      const ms = performance.now() - started;
      const maxRssKiB = Number(readFileSync(timeFile, 'utf8').trim().split('\n').at(-1)) || 0;
      // Each step's full output stays next to its results, for reading the phase timings afterwards.
      if (options.logDir) writeFileSync(path.join(options.logDir, `${options.label.replace(/\W+/g, '-')}.log`), out);
      if (code !== 0 && !options.allowFail) {
        reject(new Error(`bench: ${options.label} failed (exit ${code}):\n${out.split('\n').slice(-40).join('\n')}`));
      } else resolve({ ms, maxRssKiB, stdout: out, code: code ?? 1 });
    });
  });
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
  );
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mib = (kibibytes: number) => `${(kibibytes / 1024).toFixed(0)} MiB`;

/** A hash of every article page, to check that an incremental rebuild wrote the same HTML as a full one. */
function articlesHash(siteDir: string): string {
  const hash = createHash('sha256');
  const dir = path.join(siteDir, 'articles');
  for (const slug of readdirSync(dir).sort()) {
    const file = path.join(dir, slug, 'index.html');
    if (existsSync(file)) hash.update(slug).update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
}

/** HTML, CSS and JS of one article page, raw and gzip (what a first visit transfers before images). */
function pageWeight(siteDir: string) {
  const dir = path.join(siteDir, 'articles');
  const pages = readdirSync(dir)
    .map((slug) => path.join(dir, slug, 'index.html'))
    .filter((file) => existsSync(file) && !readFileSync(file, 'utf8').includes('http-equiv="refresh"'))
    .map((file) => ({ file, size: statSync(file).size }))
    .sort((a, b) => a.size - b.size);
  const page = pages[Math.floor(pages.length / 2)];
  const html = readFileSync(page.file);
  const text = html.toString('utf8');
  const local = (href: string) =>
    path.join(siteDir, decodeURI(new URL(href, 'https://x.invalid/articles/a/').pathname));
  const css = [...text.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*>/g)]
    .map((m) => /href="([^"]+)"/.exec(m[0])?.[1])
    .filter((h): h is string => !!h);
  const js = [
    ...[...text.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]),
    ...[...text.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1]),
  ];
  const weigh = (hrefs: string[]) => {
    const bodies = [...new Set(hrefs)].map((href) => readFileSync(local(href)));
    return {
      count: bodies.length,
      raw: bodies.reduce((s, b) => s + b.length, 0),
      gzip: bodies.reduce((s, b) => s + gzipSync(b).length, 0),
    };
  };
  const inlineScripts = [
    ...text.matchAll(/<script\b(?![^>]*\bsrc=)(?![^>]*application\/ld\+json)[^>]*>([\s\S]*?)<\/script>/g),
  ].map((m) => m[1]);
  const inlineJsBytes = inlineScripts.reduce((s, body) => s + Buffer.byteLength(body), 0);
  // "No JS needed to read": the article's own words are in the HTML as sent.
  const article = /<article\b[\s\S]*?<\/article>/.exec(text)?.[0] ?? '';
  const proseWords = article
    .replace(/<script\b[\s\S]*?<\/script>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .split(/\s+/)
    .filter(Boolean).length;
  const cssW = weigh(css);
  const jsW = weigh(js);
  const htmlGzip = gzipSync(html).length;
  return {
    page: path.relative(siteDir, page.file),
    htmlRaw: html.length,
    htmlGzip,
    css: cssW,
    js: jsW,
    inlineJsBytes,
    totalGzip: htmlGzip + cssW.gzip + jsW.gzip,
    proseWordsInHtml: proseWords,
  };
}

/** A bare Astro + MDX project over the same articles: one minimal layout, no integrations but MDX. */
function writeBaseline(dir: string, contentDir: string) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'src/pages/articles'), { recursive: true });
  mkdirSync(path.join(dir, 'src/components'), { recursive: true });
  symlinkSync(path.join(repo, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify({ name: 'bench-baseline', private: true, type: 'module' }, null, 2),
  );
  writeFileSync(
    path.join(dir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';\nimport mdx from '@astrojs/mdx';\nexport default defineConfig({ site: 'https://example.org', integrations: [mdx()], cacheDir: process.env.ASTRO_CACHE_DIR, build: { format: 'directory' } });\n`,
  );
  writeFileSync(
    path.join(dir, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';\nimport { glob } from 'astro/loaders';\nexport const collections = { articles: defineCollection({ loader: glob({ pattern: '*.mdx', base: ${JSON.stringify(path.join(contentDir, 'articles'))} }) }) };\n`,
  );
  writeFileSync(
    path.join(dir, 'src/components/Callout.astro'),
    `---\nconst { level, title } = Astro.props;\n---\n<aside class={level}><p><strong>{title}</strong></p><slot /></aside>\n`,
  );
  writeFileSync(path.join(dir, 'src/components/HelplineBox.astro'), `<aside><p>Call 1-800-662-4357</p></aside>\n`);
  writeFileSync(
    path.join(dir, 'src/pages/articles/[slug].astro'),
    `---\nimport { getCollection, render } from 'astro:content';\nimport Callout from '../../components/Callout.astro';\nimport HelplineBox from '../../components/HelplineBox.astro';\n` +
      `export async function getStaticPaths() {\n  return (await getCollection('articles')).map((article) => ({ params: { slug: article.id }, props: { article } }));\n}\n` +
      `const { article } = Astro.props;\nconst { Content } = await render(article);\n---\n` +
      `<html lang="en"><head><meta charset="utf-8" /><title>{article.data.title}</title></head><body><main><h1>{article.data.title}</h1><Content components={{ Callout, HelplineBox }} /></main></body></html>\n`,
  );
}

interface SizeResult {
  n: number;
  generateMs: number;
  checkMs: number;
  build: { ms: number; msPerPage: number; maxRssKiB: number; pagefindMs?: number };
  fullBuildMs: number;
  pagefind: { indexBytes: number; indexFiles: number; bundleBytes: number; bundleFiles: number };
  files: number;
  distBytes: number;
  baseline?: { ms: number; maxRssKiB: number; ratio: number; ratioWithoutPagefind?: number };
  rebuild?: {
    plainMs: number;
    incrementalFirstMs?: number;
    incrementalNoChangeMs?: number;
    skipped?: number;
    sameOutput?: boolean;
  };
  weight: ReturnType<typeof pageWeight>;
  search?: Record<string, string>;
}

async function benchSize(n: number): Promise<SizeResult> {
  const dir = path.join(workDir, `n${n}`);
  const contentDir = path.join(dir, 'content');
  const siteDir = path.join(dir, 'site');
  const cacheDir = path.join(dir, 'cache');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const log = (message: string) => console.log(`[n=${n}] ${message}`);

  const t = performance.now();
  generateContent({ count: n, outDir: contentDir, seed: Number(args.seed) });
  const generateMs = performance.now() - t;
  log(`generated ${n} articles in ${sec(generateMs)}`);

  const check = await runNode(['scripts/check-content.ts', '--content-dir', contentDir], {
    label: 'check:content',
    logDir: dir,
  });
  log(
    `check:content ${sec(check.ms)} (${check.stdout.split('\n').find((line) => /articles checked on/.test(line)) ?? '?'})`,
  );

  const env = { CONTENT_DIR: contentDir, ASTRO_CACHE_DIR: cacheDir, SW_PRECACHE: 'shell' };
  // Run from the work folder with --root: Astro writes its prerender chunks to <outDir>/.prerender only
  // when outDir is inside the current directory, and otherwise to <cwd>/.astro/.prerender, which every
  // other build from the repo with an outside outDir (tests, fixtures) would share and clobber.
  // The chunks find node_modules through the work folder's symlink.
  const astroBuild = (outDir: string, extraEnv: Record<string, string> = {}, label = 'astro build') =>
    runNode([path.join(repo, 'node_modules/astro/bin/astro.mjs'), 'build', '--root', repo, '--outDir', outDir], {
      cwd: dir,
      env: { ...env, ...extraEnv },
      label,
      logDir: dir,
    });
  const build = await astroBuild(siteDir);
  const pagefindMs = Number(/Scanned \d+ pages.* in (\d+) ms/.exec(build.stdout)?.[1]) || undefined;
  log(`astro build ${sec(build.ms)}, peak ${mib(build.maxRssKiB)}, Pagefind ${pagefindMs ?? '?'} ms`);

  const all = filesUnder(siteDir);
  const bundle = all.filter((f) => f.startsWith(path.join(siteDir, 'pagefind') + path.sep));
  const indexFiles = bundle.filter((f) => /\.pf_(meta|index|filter|fragment)$|pagefind-entry\.json$/.test(f));
  const size = (files: string[]) => files.reduce((s, f) => s + statSync(f).size, 0);
  const weight = pageWeight(siteDir);

  const result: SizeResult = {
    n,
    generateMs,
    checkMs: check.ms,
    build: { ms: build.ms, msPerPage: build.ms / n, maxRssKiB: build.maxRssKiB, pagefindMs },
    fullBuildMs: check.ms + build.ms,
    pagefind: {
      indexBytes: size(indexFiles),
      indexFiles: indexFiles.length,
      bundleBytes: size(bundle),
      bundleFiles: bundle.length,
    },
    files: all.length,
    distBytes: size(all),
    weight,
  };

  if (!args['no-search']) {
    const search = await runNode(['scripts/measure-search.ts'], {
      env: {
        DIST_DIR: siteDir,
        RUNS: '1',
        QUERY: 'withdrawal timeline',
        MEASURE_PORT: process.env.MEASURE_PORT ?? '4391',
      },
      label: 'measure-search',
      allowFail: true,
      logDir: dir,
    });
    const line = (prefix: string) =>
      search.stdout
        .split('\n')
        .find((l) => l.startsWith(prefix))
        ?.replace(/^[^:]+:\s*/, '');
    result.search =
      search.code === 0
        ? {
            firstQuery: line('bytes fetched') ?? '?',
            timeToResults: line('time to first results') ?? '?',
            defaultPrecache: line('precache') ?? '?',
          }
        : { error: search.stdout.split('\n').slice(-5).join(' ') };
    log(`first search: ${result.search.firstQuery ?? result.search.error}`);
  }

  if (!args['no-baseline']) {
    const baseDir = path.join(dir, 'baseline');
    writeBaseline(baseDir, contentDir);
    const base = await runNode(
      [path.join(repo, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', path.join(baseDir, 'dist')],
      {
        cwd: baseDir,
        env: { ASTRO_CACHE_DIR: path.join(dir, 'baseline-cache') },
        label: 'baseline astro build',
        logDir: dir,
      },
    );
    result.baseline = {
      ms: base.ms,
      maxRssKiB: base.maxRssKiB,
      ratio: build.ms / base.ms,
      ratioWithoutPagefind: pagefindMs ? (build.ms - pagefindMs) / base.ms : undefined,
    };
    log(`baseline ${sec(base.ms)} → ours/baseline ${result.baseline.ratio.toFixed(2)}×`);
  }

  // No-change rebuilds, into fresh output folders as `npm run build` does (it builds into a temp folder).
  const plain = await astroBuild(path.join(dir, 'site-rebuild'), {}, 'no-change rebuild');
  result.rebuild = { plainMs: plain.ms };
  log(`no-change rebuild ${sec(plain.ms)}`);
  if (!args['no-incremental']) {
    // The same output path both times, emptied in between (as a deploy build starts clean): the
    // output path is part of what Astro hashes (its astro:assets module), so a new temporary folder
    // per build, as scripts/build.ts uses, would never reuse a page.
    const incEnv = { ASTRO_INCREMENTAL_BUILD: '1' };
    const incDir = path.join(dir, 'site-inc');
    const first = await astroBuild(incDir, incEnv, 'incremental build (first)');
    rmSync(incDir, { recursive: true, force: true });
    const second = await astroBuild(incDir, incEnv, 'incremental build (no change)');
    const skipped = (second.stdout.match(/\((?:cached|restored)\)/g) ?? []).length;
    result.rebuild = {
      plainMs: plain.ms,
      incrementalFirstMs: first.ms,
      incrementalNoChangeMs: second.ms,
      skipped,
      sameOutput: articlesHash(incDir) === articlesHash(siteDir),
    };
    log(
      `incremental: first ${sec(first.ms)}, no change ${sec(second.ms)} (${skipped} pages reused, same article HTML: ${result.rebuild.sameOutput})`,
    );
  }
  // Keep the generated content and the main build; drop the bulky copies.
  for (const extra of ['site-rebuild', 'site-inc', 'baseline/dist'])
    rmSync(path.join(dir, extra), { recursive: true, force: true });
  return result;
}

function machine(): string {
  const cpu = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? os.cpus()[0]?.model ?? '?';
  return `${os.cpus().length} cores (${cpu}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}, ${os.type()} ${os.release()}`;
}

mkdirSync(workDir, { recursive: true });
rmSync(path.join(workDir, 'node_modules'), { force: true });
symlinkSync(path.join(repo, 'node_modules'), path.join(workDir, 'node_modules'), 'dir');
console.log(`Benchmark: N = ${sizes.join(', ')}; work folder ${workDir}\nMachine: ${machine()}\n`);
const results: SizeResult[] = [];
for (const n of sizes) results.push(await benchSize(n));

const rows: Array<[string, (r: SizeResult) => string]> = [
  ['check:content', (r) => sec(r.checkMs)],
  ['astro build (ours)', (r) => sec(r.build.ms)],
  ['full build (check + astro build)', (r) => sec(r.fullBuildMs)],
  ['ms per page (astro build / N)', (r) => r.build.msPerPage.toFixed(1)],
  ['peak memory (max RSS, astro build)', (r) => mib(r.build.maxRssKiB)],
  ['Pagefind index time', (r) => (r.build.pagefindMs ? sec(r.build.pagefindMs) : '?')],
  [
    'Pagefind index size (entry, meta, index, filter, fragments)',
    (r) => `${kib(r.pagefind.indexBytes)} in ${r.pagefind.indexFiles} files`,
  ],
  [
    'Pagefind bundle (engine, both indexes, vocabulary)',
    (r) => `${kib(r.pagefind.bundleBytes)} in ${r.pagefind.bundleFiles} files`,
  ],
  ['bare Astro + MDX baseline', (r) => (r.baseline ? sec(r.baseline.ms) : 'skipped')],
  ['baseline peak memory', (r) => (r.baseline ? mib(r.baseline.maxRssKiB) : 'skipped')],
  ['ours / baseline', (r) => (r.baseline ? `${r.baseline.ratio.toFixed(2)}×` : 'skipped')],
  [
    'ours without Pagefind / baseline',
    (r) => (r.baseline?.ratioWithoutPagefind ? `${r.baseline.ratioWithoutPagefind.toFixed(2)}×` : '?'),
  ],
  ['no-change rebuild (warm cache)', (r) => (r.rebuild ? sec(r.rebuild.plainMs) : '?')],
  [
    'incremental build: first (fills cache)',
    (r) => (r.rebuild?.incrementalFirstMs ? sec(r.rebuild.incrementalFirstMs) : 'skipped'),
  ],
  [
    'incremental build: no change',
    (r) =>
      r.rebuild?.incrementalNoChangeMs
        ? `${sec(r.rebuild.incrementalNoChangeMs)} (${r.rebuild.skipped} pages reused, same HTML: ${r.rebuild.sameOutput ? 'yes' : 'NO'})`
        : 'skipped',
  ],
  ['article page HTML (raw / gzip)', (r) => `${kib(r.weight.htmlRaw)} / ${kib(r.weight.htmlGzip)}`],
  [
    'article page CSS (raw / gzip)',
    (r) => `${kib(r.weight.css.raw)} / ${kib(r.weight.css.gzip)} in ${r.weight.css.count} files`,
  ],
  [
    'article page JS files (raw / gzip)',
    (r) =>
      `${kib(r.weight.js.raw)} / ${kib(r.weight.js.gzip)} in ${r.weight.js.count} files (+${r.weight.inlineJsBytes} B inline)`,
  ],
  ['article page total before images (gzip)', (r) => kib(r.weight.totalGzip)],
  ['article words in the HTML (no JS needed)', (r) => String(r.weight.proseWordsInHtml)],
  ['first search: bytes fetched', (r) => r.search?.firstQuery ?? r.search?.error ?? 'skipped'],
  ['default precache (every article + index)', (r) => r.search?.defaultPrecache ?? 'skipped'],
  ['files in the output', (r) => `${r.files.toLocaleString('en-US')} (${(r.distBytes / 2 ** 20).toFixed(1)} MiB)`],
];
console.log(`\n| Figure | ${results.map((r) => `N = ${r.n.toLocaleString('en-US')}`).join(' | ')} |`);
console.log(`| --- | ${results.map(() => '---').join(' | ')} |`);
for (const [label, cell] of rows) console.log(`| ${label} | ${results.map(cell).join(' | ')} |`);

if (results.length > 1) {
  const [a, b] = [results[0], results.at(-1)!];
  const growth = b.build.ms / a.build.ms;
  console.log(
    `\nLinearity: N ×${(b.n / a.n).toFixed(1)} → astro build ×${growth.toFixed(2)} (ms per page ${a.build.msPerPage.toFixed(1)} → ${b.build.msPerPage.toFixed(1)})`,
  );
}
const jsonFile = path.join(workDir, 'results.json');
writeFileSync(jsonFile, JSON.stringify({ machine: machine(), date: new Date().toISOString(), results }, null, 2));
console.log(`\nRaw figures: ${jsonFile}. Timings are wall-clock on a shared machine: expect ±15 % noise.`);
