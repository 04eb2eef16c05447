// `npm run cms:format [-- --check]`: writes the front matter of content/articles, content/pages,
// content/people and content/settings exactly as Decap CMS would (key order from the generated CMS config,
// Decap's YAML style). Files in this style change only in the edited field when saved in the CMS.
// The Markdown body is never touched. --check lists files that are not in that style (exit 1).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { parseDocument } from 'yaml';
import { cmsConfig } from '../src/lib/cms/config.ts';
import { decapParse, decapParseYaml, decapStringify, decapStringifyYaml } from '../src/lib/cms/decap-format.ts';
import { DEFAULT_REVIEW_POLICY } from '../src/lib/review/default-policy.ts';

const check = process.argv.includes('--check');
const root = process.cwd();
// Only the field order matters here, and it does not depend on the backend or the policy.
const config = cmsConfig({ backend: {}, localBackendUrl: '', siteUrl: '', policy: DEFAULT_REVIEW_POLICY }) as {
  collections: Array<{
    folder?: string;
    extension?: string;
    fields?: Array<{ name: string }>;
    files?: Array<{ file: string; fields: Array<{ name: string }> }>;
  }>;
};

const targets: Array<{ file: string; order: string[]; frontmatter: boolean }> = [];
for (const collection of config.collections) {
  if (collection.folder && collection.fields) {
    const ext = `.${collection.extension ?? 'md'}`;
    for (const name of readdirSync(path.join(root, collection.folder))
      .filter((n) => n.endsWith(ext))
      .sort()) {
      targets.push({
        file: path.join(collection.folder, name),
        order: collection.fields.map((f) => f.name),
        frontmatter: ext !== '.yml',
      });
    }
  }
  for (const file of collection.files ?? [])
    targets.push({ file: file.file, order: file.fields.map((f) => f.name), frontmatter: false });
}

/** What the site sees: the same data before and after, or the rewrite is refused. */
function siteData(text: string, frontmatter: boolean): unknown {
  const yamlText = frontmatter ? (/^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '') : text;
  return parseDocument(yamlText).toJS();
}

let changed = 0;
for (const { file, order, frontmatter } of targets) {
  const full = path.join(root, file);
  const before = readFileSync(full, 'utf8');
  const after = frontmatter
    ? decapStringify(decapParse(before), order)
    : decapStringifyYaml(decapParseYaml(before), order);
  if (after === before) continue;
  if (!isDeepStrictEqual(siteData(before, frontmatter), siteData(after, frontmatter))) {
    console.error(`${file}: rewriting would change its data; left as it is.`);
    process.exitCode = 1;
    continue;
  }
  changed++;
  if (check) console.log(`${file}: not in the CMS's style (run npm run cms:format)`);
  else writeFileSync(full, after);
}
if (check && changed) process.exitCode = 1;
console.log(
  check
    ? `${changed} of ${targets.length} files would change.`
    : `${changed} of ${targets.length} files rewritten in the CMS's style.`,
);
