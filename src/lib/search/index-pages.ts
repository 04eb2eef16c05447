// What the build indexes besides the article pages themselves (src/integrations/pagefind.ts):
// - a compact "titles" page per article, made from what Pagefind stored for the full page: title,
//   description and aliases (as metadata) and the section headings with their ids (so results can
//   still jump to a section). Searching it downloads a fraction of what the full text costs;
// - one record for the helpline, so "helpline", "crisis" or "phone number" find the number;
// - the vocabulary the search page corrects typos against.

import { addUnindexedWords, countPage, type WordCounts } from './vocabulary.ts';

/** A page as Pagefind stores it in a fragment file (the parts we read). */
export interface IndexedPage {
  url: string;
  content: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
  anchors: Array<{ element: string; id: string; text?: string; location: number }>;
}

/** The result URL of the helpline record; the search page shows it as the helpline card. */
export const HELPLINE_URL = '/#helpline';
/** The filter that marks the helpline record (and keeps it out of topic lists, which filter by category). */
export const KIND_FILTER = 'kind';

/** Facts shown with a result but never matched as text: Pagefind makes every meta field searchable. */
export const DISPLAY_FILTERS = ['reviewer', 'reviewed'] as const;

/** Sort keys of the titles index, and the filter of the full page each one is read from. */
export const SORTS_FROM_FILTERS: Record<string, string> = { last_reviewed: 'reviewed' };

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const span = (attribute: string, value: string) => `<span ${attribute}>${escapeHtml(value)}</span>`;

/** Section headings that can be linked to: H2 and H3 with an id. */
export function sectionHeadings(page: IndexedPage): IndexedPage['anchors'] {
  return page.anchors.filter((anchor) => /^h[23]$/.test(anchor.element) && anchor.id && anchor.text?.trim());
}

/** The compact page the titles index holds for one article. */
export function titlesPageHtml(page: IndexedPage, lang: string): string {
  const title = page.meta.title ?? '';
  const headings = sectionHeadings(page)
    .map(
      (anchor) =>
        `<${anchor.element} id="${escapeHtml(anchor.id)}">${escapeHtml(anchor.text ?? '')}</${anchor.element}>`,
    )
    .join('');
  const facts = [
    span('data-pagefind-meta="title"', title),
    ...(['description', 'aliases'] as const).flatMap((key) =>
      page.meta[key] ? [span(`data-pagefind-meta="${key}"`, page.meta[key] ?? '')] : [],
    ),
    ...Object.entries(page.filters).flatMap(([name, values]) =>
      (values ?? []).map((value) => span(`data-pagefind-filter="${escapeHtml(name)}"`, value)),
    ),
    ...Object.entries(SORTS_FROM_FILTERS).flatMap(([sort, filter]) => {
      const value = page.filters[filter]?.[0];
      return value ? [span(`data-pagefind-sort="${sort}"`, value)] : [];
    }),
  ].join('');
  // Title, description and aliases are metadata (matched and boosted by weight); the headings are
  // the only body text, so a match in one becomes a link to that section.
  return `<!doctype html><html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body data-pagefind-body>${headings}<div data-pagefind-ignore>${facts}</div></body></html>`;
}

export interface HelpNumbers {
  helpline: { display: string };
  crisisLine: { number: string; name: string };
  emergencyNumber: string;
}

/** The helpline as one search record (same in both indexes). `aliases` are the site's synonyms for it. */
export function helplineRecordHtml(help: HelpNumbers, lang: string, aliases: readonly string[] = []): string {
  const text = `Helpline: call ${help.helpline.display}, free and confidential. ${help.crisisLine.name}: call or text ${help.crisisLine.number}. Emergency: call ${help.emergencyNumber}.`;
  const facts = [
    span('data-pagefind-meta="title"', 'Helpline'),
    ...(aliases.length ? [span('data-pagefind-meta="aliases"', aliases.join(', '))] : []),
    span(`data-pagefind-filter="${KIND_FILTER}"`, 'helpline'),
  ].join('');
  return `<!doctype html><html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"><title>Helpline</title></head><body data-pagefind-body><p>${escapeHtml(text)}</p><div data-pagefind-ignore>${facts}</div></body></html>`;
}

/**
 * Every word the full-text index holds (the page text Pagefind kept, titles, descriptions,
 * aliases) with the number of pages that have it, plus the words of `extraTerms` (synonyms) the
 * index lacks, with a count of 0. Metadata that is not text (image alt, dates) is left out on
 * purpose: the search page never sends a word that is not in this vocabulary.
 */
export function vocabularyFor(pages: readonly IndexedPage[], extraTerms: readonly string[] = []): WordCounts {
  const counts: WordCounts = new Map();
  for (const page of pages)
    countPage(counts, [
      page.content,
      ...(['title', 'description', 'aliases'] as const).map((key) => page.meta[key] ?? ''),
    ]);
  for (const term of extraTerms) addUnindexedWords(counts, term);
  return counts;
}
