// The child process of mdx-check.ts: reads {files, contentRoot} as JSON on stdin, compiles each
// file with the project's MDX compiler and writes one JSON line per step. Lines are written
// synchronously, so the parent knows which file was being read if this process dies.
import { readFileSync, writeSync } from 'node:fs';
import type { ChildMessage } from './mdx-check.ts';
import { compileEditorMdx } from './mdx-compiler.ts';

const say = (message: ChildMessage) => writeSync(1, `${JSON.stringify(message)}\n`);

try {
  const { files, contentRoot } = JSON.parse(readFileSync(0, 'utf8')) as { files: string[]; contentRoot: string };
  for (let index = 0; index < files.length; index++) {
    say({ started: index, at: Date.now() });
    const { problems } = await compileEditorMdx(files[index], readFileSync(files[index], 'utf8'), contentRoot);
    say({ done: index, problems });
  }
} catch (error) {
  say({ failed: (error as Error).message });
  process.exitCode = 1;
}
