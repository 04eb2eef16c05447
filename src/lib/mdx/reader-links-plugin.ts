// The compiler's hast plugin that turns `[1]` into a link to source 1 and 911 into a tel: link, at
// render time. The MDX stays as editors wrote it (`[1]`, "call 911"), so the CMS body editor,
// the review fingerprint and check:content see the same text as before; only the HTML changes.
import type { Element, ElementContent, Parents, Text } from 'hast';
import type { HastPluginEntry, HastVisitorContext } from 'satteri';
import { type CitationCounts, citationId, type ReaderTextPart, sourceId, splitReaderText } from './reader-links.ts';

export interface ReaderLinksOptions {
  /** Numbers to make callable wherever they appear in a body, such as the emergency and crisis lines. */
  phoneNumbers: readonly string[];
}

/** Text inside these is left alone: it is already a link, code, or a heading the contents list repeats. */
const LEAVE_ALONE = new Set(['a', 'code', 'pre', 'kbd', 'sup', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

function insideLeftAlone(node: Readonly<Text>, ctx: HastVisitorContext): boolean {
  let parent: Readonly<Parents> | undefined = ctx.parent(node);
  for (; parent; parent = ctx.parent(parent)) {
    if (parent.type === 'element' && LEAVE_ALONE.has(parent.tagName)) return true;
    if (parent.type === 'root') return false;
  }
  return false;
}

const text = (value: string): Text => ({ type: 'text', value });

function citationLink(source: number, occurrence: number): Element {
  return {
    type: 'element',
    tagName: 'sup',
    properties: { className: ['citation'] },
    children: [
      {
        type: 'element',
        tagName: 'a',
        properties: { href: `#${sourceId(source)}`, id: citationId(source, occurrence), ariaLabel: `Source ${source}` },
        children: [text(`[${source}]`)],
      },
    ],
  };
}

function phoneLink(number: string): Element {
  return {
    type: 'element',
    tagName: 'a',
    properties: { href: `tel:${number}`, className: ['phone-link'] },
    children: [text(number)],
  };
}

/**
 * A plugin entry for Sätteri's `hastPlugins`. A factory, so each compile counts citations from
 * zero; the counts are left in the compiled module's front matter (`citationCounts`), where the
 * page reads them to link each source back to where it is cited.
 */
export function readerLinksPlugin(options: ReaderLinksOptions): HastPluginEntry {
  return () => {
    const counts: CitationCounts = {};
    return {
      name: 'steady-ground:reader-links',
      text(node, ctx) {
        if (!/\[\d|\d{3}/.test(node.value) || insideLeftAlone(node, ctx)) return;
        const parts = splitReaderText(node.value, { phoneNumbers: options.phoneNumbers, citations: true });
        if (parts.every((part) => part.kind === 'text')) return;
        const content = parts.map((part: ReaderTextPart, index): ElementContent => {
          // "doses [1]." is printed "doses[1]." with the marker raised, as citations usually are.
          if (part.kind === 'text')
            return text(parts[index + 1]?.kind === 'citation' ? part.value.trimEnd() : part.value);
          if (part.kind === 'phone') return phoneLink(part.number);
          const occurrence = (counts[part.source] ?? 0) + 1;
          counts[part.source] = occurrence;
          return citationLink(part.source, occurrence);
        });
        ctx.replaceNode(node, content);
      },
      after(_root, ctx) {
        const astro = ctx.data.astro as { frontmatter?: Record<string, unknown> } | undefined;
        if (astro) astro.frontmatter = { ...astro.frontmatter, citationCounts: { ...counts } };
      },
    };
  };
}
