/**
 * Serves the Decap CMS editor at /admin/ without a CDN.
 *
 * The admin is plain static files, never an Astro page: Vite's client in a page would reload it
 * whenever decap-server switches git branches under the dev server, and the editorial workflow
 * would never finish. They come from three places:
 * - admin/: index.html, the two stylesheets and backend.yml (the production git host);
 * - generated: config.yml from src/schemas (src/lib/cms/config.ts); site-data.json, the helpline,
 *   review policy and people from content/ (src/lib/cms/site-data.ts); and boot.js + cms.js bundled
 *   from src/cms/*.ts, which import the same dates, policy, components and schemas as the site;
 * - node_modules/decap-cms/dist: the prebuilt Decap bundle, its lazy chunks and wasm.
 *
 * `astro dev` (and so `npm run cms`) answers /admin/* from a Vite middleware, building on request;
 * `astro build` writes the same files into the output.
 */

import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build } from 'esbuild';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { cmsConfig } from '../lib/cms/config.ts';
import { cmsSiteData } from '../lib/cms/site-data.ts';
import { siteUrl } from '../lib/core/site-url.ts';
import { ContentCache } from '../lib/io/content-cache.ts';
import { loadContent } from '../lib/io/read-content.ts';
import { DEFAULT_REVIEW_POLICY } from '../lib/review/default-policy.ts';
import { fingerprintState, reviewFingerprint } from '../lib/review/fingerprint.ts';
import type { ReviewPolicy } from '../lib/review/policy.ts';
import { settingsSchema } from '../schemas/settings.ts';

export const ADMIN_BASE = '/admin/';

/** The files of the decap-cms package the admin needs: the bundle, its lazy chunks and wasm. */
export function isDecapRuntimeFile(name: string): boolean {
  return (
    /^(?:\d+\.)?decap-cms\.js$/.test(name) || name === 'decap-cms.js.LICENSE.txt' || /^[0-9a-f]+\.wasm$/.test(name)
  );
}

/** The admin's own files (everything else under /admin/ is Decap's). */
const ADMIN_FILES = ['index.html', 'cms.css', 'cms-preview.css'];
const BUNDLES: Record<string, string> = { 'boot.js': 'src/cms/boot.ts', 'cms.js': 'src/cms/main.ts' };

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.yml': 'text/yaml; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

interface Paths {
  root: string;
  adminDir: string;
  decapDir: string;
  previewCss: string;
  contentRoot: string;
}

/** The review policy from the settings file; the schema's defaults when it cannot be read. */
function reviewPolicy(contentRoot: string): ReviewPolicy {
  try {
    const raw = parseYaml(readFileSync(path.join(contentRoot, 'settings', 'site.yml'), 'utf8'));
    const parsed = settingsSchema.shape.reviewPolicy.safeParse(raw?.reviewPolicy ?? {});
    if (parsed.success) return parsed.data;
  } catch {
    // check:content reports an unreadable settings file; the editor still opens.
  }
  return DEFAULT_REVIEW_POLICY;
}

/** /admin/config.yml: generated, with a header saying so. */
export function renderConfig(paths: Paths, proxyPort: number): string {
  const backend = parseYaml(readFileSync(path.join(paths.adminDir, 'backend.yml'), 'utf8'));
  const config = cmsConfig({
    backend,
    localBackendUrl: `http://127.0.0.1:${proxyPort}/api/v1`,
    siteUrl: siteUrl(),
    policy: reviewPolicy(paths.contentRoot),
  });
  return `# Generated from src/schemas by src/lib/cms/config.ts: do not edit. The git host is set in admin/backend.yml.\n${stringifyYaml(config, { lineWidth: 0 })}`;
}

/** /admin/site-data.json: what previews and save checks need from content/ (helpline, policy, people). */
export function renderSiteData(paths: Paths): string {
  // Front matter and review fingerprints of unchanged files come from check:content's cache: the build
  // has just checked them, and parsing and hashing 1,000 articles again cost about 2 s of CPU.
  const cache = ContentCache.open(paths.root, paths.contentRoot);
  const content = loadContent(paths.contentRoot, { cache });
  const people = [...content.people].map(([id, person]) => [id, person.data] as const);
  const reviewed = content.articles.map((article) => {
    const facts = cache.facts(article.contentHash);
    facts.fingerprint ??= reviewFingerprint({ ...article.data, body: article.body });
    return [article.id, fingerprintState(facts.fingerprint, article.data.reviewFingerprint)] as const;
  });
  return `${JSON.stringify(cmsSiteData(content.settings, people, reviewed))}\n`;
}

