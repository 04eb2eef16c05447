/**
 * Front matter exactly as Decap CMS writes it, for the round-trip test and for
 * `npm run cms:format`. Uses Decap's own copies of gray-matter and yaml (decap-cms-core's
 * dependencies), and the same steps as decap-cms-core/src/formats/{frontmatter,yaml}.ts:
 * yaml.createNode(data), keys sorted in the order of the collection's fields, Document#toString.
 * Content written in this style survives a CMS save byte for byte, except the field that changed.
 * (Not used by the site build.)
 */
import { createRequire } from 'node:module';

const decapRequire = createRequire(createRequire(import.meta.url).resolve('decap-cms-core/package.json'));
// biome-ignore lint/suspicious/noExplicitAny: Decap's private copies of yaml and gray-matter ship no types we can import.
const yaml: any = decapRequire('yaml');
// biome-ignore lint/suspicious/noExplicitAny: as above.
const matter: any = decapRequire('gray-matter');

function sortKeys(sortedKeys: string[]) {
  return (a: { key?: unknown }, b: { key?: unknown }) => {
    const ia = sortedKeys.indexOf(String(a.key));
    const ib = sortedKeys.indexOf(String(b.key));
    if (ia === -1 || ib === -1) return 0;
    return ia > ib ? 1 : ia < ib ? -1 : 0;
  };
}

const engines = {
  yaml: {
    parse: (input: string) => {
      const text = input?.trim().endsWith('---') ? input.trim().slice(0, -3) : input;
      const doc = yaml.parseDocument(text, { prettyErrors: true });
      if (doc.errors.length > 0) throw new Error(doc.errors.map((e: Error) => e.message).join('\n'));
      return doc.toJSON();
    },
    stringify: (metadata: object, opts?: { sortedKeys?: string[] }) => {
      const contents = yaml.createNode(metadata);
      contents.items.sort(sortKeys(opts?.sortedKeys ?? []));
      const doc = new yaml.Document();
      doc.contents = contents;
      return doc.toString();
    },
  },
};

export type EntryData = Record<string, unknown> & { body?: string };

/** Reads a file the way Decap's `frontmatter` format does: front matter fields plus `body`. */
export function decapParse(content: string): EntryData {
  const result = matter(content, { engines, language: 'yaml', delimiters: '---' });
  return { ...result.data, ...(result.content.trim() && { body: result.content }) };
}

/** Writes an entry the way Decap's `frontmatter` format does, keys in `fieldOrder`. */
export function decapStringify(data: EntryData, fieldOrder: string[]): string {
  const { body = '', ...meta } = data;
  const trimLastLineBreak = body.slice(-1) !== '\n';
  let file: string = matter.stringify(body, meta, {
    engines,
    language: 'yaml',
    delimiters: '---',
    sortedKeys: fieldOrder,
  });
  if (trimLastLineBreak && file.slice(-1) === '\n') file = file.slice(0, -1);
  return file.slice(-1) === '\n' ? file : `${file}\n`;
}

/** A YAML data file (people, settings) as Decap's `yml` format writes it. */
export function decapStringifyYaml(data: object, fieldOrder: string[]): string {
  const out = engines.yaml.stringify(data, { sortedKeys: fieldOrder });
  return out.endsWith('\n') ? out : `${out}\n`;
}

export function decapParseYaml(content: string): Record<string, unknown> {
  return engines.yaml.parse(content);
}
