// The article body in the preview pane, rendered like the site renders it: GFM Markdown, heading
// ids from github-slugger (the table of contents links to them), citations such as [1][3] as the
// plain text they are, and the two components with the site's own markup and the real helpline.
// Elements are built with React, so text is never parsed as HTML; only safe link addresses are kept.
import GithubSlugger from 'github-slugger';
import type { Nodes, Root, RootContent } from 'mdast';
import type { CmsSiteData } from '../lib/cms/site-data.ts';
import { CALLOUT_LEVELS, type CalloutLevel } from '../lib/mdx/components.ts';
import { parseMdxBody } from '../lib/mdx/editor-parse.ts';
import { type Element, h } from './decap.ts';

export interface Heading {
  depth: number;
  text: string;
  slug: string;
}

export interface RenderOptions {
  site: CmsSiteData;
  /** Resolves a picture's path (./images/x.svg) to something the preview can load. */
  assetUrl: (path: string) => string;
}

const SAFE_URL = /^(?:https?:|mailto:|tel:|\/|\.{0,2}\/|#)/i;

/** The plain text of a node, as github-slugger sees a heading. */
export function textOf(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string' && node.type !== 'mdxFlowExpression') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(textOf).join('');
  return '';
}

/** The headings of a parsed body, with the ids the site gives them. */
export function headingsOf(tree: Root): Heading[] {
  const slugger = new GithubSlugger();
  const headings: Heading[] = [];
  const walk = (node: Nodes) => {
    if (node.type === 'heading') {
      const text = textOf(node);
      headings.push({ depth: node.depth, text, slug: slugger.slug(text) });
    }
    if ('children' in node) for (const child of node.children) walk(child as Nodes);
  };
  walk(tree);
  return headings;
}

/** The site's <HelplineBox />, with the numbers from site settings. */
export function helplineBox(site: CmsSiteData): Element {
  const helpline = site.helpline;
  if (!helpline) {
    return h('div', { className: 'helpline-box' }, h('p', null, 'The helpline is not set: fix it in Site settings.'));
  }
  return h(
    'div',
    { className: 'helpline-box' },
    h('p', { className: 'helpline-box__title' }, 'Need help now? Talk to someone.'),
    h(
      'p',
      { className: 'helpline-box__call' },
      h(
        'a',
        { className: 'helpline-box__number', href: `tel:${helpline.display.replace(/[^+0-9]/g, '')}` },
        `Call ${helpline.display}`,
      ),
    ),
    h('p', null, `Answered by ${helpline.answeredBy}, ${helpline.hours}.`),
    helpline.note ? h('p', { className: 'helpline-box__note' }, helpline.note) : null,
  );
}

function notAllowed(what: string): Element {
  return h('span', { className: 'sg-preview-problem' }, `${what} (not allowed: see the message under the body)`);
}

interface JsxNode {
  name?: string | null;
  attributes?: Array<{ type: string; name?: string; value?: unknown }>;
  children: RootContent[];
}

class BodyRenderer {
  private readonly slugger = new GithubSlugger();
  private readonly definitions = new Map<string, { url: string; title?: string | null }>();
  private readonly footnotes = new Map<string, RootContent[]>();
  private readonly footnoteOrder: string[] = [];
  private readonly options: RenderOptions;

  constructor(options: RenderOptions) {
    this.options = options;
  }

  render(tree: Root): Element[] {
    const collect = (node: Nodes) => {
      if (node.type === 'definition') this.definitions.set(node.identifier, { url: node.url, title: node.title });
      if (node.type === 'footnoteDefinition') this.footnotes.set(node.identifier, node.children as RootContent[]);
      if ('children' in node) for (const child of node.children) collect(child as Nodes);
    };
    collect(tree);
    const body = this.children(tree.children);
    if (this.footnoteOrder.length > 0) {
      body.push(
        h(
          'section',
          { className: 'footnotes', 'data-footnotes': true },
          h('h2', { className: 'sr-only' }, 'Footnotes'),
          h(
            'ol',
            null,
            ...this.footnoteOrder.map((id) =>
              h('li', { id: `user-content-fn-${id}`, key: id }, ...this.children(this.footnotes.get(id) ?? [])),
            ),
          ),
        ),
      );
    }
    return body;
  }

  private children(nodes: readonly RootContent[]): Element[] {
    return nodes.map((node, index) => this.node(node, index)).filter((e) => e !== null);
  }

  private node(node: RootContent, key: number): Element | null {
    const kids = () => ('children' in node ? this.children(node.children as RootContent[]) : []);
    switch (node.type) {
      case 'paragraph':
        return h('p', { key }, ...kids());
      case 'heading': {
        const id = this.slugger.slug(textOf(node));
        return h(`h${node.depth}`, { key, id }, ...kids());
      }
      case 'text':
        return node.value;
      case 'emphasis':
        return h('em', { key }, ...kids());
      case 'strong':
        return h('strong', { key }, ...kids());
      case 'delete':
        return h('del', { key }, ...kids());
      case 'inlineCode':
        return h('code', { key }, node.value);
      case 'code':
        return h('pre', { key }, h('code', null, node.value));
      case 'blockquote':
        return h('blockquote', { key }, ...kids());
      case 'list':
        return h(
          node.ordered ? 'ol' : 'ul',
          { key, start: node.ordered && node.start !== 1 ? (node.start ?? undefined) : undefined },
          ...node.children.map((item, i) => {
            // A tight list item holds its paragraph's words directly, as the site renders it.
            const content =
              node.spread || item.spread
                ? this.children(item.children)
                : item.children.flatMap((child, j) =>
                    child.type === 'paragraph' ? this.children(child.children) : [this.node(child, j)],
                  );
            const checkbox =
              typeof item.checked === 'boolean'
                ? h('input', { type: 'checkbox', checked: item.checked, disabled: true, key: 'checkbox' })
                : null;
            return h('li', { key: i }, checkbox, ...content);
          }),
        );
      case 'thematicBreak':
        return h('hr', { key });
      case 'break':
        return h('br', { key });
      case 'link':
        return this.link(node.url, node.title, kids(), key);
      case 'linkReference': {
        const definition = this.definitions.get(node.identifier);
        return definition ? this.link(definition.url, definition.title, kids(), key) : h('span', { key }, ...kids());
      }
      case 'image':
        return this.image(node.url, node.alt, key);
      case 'imageReference': {
        const definition = this.definitions.get(node.identifier);
        return definition ? this.image(definition.url, node.alt, key) : null;
      }
      case 'footnoteReference': {
        if (!this.footnoteOrder.includes(node.identifier)) this.footnoteOrder.push(node.identifier);
        const n = this.footnoteOrder.indexOf(node.identifier) + 1;
        return h('sup', { key }, h('a', { href: `#user-content-fn-${node.identifier}` }, String(n)));
      }
      case 'definition':
      case 'footnoteDefinition':
        return null;
      case 'table': {
        const [head, ...rows] = node.children;
        const align = (i: number) => (node.align?.[i] ? { textAlign: node.align[i] } : undefined);
        const row = (r: (typeof node.children)[number], cell: 'th' | 'td', i: number) =>
          h(
            'tr',
            { key: i },
            ...r.children.map((c, j) => h(cell, { key: j, style: align(j) }, ...this.children(c.children))),
          );
        return h(
          'table',
          { key },
          head ? h('thead', null, row(head, 'th', 0)) : null,
          rows.length ? h('tbody', null, ...rows.map((r, i) => row(r, 'td', i))) : null,
        );
      }
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        return this.component(node as unknown as JsxNode, key);
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        return h('span', { key }, notAllowed(`{${node.value}}`));
      case 'mdxjsEsm':
        return h('p', { key }, notAllowed('An import/export line'));
      default:
        return 'children' in node ? h('span', { key }, ...kids()) : null;
    }
  }

  private link(url: string, title: string | null | undefined, children: Element[], key: number): Element {
    return h('a', { key, href: SAFE_URL.test(url) ? url : undefined, title: title ?? undefined }, ...children);
  }

  private image(url: string, alt: string | null | undefined, key: number): Element {
    if (!SAFE_URL.test(url) && !/^[\w.-]/.test(url)) return notAllowed('A picture with an unsafe address');
    return h('img', { key, src: this.options.assetUrl(url), alt: alt ?? '' });
  }

  private component(node: JsxNode, key: number): Element {
    const attribute = (name: string) => {
      const value = node.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === name)?.value;
      return typeof value === 'string' ? value : undefined;
    };
    if (node.name === 'HelplineBox') return h('div', { key }, helplineBox(this.options.site));
    if (node.name === 'Callout') {
      const level = (attribute('level') ?? '') as CalloutLevel;
      return h(
        'div',
        { key, className: `callout callout--${level}` },
        h(
          'p',
          { className: 'callout__heading' },
          h('span', { className: 'callout__level' }, `${CALLOUT_LEVELS[level]?.label ?? level}:`),
          ` ${attribute('title') ?? ''}`,
        ),
        h('div', { className: 'callout__body' }, ...this.children(node.children)),
      );
    }
    return h('div', { key }, notAllowed(`<${node.name ?? ''}>`));
  }
}

