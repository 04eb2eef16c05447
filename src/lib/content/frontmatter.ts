import { isAlias, isScalar, LineCounter, parseDocument, visit } from 'yaml';

export interface SplitSource {
  /** The parsed front matter (an empty object when there is none). */
  data: Record<string, unknown>;
  /** Everything after the closing `---`, exactly as written. */
  body: string;
  /** 1-based line number of the first body line, for error messages. */
  bodyStartLine: number;
}

export class FrontmatterError extends Error {}

const FENCE = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;

/** The YAML between a first line `---` and the next line that is exactly `---`, if there is one. */
export function frontmatterText(source: string): string | undefined {
  return FENCE.exec(source)?.[1];
}

/** Splits an MDX/Markdown file into its YAML front matter and its body. */
export function splitFrontmatter(source: string): SplitSource {
  const match = FENCE.exec(source);
  if (!match) return { data: {}, body: source, bodyStartLine: 1 };
  return {
    data: parseYamlObject(match[1], 1),
    body: source.slice(match[0].length),
    bodyStartLine: match[0].split('\n').length,
  };
}

/** Limits on a YAML document, checked before it is parsed (deep nesting overflows the parsers). */
export const YAML_LIMITS = {
  /** Columns of indentation: each level of a block mapping or list needs at least one. */
  maxIndent: 64,
  /** `[` and `{` in the document: each level of a flow collection needs one. */
  maxFlowBrackets: 256,
} as const;

function yamlShapeProblem(text: string, lineOffset: number): string | undefined {
  const lines = text.split('\n');
  let brackets = 0;
  for (let i = 0; i < lines.length; i++) {
    const indent = lines[i].length - lines[i].replace(/^[ \t]+/, '').length;
    if (indent > YAML_LIMITS.maxIndent && lines[i].trim() !== '') {
      return `line ${i + 1 + lineOffset}: indented ${indent} columns; the limit is ${YAML_LIMITS.maxIndent}`;
    }
    brackets += lines[i].match(/[[{]/g)?.length ?? 0;
    if (brackets > YAML_LIMITS.maxFlowBrackets) {
      return `line ${i + 1 + lineOffset}: more than ${YAML_LIMITS.maxFlowBrackets} [ or { brackets in the file, the limit`;
    }
  }
  return undefined;
}

/**
 * Parses a YAML document that must be a mapping (a person or settings file, or front matter).
 * Only plain YAML is accepted: anchors, aliases, tags and merge keys are refused, because
 * aliases can expand a few lines into billions of values and Astro's YAML reader (js-yaml)
 * reads tags and merge keys differently from this one.
 */
export function parseYamlObject(text: string, lineOffset = 0): Record<string, unknown> {
  const shape = yamlShapeProblem(text, lineOffset);
  if (shape) throw new FrontmatterError(`${shape}: the YAML is nested too deeply to be read safely`);
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const lineAt = (offset: number | undefined) =>
    (offset === undefined ? 1 : lineCounter.linePos(offset).line) + lineOffset;
  const [error] = [...doc.errors, ...doc.warnings];
  if (error) {
    throw new FrontmatterError(
      `line ${lineAt(error.pos[0])}: the YAML cannot be read (${error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')})`,
    );
  }
  let refused: string | undefined;
  visit(doc, {
    Alias(_, node) {
      refused ??= `line ${lineAt(node.range?.[0])}: YAML aliases (*${node.source}) are not allowed: write the value out`;
      return visit.BREAK;
    },
    Node(_, node) {
      if (isAlias(node)) return;
      if (node.anchor) refused ??= `line ${lineAt(node.range?.[0])}: YAML anchors (&${node.anchor}) are not allowed`;
      else if (node.tag) refused ??= `line ${lineAt(node.range?.[0])}: YAML tags (${node.tag}) are not allowed`;
    },
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.value === '<<') {
        refused ??= `line ${lineAt(pair.key.range?.[0])}: YAML merge keys (<<) are not allowed`;
      }
    },
  });
  if (refused) throw new FrontmatterError(refused);
  const value: unknown = doc.toJS({ maxAliasCount: 0 });
  if (value == null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new FrontmatterError('expected YAML key: value pairs');
  }
  return value as Record<string, unknown>;
}