async function bundle(paths: Paths, entry: string, minify: boolean): Promise<string> {
  const result = await build({
    entryPoints: [path.join(paths.root, entry)],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify,
    legalComments: 'none',
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

/** The body of `/admin/<name>`, or undefined when it is not an admin file. */
async function adminFile(paths: Paths, name: string, proxyPort: number): Promise<string | Buffer | undefined> {
  if (name.includes('/') || name.includes('\\') || name.startsWith('.')) return undefined;
  if (name === 'config.yml') return renderConfig(paths, proxyPort);
  if (name === 'site-data.json') return renderSiteData(paths);
  if (name === 'preview.css') return readFileSync(paths.previewCss);
  if (BUNDLES[name]) return bundle(paths, BUNDLES[name], false);
  if (ADMIN_FILES.includes(name)) return readFileSync(path.join(paths.adminDir, name));
  if (isDecapRuntimeFile(name)) {
    const vendor = path.join(paths.decapDir, name);
    if (existsSync(vendor)) return readFileSync(vendor);
  }
  return undefined;
}

export default function decapAdmin(): AstroIntegration {
  let paths: Paths;
  const proxyPort = () => Number(process.env.CMS_PROXY_PORT) || 8081;
  return {
    name: 'decap-admin',
    hooks: {
      'astro:config:setup': ({ config }) => {
        const root = fileURLToPath(config.root);
        paths = {
          root,
          adminDir: path.join(root, 'admin'),
          decapDir: path.join(root, 'node_modules', 'decap-cms', 'dist'),
          previewCss: path.join(root, 'src', 'styles', 'global.css'),
          contentRoot: path.resolve(root, process.env.CONTENT_DIR ?? 'content'),
        };
      },
      'astro:server:setup': ({ server, logger }) => {
        server.middlewares.use((req, res, next) => {
          const url = new URL(req.url ?? '/', 'http://localhost');
          if (url.pathname === '/admin') {
            res.statusCode = 301;
            res.setHeader('Location', ADMIN_BASE);
            res.end();
            return;
          }
          if (!url.pathname.startsWith(ADMIN_BASE)) return next();
          const name = decodeURIComponent(url.pathname.slice(ADMIN_BASE.length)) || 'index.html';
          adminFile(paths, name, proxyPort()).then(
            (body) => {
              if (body === undefined) return next();
              res.setHeader('Content-Type', CONTENT_TYPES[path.extname(name)] ?? 'application/octet-stream');
              // The editor is for staff: never indexed, never cached stale while someone edits.
              res.setHeader('X-Robots-Tag', 'noindex, nofollow');
              res.setHeader('Cache-Control', 'no-cache');
              res.end(body);
            },
            (error: Error) => {
              logger.error(`/admin/${name}: ${error.message}`);
              res.statusCode = 500;
              res.end(`The editor could not be prepared: ${error.message}`);
            },
          );
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = path.join(fileURLToPath(dir), 'admin');
        mkdirSync(out, { recursive: true });
        for (const name of ADMIN_FILES) copyFileSync(path.join(paths.adminDir, name), path.join(out, name));
        writeFileSync(path.join(out, 'config.yml'), renderConfig(paths, proxyPort()));
        writeFileSync(path.join(out, 'site-data.json'), renderSiteData(paths));
        for (const [name, entry] of Object.entries(BUNDLES))
          writeFileSync(path.join(out, name), await bundle(paths, entry, true));
        copyFileSync(paths.previewCss, path.join(out, 'preview.css'));
        let vendor = 0;
        for (const name of readdirSync(paths.decapDir)) {
          if (!isDecapRuntimeFile(name) || !statSync(path.join(paths.decapDir, name)).isFile()) continue;
          copyFileSync(path.join(paths.decapDir, name), path.join(out, name));
          vendor++;
        }
        // Hosts that read _headers (Netlify, Cloudflare Pages) also send the noindex as a header.
        const headersFile = path.join(fileURLToPath(dir), '_headers');
        const rule = '/admin/*\n  X-Robots-Tag: noindex, nofollow\n';
        const existing = existsSync(headersFile) ? readFileSync(headersFile, 'utf8') : '';
        if (!existing.includes('/admin/*')) {
          writeFileSync(
            headersFile,
            existing + (existing && !existing.endsWith('\n') ? '\n' : '') + (existing ? '\n' : '') + rule,
          );
        }
        logger.info(`admin/ written: generated config and scripts, ${vendor} files from decap-cms`);
      },
    },
  };
}
