// Helpers of `npm run bench` (scripts/bench.ts) that need no build to test: reading GNU time's
// report, preparing the Starlight copy of an article, weighing a built site, host limits, goals.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface ProcessCost {
  /** Wall-clock milliseconds, measured around the process. */
  ms: number;
  /** User + system CPU seconds of the process and every process it waited for. */
  cpuSeconds: number;
  /** Largest resident set of any single process in the tree (GNU time's "Maximum resident set size"). */
  maxRssKiB: number;
}

/** The CPU and memory figures of `/usr/bin/time -v`'s report (its last lines of stderr). */
export function parseGnuTime(report: string): Omit<ProcessCost, 'ms'> {
  const number = (label: string) => {
    const found = new RegExp(`${label}:\\s*([\\d.]+)`).exec(report);
    if (!found) throw new Error(`bench: GNU time's report has no "${label}" line:\n${report.slice(-500)}`);
    return Number(found[1]);
  };
  return {
    cpuSeconds: number('User time \\(seconds\\)') + number('System time \\(seconds\\)'),
    maxRssKiB: number('Maximum resident set size \\(kbytes\\)'),
  };
}

/** Adds the costs of processes run one after another (a build, then its index): times add, memory is the larger. */
export function sequential(...costs: ProcessCost[]): ProcessCost {
  return {
    ms: costs.reduce((sum, cost) => sum + cost.ms, 0),
    cpuSeconds: costs.reduce((sum, cost) => sum + cost.cpuSeconds, 0),
    maxRssKiB: Math.max(...costs.map((cost) => cost.maxRssKiB)),
  };
}

/** Astro's own phase timings, from its log (seconds; the integrations' share from its timestamps). */
export type Phases = Record<string, number>;
export function astroPhases(output: string): Phases {
  // Astro writes durations as "14.71s", "510ms" or "2m 21s".
  const DURATION = String.raw`((?:\d+m )?[\d.]+m?s)`;
  const toSeconds = (text: string | undefined) => {
    const found = /^(?:(\d+)m )?([\d.]+)(m?s)$/.exec(text ?? '');
    if (!found) return 0;
    return Number(found[1] ?? 0) * 60 + Number(found[2]) / (found[3] === 'ms' ? 1000 : 1);
  };
  const at = (clock: string[]) => Number(clock[1]) * 3600 + Number(clock[2]) * 60 + Number(clock[3]);
  const find = (pattern: string) => new RegExp(pattern).exec(output) ?? undefined;
  const routes = find(String.raw`generating static routes[\s\S]*?\n\d\d:\d\d:\d\d ✓ Completed in ${DURATION}\.`);
  const generated = [
    ...output.matchAll(new RegExp(String.raw`(\d\d):(\d\d):(\d\d) \[build\] ✓ Completed in ${DURATION}\.`, 'g')),
  ].at(-1);
  const done = find(String.raw`(\d\d):(\d\d):(\d\d) \[build\] \d+ page\(s\) built`);
  return {
    types: toSeconds(find(String.raw`\[types\] Generated ${DURATION}`)?.[1]),
    bundle: toSeconds(find(String.raw`\[vite\] ✓ built in ${DURATION}`)?.[1]),
    render: toSeconds(routes?.[1]),
    generate: toSeconds(generated?.[4]),
    integrations: generated && done ? Math.max(0, at(done) - at(generated)) : 0,
  };
}
export const phaseText = (p: Phases) =>
  `content sync and types ${p.types.toFixed(1)} s, bundling ${p.bundle.toFixed(1)} s, rendering pages ${p.render.toFixed(1)} s (static generation ${p.generate.toFixed(1)} s), integrations after the build ≈${p.integrations.toFixed(0)} s`;

/** The value of a top-level `key: value` front-matter line, unquoted. */
function frontMatterValue(frontMatter: string, key: string): string | undefined {
  const line = new RegExp(`^${key}:\\s*(.*)$`, 'm').exec(frontMatter)?.[1]?.trim();
  if (line === undefined) return undefined;
  if (line.startsWith('"')) return JSON.parse(line) as string;
  if (line.startsWith("'")) return line.slice(1, -1).replaceAll("''", "'");
  return line;
}

/**
 * One of our articles as a Starlight page: the same body, with the two components imported (Starlight
 * has no way to pass MDX components to every page) and the front matter cut to what Starlight reads
 * (title and description; our `hero` would clash with Starlight's own `hero` field).
 */
export function starlightArticle(source: string, componentsDir: string): string {
  const end = source.indexOf('\n---', 4);
  if (!source.startsWith('---\n') || end === -1) throw new Error('bench: an article without front matter');
  const frontMatter = source.slice(4, end);
  const body = source.slice(end + 4).replace(/^\r?\n/, '');
  const title = frontMatterValue(frontMatter, 'title') ?? 'Untitled';
  const description = frontMatterValue(frontMatter, 'description') ?? '';
  return [
    '---',
    `title: ${JSON.stringify(title)}`,
    `description: ${JSON.stringify(description)}`,
    '---',
    '',
    `import Callout from '${componentsDir}/Callout.astro';`,
    `import HelplineBox from '${componentsDir}/HelplineBox.astro';`,
    '',
    body,
  ].join('\n');
}

