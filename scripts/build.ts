// `npm run build`: builds into a private temporary folder and only replaces dist/ when
// everything succeeded, so a failing check or build never leaves a half-written site.
// BUILD_OUT_DIR sends the result elsewhere (benchmarks, fixture builds); SITE_TODAY=YYYY-MM-DD
// pins the day the build judges reviews by (src/lib/io/today.ts). It may be run from
// another folder (`node /repo/scripts/build.ts`): the project is always this script's repository.
// Astro keeps its prerender chunks inside the output folder when that is inside the current folder
// (else in the repo's .astro/, which two such builds at once would share and break), and those
// chunks import packages: so a work folder needs the project's node_modules (a symlink will do).
// The whole order of a build (check, pages, search index, service worker) is written down in
// src/integrations/site-build.ts.
import { spawn } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

const repo = path.resolve(import.meta.dirname, '..');
const outDir = path.resolve(process.env.BUILD_OUT_DIR ?? 'dist');
const tmpDir = `${outDir}.tmp-${process.pid}`;
// Both steps read the same content folder, wherever this was started from.
const contentDir = path.resolve(process.env.CONTENT_DIR ?? path.join(repo, 'content'));

/**
 * Passes a step's output through, line by line, leaving out the stack trace Astro prints under an
 * "Unsafe MDX in <file>" error: the message already names the file, the line and what is allowed,
 * and the trace only lists the bundler's internals.
 */
function withoutUnsafeMdxTraces(target: NodeJS.WriteStream) {
  let pending = '';
  let unsafe = false;
  let inTrace = false;
  const line = (text: string) => {
    if (/^Unsafe MDX in /.test(text)) unsafe = true;
    if (unsafe && /^\s*Stack trace:\s*$/.test(text)) inTrace = true;
    else if (inTrace && !/^\s+at /.test(text)) inTrace = false;
    if (!inTrace) target.write(`${text}\n`);
  };
  return {
    write(chunk: Buffer) {
      pending += chunk.toString('utf8');
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const text of lines) line(text);
    },
    end() {
      if (pending) target.write(pending);
    },
  };
}

function run(command: string, args: string[]): Promise<boolean> {
  // Always a production build: an inherited NODE_ENV (vitest sets "test") would make Astro drop
  // production-only code such as the service worker registration. Output is piped (see
  // withoutUnsafeMdxTraces), so colours are asked for when this script writes to a terminal.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    CONTENT_DIR: contentDir,
    ASTRO_TELEMETRY_DISABLED: '1',
    ...(process.stdout.isTTY && !process.env.NO_COLOR && !process.env.FORCE_COLOR ? { FORCE_COLOR: '1' } : {}),
  };
  const child = spawn(command, args, { stdio: ['inherit', 'pipe', 'pipe'], env });
  const out = withoutUnsafeMdxTraces(process.stdout);
  const err = withoutUnsafeMdxTraces(process.stderr);
  child.stdout.on('data', (chunk: Buffer) => out.write(chunk));
  child.stderr.on('data', (chunk: Buffer) => err.write(chunk));
  return new Promise((resolve) => {
    child.on('error', () => resolve(false));
    child.on('close', (code) => {
      out.end();
      err.end();
      resolve(code === 0);
    });
  });
}

const steps: Array<[string, () => Promise<boolean>]> = [
  // The content gate first: a bad field, a broken review rule or a missing picture is never built. An
  // overdue review is only a warning here (the page itself says it is overdue): time passing must never
  // stop a deploy, such as an urgent correction to another page. `npm run check:content` in CI still
  // fails on it. MDX bodies are compiled once, by astro build, through the same guarded compiler the
  // full check uses (src/lib/io/mdx-compiler.ts): an unsafe body stops that step, naming file and line.
  [
    'check:content',
    () => run(process.execPath, [path.join(repo, 'scripts/check-content.ts'), '--overdue-as-warning', '--no-compile']),
  ],
  [
    'astro build',
    () =>
      run(process.execPath, [
        path.join(repo, 'node_modules/astro/bin/astro.mjs'),
        'build',
        '--root',
        repo,
        '--outDir',
        tmpDir,
      ]),
  ],
];

if (path.resolve(process.cwd()) !== repo && !existsSync(path.join(process.cwd(), 'node_modules'))) {
  console.error(
    `Build stopped: run from ${process.cwd()}, which has no node_modules. Link the project's there first: ln -s ${path.join(repo, 'node_modules')} node_modules`,
  );
  process.exit(1);
}

for (const [name, step] of steps) {
  const started = performance.now();
  if (!(await step())) {
    rmSync(tmpDir, { recursive: true, force: true });
    console.error(`\nBuild stopped: ${name} failed. ${path.relative('.', outDir) || '.'}/ was left as it was.`);
    if (name === 'astro build')
      console.error(
        'An MDX body the safety guard refuses stops it at the first such file ("Unsafe MDX in <file>: line <n>: …" above); `npm run check:content` lists every problem at once.',
      );
    process.exit(1);
  }
  // Read by `npm run bench` (scripts/bench.ts) to split the build's time.
  console.log(`[build] step ${name} took ${Math.round(performance.now() - started)} ms`);
}

if (existsSync(outDir)) rmSync(outDir, { recursive: true, force: true });
renameSync(tmpDir, outDir);
console.log(`Site written to ${path.relative('.', outDir)}/`);
