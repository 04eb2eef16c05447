import { fleschKincaid } from 'flesch-kincaid';
import { syllable } from 'syllable';

/**
 * The prose a reader reads, from an MDX body: component tags, image lines, link targets
 * and citation markers removed; each heading, list item and line break ends a sentence
 * (a heading is not part of the paragraph after it).
 */
export function readableText(mdxBody: string): string {
  return mdxBody
    .split('\n')
    .map((line) =>
      line
        .replace(/<\/?[A-Za-z][^>]*>/g, ' ')
        .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
        .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
        .replace(/\s*\[\d+(?:[,–-]\s*\d+)*\]/g, '')
        .replace(/^\s*(?:#{1,6}|[-*+]|\d+\.)\s+/, '')
        .replace(/[*_`]/g, '')
        .trim(),
    )
    .filter((line) => line.length > 0)
    .map((line) => (/[.!?:;]$/.test(line) ? line : `${line}.`))
    .join('\n');
}

export interface ReadabilityScore {
  /** Flesch–Kincaid US grade level, one decimal. */
  grade: number;
  words: number;
  sentences: number;
}

const wordSegmenter = new Intl.Segmenter('en', { granularity: 'word' });
const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

// syllable() is pure but slow (normalisation, plural rules, regexes per call), and prose repeats its
// words: counting each distinct word once per process made check:content several times faster at
// thousands of articles (docs/benchmarks.md, "Scale").
const syllableCache = new Map<string, number>();
function syllablesIn(word: string): number {
  let count = syllableCache.get(word);
  if (count === undefined) {
    count = syllable(word);
    if (syllableCache.size < 200_000) syllableCache.set(word, count);
  }
  return count;
}

/** Flesch–Kincaid grade of English prose (formula and syllable counts from wooorm's packages). */
export function readabilityOf(text: string): ReadabilityScore {
  const words = [...wordSegmenter.segment(text)].filter((s) => s.isWordLike).map((s) => s.segment);
  const sentences = [...sentenceSegmenter.segment(text)].filter((s) => /\p{L}/u.test(s.segment)).length;
  const syllables = words.reduce((sum, word) => sum + syllablesIn(word), 0);
  const grade = fleschKincaid({ word: words.length, sentence: sentences, syllable: syllables });
  return { grade: Number.isFinite(grade) ? Math.round(grade * 10) / 10 : 0, words: words.length, sentences };
}
