// `npm run bench:lighthouse`: Lighthouse scores (its default mobile settings: a mid-range phone,
// simulated slow 4G and 4× CPU slowdown) for the home page, an article and search, on a built site
// served by `astro preview`, in Debian's Chromium (CHROME_PATH, default /usr/bin/chromium; never a
// downloaded browser).
//   --build           build the real site first (BUILD_OUT_DIR=<dir> ASTRO_CACHE_DIR=<dir>-cache npm run build)
//   --dir DIR         the built site (default /tmp/bench-real)
//   --port N          preview port (default 4390)
//   --article SLUG    the article to score (default baclofen-withdrawal)
//   --only PAGE       score only this page: home, article or search (repeatable)
//   --runs N          score each page N times (default 1): scores move by several points between runs
// Reports are written next to the site as DIR-lighthouse/<page>.json.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { articlePath } from '../src/lib/core/urls.ts';
import { parseCommandLine } from './lib/command-line.ts';
import { startPreview } from './lib/preview-server.ts';

const repo = path.resolve(import.meta.dirname, '..');
const { values: args } = parseCommandLine(
  'bench:lighthouse',
  'Usage: npm run bench:lighthouse -- [--build] [--dir DIR] [--port N] [--article SLUG] [--only home|article|search ...] [--runs N]',
  {
    options: {
      build: { type: 'boolean', default: false },
      dir: { type: 'string', default: '/tmp/bench-real' },
      port: { type: 'string', default: '4390' },
      article: { type: 'string', default: 'baclofen-withdrawal' },
      only: { type: 'string', multiple: true },
      runs: { type: 'string', default: '1' },
    },
  },
);
const siteDir = path.resolve(args.dir);
const reportDir = `${siteDir}-lighthouse`;
const base = `http://127.0.0.1:${args.port}`;
const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const CHROME_FLAGS =
  '--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run';

if (args.build) {
  const built = spawnSync(process.execPath, ['scripts/build.ts'], {
    cwd: repo,
    stdio: 'inherit',
    env: { ...process.env, BUILD_OUT_DIR: siteDir, ASTRO_CACHE_DIR: `${siteDir}-cache` },
  });
  if (built.status !== 0) process.exit(1);
}

const allPages: Array<[string, string]> = [
  ['home', '/'],
  ['article', articlePath(args.article)],
  ['search', '/search/?q=withdrawal'],
];
const pages = allPages.filter(([name]) => !args.only || args.only.includes(name));
const runs = Math.max(1, Number(args.runs) || 1);

const server = await startPreview({ distDir: siteDir, port: Number(args.port), cwd: repo });
const scores: Array<Record<string, string | number>> = [];
try {
  mkdirSync(reportDir, { recursive: true });
  for (let round = 1; round <= runs; round++)
    for (const [name, url] of pages) {
      const output = path.join(reportDir, runs > 1 ? `${name}-${round}.json` : `${name}.json`);
      // The machine's load before the run: on a shared machine it moves the scores more than anything.
      const load = loadavg()[0].toFixed(1);
      const run = spawnSync(
        process.execPath,
        [
          'node_modules/lighthouse/cli/index.js',
          `${base}${url}`,
          '--output=json',
          `--output-path=${output}`,
          '--only-categories=performance,accessibility,best-practices,seo',
          `--chrome-flags=${CHROME_FLAGS}`,
          '--quiet',
        ],
        { cwd: repo, env: { ...process.env, CHROME_PATH: chromePath }, encoding: 'utf8' },
      );
      if (run.status !== 0) throw new Error(`lighthouse failed on ${url}:\n${run.stderr}`);
      const report = JSON.parse(readFileSync(output, 'utf8')) as {
        categories: Record<string, { score: number | null }>;
        audits: Record<string, { score: number | null; numericValue?: number; title: string }>;
        configSettings: { formFactor: string };
      };
      const score = (id: string) => Math.round((report.categories[id]?.score ?? 0) * 100);
      const failing = Object.entries(report.audits)
        .filter(
          ([, audit]) =>
            audit.score !== null && audit.score < 0.9 && !/^(metrics|screenshot|diagnostics)/.test(audit.title),
        )
        .map(([id]) => id);
      scores.push({
        page: url,
        formFactor: report.configSettings.formFactor,
        performance: score('performance'),
        accessibility: score('accessibility'),
        'best-practices': score('best-practices'),
        seo: score('seo'),
        LCP: `${((report.audits['largest-contentful-paint']?.numericValue ?? 0) / 1000).toFixed(1)} s`,
        TBT: `${Math.round(report.audits['total-blocking-time']?.numericValue ?? 0)} ms`,
        CLS: (report.audits['cumulative-layout-shift']?.numericValue ?? 0).toFixed(3),
        load,
        'below 0.9': failing.join(', ') || '-',
      });
    }
} finally {
  server.stop();
}

console.log(
  `Lighthouse (${scores[0]?.formFactor ?? 'mobile'} defaults) on ${siteDir}, served by astro preview (no compression)`,
);
console.log(
  '| Page | Performance | Accessibility | Best practices | SEO | LCP | TBT | CLS | Load average | Audits below 0.9 |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const s of scores) {
  console.log(
    `| ${s.page} | ${s.performance} | ${s.accessibility} | ${s['best-practices']} | ${s.seo} | ${s.LCP} | ${s.TBT} | ${s.CLS} | ${s.load} | ${s['below 0.9']} |`,
  );
}
console.log(`Reports: ${reportDir}/`);
