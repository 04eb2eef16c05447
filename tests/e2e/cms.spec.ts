// The editor, end to end, in headless Chromium against `npm run cms` (scripts/cms.ts) running in a
// throw-away git copy of this project (decap-server in git mode commits and switches branches in
// the work tree it serves, so it never touches the real repository).
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { launchOptions } from '../../scripts/lib/browser.ts';
import { freePort } from '../../scripts/lib/free-port.ts';
import { fieldBlocks } from '../helpers.ts';
import { type CmsProcess, git, makeWorkspace, removeWorkspace, startCms } from './cms-workspace.ts';

let dir: string;
let cms: CmsProcess;
let browser: Browser;
let page: Page;
const cspViolations: string[] = [];
const today = new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  dir = makeWorkspace();
  cms = await startCms(dir, await freePort(), await freePort());
  browser = await chromium.launch(launchOptions());
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.on('console', (m) => {
    if (/Content.Security.Policy/i.test(m.text())) cspViolations.push(m.text());
  });
  // Confirm publishing; decline Decap's offer to restore an unsaved local backup of another test's entry.
  page.on('dialog', (dialog) =>
    /backup|restore|recover|unsaved/i.test(dialog.message()) ? dialog.dismiss() : dialog.accept(),
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
/** Opens an admin route with a fresh page load, so no state of the previous entry is left behind. */
async function openAdmin(route: string) {
  await page.goto('about:blank');
  await page.goto(`${cms.siteUrl.replace('127.0.0.1', 'localhost')}/admin/${route}`);
}
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
    await page.waitForTimeout(250);
  }
}

describe('Decap CMS at /admin/ (npm run cms, git mode, editorial workflow)', () => {
  it('logs in through the local backend and shows the article list', async () => {
    const started = performance.now();
    await page.goto(`${cms.siteUrl.replace('127.0.0.1', 'localhost')}/admin/`);
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

  it('saving a title change leaves every other line of the file byte-identical', async () => {
    for (const slug of ['baclofen-withdrawal', 'cognitive-behavioral-therapy', 'what-happens-in-detox']) {
      await openAdmin(`#/collections/articles/entries/${slug}`);
      const title = page.getByLabel('Title', { exact: true }).first();
      await title.waitFor({ timeout: 20_000 });
      await title.fill(`${await title.inputValue()} (edited)`);
      await saveEntry();
      await waitForBranch(`cms/articles/${slug}`);
      const file = `content/articles/${slug}.mdx`;
      const before = `${git(dir, 'show', `main:${file}`)}\n`;
      const after = `${git(dir, 'show', `cms/articles/${slug}:${file}`)}\n`;
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

  it('a required field left empty blocks saving with a visible message', async () => {
    await openAdmin('#/collections/articles/new');
    const title = page.getByLabel('Title', { exact: true }).first();
    await title.waitFor({ timeout: 20_000 });
    await title.fill('Kratom withdrawal: an unfinished draft');
    const before = branches();
    await saveEntry();
    await page
      .getByText(/description is required/i)
      .first()
      .waitFor({ timeout: 10_000 });
    await page.waitForTimeout(500);
    expect(branches()).toEqual(before);
  });

  it('creates a reviewed article and publishes it through draft → in review → ready → published', async () => {
    const slug = 'kratom-withdrawal-what-to-expect';
    await openAdmin('#/collections/articles/new');
    await page.getByLabel('Title', { exact: true }).first().waitFor({ timeout: 20_000 });
    await page.getByLabel('Title', { exact: true }).first().fill('Kratom withdrawal: what to expect');
    await page
      .getByLabel('Description')
      .first()
      .fill('What stopping kratom can feel like, how long withdrawal usually lasts and when to ask a doctor for help.');
    await page.getByLabel('Category').click();
    await page.getByRole('option', { name: 'Withdrawal' }).click();
    await page.getByLabel('Author').click();
    await page.keyboard.type('Jamie');
    await page.getByRole('option', { name: /Jamie/ }).click();
    await page.getByLabel('Medical reviewer').click();
    await page.keyboard.type('Rowan');
    await page.getByRole('option', { name: /Rowan/ }).click();
    // One step records the completed review: last reviewed today, next review from the policy.
    await page.getByRole('button', { name: 'Record review completed today' }).click();
    await page.getByLabel('First published').fill(today);
    await page.getByRole('button', { name: /Add Source/i }).click();
    await page.getByLabel('Source title').last().fill('Kratom (DrugFacts)');
    await page.getByLabel('Publisher').last().fill('National Institute on Drug Abuse (NIDA)');
    await page.getByLabel('Address (https)').last().fill('https://nida.nih.gov/research-topics/kratom');
    await page.getByLabel('Year').last().fill('2024');
    await page.getByLabel('Checked on').last().fill(today);
    const body = page.locator('[data-slate-editor="true"]').first();
    await body.click();
    await page.keyboard.type(
      'Kratom withdrawal can cause aches, poor sleep and low mood. Talk to a doctor before you stop.',
    );
    await saveEntry();
    await waitForBranch(`cms/articles/${slug}`);

    // Draft → In review → Ready, then Publish now.
    for (const status of ['In review', 'Ready']) {
      await page.getByRole('button', { name: /^Status:/ }).click();
      await page.getByRole('menuitem', { name: status }).click();
      await page.getByRole('button', { name: new RegExp(`^Status: ${status}`) }).waitFor({ timeout: 15_000 });
    }
    await page.getByRole('button', { name: /^Publish$/ }).click();
    await page.getByRole('menuitem', { name: /Publish now/ }).click();
    const deadline = Date.now() + 30_000;
    while (branches().includes(`cms/articles/${slug}`) && Date.now() < deadline) await page.waitForTimeout(250);
    expect(branches()).not.toContain(`cms/articles/${slug}`);

    const file = `${git(dir, 'show', `main:content/articles/${slug}.mdx`)}\n`;
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
    // The commit message template names the collection, the slug and the CMS user (empty for the
    // local backend, which has no accounts); git's own author records who committed.
    const [subject, author] = git(
      dir,
      'log',
      '-1',
      '--format=%s%n%an',
      'main',
      '--',
      `content/articles/${slug}.mdx`,
    ).split('\n');
    expect(subject).toMatch(/^Create Article “kratom-withdrawal-what-to-expect” \(by /);
    expect(author).toBe('CMS test');

    // The published file passes the same content gate as the build.
    execFileSync('git', ['-C', dir, 'checkout', '-q', 'main']);
    const check = spawnSync(
      process.execPath,
      ['scripts/check-content.ts', '--content-dir', path.join(dir, 'content')],
      { encoding: 'utf8' },
    );
    expect(check.status, check.stdout + check.stderr).toBe(0);
    expect(readFileSync(path.join(dir, 'content/articles', `${slug}.mdx`), 'utf8')).toBe(file);
  });

  it('the admin runs under its Content-Security-Policy without violations', () => {
    expect(cspViolations).toEqual([]);
  });
});
