// Plain text that readers should be able to act on: numbered citations like [1] (a link to that
// source in the list at the foot of the page) and emergency numbers like 911 (a tel: link). Pure
// string work, shared by the compiler's hast plugin (article bodies) and components that print
// editors' text outside the body (a callout's title).

/** One piece of a text: words as they were, a citation of source `n`, or a number to call. */
export type ReaderTextPart =
  | { kind: 'text'; value: string }
  | { kind: 'citation'; source: number }
  | { kind: 'phone'; number: string };

/**
 * The one citation style of the site is `[1]`, several written together `[1][3]`. A list written
 * `[1], [3]` is read as the same two citations (and printed the one way), so older pages agree.
 */
const CITATION_RUN = /\[(\d{1,3})\](?:,?\s?\[\d{1,3}\])*/g;
const CITATION = /\[(\d{1,3})\]/g;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Splits a text into words, citations and phone numbers. A number counts only as a whole number
 * (911, not 1-800-911-0000 or 9110); citations count only when asked for (not in a callout title).
 */
export function splitReaderText(
  text: string,
  options: { phoneNumbers?: readonly string[]; citations?: boolean },
): ReaderTextPart[] {
  const numbers = (options.phoneNumbers ?? []).filter((number) => /^[0-9+][0-9-]*$/.test(number));
  const alternatives = [
    ...(options.citations ? [CITATION_RUN.source] : []),
    ...(numbers.length > 0 ? [`(?<![\\w-])(?:${numbers.map(escapeRegExp).join('|')})(?![\\w-])`] : []),
  ];
  if (alternatives.length === 0) return text ? [{ kind: 'text', value: text }] : [];
  const pattern = new RegExp(alternatives.map((source) => `(?:${source})`).join('|'), 'g');
  const parts: ReaderTextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const start = match.index ?? 0;
    if (start > last) parts.push({ kind: 'text', value: text.slice(last, start) });
    const found = match[0];
    if (found.startsWith('[')) {
      for (const citation of found.matchAll(CITATION)) parts.push({ kind: 'citation', source: Number(citation[1]) });
    } else {
      parts.push({ kind: 'phone', number: found });
    }
    last = start + found.length;
  }
  if (last < text.length) parts.push({ kind: 'text', value: text.slice(last) });
  return parts;
}

/** The id of the `occurrence`-th (1-based) citation of source `source` in a page's text. */
export const citationId = (source: number, occurrence: number) => `cite-${source}-${occurrence}`;
/** The id of a source in the page's numbered list (SourcesList). */
export const sourceId = (source: number) => `source-${source}`;

/** How often each source is cited in the body, by source number: what the plugin leaves for the page. */
export type CitationCounts = Record<string, number>;

/** Reads the counts the compiler left in an entry's plugin front matter (absent: nothing cited). */
export function citationCountsFrom(pluginFrontmatter: Record<string, unknown> | undefined): CitationCounts {
  const counts = pluginFrontmatter?.citationCounts;
  if (!counts || typeof counts !== 'object') return {};
  return Object.fromEntries(
    Object.entries(counts).filter((entry): entry is [string, number] => Number.isInteger(entry[1]) && entry[1] > 0),
  );
}
