// Preview panes that look like the real pages (the site's own stylesheet is loaded into them).
import { formatDate, isPlainDate } from '../lib/core/dates.ts';
import { CATEGORIES, type CategoryId } from '../schemas/categories.ts';
import { createClass, type Element, h, type ImmutableMap, type PreviewProps, toJs } from './decap.ts';

interface Source {
  title?: string;
  url?: string;
  publisher?: string;
  year?: number;
  accessed?: string;
}

const longDate = (date: unknown) => (isPlainDate(date) ? formatDate(date, 'en-US') : String(date || '—'));

function personName(props: PreviewProps, field: string, id: unknown): string {
  const meta = props.fieldsMetaData?.getIn([field, 'people', String(id)]) as ImmutableMap | undefined;
  if (meta?.get) return [meta.get('name'), ...toJs<string[]>(meta.get('credentials') ?? [])].join(', ');
  return typeof id === 'string' && id ? id : '(not chosen yet)';
}

interface Preview {
  props: PreviewProps;
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
          h(
            'div',
            { className: 'byline' },
            h(
              'p',
              { className: 'byline__reviewed' },
              h('span', { className: 'byline__badge', 'aria-hidden': 'true' }, '✓'),
              ' Medically reviewed by ',
              h('a', { className: 'byline__reviewer' }, personName(props, 'reviewer', get('reviewer'))),
              ` on ${longDate(get('lastReviewed'))}. `,
              h('a', null, 'How we review pages'),
            ),
            h(
              'p',
              { className: 'byline__author' },
              'Written by ',
              h('a', { className: 'byline__author-name' }, personName(props, 'author', get('author'))),
            ),
          ),
        ),
        heroSrc ? h('img', { className: 'article__hero', src: heroSrc.toString(), alt: hero?.alt ?? '' }) : null,
        takeaways.length
          ? h(
              'section',
              { className: 'key-takeaways' },
              h('h2', { className: 'key-takeaways__heading' }, 'Key takeaways'),
              h(
                'ul',
                null,
                takeaways.map((t, i) => h('li', { key: i }, t)),
              ),
            )
          : null,
        h('div', { className: 'prose' }, props.widgetFor('body')),
        sources.length
          ? h(
              'section',
              { className: 'sources' },
              h('h2', null, 'Sources'),
              h(
                'ol',
                { className: 'sources__list' },
                sources.map((s, i) =>
                  h(
                    'li',
                    { key: i },
                    h('cite', null, h('a', { href: s.url, rel: 'noopener' }, s.title)),
                    `. ${s.publisher ?? ''}, ${s.year ?? ''}. Accessed ${longDate(s.accessed)}.`,
                  ),
                ),
              ),
            )
          : null,
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
        h('div', { className: 'prose' }, this.props.widgetFor('body')),
      ),
    );
  },
});

export const PREVIEWS = { articles: ArticlePreview, people: PersonPreview, pages: PagePreview };
