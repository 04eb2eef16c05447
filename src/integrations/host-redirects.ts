import { writeFile } from 'node:fs/promises';
import type { AstroIntegration } from 'astro';
import { redirectsFile } from '../lib/seo/site-map.ts';

/**
 * Writes `_redirects` for static hosts (Netlify, Cloudflare Pages) so old article addresses
 * answer with a real 301; Astro's own redirect pages remain for hosts that ignore the file.
 */
export function hostRedirects(redirects: ReadonlyMap<string, string>): AstroIntegration {
  return {
    name: 'health-kit:host-redirects',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        await writeFile(new URL('_redirects', dir), redirectsFile(redirects));
        logger.info(`_redirects written with ${redirects.size} old address${redirects.size === 1 ? '' : 'es'}`);
      },
    },
  };
}
