// Preview panes that look like the real pages (the site's own stylesheet is loaded into them):
// the same byline, table of contents, body, helpline box, sources, disclaimer and review dates as
// src/pages/articles/[slug].astro, with the numbers from site settings.
import { nameWithCredentials } from '../lib/content/people.ts';
import { formatDate, isPlainDate } from '../lib/core/dates.ts';
import { CATEGORIES, type CategoryId } from '../schemas/categories.ts';
import { helplineBox, renderBody, tableOfContents } from './body-render.ts';
import { createClass, type Element, h, type ImmutableMap, type PreviewProps, toJs } from './decap.ts';
import { knownPeople, site } from './people.ts';

interface Source {
  title?: string;
  url?: string;
  publisher?: string;
  year?: number;
  accessed?: string;
}

const longDate = (date: unknown) => (isPlainDate(date) ? formatDate(date, site().locale) : String(date || '—'));

/** A person as the byline prints them: from the picker's data when it has loaded, else the people list. */
function personName(props: PreviewProps, field: string, id: unknown): string | undefined {
  if (typeof id !== 'string' || !id) return undefined;
  const meta = props.fieldsMetaData?.getIn([field, 'people', id]) as ImmutableMap | undefined;
  if (meta?.get)
    return nameWithCredentials({
      name: String(meta.get('name')),
      credentials: toJs<string[]>(meta.get('credentials')) ?? [],
    });
  const known = knownPeople().get(id);
  return known ? nameWithCredentials(known) : id;
}

interface Preview {
  props: PreviewProps;
}

/** "✓ Medically reviewed by … on …" only once a reviewer and a review date are set, as on the site. */
function byline(reviewer: string | undefined, lastReviewed: unknown, author: string | undefined): Element {
  const reviewed = reviewer && isPlainDate(lastReviewed);
  return h(
    'div',
    { className: 'byline' },
    reviewed
      ? h(
          'p',
          { className: 'byline__reviewed' },
          h('span', { className: 'byline__badge', 'aria-hidden': 'true' }, '✓'),
          ' Medically reviewed by ',
          h('a', { className: 'byline__reviewer' }, reviewer),
          ` on ${longDate(lastReviewed)}. `,
          h('a', null, 'How we review pages'),
        )
      : h(
          'p',
          { className: 'sg-preview-unreviewed' },
          'Not medically reviewed yet: choose a medical reviewer and record the review. The page cannot be published without it.',
        ),
    h(
      'p',
      { className: 'byline__author' },
      'Written by ',
      h('a', { className: 'byline__author-name' }, author ?? '(no author chosen yet)'),
    ),
  );
}

function disclaimer(): Element {
  const { emergencyNumber, crisisLine } = site();
  return h(
    'div',
    { className: 'disclaimer' },
    h(
      'p',
      null,
      h('strong', null, 'This page is not a substitute for professional medical advice.'),
      ' It explains general information. Talk to a doctor or pharmacist before you start, stop or change any medicine.',
    ),
    emergencyNumber && crisisLine
      ? h(
          'p',
          null,
          h('strong', null, 'If someone is in danger now'),
          `, for example they have a seizure, cannot be woken or are struggling to breathe, call ${emergencyNumber}. If you are thinking about harming yourself, call or text ${crisisLine.number}.`,
        )
      : null,
  );
}

