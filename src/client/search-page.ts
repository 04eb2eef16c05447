// Wires Pagefind's component UI on /search/ to the site: the query and filters live in the URL,
// results render with the site's own markup (title, topic, reviewer, review date, matching
// sections), and a sort control switches to "most recently reviewed". Loaded only on /search/.
import { formatDate, isPlainDate } from '../lib/core/dates.ts';
import { sameSiteHref } from '../lib/core/same-site.ts';

interface SubResult {
  title: string;
  url: string;
  excerpt: string;
}
interface ResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters?: Record<string, string[]>;
  sub_results?: SubResult[];
}
type Filters = Record<string, string[]>;
interface Instance {
  searchTerm: string;
  searchFilters: Filters;
  searchSort: Record<string, 'asc' | 'desc'>;
  on(event: string, callback: (...args: never[]) => void, owner?: unknown): void;
  triggerSearch(term: string): void;
  triggerSearchWithFilters(term: string, filters: Filters): void;
  getDisplaySubResults(result: ResultData, max: number): SubResult[];
}
declare global {
  interface Window {
    PagefindComponents?: { getInstanceManager(): { getInstance(name?: string): Instance } };
  }
}

const FILTERS = ['category', 'substance'];
const SORTS: Record<string, Instance['searchSort']> = { reviewed: { last_reviewed: 'desc' } };
const LOCALE = document.documentElement.lang || 'en-US';

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Pagefind's excerpts are escaped text with <mark> around matches: keep the marks, nothing else. */
function excerptNode(html: string, className: string): HTMLParagraphElement {
  const paragraph = element('p', className);
  const template = document.createElement('template');
  template.innerHTML = html;
  for (const node of template.content.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) paragraph.append(node.textContent ?? '');
    else if (node.nodeName === 'MARK') paragraph.append(element('mark', '', node.textContent ?? ''));
    else paragraph.append(node.textContent ?? '');
  }
  return paragraph;
}

/** Only same-site paths become links (`//host`, `/\\host`, `javascript:` fall back to search). */
function safeHref(url: string): string {
  return sameSiteHref(url, '/search/');
}

export function renderResult(result: ResultData, instance: Instance): HTMLLIElement {
  const item = element('li', 'search-result');
  const title = element('h2', 'search-result__title');
  const link = element('a', 'search-result__link', result.meta.title ?? result.url);
  link.href = safeHref(result.meta.url ?? result.url);
  title.append(link);
  item.append(title);

  const facts: string[] = [];
  const category = result.filters?.category?.[0];
  if (category) facts.push(category);
  const reviewed = result.meta.last_reviewed;
  const reviewer = result.meta.reviewer;
  if (reviewer && reviewed && isPlainDate(reviewed))
    facts.push(`Medically reviewed by ${reviewer} on ${formatDate(reviewed, LOCALE)}`);
  else if (reviewer) facts.push(`Medically reviewed by ${reviewer}`);
  if (facts.length) item.append(element('p', 'search-result__meta', facts.join(' · ')));
  if (result.excerpt) item.append(excerptNode(result.excerpt, 'search-result__excerpt'));

  const sections = instance.getDisplaySubResults(result, 3);
  if (sections.length) {
    const list = element('ul', 'search-result__sections');
    list.setAttribute('aria-label', `Matching sections of ${result.meta.title ?? 'this article'}`);
    for (const section of sections) {
      const entry = element('li', 'search-result__section');
      const sectionLink = element('a', 'search-result__section-link', section.title);
      sectionLink.href = safeHref(section.url);
      entry.append(sectionLink);
      if (section.excerpt) entry.append(excerptNode(section.excerpt, 'search-result__section-excerpt'));
      list.append(entry);
    }
    item.append(list);
  }
  return item;
}

function readUrl(): { term: string; filters: Filters; sort: string } {
  const params = new URLSearchParams(window.location.search);
  const filters: Filters = {};
  for (const name of FILTERS) {
    const values = params.getAll(name).filter(Boolean);
    if (values.length) filters[name] = values;
  }
  const sort = params.get('sort') ?? '';
  return { term: (params.get('q') ?? '').trim(), filters, sort: sort in SORTS ? sort : '' };
}

function writeUrl(term: string, filters: Filters, sort: string): void {
  const params = new URLSearchParams();
  if (term) params.set('q', term);
  for (const name of FILTERS) for (const value of filters[name] ?? []) params.append(name, value);
  if (sort) params.set('sort', sort);
  const query = params.toString();
  const next = `${window.location.pathname}${query ? `?${query}` : ''}`;
  if (next !== `${window.location.pathname}${window.location.search}`) history.replaceState(null, '', next);
}

function whenComponentsLoaded(): Promise<NonNullable<Window['PagefindComponents']>> {
  return new Promise((resolve, reject) => {
    if (window.PagefindComponents) return resolve(window.PagefindComponents);
    // The component UI is a deferred classic script; it normally runs before this module.
    window.addEventListener(
      'load',
      () =>
        window.PagefindComponents ? resolve(window.PagefindComponents) : reject(new Error('Pagefind UI did not load')),
      { once: true },
    );
  });
}

/**
 * Pagefind's filter dropdown triggers have role="combobox", which takes no name from its
 * text, so screen readers (and axe's button-name rule) find them unnamed. Name each one
 * after its visible label as it appears.
 */
function nameFilterTriggers(root: ParentNode): void {
  const name = () => {
    for (const trigger of root.querySelectorAll<HTMLElement>('.pf-dropdown-trigger:not([aria-label])')) {
      const label = trigger.querySelector('.pf-dropdown-trigger-label')?.textContent?.trim();
      if (label) trigger.setAttribute('aria-label', `Filter by ${label.toLowerCase()}`);
    }
  };
  name();
  new MutationObserver(name).observe(root as Node, { childList: true, subtree: true });
}

export async function initSearchPage(): Promise<void> {
  const ui = document.querySelector<HTMLElement>('[data-search-ui]');
  const unavailable = document.querySelector<HTMLElement>('[data-search-unavailable]');
  const sortSelect = document.querySelector<HTMLSelectElement>('[data-search-sort]');
  const resultsEl = document.querySelector('pagefind-results') as
    | (HTMLElement & { resultTemplate?: (result: ResultData) => HTMLElement })
    | null;
  if (!ui || !unavailable || !sortSelect || !resultsEl) return;
  const showUnavailable = () => {
    unavailable.hidden = false;
    ui.hidden = true;
  };

  let components;
  try {
    components = await whenComponentsLoaded();
  } catch {
    return showUnavailable();
  }
  const instance = components.getInstanceManager().getInstance('default');
  nameFilterTriggers(ui);
  resultsEl.resultTemplate = (result) => renderResult(result, instance);
  instance.on('error', showUnavailable);

  const initial = readUrl();
  let sort = initial.sort;
  sortSelect.value = sort;
  instance.searchSort = SORTS[sort] ?? {};
  instance.on('search', (term: string, filters: Filters) => writeUrl(term.trim(), filters ?? {}, sort));
  sortSelect.addEventListener('change', () => {
    sort = sortSelect.value in SORTS ? sortSelect.value : '';
    instance.searchSort = SORTS[sort] ?? {};
    instance.triggerSearchWithFilters(instance.searchTerm, instance.searchFilters ?? {});
  });

  ui.hidden = false;
  if (initial.term || Object.keys(initial.filters).length)
    instance.triggerSearchWithFilters(initial.term, initial.filters);
}
