export const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');

/** The group for titles that do not start with A–Z (digits, other scripts). */
export const OTHER_GROUP = '#';

/** Groups items under the first letter of their title; anything not A–Z files under "#". */
export function groupByInitial<T>(items: readonly T[], titleOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  const sorted = [...items].sort((a, b) => titleOf(a).localeCompare(titleOf(b), 'en', { sensitivity: 'base' }));
  for (const item of sorted) {
    const first = titleOf(item).trim().charAt(0).toUpperCase();
    const key = ALPHABET.includes(first) ? first : OTHER_GROUP;
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** The URL segment of a letter's page: `b` for B, `other` for "#". */
export const letterSlug = (letter: string) => (letter === OTHER_GROUP ? 'other' : letter.toLowerCase());

/** `/a-z/b/`: the first page of a letter's titles. */
export const letterPath = (letter: string) => `/a-z/${letterSlug(letter)}/`;

/** How a letter is named to people (and screen readers): "B", or "Other" for "#". */
export const letterLabel = (letter: string) => (letter === OTHER_GROUP ? 'Other (not A to Z)' : letter);
