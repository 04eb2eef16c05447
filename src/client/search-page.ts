// The search page (/search/): Pagefind's JS API (pagefind.js in a worker of our own,
// src/client/search-engine.ts; no component UI) under our own markup. What it does, in order, for each query:
// 1. reads the vocabulary letters the query needs and plans it (src/lib/search/query.ts): typos
//    corrected, stop words dropped, synonyms added, nonsense and one/two-letter prefixes refused;
// 2. searches the titles index, then the full text when that finds too little (src/lib/search/run.ts);
// 3. loads the data of the first results and shows them in one go, in space already laid out.
// The query, filters and sort live in the URL. Loaded only on /search/.

import { sameSiteHref } from '../lib/core/same-site.ts';
import { highlightSegments } from '../lib/search/highlight.ts';
import { HELPLINE_URL, KIND_FILTER } from '../lib/search/index-pages.ts';
import { planQuery, type QueryPlan, shardsFor } from '../lib/search/query.ts';
import { type SearchEngine as RunEngine, runSearch, type Tier } from '../lib/search/run.ts';
import { synonymSteps, synonymVariants } from '../lib/search/synonyms.ts';
import { Lexicon, parseShard } from '../lib/search/vocabulary.ts';
import { tokenize } from '../lib/search/words.ts';
import { type Filters, loadEngine, type PagefindResult, type ResultData, type SearchEngine } from './search-engine.ts';

const BUNDLE = '/pagefind/';
const FILTERS = ['category', 'substance'] as const;
const SORTS: Record<string, Record<string, 'asc' | 'desc'>> = { reviewed: { last_reviewed: 'desc' } };
const FIRST_PAGE = 5;
const NEXT_PAGE = 10;
const TYPING_PAUSE_MS = 200;
const MAX_SECTIONS = 3;
/**
 * Metadata weights per index. Titles: the title counts most, then what readers also call the page
 * (aliases), then its summary. Text: the body is ranked by Pagefind (BM25 with heading weights);
 * metadata adds to it. Image alt text is metadata Pagefind adds by itself: it must not rank.
 */
const RANKING: Record<Tier, Record<string, unknown>> = {
  titles: { metaWeights: { title: 6, aliases: 6, description: 2 } },
  text: { metaWeights: { title: 5, aliases: 6, description: 1, image: 0, image_alt: 0 } },
};
const LOCALE = document.documentElement.lang || 'en-US';

/** Lets the browser paint and handle input between steps (on a slow phone, each is a task of its own). */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

interface State {
  q: string;
  filters: Filters;
  sort: string;
  /** The reader chose "search instead for": no corrections. */
  verbatim: boolean;
}

function readUrl(href = window.location.href): State {
  const params = new URL(href, window.location.href).searchParams;
  const filters: Filters = {};
  for (const name of FILTERS) {
    const value = params.get(name);
    if (value) filters[name] = value;
  }
  const sort = params.get('sort') ?? '';
  return {
    q: (params.get('q') ?? '').trim(),
    filters,
    sort: sort in SORTS ? sort : '',
    verbatim: params.get('spell') === 'off',
  };
}

function urlFor(state: State): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const name of FILTERS) if (state.filters[name]) params.set(name, state.filters[name]);
  if (state.sort) params.set('sort', state.sort);
  if (state.verbatim && state.q) params.set('spell', 'off');
  const query = params.toString();
  return `${window.location.pathname}${query ? `?${query}` : ''}`;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Pagefind's excerpts are escaped text with <mark> around matches: keep the marks, nothing else. */
function excerptNode(html: string, className: string): HTMLParagraphElement {
  const paragraph = element('p', className);
  const template = document.createElement('template');
  template.innerHTML = html;
  for (const node of template.content.childNodes) {
    if (node.nodeName === 'MARK') paragraph.append(element('mark', '', node.textContent ?? ''));
    else paragraph.append(node.textContent ?? '');
  }
  return paragraph;
}

