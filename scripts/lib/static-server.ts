// A small static file server for a built site, like a static host: /path/ serves path/index.html,
// unknown paths get 404.html with status 404. Tests of the service worker use its two hooks to play
// a deploy or a slow network without touching the files: `override` answers a path with other bytes,
// `delay` holds a path's answer back.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export interface StaticServer {
  url: string;
  /** Answers `urlPath` with `body` from now on (undefined: the file again). */
  override(urlPath: string, body: string | undefined): void;
  /** Holds `urlPath`'s answers back by `ms` from now on (0: no delay). */
  delay(urlPath: string, ms: number): void;
  /** Paths requested so far (with their query), in order. */
  requests: string[];
  close(): Promise<void>;
}

export async function startStaticServer(root: string, port = 0): Promise<StaticServer> {
  const overrides = new Map<string, string>();
  const delays = new Map<string, number>();
  const requests: string[] = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    requests.push(url.pathname + url.search);
    const wait = delays.get(url.pathname);
    if (wait) await new Promise((resolve) => setTimeout(resolve, wait));
    const override = overrides.get(url.pathname);
    if (override !== undefined) {
      res.writeHead(200, { 'content-type': TYPES[path.extname(url.pathname)] ?? TYPES['.html'] });
      res.end(override);
      return;
    }
    let file = path.join(root, decodeURIComponent(url.pathname));
    if (!file.startsWith(path.resolve(root))) {
      res.writeHead(400).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
    const found = existsSync(file) && statSync(file).isFile();
    if (!found) file = path.join(root, '404.html');
    res.writeHead(found ? 200 : 404, {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      // As a static host sends them: the worker script is always checked again.
      'cache-control': url.pathname === '/sw.js' ? 'no-cache' : 'public, max-age=0, must-revalidate',
    });
    if (existsSync(file)) createReadStream(file).pipe(res);
    else res.end('Not found');
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${actual}`,
    override: (urlPath, body) => (body === undefined ? overrides.delete(urlPath) : overrides.set(urlPath, body)),
    delay: (urlPath, ms) => (ms ? delays.set(urlPath, ms) : delays.delete(urlPath)),
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
