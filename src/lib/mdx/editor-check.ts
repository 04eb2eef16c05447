// What the CMS tells an editor about the body before it is saved, in words they can act on:
// text that MDX would read as code or as a component (a bare `<5 g`, `{roughly}`), components the
// site does not offer, unsafe link addresses, and pictures without alt text. Each problem names
// the line and, where there is one obvious fix, carries it so the editor can apply it with a click.
// The server-side checks (check:content and the CMS save guard, on the site's own compiler) have
// the final word; this one runs in the browser on every keystroke.
import type { Nodes, Root } from 'mdast';
import { CALLOUT_LEVELS, MDX_COMPONENTS } from './components.ts';
import { parseMdxBody } from './editor-parse.ts';

/** A change that fixes a problem: replace body[from, to) with `insert`. */
export interface BodyFix {
  from: number;
  to: number;
  insert: string;
  /** What the button says, like "Write \\< instead". */
  label: string;
}

export interface BodyProblem {
  /** 1-based line in the body (the first line after the front matter is 1). */
  line: number;
  message: string;
  fix?: BodyFix;
}

const DANGEROUS_URL = /^\s*(?:javascript|vbscript|data)\s*:/i;
const COMPONENTS = MDX_COMPONENTS as Record<
  string,
  { attributes: Record<string, readonly string[] | 'text'>; required: readonly string[] }
>;
const OFFERED = 'the urgency callout and the helpline box (the + menu)';

/** Offsets of the start of each line, so line/column can be turned into a position and back. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

const quote = (text: string) => `“${text}”`;
const excerpt = (text: string, max = 24) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** The problem for a syntax error, phrased for the most common cause: a `<` or `{` meant as text. */
function syntaxProblem(body: string, reportedLine: number, reportedColumn: number, reason: string): BodyProblem {
  let line = reportedLine;
  let column = reportedColumn;
  // "Expected a closing tag for `<br>` (3:1-3:7)": the error is reported where the enclosing block
  // ends, but the tag is what the editor has to fix.
  const unclosed = /closing tag for `<([^>\s]*)[^`]*`\s*\((\d+):(\d+)-/.exec(reason);
  if (unclosed) {
    line = Number(unclosed[2]);
    column = Number(unclosed[3]) + 1;
    if (COMPONENTS[unclosed[1]]) {
      return {
        line,
        message: `the <${unclosed[1]}> that starts on this line has no closing </${unclosed[1]}>. Add </${unclosed[1]}> on its own line after its text, with an empty line before it.`,
      };
    }
  }
  const starts = lineStarts(body);
  const lineStart = starts[line - 1] ?? 0;
  const lineText = body.slice(lineStart, starts[line] !== undefined ? starts[line] - 1 : body.length);
  // micromark reports the character after `<` (or the end of the tag); the `<` is the last one at or before it.
  const angle = lineText.lastIndexOf('<', Math.max(0, column - 1));
  if (angle !== -1 && body[lineStart + angle - 1] !== '\\') {
    const at = lineStart + angle;
    const shown = excerpt(lineText.slice(angle).split(/\s{2,}/)[0] ?? '<', 16);
    const isAutolink = /^<(?:https?:|mailto:|[^\s>]+@)/i.test(lineText.slice(angle));
    if (isAutolink) {
      return {
        line,
        message: `${quote(shown)} is not read as a link here, and the page would not build. Write links as [words to click](https://address).`,
      };
    }
    const tag = /^<\/?([A-Za-z][\w.-]*)/.exec(lineText.slice(angle))?.[1];
    if (tag && !COMPONENTS[tag]) {
      return {
        line,
        message: `${quote(shown)} would be read as a component, and the page would not build: only ${OFFERED} may be used. To show a “<” sign, write \\< instead.`,
        fix: { from: at, to: at, insert: '\\', label: 'Write \\< instead' },
      };
    }
    if (!tag) {
      return {
        line,
        message: `${quote(shown)} would be read as the start of a component, and the page would not build. To show a “<” sign, write \\< (for example \\<5 g), or write “less than”.`,
        fix: { from: at, to: at, insert: '\\', label: 'Write \\< instead' },
      };
    }
  }
  const brace = lineText.lastIndexOf('{', Math.max(0, column - 1));
  if (brace !== -1 && body[lineStart + brace - 1] !== '\\') {
    const at = lineStart + brace;
    return {
      line,
      message: `${quote(excerpt(lineText.slice(brace), 16))} would be read as code, and the page would not build. To show a brace, write \\{ instead.`,
      fix: { from: at, to: at, insert: '\\', label: 'Write \\{ instead' },
    };
  }
  return {
    line,
    message: `this line cannot be read (${reason.replace(/\s*\(note:.*\)$/, '')}). A component such as <Callout> may be missing its closing tag, or a “<” or “{” meant as text needs a backslash before it.`,
  };
}