export interface RenderedBody {
  elements: Element[];
  headings: Heading[];
  /** The parser's reason when the body cannot be read at all (it would not build either). */
  error?: string;
  hasHelpline: boolean;
}

export function renderBody(body: string, options: RenderOptions): RenderedBody {
  const parsed = parseMdxBody(body);
  if (parsed.error) {
    return {
      elements: [
        h(
          'p',
          { className: 'sg-preview-problem', key: 'error' },
          `The body cannot be shown: line ${parsed.error.line} cannot be read. See the message under the body.`,
        ),
      ],
      headings: [],
      error: parsed.error.reason,
      hasHelpline: false,
    };
  }
  return {
    elements: new BodyRenderer(options).render(parsed.tree),
    headings: headingsOf(parsed.tree),
    // The same test as the article page: a body without the box gets one after it.
    hasHelpline: body.includes('<HelplineBox'),
  };
}

/** The site's "On this page" list: the H2s, when there are at least two. */
export function tableOfContents(headings: readonly Heading[]): Element | null {
  const sections = headings.filter((heading) => heading.depth === 2);
  if (sections.length < 2) return null;
  return h(
    'nav',
    { className: 'toc', 'aria-labelledby': 'toc-heading' },
    h('h2', { id: 'toc-heading', className: 'toc__heading' }, 'On this page'),
    h(
      'ol',
      null,
      ...sections.map((heading) => h('li', { key: heading.slug }, h('a', { href: `#${heading.slug}` }, heading.text))),
    ),
  );
}
