// The benchmark's helpers (scripts/lib/bench.ts): they turn tool output into the figures in
// docs/benchmarks.md, so a misread number would be published as fact.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  astroPhases,
  goal,
  hostVerdicts,
  markdownTable,
  parseGnuTime,
  sequential,
  starlightArticle,
  weighSite,
} from '../../scripts/lib/bench.ts';

const GNU_TIME = `\tCommand being timed: "node scripts/build.ts"
\tUser time (seconds): 41.52
\tSystem time (seconds): 3.08
\tPercent of CPU this job got: 96%
\tElapsed (wall clock) time (h:mm:ss or m:ss): 0:46.01
\tMaximum resident set size (kbytes): 1280512
\tExit status: 0
`;

describe('reading the tools', () => {
  it("takes CPU time (user + system) and the peak resident set from GNU time's report", () => {
    expect(parseGnuTime(GNU_TIME)).toEqual({ cpuSeconds: 44.6, maxRssKiB: 1_280_512 });
    expect(() => parseGnuTime('nothing')).toThrow(/no "User time/);
  });

  it('adds processes run one after another: times add, memory is the larger', () => {
    const a = { ms: 1000, cpuSeconds: 2, maxRssKiB: 500 };
    const b = { ms: 300, cpuSeconds: 0.5, maxRssKiB: 900 };
    expect(sequential(a, b)).toEqual({ ms: 1300, cpuSeconds: 2.5, maxRssKiB: 900 });
  });

  it("reads Astro's phases from its log, the integrations' share from timestamps", () => {
    const log = [
      '13:34:30 [types] Generated 3.00s',
      '13:34:30 [build] ✓ Completed in 3.44s.',
      '13:34:30 [build] Building static entrypoints...',
      '13:34:34 [vite] ✓ built in 3.81s',
      ' generating static routes ',
      '13:34:36 ✓ Completed in 2.24s.',
      '13:34:36 [build] ✓ Completed in 6.42s.',
      '13:34:41 [steady-ground:pagefind] Scanned 158 pages',
      '13:34:43 [build] 157 page(s) built in 14.16s',
    ].join('\n');
    expect(astroPhases(log)).toEqual({ types: 3, bundle: 3.81, render: 2.24, generate: 6.42, integrations: 7 });
  });

  it('reads durations in minutes and milliseconds as Astro writes them past a minute', () => {
    const log = [
      '14:21:38 [types] Generated 14.67s',
      '14:23:59 [vite] ✓ built in 2m 21s',
      ' generating static routes ',
      '14:25:54 ✓ Completed in 1m 53s.',
      '14:25:55 ✓ Completed in 510ms.',
      '14:25:56 [build] ✓ Completed in 4m 19s.',
      '14:27:18 [build] 5566 page(s) built in 5m 54s',
    ].join('\n');
    expect(astroPhases(log)).toEqual({ types: 14.67, bundle: 141, render: 113, generate: 259, integrations: 82 });
  });
});

describe('the Starlight copy of an article', () => {
  const source = [
    '---',
    'title: "Baclofen withdrawal: timeline"',
    "description: 'It''s what to expect'",
    'category: withdrawal',
    'hero:',
    '  image: ./images/x.svg',
    '  alt: A picture',
    '---',
    '',
    'Body with <Callout level="urgent" title="Act now">text</Callout> and <HelplineBox />.',
    '',
  ].join('\n');

  it('keeps title, description and body, imports the two components, and drops fields Starlight would misread', () => {
    const page = starlightArticle(source, '../../../components');
    expect(page).toContain('title: "Baclofen withdrawal: timeline"');
    expect(page).toContain('description: "It\'s what to expect"');
    expect(page).toContain("import Callout from '../../../components/Callout.astro';");
    expect(page).toContain("import HelplineBox from '../../../components/HelplineBox.astro';");
    expect(page).toContain('Body with <Callout level="urgent" title="Act now">text</Callout> and <HelplineBox />.');
    expect(page).not.toMatch(/^hero:|^category:/m);
  });

  it('refuses a file without front matter', () => {
    expect(() => starlightArticle('# Just a body', '.')).toThrow(/without front matter/);
  });
});

describe('weighing a built site', () => {
  function site(): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'weigh-'));
    const write = (file: string, body: string) => {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), body);
    };
    write('index.html', 'x'.repeat(1_000));
    write('articles/a/index.html', 'a'.repeat(10_000));
    write('articles/b/index.html', 'b'.repeat(20_000));
    write('articles/c/index.html', 'c'.repeat(30_000));
    write('articles/old/index.html', '<meta http-equiv="refresh" content="0;url=/articles/a/">');
    write('a-z/index.html', 'z'.repeat(250_000));
    for (let i = 0; i < 5; i++) write(`pagefind/fragment/${i}.pf_fragment`, 'f');
    return dir;
  }

  it('counts files and bytes, the median article (redirects aside), the largest page and the pages over 200 KB', () => {
    const weight = weighSite(site());
    expect(weight.files).toBe(11);
    expect(weight.htmlPages).toBe(6);
    expect(weight.articleHtml.raw).toBe(20_000);
    expect(weight.articleHtml.gzip).toBeLessThan(1_000);
    expect(weight.largestHtml).toEqual({ page: 'a-z/index.html', bytes: 250_000 });
    expect(weight.pagesOver200KB).toBe(1);
    expect(weight.fullestFolder).toEqual({ folder: 'pagefind/fragment', files: 5 });
  });

  it("checks hosts' limits", () => {
    const verdicts = Object.fromEntries(
      hostVerdicts({
        files: 20_500,
        bytes: 300 * 2 ** 20,
        fullestFolder: { folder: 'pagefind/fragment', files: 10_000 },
      }),
    );
    expect(verdicts['Cloudflare Pages (Free)']).toBe('over: 20,500 files > 20,000');
    expect(verdicts['Cloudflare Pages (paid)']).toBe('fits');
    expect(verdicts.Netlify).toBe('fits');
    expect(
      Object.fromEntries(
        hostVerdicts({ files: 10, bytes: 2 * 2 ** 30, fullestFolder: { folder: 'x', files: 60_000 } }),
      ),
    ).toMatchObject({ Netlify: 'over: 60000 files in x/ > 54000', 'GitHub Pages': 'over: 2.00 GiB > 1 GiB' });
  });
});

describe('reporting', () => {
  it('states a goal as a ratio, met or missed by how much', () => {
    expect(goal(46, 40, 1.3)).toBe('1.15× (goal ≤ 1.3×: met)');
    expect(goal(60, 40, 1.3)).toBe('1.50× (goal ≤ 1.3×: missed by 15 %)');
  });

  it('writes a Markdown table', () => {
    expect(
      markdownTable([
        ['a', 'b'],
        ['1', '2'],
      ]),
    ).toBe('| a | b |\n| --- | --- |\n| 1 | 2 |');
  });
});
