// `npm run build` refuses bad content, names the file and field, and never touches dist/.
// Every real build of the test suite lives in this one file: Astro builds that share a project
// folder must not run at the same time (they share .astro/), and tests in one file run in turn.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/lib/free-port.ts';
import { contentWith, FIXTURES } from '../helpers.ts';

/** The day every fixture build judges reviews by, so this file gives the same results in any year. */
const PINNED_TODAY = '2026-11-26';

function build(contentDir: string, outDir: string, script = 'scripts/build.ts', today = PINNED_TODAY) {
  const result = spawnSync(
    process.execPath,
    script === 'astro' ? ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', outDir] : [script],
    {
      encoding: 'utf8',
      env: {
        ...process.env,
        ASTRO_CACHE_DIR: path.join(outDir, '..', 'cache'),
        CONTENT_DIR: contentDir,
        BUILD_OUT_DIR: outDir,
        ASTRO_TELEMETRY_DISABLED: '1',
        NO_COLOR: '1',
        SITE_TODAY: today,
      },
    },
  );
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

const text = (node: { text: () => string }) => node.text().replace(/\s+/g, ' ').trim();
const scratch = () => mkdtempSync(path.join(tmpdir(), 'build-gate-'));

// Each test runs whole builds (about 15 s each on a quiet machine); on a shared two-core machine
// they have taken over a minute, so they get the same allowance as the spawned build itself.
describe('npm run build', { timeout: 240_000 }, () => {
  it('fails on a review three years old in the real content, naming the file, and leaves the old site alone', () => {
    const content = path.join(scratch(), 'content');
    cpSync('content', content, { recursive: true });
    const file = path.join(content, 'articles/baclofen-withdrawal.mdx');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^lastReviewed: .*$/m, 'lastReviewed: 2023-10-14'));
    const out = path.join(scratch(), 'site');
    cpSync(path.join(FIXTURES, 'content-good/settings'), out, { recursive: true }); // an "old site" to protect
    const { status, output } = build(content, out);
    expect(status).toBe(1);
    expect(output).toMatch(
      /articles\/baclofen-withdrawal\.mdx: nextReviewDue: .*later than the 12-month review policy allows/,
    );
    expect(output).toContain('Build stopped: check:content failed');
    expect(readFileSync(path.join(out, 'site.yml'), 'utf8')).toContain('siteName');
    expect(existsSync(path.join(out, 'index.html'))).toBe(false);
  });

  it('fails on a bad front-matter field with the file, the field and what was expected', () => {
    const out = path.join(scratch(), 'site');
    const { status, output } = build(contentWith(path.join(FIXTURES, 'articles-bad/bad-category-unknown.mdx')), out);
    expect(status).toBe(1);
    expect(output).toMatch(
      /articles\/bad-category-unknown\.mdx: category: expected one of: substances, withdrawal, treatment, recovery/,
    );
    expect(existsSync(out)).toBe(false);
  });

  // check:content leaves compiling bodies to astro build (one compile per body): the guard in the
  // build's compiler must stop an unsafe body there, drafts included, with the file, the line and why.
  it.each([
    ['a published article', 'unknown-component.mdx', /line \d+: .*DangerousWidget/],
    ['a draft', 'draft-with-script.mdx', /line \d+: .*script/i],
  ])('stops on an unsafe MDX body in %s, naming the file and line, and writes no site', (_, name, problem) => {
    const out = path.join(scratch(), 'site');
    const { status, output } = build(contentWith(path.join(ATTACKS, 'articles', name)), out);
    expect(status, output).toBe(1);
    expect(output).toMatch(new RegExp(`Unsafe MDX in \\S*articles/${name.replace('.', '\\.')}:`));
    expect(output).toMatch(problem);
    expect(output).toContain('Build stopped: astro build failed');
    expect(output).not.toMatch(/Stack trace|\n\s+at /);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(path.dirname(out)).filter((entry) => entry.startsWith('site.tmp-'))).toEqual([]);
  });

  it('is backed by Astro’s own schema check, which names the entry and the field too', () => {
    const { status, output } = build(
      contentWith(path.join(FIXTURES, 'articles-bad/bad-description-too-long.mdx')),
      path.join(scratch(), 'site'),
      'astro',
    );
    expect(status).toBe(1);
    expect(output).toContain('articles → bad-description-too-long data does not match collection schema');
    expect(output).toMatch(/description: expected at most 160 characters/);
  });

  it('builds good fixture content, leaving drafts out; a current review shows the ✓ and hides the notice', () => {
    const out = path.join(scratch(), 'site');
    const { status, output } = build(contentWith(), out);
    expect(status, output).toBe(0);
    expect(existsSync(path.join(out, 'articles/good-draft-article'))).toBe(false);
    const $ = load(readFileSync(path.join(out, 'articles/good-withdrawal-article/index.html'), 'utf8'));
    expect(
      $('[data-review-when="overdue"]')
        .toArray()
        .every((el) => $(el).attr('hidden') !== undefined),
    ).toBe(true);
    // What a reader sees without JavaScript: the hidden "overdue" wording is only for the reader script.
    $('[hidden]').remove();
    expect(text($('.byline__reviewed'))).toMatch(/^✓ Medically reviewed by Dr\. Rowan Example, .* on June 1, 2026\./);
    expect($('.article__header').attr('data-review-due')).toBe('2027-06-01');
  });

  it('builds content with an overdue review, says so in the page’s HTML, and warns in the output', () => {
    const out = path.join(scratch(), 'site');
    // The fixture article fell due on 2027-06-01; a build on 2027-07-01 finds it 30 days overdue.
    const { status, output } = build(contentWith(), out, 'scripts/build.ts', '2027-07-01');
    expect(status, output).toBe(0);
    expect(output).toMatch(
      /warning {2}\S*articles\/good-withdrawal-article\.mdx: nextReviewDue: review overdue since 2027-06-01 \(30 days\)/,
    );
    const $ = load(readFileSync(path.join(out, 'articles/good-withdrawal-article/index.html'), 'utf8'));
    const byline = text($('.byline__reviewed'));
    expect(byline).toMatch(
      /^Review overdue since June 1, 2027; last reviewed by Dr\. Rowan Example, .* on June 1, 2026\. How we review pages$/,
    );
    expect($('.byline__badge')).toHaveLength(0);
    expect($.html()).not.toContain('✓');
    expect($('.review-due-notice').attr('hidden')).toBeUndefined();
    expect(text($('.review-due-notice'))).toContain('This page is due for medical review.');
    const webPage = $('script[type="application/ld+json"]')
      .toArray()
      .flatMap((el) => [JSON.parse($(el).text())].flat())
      .find((item) => item['@type'] === 'MedicalWebPage');
    // Truthful structured data: the review that happened, by whom; nothing newer is claimed.
    expect(webPage).toMatchObject({ lastReviewed: '2026-06-01', reviewedBy: { name: 'Dr. Rowan Example' } });
    const dashboard = JSON.parse(readFileSync(path.join(out, 'reviews.json'), 'utf8'));
    expect(dashboard.asOf).toBe('2027-07-01');
    expect(dashboard.articles).toEqual([
      expect.objectContaining({ slug: 'good-withdrawal-article', status: 'overdue', daysUntilDue: -30 }),
    ]);
  });
});

