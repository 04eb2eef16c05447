// The git side of `npm run cms`: the CMS's own work tree, drafts compared from where they branched,
// and a publish that lands as one commit. decap-server (the CMS's local git backend) is kept as
// it is; the guard in front of it (cms-backend-proxy.ts) calls these instead of some of its actions.
//
// - decap-server checks out draft branches in the work tree it serves. It serves a git worktree
//   of the project (.cms-worktree/, ignored), so the editor's own checkout never changes branch and
//   the dev site never shows a draft. In that worktree the published branch is mirrored by a local
//   branch (cms-base-<id>, "cms-base" below): git allows one branch checked out in one place only,
//   and the editor's checkout normally has `main`. The guard keeps it equal to the published branch.
// - decap-server compares a draft with the published branch directly (`git diff main cms/x`), so
//   after another publish a draft showed (and published) another article's changes. Here a draft's
//   changes are always taken from the point it branched off (`main...cms/x`), and publishing merges
//   exactly those, or refuses when they no longer merge cleanly.
// - A publish is one commit on the published branch, written by the editor, with a message naming
//   the entry, what changed and the draft's history (src/lib/cms/provenance.ts); the draft's own
//   commits stay out of the published history.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type DraftEvent, type Editor, statusCommitMessage } from '../cms/provenance.ts';

export const CMS_WORKTREE = '.cms-worktree';

/**
 * The worktree's mirror of the published branch. Branch names are shared by every checkout of a
 * repository, so each checkout running the CMS gets its own (not under cms/, where drafts live).
 */
export function cmsBaseBranch(repoDir: string): string {
  return `cms-base-${createHash('sha256').update(path.resolve(repoDir)).digest('hex').slice(0, 8)}`;
}
const DRAFT_PREFIX = 'cms/';
const STATUS_LABEL_PREFIX = 'decap-cms/';

export interface CmsRepo {
  /** The editor's own checkout (its git repository holds every branch). */
  repoDir: string;
  /** The work tree decap-server serves. */
  worktreeDir: string;
  /** The branch entries are published to (the editor's checkout's branch when the CMS started). */
  branch: string;
  /** Its mirror, checked out in the worktree (cmsBaseBranch). */
  baseBranch: string;
  editor: Editor;
}

export class GitError extends Error {}

interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

