import { describe, expect, it } from 'vitest';
import { articleRecords } from '../../src/lib/content/article-record.ts';
import { DEFAULT_REVIEW_POLICY } from '../../src/lib/review/default-policy.ts';
import {
  aboutEntities,
  articleJsonLd,
  homePageJsonLd,
  personPageJsonLd,
  type SeoSite,
  withUtcOffset,
} from '../../src/lib/seo/structured-data.ts';

const site: SeoSite = {
  url: 'https://health.example.org',
  siteName: 'Example Health',
  locale: 'en-US',
  organisation: { name: 'Example Org', url: 'https://org.example.org', contactEmail: 'e@example.org' },
};
const people = new Map([
  [
    'rowan-example',
    {
      name: 'Dr. Rowan Example',
      credentials: ['MD', 'FASAM'],
      jobTitle: 'Physician',
      roles: ['reviewer'],
      sample: true,
    },
  ],
  [
    'jamie-placeholder',
    { name: 'Jamie Placeholder', credentials: [], jobTitle: 'Writer', roles: ['author'], sample: true },
  ],
]);
const input = {
  id: 'baclofen-withdrawal',
  data: {
    title: 'Baclofen withdrawal',
    description: 'What happens when you stop baclofen.',
    category: 'withdrawal' as const,
    substances: ['baclofen'],
    tags: [],
    author: 'jamie-placeholder',
    reviewer: 'rowan-example',
    lastReviewed: '2026-10-14',
    nextReviewDue: '2027-10-14',
    published: '2025-04-08',
    updated: '2026-10-20',
    sources: [],
    redirectFrom: [],
  },
};
const recordOf = (data: Partial<typeof input.data> = {}) =>
  articleRecords([{ ...input, data: { ...input.data, ...data } }], people, DEFAULT_REVIEW_POLICY, '2026-11-01')[0];
const reviewer = recordOf().reviewer;

describe('article JSON-LD', () => {
  const [page, , breadcrumbs] = articleJsonLd(recordOf(), site);

  it('is a MedicalWebPage with review, authorship and dates with an offset', () => {
    expect(page).toEqual(
      expect.objectContaining({
        '@context': 'https://schema.org',
        '@type': 'MedicalWebPage',
        url: 'https://health.example.org/articles/baclofen-withdrawal/',
        name: 'Baclofen withdrawal',
        description: 'What happens when you stop baclofen.',
        lastReviewed: '2026-10-14',
        datePublished: '2025-04-08T00:00:00+00:00',
        dateModified: '2026-10-20T00:00:00+00:00',
        medicalAudience: { '@type': 'Patient' },
        publisher: expect.objectContaining({ '@type': 'Organization', name: 'Example Org' }),
      }),
    );
    expect(page.reviewedBy).toEqual(
      expect.objectContaining({
        '@type': 'Person',
        name: 'Dr. Rowan Example',
        url: 'https://health.example.org/people/rowan-example/',
        honorificSuffix: 'MD, FASAM',
        hasCredential: [
          { '@type': 'EducationalOccupationalCredential', name: 'MD' },
          { '@type': 'EducationalOccupationalCredential', name: 'FASAM' },
        ],
      }),
    );
    expect(page.author).toEqual(expect.objectContaining({ name: 'Jamie Placeholder' }));
    expect(page.author).not.toHaveProperty('honorificSuffix');
  });

  it('dates a page never updated since by its last review (articleModified), not its publication', () => {
    const [unchanged] = articleJsonLd(recordOf({ updated: undefined }), site);
    expect(unchanged.dateModified).toBe('2026-10-14T00:00:00+00:00');
  });

  it('has a three-step breadcrumb', () => {
    expect(breadcrumbs['@type']).toBe('BreadcrumbList');
    expect((breadcrumbs.itemListElement as Array<{ name: string; item: string }>).map((c) => [c.name, c.item])).toEqual(
      [
        ['Home', 'https://health.example.org/'],
        ['Withdrawal', 'https://health.example.org/categories/withdrawal/'],
        ['Baclofen withdrawal', 'https://health.example.org/articles/baclofen-withdrawal/'],
      ],
    );
  });

  it('describes what the page is about by category', () => {
    expect(aboutEntities({ category: 'withdrawal', substances: ['alcohol'] })).toEqual([
      { '@type': 'MedicalCondition', name: 'Alcohol withdrawal' },
    ]);
    expect(aboutEntities({ category: 'substances', substances: ['baclofen', 'alcohol'] })).toEqual([
      { '@type': 'Drug', name: 'Baclofen' },
    ]);
    expect(aboutEntities({ category: 'recovery', substances: [] })).toEqual([]);
  });

  it('puts Organization and WebSite on the home page, Person on people pages', () => {
    expect(homePageJsonLd(site).map((d) => d['@type'])).toEqual(['Organization', 'WebSite']);
    expect(personPageJsonLd(reviewer, site)[0]).toEqual(
      expect.objectContaining({ '@context': 'https://schema.org', '@type': 'Person', jobTitle: 'Physician' }),
    );
  });

  it('writes date-only values with an explicit UTC offset', () => {
    expect(withUtcOffset('2024-02-29')).toBe('2024-02-29T00:00:00+00:00');
  });
});
