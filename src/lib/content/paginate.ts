// Splitting long lists over several static pages, so no page grows with the number of articles
// (issue 14: no built HTML page over 200 KB at 10,000 articles). The sizes below keep each page
// well under that: measured at about 130 B per A–Z link, 600 B per card, 500 B per dashboard row,
// plus some 12 KB of layout (docs/benchmarks.md, "Pages that stay light").

/** Titles per A–Z letter page (about 55 KB of links). */
export const A_Z_PAGE_SIZE = 400;
/** Titles shown under each letter on /a-z/ itself, before "all N under B". */
export const A_Z_PREVIEW_SIZE = 8;
/** Article cards per topic page or per person's list page (about 30 KB of cards). */
export const CARD_PAGE_SIZE = 48;
/** Cards shown on a person's profile for each role, before "all N articles reviewed". */
export const PROFILE_PREVIEW_SIZE = 6;
/** Rows per review dashboard page (about 50 KB of table). */
export const DASHBOARD_PAGE_SIZE = 100;

export interface ListPage<T> {
  /** 1-based. */
  number: number;
  /** How many pages the list has (at least 1, even for an empty list). */
  total: number;
  items: T[];
}

/** The list cut into pages of `pageSize`; an empty list still has one (empty) page. */
export function paginate<T>(items: readonly T[], pageSize: number): ListPage<T>[] {
  if (!Number.isInteger(pageSize) || pageSize < 1)
    throw new Error(`paginate: pageSize must be a whole number ≥ 1, got ${pageSize}`);
  const total = Math.max(1, Math.ceil(items.length / pageSize));
  return Array.from({ length: total }, (_, index) => ({
    number: index + 1,
    total,
    items: items.slice(index * pageSize, (index + 1) * pageSize),
  }));
}

/** `/a-z/b/` for page 1, `/a-z/b/2/` after: page 1 keeps the list's own address. */
export function pagedPath(basePath: string, pageNumber: number): string {
  if (!basePath.startsWith('/') || !basePath.endsWith('/'))
    throw new Error(`pagedPath: expected /a/path/, got "${basePath}"`);
  return pageNumber <= 1 ? basePath : `${basePath}${pageNumber}/`;
}

/** The `[...page]` route parameter for a page number: undefined for page 1 (the list's own address). */
export const pageParam = (pageNumber: number): string | undefined => (pageNumber <= 1 ? undefined : String(pageNumber));

/**
 * Page numbers to offer in a pagination bar: the first, the last and two either side of the
 * current one, with `null` where numbers are left out (shown as "…"). A bar stays short at 100 pages.
 */
export function pageWindow(current: number, total: number, around = 2): Array<number | null> {
  const shown = new Set([1, total]);
  for (let n = current - around; n <= current + around; n++) if (n >= 1 && n <= total) shown.add(n);
  const sorted = [...shown].sort((a, b) => a - b);
  const out: Array<number | null> = [];
  for (const [i, n] of sorted.entries()) {
    if (i > 0 && n - sorted[i - 1] > 1) out.push(n - sorted[i - 1] === 2 ? n - 1 : null);
    out.push(n);
  }
  return out;
}

/** " (page 2 of 5)" for titles, "" on a single or first page, so each page's title and description stay unique. */
export const pageSuffix = (page: { number: number; total: number }) =>
  page.number > 1 ? ` (page ${page.number} of ${page.total})` : '';
