// Builds the Pagefind search index at the end of `astro build`, the way Starlight does: through
// Pagefind's Node API, over the folder Astro just wrote (`dir`, which `npm run build` points at a
// temporary folder, so never assume dist/). Only article bodies are indexed: the article page marks
// its <article> with data-pagefind-body and carries the filter, meta and sort attributes.

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';

/** Parts of an article that repeat on every page or only restate page furniture: kept out of the index. */
export const DEFAULT_EXCLUDE_SELECTORS = [
  '.toc', // the table of contents repeats the H2s, which are indexed where they stand
  '.byline', // reviewer and date are meta (shown in results), not text to match
  '.helpline-box', // the same call to action on every page would match every query for "help"
  '.disclaimer',
  '.review-dates',
  '.review-due-notice', // the "review due" banner (shown by script when a review lapses)
];

export interface PagefindOptions {
  /** Where the bundle goes, relative to the built site. Changing it also means changing /search/. */
  outputSubdir?: string;
  /** Extra CSS selectors to keep out of the index (added to DEFAULT_EXCLUDE_SELECTORS). */
  excludeSelectors?: string[];
  /** Index the whole site as this language (ISO 639-1). Our pages all declare one; left unset. */
  forceLanguage?: string;
}

/** The part of Pagefind's Node API we use; tests pass a fake. */
export type PagefindApi = Pick<typeof import('pagefind'), 'createIndex' | 'close'>;

export interface IndexResult {
  pageCount: number;
  outputPath: string;
}

function failure(step: string, errors: string[]): Error {
  return new Error(`Pagefind ${step} failed:\n  ${errors.join('\n  ')}`);
}

/**
 * Indexes the built site in `siteDir` and writes the bundle to `<siteDir>/<outputSubdir>`.
 * Throws (failing the build) when Pagefind reports errors or finds no page to index: a site
 * whose search silently returns nothing is worse than a failed build.
 */
export async function buildSearchIndex(
  siteDir: string,
  options: PagefindOptions = {},
  api?: PagefindApi,
  logger?: Pick<AstroIntegrationLogger, 'info' | 'warn'>,
): Promise<IndexResult> {
  const started = performance.now();
  const pagefind = api ?? (await import('pagefind'));
  const outputPath = path.join(siteDir, options.outputSubdir ?? 'pagefind');
  try {
    const { index, errors } = await pagefind.createIndex({
      excludeSelectors: [...DEFAULT_EXCLUDE_SELECTORS, ...(options.excludeSelectors ?? [])],
      ...(options.forceLanguage ? { forceLanguage: options.forceLanguage } : {}),
    });
    if (!index || errors.length) throw failure('createIndex', errors.length ? errors : ['no index returned']);

    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length) throw failure('addDirectory', added.errors);
    if (added.page_count === 0) throw new Error(`Pagefind found no HTML pages in ${siteDir}.`);

    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw failure('writeFiles', written.errors);
    // The time is read by `npm run bench` (scripts/bench.ts).
    logger?.info(
      `Scanned ${added.page_count} pages (only data-pagefind-body pages are indexed); bundle in ${path.relative(siteDir, outputPath) || '.'}/ in ${Math.round(performance.now() - started)} ms`,
    );
    return { pageCount: added.page_count, outputPath };
  } finally {
    // The Node API runs the Pagefind binary as a service; leaving it up keeps the build process alive.
    await pagefind.close();
  }
}

export default function pagefindIntegration(options: PagefindOptions = {}): AstroIntegration {
  return {
    name: 'steady-ground:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        await buildSearchIndex(path.resolve(fileURLToPath(dir)), options, undefined, logger);
      },
    },
  };
}
