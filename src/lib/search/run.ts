// Runs a query plan against the two search indexes the build writes (src/integrations/pagefind.ts):
// - "titles": each article's title, description, aliases and section headings. Small, so the
//   first query of a visit downloads little even with thousands of articles;
// - "text": the whole text of every article. Searched when the titles index finds too little,
//   or when the reader asks for it.
// The search itself is injected (SearchEngine), so this logic is tested without a browser.

import type { QueryPlan } from './query.ts';

export type Tier = 'titles' | 'text';

export interface Hit {
  id: string;
  /** Pagefind's score; when results are sorted, the position in the sort order (higher first). */
  score: number;
}

export interface SearchEngine<H extends Hit> {
  /** `query` null lists every page that passes the filters (the caller binds filters and sort). */
  search(query: string | null, tier: Tier): Promise<H[]>;
}

export interface RunOptions {
  /** Results come sorted by a sort key (not by relevance): fused lists are re-sorted by score. */
  sorted?: boolean;
  /** Go straight to the text index (the reader asked for it, or an earlier query needed it). */
  fullText?: boolean;
  /** Fewer title matches than this, and the text index is searched instead (default: enoughTitleResults). */
  enoughTitleResults?: number;
}

export interface RunResult<H extends Hit> {
  hits: H[];
  tier: Tier;
  /** No article had every word: these match some of them. */
  partial: boolean;
}

/**
 * When the titles index is answer enough. A short query found in a title, description, alias or
 * heading is: those say what a page is about. A longer question needs several such pages, or the
 * full text decides ("can't sleep after quitting benzos" has all its words in the headings of the
 * alcohol page, but it is the benzodiazepine page that answers it). Measured with the relevance set.
 */
export function enoughTitleResults(termCount: number): number {
  return termCount <= 2 ? 1 : 3;
}
/** A synonym step weighs a little less than the reader's own word, each step further. */
export const SYNONYM_STEP_WEIGHT = 0.8;

/** Lists in order of preference, each page once, at its first place; re-sorted by score when sorted. */
export function fuse<H extends Hit>(lists: H[][], sorted = false): H[] {
  const seen = new Set<string>();
  const out: H[] = [];
  for (const list of lists)
    for (const hit of list) {
      if (seen.has(hit.id)) continue;
      seen.add(hit.id);
      out.push(hit);
    }
  return sorted ? out.sort((a, b) => b.score - a.score) : out;
}

/** Pages found by more of the lists first (they match more of the words), then by best place. */
function byAgreement<H extends Hit>(lists: H[][]): H[] {
  const tally = new Map<string, { hit: H; lists: number; best: number }>();
  for (const list of lists)
    list.forEach((hit, place) => {
      const entry = tally.get(hit.id);
      if (entry) {
        entry.lists += 1;
        entry.best = Math.min(entry.best, place);
      } else tally.set(hit.id, { hit, lists: 1, best: place });
    });
  return [...tally.values()].sort((a, b) => b.lists - a.lists || a.best - b.best).map((entry) => entry.hit);
}

/** The exact-phrase query (stop words kept), then each variant: what the query searches for. */
function queries(plan: QueryPlan, tier: Tier): string[] {
  return [
    ...(plan.phrase && (tier === 'titles' || plan.phraseInText) ? [`"${plan.phrase}"`] : []),
    ...plan.variants.map((terms) => (plan.exact ? `"${terms.join(' ')}"` : terms.join(' '))),
  ];
}

async function searchAll<H extends Hit>(plan: QueryPlan, engine: SearchEngine<H>, tier: Tier, sorted: boolean) {
  return fuse(await Promise.all(queries(plan, tier).map((query) => engine.search(query, tier))), sorted);
}

/** Every list of `terms` with one word left out (then with only one word, if that finds nothing). */
async function relaxed<H extends Hit>(terms: string[], engine: SearchEngine<H>, sorted: boolean): Promise<H[]> {
  for (const size of [terms.length - 1, 1]) {
    if (size < 1) continue;
    const subsets = size === 1 ? terms.map((t) => [t]) : terms.map((_, skip) => terms.filter((__, i) => i !== skip));
    const hits = byAgreement(await Promise.all(subsets.map((subset) => engine.search(subset.join(' '), 'text'))));
    if (hits.length) return sorted ? hits.sort((a, b) => b.score - a.score) : hits;
  }
  return [];
}

