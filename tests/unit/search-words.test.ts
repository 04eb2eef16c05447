// The pure search helpers shared by the build and the search page: tokenizer, stop words, edit
// distance, highlighting (src/lib/search/).
import { describe, expect, it } from 'vitest';
import { editDistance } from '../../src/lib/search/edit-distance.ts';
import { highlightSegments } from '../../src/lib/search/highlight.ts';
import { isStopWord } from '../../src/lib/search/stop-words.ts';
import { baseForms, foldPlural, normalizeWord, tokenize } from '../../src/lib/search/words.ts';

describe('tokenize', () => {
  it('lower-cases, drops accents and apostrophes, and splits on everything else', () => {
    expect(tokenize('Night’s “DTs” — Naïve CIWA-Ar, 1-800-662-4357!')).toEqual([
      'nights',
      'dts',
      'naive',
      'ciwa',
      'ar',
      '1',
      '800',
      '662',
      '4357',
    ]);
    expect(normalizeWord('Don’t')).toBe('dont');
    expect(tokenize('   ')).toEqual([]);
  });

  it('offers the plain forms a reader’s inflection may come from, never shorter than four letters', () => {
    expect(baseForms('tapering')).toContain('taper');
    expect(baseForms('hallucinations')).toContain('hallucination');
    expect(baseForms('therapies')).toContain('therapy');
    expect(baseForms('uses')).toEqual(['uses']);
    expect(foldPlural('benzodiazepines')).toBe('benzodiazepine');
    expect(foldPlural('illness')).toBe('illness');
  });
});

describe('stop words', () => {
  it('drops filler but keeps the words that change a health question', () => {
    for (const word of ['how', 'does', 'the', 'what', 'is', 'im', 'dont', 'someone'])
      expect(isStopWord(word)).toBe(true);
    for (const word of ['not', 'no', 'off', 'down', 'after', 'stop', 'help', 'long', 'withdrawal'])
      expect(isStopWord(word)).toBe(false);
  });
});

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and a swap of neighbours as one edit each', () => {
    expect(editDistance('alchohol', 'alcohol')).toBe(1);
    expect(editDistance('bacolfen', 'baclofen')).toBe(1);
    expect(editDistance('withdrawl', 'withdrawal')).toBe(1);
    expect(editDistance('opiod', 'opioid')).toBe(1);
    expect(editDistance('gabapenton', 'gabapentin')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });

  it('stops early past the bound and says so with bound + 1', () => {
    expect(editDistance('xyzzyqq', 'alcohol', 2)).toBe(3);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
    expect(editDistance('alchohol', 'alcohol', 2)).toBe(1);
  });
});

describe('highlightSegments', () => {
  it('marks the words that start with a query word or its plain form, and keeps the text intact', () => {
    const text = 'Stopping baclofen can cause seizures, and a seizure needs 911.';
    const segments = highlightSegments(text, ['seizures', 'baclofen']);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(segments.filter((s) => s.mark).map((s) => s.text)).toEqual(['baclofen', 'seizures', 'seizure']);
  });

  it('marks nothing without terms', () => {
    expect(highlightSegments('Alcohol withdrawal', [])).toEqual([{ text: 'Alcohol withdrawal', mark: false }]);
  });
});