function highlighted(text: string, terms: readonly string[], className: string): HTMLParagraphElement {
  const paragraph = element('p', className);
  for (const segment of highlightSegments(text, terms))
    paragraph.append(segment.mark ? element('mark', '', segment.text) : segment.text);
  return paragraph;
}

/** Only same-site paths become links (`//host`, `/\\host`, `javascript:` fall back to search). */
const safeHref = (url: string) => sameSiteHref(url, '/search/');

function searchLink(state: State, text: string): HTMLAnchorElement {
  const link = element('a', '', text);
  link.href = urlFor(state);
  return link;
}

class SearchPage {
  private pagefind?: Promise<SearchEngine>;
  private textMerged?: Promise<void>;
  private readonly lexicon = new Lexicon();
  private readonly shards = new Map<string, Promise<void>>();
  private readonly synonyms: Map<string, string>;
  private fullText = false;
  private run = 0;
  private hits: PagefindResult[] = [];
  private shown = 0;
  private tier: Tier = 'titles';
  private terms: string[] = [];
  private state: State;

  private readonly root: HTMLElement;
  private readonly form: HTMLFormElement;
  private readonly input: HTMLInputElement;
  private readonly status: HTMLElement;
  private readonly list: HTMLOListElement;
  private readonly more: HTMLButtonElement;
  private readonly fullTextButton: HTMLButtonElement;
  private readonly unavailable: HTMLElement;
  private readonly helpline: HTMLTemplateElement | null;

  constructor(
    root: HTMLElement,
    form: HTMLFormElement,
    input: HTMLInputElement,
    status: HTMLElement,
    list: HTMLOListElement,
    more: HTMLButtonElement,
    fullTextButton: HTMLButtonElement,
    unavailable: HTMLElement,
    helpline: HTMLTemplateElement | null,
  ) {
    this.root = root;
    this.form = form;
    this.input = input;
    this.status = status;
    this.list = list;
    this.more = more;
    this.fullTextButton = fullTextButton;
    this.unavailable = unavailable;
    this.helpline = helpline;
    let groups: Array<[string, string[]]> = [];
    try {
      groups = JSON.parse(root.dataset.synonyms ?? '[]');
    } catch {
      // Unreadable synonyms only cost the rewrites.
    }
    this.synonyms = synonymSteps(groups.map(([term, aliases]) => ({ term, aliases })));
    this.state = readUrl();
  }

  private get version(): string {
    return this.root.dataset.indexVersion ?? '';
  }

  private engine(): Promise<SearchEngine> {
    this.pagefind ??= loadEngine(
      `${BUNDLE}pagefind.js`,
      {
        basePath: BUNDLE,
        excerptLength: 30,
        ranking: RANKING.titles,
        mergeFilter: { tier: 'titles' },
        ...(this.version && { metaCacheTag: this.version }),
      },
      LOCALE,
    );
    return this.pagefind;
  }

  /** The full text joins the search the first time a query needs it. */
  private async withText(): Promise<SearchEngine> {
    const pagefind = await this.engine();
    this.textMerged ??= pagefind.mergeIndex(`${BUNDLE}text/`, {
      mergeFilter: { tier: 'text' },
      ranking: RANKING.text,
      ...(this.version && { metaCacheTag: this.version }),
    });
    await this.textMerged;
    return pagefind;
  }

  private loadShard(key: string): Promise<void> {
    let loading = this.shards.get(key);
    if (!loading) {
      loading = fetch(`${BUNDLE}vocabulary/${key}.txt${this.version ? `?v=${this.version}` : ''}`)
        .then((response) => (response.ok ? response.text() : ''))
        .catch(() => '')
        .then((text) => this.lexicon.addShard(key, parseShard(text)));
      this.shards.set(key, loading);
    }
    return loading;
  }

