// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { loadContent } from './src/lib/content-reader.ts';
import { contentRoot } from './src/lib/content-paths.ts';
import { articleRedirects, lastModifiedByPath } from './src/lib/site-map.ts';
import { hostRedirects } from './src/integrations/host-redirects.ts';

// Canonical URLs, the sitemap and structured data all derive from this one address.
const site = process.env.SITE_URL ?? 'https://steadyground.example.org';

// Read once per build: true lastmod dates for the sitemap and old-slug redirects, straight from content/.
const { articles } = loadContent(contentRoot());
const lastmod = lastModifiedByPath(articles);
const { redirects } = articleRedirects(articles);

// Pages that exist for people, not crawlers: kept out of the sitemap (and marked noindex).
const NOT_IN_SITEMAP = ['/admin/', '/reviews/', '/search/', '/offline/', '/404/'];

export default defineConfig({
  site,
  // Separate caches let fixture and benchmark builds run beside the real one without sharing state.
  ...(process.env.ASTRO_CACHE_DIR ? { cacheDir: process.env.ASTRO_CACHE_DIR } : {}),
  trailingSlash: 'always',
  // Lossless whitespace removal: Astro 7's default JSX rules would glue "reviewed by" to the link after it.
  compressHTML: true,
  build: { format: 'directory' },
  redirects: Object.fromEntries(redirects),
  integrations: [
    mdx(),
    sitemap({
      filter: (page) => {
        const { pathname } = new URL(page);
        return !NOT_IN_SITEMAP.some((prefix) => pathname.startsWith(prefix)) && !redirects.has(pathname);
      },
      serialize: (item) => {
        const date = lastmod.get(new URL(item.url).pathname);
        return date ? { ...item, lastmod: date } : { ...item, lastmod: undefined };
      },
    }),
    hostRedirects(redirects),
  ],
  markdown: {
    // Headings get ids from their text (github-slugger): stable while the wording stays.
    syntaxHighlight: false,
  },
  server: { port: Number(process.env.PORT ?? 4321), host: '127.0.0.1' },
  devToolbar: { enabled: false },
  vite: {
    build: {
      rolldownOptions: {
        // Astro marks every MDX module with "use astro:head-inject"; the bundler's warning about it
        // is noise that would bury real build messages.
        onwarn(warning, warn) {
          if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
        },
      },
    },
  },
});
