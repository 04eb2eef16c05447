import { parse as parseYaml, YAMLParseError } from 'yaml';

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

/** Parses a YAML document that must be a mapping (a person or settings file, or front matter). */
export function parseYamlObject(text: string, lineOffset = 0): Record<string, unknown> {
  let value: unknown;
  try {
    value = parseYaml(text);
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const line = (error.linePos?.[0]?.line ?? 0) + lineOffset;
      throw new FrontmatterError(`line ${line}: the YAML cannot be read (${error.message.split('\n')[0]})`);
    }
    throw error;
  }
  if (value == null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new FrontmatterError('expected YAML key: value pairs');
  }
  return value as Record<string, unknown>;
}