/**
 * Ranks the full text for a query of several words without requiring all of them, as Pagefind
 * does: a reader's question often has a word the right page does not use ("how does CBT help
 * with addiction": the CBT page never says "addiction"). Each word is searched alone; a page
 * scores the sum of its Pagefind scores for the words it has (term frequency, rarity, title and
 * alias weight), times the square root of the share of the query's words it has: pages with more
 * of them lead, but a page about the main words ("Alcohol withdrawal" for "can you die from alcohol
 * withdrawal") is not beaten by one that merely mentions every word once.
 * Synonym steps weigh a little less than the reader's own words. Words most pages have are left
 * out when rarer ones remain (QueryPlan.common): they rank nothing and cost the most to fetch.
 */
async function coverageRanked<H extends Hit>(plan: QueryPlan, engine: SearchEngine<H>) {
  const weights = new Map<string, number>();
  plan.variants.forEach((terms, step) => {
    for (const term of terms) weights.set(term, Math.max(weights.get(term) ?? 0, SYNONYM_STEP_WEIGHT ** step));
  });
  const rare = [...weights.keys()].filter((term) => !plan.common.includes(term));
  const terms = rare.length ? rare : [...weights.keys()];
  const lists = await Promise.all(terms.map((term) => engine.search(term, 'text')));
  const pages = new Map<string, { hit: H; sum: number; words: Set<string>; places: number }>();
  lists.forEach((list, index) => {
    const term = terms[index];
    list.forEach((hit, place) => {
      const page = pages.get(hit.id) ?? { hit, sum: 0, words: new Set<string>(), places: 0 };
      page.sum += (weights.get(term) ?? 1) * hit.score;
      page.words.add(term);
      page.places += place;
      pages.set(hit.id, page);
    });
  });
  const searched = (variant: string[]) => variant.filter((term) => terms.includes(term));
  const share = (words: Set<string>) =>
    Math.max(
      ...plan.variants.map(
        (variant) => searched(variant).filter((term) => words.has(term)).length / (searched(variant).length || 1),
      ),
    );
  const ranked = [...pages.values()]
    .map((page) => ({ ...page, share: share(page.words) }))
    .sort((a, b) => b.sum * Math.sqrt(b.share) - a.sum * Math.sqrt(a.share) || a.places - b.places);
  return { hits: ranked.map((page) => page.hit), complete: ranked.some((page) => page.share === 1) };
}

/** Searches for a plan, or lists every filtered page when the plan is null (browsing). */
export async function runSearch<H extends Hit>(
  plan: QueryPlan | null,
  engine: SearchEngine<H>,
  { sorted = false, fullText = false, enoughTitleResults: enough }: RunOptions = {},
): Promise<RunResult<H>> {
  if (!plan) {
    const tier: Tier = fullText ? 'text' : 'titles';
    return { hits: await engine.search(null, tier), tier, partial: false };
  }
  if (plan.variants.length === 0 && !plan.phrase)
    return { hits: [], tier: fullText ? 'text' : 'titles', partial: false };
  if (!fullText) {
    const titles = await searchAll(plan, engine, 'titles', sorted);
    if (titles.length >= (enough ?? enoughTitleResults(plan.variants[0]?.length ?? 1)))
      return { hits: titles, tier: 'titles', partial: false };
  }
  const words = new Set(plan.variants.flat());
  if (!sorted && !plan.exact && words.size >= 2) {
    const [phrase, covered] = await Promise.all([
      plan.phrase && plan.phraseInText ? engine.search(`"${plan.phrase}"`, 'text') : Promise.resolve([]),
      coverageRanked(plan, engine),
    ]);
    return { hits: fuse([phrase, covered.hits]), tier: 'text', partial: phrase.length === 0 && !covered.complete };
  }
  const text = await searchAll(plan, engine, 'text', sorted);
  if (text.length > 0 || plan.exact) return { hits: text, tier: 'text', partial: false };
  const terms = plan.variants[0] ?? [];
  if (terms.length < 2) return { hits: [], tier: 'text', partial: false };
  const some = await relaxed(terms, engine, sorted);
  return { hits: some, tier: 'text', partial: some.length > 0 };
}
