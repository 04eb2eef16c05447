import { mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pruneShareCards, renderShareCards, shareCardPng } from '../../src/lib/io/share-card-png.ts';
import { shareCardSvg, wrapWords } from '../../src/lib/seo/share-card.ts';

const article = {
  title: 'Baclofen withdrawal: timeline, symptoms & <safe> tapering',
  category: { id: 'withdrawal' as const, label: 'Withdrawal', path: '/categories/withdrawal/' },
  reviewer: { displayName: 'Dr. Rowan Example, MD, FASAM', sample: true },
};

describe('share card text', () => {
  it('wraps words into lines and marks a cut with an ellipsis', () => {
    expect(wrapWords('one two three four', 9, 3)).toEqual(['one two', 'three', 'four']);
    expect(wrapWords('one two three four five six', 9, 2)).toEqual(['one two', 'three…']);
    expect(wrapWords('supercalifragilistic word', 8, 2)).toEqual(['superca…', 'word']);
  });

  it('shows title, topic and reviewer, escaped, and labels a sample reviewer', () => {
    const svg = shareCardSvg({ siteName: 'Steady Ground Health', article });
    expect(svg).toContain('WITHDRAWAL');
    expect(svg).toContain('symptoms &amp; &lt;safe&gt;');
    expect(svg).not.toContain('<safe>');
    expect(svg).toContain('Medically reviewed by Dr. Rowan Example, MD, FASAM');
    expect(svg).toContain('Fictional sample reviewer');
    const real = shareCardSvg({
      siteName: 'S',
      article: { ...article, reviewer: { ...article.reviewer, sample: false } },
    });
    expect(real).not.toContain('Fictional sample reviewer');
  });
});

describe('share card PNG', () => {
  const cacheDir = mkdtempSync(path.join(tmpdir(), 'share-cards-'));
  afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

  it('renders a 1200×630 PNG once and reuses it for the same card', async () => {
    const svg = shareCardSvg({ siteName: 'Steady Ground Health', article });
    const png = await shareCardPng(svg, cacheDir);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    const [cached] = readdirSync(cacheDir);
    expect(Buffer.compare(await shareCardPng(svg, cacheDir), png)).toBe(0);
    // A second call reads the cache instead of rendering: what it returns is what the file holds.
    writeFileSync(path.join(cacheDir, cached), 'cached bytes');
    expect((await shareCardPng(svg, cacheDir)).toString()).toBe('cached bytes');
    writeFileSync(path.join(cacheDir, cached), png);
    expect(readdirSync(cacheDir)).toEqual([cached]);
    await shareCardPng(shareCardSvg({ siteName: 'Other', article }), cacheDir);
    expect(readdirSync(cacheDir)).toHaveLength(2);
  });

  it('renders a batch of missing cards into the cache, skipping those already there', async () => {
    const batchDir = mkdtempSync(path.join(tmpdir(), 'share-cards-'));
    const svgs = ['One', 'Two', 'Three'].map((siteName) => shareCardSvg({ siteName, article }));
    await renderShareCards(svgs.slice(0, 1), batchDir);
    const [first] = readdirSync(batchDir);
    writeFileSync(path.join(batchDir, first), 'kept');
    await renderShareCards(svgs, batchDir);
    expect(readdirSync(batchDir)).toHaveLength(3);
    expect((await shareCardPng(svgs[0], batchDir)).toString()).toBe('kept');
    rmSync(batchDir, { recursive: true, force: true });
  });

  it('prunes cards unused for a month before the newest', () => {
    const [first, second] = readdirSync(cacheDir);
    const old = new Date(statSync(path.join(cacheDir, second)).mtimeMs - 40 * 24 * 3600 * 1000);
    utimesSync(path.join(cacheDir, first), old, old);
    pruneShareCards(cacheDir);
    expect(readdirSync(cacheDir)).toEqual([second]);
    expect(statSync(path.join(cacheDir, second)).isFile()).toBe(true);
  });
});
