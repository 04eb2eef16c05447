// The order of a production build, in one place:
//   1. check:content   scripts/build.ts runs it before Astro starts, so a bad or unsafe file stops
//                      the build before astro.config.mjs even reads content/ (its cache then serves
//                      the config's read);
//   2. astro build     pages, the sitemap, _redirects, /admin/, per-article share cards;
//   3. search index    Pagefind over the built pages (needs every page written);
//   4. service worker  precaches the pages and the search index (needs the index written).
// Steps 3 and 4 depend on each other's output, so they run here, one after the other in one hook,
// instead of relying on where two integrations sit in astro.config.mjs's list. This integration
// stays last in that list: its hook must see what the others wrote.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { pruneShareCards } from '../lib/io/share-card-png.ts';
import { buildSearchIndex, type PagefindOptions } from './pagefind.ts';
import { buildServiceWorker, type ServiceWorkerOptions } from './service-worker.ts';

export interface SiteBuildOptions {
  search?: PagefindOptions;
  serviceWorker?: ServiceWorkerOptions;
}

export default function siteBuild(options: SiteBuildOptions = {}): AstroIntegration {
  // The project's folder, for the worker's build-time helpers; the config knows it.
  let root = options.serviceWorker?.root;
  return {
    name: 'steady-ground:site-build',
    hooks: {
      'astro:config:setup': ({ config }) => {
        root ??= fileURLToPath(config.root);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const siteDir = path.resolve(fileURLToPath(dir));
        await buildSearchIndex(siteDir, options.search, undefined, logger.fork('steady-ground:pagefind'));
        await buildServiceWorker(
          siteDir,
          { ...options.serviceWorker, root },
          logger.fork('steady-ground:service-worker'),
        );
        pruneShareCards();
      },
    },
  };
}
