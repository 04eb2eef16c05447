// @ts-check

import { fileURLToPath } from 'node:url';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import decapAdmin from './src/integrations/decap-admin.ts';
import { hostRedirects } from './src/integrations/host-redirects.ts';
import siteBuild from './src/integrations/site-build.ts';
import { siteUrl } from './src/lib/core/site-url.ts';
import { ContentCache } from './src/lib/io/content-cache.ts';
import { contentRoot } from './src/lib/io/content-root.ts';
import { editorMarkdownProcessor, SYNTAX_HIGHLIGHT } from './src/lib/io/mdx-compiler.ts';
import { loadContent } from './src/lib/io/read-content.ts';
import { PROJECT_ROOT_VARIABLE } from './src/lib/io/reading-grades.ts';
import { articleRedirects, lastModifiedByPath } from './src/lib/seo/site-map.ts';

// Canonical URLs, the sitemap and structured data all derive from this one address.
const site = siteUrl();

// True lastmod dates for the sitemap and old-slug redirects, straight from content/. `npm run build`
// has just checked every file, so the parsed front matter comes from the check's cache.
// The cache lives in this project, also when the build runs from another folder (npm run bench).
const projectRoot = fileURLToPath(new URL('.', import.meta.url));
// The review dashboard reads check:content's reading grades from this project's cache (src/lib/io/reading-grades.ts).
process.env[PROJECT_ROOT_VARIABLE] = projectRoot;
const { articles, settings } = loadContent(contentRoot(), { cache: ContentCache.open(projectRoot, contentRoot()) });
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
    // /admin/: Decap CMS from admin/ + node_modules/decap-cms (dev middleware and build copy).
    decapAdmin(),
    // Last: the search index, then the service worker that precaches it (the build's order is
    // written down in src/integrations/site-build.ts).
    siteBuild({
      search: {
        language: settings?.locale,
        synonyms: settings?.synonyms,
        ...(settings && {
          help: {
            helpline: settings.helpline,
            crisisLine: settings.crisisLine,
            emergencyNumber: settings.emergencyNumber,
          },
        }),
      },
      // No options for the service worker: what it precaches follows the site's size (everything while it
      // fits the budget, else the shell and the search engine, with a "save the whole site" control).
    }),
  ],
  markdown: {
    // Sätteri with GFM, plus the guard: limits checked before the parser runs, then the allow-list on
    // the compiler's own tree. Unsafe editor MDX stops the build before it is compiled to code;
    // check:content compiles with this same processor, so both always agree (src/lib/io/mdx-compiler.ts).
    // Readers get [1] as a link to source 1 and the emergency and crisis numbers as tel: links.
    processor: editorMarkdownProcessor(contentRoot(), {
      phoneNumbers: settings ? [settings.emergencyNumber, settings.crisisLine.number] : [],
    }),
    // Articles carry no code samples: no highlighter to load or to style.
    syntaxHighlight: SYNTAX_HIGHLIGHT,
  },
  server: { port: Number(process.env.PORT ?? 4321), host: '127.0.0.1' },
  devToolbar: { enabled: false },
  // ASTRO_INCREMENTAL_BUILD=1 tries Astro 7's experimental incremental build: article pages carry a
  // cacheKey (src/pages/articles/[slug].astro) and unchanged ones are copied from the cache. Off by
  // default; `npm run bench` measures whether it helps (docs/benchmarks.md, "Scale").
  experimental: { incrementalBuild: process.env.ASTRO_INCREMENTAL_BUILD === '1' },
  // A hash-only policy on every public page (a <meta> in static HTML; frame-ancestors and the
  // other headers a meta tag cannot carry are in public/_headers). /admin/ has its own policy.
  security: {
    csp: {
      algorithm: 'SHA-256',
      directives: [
        "default-src 'self'",
        // data: only for the small SVG icons in Pagefind's stylesheet (an image context cannot run script;
        // editors' content may not use data: URLs at all, see src/lib/mdx/safety.ts).
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        // Pagefind runs its search in a worker; the service worker is a same-origin script.
        "worker-src 'self' blob:",
        "manifest-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      // Pagefind compiles its WebAssembly search engine: that needs 'wasm-unsafe-eval' (not 'unsafe-eval').
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
  vite: {
    // `npm run cms` keeps decap-server in its own git worktree here; its branch switches are not the site's.
    server: { watch: { ignored: ['**/.cms-worktree/**'] } },
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