export function runGit(cwd: string, args: string[], options: { env?: NodeJS.ProcessEnv; input?: string } = {}): Run {
  const result = spawnSync('git', args, {
    cwd,
    encoding: 'utf8',
    input: options.input,
    env: { ...process.env, ...options.env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status ?? 1, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
}

function git(cwd: string, args: string[], options: { env?: NodeJS.ProcessEnv; input?: string } = {}): string {
  const result = runGit(cwd, args, options);
  if (result.status !== 0) throw new GitError(`git ${args.join(' ')}: ${result.stderr.trim() || result.stdout.trim()}`);
  return result.stdout.replace(/\n$/, '');
}

const refExists = (cwd: string, ref: string) => runGit(cwd, ['rev-parse', '--verify', '--quiet', ref]).status === 0;

/** Who publishes: CMS_EDITOR / CMS_EDITOR_EMAIL, else the checkout's git user. */
export function editorIdentity(repoDir: string, env: NodeJS.ProcessEnv = process.env): Editor {
  const config = (key: string) => runGit(repoDir, ['config', '--get', key]).stdout.trim();
  return {
    name: env.CMS_EDITOR?.trim() || config('user.name') || 'CMS editor',
    email: env.CMS_EDITOR_EMAIL?.trim() || config('user.email') || 'cms-editor@localhost',
  };
}

/** Commits made for the editor carry their name, whoever runs git. */
export function editorEnv(editor: Editor): NodeJS.ProcessEnv {
  return {
    GIT_AUTHOR_NAME: editor.name,
    GIT_AUTHOR_EMAIL: editor.email,
    GIT_COMMITTER_NAME: editor.name,
    GIT_COMMITTER_EMAIL: editor.email,
  };
}

/** Creates (or reuses) the CMS's worktree, with cms-base at the published branch. */
export function prepareCmsWorktree(repoDir: string, branch: string, editor = editorIdentity(repoDir)): CmsRepo {
  const worktreeDir = path.join(repoDir, CMS_WORKTREE);
  if (!refExists(repoDir, `refs/heads/${branch}`)) throw new GitError(`the branch "${branch}" does not exist`);
  git(repoDir, ['worktree', 'prune']);
  const registered = git(repoDir, ['worktree', 'list', '--porcelain'])
    .split('\n')
    .some((line) => line === `worktree ${worktreeDir}`);
  if (!registered) {
    if (existsSync(worktreeDir)) {
      throw new GitError(`${worktreeDir} exists but is not the CMS's git worktree: move it away and start again`);
    }
    git(repoDir, ['worktree', 'add', '--force', '-B', cmsBaseBranch(repoDir), worktreeDir, branch]);
  }
  const repo = { repoDir, worktreeDir, branch, baseBranch: cmsBaseBranch(repoDir), editor };
  syncBase(repo);
  return repo;
}

/**
 * Puts the worktree back on cms-base, equal to the published branch, with nothing half done
 * (an interrupted rebase or merge of decap-server's, stray files). Cheap when nothing changed.
 */
export function syncBase(repo: CmsRepo): void {
  const wt = repo.worktreeDir;
  const gitDir = git(wt, ['rev-parse', '--git-dir']);
  const resolvedGitDir = path.resolve(wt, gitDir);
  if (existsSync(path.join(resolvedGitDir, 'rebase-merge')) || existsSync(path.join(resolvedGitDir, 'rebase-apply'))) {
    runGit(wt, ['rebase', '--abort']);
  }
  if (existsSync(path.join(resolvedGitDir, 'MERGE_HEAD'))) runGit(wt, ['merge', '--abort']);
  const current = runGit(wt, ['symbolic-ref', '--quiet', '--short', 'HEAD']).stdout.trim();
  if (current !== repo.baseBranch) git(wt, ['checkout', '--force', '-B', repo.baseBranch]);
  const published = git(wt, ['rev-parse', `refs/heads/${repo.branch}`]);
  const base = git(wt, ['rev-parse', 'HEAD']);
  const dirty = git(wt, ['status', '--porcelain', '--untracked-files=all']) !== '';
  if (base !== published || dirty) {
    git(wt, ['reset', '--hard', '--quiet', published]);
    git(wt, ['clean', '-fdq']);
  }
}

export const draftBranch = (collection: string, slug: string) => `${DRAFT_PREFIX}${collection}/${slug}`;

export interface DraftDiff {
  oldPath: string;
  newPath: string;
  status: string;
  newFile: boolean;
  path: string;
  id: string;
  binary: boolean;
}

/** The files a draft changed since it branched off the published branch (what decap-server should have said). */
export function draftDiffs(repo: CmsRepo, draft: string): DraftDiff[] {
  const base = git(repo.repoDir, ['merge-base', `refs/heads/${repo.branch}`, `refs/heads/${draft}`]);
  const lines = git(repo.repoDir, ['diff', '--no-renames', '--name-status', '-z', base, `refs/heads/${draft}`]);
  const fields = lines.split('\0').filter(Boolean);
  const diffs: DraftDiff[] = [];
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const [code, file] = [fields[i], fields[i + 1]];
    // A deleted file cannot be loaded from the draft; decap-server never deletes a data file anyway.
    if (code.startsWith('D')) continue;
    const added = code.startsWith('A');
    diffs.push({
      oldPath: added ? '' : file,
      newPath: file,
      status: added ? 'added' : 'modified',
      newFile: added,
      path: file,
      id: file,
      binary: !/\.(?:mdx?|ya?ml|json)$/.test(file),
    });
  }
  return diffs;
}

/** decap-server's `unpublishedEntry` answer, with the draft's own changes only. */
export function unpublishedEntry(repo: CmsRepo, collection: string, slug: string, labelPrefix = '') {
  const draft = draftBranch(collection, slug);
  if (!refExists(repo.repoDir, `refs/heads/${draft}`)) return undefined;
  const label = runGit(repo.repoDir, ['config', `branch.${draft}.description`]).stdout.trim();
  const prefix = labelPrefix || STATUS_LABEL_PREFIX;
  return {
    collection,
    slug,
    status: label.startsWith(prefix) ? label.slice(prefix.length) : label,
    diffs: draftDiffs(repo, draft),
    updatedAt: git(repo.repoDir, ['log', '-1', '--format=%cI', `refs/heads/${draft}`]),
  };
}

/** Leaves a trace of a workflow status change: an empty commit on the draft, squashed at publish. */
export function recordStatusChange(repo: CmsRepo, collection: string, slug: string, status: string): void {
  const draft = draftBranch(collection, slug);
  const head = git(repo.repoDir, ['rev-parse', `refs/heads/${draft}`]);
  const tree = git(repo.repoDir, ['rev-parse', `${head}^{tree}`]);
  const commit = git(repo.repoDir, ['commit-tree', tree, '-p', head, '-m', statusCommitMessage(status, repo.editor)], {
    env: editorEnv(repo.editor),
  });
  git(repo.repoDir, ['update-ref', `refs/heads/${draft}`, commit, head]);
}

/** The draft's commits since it branched, oldest first: saves and status changes. */
export function draftHistory(repo: CmsRepo, draft: string): DraftEvent[] {
  const out = git(repo.repoDir, [
    'log',
    '--reverse',
    '--format=%cI%x09%an%x09%s',
    `refs/heads/${repo.branch}..refs/heads/${draft}`,
  ]);
  return out
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [date, author, ...subject] = line.split('\t');
      return { date, author, subject: subject.join('\t') };
    });
}

