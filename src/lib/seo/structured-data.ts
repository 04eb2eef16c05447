// schema.org JSON-LD built from front matter. Pure: the page passes in everything, so the
// structured data can be tested against the same values the reader sees.

import { CATEGORIES, type CategoryId } from '../../schemas/categories.ts';
import { articlePath, categoryPath, personPath } from '../core/urls.ts';

export interface SeoPerson {
  id: string;
  name: string;
  credentials: readonly string[];
  jobTitle: string;
}

export interface SeoSite {
  url: string; // canonical origin, e.g. https://steadyground.example.org
  siteName: string;
  locale: string;
  organisation: { name: string; url: string; contactEmail: string };
  logoUrl?: string;
}

export interface SeoArticle {
  slug: string;
  title: string;
  description: string;
  category: CategoryId;
  substances: readonly string[];
  lastReviewed: string;
  published: string;
  updated?: string;
  imageUrl?: string;
}

type JsonLd = Record<string, unknown>;

/** A date-only value as a midnight-UTC timestamp with an explicit offset, as crawlers want. */
export function withUtcOffset(date: string): string {
  return `${date}T00:00:00+00:00`;
}

/** The last change a reader would notice: the `updated` date, or the publication date. */
export function dateModified(article: Pick<SeoArticle, 'published' | 'updated'>): string {
  return article.updated ?? article.published;
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
export function aboutEntities(article: Pick<SeoArticle, 'category' | 'substances'>): JsonLd[] {
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

/** MedicalWebPage plus its BreadcrumbList, for one article. */
export function articleJsonLd(article: SeoArticle, reviewer: SeoPerson, author: SeoPerson, site: SeoSite): JsonLd[] {
  const url = absolute(site, articlePath(article.slug));
  const category = CATEGORIES[article.category];
  const about = aboutEntities(article);
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
      ...(article.imageUrl ? { image: article.imageUrl } : {}),
      lastReviewed: article.lastReviewed,
      reviewedBy: personJsonLd(reviewer, site),
      author: personJsonLd(author, site),
      datePublished: withUtcOffset(article.published),
      dateModified: withUtcOffset(dateModified(article)),
      ...(about.length > 0 ? { about } : {}),
      medicalAudience: { '@type': 'Patient' },
      publisher: organizationJsonLd(site),
    },
    breadcrumbJsonLd(site, [
      { name: 'Home', path: '/' },
      { name: category.label, path: categoryPath(article.category) },
      { name: article.title, path: articlePath(article.slug) },
    ]),
  ];
}
