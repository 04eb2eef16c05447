// The fingerprint that binds a medical review to the text the reviewer approved. Pure and
// synchronous, with no Node or browser API beyond TextEncoder, so check:content, review:record
// and the CMS editor (live "changed since review") all compute the same value from the body.
import { sha256Hex } from '../core/sha256.ts';

/** Names the normalisation and the hash; a new normalisation must get a new version. */
export const FINGERPRINT_VERSION = 'v1';

/**
 * The body as a reviewer reads it, with formatting that cannot change the meaning removed:
 * line endings, line wrapping, indentation, blank lines, runs of spaces and the bullet marker
 * (`-`, `*` or `+`). Every word, number, citation like [1][3], link, emphasis mark and
 * component stays, so changing any of them changes the fingerprint.
 */
export function normalisedReviewText(body: string): string {
  return body
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/^(\s*)[*+-](?=\s)/, '$1-'))
    .join('\n')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The value stored as `reviewFingerprint` in front matter: "v1:" and 64 hex digits. */
export function reviewFingerprint(body: string): string {
  return `${FINGERPRINT_VERSION}:${sha256Hex(normalisedReviewText(body))}`;
}

export type ReviewedTextState = 'unrecorded' | 'unchanged' | 'changed';

/** Whether `body` is still the text that was reviewed, judged from the stored fingerprint alone. */
export function reviewedTextState(body: string, storedFingerprint: string | undefined): ReviewedTextState {
  if (!storedFingerprint) return 'unrecorded';
  return reviewFingerprint(body) === storedFingerprint ? 'unchanged' : 'changed';
}
