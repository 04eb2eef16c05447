// Helpers for tests that read the built site from disk.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'cheerio';

export const distDir = () => path.resolve(process.env.DIST_DIR ?? 'dist');

/** Every HTML page in the build as [url path, parsed document], except the CMS. */
export function builtPages() {
  const root = distDir();
  const pages: Array<{ path: string; $: ReturnType<typeof load> }> = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!['admin', '_astro', 'pagefind'].includes(entry.name) || dir !== root) walk(full);
      } else if (entry.name.endsWith('.html')) {
        const rel = `/${path.relative(root, full).split(path.sep).join('/')}`;
        const urlPath = rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel;
        pages.push({ path: urlPath, $: load(readFileSync(full, 'utf8')) });
      }
    }
  };
  walk(root);
  return pages.sort((a, b) => a.path.localeCompare(b.path));
}

/** A redirect page Astro wrote for an old slug. */
export const isRedirectPage = ($: ReturnType<typeof load>) => $('meta[http-equiv="refresh"]').length > 0;
export const isNoindex = ($: ReturnType<typeof load>) => /noindex/.test($('meta[name="robots"]').attr('content') ?? '');
