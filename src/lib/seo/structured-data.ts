// schema.org JSON-LD built from the article record. Pure: the page passes in everything, so the
// structured data can be tested against the same values the reader sees.

import type { CategoryId } from '../../schemas/categories.ts';
import type { ArticleRecord, PersonRecord } from '../content/article-record.ts';
import { personPath } from '../core/urls.ts';

/** What structured data needs to know about a person: a PersonRecord has it all. */
export type SeoPerson = Pick<PersonRecord, 'id' | 'name' | 'credentials' | 'jobTitle'>;

export interface SeoSite {
  url: string; // canonical origin, e.g. https://steadyground.example.org
  siteName: string;
  locale: string;
  organisation: { name: string; url: string; contactEmail: string };
  logoUrl?: string;
}

type JsonLd = Record<string, unknown>;

/** A date-only value as a midnight-UTC timestamp with an explicit offset, as crawlers want. */
export function withUtcOffset(date: string): string {
  return `${date}T00:00:00+00:00`;
}

const absolute = (site: SeoSite, path: string) => new URL(path, site.url).href;

/** Words for an id like "alcohol" or "opioids": a display name. */
const displayName = (id: string) => id.replace(/-/g, ' ').replace(/^\w/, (c) => c.toUpperCase());

/** Substances that are not medicines get no Drug type (alcohol is a substance, not a drug product). */
const NOT_A_DRUG = new Set(['alcohol']);

/**
 * What the page is about: on withdrawal pages the condition ("Baclofen withdrawal"), on other
 * pages the medicines it covers.
 */
export function aboutEntities(article: { category: CategoryId; substances: readonly string[] }): JsonLd[] {
  if (article.category === 'withdrawal') {
    return article.substances.map((id) => ({ '@type': 'MedicalCondition', name: `${displayName(id)} withdrawal` }));
  }
  return article.substances
    .filter((id) => !NOT_A_DRUG.has(id))
    .map((id) => ({ '@type': 'Drug', name: displayName(id) }));
}

export function personJsonLd(person: SeoPerson, site: SeoSite): JsonLd {
  return {
    '@type': 'Person',
    '@id': `${absolute(site, personPath(person.id))}#person`,
    name: person.name,
    url: absolute(site, personPath(person.id)),
    jobTitle: person.jobTitle,
    ...(person.credentials.length > 0
      ? {
          honorificSuffix: person.credentials.join(', '),
          hasCredential: person.credentials.map((name) => ({ '@type': 'EducationalOccupationalCredential', name })),
        }
      : {}),
  };
}

export function organizationJsonLd(site: SeoSite): JsonLd {
  return {
    '@type': 'Organization',
    '@id': `${site.url}/#organization`,
    name: site.organisation.name,
    url: site.organisation.url,
    email: site.organisation.contactEmail,
    ...(site.logoUrl ? { logo: site.logoUrl } : {}),
  };
}

export function websiteJsonLd(site: SeoSite): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'WebSite',
    '@id': `${site.url}/#website`,
    name: site.siteName,
    url: `${site.url}/`,
    inLanguage: site.locale,
    publisher: { '@id': `${site.url}/#organization` },
  };
}

export function homePageJsonLd(site: SeoSite): JsonLd[] {
  return [{ '@context': 'https://schema.org', ...organizationJsonLd(site) }, websiteJsonLd(site)];
}

export function personPageJsonLd(person: SeoPerson, site: SeoSite): JsonLd[] {
  return [{ '@context': 'https://schema.org', ...personJsonLd(person, site) }];
}

export function breadcrumbJsonLd(site: SeoSite, trail: Array<{ name: string; path: string }>): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: trail.map((crumb, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: crumb.name,
      item: absolute(site, crumb.path),
    })),
  };
}

/** Google's article rich results read at most this many characters of a headline. */
export const HEADLINE_MAX = 110;

/**
 * For one article: the MedicalWebPage (what the page is, who reviewed it), the Article that is its
 * main entity (what Google's article rich results read: headline, author, dates, picture) and the
 * BreadcrumbList. Every date comes from the record, so JSON-LD says what the page, the sitemap and
 * the feed say; the author and reviewer are the people the visible byline names.
 */
export function articleJsonLd(article: ArticleRecord, site: SeoSite, imageUrls: readonly string[] = []): JsonLd[] {
  const url = absolute(site, article.path);
  const about = aboutEntities({ category: article.category.id, substances: article.substances });
  const datePublished = withUtcOffset(article.dates.published);
  const dateModified = withUtcOffset(article.dates.modified);
  const image = imageUrls.length > 0 ? { image: imageUrls.length === 1 ? imageUrls[0] : [...imageUrls] } : {};
  return [
    {
      '@context': 'https://schema.org',
      '@type': 'MedicalWebPage',
      '@id': `${url}#webpage`,
      url,
      name: article.title,
      headline: article.title,
      description: article.description,
      inLanguage: site.locale,
      isPartOf: { '@id': `${site.url}/#website` },
      ...image,
      lastReviewed: article.dates.lastReviewed,
      reviewedBy: personJsonLd(article.reviewer, site),
      author: personJsonLd(article.author, site),
      datePublished,
      dateModified,
      ...(about.length > 0 ? { about } : {}),
      medicalAudience: { '@type': 'Patient' },
      publisher: organizationJsonLd(site),
      mainEntity: { '@id': `${url}#article` },
    },
    {
      '@context': 'https://schema.org',
      '@type': 'Article',
      '@id': `${url}#article`,
      mainEntityOfPage: { '@id': `${url}#webpage` },
      headline: article.title.length > HEADLINE_MAX ? `${article.title.slice(0, HEADLINE_MAX - 1)}…` : article.title,
      description: article.description,
      inLanguage: site.locale,
      articleSection: article.category.label,
      ...image,
      author: personJsonLd(article.author, site),
      datePublished,
      dateModified,
      publisher: { '@id': `${site.url}/#organization`, name: site.organisation.name },
    },
    breadcrumbJsonLd(site, [
      { name: 'Home', path: '/' },
      { name: article.category.label, path: article.category.path },
      { name: article.title, path: article.path },
    ]),
  ];
}
