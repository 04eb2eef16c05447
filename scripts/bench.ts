// `npm run bench`: our `npm run build` against two baselines on the same generated articles,
// committed in a git repository as every real site is (results in docs/benchmarks.md, "Scale").
//   npm run bench                          N = 1,000, 5,000 and 10,000
//   npm run bench -- --sizes 100,500       any sizes (a quick run)
//   --work DIR (or BENCH_WORK_DIR; default /tmp/steady-ground-bench)   --seed N
//   --no-bare  --no-starlight  --no-offline  --no-check-alone   skip a part
//   --starlight-defaults-up-to N   also run Starlight with its default sidebar up to N articles (1000)
//
// For each N, under DIR/n<N>/ (never in this repository):
// 1. N articles from scripts/generate-articles.ts in repo/content/, committed to a fresh git
//    repository in two commits (an import, then a front-matter edit to one article in ten), so
//    check:content reads real history;
// 2. ours: `node scripts/build.ts` (exactly `npm run build`: check:content, then astro build with
//    Pagefind, the service worker, sitemap and admin) with every cache cold (Astro's, the content
//    check's and the share cards', in the work folder: what a fresh clone, CI or a host without a
//    build cache gets), then once more with those caches kept (a second build of unchanged content);
// 3. bare: the same MDX files in a minimal Astro 7 + @astrojs/mdx project (one layout, stub
//    components), then Pagefind's CLI over its output: the least any site of these pages can cost;
// 4. Starlight: the same bodies as Starlight pages (title and description kept, the two components
//    imported; it runs Pagefind itself), in a project under DIR/starlight/ with @astrojs/starlight
//    installed there from npm (never into this repository), cold cache. Twice up to 1,000 articles:
//    with its defaults, whose sidebar lists every page on every page (so its output grows with N²:
//    about 23 GB of HTML at 10,000), and with a one-link sidebar; above that, the latter only;
// 5. the reader's "save the whole site" in Chromium (scripts/measure-offline.ts) on our build;
// 6. check:content alone, twice, over the unchanged content: the first compiles every MDX body (the
//    build leaves that to Astro), the second is what a check costs with its cache warm.
// Each build runs under GNU time: wall time, CPU time (user + system of the whole process tree: less
// distorted than wall time when other work shares the machine) and peak memory (largest process).
// `uptime` load averages are recorded before and after each build. Figures: DIR/results.json and
// DIR/results.md; each step's output: DIR/n<N>/*.log.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateContent } from './generate-articles.ts';
import {
  astroPhases,
  goal,
  hostVerdicts,
  markdownTable,
  type Phases,
  type ProcessCost,
  parseGnuTime,
  phaseText,
  type SiteWeight,
  sequential,
  starlightArticle,
  weighSite,
} from './lib/bench.ts';
import { parseCommandLine } from './lib/command-line.ts';

const repo = path.resolve(import.meta.dirname, '..');
const { values: args } = parseCommandLine(
  'bench',
  'Usage: npm run bench -- [--sizes 1000,5000] [--work DIR] [--seed N] [--no-bare] [--no-starlight] [--no-offline] [--no-check-alone] [--starlight-defaults-up-to N]',
  {
    options: {
      sizes: { type: 'string' },
      work: { type: 'string', default: process.env.BENCH_WORK_DIR ?? path.join(os.tmpdir(), 'steady-ground-bench') },
      seed: { type: 'string', default: '1' },
      'no-bare': { type: 'boolean', default: false },
      'no-starlight': { type: 'boolean', default: false },
      'no-offline': { type: 'boolean', default: false },
      'no-check-alone': { type: 'boolean', default: false },
      'starlight-defaults-up-to': { type: 'string', default: '1000' },
    },
  },
);
const sizes = args.sizes ? args.sizes.split(',').map((s) => Number(s.trim())) : [1000, 5000, 10000];
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) {
  console.error(`bench: --sizes: expected whole numbers like 100,500, got "${args.sizes}"`);
  process.exit(2);
}
const workDir = path.resolve(args.work);
if (!path.relative(repo, workDir).startsWith('..')) {
  console.error(`bench: --work must be outside the repository, got ${workDir}`);
  process.exit(2);
}
const STARLIGHT_VERSION = '0.42.4';
const astroVersion = (
  JSON.parse(readFileSync(path.join(repo, 'node_modules/astro/package.json'), 'utf8')) as { version: string }
).version;

