// Marks the words of a short text (a result's description) that match the query, the way
// Pagefind marks its own excerpts: a word matches a query word it starts with, inflections
// folded ("seizure" matches "seizures").

import { baseForms, normalizeWord } from './words.ts';

export interface Segment {
  text: string;
  mark: boolean;
}

const WORD = /[\p{L}\p{N}'’]+/gu;

export function highlightSegments(text: string, terms: readonly string[]): Segment[] {
  const stems = terms
    .map((term) => baseForms(term).reduce((shortest, form) => (form.length < shortest.length ? form : shortest)))
    .filter((stem) => stem.length >= 2);
  const segments: Segment[] = [];
  const push = (part: string, mark: boolean) => {
    if (!part) return;
    const last = segments[segments.length - 1];
    if (last && last.mark === mark) last.text += part;
    else segments.push({ text: part, mark });
  };
  let end = 0;
  for (const match of text.matchAll(WORD)) {
    const start = match.index ?? 0;
    push(text.slice(end, start), false);
    const word = normalizeWord(match[0]);
    push(
      match[0],
      stems.some((stem) => word.startsWith(stem)),
    );
    end = start + match[0].length;
  }
  push(text.slice(end), false);
  return segments;
}
