// Astro's own front-matter splitter, the very copy @astrojs/mdx calls, so `check:content` cuts
// every file exactly where the build does (it also accepts `+++` fences and text after the
// closing fence: the content check refuses both, but it must first see them as Astro does).
import { createRequire } from 'node:module';

export interface AstroFrontmatter {
  /** What Astro parsed (js-yaml or TOML), or {} when it found no front matter. */
  frontmatter: Record<string, unknown>;
  /** The text between the fences, as Astro cut it ('' when there is none). */
  rawFrontmatter: string;
  /** The text the MDX compiler receives: the front matter replaced by spaces, lines kept. */
  content: string;
}

interface FrontmatterModule {
  parseFrontmatter(code: string, options: { frontmatter: 'empty-with-spaces' }): AstroFrontmatter;
  extractFrontmatter(code: string): string | undefined;
}

const requireHere = createRequire(import.meta.url);
const requireFromMdx = createRequire(requireHere.resolve('@astrojs/mdx'));
const astroHelpers = requireFromMdx('@astrojs/internal-helpers/frontmatter') as FrontmatterModule;

/** Splits (and parses) a file as @astrojs/mdx does before compiling it. Throws what Astro throws. */
export function splitLikeAstro(code: string): AstroFrontmatter {
  return astroHelpers.parseFrontmatter(code, { frontmatter: 'empty-with-spaces' });
}

/** The front-matter text Astro would cut from a file, without parsing it. */
export function astroFrontmatterText(code: string): string | undefined {
  return astroHelpers.extractFrontmatter(code);
}
