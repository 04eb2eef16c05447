// The fingerprint that binds a medical review to the text the reviewer approved. Pure and
// synchronous, with no Node or browser API beyond TextEncoder, so check:content, review:record
// and the CMS editor (live "changed since review") all compute the same value from an entry.
import { sha256Hex } from '../core/sha256.ts';

/** Names the normalisation and the hash; a new normalisation must get a new version. */
export const FINGERPRINT_VERSION = 'v1';

/**
 * Everything on the page a reviewer approves: the words patients read (title, description, key
 * takeaways, body) and what the numbered citations point to. Tags, dates, the hero picture and a
 * source's `accessed` date are housekeeping and left out, so changing them needs no new review.
 */
export interface ReviewedContent {
  title: string;
  description: string;
  keyTakeaways?: readonly string[];
  sources?: ReadonlyArray<{ title: string; publisher: string; url: string; year: number }>;
  body: string;
}

/**
 * A text with formatting that cannot change the meaning removed: line endings, line wrapping,
 * indentation, blank lines, runs of spaces and the bullet marker (`-`, `*` or `+`). Every word,
 * number, citation like [1][3], link, emphasis mark and component stays, so changing any of
 * them changes the fingerprint.
 */
export function normalisedReviewText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/^(\s*)[*+-](?=\s)/, '$1-'))
    .join('\n')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The reviewed content as one normalised text, one labelled line per part. */
export function reviewedText(content: ReviewedContent): string {
  return [
    `title: ${content.title}`,
    `description: ${content.description}`,
    ...(content.keyTakeaways ?? []).map((takeaway) => `takeaway: ${takeaway}`),
    ...(content.sources ?? []).map(
      (source, index) => `source ${index + 1}: ${source.title} | ${source.publisher} | ${source.url} | ${source.year}`,
    ),
    `body: ${content.body}`,
  ]
    .map(normalisedReviewText)
    .join('\n');
}

/** The value stored as `reviewFingerprint` in front matter: "v1:" and 64 hex digits. */
export function reviewFingerprint(content: ReviewedContent): string {
  return `${FINGERPRINT_VERSION}:${sha256Hex(reviewedText(content))}`;
}

export type ReviewedTextState = 'unrecorded' | 'unchanged' | 'changed';

/** Whether the content is still what was reviewed, judged from the stored fingerprint alone. */
export function reviewedTextState(content: ReviewedContent, storedFingerprint: string | undefined): ReviewedTextState {
  return fingerprintState(reviewFingerprint(content), storedFingerprint);
}

/** The same judgement from a fingerprint already computed (check:content keeps them per file). */
export function fingerprintState(current: string, storedFingerprint: string | undefined): ReviewedTextState {
  if (!storedFingerprint) return 'unrecorded';
  return current === storedFingerprint ? 'unchanged' : 'changed';
}
