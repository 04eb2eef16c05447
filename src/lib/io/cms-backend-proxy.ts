// The guard in front of decap-server (the CMS's local git backend): a small HTTP server on the
// port the admin page talks to, which checks each request against src/lib/cms/backend-policy.ts
// and only then hands it, unchanged, to decap-server listening on a private 127.0.0.1 port.
// decap-server itself is kept as it is; this only decides who may talk to it and about what.
import { realpathSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { type BackendPolicy, bodyProblem, headProblem, pathsIn, type Refusal } from '../cms/backend-policy.ts';

/** decap-server accepts 50 MB bodies; a picture upload is base64, so this leaves room for one. */
const MAX_BODY_BYTES = 50 * 1024 * 1024;

export interface BackendProxyOptions {
  policy: BackendPolicy;
  /** The git work tree decap-server serves. */
  repoDir: string;
  /** Where decap-server listens (127.0.0.1 only). */
  decapPort: number;
  log?: (line: string) => void;
}

/** The deepest existing ancestor of `target`, resolved through symbolic links. */
function realAncestor(target: string): string {
  let current = target;
  for (;;) {
    try {
      return path.join(realpathSync(current), path.relative(current, target));
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return target;
      current = parent;
    }
  }
}

/** A path that passed the policy must also stay inside content/ once symbolic links are followed. */
function escapesContent(repoDir: string, relative: string): boolean {
  const content = realAncestor(path.join(repoDir, 'content'));
  const real = realAncestor(path.join(repoDir, relative));
  return real !== content && !real.startsWith(`${content}${path.sep}`);
}

function corsHeaders(origin: string): Record<string, string> {
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Methods': 'POST',
    'Access-Control-Allow-Headers': 'Content-Type',
    'Access-Control-Max-Age': '600',
    Vary: 'Origin',
  };
}

export function createBackendProxy({ policy, repoDir, decapPort, log = () => {} }: BackendProxyOptions): http.Server {
  return http.createServer((request, response) => {
    const origin = request.headers.origin;
    const refuse = ({ status, error }: Refusal, withCors: boolean) => {
      log(`refused ${request.method} ${request.url} (Host ${request.headers.host}, Origin ${origin}): ${error}`);
      response.writeHead(status, {
        'Content-Type': 'application/json; charset=utf-8',
        ...(withCors && origin ? corsHeaders(origin) : {}),
      });
      response.end(JSON.stringify({ error }));
      request.resume();
    };
    const head = headProblem(
      {
        method: request.method ?? '',
        url: request.url ?? '',
        host: request.headers.host,
        origin,
        contentType: request.headers['content-type'],
      },
      policy,
    );
    if (head) return refuse(head, head.status !== 403);
    const allowedOrigin = origin as string;
    if (request.method === 'OPTIONS') {
      response.writeHead(204, corsHeaders(allowedOrigin));
      response.end();
      return;
    }

    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    request.on('end', () => {
      if (tooLarge) return refuse({ status: 413, error: 'the request is too large' }, true);
      const raw = Buffer.concat(chunks);
      let body: unknown;
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        return refuse({ status: 400, error: 'the request body is not JSON' }, true);
      }
      const problem = bodyProblem(body, policy);
      if (problem) return refuse(problem, true);
      const outside = pathsIn(body as { action: string }).find((p) => escapesContent(repoDir, p));
      if (outside) return refuse({ status: 403, error: `"${outside}" leads outside content/` }, true);

      const upstream = http.request(
        {
          host: '127.0.0.1',
          port: decapPort,
          method: 'POST',
          path: '/api/v1',
          headers: { 'Content-Type': 'application/json', 'Content-Length': String(raw.length) },
        },
        (answer) => {
          const headers: Record<string, string | string[]> = {};
          for (const [name, value] of Object.entries(answer.headers)) {
            if (value !== undefined && !name.startsWith('access-control-')) headers[name] = value;
          }
          response.writeHead(answer.statusCode ?? 502, { ...headers, ...corsHeaders(allowedOrigin) });
          answer.pipe(response);
        },
      );
      upstream.on('error', (error) => refuse({ status: 502, error: `decap-server: ${error.message}` }, true));
      upstream.end(raw);
    });
  });
}
