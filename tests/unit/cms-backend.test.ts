// The local CMS backend as `npm run cms` runs it: the real decap-server in git mode on a private
// port, behind the guard (src/lib/io/cms-backend-proxy.ts). Foreign hosts and origins, paths
// outside content/, `..`, symbolic links and .git/config writes are refused; the CMS's own
// requests (listing, reading, saving, uploading a picture, the editorial workflow) still work.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/lib/free-port.ts';
import { entryPathProblem, localPolicy, mediaPathProblem } from '../../src/lib/cms/backend-policy.ts';
import { createBackendProxy } from '../../src/lib/io/cms-backend-proxy.ts';
import { FIXTURES } from '../helpers.ts';

const SITE_PORT = 4321;
const ADMIN = `http://localhost:${SITE_PORT}`;
let repo: string;
let decap: ChildProcess;
let proxy: http.Server;
let proxyPort: number;
let decapLog = '';
const refusedLog: string[] = [];

const git = (...args: string[]) =>
  execFileSync('git', args, {
    cwd: repo,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'T',
      GIT_AUTHOR_EMAIL: 't@e.org',
      GIT_COMMITTER_NAME: 'T',
      GIT_COMMITTER_EMAIL: 't@e.org',
    },
  }).trim();

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  json: any;
}

/** A raw HTTP request, so Host and Origin can be anything a browser or an attacker would send. */
function send(
  body: unknown,
  {
    host = `127.0.0.1:${proxyPort}`,
    origin = ADMIN as string | null,
    method = 'POST',
    url = '/api/v1',
  }: { host?: string; origin?: string | null; method?: string; url?: string } = {},
): Promise<Answer> {
  const data = body === undefined ? '' : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port: proxyPort,
        method,
        path: url,
        headers: {
          Host: host,
          ...(origin ? { Origin: origin } : {}),
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(data),
        },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => {
          let json: unknown;
          try {
            json = text ? JSON.parse(text) : undefined;
          } catch {
            json = text;
          }
          resolve({ status: response.statusCode ?? 0, headers: response.headers, json });
        });
      },
    );
    request.on('error', reject);
    request.end(data);
  });
}

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const commit = { commitMessage: 'Test commit' };
const branch = 'main';

