// Editors' MDX is data, not code. This walks the real MDX syntax tree (the parser MDX itself
// uses) and rejects anything that could run code or pull in markup we did not design:
// import/export, {expressions}, components outside the allow-list, non-literal or unknown
// attributes, on* handlers, and javascript:/data: URLs.
import { fromMarkdown } from 'mdast-util-from-markdown';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { mdxjs } from 'micromark-extension-mdxjs';
import { visit } from 'unist-util-visit';
import { MDX_COMPONENTS } from './components.ts';

export interface MdxSafetyProblem {
  /** 1-based line in the file (front matter included). */
  line: number;
  /** Short id of what was found: `esm`, `expression`, `element`, `attribute`, `handler`, `url`, `syntax`. */
  kind: 'esm' | 'expression' | 'element' | 'attribute' | 'handler' | 'url' | 'syntax';
  message: string;
}

interface Node {
  type: string;
  name?: string | null;
  url?: string;
  attributes?: Array<{ type: string; name?: string; value?: unknown }>;
  position?: { start: { line: number } };
}

const DANGEROUS_URL = /^\s*(?:javascript|vbscript|data)\s*:/i;
const ALLOWED = MDX_COMPONENTS as Record<
  string,
  { attributes: Record<string, readonly string[] | 'text'>; required: readonly string[] }
>;
const allowedList = Object.keys(ALLOWED)
  .map((name) => `<${name}>`)
  .join(' and ');

/** Problems in an already-parsed MDX tree (used by the content check and the build's remark plugin). */
export function unsafeMdxIn(tree: unknown, lineOffset = 0): MdxSafetyProblem[] {
  const problems: MdxSafetyProblem[] = [];
  visit(tree as Parameters<typeof visit>[0], (raw) => {
    const node = raw as unknown as Node;
    const line = (node.position?.start.line ?? 1) + lineOffset;
    const add = (kind: MdxSafetyProblem['kind'], message: string) => problems.push({ line, kind, message });
    switch (node.type) {
      case 'mdxjsEsm':
        add(
          'esm',
          'import/export statements are not allowed: components are provided by the site, no import is needed',
        );
        break;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        add('expression', '{…} expressions are not allowed: write plain text (escape a literal brace as \\{)');
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const name = node.name ?? '';
        const spec = ALLOWED[name];
        if (!spec) {
          add('element', `<${name || '>…</'}> is not allowed: only ${allowedList} may be used`);
          break;
        }
        const given = new Set((node.attributes ?? []).map((attribute) => attribute.name));
        for (const required of spec.required.filter((attr) => !given.has(attr))) {
          add('attribute', `<${name}> needs a ${required}="…" attribute`);
        }
        for (const attribute of node.attributes ?? []) {
          if (attribute.type !== 'mdxJsxAttribute') {
            add('expression', `<${name} {…}> spread attributes are not allowed`);
            continue;
          }
          const attrName = attribute.name ?? '';
          if (/^on/i.test(attrName)) {
            add('handler', `<${name} ${attrName}=…> event handlers are not allowed`);
            continue;
          }
          const allowedValues = spec.attributes[attrName];
          if (allowedValues === undefined) {
            add(
              'attribute',
              `<${name} ${attrName}=…> is not an attribute of ${name}; allowed: ${Object.keys(spec.attributes).join(', ') || 'none'}`,
            );
            continue;
          }
          if (typeof attribute.value !== 'string') {
            add('expression', `<${name} ${attrName}=…> must be a literal "quoted" value, not an expression`);
            continue;
          }
          if (DANGEROUS_URL.test(attribute.value)) {
            add(
              'url',
              `<${name} ${attrName}="${attribute.value.slice(0, 20)}…"> javascript: and data: values are not allowed`,
            );
            continue;
          }
          if (Array.isArray(allowedValues) && !allowedValues.includes(attribute.value)) {
            add('attribute', `<${name} ${attrName}="${attribute.value}"> expected one of: ${allowedValues.join(', ')}`);
          }
        }
        break;
      }
      case 'link':
      case 'image':
      case 'definition':
        if (node.url && DANGEROUS_URL.test(node.url)) {
          add(
            'url',
            `a ${node.type === 'image' ? 'picture' : 'link'} to "${node.url.slice(0, 24)}…" is not allowed: javascript: and data: addresses can run code`,
          );
        }
        break;
    }
  });
  return problems;
}

/** Parses an MDX body and returns every safety problem, or the syntax error that stopped parsing. */
export function checkMdxBody(body: string, lineOffset = 0): MdxSafetyProblem[] {
  let tree;
  try {
    tree = fromMarkdown(body, { extensions: [mdxjs()], mdastExtensions: [mdxFromMarkdown()] });
  } catch (error) {
    const place =
      (error as { line?: number; place?: { line?: number } }).line ??
      (error as { place?: { line?: number } }).place?.line ??
      1;
    const reason = (error as { reason?: string }).reason ?? (error as Error).message;
    return [{ line: place + lineOffset, kind: 'syntax', message: `the MDX cannot be read: ${reason}` }];
  }
  return unsafeMdxIn(tree, lineOffset);
}
