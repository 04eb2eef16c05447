// Turns what a reader typed into what to ask Pagefind, before any search runs:
// - words Pagefind would not find are corrected to the nearest words of the index (edit distance,
//   frequency breaking ties): "alchohol" → "alcohol", "bacolfen" → "baclofen". Pagefind itself
//   would quietly match the longest indexed prefix instead ("a", "ba"), which is how a typo used
//   to find junk;
// - a word with no near match is dropped and reported, never sent (so "xyzzyqq" finds nothing);
// - one- and two-letter words only count when the index holds them as whole words ("aa"), never
//   as the start of a longer word;
// - stop words are dropped for ranking; a question that has them is also matched as a phrase;
// - synonyms add variants, nearest first (Xanax → alprazolam → benzodiazepines).
// Pure: the vocabulary arrives loaded (see Lexicon); `missingShards` says what to load and retry.

import { isStopWord } from './stop-words.ts';
import { synonymVariants } from './synonyms.ts';
import { type Lexicon, MIN_PREFIX_LENGTH, shardOf } from './vocabulary.ts';
import { hasDigit, tokenize } from './words.ts';

/** At most this many meaningful words are searched; longer questions keep their first ones. */
export const MAX_TERMS = 6;
/**
 * A word in more than this share of pages tells pages apart hardly at all, and its full-text
 * posting list is the largest download there is ("come" in "cravings come and go"): the full-text
 * ranking leaves it out when the query has rarer words. Only from COMMON_MIN_PAGES pages on: on a
 * small site every topic word is "common" ("alcohol" on 11 of 13 pages) and downloads are small.
 */
export const COMMON_SHARE = 0.5;
export const COMMON_MIN_PAGES = 100;

export interface Correction {
  from: string;
  to: string;
}

export interface QueryPlan {
  /** What was typed, trimmed. */
  input: string;
  /** A quoted query: Pagefind's exact phrase search, no corrections. */
  exact: boolean;
  /** Words replaced by a correction, in query order. */
  corrections: Correction[];
  /** The query with corrections applied and unmatched words removed, for "Showing results for …". */
  corrected: string;
  /** Words that matched nothing and had no near word: left out of the search. */
  unmatched: string[];
  /** The whole query (stop words included) to match as a phrase first, when it has stop words. */
  phrase?: string;
  /**
   * Match the phrase in the full text too. Only on a small site: a phrase needs the posting lists of
   * its stop words, the largest of the full text ("and" cost 40 KiB at 1,000 articles). On a large
   * site the phrase is matched where it counts most, in titles, descriptions and headings.
   */
  phraseInText: boolean;
  /** Term lists to search, best first: the query itself, then each synonym step. */
  variants: string[][];
  /** Terms in more than COMMON_SHARE of the pages (on a site of COMMON_MIN_PAGES or more). */
  common: string[];
  /** True when every word typed has one or two letters and none is a whole word of the index. */
  tooShort: boolean;
  /** Vocabulary shards to load before planning again (for corrections of a first-letter typo). */
  missingShards: string[];
}

/** The shards a query needs before it can be planned: the first letter of each of its words. */
export function shardsFor(input: string): string[] {
  return [
    ...new Set(
      tokenize(input)
        .filter((word) => word.length >= 2 && !isStopWord(word))
        .map(shardOf),
    ),
  ];
}

export interface PlanOptions {
  /** Synonym steps (synonymSteps from site settings). */
  synonyms: Map<string, string>;
  /** The reader chose "search instead for": no corrections. */
  verbatim?: boolean;
}

export function planQuery(rawInput: string, lexicon: Lexicon, { synonyms, verbatim = false }: PlanOptions): QueryPlan {
  const input = rawInput.trim();
  const exact = /^".+"$/.test(input);
  const tokens = tokenize(input);
  const plan: QueryPlan = {
    input,
    exact,
    corrections: [],
    corrected: tokens.join(' '),
    unmatched: [],
    variants: [],
    common: [],
    phraseInText: lexicon.pageCount < COMMON_MIN_PAGES,
    tooShort: false,
    missingShards: [],
  };
  if (tokens.length === 0) return plan;
  if (exact) {
    // Pagefind's exact search finds nothing when a word is missing: no fallback to worry about.
    plan.variants = [tokens];
    return plan;
  }

  const kept: string[] = [];
  for (const word of tokens) {
    if (isStopWord(word)) {
      kept.push(word);
    } else if (word.length === 1) {
      // Never a search on its own; nothing to correct either.
    } else if (lexicon.isKnown(word) || lexicon.isWord(word)) {
      kept.push(word);
    } else if (word.length < MIN_PREFIX_LENGTH) {
      // A two-letter word the index lacks is the start of a word, not a word.
    } else if (verbatim || hasDigit(word)) {
      // Numbers are not spelled, so they are not corrected either.
      plan.unmatched.push(word);
    } else {
      const [best] = lexicon.suggest(word);
      if (best) {
        plan.corrections.push({ from: word, to: best.word });
        kept.push(best.word);
      } else if (word.length > 1 && !lexicon.hasShard(shardOf(word.slice(1)))) {
        // A slip of the first letter ("lacohol"): its neighbours live in the second letter's file.
        plan.missingShards.push(shardOf(word.slice(1)));
      } else {
        plan.unmatched.push(word);
      }
    }
  }
  if (plan.missingShards.length) return plan;

  plan.corrected = kept.join(' ');
  const meaningful = (words: string[]) => words.filter((word) => !isStopWord(word));
  // A query of stop words only ("how to") has nothing to rank on: match it as a phrase.
  if (meaningful(kept).length === 0) {
    if (kept.length >= 2) plan.phrase = kept.join(' ');
    // Nothing but one- or two-letter words ("a", "ba", "to"): the reader has only started typing.
    plan.tooShort = plan.unmatched.length === 0 && tokens.every((word) => word.length < MIN_PREFIX_LENGTH);
    return plan;
  }
  if (kept.length >= 2 && kept.some(isStopWord)) plan.phrase = kept.join(' ');

  const seen = new Set<string>();
  for (const variant of synonymVariants(kept, synonyms)) {
    const terms = meaningful(variant).slice(0, MAX_TERMS);
    const key = terms.join(' ');
    // Only words Pagefind holds are sent: a synonym the index lacks would fall back to a prefix.
    if (terms.length === 0 || seen.has(key) || !terms.every((word) => lexicon.isKnown(word))) continue;
    seen.add(key);
    plan.variants.push(terms);
  }
  if (lexicon.pageCount >= COMMON_MIN_PAGES)
    plan.common = [...new Set(plan.variants.flat())].filter((term) => lexicon.pageShare(term) > COMMON_SHARE);
  return plan;
}