beforeAll(async () => {
  repo = mkdtempSync(path.join(tmpdir(), 'cms-backend-'));
  cpSync(path.join(FIXTURES, 'content-good'), path.join(repo, 'content'), { recursive: true });
  mkdirSync(path.join(repo, 'src'));
  writeFileSync(path.join(repo, 'src/secret.ts'), 'export const secret = 1;\n');
  writeFileSync(path.join(repo, 'package.json'), '{"name":"x"}\n');
  // A link inside content/ that points at the repository's git config.
  symlinkSync('../../.git/config', path.join(repo, 'content/articles/linked-config.mdx'));
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: repo });
  git('add', '-A');
  git('commit', '-q', '-m', 'Fixture repository');

  const decapPort = await freePort();
  decap = spawn(process.execPath, [path.resolve('node_modules/decap-server/dist/index.js')], {
    env: {
      ...process.env,
      MODE: 'git',
      PORT: String(decapPort),
      BIND_HOST: '127.0.0.1',
      GIT_REPO_DIRECTORY: repo,
      LOG_LEVEL: 'error',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  decap.stdout?.on('data', (c) => (decapLog += c));
  decap.stderr?.on('data', (c) => (decapLog += c));
  proxyPort = await freePort();
  proxy = createBackendProxy({
    policy: localPolicy(proxyPort, SITE_PORT, branch),
    repoDir: repo,
    decapPort,
    log: (line) => refusedLog.push(line),
  });
  await new Promise<void>((resolve) => proxy.listen(proxyPort, '127.0.0.1', resolve));
  const deadline = Date.now() + 20_000;
  while ((await send({ action: 'info' }).catch(() => ({ status: 0 }))).status !== 200) {
    if (Date.now() > deadline) throw new Error(`decap-server did not start:\n${decapLog}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}, 60_000);

afterAll(async () => {
  proxy?.close();
  decap?.kill('SIGTERM');
  if (repo) rmSync(repo, { recursive: true, force: true });
});

describe('the CMS works through the guard', () => {
  it('answers the admin page with CORS for its origin, and the preflight', async () => {
    const info = await send({ action: 'info' });
    expect(info.status).toBe(200);
    expect(info.json).toMatchObject({ type: 'local_git', publish_modes: ['simple', 'editorial_workflow'] });
    expect(info.headers['access-control-allow-origin']).toBe(ADMIN);
    const preflight = await send(undefined, { method: 'OPTIONS' });
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(ADMIN);
    const viaLocalhost = await send(
      { action: 'info' },
      { host: `localhost:${proxyPort}`, origin: `http://127.0.0.1:${SITE_PORT}` },
    );
    expect(viaLocalhost.status).toBe(200);
  });

  it('lists and reads entries and pictures', async () => {
    const list = await send({
      action: 'entriesByFolder',
      params: { branch, folder: 'content/articles', extension: 'mdx', depth: 1 },
    });
    expect(list.status).toBe(200);
    expect(list.json.map((e: { file: { path: string } }) => e.file.path)).toContain(
      'content/articles/good-withdrawal-article.mdx',
    );
    const entry = await send({
      action: 'getEntry',
      params: { branch, path: 'content/articles/good-withdrawal-article.mdx' },
    });
    expect(entry.json.data).toContain('title:');
    const media = await send({ action: 'getMedia', params: { branch, mediaFolder: 'content/articles/images' } });
    expect(media.json.map((m: { name: string }) => m.name)).toContain('sample-hero.svg');
  });

  it('saves an entry and uploads a picture (simple mode), committing both', async () => {
    const upload = await send({
      action: 'persistMedia',
      params: {
        branch,
        asset: { path: 'content/articles/images/new-chart.png', content: PNG.toString('base64'), encoding: 'base64' },
        options: commit,
      },
    });
    expect(upload.status).toBe(200);
    expect(readFileSync(path.join(repo, 'content/articles/images/new-chart.png'))).toEqual(PNG);
    const raw = readFileSync(path.join(repo, 'content/articles/good-withdrawal-article.mdx'), 'utf8');
    const saved = await send({
      action: 'persistEntry',
      params: {
        branch,
        dataFiles: [{ slug: 'new-article', path: 'content/articles/new-article.mdx', raw }],
        assets: [],
        options: {
          collectionName: 'articles',
          commitMessage: 'Create new-article',
          useWorkflow: false,
          status: 'draft',
        },
      },
    });
    expect(saved.status).toBe(200);
    expect(readFileSync(path.join(repo, 'content/articles/new-article.mdx'), 'utf8')).toBe(raw);
    expect(git('log', '--format=%s', '-2')).toBe('Create new-article\nTest commit');
  });

  it('runs the editorial workflow: a draft branch, its status, publishing', async () => {
    const raw = readFileSync(path.join(repo, 'content/articles/good-withdrawal-article.mdx'), 'utf8');
    const draft = await send({
      action: 'persistEntry',
      params: {
        branch,
        dataFiles: [{ slug: 'draft-article', path: 'content/articles/draft-article.mdx', raw }],
        assets: [],
        options: {
          collectionName: 'articles',
          commitMessage: 'Create draft-article',
          useWorkflow: true,
          status: 'draft',
        },
      },
    });
    expect(draft.status).toBe(200);
    expect(git('branch', '--format=%(refname:short)')).toContain('cms/articles/draft-article');
    const listed = await send({ action: 'unpublishedEntries', params: { branch } });
    expect(listed.json).toContain('articles/draft-article');
    const ready = await send({
      action: 'updateUnpublishedEntryStatus',
      params: { branch, collection: 'articles', slug: 'draft-article', newStatus: 'pending_publish' },
    });
    expect(ready.status).toBe(200);
    const published = await send({
      action: 'publishUnpublishedEntry',
      params: { branch, collection: 'articles', slug: 'draft-article' },
    });
    expect(published.status).toBe(200);
    expect(existsSync(path.join(repo, 'content/articles/draft-article.mdx'))).toBe(true);
  });
});

