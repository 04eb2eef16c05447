// The local CMS backend's git side (src/lib/io/cms-repo.ts, cms-gate.ts) on a real repository:
// drafts in the CMS's own worktree, a draft's changes taken from where it branched, one commit per
// publish with its provenance, and the gates on save and publish.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { publishCommitMessage, whatChanged } from '../../src/lib/cms/provenance.ts';
import { checkSave, publishDraft } from '../../src/lib/io/cms-gate.ts';
import {
  type CmsRepo,
  draftBranch,
  prepareCmsWorktree,
  recordStatusChange,
  runGit,
  unpublishedEntry,
} from '../../src/lib/io/cms-repo.ts';
import { cmsWorkflow } from '../../src/lib/io/cms-workflow.ts';
import { FIXTURES } from '../helpers.ts';

const TODAY = '2026-11-26';
const editor = { name: 'Jane Editor', email: 'jane@example.org' };
let root: string;
let repo: CmsRepo;

function git(cwd: string, ...args: string[]): string {
  const result = runGit(cwd, args, {
    env: {
      GIT_AUTHOR_NAME: 'Dev',
      GIT_AUTHOR_EMAIL: 'dev@example.org',
      GIT_COMMITTER_NAME: 'Dev',
      GIT_COMMITTER_EMAIL: 'dev@example.org',
    },
  });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout.trim();
}
const article = (slug: string) => `content/articles/${slug}.mdx`;
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

/** Saves a draft the way decap-server does: a cms/ branch off cms-base, committed in the CMS worktree. */
function saveDraft(slug: string, edit: (text: string) => string, status = 'draft') {
  const wt = repo.worktreeDir;
  const branch = draftBranch('articles', slug);
  const exists = runGit(wt, ['rev-parse', '--verify', '--quiet', `refs/heads/${branch}`]).status === 0;
  git(wt, 'checkout', '-q', ...(exists ? [branch] : ['-b', branch]));
  const file = path.join(wt, article(slug));
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
  git(wt, 'add', '-A');
  git(wt, 'commit', '-q', '-m', `Update Article “${slug}”`);
  git(wt, 'checkout', '-q', repo.baseBranch);
  if (!exists) git(root, 'config', `branch.${branch}.description`, `decap-cms/${status}`);
}

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'cms-repo-'));
  cpSync(path.join(FIXTURES, 'content-good'), path.join(root, 'content'), { recursive: true });
  // A second article, so two drafts can touch different files.
  const second = read(article('good-withdrawal-article')).replace(
    'title: "Sample withdrawal page: a complete, valid article"',
    'title: "Second sample page: another complete, valid article"',
  );
  writeFileSync(path.join(root, article('second-article')), second);
  writeFileSync(path.join(root, '.gitignore'), '.cms-worktree/\n');
  git(root, 'init', '-q', '-b', 'main');
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'Initial content');
  repo = prepareCmsWorktree(root, 'main', editor);
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('the CMS works in its own worktree', () => {
  it('never switches the editor’s checkout, whatever decap-server checks out', () => {
    saveDraft('second-article', (text) => text.replace('It has short sentences.', 'It has very short sentences.'));
    expect(git(root, 'symbolic-ref', '--short', 'HEAD')).toBe('main');
    expect(read(article('second-article'))).not.toContain('very short');
    expect(git(root, 'status', '--porcelain')).toBe('');
    expect(git(repo.worktreeDir, 'symbolic-ref', '--short', 'HEAD')).toBe(repo.baseBranch);
  });

  it('is reused on the next start and follows commits made on the published branch meanwhile', () => {
    writeFileSync(path.join(root, 'content/pages/about.mdx'), `${read('content/pages/about.mdx')}\nMore.\n`);
    git(root, 'commit', '-qam', 'Edit by hand');
    const again = prepareCmsWorktree(root, 'main', editor);
    expect(git(again.worktreeDir, 'rev-parse', 'HEAD')).toBe(git(root, 'rev-parse', 'main'));
  });
});

