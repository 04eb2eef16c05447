// Reads content/ straight from disk and validates it with the same Zod schemas the build
// uses, so `npm run check:content` needs no build and reports every problem at once.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'astro/zod';
import { articleSchema } from '../../schemas/article.ts';
import { pageSchema } from '../../schemas/page.ts';
import { personSchema } from '../../schemas/person.ts';
import { type SiteSettings, settingsSchema } from '../../schemas/settings.ts';
import { withoutAstroInternals } from '../content/astro-safety.ts';
import { FrontmatterError, frontmatterText, parseYamlObject, splitFrontmatter } from '../content/frontmatter.ts';
import { plainHelpers } from '../content/schema-helpers.ts';
import { type FieldProblem, problemsFromZod } from '../content/schema-issues.ts';
import { MDX_LIMITS } from '../mdx/limits.ts';
import { IMAGE_EXTENSIONS, isImageFileName } from '../mdx/media.ts';
import { svgProblem } from '../mdx/svg.ts';
import { astroFrontmatterText } from './astro-frontmatter.ts';
import { type CachedFacts, ContentCache, contentHash } from './content-cache.ts';
import { localImageChecker } from './local-media.ts';

const articleValidator = withoutAstroInternals(articleSchema(plainHelpers));
const personValidator = withoutAstroInternals(personSchema(plainHelpers));
const pageValidator = withoutAstroInternals(pageSchema);
const settingsValidator = withoutAstroInternals(settingsSchema);

/** Largest SVG picture read for checking (the sample pictures are 1–3 KB). */
const MAX_SVG_BYTES = 1024 * 1024;
/** Largest YAML data file (a person, the settings): far above any real one. */
const MAX_YAML_BYTES = 64 * 1024;
/** Folders of pictures, relative to the content root; they hold image files and nothing else. */
const MEDIA_FOLDERS = ['articles/images', 'people/images', 'media'];
const FILE_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export type CheckedArticleData = z.output<typeof articleValidator>;
export type CheckedPersonData = z.output<typeof personValidator>;

export interface ArticleFile {
  /** Path relative to the working directory, as messages print it. */
  file: string;
  /** Hash of the file's bytes: the key for what the check has already learnt about it. */
  contentHash: string;
  id: string;
  data: CheckedArticleData;
  body: string;
  bodyStartLine: number;
}

export interface LoadedContent {
  root: string;
  articles: ArticleFile[];
  /** Fixed site pages (content/pages/). */
  pages: Array<{ file: string; body: string; bodyStartLine: number }>;
  /**
   * Every MDX file the build would compile (articles and pages, drafts and files with field
   * problems included) that is readable text within the size limit: the MDX check compiles these.
   */
  mdxFiles: string[];
  /** The hash of each MDX file's bytes (keys as in `mdxFiles`). */
  contentHashes: Map<string, string>;
  people: Map<string, { file: string; data: CheckedPersonData }>;
  settings?: SiteSettings;
  settingsFile: string;
  /** Files that could not be read or did not match their schema. */
  problems: FieldProblem[];
}

/** Why a file name is not a lower-case-hyphenated slug with the expected extension. */
function fileNameProblem(name: string, extension: string): string | undefined {
  const example = extension === '.mdx' ? 'baclofen-withdrawal.mdx' : 'rowan-example.yml';
  if (!name.endsWith(extension)) return `only ${extension} files belong in this folder (like ${example})`;
  const stem = name.slice(0, -extension.length);
  if (FILE_SLUG.test(stem)) return undefined;
  const why = /[?#%]/.test(stem)
    ? '?, # and % break the page address'
    : /\s/.test(stem)
      ? 'it contains a space'
      : /[A-Z]/.test(stem)
        ? 'it contains capital letters'
        : /[^ -~]/.test(stem)
          ? 'it contains letters outside a–z'
          : 'only a–z, 0–9 and single hyphens are allowed';
  return `the file name must be lower-case words joined by hyphens, like ${example} (${why}): rename the file`;
}

/** Offset of the first byte that does not begin a valid UTF-8 sequence, or -1 when all do. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    const length = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    for (let k = 1; k < length; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    // Overlong forms, surrogates and code points above U+10FFFF.
    if (length === 3 && ((b === 0xe0 && bytes[i + 1] < 0xa0) || (b === 0xed && bytes[i + 1] >= 0xa0))) return i;
    if (length === 4 && ((b === 0xf0 && bytes[i + 1] < 0x90) || (b === 0xf4 && bytes[i + 1] >= 0x90))) return i;
    i += length;
  }
  return -1;
}

type TextResult = { ok: true; text: string } | { ok: false; problem: string };

/** Reads a content file as UTF-8 text. A leading byte-order mark is accepted and dropped. */
export function readContentText(file: string, maxBytes: number): TextResult {
  return decodeContentText(readFileSync(file), maxBytes);
}

/** A content file's bytes as UTF-8 text, or why they are not readable text within the limit. */
function decodeContentText(bytes: Buffer, maxBytes: number): TextResult {
  if (bytes.length > maxBytes) {
    return {
      ok: false,
      problem: `the file is ${Math.ceil(bytes.length / 1024)} KB, more than the limit of ${maxBytes / 1024} KB`,
    };
  }
  const invalid = firstInvalidUtf8(bytes);
  if (invalid >= 0) {
    const line = bytes.subarray(0, invalid).filter((b) => b === 0x0a).length + 1;
    return {
      ok: false,
      problem: `line ${line}: the file is not valid UTF-8 text (byte ${invalid + 1}): save it as UTF-8`,
    };
  }
  const text = bytes.toString('utf8');
  return { ok: true, text: text.startsWith('\uFEFF') ? text.slice(1) : text };
}

const idOf = (file: string) => path.basename(file).replace(/\.[^.]+$/, '');

/** Validates front matter or a YAML data file, returning the parsed value or the problems. */
export function validateFile<S extends z.ZodType>(
  file: string,
  data: unknown,
  schema: S,
): { ok: true; value: z.output<S> } | { ok: false; problems: FieldProblem[] } {
  const result = schema.safeParse(data, { reportInput: true });
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, problems: problemsFromZod(file, result.error) };
}