const uptime = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

interface Run extends ProcessCost {
  output: string;
  load: { before: string; after: string };
}

/** Runs a command under GNU time, keeping its output in `<logDir>/<label>.log`; fails loudly on a non-zero exit. */
function measured(
  command: string,
  commandArgs: string[],
  options: { cwd: string; env?: Record<string, string>; label: string; logDir: string; allowFail?: boolean },
): Promise<Run & { code: number }> {
  const timeFile = path.join(options.logDir, `.time-${process.pid}`);
  const before = uptime();
  const started = performance.now();
  const child = spawn('/usr/bin/time', ['-v', '-o', timeFile, command, ...commandArgs], {
    cwd: options.cwd,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((resolve, reject) => {
    child.on('close', (code) => {
      const ms = performance.now() - started;
      writeFileSync(path.join(options.logDir, `${options.label.replace(/\W+/g, '-')}.log`), output);
      if (code !== 0 && !options.allowFail) {
        reject(
          new Error(`bench: ${options.label} failed (exit ${code}):\n${output.split('\n').slice(-40).join('\n')}`),
        );
        return;
      }
      const report = readFileSync(timeFile, 'utf8');
      rmSync(timeFile, { force: true });
      resolve({ ms, ...parseGnuTime(report), output, code: code ?? 1, load: { before, after: uptime() } });
    });
  });
}

const git = (cwd: string, ...gitArgs: string[]) =>
  execFileSync('git', gitArgs, {
    cwd,
    stdio: 'pipe',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Bench',
      GIT_AUTHOR_EMAIL: 'bench@example.invalid',
      GIT_COMMITTER_NAME: 'Bench',
      GIT_COMMITTER_EMAIL: 'bench@example.invalid',
    },
  });

/** The generated content, committed: an import, then one article in ten edited (front matter only). */
function commitContent(siteRepo: string) {
  git(siteRepo, 'init', '-q', '-b', 'main');
  git(siteRepo, 'add', '-A');
  git(siteRepo, 'commit', '-q', '-m', 'Import articles');
  const articles = path.join(siteRepo, 'content/articles');
  const files = readdirSync(articles).filter((file) => file.endsWith('.mdx'));
  for (const file of files.filter((_, i) => i % 10 === 0)) {
    const text = readFileSync(path.join(articles, file), 'utf8');
    writeFileSync(path.join(articles, file), text.replace(/^tags:\n/m, 'tags:\n  - edited\n'));
  }
  git(siteRepo, 'commit', '-q', '-am', 'Tag one article in ten');
}

const WARNING_FILTER =
  "vite: { build: { rolldownOptions: { onwarn(w, warn) { if (w.code !== 'MODULE_LEVEL_DIRECTIVE') warn(w); } } } }";

const STUB_COMPONENTS: Record<string, string> = {
  'Callout.astro': `---\nconst { level, title } = Astro.props;\n---\n<aside class={level}><p><strong>{title}</strong></p><slot /></aside>\n`,
  'HelplineBox.astro': `<aside><p>Call 1-800-662-4357</p></aside>\n`,
};

/** A bare Astro + MDX project over the same articles: one minimal layout, no integration but MDX. */
function writeBare(dir: string, contentDir: string) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'src/pages/articles'), { recursive: true });
  mkdirSync(path.join(dir, 'src/components'), { recursive: true });
  symlinkSync(path.join(repo, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'bench-bare', private: true, type: 'module' }));
  writeFileSync(
    path.join(dir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';\nimport mdx from '@astrojs/mdx';\nexport default defineConfig({ site: 'https://example.org', integrations: [mdx()], cacheDir: process.env.ASTRO_CACHE_DIR, build: { format: 'directory' }, ${WARNING_FILTER} });\n`,
  );
  writeFileSync(
    path.join(dir, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';\nimport { glob } from 'astro/loaders';\nexport const collections = { articles: defineCollection({ loader: glob({ pattern: '*.mdx', base: ${JSON.stringify(path.join(contentDir, 'articles'))} }) }) };\n`,
  );
  for (const [name, body] of Object.entries(STUB_COMPONENTS))
    writeFileSync(path.join(dir, 'src/components', name), body);
  writeFileSync(
    path.join(dir, 'src/pages/articles/[slug].astro'),
    `---\nimport { getCollection, render } from 'astro:content';\nimport Callout from '../../components/Callout.astro';\nimport HelplineBox from '../../components/HelplineBox.astro';\n` +
      `export async function getStaticPaths() {\n  return (await getCollection('articles')).map((article) => ({ params: { slug: article.id }, props: { article } }));\n}\n` +
      `const { article } = Astro.props;\nconst { Content } = await render(article);\n---\n` +
      `<html lang="en"><head><meta charset="utf-8" /><title>{article.data.title}</title></head><body><main><h1>{article.data.title}</h1><Content components={{ Callout, HelplineBox }} /></main></body></html>\n`,
  );
}

type StarlightSidebar = 'default' | 'one link';

/** The Starlight project (installed once per work folder), its articles replaced by this N's. */
function prepareStarlight(dir: string, contentDir: string, sidebar: StarlightSidebar) {
  if (!existsSync(path.join(dir, 'node_modules/@astrojs/starlight/package.json'))) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      path.join(dir, 'package.json'),
      JSON.stringify({ name: 'bench-starlight', private: true, type: 'module' }),
    );
    console.log(
      `Installing @astrojs/starlight@${STARLIGHT_VERSION} and astro@${astroVersion} into ${dir} (npm registry)…`,
    );
    // A real node_modules, not a link to ours: Vite only compiles Starlight's components when their
    // files are inside the project.
    execFileSync(
      'npm',
      ['install', '--no-audit', '--no-fund', `@astrojs/starlight@${STARLIGHT_VERSION}`, `astro@${astroVersion}`],
      {
        cwd: dir,
        stdio: 'inherit',
      },
    );
  }
  writeFileSync(
    path.join(dir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';\nimport starlight from '@astrojs/starlight';\nexport default defineConfig({ site: 'https://example.org', cacheDir: process.env.ASTRO_CACHE_DIR, integrations: [starlight({ title: 'Bench'${sidebar === 'one link' ? ", sidebar: [{ label: 'Home', link: '/' }]" : ''} })], ${WARNING_FILTER} });\n`,
  );
  mkdirSync(path.join(dir, 'src/components'), { recursive: true });
  writeFileSync(
    path.join(dir, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';\nimport { docsLoader } from '@astrojs/starlight/loaders';\nimport { docsSchema } from '@astrojs/starlight/schema';\nexport const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };\n`,
  );
  for (const [name, body] of Object.entries(STUB_COMPONENTS))
    writeFileSync(path.join(dir, 'src/components', name), body);
  const target = path.join(dir, 'src/content/docs/articles');
  rmSync(path.join(dir, 'src/content/docs'), { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  for (const file of readdirSync(path.join(contentDir, 'articles')).filter((name) => name.endsWith('.mdx'))) {
    const source = readFileSync(path.join(contentDir, 'articles', file), 'utf8');
    writeFileSync(path.join(target, file), starlightArticle(source, '../../../components'));
  }
}

interface Build {
  cost: ProcessCost;
  load: { before: string; after: string };
  weight: SiteWeight;
}

interface OursBuild extends Build {
  checkMs?: number;
  astroMs?: number;
  pagefindMs?: number;
  phases: Phases;
}

interface SizeResult {
  n: number;
  ours: OursBuild & {
    serviceWorker?: string;
    /** check:content alone after the build: bodies compiled (first), then its cache warm (second). */
    checkAlone?: ProcessCost;
    checkAgain?: ProcessCost;
  };
  /** `npm run build` again over the same content, its caches kept. */
  oursWarm?: OursBuild;
  bare?: Build & { astro: ProcessCost; pagefind: ProcessCost; phases: Phases };
  starlight: Array<Build & { phases: Phases; sidebar: StarlightSidebar }>;
  offline?: Record<string, unknown>;
}

async function benchSize(n: number): Promise<SizeResult> {
  const dir = path.join(workDir, `n${n}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const log = (message: string) => console.log(`[n=${n}] ${message}`);
  const siteRepo = path.join(dir, 'repo');
  const contentDir = path.join(siteRepo, 'content');
  generateContent({ count: n, outDir: contentDir, seed: Number(args.seed) });
  commitContent(siteRepo);
  log(`generated ${n} articles, committed in ${siteRepo}`);
  // Our build runs from this folder (so its prerender chunks stay in its output): it needs node_modules.
  symlinkSync(path.join(repo, 'node_modules'), path.join(dir, 'node_modules'), 'dir');

  const oursDir = path.join(dir, 'ours');
  // Every cache of our build lives in the work folder and starts empty: the build a fresh clone gets.
  const oursEnv = {
    CONTENT_DIR: contentDir,
    BUILD_OUT_DIR: oursDir,
    ASTRO_CACHE_DIR: path.join(dir, 'ours-cache'),
    STEADY_GROUND_CACHE_DIR: path.join(dir, 'ours-build-cache'),
  };
  const runOurs = async (label: string): Promise<OursBuild & { output: string }> => {
    const run = await measured(process.execPath, [path.join(repo, 'scripts/build.ts')], {
      cwd: dir,
      env: oursEnv,
      label,
      logDir: dir,
    });
    const step = (name: string) =>
      Number(new RegExp(`\\[build\\] step ${name} took (\\d+) ms`).exec(run.output)?.[1]) || undefined;
    const { output, ...cost } = run;
    return {
      output,
      cost,
      load: run.load,
      weight: weighSite(oursDir),
      checkMs: step('check:content'),
      astroMs: step('astro build'),
      pagefindMs: Number(/Scanned \d+ pages.* in (\d+) ms/.exec(run.output)?.[1]) || undefined,
      phases: astroPhases(run.output),
    };
  };
  const { output: oursOutput, ...ours } = await runOurs('ours npm run build');
  const result: SizeResult = {
    n,
    ours: { ...ours, serviceWorker: /sw\.js precaches ([^\n]*?)\.?\n/.exec(oursOutput)?.[1] },
    starlight: [],
  };
  log(
    `ours, caches cold: ${sec(ours.cost.ms)} wall, ${ours.cost.cpuSeconds.toFixed(1)} s CPU, peak ${mib(ours.cost.maxRssKiB)} (load ${ours.load.before} → ${ours.load.after})`,
  );
  const { output: _, ...oursWarm } = await runOurs('ours npm run build again');
  result.oursWarm = oursWarm;
  log(`ours again, caches kept: ${sec(oursWarm.cost.ms)} wall, ${oursWarm.cost.cpuSeconds.toFixed(1)} s CPU`);

  if (!args['no-bare']) {
    const bareDir = path.join(dir, 'bare');
    writeBare(bareDir, contentDir);
    const astro = await measured(process.execPath, [path.join(repo, 'node_modules/astro/bin/astro.mjs'), 'build'], {
      cwd: bareDir,
      env: { ASTRO_CACHE_DIR: path.join(dir, 'bare-cache') },
      label: 'bare astro build',
      logDir: dir,
    });
    const pagefind = await measured(
      process.execPath,
      [path.join(repo, 'node_modules/pagefind/lib/runner/bin.cjs'), '--site', path.join(bareDir, 'dist')],
      { cwd: bareDir, label: 'bare pagefind', logDir: dir },
    );
    result.bare = {
      cost: sequential(astro, pagefind),
      astro,
      pagefind,
      load: { before: astro.load.before, after: pagefind.load.after },
      weight: weighSite(path.join(bareDir, 'dist')),
      phases: astroPhases(astro.output),
    };
    log(
      `bare + Pagefind: ${sec(result.bare.cost.ms)} wall (Pagefind ${sec(pagefind.ms)}), ${result.bare.cost.cpuSeconds.toFixed(1)} s CPU`,
    );
    rmSync(path.join(bareDir, 'dist'), { recursive: true, force: true });
  }

  if (!args['no-starlight']) {
    const starlightDir = path.join(workDir, 'starlight');
    const variants: StarlightSidebar[] =
      n <= Number(args['starlight-defaults-up-to']) ? ['default', 'one link'] : ['one link'];
    for (const sidebar of variants) {
      prepareStarlight(starlightDir, contentDir, sidebar);
      const outDir = path.join(dir, 'starlight-dist');
      const label = `starlight ${sidebar} sidebar`;
      const starlight = await measured(
        process.execPath,
        [path.join(starlightDir, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir],
        {
          cwd: starlightDir,
          env: { ASTRO_CACHE_DIR: path.join(dir, `${label.replace(/\W+/g, '-')}-cache`) },
          label,
          logDir: dir,
        },
      );
      result.starlight.push({
        sidebar,
        cost: starlight,
        load: starlight.load,
        weight: weighSite(outDir),
        phases: astroPhases(starlight.output),
      });
      log(
        `Starlight (${sidebar} sidebar): ${sec(starlight.ms)} wall, ${starlight.cpuSeconds.toFixed(1)} s CPU, peak ${mib(starlight.maxRssKiB)}`,
      );
      // Keep the figures, not the files (with its default sidebar they grow with N²).
      rmSync(outDir, { recursive: true, force: true });
    }
  }

  if (!args['no-check-alone']) {
    const checkAlone = (label: string) =>
      measured(process.execPath, [path.join(repo, 'scripts/check-content.ts'), '--content-dir', contentDir], {
        cwd: dir,
        env: { STEADY_GROUND_CACHE_DIR: oursEnv.STEADY_GROUND_CACHE_DIR },
        label,
        logDir: dir,
      });
    result.ours.checkAlone = await checkAlone('check-content alone');
    result.ours.checkAgain = await checkAlone('check-content alone again');
    log(
      `check:content alone: ${sec(result.ours.checkAlone.ms)} wall, ${result.ours.checkAlone.cpuSeconds.toFixed(1)} s CPU; again: ${sec(result.ours.checkAgain.ms)} wall, ${result.ours.checkAgain.cpuSeconds.toFixed(1)} s CPU`,
    );
  }

  if (!args['no-offline']) {
    const offline = await measured(process.execPath, [path.join(repo, 'scripts/measure-offline.ts')], {
      cwd: repo,
      env: { DIST_DIR: oursDir },
      label: 'offline save in Chromium',
      logDir: dir,
      allowFail: true,
    });
    const line = offline.output.trim().split('\n').at(-1) ?? '{}';
    try {
      result.offline = JSON.parse(line);
    } catch {
      result.offline = { error: line };
    }
    log(`offline: ${offline.output.trim().split('\n').at(-2) ?? line}`);
  }
  return result;
}

const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mib = (kib: number) => `${Math.round(kib / 1024).toLocaleString('en-US')} MiB`;
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
const count = (n: number) => n.toLocaleString('en-US');

function machine(): string {
  const cpu = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? os.cpus()[0]?.model ?? '?';
  return `${os.cpus().length} cores (${cpu}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}, Astro ${astroVersion}, ${os.type()} ${os.release()}`;
}

/** The three-way table for one size. */
function table(r: SizeResult): string {
  const builds: Array<[string, Build | undefined]> = [
    ['ours (`npm run build`, caches cold)', r.ours],
    ...(r.oursWarm ? [['ours again (caches kept)', r.oursWarm] as [string, Build]] : []),
    ['bare Astro + MDX + Pagefind', r.bare],
    ...r.starlight.map((s): [string, Build] => [`Starlight ${STARLIGHT_VERSION} (${s.sidebar} sidebar)`, s]),
  ];
  const cell = (build: Build | undefined, text: (b: Build) => string) => (build ? text(build) : 'skipped');
  const rows: string[][] = [
    [`N = ${count(r.n)}`, ...builds.map(([name]) => name)],
    ['wall time', ...builds.map(([, b]) => cell(b, (x) => sec(x.cost.ms)))],
    ['CPU time (user + system)', ...builds.map(([, b]) => cell(b, (x) => `${x.cost.cpuSeconds.toFixed(1)} s`))],
    ['peak memory (largest process)', ...builds.map(([, b]) => cell(b, (x) => mib(x.cost.maxRssKiB)))],
    ['load average before → after', ...builds.map(([, b]) => cell(b, (x) => `${x.load.before} → ${x.load.after}`))],
    [
      'output files (per article)',
      ...builds.map(([, b]) => cell(b, (x) => `${count(x.weight.files)} (${(x.weight.files / r.n).toFixed(2)})`)),
    ],
    ['output size', ...builds.map(([, b]) => cell(b, (x) => `${(x.weight.bytes / 2 ** 20).toFixed(1)} MiB`))],
    [
      'median article page (raw / gzip)',
      ...builds.map(([, b]) => cell(b, (x) => `${kb(x.weight.articleHtml.raw)} / ${kb(x.weight.articleHtml.gzip)}`)),
    ],
    [
      'largest HTML page; pages over 200 KB',
      ...builds.map(([, b]) =>
        cell(b, (x) => `${kb(x.weight.largestHtml.bytes)} (${x.weight.largestHtml.page}); ${x.weight.pagesOver200KB}`),
      ),
    ],
    ...hostVerdicts(r.ours.weight).map(([host], i) => [
      host,
      ...builds.map(([, b]) => cell(b, (x) => hostVerdicts(x.weight)[i][1])),
    ]),
  ];
  const lines = [markdownTable(rows), ''];
  const split = (b: OursBuild) =>
    `check:content ${sec(b.checkMs ?? 0)}, astro build ${sec(b.astroMs ?? 0)} (of which Pagefind ${sec(b.pagefindMs ?? 0)})`;
  if (r.ours.checkMs || r.ours.astroMs)
    lines.push(`Ours split (wall): ${split(r.ours)}; service worker: ${r.ours.serviceWorker ?? '?'}.`);
  if (r.oursWarm) lines.push(`Ours again, caches kept (wall): ${split(r.oursWarm)}.`);
  if (r.bare) lines.push(`Bare split: astro build ${sec(r.bare.astro.ms)}, Pagefind CLI ${sec(r.bare.pagefind.ms)}.`);
  const { checkAlone, checkAgain } = r.ours;
  if (checkAlone && checkAgain)
    lines.push(
      `check:content alone after the build (unchanged content committed in git; it compiles every MDX body, which the build leaves to Astro): ${sec(checkAlone.ms)} wall, ${checkAlone.cpuSeconds.toFixed(1)} s CPU; a second time, its cache warm: ${sec(checkAgain.ms)} wall, ${checkAgain.cpuSeconds.toFixed(1)} s CPU.`,
    );
  lines.push(
    `Astro phases: ours ${phaseText(r.ours.phases)}${r.oursWarm ? `; ours again ${phaseText(r.oursWarm.phases)}` : ''}${r.bare ? `; bare ${phaseText(r.bare.phases)}` : ''}${r.starlight.map((s) => `; Starlight (${s.sidebar} sidebar) ${phaseText(s.phases)}`).join('')}.`,
  );
  const ourBuilds: Array<[string, Build]> = [
    ['caches cold', r.ours],
    ...(r.oursWarm ? [['caches kept', r.oursWarm] as [string, Build]] : []),
  ];
  for (const [which, ours] of ourBuilds) {
    if (r.bare)
      lines.push(
        `Goal ours (${which}) ≤ 1.3× bare + Pagefind: wall ${goal(ours.cost.ms, r.bare.cost.ms, 1.3)}; CPU ${goal(ours.cost.cpuSeconds, r.bare.cost.cpuSeconds, 1.3)}.`,
      );
    for (const s of r.starlight)
      lines.push(
        `Goal ours (${which}) ≤ 0.6× Starlight (${s.sidebar} sidebar): wall ${goal(ours.cost.ms, s.cost.ms, 0.6)}; CPU ${goal(ours.cost.cpuSeconds, s.cost.cpuSeconds, 0.6)}.`,
      );
  }
  if (r.offline) lines.push(`Save for offline in Chromium: ${JSON.stringify(r.offline)}`);
  return lines.join('\n');
}

mkdirSync(workDir, { recursive: true });
console.log(
  `Benchmark: N = ${sizes.join(', ')}; work folder ${workDir}\nMachine: ${machine()}\nLoad average at start: ${uptime()}\n`,
);
const results: SizeResult[] = [];
for (const n of sizes) {
  results.push(await benchSize(n));
  // Write as we go: a 10,000-article run takes long, and the figures so far are worth keeping.
  const report = [
    `Machine: ${machine()}`,
    `Date: ${new Date().toISOString()}`,
    '',
    ...results.map((r) => `${table(r)}\n`),
  ].join('\n');
  writeFileSync(path.join(workDir, 'results.md'), report);
  writeFileSync(
    path.join(workDir, 'results.json'),
    JSON.stringify({ machine: machine(), date: new Date().toISOString(), results }, null, 2),
  );
}
console.log(`\n${readFileSync(path.join(workDir, 'results.md'), 'utf8')}`);
if (results.length > 1) {
  const [a, b] = [results[0], results.at(-1)!];
  console.log(
    `Growth: N ×${(b.n / a.n).toFixed(1)} → our CPU time ×${(b.ours.cost.cpuSeconds / a.ours.cost.cpuSeconds).toFixed(2)}, wall ×${(b.ours.cost.ms / a.ours.cost.ms).toFixed(2)}, peak memory ×${(b.ours.cost.maxRssKiB / a.ours.cost.maxRssKiB).toFixed(2)}`,
  );
}
console.log(
  `\nFigures: ${path.join(workDir, 'results.json')}. Wall-clock times on a shared machine: compare CPU times, and read the load averages.`,
);
