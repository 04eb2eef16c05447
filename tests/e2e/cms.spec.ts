// The editor, end to end, in headless Chromium against `npm run cms` (scripts/cms.ts) running in a
// throw-away git copy of this project (decap-server in git mode commits and switches branches in
// the work tree it serves, so it never touches the real repository). The browser starts with no
// saved preferences: every check runs in the mode an editor lands in.
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { launchOptions } from '../../scripts/lib/browser.ts';
import { freePort } from '../../scripts/lib/free-port.ts';
import { splitFrontmatter } from '../../src/lib/content/frontmatter.ts';
import { type ReviewedContent, reviewFingerprint } from '../../src/lib/review/fingerprint.ts';
import { fieldBlocks } from '../helpers.ts';
import { type CmsProcess, git, makeWorkspace, removeWorkspace, startCms } from './cms-workspace.ts';

const FIXTURES = path.resolve('tests/fixtures/cms/articles');
/** A page using every Markdown construct editors write (tables, references, escapes, footnotes, …). */
const VARIETY = 'good-markdown-variety';
/** A draft whose reviewer is an author without credentials: fine as a draft, refused once it goes live. */
const WRONG_REVIEWER_DRAFT = 'draft-reviewed-by-an-author';
/** Edited on main without a new review: the list must say so. */
const CHANGED_AFTER_REVIEW = 'group-therapy-and-peer-support';

let dir: string;
let cms: CmsProcess;
let browser: Browser;
let page: Page;
const cspViolations: string[] = [];
const today = new Date().toISOString().slice(0, 10);
const articleSlugs = [
  ...readdirSync('content/articles').filter((name) => name.endsWith('.mdx')),
  ...readdirSync(FIXTURES),
].map((name) => name.replace(/\.mdx$/, ''));

beforeAll(async () => {
  dir = makeWorkspace(process.cwd(), [
    path.join(FIXTURES, `${VARIETY}.mdx`),
    path.join(FIXTURES, `${WRONG_REVIEWER_DRAFT}.mdx`),
  ]);
  // A hand edit after the review: the reviewed-text fingerprint no longer matches.
  const changed = path.join(dir, 'content/articles', `${CHANGED_AFTER_REVIEW}.mdx`);
  writeFileSync(changed, readFileSync(changed, 'utf8').replace(/\n\n([A-Z])/, '\n\nEdited after the review. $1'));
  git(dir, 'commit', '-qam', 'Edit an article by hand, without a new review');
  cms = await startCms(dir, await freePort(), await freePort());
  browser = await chromium.launch(launchOptions());
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.on('console', (m) => {
    if (/Content.Security.Policy/i.test(m.text())) cspViolations.push(m.text());
  });
  // Confirm publishing and leaving an entry with unsaved changes (a refused save leaves some);
  // decline Decap's offer to restore an unsaved local backup of another test's entry.
  page.on('dialog', (dialog) =>
    /backup|restore|recover/i.test(dialog.message()) ? dialog.dismiss() : dialog.accept(),
  );
}, 120_000);

afterEach(async (context) => {
  if (context.task.result?.state === 'fail' && page)
    await page.screenshot({
      path: path.join(
        process.env.CMS_E2E_SCREENSHOTS ?? dir,
        `failed-${context.task.name.slice(0, 20).replace(/\W+/g, '-')}.png`,
      ),
    });
});

afterAll(async () => {
  await browser?.close();
  await cms?.stop();
  if (dir) removeWorkspace(dir);
});

function frontMatter(text: string): Record<string, unknown> {
  return parse(text.slice(4, text.indexOf('\n---\n'))) as Record<string, unknown>;
}
function branches(): string[] {
  return git(dir, 'branch', '--format=%(refname:short)').split('\n').filter(Boolean);
}
/** Every branch and where it points: a refused save must leave this exactly as it was. */
function refs(): string {
  return git(dir, 'for-each-ref', '--format=%(refname) %(objectname)', 'refs/heads');
}
const articleFile = (slug: string) => `content/articles/${slug}.mdx`;
/** A file exactly as committed on a branch (not trimmed like `git()` output). */
const fileOn = (branch: string, slug: string) =>
  execFileSync('git', ['-C', dir, 'show', `${branch}:${articleFile(slug)}`], { encoding: 'utf8' });
const adminUrl = (route: string) => `${cms.siteUrl.replace('127.0.0.1', 'localhost')}/admin/${route}`;

/** Opens an admin route with a fresh page load, so no state of the previous entry is left behind. */
async function openAdmin(route: string) {
  await page.goto('about:blank');
  await page.goto(adminUrl(route));
}
/**
 * Opens an entry inside the running admin, by way of its collection's list (as a click would):
 * Decap keeps the open editor when only the entry in the address changes.
 */