describe('drafts stay themselves after other publishes', () => {
  it('draft A, publish B, open A, publish A: each publish lands exactly its own article', () => {
    saveDraft('good-withdrawal-article', (text) => text.replace('It is easy to read.', 'It is very easy to read.'));
    saveDraft('second-article', (text) => text.replace('It has short sentences.', 'It has brief sentences.'));
    expect(publishDraft(repo, 'articles', 'second-article', TODAY)).toMatchObject({ ok: true });

    // decap-server would diff main against A directly and list B's article as changed by A.
    const entry = unpublishedEntry(repo, 'articles', 'good-withdrawal-article');
    expect(entry?.diffs.map((d) => d.path)).toEqual([article('good-withdrawal-article')]);
    expect(entry?.status).toBe('draft');

    expect(publishDraft(repo, 'articles', 'good-withdrawal-article', TODAY)).toMatchObject({ ok: true });
    expect(git(root, 'log', '--format=%s', '-2', 'main').split('\n')).toEqual([
      expect.stringMatching(
        /^Article “Sample withdrawal page: a complete, valid article”: updated \(by Jane Editor\)$/,
      ),
      expect.stringMatching(
        /^Article “Second sample page: another complete, valid article”: updated \(by Jane Editor\)$/,
      ),
    ]);
    expect(git(root, 'show', '--name-only', '--format=', 'main')).toBe(article('good-withdrawal-article'));
    expect(git(root, 'show', '--name-only', '--format=', 'main~1')).toBe(article('second-article'));
    expect(read(article('good-withdrawal-article'))).toContain('very easy to read');
    expect(read(article('second-article'))).toContain('brief sentences');
    expect(git(root, 'branch', '--list', 'cms/*')).toBe('');
  });

  it('publishes one commit by the editor, with the draft’s history in its message', () => {
    const before = git(root, 'rev-parse', 'main');
    saveDraft('second-article', (text) => text.replace('It has short sentences.', 'It has brief sentences.'));
    recordStatusChange(repo, 'articles', 'second-article', 'pending_review');
    saveDraft('second-article', (text) => text.replace('brief', 'very brief'));
    recordStatusChange(repo, 'articles', 'second-article', 'pending_publish');
    expect(publishDraft(repo, 'articles', 'second-article', TODAY)).toMatchObject({ ok: true });

    expect(git(root, 'rev-list', '--count', `${before}..main`)).toBe('1');
    expect(git(root, 'rev-parse', 'main^')).toBe(before);
    expect(git(root, 'log', '-1', '--format=%an <%ae>', 'main')).toBe('Jane Editor <jane@example.org>');
    const message = git(root, 'log', '-1', '--format=%B', 'main');
    expect(message).toContain('File: content/articles/second-article.mdx');
    expect(message).toContain('Changed: body');
    expect(message).toMatch(/Jane Editor: Status: In review \(by Jane Editor\)/);
    expect(message).toMatch(/Jane Editor: Status: Ready \(by Jane Editor\)/);
  });

  it('refuses a draft that no longer merges cleanly, changing nothing', () => {
    saveDraft('second-article', (text) => text.replace('It has short sentences.', 'It has brief sentences.'));
    writeFileSync(
      path.join(root, article('second-article')),
      read(article('second-article')).replace('It has short sentences.', 'It has tiny sentences.'),
    );
    git(root, 'commit', '-qam', 'Edit by hand');
    const main = git(root, 'rev-parse', 'main');
    const result = publishDraft(repo, 'articles', 'second-article', TODAY);
    expect(result).toMatchObject({
      ok: false,
      status: 409,
      error: expect.stringMatching(/no longer merges cleanly: content\/articles\/second-article\.mdx/),
    });
    expect(git(root, 'rev-parse', 'main')).toBe(main);
    expect(git(root, 'branch', '--list', 'cms/*')).toContain('cms/articles/second-article');
  });

  it('refuses a draft that check:content rejects, saying what is wrong', () => {
    saveDraft('second-article', (text) => text.replace('reviewer: rowan-example', 'reviewer: jamie-placeholder'));
    const main = git(root, 'rev-parse', 'main');
    const result = publishDraft(repo, 'articles', 'second-article', TODAY);
    expect(result).toMatchObject({ ok: false, status: 422 });
    expect((result as { error: string }).error).toMatch(
      /content\/articles\/second-article\.mdx: reviewer: .*also the author/,
    );
    expect(git(root, 'rev-parse', 'main')).toBe(main);
  });

  it('fast-forwards the editor’s checkout, or refuses when their uncommitted edits are in the way', () => {
    saveDraft('second-article', (text) => text.replace('It has short sentences.', 'It has brief sentences.'));
    writeFileSync(path.join(root, article('second-article')), 'my own unsaved experiment\n');
    const refused = publishDraft(repo, 'articles', 'second-article', TODAY);
    expect(refused).toMatchObject({ ok: false, error: expect.stringMatching(/uncommitted changes/) });
    expect(read(article('second-article'))).toBe('my own unsaved experiment\n');

    git(root, 'checkout', '--', article('second-article'));
    writeFileSync(path.join(root, 'notes.txt'), 'an unrelated file\n');
    expect(publishDraft(repo, 'articles', 'second-article', TODAY)).toMatchObject({ ok: true });
    expect(read(article('second-article'))).toContain('brief sentences');
    expect(git(root, 'status', '--porcelain')).toBe('?? notes.txt');
  });
});

describe('the save gate', () => {
  const raw = () => readFileSync(path.join(root, article('second-article')), 'utf8');

  it('lets a valid entry through and refuses what check:content rejects, naming file and field', () => {
    const request = (text: string) => ({
      collection: 'articles',
      slug: 'second-article',
      dataFiles: [{ path: article('second-article'), raw: text }],
      assets: [],
    });
    expect(checkSave(repo, request(raw().replace('short sentences', 'brief sentences')), TODAY)).toEqual({ ok: true });
    const unsafe = checkSave(repo, request(`${raw()}\nTake <5 g a day.\n`), TODAY);
    expect(unsafe).toMatchObject({
      ok: false,
      status: 422,
      error: expect.stringMatching(/content\/articles\/second-article\.mdx: line \d+/),
    });
    const noSources = checkSave(
      repo,
      request(raw().replace(/sources:\n(?: {2}.*\n| {4}.*\n)+/, 'sources: []\n')),
      TODAY,
    );
    expect(noSources).toMatchObject({ ok: false, error: expect.stringMatching(/sources: .*at least one source/) });
  });
});