const ArticlePreview = createClass({
  render(this: Preview) {
    const { props } = this;
    const data = props.entry.get('data') as ImmutableMap;
    const get = <T = unknown>(key: string) => toJs<T>(data.get(key));
    const hero = get<{ image?: string; alt?: string } | undefined>('hero');
    const heroSrc = hero?.image ? props.getAsset(hero.image) : null;
    const takeaways = get<string[] | undefined>('keyTakeaways') ?? [];
    const sources = get<Source[] | undefined>('sources') ?? [];
    const category = get<string>('category');
    const label = CATEGORIES[category as CategoryId]?.label ?? category;
    const body = renderBody(get<string>('body') ?? '', {
      site: site(),
      assetUrl: (path) => props.getAsset(path).toString(),
    });
    const dateRow = (term: string, date: unknown): Element =>
      h('div', null, h('dt', null, term), h('dd', null, longDate(date)));
    return h(
      'div',
      { className: 'container article-layout' },
      get('draft') ? h('p', { className: 'sg-preview-draft' }, 'Draft: this page is not built into the site.') : null,
      h(
        'nav',
        { className: 'breadcrumbs', 'aria-label': 'Breadcrumb' },
        h('ol', null, h('li', null, 'Home'), h('li', null, label || 'Category')),
      ),
      h(
        'article',
        { className: 'article' },
        h(
          'header',
          { className: 'article__header' },
          h('h1', null, get('title') || 'Untitled'),
          h('p', { className: 'article__lede' }, get('description')),
          byline(
            personName(props, 'reviewer', get('reviewer')),
            get('lastReviewed'),
            personName(props, 'author', get('author')),
          ),
        ),
        heroSrc ? h('img', { className: 'article__hero', src: heroSrc.toString(), alt: hero?.alt ?? '' }) : null,
        takeaways.length
          ? h(
              'section',
              { className: 'key-takeaways' },
              h('h2', { className: 'key-takeaways__heading' }, 'Key takeaways'),
              h('ul', null, ...takeaways.map((t, i) => h('li', { key: i }, t))),
            )
          : null,
        tableOfContents(body.headings),
        h('div', { className: 'prose' }, ...body.elements),
        body.hasHelpline ? null : helplineBox(site()),
        sources.length
          ? h(
              'section',
              { className: 'sources' },
              h('h2', { id: 'sources' }, 'Sources'),
              h(
                'ol',
                { className: 'sources__list' },
                ...sources.map((s, i) =>
                  h(
                    'li',
                    { key: i, id: `source-${i + 1}` },
                    h('cite', null, h('a', { href: s.url, rel: 'noopener' }, s.title)),
                    `. ${s.publisher ?? ''}, ${s.year ?? ''}. Accessed ${longDate(s.accessed)}.`,
                  ),
                ),
              ),
            )
          : null,
        disclaimer(),
        h(
          'dl',
          { className: 'review-dates' },
          dateRow('Page last reviewed', get('lastReviewed')),
          dateRow('Next review due', get('nextReviewDue')),
          dateRow('First published', get('published')),
          get('updated') && get('updated') !== get('published') ? dateRow('Last updated', get('updated')) : null,
        ),
      ),
    );
  },
});

const PersonPreview = createClass({
  render(this: Preview) {
    const data =
      toJs<{
        name?: string;
        credentials?: string[];
        jobTitle?: string;
        sample?: boolean;
        bio?: string;
        roles?: string[];
      }>(this.props.entry.get('data')) ?? {};
    return h(
      'div',
      { className: 'container' },
      h('h1', null, [data.name, ...(data.credentials ?? [])].join(', ')),
      h('p', { className: 'article__lede' }, data.jobTitle),
      data.sample ? h('p', null, h('strong', null, 'Fictional sample person.')) : null,
      h('p', null, data.bio),
      data.roles?.length ? h('p', null, `Roles: ${data.roles.join(', ')}`) : null,
    );
  },
});

const PagePreview = createClass({
  render(this: Preview) {
    const data = this.props.entry.get('data') as ImmutableMap;
    return h(
      'div',
      { className: 'container' },
      h(
        'article',
        { className: 'article' },
        h('h1', null, data.get('title')),
        h('p', { className: 'article__lede' }, data.get('description')),
        h(
          'div',
          { className: 'prose' },
          ...renderBody(String(data.get('body') ?? ''), {
            site: site(),
            assetUrl: (path) => this.props.getAsset(path).toString(),
          }).elements,
        ),
      ),
    );
  },
});

export const PREVIEWS = { articles: ArticlePreview, people: PersonPreview, pages: PagePreview };
