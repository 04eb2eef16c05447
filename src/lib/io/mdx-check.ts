// `check:content`'s MDX step: every MDX file is compiled by the project's own compiler
// (mdx-compiler.ts) in a child process. The limits in src/lib/mdx/limits.ts keep hostile
// shapes away from the native parser; the child is the second wall: if the parser still
// crashed or hung on some input, the check names that file and goes on with the others,
// instead of dying with a stack trace or waiting for ever.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MdxSafetyProblem } from '../mdx/safety.ts';

/** Longest a single file may take to compile before the check gives up on it. */
export const PARSE_TIME_LIMIT_MS = 5_000;
/** Time allowed per file on top of that, so a batch of normal files never looks hung. */
const PER_FILE_BUDGET_MS = 200;
/** Node's own start-up and the compiler's first load. */
const STARTUP_BUDGET_MS = 15_000;

const CHILD = fileURLToPath(new URL('./mdx-check-child.ts', import.meta.url));

export type ChildMessage =
  | { started: number; at: number }
  | { done: number; problems: MdxSafetyProblem[] }
  | { failed: string };

/** Runs the child over `files` and returns what it finished, plus the file it was on when it stopped. */
function runChild(files: string[], contentRoot: string) {
  const result = spawnSync(process.execPath, [CHILD], {
    input: JSON.stringify({ files, contentRoot }),
    encoding: 'utf8',
    timeout: STARTUP_BUDGET_MS + PARSE_TIME_LIMIT_MS + files.length * PER_FILE_BUDGET_MS,
    maxBuffer: 256 * 1024 * 1024,
    killSignal: 'SIGKILL',
  });
  const endedAt = Date.now();
  const done = new Map<number, MdxSafetyProblem[]>();
  let current: { index: number; at: number } | undefined;
  let failed: string | undefined;
  for (const line of (result.stdout ?? '').split('\n')) {
    if (!line.trim()) continue;
    let message: ChildMessage;
    try {
      message = JSON.parse(line) as ChildMessage;
    } catch {
      continue;
    }
    if ('started' in message) current = { index: message.started, at: message.at };
    else if ('done' in message) {
      done.set(message.done, message.problems);
      current = undefined;
    } else failed = message.failed;
  }
  const stopped = result.status !== 0 || result.signal !== null || result.error !== undefined;
  const timedOut = (result.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT';
  return { done, current: stopped ? current : undefined, stopped, timedOut, endedAt, failed, stderr: result.stderr };
}

/**
 * Compiles each MDX file as the build would and returns its problems (an empty list for a
 * file that compiles and passes the guard). `files` are paths; keys of the result are the same.
 */
export function checkMdxFiles(files: string[], contentRoot: string): Map<string, MdxSafetyProblem[]> {
  const results = new Map<string, MdxSafetyProblem[]>();
  let pending = files;
  while (pending.length > 0) {
    const run = runChild(
      pending.map((file) => path.resolve(file)),
      path.resolve(contentRoot),
    );
    for (const [index, problems] of run.done) results.set(pending[index], problems);
    if (!run.stopped) break;
    if (run.current === undefined) {
      // The child stopped outside any file: the compiler itself could not be loaded. Not content.
      throw new Error(`The MDX check could not run: ${run.failed ?? run.stderr?.split('\n')[0] ?? 'unknown error'}`);
    }
    const culprit = pending[run.current.index];
    const tooSlow = run.timedOut && run.endedAt - run.current.at >= PARSE_TIME_LIMIT_MS;
    if (!run.timedOut || tooSlow) {
      const message = tooSlow
        ? `reading this file took longer than ${PARSE_TIME_LIMIT_MS / 1000} s, the limit for one page: simplify its structure`
        : run.failed
          ? `the MDX check failed on this file: ${run.failed}`
          : 'the Markdown parser crashed on this file: simplify its structure (deep nesting, very long lines)';
      results.set(culprit, [{ line: 1, kind: tooSlow ? 'size' : 'syntax', message }]);
      pending = pending.slice(run.current.index + 1);
    } else {
      // The batch ran out of time on an ordinary file: start again from it with a fresh budget.
      pending = pending.slice(run.current.index);
    }
  }
  return results;
}