describe('the guard’s side of the workflow (what it answers itself, what it forwards)', () => {
  it('hands decap-server the mirror of the published branch, never the editor’s branch', () => {
    const step = cmsWorkflow(repo, () => TODAY).handle({
      action: 'entriesByFolder',
      branch: 'main',
      params: { branch: 'main', folder: 'content/articles', extension: 'mdx', depth: 1 },
    });
    expect(step).toEqual({
      forward: {
        action: 'entriesByFolder',
        branch: repo.baseBranch,
        params: { branch: repo.baseBranch, folder: 'content/articles', extension: 'mdx', depth: 1 },
      },
    });
  });

  it('answers for a draft from where it branched, and 404 when there is none', () => {
    const workflow = cmsWorkflow(repo, () => TODAY);
    const ask = (slug: string) =>
      workflow.handle({ action: 'unpublishedEntry', params: { branch: 'main', collection: 'articles', slug } });
    expect(ask('second-article')).toEqual({ answer: { status: 404, body: { message: 'Not Found' } } });
    saveDraft('second-article', (text) => text.replace('short sentences', 'brief sentences'));
    expect(ask('second-article')).toMatchObject({
      answer: { status: 200, body: { status: 'draft', diffs: [{ path: article('second-article'), newFile: false }] } },
    });
  });

  it('refuses a save check:content rejects before decap-server commits anything', () => {
    const raw = read(article('second-article')).replace('reviewer: rowan-example', 'reviewer: nobody-known');
    const step = cmsWorkflow(repo, () => TODAY).handle({
      action: 'persistEntry',
      params: {
        branch: 'main',
        dataFiles: [{ path: article('second-article'), raw, slug: 'second-article' }],
        assets: [],
        options: { collectionName: 'articles', useWorkflow: true, commitMessage: 'x', status: 'draft' },
      },
    });
    expect(step).toMatchObject({ answer: { status: 422, body: { error: expect.stringMatching(/nobody-known/) } } });
  });

  it('publishes a picture uploaded on the Media page as one commit by the editor', () => {
    const before = git(root, 'rev-parse', 'main');
    const step = cmsWorkflow(repo, () => TODAY).handle({ action: 'persistMedia', params: { branch: 'main' } });
    // What decap-server does with it: a commit on the branch it was given.
    writeFileSync(
      path.join(repo.worktreeDir, 'content/articles/images/chart.svg'),
      '<svg xmlns="http://www.w3.org/2000/svg"/>',
    );
    git(repo.worktreeDir, 'add', '-A');
    git(repo.worktreeDir, 'commit', '-q', '-m', 'Upload “content/articles/images/chart.svg”');
    if (!('afterwards' in step) || !step.afterwards) throw new Error('expected an afterwards step');
    expect(step.afterwards({ status: 200, body: {} })).toEqual({ status: 200, body: {} });
    expect(git(root, 'rev-list', '--count', `${before}..main`)).toBe('1');
    expect(git(root, 'log', '-1', '--format=%an: %s', 'main')).toBe(
      'Jane Editor: Media: Upload “content/articles/images/chart.svg” (by Jane Editor)',
    );
    expect(read('content/articles/images/chart.svg')).toContain('<svg');
  });
});

describe('publish commit messages', () => {
  const base = { collection: 'articles', slug: 'a', file: 'content/articles/a.mdx', editor, history: [] };
  const page = { title: 'A page', lastReviewed: '2026-01-01', nextReviewDue: '2027-01-01', reviewer: 'r' };

  it('say what changed: created, updated, review recorded', () => {
    expect(whatChanged({ ...base, after: page, bodyChanged: false })).toEqual(['created']);
    expect(whatChanged({ ...base, before: page, after: { ...page, title: 'B page' }, bodyChanged: false })).toEqual([
      'updated',
    ]);
    const reviewed = { ...page, lastReviewed: '2026-11-26', nextReviewDue: '2027-11-26' };
    expect(whatChanged({ ...base, before: page, after: reviewed, bodyChanged: false })).toEqual(['review recorded']);
    expect(whatChanged({ ...base, before: page, after: reviewed, bodyChanged: true })).toEqual([
      'updated',
      'review recorded',
    ]);
  });

  it('name the entry and the editor in the subject', () => {
    const message = publishCommitMessage({ ...base, after: page, bodyChanged: false });
    expect(message.split('\n')[0]).toBe('Article “A page”: created (by Jane Editor)');
    expect(message).toContain('Published by: Jane Editor <jane@example.org>');
  });
});
