// The pure parts of offline reading: what a save must download or drop, the quota check, the
// page revision, cache keys, and how a browser's refusal is read.
import { describe, expect, it } from 'vitest';
import { failureOf, SaveError } from '../../src/client/offline/offline-save.ts';
import {
  filesToDelete,
  filesToSave,
  formatBytes,
  hasRoomFor,
  type OfflineFile,
  pageKey,
  precacheKey,
  readRevision,
  urlOfFile,
} from '../../src/client/offline/protocol.ts';

const list: OfflineFile[] = [
  ['/articles/a/', 'aaaa', 20_000],
  ['/articles/b/', 'bbbb', 21_000],
  ['/pagefind/fragment/en_1.pf_fragment', null, 800],
];

describe('saving the whole site', () => {
  it('downloads everything the first time', () => {
    expect(filesToSave(list, { version: null, files: {} })).toEqual(list);
  });

  it('downloads only what changed or is new, and drops what the site no longer has', () => {
    const state = {
      version: 'old',
      files: {
        '/articles/a/': 'aaaa',
        '/articles/b/': 'old',
        '/pagefind/fragment/en_1.pf_fragment': 'hashed',
        '/gone/': 'x',
      },
    };
    expect(filesToSave(list, state).map(([url]) => url)).toEqual(['/articles/b/']);
    expect(filesToDelete(list, state)).toEqual(['/gone/']);
  });

  it('checks the room the browser reports, keeping a margin, and trusts an unknown quota', () => {
    expect(hasRoomFor(10_000_000, { quota: 100_000_000, usage: 50_000_000 })).toBe(true);
    expect(hasRoomFor(10_000_000, { quota: 20_000_000, usage: 10_500_000 })).toBe(false);
    expect(hasRoomFor(10_000_000, {})).toBe(true);
  });

  it('sorts a failure into what the reader can do about it', () => {
    expect(failureOf(new DOMException('full', 'QuotaExceededError'))).toBe('quota');
    expect(failureOf(new SaveError('changed', 'HTTP 404'))).toBe('changed');
    expect(failureOf(new TypeError('Failed to fetch'))).toBe('offline');
  });

  it('states sizes as phones do', () => {
    expect(formatBytes(512)).toBe('512 bytes');
    expect(formatBytes(48_000)).toBe('48 KB');
    expect(formatBytes(35_240_000)).toBe('35.2 MB');
    expect(formatBytes(1_250_000_000)).toBe('1.25 GB');
  });
});

describe('pages and caches', () => {
  it("reads a page's revision from its HTML, whatever the attribute order", () => {
    expect(readRevision('<head><meta name="page-revision" content="Ab_9-x"></head>')).toBe('Ab_9-x');
    expect(readRevision('<meta content="r2" name="page-revision">')).toBe('r2');
    expect(readRevision('<meta name="description" content="x">')).toBeUndefined();
  });

  it('caches a page under its path only, so a search query or fragment is the same page', () => {
    expect(pageKey(new URL('https://x.test/search/?q=baclofen#r'))).toBe('https://x.test/search/');
  });

  it('maps built files to the URLs that serve them', () => {
    expect(urlOfFile('index.html')).toBe('/');
    expect(urlOfFile('articles/a/index.html')).toBe('/articles/a/');
    expect(urlOfFile('pagefind/pagefind.js')).toBe('/pagefind/pagefind.js');
  });

  it('keeps a revision in precache keys, so a new version never overwrites one in use', () => {
    expect(precacheKey('/', 'abc')).toBe('/?__revision=abc');
    expect(precacheKey('/_astro/a.123.css', null)).toBe('/_astro/a.123.css');
  });
});