  private async plan(q: string, verbatim: boolean): Promise<QueryPlan> {
    // The words of every synonym step may need checking too (Xanax → benzodiazepines).
    const words = synonymVariants(tokenize(q), this.synonyms).flat().join(' ');
    await Promise.all(shardsFor(words).map((key) => this.loadShard(key)));
    let plan = planQuery(q, this.lexicon, { synonyms: this.synonyms, verbatim });
    for (let round = 0; plan.missingShards.length && round < 2; round++) {
      await Promise.all(plan.missingShards.map((key) => this.loadShard(key)));
      plan = planQuery(q, this.lexicon, { synonyms: this.synonyms, verbatim });
    }
    return plan;
  }

  private searchEngine(state: State): RunEngine<PagefindResult> {
    return {
      search: async (query, tier) => {
        const pagefind = tier === 'text' ? await this.withText() : await this.engine();
        // A list without a query is in review order (the helpline record has no date, so it is left out).
        const sort = SORTS[state.sort] ?? (query === null ? SORTS.reviewed : {});
        return pagefind.search(query, { filters: { ...state.filters, tier }, sort });
      },
    };
  }

  private setStatus(...parts: Array<string | Node>): void {
    this.status.replaceChildren(...parts);
  }

  async update(state: State, options: { pushUrl?: boolean } = {}): Promise<void> {
    const run = ++this.run;
    this.state = state;
    const next = urlFor(state);
    if (next !== `${window.location.pathname}${window.location.search}`) {
      if (options.pushUrl) history.pushState(null, '', next);
      else history.replaceState(null, '', next);
    }
    const browsing = !state.q && (Object.keys(state.filters).length > 0 || state.sort !== '');
    if (!state.q && !browsing) return this.show(run, [], 'titles', () => this.setStatus());

    let plan: QueryPlan | null = null;
    try {
      if (state.q) {
        // The index files for the words as typed load while the vocabulary does (a typo sorts next to its fix).
        if (!this.fullText)
          void this.engine()
            .then((engine) => engine.preload(state.q))
            .catch(() => {});
        plan = await this.plan(state.q, state.verbatim);
        if (run !== this.run) return;
        if (plan.tooShort)
          return this.show(run, [], 'titles', () =>
            this.setStatus('Type at least 3 letters of a word to search, or choose a topic or substance.'),
          );
        if (plan.variants.length === 0 && !plan.phrase) return this.show(run, [], 'titles', () => this.noMatch(plan));
      }
      const result = await runSearch(plan, this.searchEngine(state), {
        sorted: state.sort !== '',
        fullText: this.fullText,
      });
      if (run !== this.run) return;
      if (result.tier === 'text') this.fullText = true;
      this.terms = plan ? [...new Set(plan.variants.flat())] : [];
      const hits = result.hits;
      await this.show(run, hits, result.tier, () =>
        hits.length ? this.summary(state, plan, hits.length, result.partial) : this.noMatch(plan),
      );
    } catch (error) {
      if (run !== this.run) return;
      console.error(error);
      this.unavailable.hidden = false;
    }
  }

  private summary(state: State, plan: QueryPlan | null, count: number, partial: boolean): void {
    const parts: Array<string | Node> = [];
    const noun = count === 1 ? 'result' : 'results';
    if (!plan) {
      const scope = [state.filters.category, state.filters.substance].filter(Boolean).join(', ');
      this.setStatus(
        `${count} ${count === 1 ? 'article' : 'articles'}${scope ? ` in ${scope}` : ''}, most recently reviewed first.`,
      );
      return;
    }
    if (plan.corrections.length) {
      const line = element('span', 'search-status__line');
      const instead = { ...state, verbatim: true };
      line.append(
        'Showing results for ',
        element('strong', '', plan.corrected),
        '; search instead for ',
        searchLink(instead, plan.input),
        '.',
      );
      parts.push(line);
    }
    const counted = element('span', 'search-status__line');
    counted.append(
      `${count} ${noun} for `,
      element('strong', '', plan.corrections.length ? plan.corrected : plan.input),
    );
    if (partial) counted.append(' (no article has all of these words: these have some of them)');
    counted.append('.');
    parts.push(counted);
    if (plan.unmatched.length)
      parts.push(
        element('span', 'search-status__line', `No match for ${plan.unmatched.join(', ')}, so it was left out.`),
      );
    this.setStatus(...parts);
  }