describe('the guard refuses', () => {
  const harmless = { action: 'getEntry', params: { branch, path: 'content/articles/good-withdrawal-article.mdx' } };

  it.each([
    ['another host name (DNS rebinding)', `evil.example:PORT`],
    ['a look-alike host', `127.0.0.1.nip.io:PORT`],
    ['the right host on another port', 'localhost:1'],
    ['no port', 'localhost'],
  ])('a foreign Host: %s', async (_, host) => {
    const answer = await send(harmless, { host: host.replace('PORT', String(proxyPort)) });
    expect(answer.status).toBe(403);
    expect(answer.json.error).toMatch(/only requests addressed to 127\.0\.0\.1:\d+ or localhost:\d+/);
    expect(answer.headers['access-control-allow-origin']).toBeUndefined();
  });

  it.each([
    ['another site', 'https://evil.example'],
    ['a page on localhost on another port', 'http://localhost:9999'],
    ['an opaque origin', 'null'],
    ['no Origin at all', null],
  ])('a foreign Origin: %s', async (_, origin) => {
    const answer = await send(harmless, { origin });
    expect(answer.status).toBe(403);
    expect(answer.json.error).toMatch(/only the CMS admin page/);
    expect(answer.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await send(undefined, { method: 'OPTIONS', origin });
    expect(preflight.status).toBe(403);
  });

  it('other methods, paths and bodies', async () => {
    expect((await send(undefined, { method: 'GET' })).status).toBe(405);
    expect((await send({ action: 'info' }, { url: '/api/v1/../x' })).status).toBe(404);
    expect((await send({ action: 'runCommand', params: { branch } })).status).toBe(422);
    expect(
      (await send({ action: 'unpublishedEntries', params: { branch: '--upload-pack=touch /tmp/x' } })).status,
    ).toBe(403);
  });

  const gitConfig = () => readFileSync(path.join(repo, '.git/config'), 'utf8');
  const fsmonitor = '[core]\n\tfsmonitor = "touch /tmp/cms-backend-pwned"\n';
  const outside = [
    '.git/config',
    'src/secret.ts',
    'package.json',
    '/etc/passwd',
    'content/../.git/config',
    'content/articles/../../.git/config',
    'content/articles/./good-withdrawal-article.mdx',
    'content\\articles\\good-withdrawal-article.mdx',
    'content/.git/config',
    'content/articles/x.mjs',
    'content/articles/images/chart.mjs',
    'content/articles/images/../../../.git/config',
    'content/articles/linked-config.mdx',
  ];

  it.each(outside)('reading %s', async (target) => {
    const answers = await Promise.all([
      send({ action: 'getEntry', params: { branch, path: target } }),
      send({ action: 'getMediaFile', params: { branch, path: target } }),
      send({ action: 'entriesByFiles', params: { branch, files: [{ path: target }] } }),
      send({
        action: 'unpublishedEntryMediaFile',
        params: { branch, collection: 'articles', slug: 'x', id: 'articles/x', path: target },
      }),
    ]);
    for (const answer of answers) {
      expect(answer.status, JSON.stringify(answer.json)).toBe(403);
      expect(JSON.stringify(answer.json)).not.toContain('repositoryformatversion');
    }
  });

  it.each(outside)('writing or deleting %s (.git/config with core.fsmonitor among them)', async (target) => {
    const before = gitConfig();
    const answers = await Promise.all([
      send({
        action: 'persistEntry',
        params: {
          branch,
          dataFiles: [{ slug: 'x', path: target, raw: fsmonitor }],
          assets: [],
          options: { commitMessage: 'x', useWorkflow: false, status: 'draft' },
        },
      }),
      send({
        action: 'persistEntry',
        params: {
          branch,
          dataFiles: [{ slug: 'x', path: 'content/articles/x.mdx', raw: 'x', newPath: target }],
          assets: [{ path: target, content: Buffer.from(fsmonitor).toString('base64'), encoding: 'base64' }],
          options: { commitMessage: 'x', useWorkflow: false, status: 'draft' },
        },
      }),
      send({
        action: 'persistMedia',
        params: {
          branch,
          asset: { path: target, content: Buffer.from(fsmonitor).toString('base64'), encoding: 'base64' },
          options: commit,
        },
      }),
      send({ action: 'deleteFile', params: { branch, path: target, options: commit } }),
      send({
        action: 'deleteFiles',
        params: { branch, paths: ['content/articles/images/sample-hero.svg', target], options: commit },
      }),
    ]);
    for (const answer of answers) expect(answer.status, JSON.stringify(answer.json)).toBe(403);
    expect(gitConfig()).toBe(before);
    expect(existsSync(path.join(repo, 'src/secret.ts'))).toBe(true);
    expect(existsSync(path.join(repo, 'content/articles/images/sample-hero.svg'))).toBe(true);
    expect(existsSync('/tmp/cms-backend-pwned')).toBe(false);
  });

  it('a content path that is a symbolic link out of content/', async () => {
    const answer = await send({ action: 'getEntry', params: { branch, path: 'content/articles/linked-config.mdx' } });
    expect(answer.status).toBe(403);
    expect(answer.json.error).toBe('"content/articles/linked-config.mdx" leads outside content/');
  });

  it.each([
    ['entriesByFolder', { folder: '.git', extension: 'mdx', depth: 1 }],
    ['entriesByFolder', { folder: 'content/../src', extension: 'mdx', depth: 1 }],
    ['entriesByFolder', { folder: 'content/articles', extension: 'ts', depth: 1 }],
    ['getMedia', { mediaFolder: '.git' }],
    ['getMedia', { mediaFolder: 'src' }],
    ['deleteUnpublishedEntry', { collection: '..', slug: 'x' }],
    ['unpublishedEntry', { id: 'articles/../../x' }],
    ['publishUnpublishedEntry', { collection: 'articles', slug: 'x --force' }],
    ['getEntry', { path: 'content/articles/good-withdrawal-article.mdx', extra: 'unknown field' }],
  ])('%s with %j', async (action, params) => {
    const answer = await send({ action, params: { branch, ...params } });
    expect(answer.status).toBe(403);
    expect(answer.headers['access-control-allow-origin']).toBe(ADMIN); // the admin can show why
  });

  it('a rename into another collection’s folder (decap-server would move the whole folder)', async () => {
    const answer = await send({
      action: 'persistEntry',
      params: {
        branch,
        dataFiles: [
          {
            slug: 'x',
            path: 'content/articles/good-withdrawal-article.mdx',
            raw: 'x',
            newPath: 'content/people/x.yml',
          },
        ],
        assets: [],
        options: { commitMessage: 'x', useWorkflow: false, status: 'draft' },
      },
    });
    expect(answer.status).toBe(403);
    expect(answer.json.error).toMatch(/renamed within its own folder/);
  });

  it('uploads of anything but a picture', async () => {
    for (const name of ['chart.mjs', 'chart.js', 'page.html', 'chart.png.mjs', 'Chart.PNG', '.hidden.png']) {
      const answer = await send({
        action: 'persistMedia',
        params: {
          branch,
          asset: { path: `content/articles/images/${name}`, content: PNG.toString('base64'), encoding: 'base64' },
          options: commit,
        },
      });
      expect(answer.status, name).toBe(403);
      expect(existsSync(path.join(repo, 'content/articles/images', name))).toBe(false);
    }
    expect(refusedLog.length).toBeGreaterThan(20);
  });
});

describe('backend path rules', () => {
  it.each([
    ['content/articles/baclofen-withdrawal.mdx', true],
    ['content/people/rowan-example.yml', true],
    ['content/settings/site.yml', true],
    ['content/pages/about.mdx', true],
    ['content/people/rowan-example.mdx', false],
    ['content/articles/sub/x.mdx', false],
    ['content/articles/X.mdx', false],
    ['scripts/cms.ts', false],
  ])('entry %s: %s', (value, ok) => {
    expect(entryPathProblem(value) === undefined).toBe(ok);
  });

  it.each([
    ['content/articles/images/chart.png', true],
    ['content/people/images/portrait.webp', true],
    ['content/media/logo.svg', true],
    ['content/articles/images/chart.mjs', false],
    ['content/articles/chart.png', false],
    ['public/chart.png', false],
  ])('media %s: %s', (value, ok) => {
    expect(mediaPathProblem(value) === undefined).toBe(ok);
  });
});