export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
  );
}

export interface SiteWeight {
  files: number;
  bytes: number;
  /** Files in the fullest single folder (Netlify fails a deploy past 54,000 in one folder). */
  fullestFolder: { folder: string; files: number };
  htmlPages: number;
  /** The median article page (raw and gzip bytes). */
  articleHtml: { raw: number; gzip: number };
  /** The largest HTML page, and how many are over the 200 KB goal. */
  largestHtml: { page: string; bytes: number };
  pagesOver200KB: number;
}

/**
 * Weighs a built site. Article pages are the HTML files under `articlesDir` (by default
 * articles/<slug>/index.html); old-slug redirect pages are left out of the median.
 */
export function weighSite(siteDir: string, articlesDir = 'articles', skip: string[] = []): SiteWeight {
  const all = filesUnder(siteDir).filter((file) => !skip.some((prefix) => file.startsWith(path.join(siteDir, prefix))));
  const sizes = new Map(all.map((file) => [file, statSync(file).size]));
  const html = all.filter((file) => file.endsWith('.html'));
  const folders = new Map<string, number>();
  for (const file of all) folders.set(path.dirname(file), (folders.get(path.dirname(file)) ?? 0) + 1);
  const [folder, inFolder] = [...folders].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
  const articles = html
    .filter((file) => file.startsWith(path.join(siteDir, articlesDir) + path.sep))
    .filter((file) => !readFileSync(file, 'utf8').slice(0, 2000).includes('http-equiv="refresh"'))
    .sort((a, b) => (sizes.get(a) ?? 0) - (sizes.get(b) ?? 0));
  const median = articles[Math.floor(articles.length / 2)];
  const largest = [...html].sort((a, b) => (sizes.get(b) ?? 0) - (sizes.get(a) ?? 0))[0];
  return {
    files: all.length,
    bytes: [...sizes.values()].reduce((sum, size) => sum + size, 0),
    fullestFolder: { folder: path.relative(siteDir, folder) || '.', files: inFolder },
    htmlPages: html.length,
    articleHtml: median
      ? { raw: sizes.get(median) ?? 0, gzip: gzipSync(readFileSync(median)).length }
      : { raw: 0, gzip: 0 },
    largestHtml: {
      page: largest ? path.relative(siteDir, largest) : '',
      bytes: largest ? (sizes.get(largest) ?? 0) : 0,
    },
    pagesOver200KB: html.filter((file) => (sizes.get(file) ?? 0) > 200_000).length,
  };
}

/** Limits of common static hosts that a large site can reach (checked 2026-11; links in docs/benchmarks.md). */
export const HOST_LIMITS = [
  { host: 'Cloudflare Pages (Free)', maxFiles: 20_000, maxFileBytes: 25 * 2 ** 20 },
  { host: 'Cloudflare Pages (paid)', maxFiles: 100_000, maxFileBytes: 25 * 2 ** 20 },
  { host: 'Netlify', maxFilesPerFolder: 54_000 },
  { host: 'GitHub Pages', maxBytes: 2 ** 30 },
  { host: 'GitLab Pages', maxFiles: 200_000, maxBytes: 2 ** 30 },
] as const;

/** For each host: "fits", or what is over its limit. */
export function hostVerdicts(weight: Pick<SiteWeight, 'files' | 'bytes' | 'fullestFolder'>): Array<[string, string]> {
  return HOST_LIMITS.map((limit) => {
    const over: string[] = [];
    if ('maxFiles' in limit && weight.files > limit.maxFiles)
      over.push(`${weight.files.toLocaleString('en-US')} files > ${limit.maxFiles.toLocaleString('en-US')}`);
    if ('maxFilesPerFolder' in limit && weight.fullestFolder.files > limit.maxFilesPerFolder)
      over.push(`${weight.fullestFolder.files} files in ${weight.fullestFolder.folder}/ > ${limit.maxFilesPerFolder}`);
    if ('maxBytes' in limit && weight.bytes > limit.maxBytes)
      over.push(`${(weight.bytes / 2 ** 30).toFixed(2)} GiB > 1 GiB`);
    return [limit.host, over.length ? `over: ${over.join(', ')}` : 'fits'];
  });
}

/** "1.18× (goal ≤ 1.3×: met)". */
export function goal(ours: number, other: number, limit: number): string {
  const ratio = ours / other;
  const verdict = ratio <= limit ? 'met' : `missed by ${Math.round((ratio / limit - 1) * 100)} %`;
  return `${ratio.toFixed(2)}× (goal ≤ ${limit}×: ${verdict})`;
}

/** A Markdown table: first row is the header. */
export function markdownTable(rows: string[][]): string {
  const [head, ...body] = rows;
  return [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...body.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
}
