import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const FIXTURES = path.resolve('tests/fixtures');

/** A private copy of the good fixture content, optionally with extra article files added. */
export function contentWith(...articleFiles: string[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'content-'));
  cpSync(path.join(FIXTURES, 'content-good'), dir, { recursive: true });
  for (const file of articleFiles) cpSync(file, path.join(dir, 'articles', path.basename(file)));
  return dir;
}
