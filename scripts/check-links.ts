// `npm run check:links`: crawls the built site through linkinator's local server. Every
// internal link, image, stylesheet and #fragment must resolve; external addresses are the
// job of `npm run check:citations` and are not fetched here.
//   --dir DIR   the built site to check (default: $DIST_DIR or dist)
import { existsSync } from 'node:fs';
import path from 'node:path';
import { LinkChecker, LinkState } from 'linkinator';
import { siteUrl } from '../src/lib/core/site-url.ts';
import { parseCommandLine } from './lib/command-line.ts';

const { values } = parseCommandLine('check:links', 'Usage: npm run check:links -- [--dir DIR]', {
  options: { dir: { type: 'string' } },
});
const dir = path.resolve(values.dir ?? process.env.DIST_DIR ?? 'dist');
if (!existsSync(path.join(dir, 'index.html'))) {
  console.error(`check:links: ${path.relative('.', dir) || dir}/ has no built site: run \`npm run build\` first.`);
  process.exit(2);
}

const started = performance.now();
const port = Number(process.env.CHECK_LINKS_PORT ?? 4347);
const checker = new LinkChecker();
const pages = new Set<string>();
checker.on('pagestart', (url) => pages.add(url));
const result = await checker.check({
  path: dir,
  port,
  // Canonical, Open Graph and feed links use the production address: check them against this build.
  urlRewriteExpressions: [
    {
      pattern: new RegExp(`^${siteUrl().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
      replacement: `http://localhost:${port}`,
    },
  ],
  recurse: true,
  checkFragments: true,
  checkCss: true,
  concurrency: 8,
  // Only this site's own pages; the local server is on 127.0.0.1/localhost.
  linksToSkip: async (link) => !/^https?:\/\/(localhost|127\.0\.0\.1)(:\d+)?\//.test(link),
});

// linkinator reports pages of a local folder as file paths: show them as site paths.
const pageOf = (url?: string) => {
  if (!url) return '/';
  const [location, fragment] = url.replace(/^https?:\/\/[^/]+\//, `${dir}/`).split('#');
  const relative = path.relative(dir, location).split(path.sep).join('/');
  const trailing = location.endsWith('/') && relative ? '/' : '';
  return `/${relative}${trailing}${fragment !== undefined ? `#${fragment}` : ''}`;
};
const broken = result.links.filter((link) => link.state === LinkState.BROKEN);
const checked = result.links.filter((link) => link.state !== LinkState.SKIPPED);
for (const link of broken) {
  const target = pageOf(link.url);
  const reason =
    link.status === 200 && target.includes('#')
      ? 'no element has that id'
      : link.status
        ? `HTTP ${link.status}`
        : ((link.failureDetails?.[0] as Error | undefined)?.message ?? 'unreachable');
  console.log(`broken  ${pageOf(link.parent)} → ${target} (${reason})`);
}
console.log(
  `${checked.length} internal links on ${pages.size} pages checked in ${Math.round(performance.now() - started)} ms: ${broken.length} broken.`,
);
process.exit(broken.length > 0 ? 1 : 0);