  private noMatch(plan: QueryPlan | null): void {
    const line = element('span', 'search-status__line');
    if (plan) line.append('No articles match ', element('strong', '', plan.input), '. ');
    else line.append('No articles match these filters. ');
    const az = element('a', '', 'every article from A to Z');
    az.href = '/a-z/';
    const topics = element('a', '', 'the topic pages');
    topics.href = '/categories/';
    line.append('Try other words, or look through ', az, ' or ', topics, '.');
    this.setStatus(line);
  }

  /** Renders the first page of `hits` (their data loaded first), then the status, in one frame. */
  private async show(run: number, hits: PagefindResult[], tier: Tier, status: () => void): Promise<void> {
    const items = await this.render(hits.slice(0, FIRST_PAGE), tier);
    if (run !== this.run) return;
    this.hits = hits;
    this.tier = tier;
    this.shown = items.length;
    status();
    this.list.replaceChildren(...items);
    this.updateActions();
  }

  private updateActions(): void {
    this.more.hidden = this.shown >= this.hits.length;
    this.fullTextButton.hidden = !(this.state.q && this.tier === 'titles');
  }

  private async showMore(): Promise<void> {
    const run = this.run;
    const from = this.shown;
    const items = await this.render(this.hits.slice(from, from + NEXT_PAGE), this.tier);
    if (run !== this.run) return;
    this.list.append(...items);
    this.shown = from + items.length;
    this.updateActions();
    items[0]?.querySelector('a')?.focus();
  }

  private async render(hits: PagefindResult[], tier: Tier): Promise<HTMLLIElement[]> {
    const data = await Promise.all(hits.map((hit) => hit.data()));
    await nextTask();
    return data.map((result) => this.card(result, tier));
  }

  private card(result: ResultData, tier: Tier): HTMLLIElement {
    if (result.url === HELPLINE_URL || result.filters?.[KIND_FILTER]?.[0] === 'helpline') {
      const card = this.helpline?.content.firstElementChild?.cloneNode(true);
      if (card instanceof HTMLLIElement) return card;
    }
    const title = result.meta.title ?? result.url;
    const item = element('li', 'search-result');
    const heading = element('h2', 'search-result__title');
    const link = element('a', 'search-result__link', title);
    link.href = safeHref(result.url);
    heading.append(link);
    item.append(heading);

    const facts: string[] = [];
    const category = result.filters?.category?.[0];
    if (category) facts.push(category);
    const named = result.filters?.reviewer?.[0];
    // A sample reviewer is labelled wherever their name stands for a review, as in the byline.
    const reviewer =
      named && result.filters?.reviewer_sample?.[0] === 'yes' ? `${named} (fictional sample reviewer)` : named;
    if (reviewer && result.reviewedOn) facts.push(`Medically reviewed by ${reviewer} on ${result.reviewedOn}`);
    else if (reviewer) facts.push(`Medically reviewed by ${reviewer}`);
    if (facts.length) item.append(element('p', 'search-result__meta', facts.join(' · ')));

    // The titles index holds no body text: its summary is the page's description.
    if (tier === 'text' && this.state.q && result.excerpt)
      item.append(excerptNode(result.excerpt, 'search-result__excerpt'));
    else if (result.meta.description)
      item.append(highlighted(result.meta.description, this.state.q ? this.terms : [], 'search-result__excerpt'));

    const sections = this.state.q
      ? (result.sub_results ?? []).filter((section) => section.anchor).slice(0, MAX_SECTIONS)
      : [];
    if (sections.length) {
      const list = element('ul', 'search-result__sections');
      list.setAttribute('aria-label', `Matching sections of ${title}`);
      for (const section of sections) {
        const entry = element('li', 'search-result__section');
        const sectionLink = element('a', 'search-result__section-link', section.title);
        sectionLink.href = safeHref(section.url);
        entry.append(sectionLink);
        if (tier === 'text' && section.excerpt)
          entry.append(excerptNode(section.excerpt, 'search-result__section-excerpt'));
        list.append(entry);
      }
      item.append(list);
    }
    return item;
  }

