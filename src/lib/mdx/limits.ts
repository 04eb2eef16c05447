/**
 * Limits checked on an MDX file's text BEFORE the native Markdown parser sees it.
 *
 * The parser (Sätteri, Rust) recurses on nested structure: about 4 KB of nested `>` made
 * `astro build` die with a segmentation fault, with no message. A crash cannot be caught,
 * so hostile shapes are refused here, by a linear scan that over-estimates what the parser
 * could nest: each count below can only be larger than the depth the parser would build.
 * Real articles stay far below every limit (the longest sample article is 14 KB, nests 2 deep).
 */

export const MDX_LIMITS = {
  /** Bytes of UTF-8 text in one MDX file (front matter included): 9× the longest sample article. */
  maxBytes: 128 * 1024,
  /** Blockquote and list levels opened on one line (`>`, `-`, `1.`, and 2 columns of indent each). */
  maxNesting: 24,
  /** JSX tags (`<Name`, `</`) in one file: each can open a level, so their count bounds the depth. */
  maxTags: 200,
  /** Emphasis marks (`*`, `_`, `~`) in one paragraph: each level of emphasis needs two. */
  maxEmphasisMarks: 1000,
  /** Depth of the parsed tree, checked again by the guard on the compiler's own tree. */
  maxTreeDepth: 64,
} as const;

export interface LimitProblem {
  /** 1-based line in the text given. */
  line: number;
  kind: 'size' | 'nesting' | 'expression' | 'esm';
  message: string;
}

const utf8Length = (text: string) => new TextEncoder().encode(text).length;

/** Columns of leading whitespace (a tab counts as 4, as CommonMark's tab stops allow at most). */
function nestingOf(line: string): number {
  let depth = 0;
  let columns = 0;
  let index = 0;
  for (;;) {
    const rest = line.slice(index);
    const space = /^[ \t]+/.exec(rest);
    if (space) {
      for (const ch of space[0]) columns += ch === '\t' ? 4 : 1;
      index += space[0].length;
      continue;
    }
    const marker = /^(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)|\[\^[^\]\s]*\]:)/.exec(rest);
    if (!marker) break;
    depth += 1;
    index += marker[0].length;
  }
  return depth + Math.floor(columns / 2);
}

/** An ESM statement starts a line in MDX; a container prefix is skipped to over-approximate. */
const ESM_LINE = /^(?:[ \t>]|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])|\[\^[^\]\s]*\]:)*(?:import|export)(?![\w$])/;

/** Positions of `{` not escaped by an odd number of backslashes. */
function unescapedBraces(line: string): number {
  let count = 0;
  for (let i = 0; i < line.length; i++) {
    if (line[i] !== '{') continue;
    let backslashes = 0;
    for (let j = i - 1; j >= 0 && line[j] === '\\'; j--) backslashes++;
    if (backslashes % 2 === 0) count++;
  }
  return count;
}

/**
 * Every limit the text breaks, each with the line where it is first broken. An empty list
 * means the parser may see the text. `{` and `import`/`export` lines are refused here too:
 * they are the only ways into JavaScript (and the parser's JavaScript reader recurses too).
 */
export function preParseProblems(text: string): LimitProblem[] {
  const problems: LimitProblem[] = [];
  const bytes = utf8Length(text);
  const lines = text.split('\n');
  if (bytes > MDX_LIMITS.maxBytes) {
    let total = 0;
    let line = lines.length;
    for (let i = 0; i < lines.length; i++) {
      total += utf8Length(lines[i]) + 1;
      if (total > MDX_LIMITS.maxBytes) {
        line = i + 1;
        break;
      }
    }
    problems.push({
      line,
      kind: 'size',
      message: `the file is ${Math.ceil(bytes / 1024)} KB, more than the limit of ${MDX_LIMITS.maxBytes / 1024} KB for one page: split it into several articles`,
    });
    // A file this large is not scanned further: the size alone is the answer.
    return problems;
  }

  let tags = 0;
  let tagLimitLine = 0;
  let emphasisMarks = 0;
  let paragraphStart = 1;
  let nestingReported = false;
  let emphasisReported = false;
  let braceLines = 0;
  let esmLines = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const lineNumber = i + 1;
    if (!nestingReported && line.trim() !== '' && nestingOf(line) > MDX_LIMITS.maxNesting) {
      nestingReported = true;
      problems.push({
        line: lineNumber,
        kind: 'nesting',
        message: `this line nests quotes, lists or indentation ${nestingOf(line)} levels deep; the limit is ${MDX_LIMITS.maxNesting}`,
      });
    }
    if (line.trim() === '') {
      emphasisMarks = 0;
      paragraphStart = lineNumber + 1;
    } else {
      emphasisMarks += line.match(/[*_~]/g)?.length ?? 0;
      if (!emphasisReported && emphasisMarks > MDX_LIMITS.maxEmphasisMarks) {
        emphasisReported = true;
        problems.push({
          line: paragraphStart,
          kind: 'nesting',
          message: `this paragraph has more than ${MDX_LIMITS.maxEmphasisMarks} emphasis marks (*, _, ~), the limit for one paragraph`,
        });
      }
    }
    const tagsHere = line.match(/<[A-Za-z$_/>]/g)?.length ?? 0;
    tags += tagsHere;
    if (tags > MDX_LIMITS.maxTags && tagLimitLine === 0) tagLimitLine = lineNumber;
    if (unescapedBraces(line) > 0 && braceLines++ < 5) {
      problems.push({
        line: lineNumber,
        kind: 'expression',
        message: '"{" starts JavaScript in MDX, which is not allowed: write \\{ for a literal brace',
      });
    }
    if (ESM_LINE.test(line) && esmLines++ < 5) {
      problems.push({
        line: lineNumber,
        kind: 'esm',
        message:
          'a line starting with "import" or "export" is JavaScript in MDX, which is not allowed: components need no import; start the sentence with another word',
      });
    }
  }
  if (tagLimitLine > 0) {
    problems.push({
      line: tagLimitLine,
      kind: 'nesting',
      message: `the file has ${tags} component tags (<…>); the limit is ${MDX_LIMITS.maxTags}`,
    });
  }
  return problems.sort((a, b) => a.line - b.line);
}
