// Sets top-level front-matter fields by editing only their own lines, so a file in Decap's
// YAML style (npm run cms:format) stays in it and a diff shows just the fields that changed.
import { stringify } from 'yaml';

const FENCE = /^---\r?\n([\s\S]*?\r?\n)---(\r?\n|$)/;

/**
 * Replaces each field's block (its `key:` line and any indented lines under it) with `key: value`,
 * or, for a field not there yet, adds it after the field named in `after` (else at the end).
 * Values are single-line scalars; YAML quoting is applied only where YAML needs it.
 */
export function setFrontmatterFields(
  source: string,
  fields: ReadonlyArray<{ key: string; value: string; after?: string }>,
): string {
  const match = FENCE.exec(source);
  if (!match) throw new Error('the file has no front matter between --- lines');
  const lines = match[1].replace(/\r?\n$/, '').split(/\r?\n/);
  const blockOf = (key: string): [number, number] | undefined => {
    const start = lines.findIndex((line) => line.startsWith(`${key}:`));
    if (start === -1) return undefined;
    let end = start + 1;
    while (end < lines.length && /^(\s|- |-$)/.test(lines[end])) end++;
    return [start, end];
  };
  for (const { key, value, after } of fields) {
    const line = `${key}: ${stringify(value).trimEnd()}`;
    if (line.includes('\n')) throw new Error(`${key}: expected a single-line value`);
    const block = blockOf(key);
    if (block) {
      lines.splice(block[0], block[1] - block[0], line);
      continue;
    }
    const anchor = after ? blockOf(after) : undefined;
    lines.splice(anchor ? anchor[1] : lines.length, 0, line);
  }
  const eol = match[0].includes('\r\n') ? '\r\n' : '\n';
  return `---${eol}${lines.join(eol)}${eol}---${match[2]}${source.slice(match[0].length)}`;
}
