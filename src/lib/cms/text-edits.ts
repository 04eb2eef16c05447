// The body editor's toolbar as plain text edits. The body is edited as the Markdown/MDX text that
// is stored, and every toolbar action is a splice of that text around the selection: nothing is
// parsed and written back, so the rest of the file stays byte for byte what it was.
import { CALLOUT_LEVELS, type CalloutLevel } from '../mdx/components.ts';

export interface Selection {
  start: number;
  end: number;
}

export interface Edit {
  text: string;
  /** Where the selection goes afterwards. */
  selection: Selection;
}

function splice(text: string, from: number, to: number, insert: string): string {
  return text.slice(0, from) + insert + text.slice(to);
}

/** Bold, italic: wraps the selection (or a placeholder) in a marker; unwraps when already wrapped. */
export function toggleWrap(text: string, { start, end }: Selection, marker: string, placeholder: string): Edit {
  const before = text.slice(start - marker.length, start);
  const after = text.slice(end, end + marker.length);
  if (before === marker && after === marker) {
    const unwrapped = splice(splice(text, end, end + marker.length, ''), start - marker.length, start, '');
    return { text: unwrapped, selection: { start: start - marker.length, end: end - marker.length } };
  }
  const inner = text.slice(start, end) || placeholder;
  return {
    text: splice(text, start, end, `${marker}${inner}${marker}`),
    selection: { start: start + marker.length, end: start + marker.length + inner.length },
  };
}

/** The whole lines the selection touches. */
function lineRange(text: string, { start, end }: Selection): Selection {
  const from = text.lastIndexOf('\n', start - 1) + 1;
  const next = text.indexOf('\n', Math.max(end - (end > start && text[end - 1] === '\n' ? 1 : 0), start));
  return { start: from, end: next === -1 ? text.length : next };
}

/**
 * Headings, lists and quotes: sets a prefix on every selected line ("## ", "- ", "1. ", "> "),
 * replacing another block prefix, or removes it when every line already has it.
 */
export function toggleLinePrefix(text: string, selection: Selection, prefix: string): Edit {
  const range = lineRange(text, selection);
  const lines = text.slice(range.start, range.end).split('\n');
  const blockPrefix = /^(?:#{1,6} |[-*+] |\d+\. |> )/;
  const numbered = prefix === '1. ';
  const has = (line: string) => (numbered ? /^\d+\. /.test(line) : line.startsWith(prefix));
  const removing = lines.every((line) => has(line) || line.trim() === '');
  let n = 0;
  const changed = lines.map((line) => {
    if (line.trim() === '') return line;
    const bare = line.replace(blockPrefix, '');
    if (removing) return bare;
    n += 1;
    return `${numbered ? `${n}. ` : prefix}${bare}`;
  });
  const replaced = changed.join('\n');
  return {
    text: splice(text, range.start, range.end, replaced),
    selection: { start: range.start, end: range.start + replaced.length },
  };
}

/** Inserts text where the cursor is (replacing a selection). */
export function insertInline(text: string, { start, end }: Selection, snippet: string): Edit {
  return {
    text: splice(text, start, end, snippet),
    selection: { start: start + snippet.length, end: start + snippet.length },
  };
}

/**
 * Inserts a block (callout, helpline box, picture) as its own paragraph: at the end of the
 * paragraph the cursor is in, with exactly one empty line before and after it.
 */
export function insertBlock(text: string, { end }: Selection, block: string): Edit {
  const paragraphEnd = text.indexOf('\n\n', end);
  const at = paragraphEnd === -1 ? text.length : paragraphEnd;
  const head = text.slice(0, at).replace(/\n*$/, '');
  const tail = text.slice(at).replace(/^\n*/, '');
  const before = head ? `${head}\n\n` : '';
  const after = tail ? `\n\n${tail}` : '\n';
  return {
    text: `${before}${block}${after}`,
    selection: { start: before.length, end: before.length + block.length },
  };
}

/** Replaces the text between two offsets (editing a callout in place). */
export function replaceRange(text: string, from: number, to: number, insert: string): Edit {
  return { text: splice(text, from, to, insert), selection: { start: from, end: from + insert.length } };
}

export interface CalloutData {
  level: CalloutLevel;
  title: string;
  details: string;
}

/** The one form of a callout that the site, the checks and this editor read. */
export function calloutBlock({ level, title, details }: CalloutData): string {
  const safeTitle = title
    .replace(/"/g, '”')
    .replace(/[<>{}]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return `<Callout level="${level}" title="${safeTitle}">\n\n${details.trim()}\n\n</Callout>`;
}

const CALLOUT = /<Callout level="([a-z-]+)" title="([^"]*)">\n\n([\s\S]*?)\n\n<\/Callout>/g;

/** The callout the cursor is in, if any, with where it starts and ends. */
export function calloutAt(text: string, offset: number): (CalloutData & { from: number; to: number }) | undefined {
  for (const match of text.matchAll(CALLOUT)) {
    const from = match.index ?? 0;
    const to = from + match[0].length;
    if (offset >= from && offset <= to && match[1] in CALLOUT_LEVELS) {
      return { level: match[1] as CalloutLevel, title: match[2], details: match[3], from, to };
    }
  }
  return undefined;
}

/** A picture with its description; the alt text may not contain the brackets that end it. */
export function imageMarkdown(alt: string, path: string): string {
  return `![${alt.replace(/[[\]]/g, '').replace(/\s+/g, ' ').trim()}](${path.replace(/[()\s]/g, (c) => encodeURIComponent(c))})`;
}

/** A link around the selected words (or the address itself when nothing is selected). */
export function linkEdit(text: string, { start, end }: Selection, url: string): Edit {
  const words = text.slice(start, end) || url;
  const link = `[${words}](${url.trim()})`;
  return { text: splice(text, start, end, link), selection: { start: start + 1, end: start + 1 + words.length } };
}

/**
 * A citation of source `n`: "[n]", written straight after a citation that ends at the cursor
 * ("[1][3]"), otherwise after a space.
 */
export function citationEdit(text: string, { start, end }: Selection, n: number): Edit {
  const before = text.slice(0, start);
  const glue = before === '' || /[\s(\]]$/.test(before) ? '' : ' ';
  return insertInline(text, { start, end }, `${glue}[${n}]`);
}
