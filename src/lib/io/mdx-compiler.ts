// The one MDX compiler of the project. astro.config.mjs uses `editorMarkdownProcessor()` as
// Astro's Markdown processor, and `check:content` compiles every file through the same
// processor object, created the same way @astrojs/mdx creates it, after the same front-matter
// split. So the check and the build parse with the same parser, the same features (GFM tables,
// footnotes, strikethrough, task lists; smart punctuation) and the same plugins, and judge the
// same tree: they cannot disagree.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { satteri } from '@astrojs/markdown-satteri';
import { compilerInputProblems, mdxSafetyGuard, UnsafeMdxError } from '../mdx/guard.ts';
import { type ReaderLinksOptions, readerLinksPlugin } from '../mdx/reader-links-plugin.ts';
import type { MdxSafetyProblem } from '../mdx/safety.ts';
import { splitLikeAstro } from './astro-frontmatter.ts';
import { localImageChecker } from './local-media.ts';

/** Parser features for editors' content; astro.config.mjs passes exactly these. */
export const EDITOR_FEATURES = { gfm: true, smartPunctuation: true } as const;
/** No code highlighting: editors' pages have no code worth colouring, and it keeps Shiki out. */
export const SYNTAX_HIGHLIGHT = false as const;

type Processor = ReturnType<typeof satteri>;
type MdxRenderer = Awaited<ReturnType<NonNullable<Processor['createMdxRenderer']>>>;

/**
 * Astro's Sätteri processor with the allow-list guard as its last mdast plugin, and a check of
 * the limits (size, nesting, `{`, `import`/`export` lines) and of the front matter before the
 * native parser is called at all.
 */
export function editorMarkdownProcessor(
  contentRoot: string,
  readerLinks: ReaderLinksOptions = { phoneNumbers: [] },
): Processor {
  const guard = mdxSafetyGuard({ checkLocalImage: localImageChecker(contentRoot) });
  // After the guard has judged the editors' tree: [1] becomes a link to source 1 and emergency
  // numbers become tel: links in the HTML only (src/lib/mdx/reader-links-plugin.ts).
  const processor = satteri({
    mdastPlugins: [guard],
    hastPlugins: [readerLinksPlugin(readerLinks)],
    features: { ...EDITOR_FEATURES },
  });
  // Integrations may add mdast plugins to the processor after this; the guard must judge the
  // tree they leave behind, so it is moved to the end when the compiler is created.
  const keepGuardLast = () => {
    const plugins = processor.options.mdastPlugins;
    const index = plugins.indexOf(guard);
    if (index >= 0) plugins.splice(index, 1);
    plugins.push(guard);
  };
  const createMdxRenderer = processor.createMdxRenderer?.bind(processor);
  const createRenderer = processor.createRenderer.bind(processor);
  processor.createMdxRenderer = async (shared, mdx) => {
    keepGuardLast();
    const renderer = (await createMdxRenderer?.(shared, mdx)) as MdxRenderer;
    return {
      process(content, filePath, frontmatter) {
        const problems = compilerInputProblems(content, frontmatter);
        if (problems.length > 0) throw new UnsafeMdxError(filePath, problems);
        return renderer.process(content, filePath, frontmatter);
      },
    };
  };
  processor.createRenderer = async (shared) => {
    keepGuardLast();
    const renderer = await createRenderer(shared);
    return {
      render(content, options) {
        const file = options?.fileURL ? fileURLToPath(options.fileURL) : 'a Markdown file';
        const problems = compilerInputProblems(content, options?.frontmatter ?? {});
        if (problems.length > 0) throw new UnsafeMdxError(file, problems);
        return renderer.render(content, options);
      },
    };
  };
  return processor;
}

export interface CompiledMdx {
  problems: MdxSafetyProblem[];
  /** The JavaScript module the build would get (only when there were no problems). */
  code?: string;
}

const renderers = new Map<string, Promise<MdxRenderer>>();

/** The renderer @astrojs/mdx would create from this project's config, for one content root. */
function rendererFor(contentRoot: string): Promise<MdxRenderer> {
  let renderer = renderers.get(contentRoot);
  if (!renderer) {
    const { createMdxRenderer } = editorMarkdownProcessor(contentRoot);
    if (!createMdxRenderer) throw new Error('the Sätteri processor has no MDX renderer');
    // The same `shared` options @astrojs/mdx derives: processor features win over Markdown config.
    renderer = createMdxRenderer(
      {
        syntaxHighlight: SYNTAX_HIGHLIGHT,
        gfm: EDITOR_FEATURES.gfm,
        smartypants: EDITOR_FEATURES.smartPunctuation,
      },
      { optimize: false, srcDir: pathToFileURL(`${path.resolve('src')}/`), sourcemap: false },
    ) as Promise<MdxRenderer>;
    renderers.set(contentRoot, renderer);
  }
  return renderer;
}

/** A compiler error's line: Sätteri starts its messages with `line:column:`. */
function errorLine(error: unknown): number {
  const withLine = error as { line?: unknown; mark?: { line?: number }; message?: string };
  if (typeof withLine.line === 'number') return withLine.line;
  if (typeof withLine.mark?.line === 'number') return withLine.mark.line + 1;
  const match = /^(\d+):\d+:/.exec(withLine.message ?? '');
  return match ? Number(match[1]) : 1;
}

/** The problems a failed compile stands for: the guard's own list, or the compiler's error. */
export function compileErrorProblems(error: unknown): MdxSafetyProblem[] {
  if (error instanceof UnsafeMdxError) return error.problems;
  const message = ((error as Error).message ?? String(error)).replace(/^\d+:\d+:\s*/, '').split('\n')[0];
  return [{ line: errorLine(error), kind: 'syntax', message: `the MDX cannot be read: ${message}` }];
}

/**
 * Compiles one MDX file exactly as the build would (same split, same processor, same options)
 * and returns the guard's verdict, or the compiler's own error as a syntax problem.
 */
export async function compileEditorMdx(file: string, source: string, contentRoot: string): Promise<CompiledMdx> {
  let split;
  try {
    split = splitLikeAstro(source);
  } catch (error) {
    const reason = ((error as { reason?: string }).reason ?? (error as Error).message).split('\n')[0];
    return {
      problems: [{ line: errorLine(error), kind: 'syntax', message: `the front matter cannot be read: ${reason}` }],
    };
  }
  try {
    const renderer = await rendererFor(contentRoot);
    const result = await renderer.process(split.content, path.resolve(file), split.frontmatter);
    return { problems: [], code: result.code };
  } catch (error) {
    return { problems: compileErrorProblems(error) };
  }
}
