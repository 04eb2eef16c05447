// The content gate of the local CMS backend: the same check as `npm run check:content`, run by
// the guard in front of decap-server before a save is committed and before a draft is published.
// A save is refused when the entry it writes has errors; a publish when merging the draft would
// add errors to the published branch, or when the draft no longer merges cleanly. Errors the
// published branch already has (say, another page's overdue review) do not hold up this draft.
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { publishCommitMessage } from '../cms/provenance.ts';
import { splitFrontmatter } from '../content/frontmatter.ts';
import type { PlainDate } from '../core/dates.ts';
import type { Finding } from '../review/rules.ts';
import {
  advancePublishedBranch,
  type CmsRepo,
  checkoutContent,
  commitTree,
  deleteDraft,
  draftBranch,
  draftDiffs,
  draftHistory,
  fileAt,
  type GitError,
  mergedTree,
  removeCheckout,
  revParse,
  runGit,
  syncBase,
} from './cms-repo.ts';
import { ContentCache } from './content-cache.ts';
import { runContentCheck } from './content-check.ts';

/** Findings that do not stop a save: an overdue page must be savable, that is how its review gets recorded. */
const NOT_AT_SAVE = new Set(['review-overdue', 'changed-since-review']);

/** "content/articles/x.mdx" for a finding's file, wherever the check ran. */
function contentPath(file: string): string {
  const normalised = file.split(path.sep).join('/');
  const at = normalised.lastIndexOf('content/');
  return at === -1 ? normalised : normalised.slice(at);
}

const describe = (finding: Finding) => `${contentPath(finding.file)}: ${finding.field}: ${finding.message}`;
const key = (finding: Finding) => `${contentPath(finding.file)}|${finding.rule}|${finding.field}|${finding.message}`;

/**
 * check:content's errors for the content of `treeish`, with `overlay` files written over it. What
 * the check learns from each file's bytes is kept in the checkout's own check:content cache, so
 * only files new to it (the draft's) are compiled again.
 */
function contentErrors(
  repo: CmsRepo,
  treeish: string,
  today: PlainDate,
  overlay: Record<string, Buffer | string> = {},
): Finding[] {
  const dir = checkoutContent(repo, treeish, overlay);
  const cache = ContentCache.open(process.cwd(), path.join(repo.repoDir, 'content'));
  try {
    const report = runContentCheck({ root: path.join(dir, 'content'), today, useHistory: false, cache });
    return report.findings.filter((finding) => finding.severity === 'error');
  } finally {
    cache.save();
    removeCheckout(dir);
  }
}

export interface PersistRequest {
  collection?: string;
  slug?: string;
  dataFiles: Array<{ path: string; raw: string }>;
  assets: Array<{ path: string; content: string; encoding: 'base64' }>;
}

export type GateResult = { ok: true; message?: string } | { ok: false; status: number; error: string };

/** Refuses a save whose entry check:content would reject, or a draft that no longer merges. */
export function checkSave(repo: CmsRepo, request: PersistRequest, today: PlainDate): GateResult {
  syncBase(repo);
  const draft = request.collection && request.slug ? draftBranch(request.collection, request.slug) : undefined;
  const hasDraft =
    draft && runGit(repo.repoDir, ['rev-parse', '--verify', '--quiet', `refs/heads/${draft}`]).status === 0;
  if (draft && hasDraft) {
    const merge = mergedTree(repo, draft);
    if ('conflicts' in merge) return conflict(merge.conflicts);
  }
  const overlay: Record<string, Buffer | string> = {};
  for (const file of request.dataFiles) overlay[file.path] = file.raw;
  for (const asset of request.assets) overlay[asset.path] = Buffer.from(asset.content, 'base64');
  const written = new Set(request.dataFiles.map((file) => file.path));
  const errors = contentErrors(
    repo,
    hasDraft && draft ? `refs/heads/${draft}` : `refs/heads/${repo.branch}`,
    today,
    overlay,
  ).filter((finding) => written.has(contentPath(finding.file)) && !NOT_AT_SAVE.has(finding.rule));
  if (errors.length === 0) return { ok: true };
  return {
    ok: false,
    status: 422,
    error: `Not saved: the site's content check rejects this page.\n${errors.map(describe).join('\n')}`,
  };
}

function conflict(files: string[]): GateResult {
  return {
    ok: false,
    status: 409,
    error: `This draft no longer merges cleanly: ${files.join(', ')} changed on the published site after the draft was started. Copy your changes, choose “Delete unpublished entry”, and make them again on the published version.`,
  };
}

