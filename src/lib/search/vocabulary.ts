// The search vocabulary: every word the index holds, with how often it occurs, collected at build
// time (src/integrations/pagefind.ts) and read by the search page (src/client/search-page.ts) to
// tell a typo from a real word and to correct it. It is split into one small text file per first
// letter, so a query fetches only the letters it starts with (a few KiB), and only when needed.
//
// Shard format: a first line `#pages N` (how many pages the index holds), then one word a line,
// sorted: `word count`, the count being the number of pages that have the word. A count of 0
// marks a word readers may type that the index does not hold itself (a synonym from site
// settings): it can be a correction, but is never sent to Pagefind as it is.

import { editDistance } from './edit-distance.ts';
import { isStopWord } from './stop-words.ts';
import { baseForms, tokenize } from './words.ts';

export type WordCounts = Map<string, number>;

/** Words shorter than this never count as a match by prefix ("ba" must not find "baclofen"). */
export const MIN_PREFIX_LENGTH = 3;

const indexable = (word: string) => word.length >= 2 && !isStopWord(word);

/** Counts one page: each word of its texts once (stop words and single letters are left out). */
export function countPage(counts: WordCounts, texts: readonly string[]): WordCounts {
  const words = new Set(texts.flatMap((text) => tokenize(text).filter(indexable)));
  for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

/** Words a reader may type that are not in the index (synonyms): known, with a count of 0. */
export function addUnindexedWords(counts: WordCounts, text: string): WordCounts {
  for (const word of tokenize(text)) if (indexable(word) && !counts.has(word)) counts.set(word, 0);
  return counts;
}

/** The file a word lives in: its first letter a–z, or "_" for digits and other scripts. */
export function shardOf(word: string): string {
  const first = word[0] ?? '';
  return first >= 'a' && first <= 'z' ? first : '_';
}

/** Every shard key: a–z and "_". Each is always written (maybe empty), so none is ever missing. */
export const SHARD_KEYS: readonly string[] = [...'abcdefghijklmnopqrstuvwxyz_'];

/** One text per shard, ready to write as `<shard>.txt`; `pages` is how many pages were counted. */
export function serializeVocabulary(counts: WordCounts, pages: number): Map<string, string> {
  const shards = new Map<string, string[]>(SHARD_KEYS.map((key) => [key, [`#pages ${pages}`]]));
  for (const word of [...counts.keys()].sort()) {
    const key = shardOf(word);
    const lines = shards.get(key) ?? [];
    lines.push(`${word} ${counts.get(word)}`);
    shards.set(key, lines);
  }
  return new Map([...shards].map(([key, lines]) => [key, `${lines.join('\n')}\n`]));
}

export interface Shard {
  /** Pages in the index (0 when the file did not say). */
  pages: number;
  /** [word, pages that have it], sorted by word. */
  entries: Array<[string, number]>;
}

/** Reads one shard back; malformed lines are skipped rather than breaking search. */
export function parseShard(text: string): Shard {
  const shard: Shard = { pages: 0, entries: [] };
  for (const line of text.split('\n')) {
    const space = line.indexOf(' ');
    if (space < 1) continue;
    const count = Number(line.slice(space + 1));
    if (!Number.isInteger(count) || count < 0) continue;
    if (line.startsWith('#pages ')) shard.pages = count;
    else shard.entries.push([line.slice(0, space), count]);
  }
  return shard;
}

/**
 * How far a correction may be from what was typed: more room for longer words. A five-letter word
 * gets one edit: with two, real words the index lacks become other words ("abuse" → "able").
 */
export function maxTypoDistance(word: string): number {
  if (word.length <= 5) return 1;
  if (word.length <= 9) return 2;
  return 3;
}

export interface Suggestion {
  word: string;
  distance: number;
  count: number;
}

/**
 * How much a word's frequency (the pages that have it) counts against its edit distance. Below 1, so frequency only
 * chooses between candidates the same number of edits away: a common word two edits away still
 * loses to a rare word one edit away.
 */
const FREQUENCY_WEIGHT = 0.6;

/** The loaded part of the vocabulary, with the questions the query layer asks of it. */
export class Lexicon {
  private readonly counts = new Map<string, number>();
  private readonly sorted = new Map<string, string[]>();
  private maxCount = 1;
  private pages = 0;

  /** Adds a parsed shard (parseShard) under its key. */
  addShard(key: string, { pages, entries }: Shard): void {
    for (const [word, count] of entries) {
      this.counts.set(word, count);
      if (count > this.maxCount) this.maxCount = count;
    }
    if (pages > this.pages) this.pages = pages;
    this.sorted.set(key, entries.map(([word]) => word).sort());
  }

  /** Pages in the index, as the vocabulary says (0 before a shard is loaded). */
  get pageCount(): number {
    return this.pages;
  }

  /** The share of pages that have this exact word (0 for a word not in the loaded shards). */
  pageShare(word: string): number {
    return this.pages > 0 ? (this.counts.get(word) ?? 0) / this.pages : 0;
  }

  hasShard(key: string): boolean {
    return this.sorted.has(key);
  }

  /** In the index as it is (not only a synonym). */
  isIndexed(word: string): boolean {
    return (this.counts.get(word) ?? 0) > 0;
  }

  /** Anything readers may type: indexed words and synonyms. */
  isWord(word: string): boolean {
    return this.counts.has(word);
  }

  /** True when some indexed word starts with `prefix`. */
  private hasIndexedPrefix(prefix: string): boolean {
    const words = this.sorted.get(shardOf(prefix));
    if (!words) return false;
    let low = 0;
    let high = words.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (words[mid] < prefix) low = mid + 1;
      else high = mid;
    }
    for (let i = low; i < words.length && words[i].startsWith(prefix); i++) if (this.isIndexed(words[i])) return true;
    return false;
  }

  /**
   * Pagefind will match this word to a real word of the index (not fall back to a short prefix of
   * it): it is indexed, or the start of an indexed word (three letters or more: what someone
   * still typing has), or an inflection of one ("tapers", "hallucinating").
   */
  isKnown(word: string): boolean {
    if (this.isIndexed(word)) return true;
    if (word.length < MIN_PREFIX_LENGTH) return false;
    return baseForms(word).some((form) => form.length >= MIN_PREFIX_LENGTH && this.hasIndexedPrefix(form));
  }

  /**
   * The nearest words to a typo among the loaded shards: fewest edits first, frequency breaking
   * ties (weighted, see FREQUENCY_WEIGHT). Best first; empty when nothing is close enough.
   */
  suggest(word: string, limit = 3): Suggestion[] {
    const max = maxTypoDistance(word);
    const scale = Math.log(1 + this.maxCount);
    const found: Array<Suggestion & { score: number }> = [];
    for (const [candidate, count] of this.counts) {
      if (candidate.length < 3 || Math.abs(candidate.length - word.length) > max) continue;
      const distance = editDistance(word, candidate, max);
      if (distance > max) continue;
      // A synonym (count 0) weighs like a word seen a few times: editors added it on purpose.
      const weight = Math.log(1 + Math.max(count, 3)) / scale;
      found.push({ word: candidate, distance, count, score: distance - FREQUENCY_WEIGHT * weight });
    }
    // Plain code-point order for ties: localeCompare's first call loads the collator (tens of ms on a phone).
    found.sort((a, b) => a.score - b.score || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
    return found.slice(0, limit).map(({ word: w, distance, count }) => ({ word: w, distance, count }));
  }
}