/**
 * Splits an MDX file's front matter, refusing any file Astro would split differently: Astro also
 * ends front matter at a line starting with `+++` or `---` followed by more text, and allows
 * blank lines before it. Whatever Astro would not cut off reaches the MDX compiler as text.
 */
export function readArticleSource(_file: string, source: string) {
  const ours = frontmatterText(source);
  const astros = astroFrontmatterText(source);
  const agrees = ours !== undefined && astros?.replace(/^\r?\n/, '').replace(/\r?\n$/, '') === ours;
  if (!agrees) {
    if (ours === undefined && astros === undefined) {
      throw new FrontmatterError('line 1: the file must start with a line "---", the fields, then a line "---"');
    }
    const end = astros === undefined ? -1 : source.indexOf(astros) + astros.length;
    const line = end < 0 ? 1 : source.slice(0, end).split('\n').length;
    throw new FrontmatterError(
      `line ${line}: the front matter must start with a line "---" at the very top and end with a line that is exactly "---" (not "+++", nothing after the dashes)`,
    );
  }
  const { data, body, bodyStartLine } = splitFrontmatter(source);
  return { data, body, bodyStartLine };
}

export interface LoadOptions {
  cwd?: string;
  /** Facts already learnt from unchanged files (check:content passes its cache; default none). */
  cache?: ContentCache;
}