function entryData(file: string, text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  if (file.endsWith('.yml') || file.endsWith('.yaml')) return (parseYaml(text) ?? {}) as Record<string, unknown>;
  return splitFrontmatter(text).data as Record<string, unknown>;
}

function bodyOf(file: string, text: string | undefined): string {
  if (text === undefined || !file.endsWith('.mdx')) return '';
  return splitFrontmatter(text).body;
}

/**
 * Publishes one draft: merges exactly its changes into the published branch as one commit by the
 * editor, after the content gate; then removes the draft. Refuses, changing nothing, otherwise.
 */
export function publishDraft(repo: CmsRepo, collection: string, slug: string, today: PlainDate): GateResult {
  syncBase(repo);
  const draft = draftBranch(collection, slug);
  if (runGit(repo.repoDir, ['rev-parse', '--verify', '--quiet', `refs/heads/${draft}`]).status !== 0) {
    return { ok: false, status: 404, error: `There is no draft of ${collection}/${slug} to publish.` };
  }
  const merge = mergedTree(repo, draft);
  if ('conflicts' in merge) return conflict(merge.conflicts);
  const published = revParse(repo, `refs/heads/${repo.branch}`);
  const changed = draftDiffs(repo, draft).map((diff) => diff.path);

  const before = new Set(contentErrors(repo, published, today).map(key));
  const added = contentErrors(repo, merge.tree, today).filter(
    (finding) => !before.has(key(finding)) || changed.includes(contentPath(finding.file)),
  );
  if (added.length > 0) {
    return {
      ok: false,
      status: 422,
      error: `Not published: the site's content check rejects this draft.\n${added.map(describe).join('\n')}`,
    };
  }

  const dataFile = changed.find((file) => /\.(?:mdx|ya?ml)$/.test(file)) ?? changed[0] ?? '';
  const oldText = fileAt(repo, published, dataFile);
  const newText = fileAt(repo, merge.tree, dataFile);
  const message = publishCommitMessage({
    collection,
    slug,
    file: dataFile,
    before: entryData(dataFile, oldText),
    after: entryData(dataFile, newText) ?? {},
    bodyChanged: oldText !== undefined && bodyOf(dataFile, oldText) !== bodyOf(dataFile, newText),
    editor: repo.editor,
    history: draftHistory(repo, draft),
  });
  const commit = commitTree(repo, merge.tree, published, message);
  try {
    advancePublishedBranch(repo, commit, published);
  } catch (error) {
    return { ok: false, status: 409, error: `Not published: ${(error as GitError).message}` };
  }
  deleteDraft(repo, draft);
  syncBase(repo);
  return { ok: true, message: `${draft} published as ${commit.slice(0, 12)}` };
}

/**
 * decap-server commits media uploaded or deleted from the Media page straight onto the branch it
 * was given (cms-base). Those commits are published here as one commit by the editor, as a publish
 * is; when that cannot be done (the editor's checkout is in the way) they are dropped and the
 * reason returned.
 */
export function publishBaseCommits(repo: CmsRepo): GateResult {
  const published = revParse(repo, `refs/heads/${repo.branch}`);
  const base = revParse(repo, `refs/heads/${repo.baseBranch}`);
  if (base === published) return { ok: true };
  const ahead = runGit(repo.repoDir, ['merge-base', '--is-ancestor', published, base]).status === 0;
  if (!ahead) {
    syncBase(repo);
    return { ok: false, status: 409, error: 'The published branch moved while this change was made: try again.' };
  }
  const subjects = runGit(repo.repoDir, ['log', '--reverse', '--format=%s', `${published}..${base}`])
    .stdout.split('\n')
    .filter(Boolean);
  const files = runGit(repo.repoDir, ['diff', '--name-only', published, base]).stdout.split('\n').filter(Boolean);
  const message = `Media: ${subjects.join('; ')} (by ${repo.editor.name})\n\nFiles: ${files.join(', ')}\nPublished by: ${repo.editor.name} <${repo.editor.email}> in the CMS\n`;
  const commit = commitTree(repo, revParse(repo, `${base}^{tree}`), published, message);
  try {
    advancePublishedBranch(repo, commit, published);
    return { ok: true };
  } catch (error) {
    return { ok: false, status: 409, error: `Not saved: ${(error as GitError).message}` };
  } finally {
    syncBase(repo);
  }
}