async function openEntry(collection: string, slug: string) {
  if (!page.url().includes('/admin/')) await openAdmin('');
  const go = (route: string) =>
    page.evaluate((hash) => {
      location.hash = hash;
    }, route);
  await go(`#/collections/${collection}`);
  await page.locator('[class*="ListCard"], [class*="GridCard"]').first().waitFor({ timeout: 20_000 });
  await go(`#/collections/${collection}/entries/${slug}`);
  // Until the entry has loaded, Decap may still show the previous one: wait for this entry's title.
  const draft = `cms/${collection}/${slug}`;
  const file = `content/${collection}/${slug}.mdx`;
  const text = execFileSync('git', ['-C', dir, 'show', `${branches().includes(draft) ? draft : 'main'}:${file}`], {
    encoding: 'utf8',
  });
  const title = String(frontMatter(text).title);
  await expect
    .poll(() => page.getByLabel('Title', { exact: true }).first().inputValue(), { timeout: 30_000 })
    .toBe(title);
}
/** Chooses an option of a relation or select field's menu (not a native <option> elsewhere on the page). */
async function pickOption(name: string | RegExp) {
  await page.locator('div[role="option"]').filter({ hasText: name }).first().click();
}
const menuOptions = () => page.locator('div[role="option"]').allInnerTexts();
async function saveEntry() {
  await page.getByRole('button', { name: 'Save', exact: true }).click();
}
/** Waits until decap-server has committed the draft: the branch exists and is ahead of main. */
async function waitForBranch(name: string, timeout = 20_000) {
  const deadline = Date.now() + timeout;
  const committed = () => branches().includes(name) && git(dir, 'rev-list', '--count', `main..${name}`) !== '0';
  while (!committed()) {
    if (Date.now() > deadline)
      throw new Error(`no branch ${name}; branches: ${branches().join(', ')}\n${cms.output()}`);
    await page.waitForTimeout(200);
  }
}
/** After a save: Decap has loaded the saved draft back into the editor (it may navigate to it). */
async function draftLoaded() {
  await page.getByRole('button', { name: /^Status: Draft/ }).waitFor({ timeout: 30_000 });
}
/** A top-level field of the open entry: its label, control, and the problems shown under it. */
function field(label: string): Locator {
  const exact = new RegExp(`^${label.replace(/[()]/g, '\\$&')}( \\(optional\\))?$`);
  return page
    .locator('[class*="ControlPaneContainer"] > [aria-label$=" field"]')
    .filter({ has: page.locator('label').filter({ hasText: exact }) });
}
const bodyText = () => page.locator('textarea.sg-body-text');
const preview = () => page.locator('iframe').first().contentFrame();

/** Moves the open draft through In review and Ready, then presses Publish now. */
async function publishOpenEntry() {
  for (const status of ['In review', 'Ready']) {
    await page.getByRole('button', { name: /^Status:/ }).click();
    await page.getByRole('menuitem', { name: status }).click();
    await page.getByRole('button', { name: new RegExp(`^Status: ${status}`) }).waitFor({ timeout: 30_000 });
  }
  await page.getByRole('button', { name: /^Publish$/ }).click();
  await page.getByRole('menuitem', { name: /Publish now/ }).click();
}
/** Waits until a draft's branch is gone (published), or fails with what the editor was told. */
async function waitForPublished(slug: string, timeout = 40_000) {
  const deadline = Date.now() + timeout;
  while (branches().includes(`cms/articles/${slug}`)) {
    if (Date.now() > deadline) {
      const toasts = await page.locator('[class*="toast"], [role="alert"]').allInnerTexts();
      throw new Error(`${slug} was not published: ${toasts.join(' | ')}\n${cms.output()}`);
    }
    await page.waitForTimeout(250);
  }
}
/** Publishing that must be refused: the branch stays, main does not move, the editor sees why. */
async function refusedPublish(slug: string, reason: RegExp) {
  const main = git(dir, 'rev-parse', 'main');
  await publishOpenEntry();
  await expect
    .poll(async () => (await page.locator('[class*="toast"], [role="alert"]').allInnerTexts()).join(' | '), {
      timeout: 30_000,
    })
    .toMatch(reason);
  expect(git(dir, 'rev-parse', 'main')).toBe(main);
  expect(branches()).toContain(`cms/articles/${slug}`);
}
/** Commits a hand edit on main in the editor's checkout (as a developer would). */
function commitOnMain(file: string, edit: (text: string) => string, message: string) {
  const target = path.join(dir, file);
  writeFileSync(target, edit(readFileSync(target, 'utf8')));
  git(dir, 'commit', '-qam', message);
}

/**
 * Selects body[at, at + length) and types `text` over it, until the body reads `expected`: Decap
 * may still re-render the editor once after an entry has loaded, taking the focus away.
 */
