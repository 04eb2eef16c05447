// Search results link only to this site: the rule behind safeHref in src/client/search-page.ts.
import { describe, expect, it } from 'vitest';
import { isSameSitePath, sameSiteHref } from '../../src/lib/core/same-site.ts';

describe('same-site paths', () => {
  it.each([
    '/articles/baclofen-withdrawal/',
    '/articles/baclofen-withdrawal/#how-to-stop',
    '/search/?q=baclofen&topic=withdrawal',
    '/',
  ])('accepts %s', (url) => {
    expect(isSameSitePath(url)).toBe(true);
    expect(sameSiteHref(url, '/search/')).toBe(url);
  });

  it.each([
    '//evil.example/',
    '/\\evil.example/',
    '/\\/evil.example/',
    '/\t/evil.example/',
    '/\n/evil.example/',
    ' /articles/',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'https://evil.example/',
    'data:text/html,x',
    'articles/x/',
    '#top',
    '',
  ])('refuses %j', (url) => {
    expect(isSameSitePath(url)).toBe(false);
    expect(sameSiteHref(url, '/search/')).toBe('/search/');
  });
});
