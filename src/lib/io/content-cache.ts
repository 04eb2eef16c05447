// What check:content learns from one file's bytes alone (its parsed and validated front matter,
// the MDX compiler's verdict, the reading grade, the review fingerprint) does not change until the
// bytes or the checking code change. It is kept here, keyed by a hash of the file, so a second
// check over unchanged content reads each file once, hashes it and reuses the rest. Everything
// that depends on other files (people, pictures, redirects) or on the day is worked out every time.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { MdxSafetyProblem } from '../mdx/safety.ts';

export interface CachedFacts {
  /** The split and validated front matter, or the problems that stopped it. */
  source?: { data: unknown; bodyOffset: number; bodyStartLine: number };
  problems?: Array<{ field: string; message: string }>;
  /** True when the file reached the MDX compiler (its front matter could be split). */
  compiled?: boolean;
  mdx?: MdxSafetyProblem[];
  readingGrade?: number;
  fingerprint?: string;
}

interface CacheFile {
  toolchain: string;
  entries: Record<string, CachedFacts>;
}

/** Cache files not used for this long are removed (test fixtures and old checkouts). */
const MAX_AGE_MS = 7 * 24 * 3600 * 1000;
const MAX_FILES = 32;

/**
 * Where the build's caches live: node_modules/.cache/steady-ground/ of the project, or
 * STEADY_GROUND_CACHE_DIR (`npm run bench` points it at an empty folder to measure what a fresh
 * clone's build costs, then builds again with it to measure a second build).
 */
export function buildCacheDir(projectRoot: string): string {
  return process.env.STEADY_GROUND_CACHE_DIR
    ? path.resolve(process.env.STEADY_GROUND_CACHE_DIR)
    : path.join(projectRoot, 'node_modules', '.cache', 'steady-ground');
}

export const contentHash = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('base64url');

/**
 * A key for everything that decides a file's verdict besides its bytes: this project's schemas
 * and checking code, and the locked dependency versions (the compiler, YAML, Zod, readability).
 */
export function toolchainKey(projectRoot: string): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith('.ts')) hash.update(entry.name).update(readFileSync(file));
    }
  };
  walk(path.join(projectRoot, 'src', 'schemas'));
  walk(path.join(projectRoot, 'src', 'lib'));
  const lock = path.join(projectRoot, 'package-lock.json');
  if (existsSync(lock)) hash.update(readFileSync(lock));
  return hash.digest('base64url');
}

export class ContentCache {
  private readonly used: Record<string, CachedFacts> = {};
  private changed = false;
  private readonly file: string | undefined;
  private readonly toolchain: string;
  private readonly stored: Record<string, CachedFacts>;

  private constructor(file: string | undefined, toolchain: string, stored: Record<string, CachedFacts>) {
    this.file = file;
    this.toolchain = toolchain;
    this.stored = stored;
  }

  /** No cache: every lookup misses and nothing is written. */
  static disabled(): ContentCache {
    return new ContentCache(undefined, '', {});
  }

  /** The cache for one content folder, kept under node_modules/.cache/ of the project. */
  static open(projectRoot: string, contentRoot: string, toolchain = toolchainKey(projectRoot)): ContentCache {
    const dir = buildCacheDir(projectRoot);
    const file = path.join(dir, `check-${contentHash(path.resolve(contentRoot)).slice(0, 16)}.json`);
    let stored: Record<string, CachedFacts> = {};
    try {
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
      if (parsed.toolchain === toolchain) stored = parsed.entries;
    } catch {
      // No cache yet, or an unreadable one: start afresh.
    }
    return new ContentCache(file, toolchain, stored);
  }

  /** The facts known for these bytes (an empty record to fill in when nothing is known yet). */
  facts(hash: string): CachedFacts {
    let facts = this.used[hash];
    if (!facts) {
      facts = this.stored[hash] ?? {};
      this.used[hash] = facts;
      if (this.stored[hash]) this.reused += 1;
      else this.changed = true;
    }
    return facts;
  }

  /** Files whose facts came from an earlier check in this run. */
  reused = 0;

  /** Marks new facts learnt for a file, so they are written. */
  learnt(): void {
    this.changed = true;
  }

  /** Writes the facts of the files seen in this run (and only those), then tidies old cache files. */
  save(): void {
    if (!this.file) return;
    const seen = Object.keys(this.used);
    if (!this.changed && seen.length === Object.keys(this.stored).length) return;
    try {
      mkdirSync(path.dirname(this.file), { recursive: true });
      const temporary = `${this.file}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify({ toolchain: this.toolchain, entries: this.used } satisfies CacheFile));
      renameSync(temporary, this.file);
      tidy(path.dirname(this.file), this.file);
    } catch {
      // A cache that cannot be written only makes the next check slower.
    }
  }
}

function tidy(dir: string, keep: string) {
  const files = readdirSync(dir)
    .filter((name) => name.startsWith('check-') && name.endsWith('.json'))
    .map((name) => ({ file: path.join(dir, name), mtime: statSync(path.join(dir, name)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime);
  const now = Date.now();
  files.forEach(({ file, mtime }, index) => {
    if (file !== keep && (index >= MAX_FILES || now - mtime > MAX_AGE_MS)) rmSync(file, { force: true });
  });
}
