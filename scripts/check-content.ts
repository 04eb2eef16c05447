// `npm run check:content`: validates content/ without building. Schema problems and
// review-governance errors exit 1; warnings (a review due soon) exit 0.
//   --today YYYY-MM-DD       evaluate as if it were that day (default: $SITE_TODAY, else today in UTC)
//   --format text|json|markdown
//   --content-dir DIR        another content folder (default: $CONTENT_DIR or content/)
//   --strict                 treat "changed since review" and a missing review fingerprint as errors
//   --overdue-as-warning     report overdue reviews as warnings (what `npm run build` does)
//   --git-history            also compare bodies with git history (needs a full clone; slower)
//   --no-compile             leave compiling the MDX bodies to the build (what `npm run build` uses:
//                            astro build compiles each body right after with the same guarded
//                            compiler and stops on the first unsafe one); everything else is checked
//   --no-cache               check every file afresh (by default, what was learnt from a file whose
//                            bytes and checking code are unchanged is reused: node_modules/.cache/)
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isPlainDate } from '../src/lib/core/dates.ts';
import { ContentCache } from '../src/lib/io/content-cache.ts';
import { type ReportFormat, renderReport, runContentCheck } from '../src/lib/io/content-check.ts';
import { contentRoot } from '../src/lib/io/content-root.ts';
import { SiteTodayError, siteToday } from '../src/lib/io/today.ts';

const started = performance.now();
let options;
let defaultToday;
try {
  options = parseArgs({
    allowNegative: true,
    options: {
      today: { type: 'string' },
      format: { type: 'string', default: 'text' },
      'content-dir': { type: 'string' },
      strict: { type: 'boolean', default: false },
      'overdue-as-warning': { type: 'boolean', default: false },
      'git-history': { type: 'boolean', default: false },
      cache: { type: 'boolean', default: true },
      compile: { type: 'boolean', default: true },
    },
  }).values;
  defaultToday = options.today === undefined ? siteToday() : undefined;
} catch (error) {
  if (!(error instanceof TypeError || error instanceof SiteTodayError)) throw error;
  console.error(`check:content: ${error.message}`);
  process.exit(2);
}

const today = options.today ?? defaultToday ?? '';
if (!isPlainDate(today)) {
  console.error(`check:content: --today: expected a date written YYYY-MM-DD, got "${today}"`);
  process.exit(2);
}
const format = options.format as ReportFormat;
if (!['text', 'json', 'markdown'].includes(format)) {
  console.error(`check:content: --format: expected text, json or markdown, got "${format}"`);
  process.exit(2);
}

const root = options['content-dir'] ?? contentRoot();
// The project is this script's repository, wherever it is run from (npm run build may run it from a work folder).
const projectRoot = path.resolve(import.meta.dirname, '..');
const cache = options.cache ? ContentCache.open(projectRoot, root) : ContentCache.disabled();
const report = runContentCheck({
  root,
  today,
  strict: options.strict,
  overdueAsWarning: options['overdue-as-warning'],
  useHistory: options['git-history'],
  cache,
  compileBodies: options.compile,
});
cache.save();
if (options.cache && format === 'text' && cache.reused > 0) {
  console.error(
    `check:content: ${cache.reused} unchanged files were not parsed again (--no-cache checks everything afresh).`,
  );
}
report.elapsedMs = Math.round(performance.now() - started);
process.stdout.write(renderReport(report, format));
// exitCode, not process.exit(): into a pipe, stdout is written asynchronously and exiting at once cut
// the report off (at 5,000 articles only the first ~1,500 lines arrived, without the summary).
process.exitCode = report.errors > 0 ? 1 : 0;