interface JsxAttribute {
  type: string;
  name?: string;
  value?: unknown;
}

function componentProblems(node: { name?: string | null; attributes?: JsxAttribute[] }, line: number): string[] {
  const name = node.name ?? '';
  const spec = COMPONENTS[name];
  if (!spec) {
    return [
      `<${name || '>…</'}> is not a component the site offers: only ${OFFERED} may be used. To show a “<” sign, write \\< instead.`,
    ];
  }
  const problems: string[] = [];
  const given = new Set((node.attributes ?? []).map((attribute) => attribute.name));
  for (const required of spec.required) {
    if (!given.has(required)) problems.push(`<${name}> needs ${required}="…" (line ${line}).`);
  }
  for (const attribute of node.attributes ?? []) {
    const attr = attribute.name ?? '';
    if (attribute.type !== 'mdxJsxAttribute') {
      problems.push(`<${name} {…}> is code, which pages may not contain.`);
    } else if (/^on/i.test(attr)) {
      problems.push(`<${name} ${attr}=…> is code, which pages may not contain: remove it.`);
    } else if (!spec.attributes[attr]) {
      problems.push(`<${name}> has no ${attr}="…" setting: remove it.`);
    } else if (typeof attribute.value !== 'string') {
      problems.push(`<${name} ${attr}=…> must be plain text in "double quotes", not code in braces.`);
    } else {
      const allowed = spec.attributes[attr];
      if (Array.isArray(allowed) && !allowed.includes(attribute.value)) {
        const labels = name === 'Callout' && attr === 'level' ? Object.keys(CALLOUT_LEVELS) : allowed;
        problems.push(`<${name} ${attr}="${attribute.value}"> must be one of: ${labels.join(', ')}.`);
      }
    }
  }
  return problems;
}

/** Problems found in an already parsed body. */
export function problemsInTree(body: string, tree: Root): BodyProblem[] {
  const problems: BodyProblem[] = [];
  const walk = (node: Nodes) => {
    const start = node.position?.start;
    const line = start?.line ?? 1;
    switch (node.type) {
      case 'mdxjsEsm':
        problems.push({
          line,
          message:
            'import/export lines are code, which pages may not contain: remove the line (the callout and helpline box need no import).',
        });
        return;
      case 'mdxFlowExpression':
      case 'mdxTextExpression': {
        const from = start?.offset;
        const to = node.position?.end.offset;
        const text = from !== undefined && to !== undefined ? body.slice(from, to) : `{${node.value}}`;
        problems.push({
          line,
          message: `${quote(excerpt(text))} would be read as code, and the page would not build. To show braces, write \\{ and \\}, or use round brackets instead.`,
          fix:
            from !== undefined && to !== undefined
              ? { from, to, insert: `\\{${text.slice(1, -1)}\\}`, label: 'Write \\{ and \\} instead' }
              : undefined,
        });
        return;
      }
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        for (const message of componentProblems(node as never, line)) problems.push({ line, message });
        break;
      case 'image':
        if (!node.alt?.trim()) {
          problems.push({
            line,
            message: `the picture ${node.url} has no alt text. Describe what it shows between the square brackets, like ![Tablets in a blister pack](${node.url}).`,
          });
        }
        if (DANGEROUS_URL.test(node.url)) {
          problems.push({
            line,
            message: 'a picture address starting with javascript: or data: is not allowed: upload the picture instead.',
          });
        }
        break;
      case 'link':
      case 'definition':
        if (DANGEROUS_URL.test(node.url)) {
          problems.push({
            line,
            message: `the link to ${quote(excerpt(node.url))} is not allowed: javascript: and data: addresses can run code. Link to an https:// page.`,
          });
        }
        break;
    }
    if ('children' in node) for (const child of node.children) walk(child as Nodes);
  };
  walk(tree);
  return problems.sort((a, b) => a.line - b.line);
}

/** Every problem in an article or page body, first line first. */
export function bodyProblems(body: string): BodyProblem[] {
  const parsed = parseMdxBody(body);
  if (parsed.error) return [syntaxProblem(body, parsed.error.line, parsed.error.column, parsed.error.reason)];
  return problemsInTree(body, parsed.tree);
}

/** The body with one fix applied. */
export function applyFix(body: string, fix: BodyFix): string {
  return body.slice(0, fix.from) + fix.insert + body.slice(fix.to);
}
