// An article body read the way the CMS needs it while an editor types: MDX (JSX, expressions,
// import/export) plus GFM (tables, footnotes, strikethrough, autolinks), with positions. This is
// micromark, MDX's own reference parser, which runs in the browser; the site itself compiles with
// Sätteri, and the server-side checks (check:content, the CMS save guard) have the final word.
import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { gfm } from 'micromark-extension-gfm';
import { mdxjs } from 'micromark-extension-mdxjs';

/** Where and why the MDX parser gave up. */
export interface MdxSyntaxError {
  /** 1-based line and column in the body. */
  line: number;
  column: number;
  /** 0-based offset in the body, when the parser knows it. */
  offset?: number;
  /** The parser's own words. */
  reason: string;
  /** micromark's rule id, such as `unexpected-character` or `end-tag-mismatch`. */
  rule: string;
}

export type ParsedBody = { tree: Root; error?: undefined } | { tree?: undefined; error: MdxSyntaxError };

interface VFileMessageLike {
  line?: number;
  column?: number;
  reason?: string;
  message?: string;
  ruleId?: string;
  place?: {
    line?: number;
    column?: number;
    offset?: number;
    start?: { line?: number; column?: number; offset?: number };
  };
}

/** Parses an MDX body; a syntax error is returned, not thrown. */
export function parseMdxBody(body: string): ParsedBody {
  try {
    const tree = fromMarkdown(body, {
      extensions: [mdxjs(), gfm()],
      mdastExtensions: [mdxFromMarkdown(), gfmFromMarkdown()],
    });
    return { tree };
  } catch (thrown) {
    const error = thrown as VFileMessageLike;
    const place = error.place?.start ?? error.place;
    return {
      error: {
        line: error.line ?? place?.line ?? 1,
        column: error.column ?? place?.column ?? 1,
        offset: place?.offset,
        reason: error.reason ?? error.message ?? String(thrown),
        rule: error.ruleId ?? 'syntax',
      },
    };
  }
}
