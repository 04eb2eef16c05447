/**
 * Serves the Decap CMS editor at /admin/ without a CDN.
 *
 * The admin is plain static files: admin/ at the top of the repo (index.html, config.yml,
 * cms.js, cms.css) plus the prebuilt bundle from node_modules/decap-cms/dist/. It is never
 * an Astro page: Vite's client in a page would reload it whenever decap-server switches
 * git branches under the dev server, and the editorial workflow would never finish.
 *
 * - `astro dev` (and so `npm run cms`): a Vite middleware answers /admin/* from those folders.
 * - `astro build` (and so `npm start` and dist/): astro:build:done copies them into the output.
 *
 * config.yml is rendered on the way out (see renderAdminConfig): the local proxy port and the
 * review policy from content/settings/site.yml are filled in, so the file in admin/ stays the
 * single hand-written source.
 */

import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { parse as parseYaml } from 'yaml';

export const ADMIN_BASE = '/admin/';
export const DEFAULT_PROXY_PORT = 8081;

/** The files of the decap-cms package the admin needs: the bundle, its lazy chunks and wasm. */
export function isDecapRuntimeFile(name: string): boolean {
  return (
    /^(?:\d+\.)?decap-cms\.js$/.test(name) || name === 'decap-cms.js.LICENSE.txt' || /^[0-9a-f]+\.wasm$/.test(name)
  );
}

export interface AdminConfigValues {
  /** Port of decap-server on 127.0.0.1 (CMS_PROXY_PORT). */
  proxyPort?: number;
  /** reviewPolicy from content/settings/site.yml. */
  intervalMonths?: number;
  warningDays?: number;
}

/**
 * Fills the values that belong to this checkout into admin/config.yml's text. Only the exact
 * lines are touched, so the rendered file keeps every comment and can still be read by people.
 */
export function renderAdminConfig(text: string, values: AdminConfigValues): string {
  let out = text;
  if (values.proxyPort) {
    out = out.replace(/(url:\s*http:\/\/127\.0\.0\.1:)\d+(\/api\/v1)/, `$1${values.proxyPort}$2`);
  }
  if (values.intervalMonths) out = out.replace(/(\binterval_months:\s*)\d+/g, `$1${values.intervalMonths}`);
  if (values.warningDays) out = out.replace(/(\bwarning_days:\s*)\d+/g, `$1${values.warningDays}`);
  return out;
}

/** reviewPolicy from the settings file, or nothing when it cannot be read (defaults then apply). */
export function readReviewPolicy(contentRoot: string): Pick<AdminConfigValues, 'intervalMonths' | 'warningDays'> {
  try {
    const settings = parseYaml(readFileSync(path.join(contentRoot, 'settings', 'site.yml'), 'utf8')) as {
      reviewPolicy?: { intervalMonths?: number; warningDays?: number };
    };
    return { intervalMonths: settings?.reviewPolicy?.intervalMonths, warningDays: settings?.reviewPolicy?.warningDays };
  } catch {
    return {};
  }
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.yml': 'text/yaml; charset=utf-8',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
};

interface Sources {
  adminDir: string;
  decapDir: string;
  previewCss: string;
  contentRoot: string;
}

/** The file that answers `/admin/<name>`, or undefined. */
function resolveAdminFile(src: Sources, name: string): string | undefined {
  if (name === '' || name === 'index.html') return path.join(src.adminDir, 'index.html');
  if (name.includes('/') || name.includes('\\') || name.startsWith('.')) return undefined;
  if (name === 'preview.css') return src.previewCss;
  const own = path.join(src.adminDir, name);
  if (existsSync(own) && statSync(own).isFile()) return own;
  if (isDecapRuntimeFile(name)) {
    const vendor = path.join(src.decapDir, name);
    if (existsSync(vendor)) return vendor;
  }
  return undefined;
}

function renderedConfig(src: Sources): string {
  const proxyPort = Number(process.env.CMS_PROXY_PORT) || undefined;
  return renderAdminConfig(readFileSync(path.join(src.adminDir, 'config.yml'), 'utf8'), {
    proxyPort,
    ...readReviewPolicy(src.contentRoot),
  });
}

export default function decapAdmin(): AstroIntegration {
  let src: Sources;
  return {
    name: 'decap-admin',
    hooks: {
      'astro:config:setup': ({ config }) => {
        const root = fileURLToPath(config.root);
        src = {
          adminDir: path.join(root, 'admin'),
          decapDir: path.join(root, 'node_modules', 'decap-cms', 'dist'),
          previewCss: path.join(root, 'src', 'styles', 'global.css'),
          contentRoot: path.resolve(root, process.env.CONTENT_DIR ?? 'content'),
        };
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((req, res, next) => {
          const url = new URL(req.url ?? '/', 'http://localhost');
          if (url.pathname === '/admin') {
            res.statusCode = 301;
            res.setHeader('Location', ADMIN_BASE);
            res.end();
            return;
          }
          if (!url.pathname.startsWith(ADMIN_BASE)) return next();
          const name = decodeURIComponent(url.pathname.slice(ADMIN_BASE.length));
          const file = resolveAdminFile(src, name);
          if (!file) return next();
          res.setHeader('Content-Type', CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream');
          // The editor is for staff: never indexed, never cached stale while someone edits config.
          res.setHeader('X-Robots-Tag', 'noindex, nofollow');
          res.setHeader('Cache-Control', 'no-cache');
          res.end(name === 'config.yml' ? renderedConfig(src) : readFileSync(file));
        });
      },
      'astro:build:done': ({ dir, logger }) => {
        const out = path.join(fileURLToPath(dir), 'admin');
        mkdirSync(out, { recursive: true });
        for (const name of readdirSync(src.adminDir)) {
          const from = path.join(src.adminDir, name);
          if (!statSync(from).isFile()) continue;
          if (name === 'config.yml') writeFileSync(path.join(out, name), renderedConfig(src));
          else copyFileSync(from, path.join(out, name));
        }
        copyFileSync(src.previewCss, path.join(out, 'preview.css'));
        let vendor = 0;
        for (const name of readdirSync(src.decapDir)) {
          if (!isDecapRuntimeFile(name)) continue;
          copyFileSync(path.join(src.decapDir, name), path.join(out, name));
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
        logger.info(`admin/ written with Decap CMS (${vendor} files from decap-cms)`);
      },
    },
  };
}
