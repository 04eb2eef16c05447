// How search reads text: one tokenizer for the vocabulary the build collects and for the
// reader's query, so a word counts the same on both sides. It mirrors what Pagefind does to a
// query: lower case, accents dropped, apostrophes removed ("don’t" → "dont"), and anything that
// is not a letter or a digit separates words.

const APOSTROPHES = /['’ʼ‘`]/g;
const MARKS = /\p{M}/gu;
const NOT_WORD = /[^\p{L}\p{N}]+/u;

/** Lower case, without accents or apostrophes: "Naïve" → "naive", "Night’s" → "nights". */
export function normalizeWord(word: string): string {
  return word.normalize('NFD').replace(MARKS, '').replace(APOSTROPHES, '').toLowerCase();
}

/** The words of a text, normalized, in order. */
export function tokenize(text: string): string[] {
  return normalizeWord(text)
    .split(NOT_WORD)
    .filter((word) => word.length > 0);
}

export const hasDigit = (word: string): boolean => /\p{N}/u.test(word);

/**
 * Inflections a reader adds to a word the index holds in another form: "tapers", "tapered" and
 * "tapering" all reach "taper". Longest first. Pagefind stems both sides itself; this only tells
 * the query layer that such a word is not a typo. No "-e" or "-d": "centre" would pass as the
 * start of "central", and a typo must not pass for a word.
 */
const SUFFIXES = ['ings', 'ing', 'ies', 'ied', 'ers', 'ed', 'es', 'er', 'ly', 's'];

/** The forms a word may be a plain inflection of: itself, then the word without each suffix it ends in. */
export function baseForms(word: string): string[] {
  const forms = [word];
  for (const suffix of SUFFIXES) {
    if (word.length - suffix.length >= 4 && word.endsWith(suffix)) {
      const stem = word.slice(0, -suffix.length);
      forms.push(stem);
      if (suffix === 'ies' || suffix === 'ied') forms.push(`${stem}y`);
    }
  }
  return forms;
}

/** A crude plural fold for comparing names ("benzodiazepines" ~ "benzodiazepine"), never for display. */
export function foldPlural(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}
