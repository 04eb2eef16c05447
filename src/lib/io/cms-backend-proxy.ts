// The guard in front of decap-server (the CMS's local git backend): a small HTTP server on the
// port the admin page talks to, which checks each request against src/lib/cms/backend-policy.ts
// and only then hands it, unchanged, to decap-server listening on a private 127.0.0.1 port.
// decap-server itself is kept as it is; this only decides who may talk to it and about what.
// With a workflow (./cms-workflow.ts, as `npm run cms` sets up), requests are handled one at a
// time and the workflow answers some of them itself (drafts, publishing, the save gate).
import { realpathSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { type BackendPolicy, bodyProblem, headProblem, pathsIn, type Refusal } from '../cms/backend-policy.ts';
import type { Answer, CmsWorkflow } from './cms-workflow.ts';

/** decap-server accepts 50 MB bodies; a picture upload is base64, so this leaves room for one. */
const MAX_BODY_BYTES = 50 * 1024 * 1024;

export interface BackendProxyOptions {
  policy: BackendPolicy;
  /** The git work tree decap-server serves. */
  repoDir: string;
  /** Where decap-server listens (127.0.0.1 only). */
  decapPort: number;
  /** The editorial workflow on the git side; without it, requests are passed on as they are. */
  workflow?: CmsWorkflow;
  log?: (line: string) => void;
}

/** A POST of a JSON body to decap-server's one endpoint, on 127.0.0.1 only. */
function decapRequest(decapPort: number, raw: Buffer, onAnswer: (answer: http.IncomingMessage) => void) {
  return http.request(
    {
      host: '127.0.0.1',
      port: decapPort,
      method: 'POST',
      path: '/api/v1',
      headers: { 'Content-Type': 'application/json', 'Content-Length': String(raw.length) },
      // A fresh connection each time: a kept-alive one that decap-server has just closed as idle
      // fails the request with "socket hang up".
      agent: false,
    },
    onAnswer,
  );
}

/** Sends a request body to decap-server and collects its JSON answer. */
function askDecap(decapPort: number, body: unknown): Promise<Answer> {
  const raw = Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const upstream = decapRequest(decapPort, raw, (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => chunks.push(chunk));
      answer.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        try {
          resolve({ status: answer.statusCode ?? 502, body: text ? JSON.parse(text) : null });
        } catch {
          resolve({
            status: 502,
            body: { error: `decap-server answered something other than JSON: ${text.slice(0, 200)}` },
          });
        }
      });
      answer.on('error', reject);
    });
    upstream.on('error', reject);
    upstream.end(raw);
  });
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

export function createBackendProxy({
  policy,
  repoDir,
  decapPort,
  workflow,
  log = () => {},
}: BackendProxyOptions): http.Server {
  // One request at a time: the workflow's git steps and decap-server share one work tree.
  let queue: Promise<unknown> = Promise.resolve();
  const inTurn = (job: () => Promise<void>) => {
    queue = queue.then(job, job);
  };
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

      if (workflow) {
        const send = ({ status, body: answer }: Answer) => {
          if (status >= 400)
            log(`${(body as { action: string }).action}: ${status} ${JSON.stringify(answer).slice(0, 300)}`);
          response.writeHead(status, {
            'Content-Type': 'application/json; charset=utf-8',
            ...corsHeaders(allowedOrigin),
          });
          response.end(JSON.stringify(answer));
        };
        return inTurn(async () => {
          try {
            const step = workflow.handle(body);
            if ('answer' in step) return send(step.answer);
            const answer = await askDecap(decapPort, step.forward);
            send(step.afterwards ? step.afterwards(answer) : answer);
          } catch (error) {
            send({ status: 500, body: { error: (error as Error).message } });
          }
        });
      }

      const upstream = decapRequest(decapPort, raw, (answer) => {
        const headers: Record<string, string | string[]> = {};
        for (const [name, value] of Object.entries(answer.headers)) {
          if (value !== undefined && !name.startsWith('access-control-')) headers[name] = value;
        }
        response.writeHead(answer.statusCode ?? 502, { ...headers, ...corsHeaders(allowedOrigin) });
        answer.pipe(response);
      });
      upstream.on('error', (error) => refuse({ status: 502, error: `decap-server: ${error.message}` }, true));
      upstream.end(raw);
    });
  });
}
