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

/** Top-level front-matter fields as text blocks: each `key:` line with its indented continuation lines. */
export function fieldBlocks(text: string): Array<[string, string]> {
  const yaml = text.slice(4, text.indexOf('\n---\n') + 1);
  const blocks: Array<[string, string]> = [];
  for (const line of yaml.split('\n').slice(0, -1)) {
    if (/^\S/.test(line)) blocks.push([line.slice(0, line.indexOf(':')), `${line}\n`]);
    else blocks[blocks.length - 1][1] += `${line}\n`;
  }
  return blocks;
}
