// Reading grades for the review dashboard. check:content scores every article and keeps the grade
// in its cache, keyed by the file's bytes; `npm run build` runs it just before Astro, so the
// dashboard reads those grades instead of scoring 1,000 bodies again (about 1.5 s of CPU).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ContentCache, contentHash } from './content-cache.ts';
import { contentRoot } from './content-root.ts';

/** Set by astro.config.mjs: the project whose cache check:content wrote (builds may run from another folder). */
export const PROJECT_ROOT_VARIABLE = 'STEADY_GROUND_PROJECT_ROOT';

/**
 * The grade check:content recorded for each article whose file is unchanged since; articles it
 * has no grade for (a changed file, no cache, no project root) are left out for the caller to score.
 */
export function cachedReadingGrades(slugs: readonly string[], root = contentRoot()): Map<string, number> {
  const grades = new Map<string, number>();
  const projectRoot = process.env[PROJECT_ROOT_VARIABLE];
  if (!projectRoot) return grades;
  const cache = ContentCache.open(projectRoot, root);
  for (const slug of slugs) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(path.join(root, 'articles', `${slug}.mdx`));
    } catch {
      continue;
    }
    const grade = cache.facts(contentHash(bytes)).readingGrade;
    if (grade !== undefined) grades.set(slug, grade);
  }
  return grades;
}
