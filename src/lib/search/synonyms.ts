// Synonyms editors maintain in site settings (content/settings/site.yml, `synonyms`): the names
// readers type (brand, generic and street names, misspellings) and the term the site uses. Used
// twice:
// - at build time, an article whose title, description, aliases or substances name a term gets
//   that term's aliases indexed with it, with high weight ("Xanax" finds the benzodiazepine page
//   first, not a page that mentions Xanax once);
// - in the search page, a query naming an alias is also searched as the term it stands for, one
//   step at a time (Xanax → alprazolam → benzodiazepines): nearest names first.

import { foldPlural, tokenize } from './words.ts';

export interface SynonymGroup {
  term: string;
  aliases: string[];
}

/** Normalized phrase: tokens joined by one space ("Delirium Tremens" → "delirium tremens"). */
export const phrase = (text: string): string => tokenize(text).join(' ');

/** Each alias phrase, with the term it stands for (one step). The first group to claim an alias wins. */
export function synonymSteps(groups: readonly SynonymGroup[]): Map<string, string> {
  const steps = new Map<string, string>();
  for (const group of groups) {
    const term = phrase(group.term);
    for (const alias of group.aliases) {
      const key = phrase(alias);
      if (key && key !== term && !steps.has(key)) steps.set(key, term);
    }
  }
  return steps;
}

/** Longest alias, in words: how far ahead the query rewriter must look. */
function longestAlias(steps: Map<string, string>): number {
  let longest = 1;
  for (const key of steps.keys()) longest = Math.max(longest, key.split(' ').length);
  return longest;
}

/** Rewrites every alias in `tokens` one step toward its term; null when none was found. */
export function rewriteOnce(tokens: readonly string[], steps: Map<string, string>): string[] | null {
  const longest = longestAlias(steps);
  const out: string[] = [];
  let changed = false;
  for (let i = 0; i < tokens.length; ) {
    let matched = false;
    for (let size = Math.min(longest, tokens.length - i); size >= 1; size--) {
      const term = steps.get(tokens.slice(i, i + size).join(' '));
      if (term !== undefined) {
        out.push(...term.split(' '));
        i += size;
        matched = changed = true;
        break;
      }
    }
    if (!matched) out.push(tokens[i++]);
  }
  return changed ? out : null;
}

/** The query as typed, then each step of its synonyms (at most `maxSteps`, so a loop cannot hang search). */
export function synonymVariants(tokens: readonly string[], steps: Map<string, string>, maxSteps = 4): string[][] {
  const variants = [[...tokens]];
  let current: readonly string[] = tokens;
  for (let step = 0; step < maxSteps; step++) {
    const next = rewriteOnce(current, steps);
    if (!next || variants.some((v) => v.join(' ') === next.join(' '))) break;
    variants.push(next);
    current = next;
  }
  return variants;
}

/** True when the words of `needle` appear in order in `haystack` (plurals folded). */
function containsPhrase(haystack: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0) return false;
  for (let i = 0; i + needle.length <= haystack.length; i++) {
    if (needle.every((word, j) => haystack[i + j] === word)) return true;
  }
  return false;
}

/**
 * The synonyms to index with a page whose subject is described by `texts` (title, description,
 * its own aliases, substance names): every alias that leads, in any number of steps, to a term
 * those texts name. Sorted, without the page's own words.
 */
export function aliasesForSubject(texts: readonly string[], groups: readonly SynonymGroup[]): string[] {
  const subject = texts.map((text) => tokenize(text).map(foldPlural));
  const steps = synonymSteps(groups);
  // Reverse edges: term → aliases that step to it.
  const into = new Map<string, string[]>();
  for (const [alias, term] of steps) into.set(term, [...(into.get(term) ?? []), alias]);
  const named = [...new Set(steps.values())].filter((term) =>
    subject.some((words) => containsPhrase(words, term.split(' ').map(foldPlural))),
  );
  const found = new Set<string>();
  const queue = [...named];
  for (let next = 0; next < queue.length; next++) {
    for (const alias of into.get(queue[next]) ?? []) {
      if (found.has(alias)) continue;
      found.add(alias);
      queue.push(alias);
    }
  }
  const own = new Set(subject.map((words) => words.join(' ')));
  // Keep the editor's spelling (capitals) for display; compare normalized.
  const display = new Map<string, string>();
  for (const group of groups)
    for (const alias of group.aliases) if (!display.has(phrase(alias))) display.set(phrase(alias), alias.trim());
  return [...found]
    .filter((alias) => !own.has(alias.split(' ').map(foldPlural).join(' ')))
    .sort()
    .map((alias) => display.get(alias) ?? alias);
}