/** Attacks carried by front-matter fields: Astro's content sync refuses them (and stops `astro dev`). */
const FIELD_ATTACKS = [
  'articles/hero-module.mdx',
  'articles/hero-outside-content.mdx',
  'articles/frontmatter-astro-image-marker.mdx',
  'articles/frontmatter-layout.mdx',
  'articles/frontmatter-alias-bomb.mdx',
  'articles/frontmatter-merge-key.mdx',
  'people/photo-module.yml',
];
const MARKER = '/tmp/mdx-attack-ran';
const ATTACKS = path.join(FIXTURES, 'mdx-attacks');

/** The good fixture content plus the attack fixtures, with or without the front-matter ones. */
function attackContent(withFieldAttacks: boolean, root = contentWith()): string {
  for (const folder of ['articles', 'pages', 'people']) {
    cpSync(path.join(ATTACKS, folder), path.join(root, folder), {
      recursive: true,
      verbatimSymlinks: true,
      filter: (source) => withFieldAttacks || !FIELD_ATTACKS.some((attack) => source.endsWith(attack)),
    });
  }
  return root;
}

/** `astro build` directly, skipping check:content: the build's own guard is all that stands in the way. */
function astroBuildAlone(content: string) {
  const scratchDir = mkdtempSync(path.join(tmpdir(), 'mdx-build-'));
  const out = path.join(scratchDir, 'site');
  const result = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', out], {
    encoding: 'utf8',
    timeout: 240_000,
    env: {
      ...process.env,
      CONTENT_DIR: content,
      ASTRO_CACHE_DIR: path.join(scratchDir, 'cache'),
      ASTRO_TELEMETRY_DISABLED: '1',
      NO_COLOR: '1',
    },
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`, out };
}

const isMdx = (name: string) => name.endsWith('.mdx');

describe('the build refuses unsafe MDX on its own (astro build without check:content)', { timeout: 240_000 }, () => {
  it('stops before any attack in an MDX body is compiled, runs none of them and writes no page', () => {
    rmSync(MARKER, { force: true });
    const { status, output, out } = astroBuildAlone(attackContent(false));
    expect(status).toBe(1);
    // Builds stop at the first refusal: which attack that is depends on the bundler's order, and
    // two fixtures are plain syntax errors that the compiler itself refuses.
    expect(output).toMatch(/Unsafe MDX in |MDXError|\((?:mdx-[a-z-]+|micromark-extension-mdx[a-z-]*):[a-z-]+\)/);
    const attackNames = readdirSync(path.join(ATTACKS, 'articles')).filter(isMdx);
    expect(attackNames.some((name) => output.includes(`/articles/${name}`) || output.includes('/pages/'))).toBe(true);
    expect(output).not.toMatch(/Segmentation fault|SIGSEGV|Maximum call stack/);
    expect(existsSync(MARKER)).toBe(false);
    expect(existsSync(path.join(out, 'index.html'))).toBe(false);
  });

  it('stops on attacks in front-matter fields (image paths, Astro’s image marker, layout, YAML tricks)', () => {
    rmSync(MARKER, { force: true });
    const { status, output, out } = astroBuildAlone(attackContent(true));
    expect(status).toBe(1);
    expect(output).toMatch(/data does not match collection schema|is not an image file|may not start with "__ASTRO"/);
    expect(existsSync(MARKER)).toBe(false);
    expect(existsSync(path.join(out, 'index.html'))).toBe(false);
  });

  it('under astro dev, refuses every attack file, page by page, and still serves good pages', async () => {
    rmSync(MARKER, { force: true });
    // Inside the project (tmp/ is git-ignored), so Vite's dev server may serve the files at /@fs/.
    mkdirSync('tmp', { recursive: true });
    const content = mkdtempSync(path.resolve('tmp/mdx-dev-'));
    cpSync(path.join(FIXTURES, 'content-good'), content, { recursive: true });
    attackContent(false, content);
    const cache = mkdtempSync(path.join(tmpdir(), 'mdx-dev-cache-'));
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const server = spawn(
      process.execPath,
      ['node_modules/astro/bin/astro.mjs', 'dev', '--port', String(port), '--host', '127.0.0.1'],
      {
        env: {
          // Vitest's NODE_ENV=test puts astro dev in a mode that serves no content pages.
          ...Object.fromEntries(
            Object.entries(process.env).filter(([key]) => key !== 'NODE_ENV' && !key.startsWith('VITEST')),
          ),
          CONTENT_DIR: content,
          ASTRO_CACHE_DIR: cache,
          ASTRO_TELEMETRY_DISABLED: '1',
          NO_COLOR: '1',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let log = '';
    server.stdout?.on('data', (chunk) => (log += chunk));
    server.stderr?.on('data', (chunk) => (log += chunk));
    try {
      const deadline = Date.now() + 60_000;
      for (;;) {
        if (
          await fetch(`${base}/`).then(
            (r) => r.status > 0,
            () => false,
          )
        )
          break;
        if (Date.now() > deadline || server.exitCode !== null) throw new Error(`astro dev did not start:\n${log}`);
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
      const files = ['articles', 'pages'].flatMap((folder) =>
        readdirSync(path.join(ATTACKS, folder))
          .filter((name) => isMdx(name) && !FIELD_ATTACKS.includes(`${folder}/${name}`))
          .map((name) => path.join(content, folder, name)),
      );
      expect(files.length).toBeGreaterThan(50);
      const first = await fetch(`${base}/articles/good-withdrawal-article/`);
      expect(first.status, log).toBe(200);
      for (const file of files) {
        // The module itself, through Vite's transform (the path every page import takes).
        const module = await fetch(`${base}/@fs${file}`);
        const text = await module.text();
        expect(module.status, file).toBe(500);
        expect(text, file).toMatch(/Unsafe MDX in|cannot be read|Unexpected/);
        // The rendered page, where there is one (drafts have none): never a page with the attack in it.
        if (file.includes('/articles/')) {
          const page = await fetch(`${base}/articles/${path.basename(file, '.mdx')}/`);
          const html = await page.text();
          expect(page.status, file).toBe(file.includes('draft-') ? 404 : 500);
          expect(html, file).not.toMatch(/alert\(|data-pagefind-meta="reviewer|http-equiv="refresh"|evil\.example/);
        }
      }
      const good = await fetch(`${base}/articles/good-withdrawal-article/`);
      expect(good.status, log).toBe(200);
      expect(await good.text()).toContain('How to stop safely');
      expect(existsSync(MARKER)).toBe(false);
    } finally {
      server.kill('SIGTERM');
      await new Promise((resolve) => (server.exitCode === null ? server.once('exit', resolve) : resolve(null)));
      rmSync(content, { recursive: true, force: true });
    }
  }, 180_000);
});
