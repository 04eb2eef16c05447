// Renders a share card's SVG to the PNG link previews need, once per distinct card: the result is
// kept under node_modules/.cache/steady-ground/share-cards/ (see buildCacheDir), named by the hash of the SVG, so a
// build only rasterises the cards whose title, topic or reviewer changed (about 60-130 ms each on
// two cores, mostly text layout; renderShareCards runs them side by side).
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
import { availableParallelism } from 'node:os';
import path from 'node:path';
import pLimit from 'p-limit';
import sharp from 'sharp';
import { buildCacheDir, contentHash } from './content-cache.ts';

/** Cards not used for this long are removed (renamed articles, old checkouts). */
const MAX_AGE_MS = 30 * 24 * 3600 * 1000;

export function shareCardCacheDir(projectRoot = process.cwd()): string {
  return path.join(buildCacheDir(projectRoot), 'share-cards');
}

const cardFile = (svg: string, cacheDir: string) => path.join(cacheDir, `${contentHash(svg).slice(0, 32)}.png`);

/** Renders a card into the cache unless it is there already; true when it was. */
async function ensureCard(svg: string, cacheDir: string): Promise<Buffer | true> {
  const file = cardFile(svg, cacheDir);
  try {
    const now = new Date();
    utimesSync(file, now, now); // kept fresh while used, see pruneShareCards
    return true;
  } catch {
    // Not rendered yet.
  }
  // Plain PNG at zlib's default level. Palette quantisation would halve the file (68 → 30 KiB) but takes
  // ten times as long. Level 3 takes a fifth less CPU (about 19 instead of 24 ms a card) but makes files
  // a tenth larger, which at 10,000 articles pushes the site past GitHub and GitLab Pages' 1 GiB limit
  // (1,079 MiB against 1,015 MiB at level 6): size wins.
  const png = await sharp(Buffer.from(svg)).png().toBuffer();
  mkdirSync(cacheDir, { recursive: true });
  // Written aside and renamed, so a parallel build never reads half a file.
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, png);
  renameSync(partial, file);
  return png;
}

export async function shareCardPng(svg: string, cacheDir = shareCardCacheDir()): Promise<Buffer> {
  const rendered = await ensureCard(svg, cacheDir);
  return rendered === true ? readFileSync(cardFile(svg, cacheDir)) : rendered;
}

/**
 * Removes cached cards unused for a month before the most recently used one; run once per build.
 * Measured from the newest card rather than the clock, so a build under a shifted clock (faketime)
 * does not throw the whole cache away.
 */
export function pruneShareCards(cacheDir = shareCardCacheDir()): void {
  let files: Array<{ file: string; used: number }>;
  try {
    files = readdirSync(cacheDir).map((name) => {
      const file = path.join(cacheDir, name);
      return { file, used: statSync(file).mtimeMs };
    });
  } catch {
    return;
  }
  const newest = Math.max(...files.map(({ used }) => used));
  for (const { file, used } of files) if (newest - used > MAX_AGE_MS) unlinkSync(file);
}

/** Renders every card not cached yet, a few at a time (sharp works off the main thread). */
export async function renderShareCards(svgs: readonly string[], cacheDir = shareCardCacheDir()): Promise<void> {
  const limit = pLimit(Math.max(1, availableParallelism()));
  // Cards already cached are only touched, not read: the pages read them when they are written.
  await Promise.all(svgs.map((svg) => limit(() => ensureCard(svg, cacheDir))));
}
