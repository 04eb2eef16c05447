// "Changed since review": compares an article's body today with its body as it stood at
// the end of its lastReviewed day, using git history. Without full history it says so.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { splitFrontmatter } from '../content/frontmatter.ts';

export type HistoryState = { available: true; repoRoot: string } | { available: false; reason: string };

function git(cwd: string, args: string[]): string | undefined {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8' });
  return result.status === 0 ? result.stdout : undefined;
}

export function historyState(dir: string): HistoryState {
  const repoRoot = git(dir, ['rev-parse', '--show-toplevel'])?.trim();
  if (!repoRoot)
    return {
      available: false,
      reason: 'the content is not in a git repository, so changes since review cannot be checked',
    };
  if (git(dir, ['rev-parse', '--is-shallow-repository'])?.trim() === 'true') {
    return {
      available: false,
      reason:
        'this is a shallow clone, so history is missing and changes since review cannot be checked (fetch with --unshallow or fetch-depth: 0)',
    };
  }
  if (!git(dir, ['rev-parse', '--verify', '--quiet', 'HEAD'])) {
    return { available: false, reason: 'the repository has no commits yet, so changes since review cannot be checked' };
  }
  return { available: true, repoRoot };
}

/**
 * The commit that holds the reviewed version: the last one touching the file up to the end
 * of the review day (UTC), or, for a file first committed after that day, its first commit
 * (content imported with an existing review). Undefined when the file has no history.
 */
function reviewedVersion(repoRoot: string, relPath: string, lastReviewed: string): string | undefined {
  const before = git(repoRoot, [
    'log',
    '-1',
    '--format=%H',
    `--until=${lastReviewed}T23:59:59Z`,
    '--',
    relPath,
  ])?.trim();
  if (before) return before;
  const all = git(repoRoot, ['log', '--format=%H', '--', relPath])?.trim().split('\n').filter(Boolean);
  return all?.at(-1);
}

/** True when the body differs from the reviewed version; undefined when there is nothing to compare. */
export function bodyChangedSinceReview(
  history: Extract<HistoryState, { available: true }>,
  file: string,
  currentBody: string,
  lastReviewed: string,
): boolean | undefined {
  const relPath = path.relative(history.repoRoot, path.resolve(file)).split(path.sep).join('/');
  const commit = reviewedVersion(history.repoRoot, relPath, lastReviewed);
  if (!commit) return undefined;
  const reviewedSource = git(history.repoRoot, ['show', `${commit}:${relPath}`]);
  if (reviewedSource === undefined) return undefined;
  return splitFrontmatter(reviewedSource).body.trimEnd() !== currentBody.trimEnd();
}
