import { describe, expect, it } from 'vitest';
import { readabilityOf, readableText } from '../../src/lib/review/readability.ts';

describe('readability', () => {
  it('reads only the prose of an MDX body', () => {
    const text = readableText(
      '## Heading here\n\nSee [the label](https://example.org) [1].\n\n<Callout level="urgent" title="Call">\n\n- item one\n\n</Callout>\n\n![A pill](./x.svg)\n',
    );
    expect(text).toBe('Heading here.\nSee the label.\nitem one.');
  });

  it('scores plain language lower than dense clinical prose', () => {
    const plain = readabilityOf(
      'Do not stop the pills all at once. Ask your doctor. They can help you cut down slowly.',
    );
    const dense = readabilityOf(
      'Abrupt discontinuation of chronically administered gamma-aminobutyric acid agonists precipitates potentially life-threatening neuropsychiatric withdrawal manifestations necessitating individualized pharmacological management.',
    );
    expect(plain.grade).toBeLessThan(4);
    expect(dense.grade).toBeGreaterThan(16);
    expect(plain).toEqual(expect.objectContaining({ words: 18, sentences: 3 }));
  });
});
