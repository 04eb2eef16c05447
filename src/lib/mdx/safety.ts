// Editors' MDX is data, not code. This walks the tree the real compiler built (Sätteri's mdast,
// GFM on) and accepts only what is listed here: text, the Markdown constructs below, and the
// components in components.ts with literal attribute values. Anything else (import/export,
// {expressions}, other elements, raw HTML, front matter the splitter left in, math, unknown
// node types from a future parser) is refused: an allow-list, so nothing new slips through.
import { isSameSitePath } from '../core/same-site.ts';
import { MDX_COMPONENTS } from './components.ts';
import { MDX_LIMITS } from './limits.ts';
import { localImageReferenceProblem } from './media.ts';

export type MdxProblemKind =
  | 'esm'
  | 'expression'
  | 'element'
  | 'attribute'
  | 'url'
  | 'image'
  | 'construct'
  | 'syntax'
  | 'size'
  | 'nesting'
  | 'frontmatter';

export interface MdxSafetyProblem {
  /** 1-based line in the file (front matter included). */
  line: number;
  /** Short id of what was found, used as the rule name `mdx-<kind>`. */
  kind: MdxProblemKind;
  message: string;
}

interface TreeNode {
  type: string;
  children?: TreeNode[];
  name?: string | null;
  url?: string;
  depth?: number;
  attributes?: Array<{ type: string; name?: string; value?: unknown }>;
  position?: { start?: { line?: number } };
  data?: Record<string, unknown>;
}

export interface AllowListOptions {
  /**
   * Checks a local picture the build would import (the file exists, is an image, stays inside
   * the content folder). Given the reference exactly as the compiler will resolve it.
   */
  checkLocalImage?: (reference: string) => string | undefined;
}

type Spec = { attributes: Record<string, readonly string[] | 'text'>; required: readonly string[]; children: boolean };
const COMPONENTS = MDX_COMPONENTS as unknown as Record<string, Spec>;
const componentList = Object.keys(COMPONENTS)
  .map((name) => `<${name}>`)
  .join(' and ');

/** Markdown constructs that become plain, attribute-free HTML (or a fixed footnote/table markup). */
const PLAIN_CONSTRUCTS = new Set([
  'root',
  'paragraph',
  'heading',
  'thematicBreak',
  'blockquote',
  'list',
  'listItem',
  'table',
  'tableRow',
  'tableCell',
  'text',
  'emphasis',
  'strong',
  'delete',
  'inlineCode',
  'code',
  'break',
  'footnoteDefinition',
  'footnoteReference',
  'linkReference',
]);

/** Mdast `data` fields a plugin could use to turn a node into arbitrary HTML. */
const RENDERING_HINTS = ['hName', 'hProperties', 'hChildren'];

const CONSTRUCT_NAMES: Record<string, string> = {
  html: 'raw HTML',
  yaml: 'a second front-matter block',
  toml: 'a TOML front-matter block',
  imageReference: 'a picture by reference (![alt][name])',
  math: 'math',
  inlineMath: 'math',
};

/** Link targets readers may follow: web and mail addresses, phone numbers, this site, this page. */
export function linkUrlProblem(url: string): string | undefined {
  const shown = url.length > 40 ? `${url.slice(0, 37)}…` : url;
  if ([...url].some((ch) => ch <= ' ' || ch === '\u007f' || ch === '\\')) {
    return `the link "${shown}" contains spaces, control characters or \\: write the address without them`;
  }
  if (url.startsWith('#')) {
    return /^#[A-Za-z0-9\-._~%]*$/.test(url) ? undefined : `the link "${shown}" is not a plain #section link`;
  }
  if (url.startsWith('/')) {
    return isSameSitePath(url) ? undefined : `the link "${shown}" is not a path on this site`;
  }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme === 'https' || scheme === 'http') {
    return URL.canParse(url) ? undefined : `the link "${shown}" is not a valid web address`;
  }
  if (scheme === 'mailto' || scheme === 'tel') return undefined;
  if (scheme) return `a link to "${shown}" is not allowed: only https:, http:, mailto: and tel: addresses`;
  return `the link "${shown}" must be a full https:// address or a path on this site starting with /`;
}