  private formState(): State {
    const data = new FormData(this.form);
    const filters: Filters = {};
    for (const name of FILTERS) {
      const value = String(data.get(name) ?? '');
      if (value) filters[name] = value;
    }
    const sort = String(data.get('sort') ?? '');
    const q = String(data.get('q') ?? '').trim();
    return { q, filters, sort: sort in SORTS ? sort : '', verbatim: this.state.verbatim && q === this.state.q };
  }

  private fillForm(state: State): void {
    this.input.value = state.q;
    for (const name of [...FILTERS, 'sort'] as const) {
      const select = this.form.elements.namedItem(name);
      if (select instanceof HTMLSelectElement)
        select.value = name === 'sort' ? state.sort : (state.filters[name] ?? '');
    }
  }

  start(): void {
    this.fillForm(this.state);
    let typing: ReturnType<typeof setTimeout> | undefined;
    this.input.addEventListener('input', () => {
      clearTimeout(typing);
      typing = setTimeout(() => void this.update(this.formState()), TYPING_PAUSE_MS);
    });
    this.form.addEventListener('change', (event) => {
      if (event.target instanceof HTMLSelectElement) void this.update(this.formState());
    });
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      clearTimeout(typing);
      void this.update(this.formState());
    });
    this.status.addEventListener('click', (event) => {
      const link = event.target instanceof Element ? event.target.closest('a') : null;
      if (!link || new URL(link.href).pathname !== window.location.pathname) return;
      event.preventDefault();
      const state = readUrl(link.href);
      this.fillForm(state);
      void this.update(state, { pushUrl: true });
    });
    this.more.addEventListener('click', () => void this.showMore());
    this.fullTextButton.addEventListener('click', () => {
      this.fullText = true;
      void this.update(this.state);
    });
    // Arrow keys move from the box through the result titles, like a list of suggestions.
    this.root.addEventListener('keydown', (event) => {
      if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
      const links = [...this.list.querySelectorAll<HTMLAnchorElement>('.search-result__link, .search-result--help a')];
      const at = links.indexOf(document.activeElement as HTMLAnchorElement);
      if (document.activeElement === this.input && event.key === 'ArrowDown' && links.length) {
        event.preventDefault();
        links[0].focus();
      } else if (at >= 0) {
        event.preventDefault();
        const target = event.key === 'ArrowDown' ? links[at + 1] : (links[at - 1] ?? this.input);
        target?.focus();
      }
    });
    window.addEventListener('popstate', () => {
      const state = readUrl();
      this.fillForm(state);
      void this.update(state);
    });
    // Warm the engine while the reader types; a failure shows the notice.
    this.engine().catch(() => {
      this.unavailable.hidden = false;
    });
    void this.update(this.state);
  }
}

export function initSearchPage(): void {
  const root = document.querySelector<HTMLElement>('[data-search]');
  const form = root?.querySelector<HTMLFormElement>('[data-search-form]');
  const input = form?.querySelector<HTMLInputElement>('input[name="q"]');
  const status = root?.querySelector<HTMLElement>('[data-search-status]');
  const list = root?.querySelector<HTMLOListElement>('[data-search-results]');
  const more = root?.querySelector<HTMLButtonElement>('[data-search-more]');
  const fullText = root?.querySelector<HTMLButtonElement>('[data-search-full-text]');
  const unavailable = root?.querySelector<HTMLElement>('[data-search-unavailable]');
  if (!root || !form || !input || !status || !list || !more || !fullText || !unavailable) return;
  const helpline = root.querySelector<HTMLTemplateElement>('[data-helpline-card]');
  new SearchPage(root, form, input, status, list, more, fullText, unavailable, helpline).start();
}