export function loadContent(
  root: string,
  { cwd = process.cwd(), cache = ContentCache.disabled() }: LoadOptions = {},
): LoadedContent {
  const display = (file: string) => path.relative(cwd, file) || file;
  const contentHashes = new Map<string, string>();
  const problems: FieldProblem[] = [];
  const articles: ArticleFile[] = [];
  const pages: LoadedContent['pages'] = [];
  const people: LoadedContent['people'] = new Map();
  const mdxFiles: string[] = [];

  /** The collection's files Astro's loader would pick up; wrongly named ones are reported. */
  const listFiles = (dir: string, extension: string): string[] => {
    if (!existsSync(dir)) return [];
    const files: string[] = [];
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.') || entry.isDirectory()) continue;
      const file = path.join(dir, entry.name);
      const problem = fileNameProblem(entry.name, extension);
      if (problem) problems.push({ file: display(file), field: '(file name)', message: problem });
      if (entry.name.endsWith(extension)) files.push(file);
    }
    return files;
  };

  const readText = (file: string, maxBytes: number, field: string): string | undefined => {
    const result = readContentText(file, maxBytes);
    if (result.ok) return result.text;
    problems.push({ file: display(file), field, message: result.problem });
    return undefined;
  };

  const readYaml = (file: string) => {
    const text = readText(file, MAX_YAML_BYTES, '(file)');
    if (text === undefined) return undefined;
    try {
      return parseYamlObject(text);
    } catch (error) {
      if (!(error instanceof FrontmatterError)) throw error;
      problems.push({ file: display(file), field: '(file)', message: error.message });
      return undefined;
    }
  };

  /**
   * Reads an MDX file, splits its front matter and validates it with `validator`; every problem is
   * recorded, never thrown. What depends on the bytes alone comes from the cache when they are unchanged.
   */
  const readMdx = <S extends z.ZodType>(file: string, validator: S) => {
    const bytes = readFileSync(file);
    const hash = contentHash(bytes);
    contentHashes.set(file, hash);
    const facts = cache.facts(hash);
    if (!facts.source && !facts.problems) learnMdx(file, bytes, validator, facts);
    if (facts.compiled) mdxFiles.push(file);
    if (facts.problems) {
      problems.push(...facts.problems.map((problem) => ({ file: display(file), ...problem })));
      return undefined;
    }
    const source = facts.source as { data: z.output<S>; bodyOffset: number; bodyStartLine: number };
    const text = decodeContentText(bytes, MDX_LIMITS.maxBytes) as { ok: true; text: string };
    return { hash, data: source.data, body: text.text.slice(source.bodyOffset), bodyStartLine: source.bodyStartLine };
  };

  const learnMdx = (file: string, bytes: Buffer, validator: z.ZodType, facts: CachedFacts) => {
    cache.learnt();
    const text = decodeContentText(bytes, MDX_LIMITS.maxBytes);
    if (!text.ok) {
      facts.problems = [{ field: '(file)', message: text.problem }];
      return;
    }
    let source: ReturnType<typeof readArticleSource>;
    try {
      source = readArticleSource(file, text.text);
    } catch (error) {
      if (!(error instanceof FrontmatterError)) throw error;
      facts.problems = [{ field: '(front matter)', message: error.message }];
      return;
    }
    facts.compiled = true;
    const result = validateFile('', source.data, validator);
    if (!result.ok) {
      facts.problems = result.problems.map(({ field, message }) => ({ field, message }));
      return;
    }
    facts.source = {
      data: result.value,
      bodyOffset: text.text.length - source.body.length,
      bodyStartLine: source.bodyStartLine,
    };
  };

  const checkImage = localImageChecker(root);
  const imageFieldProblem = (file: string, field: string, reference: string) => {
    const problem = checkImage(file, reference);
    if (problem) problems.push({ file: display(file), field, message: problem });
  };

  // Media folders hold pictures only: the build would load any other file type as code.
  const listMedia = (dir: string, depth: number) => {
    if (!existsSync(dir) || depth > 4) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) listMedia(file, depth + 1);
      else if (!isImageFileName(entry.name)) {
        problems.push({
          file: display(file),
          field: '(file name)',
          message: `the media folder holds only pictures named like chart-2024.png (${IMAGE_EXTENSIONS.join(', ')}; lower-case letters, digits and hyphens): remove or rename this file`,
        });
      } else if (entry.name.endsWith('.svg')) {
        const text = readText(file, MAX_SVG_BYTES, '(file)');
        const problem = text === undefined ? undefined : svgProblem(text);
        if (problem) problems.push({ file: display(file), field: '(file)', message: problem });
      }
    }
  };
  for (const folder of MEDIA_FOLDERS) listMedia(path.join(root, folder), 0);

  for (const file of listFiles(path.join(root, 'people'), '.yml')) {
    const raw = readYaml(file);
    if (!raw) continue;
    const result = validateFile(display(file), raw, personValidator);
    if (result.ok) {
      people.set(idOf(file), { file: display(file), data: result.value });
      if (result.value.photo) imageFieldProblem(file, 'photo.image', result.value.photo.image);
    } else problems.push(...result.problems);
  }

  const settingsFile = path.join(root, 'settings', 'site.yml');
  let settings: SiteSettings | undefined;
  if (!existsSync(settingsFile)) {
    problems.push({
      file: display(settingsFile),
      field: '(file)',
      message: 'is missing: the site needs its settings file',
    });
  } else {
    const raw = readYaml(settingsFile);
    if (raw) {
      const result = validateFile(display(settingsFile), raw, settingsValidator);
      if (result.ok) settings = result.value;
      else problems.push(...result.problems);
    }
  }

  for (const file of listFiles(path.join(root, 'pages'), '.mdx')) {
    const source = readMdx(file, pageValidator);
    if (source) pages.push({ file: display(file), body: source.body, bodyStartLine: source.bodyStartLine });
  }

  for (const file of listFiles(path.join(root, 'articles'), '.mdx')) {
    const source = readMdx(file, articleValidator);
    if (!source) continue;
    const { data } = source;
    if (data.hero) imageFieldProblem(file, 'hero.image', data.hero.image);
    articles.push({
      file: display(file),
      contentHash: source.hash,
      id: idOf(file),
      data,
      body: source.body,
      bodyStartLine: source.bodyStartLine,
    });
  }

  return {
    root,
    articles,
    pages,
    people,
    settings,
    settingsFile: display(settingsFile),
    problems,
    mdxFiles,
    contentHashes,
  };
}