function jsxProblems(node: TreeNode, add: (kind: MdxProblemKind, message: string) => void): void {
  const name = node.name ?? '';
  const spec = Object.hasOwn(COMPONENTS, name) ? COMPONENTS[name] : undefined;
  if (!spec) {
    add(
      'element',
      `<${name || '>…</'}> is not allowed: only ${componentList} may be used (write "<" as \\< for a literal)`,
    );
    return;
  }
  const attributes = node.attributes ?? [];
  const given = new Set(attributes.map((attribute) => attribute.name));
  for (const required of spec.required.filter((attr) => !given.has(attr))) {
    add('attribute', `<${name}> needs a ${required}="…" attribute`);
  }
  for (const attribute of attributes) {
    if (attribute.type !== 'mdxJsxAttribute') {
      add('expression', `<${name} {…}> spread attributes are not allowed`);
      continue;
    }
    const attrName = attribute.name ?? '';
    const allowedValues = Object.hasOwn(spec.attributes, attrName) ? spec.attributes[attrName] : undefined;
    if (allowedValues === undefined) {
      add(
        'attribute',
        `<${name} ${attrName}=…> is not an attribute of ${name}; allowed: ${Object.keys(spec.attributes).join(', ') || 'none'}`,
      );
      continue;
    }
    if (typeof attribute.value !== 'string') {
      add(
        attribute.value == null ? 'attribute' : 'expression',
        `<${name} ${attrName}> must have a literal "quoted" value${attribute.value == null ? '' : ', not an expression'}`,
      );
      continue;
    }
    if (Array.isArray(allowedValues) && !allowedValues.includes(attribute.value)) {
      add('attribute', `<${name} ${attrName}="${attribute.value}"> expected one of: ${allowedValues.join(', ')}`);
    }
  }
  if (!spec.children && (node.children?.length ?? 0) > 0) {
    add('element', `<${name}> takes no content: write it as <${name} />`);
  }
}

/**
 * Every problem in a parsed tree. The walk uses its own stack (a hostile tree must not
 * overflow JavaScript's) and refuses trees deeper than MDX_LIMITS.maxTreeDepth.
 */
export function unsafeMdxIn(tree: unknown, options: AllowListOptions = {}): MdxSafetyProblem[] {
  const problems: MdxSafetyProblem[] = [];
  const stack: Array<{ node: TreeNode; depth: number; line: number }> = [{ node: tree as TreeNode, depth: 0, line: 1 }];
  let depthReported = false;
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { node, depth, line: parentLine } = item;
    const line = node.position?.start?.line ?? parentLine;
    const add = (kind: MdxProblemKind, message: string) => problems.push({ line, kind, message });
    if (depth > MDX_LIMITS.maxTreeDepth) {
      if (!depthReported) add('nesting', `the text nests more than ${MDX_LIMITS.maxTreeDepth} levels deep`);
      depthReported = true;
      continue;
    }
    if (node.data && RENDERING_HINTS.some((hint) => hint in (node.data as object))) {
      add('construct', 'a plugin asked for custom HTML here, which editors’ content may not carry');
    }
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
      case 'mdxJsxTextElement':
        jsxProblems(node, add);
        break;
      case 'link':
      case 'definition': {
        const problem = linkUrlProblem(node.url ?? '');
        if (problem) add('url', problem);
        break;
      }
      case 'image': {
        const problem =
          localImageReferenceProblem(node.url ?? '') ?? options.checkLocalImage?.(decodeURI(node.url ?? ''));
        if (problem) add('image', `picture: ${problem}`);
        break;
      }
      default:
        if (!PLAIN_CONSTRUCTS.has(node.type)) {
          add('construct', `${CONSTRUCT_NAMES[node.type] ?? `"${node.type}"`} is not allowed in editors’ content`);
          continue;
        }
    }
    const children = node.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], depth: depth + 1, line });
  }
  return problems.sort((a, b) => a.line - b.line);
}
