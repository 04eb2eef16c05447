// Reads content/ straight from disk and validates it with the same Zod schemas the build
// uses, so `npm run check:content` needs no build and reports every problem at once.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'astro/zod';
import { articleSchema } from '../../schemas/article.ts';
import { pageSchema } from '../../schemas/page.ts';
import { personSchema } from '../../schemas/person.ts';
import { type SiteSettings, settingsSchema } from '../../schemas/settings.ts';
import { FrontmatterError, parseYamlObject, splitFrontmatter } from '../content/frontmatter.ts';
import { plainHelpers } from '../content/schema-helpers.ts';
import { type FieldProblem, problemsFromZod } from '../content/schema-issues.ts';

const articleValidator = articleSchema(plainHelpers);
const personValidator = personSchema(plainHelpers);

export type CheckedArticleData = z.output<typeof articleValidator>;
export type CheckedPersonData = z.output<typeof personValidator>;

export interface ArticleFile {
  /** Path relative to the working directory, as messages print it. */
  file: string;
  id: string;
  data: CheckedArticleData;
  body: string;
  bodyStartLine: number;
}

export interface LoadedContent {
  root: string;
  articles: ArticleFile[];
  /** Fixed site pages (content/pages/), checked for MDX safety like articles. */
  pages: Array<{ file: string; body: string; bodyStartLine: number }>;
  people: Map<string, { file: string; data: CheckedPersonData }>;
  settings?: SiteSettings;
  settingsFile: string;
  /** Files that could not be read or did not match their schema. */
  problems: FieldProblem[];
}

function listFiles(dir: string, extension: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith(extension))
    .sort()
    .map((name) => path.join(dir, name));
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

export function readArticleSource(_file: string, source: string) {
  const { data, body, bodyStartLine } = splitFrontmatter(source);
  return { data, body, bodyStartLine };
}

export function loadContent(root: string, cwd = process.cwd()): LoadedContent {
  const display = (file: string) => path.relative(cwd, file) || file;
  const problems: FieldProblem[] = [];
  const articles: ArticleFile[] = [];
  const pages: LoadedContent['pages'] = [];
  const people: LoadedContent['people'] = new Map();

  const readYaml = (file: string) => {
    try {
      return parseYamlObject(readFileSync(file, 'utf8'));
    } catch (error) {
      if (!(error instanceof FrontmatterError)) throw error;
      problems.push({ file: display(file), field: '(file)', message: error.message });
      return undefined;
    }
  };

  for (const file of listFiles(path.join(root, 'people'), '.yml')) {
    const raw = readYaml(file);
    if (!raw) continue;
    const result = validateFile(display(file), raw, personValidator);
    if (result.ok) people.set(idOf(file), { file: display(file), data: result.value });
    else problems.push(...result.problems);
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
      const result = validateFile(display(settingsFile), raw, settingsSchema);
      if (result.ok) settings = result.value;
      else problems.push(...result.problems);
    }
  }

  for (const file of listFiles(path.join(root, 'pages'), '.mdx')) {
    try {
      const { data, body, bodyStartLine } = splitFrontmatter(readFileSync(file, 'utf8'));
      const result = validateFile(display(file), data, pageSchema);
      if (!result.ok) problems.push(...result.problems);
      pages.push({ file: display(file), body, bodyStartLine });
    } catch (error) {
      if (!(error instanceof FrontmatterError)) throw error;
      problems.push({ file: display(file), field: '(front matter)', message: error.message });
    }
  }

  for (const file of listFiles(path.join(root, 'articles'), '.mdx')) {
    let source;
    try {
      source = readArticleSource(file, readFileSync(file, 'utf8'));
    } catch (error) {
      if (!(error instanceof FrontmatterError)) throw error;
      problems.push({ file: display(file), field: '(front matter)', message: error.message });
      continue;
    }
    const result = validateFile(display(file), source.data, articleValidator);
    if (!result.ok) {
      problems.push(...result.problems);
      continue;
    }
    const data = result.value;
    if (data.hero && !existsSync(path.resolve(path.dirname(file), data.hero.image))) {
      problems.push({
        file: display(file),
        field: 'hero.image',
        message: `points to ${data.hero.image}, which does not exist next to the article: upload the image or fix the path`,
      });
    }
    articles.push({
      file: display(file),
      id: idOf(file),
      data,
      body: source.body,
      bodyStartLine: source.bodyStartLine,
    });
  }

  return { root, articles, pages, people, settings, settingsFile: display(settingsFile), problems };
}