async function typeOver(at: number, length: number, text: string, expected: string) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const original = await bodyText().inputValue();
    await bodyText().evaluate(
      (el: HTMLTextAreaElement, [start, end]) => {
        el.focus();
        el.setSelectionRange(start, end);
      },
      [at, at + length],
    );
    await page.keyboard.type(text);
    try {
      await expect.poll(() => bodyText().inputValue(), { timeout: 3_000 }).toBe(expected);
      return;
    } catch (error) {
      // Only retry when nothing landed (the editor was being replaced); anything else is a failure.
      if ((await bodyText().inputValue()) !== original) throw error;
    }
  }
  expect(await bodyText().inputValue()).toBe(expected);
}

/** Types at the very end of the body. */
async function typeAtEndOfBody(text: string) {
  await bodyText().evaluate((el: HTMLTextAreaElement) => {
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
  });
  await page.keyboard.type(text);
}
/** Presses Save on an entry the checks must refuse, and returns what the editor was told. */
async function refusedSave(): Promise<void> {
  const before = refs();
  await saveEntry();
  await page.waitForTimeout(1500);
  expect(refs(), 'a refused save commits nothing').toBe(before);
}

describe('Decap CMS at /admin/ (npm run cms, git mode, editorial workflow)', () => {
  it('logs in through the local backend and shows the article list', async () => {
    const started = performance.now();
    await page.goto(adminUrl(''));
    const login = page.getByRole('button', { name: /login/i });
    await login.waitFor({ timeout: 30_000 });
    const loginShown = performance.now();
    await login.click();
    await page
      .getByText(/Baclofen withdrawal: timeline/)
      .first()
      .waitFor({ timeout: 30_000 });
    const listShown = performance.now();
    console.log(
      `CMS admin: login screen after ${Math.round(loginShown - started)} ms; article list ${Math.round(listShown - loginShown)} ms after Login ` +
        `(${Math.round(listShown - started)} ms from opening /admin/)`,
    );
    expect(await page.locator('meta[name="robots"]').getAttribute('content')).toContain('noindex');
    expect(await page.locator('[data-pagefind-body]').count()).toBe(0);
    // The reviewer's views exist: filter by category and the due-for-review filters for today.
    await page.getByRole('button', { name: /Filter by/ }).click();
    await expect(page.getByText('Category: Withdrawal').isVisible()).resolves.toBe(true);
    await expect(page.getByText(/Review overdue \(due before \d{4}-\d{2}-\d{2}\)/).isVisible()).resolves.toBe(true);
    await page.keyboard.press('Escape');
  });

  it('groups the list by review month in date order and by reviewer under their names', async () => {
    // Under a sort that is not by date, Decap would order month groups by where their first entry sits.
    await page.getByRole('button', { name: /Sort by/ }).click();
    await page.getByRole('menuitem', { name: 'Title' }).click();
    await page.getByRole('button', { name: /Group by/ }).click();
    await page.getByRole('menuitem', { name: /Review due/ }).click();
    await page.locator('[data-review-month]').first().waitFor();
    const months = await page.locator('[data-review-month]').evaluateAll((groups) =>
      groups
        .map((g) => ({ month: (g as HTMLElement).dataset.reviewMonth ?? '', top: g.getBoundingClientRect().top }))
        .sort((a, b) => a.top - b.top)
        .map((g) => g.month),
    );
    expect(months.length).toBeGreaterThan(3);
    expect(months).toEqual([...months].sort());
    const nextDue = articleSlugs.map((slug) => String(frontMatter(fileOn('main', slug)).nextReviewDue).slice(0, 7));
    expect(new Set(months)).toEqual(new Set(nextDue));
    await expect(page.getByRole('heading', { name: /^Review due [A-Z][a-z]+ \d{4}$/ }).count()).resolves.toBe(
      months.length,
    );

    // Decap leaves the menu open after a choice.
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: /Group by/ }).click();
    await page.getByRole('menuitem', { name: 'Reviewer' }).click();
    await page.locator('[data-reviewer]').first().waitFor();
    const headings = await page.locator('[data-reviewer] > h2').allInnerTexts();
    expect(headings).toContain('Reviewer: Dr. Rowan Example, MD, FASAM');
    for (const heading of headings) expect(heading).not.toMatch(/[a-z]+-[a-z]+$/);
  });

  it('saving a title change leaves every other line of the file byte-identical', async () => {
    for (const slug of ['baclofen-withdrawal', 'cognitive-behavioral-therapy']) {
      await openEntry('articles', slug);
      const title = page.getByLabel('Title', { exact: true }).first();
      await title.fill(`${await title.inputValue()} (edited)`);
      await saveEntry();
      await waitForBranch(`cms/articles/${slug}`);
      await draftLoaded();
      const before = fileOn('main', slug);
      const after = fileOn(`cms/articles/${slug}`, slug);
      const a = fieldBlocks(before);
      const b = fieldBlocks(after);
      expect(b.map(([k]) => k)).toEqual(a.map(([k]) => k));
      for (const [i, [key, text]] of a.entries()) {
        if (key === 'title') expect(b[i][1]).toContain('(edited)');
        else expect(b[i][1], `${slug}: ${key}`).toBe(text);
      }
      expect(after.slice(after.indexOf('\n---\n')), `${slug}: body`).toBe(before.slice(before.indexOf('\n---\n')));
    }
  });

  it('a one-word change in the body of every article saves as exactly that change, in the mode the editor opens in', async () => {
    // A browser that never chose a mode: Decap's Markdown widget would open in rich text here.
    expect(await page.evaluate(() => localStorage.getItem('cms.md-mode'))).toBeNull();
    const sizes: string[] = [];
    for (const slug of articleSlugs) {
      // The draft branch of the title test, if any, holds the file this edit starts from.
      const branch = `cms/articles/${slug}`;
      const base = branches().includes(branch) ? branch : 'main';
      const original = fileOn(base, slug);
      const startedAt = base === 'main' ? '' : git(dir, 'rev-parse', branch);
      await openEntry('articles', slug);
      const body = bodyText();
      expect(await page.locator('[data-slate-editor]').count(), 'no rich-text editor').toBe(0);
      const bodyStart = original.indexOf('\n---\n') + 5;
      await expect.poll(() => body.inputValue(), { timeout: 30_000 }).toBe(original.slice(bodyStart));
      // The first word of six letters or more in a paragraph of prose.
      const text = await body.inputValue();
      const match = /^[A-Z][^\n]*?\b([a-z]{6,})\b/m.exec(text)!;
      const at = match.index + match[0].length - match[1].length;
      const changed = text.slice(0, at) + match[1].toUpperCase() + text.slice(at + match[1].length);
      await typeOver(at, match[1].length, match[1].toUpperCase(), changed);
      await saveEntry();
      // decap-server creates the branch before it commits to it: wait for the commit.
      const deadline = Date.now() + 60_000;
      while (
        !branches().includes(branch) ||
        git(dir, 'rev-list', '--count', `${startedAt || 'main'}..${branch}`) === '0'
      ) {
        if (Date.now() > deadline) throw new Error(`${slug} was not saved\n${cms.output()}`);
        await page.waitForTimeout(200);
      }
      // Decap loads the saved draft back (and may navigate to it): let it finish before moving on.
      await draftLoaded();
      const saved = fileOn(branch, slug);
      const offset = bodyStart + at;
      expect(saved, slug).toBe(
        original.slice(0, offset) + match[1].toUpperCase() + original.slice(offset + match[1].length),
      );
      const [added, removed] = git(dir, 'diff', '--numstat', startedAt || 'main', branch, '--', articleFile(slug))
        .split('\t')
        .map(Number);
      expect([added, removed], slug).toEqual([1, 1]);
      sizes.push(`${slug}: +${added} −${removed}`);
    }
    console.log(`Body round trip, one word changed per article (lines added/removed):\n  ${sizes.join('\n  ')}`);
  }, 240_000);

  it('marks articles whose text changed since their review in the list', async () => {
    await openAdmin('#/collections/articles');
    await page.locator('[class*="ListCard"]').first().waitFor({ timeout: 30_000 });
    const marked = async (state: string) =>
      (
        await page
          .locator(`a[data-reviewed-text="${state}"]`)
          .evaluateAll((links) => links.map((a) => a.getAttribute('href')?.split('/entries/')[1]))
      ).sort();
    await expect.poll(() => marked('changed'), { timeout: 10_000 }).toEqual([CHANGED_AFTER_REVIEW]);
    expect(await marked('unrecorded')).toEqual([WRONG_REVIEWER_DRAFT]);
    const badge = await page
      .locator('a[data-reviewed-text="changed"]')
      .evaluate((a) => getComputedStyle(a, '::after').content);
    expect(badge).toBe('"Changed since review"');
  });

  it('shows "changed since review" live and records a review, naming the reviewer, with the text’s fingerprint', async () => {
    const slug = 'baclofen-overdose';
    await openEntry('articles', slug);
    const state = field('Reviewed text').locator('[data-state]');
    // The round trip above changed a word of this draft after its review.
    await expect.poll(() => state.getAttribute('data-state'), { timeout: 10_000 }).toBe('changed');
    await page.getByLabel('Reviewed by').selectOption('lena-sample');
    await page.getByRole('button', { name: 'Record review completed today' }).click();
    await expect.poll(() => state.getAttribute('data-state')).toBe('unchanged');
    await expect(field('Medical reviewer').innerText()).resolves.toContain('Dr. Lena Sample');
    await typeAtEndOfBody('\nOne more sentence.\n');
    await expect.poll(() => state.getAttribute('data-state')).toBe('changed');
    await expect(state.innerText()).resolves.toMatch(/Changed since the medical review on \d{4}-\d{2}-\d{2}/);
    await page.getByRole('button', { name: 'Record review completed today' }).click();
    await expect.poll(() => state.getAttribute('data-state')).toBe('unchanged');
    const before = git(dir, 'rev-parse', `cms/articles/${slug}`);
    await saveEntry();
    const deadline = Date.now() + 20_000;
    while (git(dir, 'rev-parse', `cms/articles/${slug}`) === before) {
      if (Date.now() > deadline) throw new Error(`not saved\n${cms.output()}`);
      await page.waitForTimeout(200);
    }
    await draftLoaded();
    const saved = fileOn(`cms/articles/${slug}`, slug);
    const data = frontMatter(saved);
    const { body } = splitFrontmatter(saved);
    expect(data).toMatchObject({ reviewer: 'lena-sample', lastReviewed: today });
    expect(body).toContain('One more sentence.');
    expect(data.reviewFingerprint).toBe(reviewFingerprint({ ...(data as unknown as ReviewedContent), body }));
  });

  it('shows list items by their text, not only their label', async () => {
    await openEntry('articles', 'baclofen-withdrawal');
    await expect(field('Key takeaways').innerText()).resolves.toContain('Do not stop baclofen suddenly');
    await expect(field('Tags').innerText()).resolves.toContain('muscle-relaxants');
    await expect(field('Sources').innerText()).resolves.toContain('Baclofen (MedlinePlus drug information)');
  });

  it('previews citations, the real helpline and the table of contents like the site', async () => {
    await openEntry('articles', VARIETY);
    const prose = preview().locator('.prose');
    await expect.poll(() => prose.innerText(), { timeout: 10_000 }).toContain('[1][3]');
    const text = await prose.innerText();
    expect(text).toContain('[1][2][3]');
    expect(text).toContain('<5 g');
    const settings = parse(readFileSync('content/settings/site.yml', 'utf8'));
    await expect(preview().locator('.helpline-box__number').first().innerText()).resolves.toBe(
      `Call ${settings.helpline.display}`,
    );
    const toc = await preview()
      .locator('nav.toc a')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(toc).toEqual(['#setext-heading-for-the-first-part', '#a-second-section']);
    for (const href of toc) await expect(preview().locator(`.prose ${href}`).count()).resolves.toBe(1);
    await expect(preview().locator('.prose th').last().getAttribute('style')).resolves.toContain('right');
  });

  describe('refuses to save what the build would reject, next to the field, in words an editor can act on', () => {
    it('the author as their own reviewer', async () => {
      await openEntry('articles', 'choosing-a-detox-center');
      await page.getByLabel('Author').click();
      await page.keyboard.type('Marcus');
      await pickOption(/Marcus/);
      await refusedSave();
      await expect(field('Medical reviewer').locator('.sg-field-problems').innerText()).resolves.toMatch(
        /Marcus Demo wrote this page, so cannot also review it/,
      );
    });

    it('a next review before the last one', async () => {
      await openEntry('articles', 'opioid-withdrawal');
      await page.getByLabel('Next review due').fill('2025-01-01');
      await refusedSave();
      await expect(field('Next review due').locator('.sg-field-problems').innerText()).resolves.toMatch(
        /expected a date after “Last medically reviewed”/,
      );
    });

    it('a reviewer without credentials or the reviewer role (and the picker never offers one)', async () => {
      await openEntry('articles', WRONG_REVIEWER_DRAFT);
      await page.getByLabel('Medical reviewer').click();
      await page.locator('div[role="option"]').first().waitFor();
      const offered = await menuOptions();
      // The current (wrong) choice stays visible; the only others are eligible reviewers.
      expect(offered.filter((o) => !o.startsWith('Jamie')).sort()).toEqual([
        expect.stringMatching(/^Dr\. Lena Sample/),
        expect.stringMatching(/^Dr\. Rowan Example/),
        expect.stringMatching(/^Marcus Demo/),
      ]);
      expect(offered.join()).not.toMatch(/Casey/);
      await page.keyboard.press('Escape');
      // As a draft it may be saved; going live is what the rules stop.
      await page.getByLabel('Draft (never built into the site)').click();
      await refusedSave();
      const problems = await field('Medical reviewer').locator('.sg-field-problems').innerText();
      expect(problems).toMatch(/Jamie Placeholder has no credentials/);
      expect(problems).toMatch(/Jamie Placeholder is not a medical reviewer/);
    });

    it('a picture in the body without alt text', async () => {
      await openEntry('articles', 'muscle-relaxant-misuse');
      await typeAtEndOfBody('\n![](./images/baclofen-blister-pack.svg)\n');
      await expect(field('Body').locator('.sg-body-problems').innerText()).resolves.toMatch(/has no alt text/);
      await refusedSave();
      await expect(field('Body').innerText()).resolves.toMatch(/would stop the page from building/i);
    });

    it('< and { that MDX would read as code, with a one-click fix', async () => {
      await openEntry('articles', 'gabapentin-misuse-and-withdrawal');
      await typeAtEndOfBody('\nTake <5 g a day, roughly {twice} a week.\n');
      const problems = field('Body').locator('.sg-body-problems');
      await expect(problems.innerText()).resolves.toMatch(/“<5 g a day.*” would be read as the start of a component/);
      await refusedSave();
      await problems.getByRole('button', { name: 'Write \\< instead' }).click();
      await expect(problems.innerText()).resolves.toMatch(/“\{twice\}” would be read as code/);
      await refusedSave();
      await problems.getByRole('button', { name: 'Write \\{ and \\} instead' }).click();
      await expect(problems.count()).resolves.toBe(0);
      await expect(bodyText().inputValue()).resolves.toContain('Take \\<5 g a day, roughly \\{twice\\} a week.');
    });

    it('a medical page without sources', async () => {
      await openEntry('articles', 'benzodiazepine-tapering');
      const sources = field('Sources');
      // Each source's remove button (×) in its header.
      const remove = sources.locator('button:has(path[d^="M11.916"])');
      while ((await remove.count()) > 0) await remove.first().click();
      await refusedSave();
      await expect(sources.locator('.sg-field-problems').innerText()).resolves.toMatch(
        /A medical page must cite at least one source/,
      );
    });

    it('an e-mail address the schema rejects', async () => {
      await openAdmin('#/collections/settings/entries/site');
      const email = page.getByLabel('Contact email');
      await email.waitFor({ timeout: 20_000 });
      await email.fill('editors@localhost');
      await refusedSave();
      await expect(field('Publisher').locator('.sg-field-problems').innerText()).resolves.toBe(
        'Contact email: expected an email address',
      );
    });
  });

  it('creates a reviewed article and publishes it through draft → in review → ready → published', {
    timeout: 120_000,
  }, async () => {
    const slug = 'kratom-withdrawal-what-to-expect';
    await openAdmin('#/collections/articles/new');
    await page.getByLabel('Title', { exact: true }).first().waitFor({ timeout: 20_000 });
    await page.getByLabel('Title', { exact: true }).first().fill('Kratom withdrawal: what to expect');
    await page
      .getByLabel('Description')
      .first()
      .fill('What stopping kratom can feel like, how long withdrawal usually lasts and when to ask a doctor for help.');
    await page.getByLabel('Category').click();
    await pickOption('Withdrawal');
    await page.getByLabel('Author').click();
    await page.keyboard.type('Jamie');
    await pickOption(/Jamie/);
    // No reviewer and no review date yet: the preview must not claim a medical review.
    await expect.poll(() => preview().locator('.sg-preview-unreviewed').count(), { timeout: 10_000 }).toBe(1);
    await expect(preview().locator('.byline__badge').count()).resolves.toBe(0);
    // One step records the completed review, naming the clinician: the reviewer, last reviewed
    // today, next review from the policy. It cannot be pressed before a reviewer is named.
    const record = page.getByRole('button', { name: 'Record review completed today' });
    await expect(record.isDisabled()).resolves.toBe(true);
    const reviewedBy = await page.getByLabel('Reviewed by').locator('option').allInnerTexts();
    expect(reviewedBy.slice(1).sort()).toEqual([
      'Dr. Lena Sample, PharmD, BCPP',
      'Dr. Rowan Example, MD, FASAM',
      'Marcus Demo, LCSW, LCADC',
    ]);
    await page.getByLabel('Reviewed by').selectOption('rowan-example');
    await record.click();
    await expect(field('Medical reviewer').innerText()).resolves.toContain('Dr. Rowan Example');
    await expect
      .poll(() => preview().locator('.byline__reviewed').innerText(), { timeout: 10_000 })
      .toMatch(/Medically reviewed by Dr\. Rowan Example, MD, FASAM on/);
    await page.getByLabel('First published').fill(today);
    // The body through the toolbar: text, a citation of source 1, an urgency callout, the helpline box.
    await bodyText().click();
    await page.keyboard.type('Kratom withdrawal can cause aches, poor sleep and low mood.');
    await page.getByRole('button', { name: 'Urgency callout' }).click();
    await page.getByLabel('How urgent').selectOption('urgent');
    await page.getByLabel('What to do (heading)').fill('Call your doctor today if you');
    await page.getByLabel(/^Details/).fill('- cannot keep fluids down\n- feel very low');
    await page.getByRole('button', { name: 'Insert callout' }).click();
    await page.getByRole('button', { name: 'Helpline box' }).click();

    // Saved without sources first: a medical page needs one.
    await refusedSave();
    await expect(field('Sources').locator('.sg-field-problems').innerText()).resolves.toMatch(/at least one source/);
    await page.getByRole('button', { name: /Add Source/i }).click();
    await page.getByLabel('Source title').last().fill('Kratom (DrugFacts)');
    await page.getByLabel('Publisher').last().fill('National Institute on Drug Abuse (NIDA)');
    await page.getByLabel('Address (https)').last().fill('https://nida.nih.gov/research-topics/kratom');
    await page.getByLabel('Year').last().fill('2024');
    await page.getByLabel('Checked on').last().fill(today);
    await expect.poll(() => field('Sources').locator('.sg-field-problems').count(), { timeout: 10_000 }).toBe(0);
    // Cite it at the end of the first sentence.
    await bodyText().evaluate((el: HTMLTextAreaElement) => {
      const at = el.value.indexOf('mood.') + 'mood'.length;
      el.focus();
      el.setSelectionRange(at, at);
    });
    await page.getByRole('button', { name: 'Cite a source' }).click();
    await page.getByRole('button', { name: /^\[1\] Kratom \(DrugFacts\)/ }).click();
    await saveEntry();
    await waitForBranch(`cms/articles/${slug}`);

    // Draft → In review → Ready, then Publish now.
    const mainBefore = git(dir, 'rev-parse', 'main');
    await publishOpenEntry();
    await waitForPublished(slug);

    const file = fileOn('main', slug);
    const data = frontMatter(file);
    const nextYear = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
    expect(data).toMatchObject({
      title: 'Kratom withdrawal: what to expect',
      category: 'withdrawal',
      author: 'jamie-placeholder',
      reviewer: 'rowan-example',
      lastReviewed: today,
      published: today,
      draft: false,
    });
    // +12 months (Feb 29 clamps to Feb 28).
    expect(String(data.nextReviewDue).slice(0, 7)).toBe(nextYear.slice(0, 7));
    expect(data.sources).toEqual([
      {
        title: 'Kratom (DrugFacts)',
        publisher: 'National Institute on Drug Abuse (NIDA)',
        url: 'https://nida.nih.gov/research-topics/kratom',
        year: 2024,
        accessed: today,
      },
    ]);
    expect(file.slice(file.indexOf('\n---\n') + 5)).toBe(
      'Kratom withdrawal can cause aches, poor sleep and low mood [1].\n\n' +
        '<Callout level="urgent" title="Call your doctor today if you">\n\n- cannot keep fluids down\n- feel very low\n\n</Callout>\n\n' +
        '<HelplineBox />\n',
    );
    // One commit on main, by the editor, naming the article and what happened; the draft's saves stay off main.
    expect(git(dir, 'rev-list', '--count', `${mainBefore}..main`)).toBe('1');
    expect(git(dir, 'log', '-1', '--format=%an', 'main')).toBe('CMS test');
    const message = git(dir, 'log', '-1', '--format=%B', 'main');
    expect(message.split('\n')[0]).toBe('Article “Kratom withdrawal: what to expect”: created (by CMS test)');
    expect(message).toContain(`File: content/articles/${slug}.mdx`);
    expect(message).toMatch(
      /Draft history \(squashed into this commit\):\n- .*CMS test: Create Article “kratom-withdrawal-what-to-expect” \(by CMS test\)/,
    );
    expect(message).toMatch(/CMS test: Status: In review \(by CMS test\)\n- .*CMS test: Status: Ready \(by CMS test\)/);

    // The published file passes the same content gate as the build, and the checkout has it.
    expect(git(dir, 'symbolic-ref', '--short', 'HEAD')).toBe('main');
    const check = spawnSync(
      process.execPath,
      ['scripts/check-content.ts', '--content-dir', path.join(dir, 'content')],
      { encoding: 'utf8' },
    );
    expect(check.status, check.stdout + check.stderr).toBe(0);
    expect(readFileSync(path.join(dir, 'content/articles', `${slug}.mdx`), 'utf8')).toBe(file);
  });

  describe('drafts stay drafts, and publishing publishes exactly the draft', () => {
    it('never switches the checkout and never shows a draft on the dev site', async () => {
      // Many drafts exist by now (every article was edited above); none is in the checkout.
      expect(branches().filter((b) => b.startsWith('cms/articles/')).length).toBeGreaterThan(5);
      expect(git(dir, 'symbolic-ref', '--short', 'HEAD')).toBe('main');
      expect(git(dir, 'status', '--porcelain')).toBe('');
      const edited = fileOn('cms/articles/baclofen-withdrawal', 'baclofen-withdrawal');
      expect(edited).toContain('(edited)');
      expect(readFileSync(path.join(dir, articleFile('baclofen-withdrawal')), 'utf8')).toBe(
        fileOn('main', 'baclofen-withdrawal'),
      );
      // The dev server reloads content after a publish fast-forwarded the checkout: give it a moment.
      const published = async () => {
        const response = await fetch(`${cms.siteUrl}/articles/baclofen-withdrawal/`);
        return `${response.status} ${await response.text()}`;
      };
      try {
        await expect
          .poll(published, { timeout: 30_000 })
          .toMatch(/^200 [\s\S]*Baclofen withdrawal: timeline, symptoms and safe tapering/);
      } catch (error) {
        throw new Error(`${(error as Error).message}\n${cms.output().split('\n').slice(-40).join('\n')}`);
      }
      expect(await published()).not.toContain('(edited)');
    });

    it('draft A, publish B, open A, publish A: the right article lands each time', { timeout: 180_000 }, async () => {
      const [a, b] = ['alcohol-withdrawal', 'muscle-relaxant-misuse'];
      const draftA = fileOn(`cms/articles/${a}`, a);
      const draftB = fileOn(`cms/articles/${b}`, b);
      const start = git(dir, 'rev-parse', 'main');
      await openEntry('articles', b);
      await publishOpenEntry();
      await waitForPublished(b);
      expect(fileOn('main', b)).toBe(draftB);

      // decap-server alone compared main with A's branch directly: A's card then held B's file.
      await openEntry('articles', a);
      await expect
        .poll(() => bodyText().inputValue(), { timeout: 30_000 })
        .toBe(draftA.slice(draftA.indexOf('\n---\n') + 5));
      await publishOpenEntry();
      await waitForPublished(a);
      expect(fileOn('main', a)).toBe(draftA);
      expect(fileOn('main', b)).toBe(draftB);
      expect(git(dir, 'log', '--format=%s', `${start}..main`).split('\n')).toEqual([
        expect.stringMatching(/^Article “Alcohol withdrawal.*”: updated \(by CMS test\)$/),
        expect.stringMatching(/^Article “Muscle relaxant misuse.*”: updated \(by CMS test\)$/),
      ]);
      expect(git(dir, 'show', '--name-only', '--format=', 'main')).toBe(articleFile(a));
      expect(git(dir, 'show', '--name-only', '--format=', 'main~1')).toBe(articleFile(b));
    });

    it('refuses to publish a draft that no longer merges cleanly, saying so', { timeout: 120_000 }, async () => {
      const slug = 'cognitive-behavioral-therapy';
      // Someone changed the same title on main after the draft (title "(edited)") was saved.
      commitOnMain(
        articleFile(slug),
        (text) => text.replace(/^title: (.*)$/m, 'title: $1 (corrected)'),
        'Fix a title by hand',
      );
      await openEntry('articles', slug);
      await refusedPublish(slug, /no longer merges cleanly: content\/articles\/cognitive-behavioral-therapy\.mdx/);
    });

    it('refuses to publish a draft that check:content rejects, with the errors', { timeout: 120_000 }, async () => {
      const slug = 'what-happens-in-detox';
      // The draft was fine when saved; since then its reviewer lost their credentials on main.
      commitOnMain(
        'content/people/rowan-example.yml',
        (text) => text.replace(/credentials:\n(?: {2}- .*\n)+/, 'credentials: []\n'),
        'Remove credentials',
      );
      try {
        await openEntry('articles', slug);
        await refusedPublish(
          slug,
          /Not published: .*content\/articles\/what-happens-in-detox\.mdx: reviewer: .*no credentials/s,
        );
      } finally {
        git(dir, 'revert', '--no-edit', 'HEAD');
      }
    });

    it('the backend guard refuses a save the content check rejects, even if a browser check missed it', async () => {
      const slug = 'opioid-withdrawal';
      const raw = `${fileOn('main', slug)}\nTake <5 g a day.\n`;
      const response = await fetch(cms.proxyUrl, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: cms.siteUrl.replace('127.0.0.1', 'localhost') },
        body: JSON.stringify({
          action: 'persistEntry',
          params: {
            branch: 'main',
            dataFiles: [{ path: articleFile(slug), raw, slug }],
            assets: [],
            options: { collectionName: 'articles', useWorkflow: true, commitMessage: 'Update', status: 'draft' },
          },
        }),
      });
      expect(response.status).toBe(422);
      expect((await response.json()).error).toMatch(/content\/articles\/opioid-withdrawal\.mdx: line \d+/);
    });
  });

  it('the admin runs under its Content-Security-Policy without violations', () => {
    expect(cspViolations).toEqual([]);
  });
});
