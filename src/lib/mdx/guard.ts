import { fileURLToPath } from 'node:url';
import { splitFrontmatter } from '../content/frontmatter.ts';
import { checkMdxBody } from './safety.ts';

interface PluginContext {
  readonly fileURL: URL | undefined;
  readonly sourceFormat: 'markdown' | 'mdx';
  readonly source: string;
}

/**
 * Build-time guard for Astro 7's Markdown processor (Sätteri): before an MDX file is
 * compiled to JavaScript, the same safety rules as `check:content` run over its source,
 * so unsafe content never runs, even under `astro dev` or a build that skipped the check.
 * It adds no plugin to the pipeline; it only refuses.
 */
export function mdxSafetyGuard(context: PluginContext): null {
  if (context.sourceFormat !== 'mdx') return null;
  const { body, bodyStartLine } = splitFrontmatter(context.source);
  const problems = checkMdxBody(body, bodyStartLine - 1);
  if (problems.length > 0) {
    const where = context.fileURL ? fileURLToPath(context.fileURL) : 'an MDX file';
    throw new Error(
      `Unsafe MDX in ${where}:\n${problems.map((p) => `  line ${p.line}: ${p.message}`).join('\n')}\nContent from editors may only use the allow-listed components with literal values.`,
    );
  }
  return null;
}
