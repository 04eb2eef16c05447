// Citations and emergency numbers become links at render time: [1] links to source 1 (and the
// page can link back, from the counts left in the plugin front matter); 911 and 988 become tel:
// links; the MDX itself is left as written.
import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { citationCountsFrom, splitReaderText } from '../../src/lib/mdx/reader-links.ts';
import { readerLinksPlugin } from '../../src/lib/mdx/reader-links-plugin.ts';

const NUMBERS = ['911', '988'];

async function render(markdown: string) {
  const astro = {
    frontmatter: { title: 'A page' } as Record<string, unknown>,
    headings: [],
    localImagePaths: new Set<string>(),
    remoteImagePaths: new Set<string>(),
  };
  const { html } = await markdownToHtml(markdown, {
    hastPlugins: [readerLinksPlugin({ phoneNumbers: NUMBERS })],
    features: { gfm: true, smartPunctuation: true },
    data: { astro },
  });
  return { html, counts: citationCountsFrom(astro.frontmatter), frontmatter: astro.frontmatter };
}

describe('splitReaderText', () => {
  it('finds citations, alone, run together or written "[1], [3]", as one style', () => {
    expect(splitReaderText('Risky [1][3].', { citations: true })).toEqual([
      { kind: 'text', value: 'Risky ' },
      { kind: 'citation', source: 1 },
      { kind: 'citation', source: 3 },
      { kind: 'text', value: '.' },
    ]);
    expect(splitReaderText('Risky [1], [3].', { citations: true })).toEqual(
      splitReaderText('Risky [1][3].', { citations: true }),
    );
  });

  it('finds only whole emergency numbers, never part of another number', () => {
    expect(splitReaderText('Call 911 or 988.', { phoneNumbers: NUMBERS })).toEqual([
      { kind: 'text', value: 'Call ' },
      { kind: 'phone', number: '911' },
      { kind: 'text', value: ' or ' },
      { kind: 'phone', number: '988' },
      { kind: 'text', value: '.' },
    ]);
    for (const text of ['1-800-911-0000', 'room 9110', 'code 1911', '988a']) {
      expect(splitReaderText(text, { phoneNumbers: NUMBERS }), text).toEqual([{ kind: 'text', value: text }]);
    }
  });

  it('leaves citations alone when not asked for them (a callout title)', () => {
    expect(splitReaderText('See [1]', { phoneNumbers: NUMBERS })).toEqual([{ kind: 'text', value: 'See [1]' }]);
  });
});

describe('readerLinksPlugin', () => {
  it('links each [n] to source n, with a label and an id per occurrence, and counts them', async () => {
    const { html, counts } = await render('Stop slowly [1][3]. Seizures can happen [1].\n');
    expect(html).toContain(
      '<sup class="citation"><a href="#source-1" id="cite-1-1" aria-label="Source 1">[1]</a></sup><sup class="citation"><a href="#source-3" id="cite-3-1" aria-label="Source 3">[3]</a></sup>',
    );
    expect(html).toContain('Seizures can happen<sup class="citation"><a href="#source-1" id="cite-1-2"');
    expect(counts).toEqual({ '1': 2, '3': 1 });
  });

  it('makes 911 and 988 tel: links in text, lists and emphasis', async () => {
    const { html } = await render('Call **911** now.\n\n- text 988\n');
    expect(html).toContain('Call <strong><a href="tel:911" class="phone-link">911</a></strong> now.');
    expect(html).toContain('<li>text <a href="tel:988" class="phone-link">988</a></li>');
  });

  it('leaves links, code and headings as they are', async () => {
    const { html, counts } = await render('## Call 911 [1]\n\nUse `[2] 911` or [911](tel:911).\n');
    expect(html).toContain('<h2>Call 911 [1]</h2>');
    expect(html).toContain('<code>[2] 911</code>');
    expect(html).toContain('<a href="tel:911">911</a>');
    expect(html).not.toContain('phone-link');
    expect(counts).toEqual({});
  });

  it('keeps the rest of the front matter and counts from zero in every document', async () => {
    const first = await render('A [1].\n');
    const second = await render('B [1].\n');
    expect(first.frontmatter.title).toBe('A page');
    expect(second.counts).toEqual({ '1': 1 });
  });
});

describe('citationCountsFrom', () => {
  it('reads only positive whole counts, and nothing from missing front matter', () => {
    expect(citationCountsFrom({ citationCounts: { '1': 2, '2': 0, '3': 'x' } })).toEqual({ '1': 2 });
    expect(citationCountsFrom(undefined)).toEqual({});
  });
});
