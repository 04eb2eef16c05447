import type { MdastPluginDefinition } from 'satteri';
import { preParseProblems } from './limits.ts';
import { type MdxSafetyProblem, unsafeMdxIn } from './safety.ts';

/** Editors' MDX broke the allow-list or a limit; carries every problem with its line. */
export class UnsafeMdxError extends Error {
  readonly file: string;
  readonly problems: MdxSafetyProblem[];
  /** Read by Astro's MDX plugin to point its error overlay at the first problem. */
  readonly line: number;
  readonly column = 1;

  constructor(file: string, problems: MdxSafetyProblem[]) {
    super(
      `Unsafe MDX in ${file}:\n${problems.map((p) => `  line ${p.line}: ${p.message}`).join('\n')}\n` +
        'Content from editors may only use Markdown and the allow-listed components with literal values.',
    );
    this.name = 'UnsafeMdxError';
    this.file = file;
    this.problems = problems;
    this.line = problems[0]?.line ?? 1;
  }
}

export interface GuardOptions {
  /** Checks a local picture the compiler would import, relative to the file that uses it. */
  checkLocalImage?: (fromFile: string, reference: string) => string | undefined;
}

const fileOf = (url: URL | undefined) => (url ? decodeURIComponent(url.pathname) : 'an MDX file');

/**
 * The build's guard, an mdast plugin for Sätteri. It runs on the compiler's own tree, last
 * among the plugins that may change it, and refuses the file (so it is never compiled to
 * JavaScript) when anything in the tree is outside the allow-list. What runs after it
 * (Astro's image collection and its hast steps) only reads the tree or renames images.
 */
export function mdxSafetyGuard(options: GuardOptions = {}): MdastPluginDefinition {
  return {
    name: 'steady-ground:mdx-allow-list',
    options: { position: true },
    after(root, ctx) {
      const file = fileOf(ctx.fileURL);
      const problems = unsafeMdxIn(root, {
        checkLocalImage: options.checkLocalImage && ((reference) => options.checkLocalImage?.(file, reference)),
      });
      if (problems.length > 0) throw new UnsafeMdxError(file, problems);
    },
  };
}

const MAX_FRONTMATTER_VALUES = 10_000;

/**
 * Problems with the front matter object Astro parsed and hands to the compiler: a `layout`
 * key makes the compiler import that file as code, and YAML aliases can make a small file
 * expand into billions of values when it is serialised.
 */
export function frontmatterProblems(frontmatter: unknown): MdxSafetyProblem[] {
  const problems: MdxSafetyProblem[] = [];
  if (frontmatter && typeof frontmatter === 'object' && 'layout' in frontmatter) {
    problems.push({
      line: 1,
      kind: 'frontmatter',
      message: 'the front matter field "layout" is not allowed: it would load another file as code',
    });
  }
  let values = 0;
  const stack: unknown[] = [frontmatter];
  while (stack.length > 0) {
    const value = stack.pop();
    if (++values > MAX_FRONTMATTER_VALUES) {
      problems.push({
        line: 1,
        kind: 'size',
        message: `the front matter holds more than ${MAX_FRONTMATTER_VALUES} values (YAML aliases?); the limit is ${MAX_FRONTMATTER_VALUES}`,
      });
      break;
    }
    if (value && typeof value === 'object') stack.push(...Object.values(value));
  }
  return problems;
}

/**
 * Everything checked before the native parser is called: the front matter Astro parsed, a
 * front matter Astro failed to cut off (a `---` block closed by `+++`, say, reaches the
 * compiler whole), and the limits on the text itself.
 */
export function compilerInputProblems(content: string, frontmatter: unknown): MdxSafetyProblem[] {
  const problems = frontmatterProblems(frontmatter);
  const fence = /^\uFEFF?(?:[ \t]*\r?\n)*[ \t]*(---|\+\+\+)/.exec(content);
  if (fence) {
    problems.push({
      line: content.slice(0, fence.index + fence[0].length).split('\n').length,
      kind: 'frontmatter',
      message: `the front matter is not closed the way it was opened: it must start with a line "---" and end with a line "---"`,
    });
  }
  return [...problems, ...preParseProblems(content)];
}
