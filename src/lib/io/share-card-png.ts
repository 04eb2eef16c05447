// Renders a share card's SVG to the PNG link previews need, once per distinct card: the result is
// kept under node_modules/.cache/steady-ground/share-cards/, named by the hash of the SVG, so a
// build only rasterises the cards whose title, topic or reviewer changed (about 50 ms each).
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { contentHash } from './content-cache.ts';

/** Cards not used for this long are removed (renamed articles, old checkouts). */
const MAX_AGE_MS = 30 * 24 * 3600 * 1000;

export function shareCardCacheDir(projectRoot = process.cwd()): string {
  return path.join(projectRoot, 'node_modules', '.cache', 'steady-ground', 'share-cards');
}

export async function shareCardPng(svg: string, cacheDir = shareCardCacheDir()): Promise<Buffer> {
  const file = path.join(cacheDir, `${contentHash(svg).slice(0, 32)}.png`);
  try {
    const cached = readFileSync(file);
    const now = new Date();
    utimesSync(file, now, now); // kept fresh while used, see pruneShareCards
    return cached;
  } catch {
    // Not rendered yet.
  }
  const png = await sharp(Buffer.from(svg)).png({ compressionLevel: 9, palette: true }).toBuffer();
  mkdirSync(cacheDir, { recursive: true });
  // Written aside and renamed, so a parallel build never reads half a file.
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, png);
  renameSync(partial, file);
  return png;
}

/** Removes cached cards older than a month; run once per build. */
export function pruneShareCards(cacheDir = shareCardCacheDir(), now = Date.now()): void {
  let names: string[];
  try {
    names = readdirSync(cacheDir);
  } catch {
    return;
  }
  for (const name of names) {
    const file = path.join(cacheDir, name);
    if (now - statSync(file).mtimeMs > MAX_AGE_MS) unlinkSync(file);
  }
}