export type MergeResult = { tree: string } | { conflicts: string[] };

/** The published branch with the draft's changes merged in, as a tree (nothing is checked out). */
export function mergedTree(repo: CmsRepo, draft: string): MergeResult {
  const result = runGit(repo.repoDir, [
    'merge-tree',
    '--write-tree',
    '--name-only',
    '--no-messages',
    `refs/heads/${repo.branch}`,
    `refs/heads/${draft}`,
  ]);
  const [tree, ...rest] = result.stdout.split('\n').filter(Boolean);
  if (result.status === 0) return { tree };
  if (result.status === 1) return { conflicts: rest };
  throw new GitError(`git merge-tree: ${result.stderr.trim()}`);
}

/** A file's text in a commit or tree, or undefined when it is not there. */
export function fileAt(repo: CmsRepo, treeish: string, file: string): string | undefined {
  const result = runGit(repo.repoDir, ['show', `${treeish}:${file}`]);
  return result.status === 0 ? result.stdout : undefined;
}

/** Writes `content/` of a tree into a fresh temporary folder (for the content check); returns its root. */
export function checkoutContent(repo: CmsRepo, treeish: string, overlay: Record<string, Buffer | string> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'cms-check-'));
  const archive = spawnSync('git', ['archive', '--format=tar', treeish, 'content'], {
    cwd: repo.repoDir,
    maxBuffer: 512 * 1024 * 1024,
  });
  if (archive.status !== 0) throw new GitError(`git archive: ${archive.stderr?.toString().trim()}`);
  const untar = spawnSync('tar', ['-x', '-C', dir], { input: archive.stdout });
  if (untar.status !== 0) throw new GitError(`tar: ${untar.stderr?.toString().trim()}`);
  for (const [file, data] of Object.entries(overlay)) {
    const target = path.join(dir, file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, data);
  }
  return dir;
}

export function removeCheckout(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/**
 * Makes `commit` the published branch. When the editor's checkout has that branch checked out,
 * it is fast-forwarded there (work tree included), so their checkout never holds a stale copy;
 * that is refused, and nothing changes, when their own uncommitted edits are in the way.
 */
export function advancePublishedBranch(repo: CmsRepo, commit: string, expected: string): void {
  const checkedOut = runGit(repo.repoDir, ['symbolic-ref', '--quiet', 'HEAD']).stdout.trim();
  if (checkedOut === `refs/heads/${repo.branch}`) {
    const merge = runGit(repo.repoDir, ['merge', '--ff-only', '--quiet', commit]);
    if (merge.status !== 0) {
      throw new GitError(
        `your own checkout has uncommitted changes to files this publish changes (${merge.stderr.trim().split('\n').slice(1, 4).join(' ').trim() || 'see git status'}): commit or stash them, then publish again`,
      );
    }
  } else {
    git(repo.repoDir, ['update-ref', `refs/heads/${repo.branch}`, commit, expected]);
  }
}

/** Commits `tree` on top of the published branch as the editor, with `message`; returns the commit. */
export function commitTree(repo: CmsRepo, tree: string, parent: string, message: string): string {
  return git(repo.repoDir, ['commit-tree', tree, '-p', parent, '-F', '-'], {
    env: editorEnv(repo.editor),
    input: message,
  });
}

/** Removes a published (or abandoned) draft: its branch and its workflow status. */
export function deleteDraft(repo: CmsRepo, draft: string): void {
  syncBase(repo);
  runGit(repo.repoDir, ['branch', '-D', draft]);
  runGit(repo.repoDir, ['config', '--unset', `branch.${draft}.description`]);
}

export const revParse = (repo: CmsRepo, ref: string) => git(repo.repoDir, ['rev-parse', ref]);
