// `npm run check:citations`: checks that every cited source URL still answers. Needs the
// network, so it is not part of `npm test`; CI runs it weekly. Results are cached with
// their dates in .cache/citations.json: a recent success is not checked again.
//   --content-dir DIR   --cache FILE   --max-age DAYS (7)   --concurrency N (4)
//   --timeout MS (15000)   --retries N (2)   --format text|markdown
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type CitationCache, checkCitations } from '../src/lib/io/citation-checker.ts';
import { contentRoot } from '../src/lib/io/content-root.ts';
import { loadContent } from '../src/lib/io/read-content.ts';
import { parseCommandLine } from './lib/command-line.ts';

const { values } = parseCommandLine(
  'check:citations',
  'Usage: npm run check:citations -- [--content-dir DIR] [--cache FILE] [--max-age DAYS] [--concurrency N] [--timeout MS] [--retries N] [--format text|markdown]',
  {
    options: {
      'content-dir': { type: 'string' },
      cache: { type: 'string', default: '.cache/citations.json' },
      'max-age': { type: 'string', default: '7' },
      concurrency: { type: 'string', default: '4' },
      timeout: { type: 'string', default: '15000' },
      retries: { type: 'string', default: '2' },
      backoff: { type: 'string', default: '1000' },
      format: { type: 'string', default: 'text' },
    },
  },
);

const content = loadContent(path.resolve(values['content-dir'] ?? contentRoot()));
const citations = content.articles.flatMap((article) =>
  article.data.sources.map((source, index) => ({ file: article.file, field: `sources.${index}.url`, url: source.url })),
);
let cache: CitationCache = {};
try {
  cache = JSON.parse(readFileSync(values.cache, 'utf8'));
} catch {
  // no cache yet
}

const started = performance.now();
const { results, fromCache } = await checkCitations(
  citations.map((c) => c.url),
  cache,
  {
    maxAgeDays: Number(values['max-age']),
    concurrency: Number(values.concurrency),
    timeoutMs: Number(values.timeout),
    retries: Number(values.retries),
    backoffMs: Number(values.backoff),
  },
);
mkdirSync(path.dirname(values.cache), { recursive: true });
writeFileSync(values.cache, `${JSON.stringify(Object.fromEntries(results.map((r) => [r.url, r])), null, 2)}\n`);

const byUrl = new Map(results.map((r) => [r.url, r]));
const rows = citations
  .map((c) => ({ ...c, result: byUrl.get(c.url)! }))
  .filter((row) => row.result.verdict !== 'ok' || row.result.finalUrl);
const errors = rows.filter((row) => row.result.verdict === 'error').length;
const warnings = rows.filter((row) => row.result.verdict === 'warning').length;
const summary = `${byUrl.size} source URLs checked (${fromCache} from cache) in ${Math.round(performance.now() - started)} ms: ${errors} broken, ${warnings} warnings.`;

if (values.format === 'markdown') {
  console.log('## Citation check\n');
  console.log(`${errors > 0 ? '❌' : '✅'} ${summary}\n`);
  if (rows.length > 0) {
    console.log('| Result | File | Field | URL | Detail |\n| --- | --- | --- | --- | --- |');
    for (const row of rows)
      console.log(`| ${row.result.verdict} | \`${row.file}\` | \`${row.field}\` | ${row.url} | ${row.result.detail} |`);
  }
} else {
  for (const row of rows) {
    const label = row.result.verdict === 'ok' ? 'moved' : row.result.verdict;
    console.log(`${label.padEnd(8)} ${row.file}: ${row.field}: ${row.url} (${row.result.detail})`);
  }
  console.log(summary);
}
process.exit(errors > 0 ? 1 : 0);
