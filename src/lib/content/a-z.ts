export const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');

/** Groups items under the first letter of their title; anything not A–Z files under "#". */
export function groupByInitial<T>(items: readonly T[], titleOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  const sorted = [...items].sort((a, b) => titleOf(a).localeCompare(titleOf(b), 'en', { sensitivity: 'base' }));
  for (const item of sorted) {
    const first = titleOf(item).trim().charAt(0).toUpperCase();
    const key = ALPHABET.includes(first) ? first : '#';
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return groups;
}
