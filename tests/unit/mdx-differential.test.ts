// The differential test: for every fixture and a generated corpus of nasty inputs,
// 1. check:content's verdict is the build's verdict (the processor astro.config.mjs gives Astro,
//    after Astro's own front-matter split), problem for problem;
// 2. what the allow-list accepts on the compiler's tree compiles to a module that an independent
//    judge (tests/mdx-oracle.ts, reading the compiled JavaScript) finds free of code and of
//    markup outside the allow-list, and the guard leaves that module unchanged;
// 3. whatever the judge flags in the unguarded module, the allow-list refused; and every refusal
//    other than an {expression} (which may compile to a harmless literal) is flagged by the judge.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { satteri } from '@astrojs/markdown-satteri';
import { beforeAll, describe, expect, it } from 'vitest';
import astroConfig from '../../astro.config.mjs';
import { splitLikeAstro } from '../../src/lib/io/astro-frontmatter.ts';
import { localImageChecker } from '../../src/lib/io/local-media.ts';
import { checkMdxFiles } from '../../src/lib/io/mdx-check.ts';
import {
  compileEditorMdx,
  compileErrorProblems,
  EDITOR_FEATURES,
  editorMarkdownProcessor,
  SYNTAX_HIGHLIGHT,
} from '../../src/lib/io/mdx-compiler.ts';
import { mdxSafetyGuard } from '../../src/lib/mdx/guard.ts';
import { preParseProblems } from '../../src/lib/mdx/limits.ts';
import type { MdxSafetyProblem } from '../../src/lib/mdx/safety.ts';
import { FIXTURES } from '../helpers.ts';
import { judgeCompiledModule } from '../mdx-oracle.ts';

type Renderer = {
  process: (content: string, file: string, frontmatter: Record<string, unknown>) => Promise<{ code: string }>;
};
type Processor = ReturnType<typeof satteri>;

const CONTENT = path.resolve('content');
/** Where generated inputs pretend to live, so ./images/… resolves to the sample pictures. */
const CORPUS_FILE = path.join(CONTENT, 'articles', 'corpus-input.mdx');
const shared = {
  syntaxHighlight: SYNTAX_HIGHLIGHT,
  gfm: EDITOR_FEATURES.gfm,
  smartypants: EDITOR_FEATURES.smartPunctuation,
};
const mdxOptions = { optimize: false, srcDir: new URL('../../src/', import.meta.url), sourcemap: false };
const renderer = (processor: Processor) => processor.createMdxRenderer!(shared, mdxOptions) as Promise<Renderer>;

let build: Renderer;
let treeOnly: Renderer;
let unguarded: Renderer;

beforeAll(async () => {
  const processor = astroConfig.markdown?.processor as Processor;
  build = await renderer(processor);
  treeOnly = await renderer(
    satteri({
      mdastPlugins: [mdxSafetyGuard({ checkLocalImage: localImageChecker(CONTENT) })],
      features: { ...EDITOR_FEATURES },
    }),
  );
  unguarded = await renderer(satteri({ features: { ...EDITOR_FEATURES } }));
});

async function attempt(r: Renderer, content: string, file: string, frontmatter: Record<string, unknown>) {
  try {
    return { code: (await r.process(content, file, frontmatter)).code, problems: [] as MdxSafetyProblem[] };
  } catch (error) {
    return { code: undefined, problems: compileErrorProblems(error) };
  }
}

interface Verdicts {
  check: MdxSafetyProblem[];
  build: MdxSafetyProblem[];
  tree?: MdxSafetyProblem[];
  judge?: string[];
  sameModule?: boolean;
}

async function judge(source: string, file: string): Promise<Verdicts> {
  const check = (await compileEditorMdx(file, source, CONTENT)).problems;
  let split;
  try {
    split = splitLikeAstro(source);
  } catch {
    return { check, build: check }; // Astro's own splitter refuses it: nothing reaches a compiler
  }
  const built = await attempt(build, split.content, file, split.frontmatter);
  const verdicts: Verdicts = { check, build: built.problems.length ? built.problems : [] };
  // Only text within the size and nesting limits may be handed to an unguarded parser.
  const unsafeToParse = preParseProblems(split.content).some((p) => p.kind === 'size' || p.kind === 'nesting');
  if (unsafeToParse) return verdicts;
  const tree = await attempt(treeOnly, split.content, file, {});
  const plain = await attempt(unguarded, split.content, file, {});
  verdicts.tree = tree.problems;
  verdicts.judge =
    plain.code === undefined ? ['the compiler refuses it'] : judgeCompiledModule(plain.code, file, CONTENT);
  verdicts.sameModule = tree.code === undefined || tree.code === plain.code;
  return verdicts;
}

/**
 * Refusals stricter than the compiled module requires, by design: any {expression} (one holding
 * only a literal or a comment compiles to plain text), and link targets with spaces, control
 * characters or backslashes (the compiler percent-encodes them; editors get a clear message).
 */
const deliberatelyStricter = (problem: MdxSafetyProblem) =>
  problem.kind === 'expression' ||
  (problem.kind === 'url' && /contains spaces, control characters or/.test(problem.message));

function expectAgreement(name: string, v: Verdicts) {
  const label = `${name}\n${JSON.stringify(v, null, 1).slice(0, 1500)}`;
  // 1. check:content and the build give the same verdict, problem for problem.
  expect(v.check, label).toEqual(v.build);
  if (v.tree === undefined || v.judge === undefined) {
    expect(v.check.length, label).toBeGreaterThan(0);
    return;
  }
  const treeRefused = v.tree.length > 0;
  // 2. Accepted on the tree: the compiled module is data only, and the guard changed nothing.
  if (!treeRefused) {
    expect(v.judge, label).toEqual([]);
    expect(v.sameModule, label).toBe(true);
  }
  // 3. Refused on the tree: the judge sees it in the module too, unless the refusal is one the
  // allow-list makes on purpose although the module would be harmless (deliberatelyStricter).
  if (treeRefused && !v.tree.every(deliberatelyStricter)) expect(v.judge.length, label).toBeGreaterThan(0);
  // The full check adds its pre-parse limits to the tree's verdict, never removes a refusal.
  if (treeRefused) expect(v.check.length, label).toBeGreaterThan(0);
}

describe('the build is given the processor check:content compiles with', () => {
  it('Sätteri with GFM and smart punctuation, the guard last among plugins that change the tree', () => {
    const processor = astroConfig.markdown?.processor as unknown as {
      name: string;
      options: { mdastPlugins: Array<{ name: string }>; hastPlugins: unknown[]; features: unknown };
    };
    expect(processor.name).toBe('satteri');
    expect(processor.options.features).toEqual(EDITOR_FEATURES);
    expect(processor.options.mdastPlugins.map((p) => p.name)).toEqual(['steady-ground:mdx-allow-list']);
    // The one hast step is ours, after the guard: it only adds fixed citation and tel: links
    // (tests/unit/reader-links.test.ts), and the oracle below judges the code it leads to.
    expect(processor.options.hastPlugins).toHaveLength(1);
    const readerLinks = processor.options.hastPlugins[0] as (context: unknown) => { name: string };
    expect(readerLinks({}).name).toBe('steady-ground:reader-links');
    expect(astroConfig.markdown?.syntaxHighlight).toBe(SYNTAX_HIGHLIGHT);
  });
});

describe('the guard judges the tree after every plugin that changes it', () => {
  it('stays last when an integration adds an mdast plugin later, and refuses what that plugin injects', async () => {
    const processor = editorMarkdownProcessor(CONTENT);
    const injector = {
      name: 'an-integration-added-later',
      paragraph: () => ({ raw: '<script>alert(1)</script>' }),
    };
    processor.options.mdastPlugins.push(injector);
    const compiled = await attempt(await renderer(processor), 'Plain text.\n', CORPUS_FILE, {});
    expect(processor.options.mdastPlugins.at(-1)).not.toBe(injector);
    expect(compiled.problems.map((p) => p.message)).toEqual([expect.stringMatching(/^<script> is not allowed/)]);
  });
});

const fixtureFiles = [
  ...['mdx-attacks/articles', 'mdx-attacks/pages', 'content-good/articles', 'content-good/pages'].flatMap((dir) =>
    readdirSync(path.join(FIXTURES, dir))
      .filter((name) => name.endsWith('.mdx'))
      .map((name) => path.join(FIXTURES, dir, name)),
  ),
  ...readdirSync(path.join(CONTENT, 'articles'))
    .filter((name) => name.endsWith('.mdx'))
    .map((name) => path.join(CONTENT, 'articles', name)),
];

describe('every fixture: the checker’s verdict is what reaches the compiled module', () => {
  it.each(fixtureFiles.map((file) => [path.relative(process.cwd(), file), file]))('%s', async (_, file) => {
    const verdicts = await judge(readFileSync(file, 'utf8'), file);
    expectAgreement(file, verdicts);
    // Attacks in front-matter fields are refused by the schema (mdx-safety.test.ts), not by the MDX step.
    const inFields = /(hero-|astro-image-marker)/.test(file);
    if (file.includes('mdx-attacks') && !inFields) expect(verdicts.check.length).toBeGreaterThan(0);
    else expect(verdicts.check).toEqual([]);
  });

  it('check:content’s child process reports exactly what the in-process compile does', async () => {
    const mdx = fixtureFiles.filter(
      (file) => !file.includes(`${path.sep}content${path.sep}`) || file.includes('content-good'),
    );
    const viaChild = checkMdxFiles(mdx, path.join(FIXTURES, 'mdx-attacks'));
    for (const file of mdx) {
      const direct = await compileEditorMdx(file, readFileSync(file, 'utf8'), path.join(FIXTURES, 'mdx-attacks'));
      expect(viaChild.get(file), file).toEqual(direct.problems);
    }
  });
});

// ---- The generated corpus ----

/** Places a payload can hide in: the corners of GFM where the old checker saw something else. */
const CONTEXTS: Array<[string, (payload: string) => string]> = [
  ['paragraph', (p) => `Some text ${p} more text.\n`],
  ['own line', (p) => `${p}\n`],
  ['blockquote', (p) => `> Quoted ${p}\n`],
  ['lazy blockquote line', (p) => `> Quoted\n${p}\n`],
  ['list item', (p) => `- item ${p}\n`],
  ['nested list', (p) => `- one\n  - two\n    - ${p}\n`],
  ['task list', (p) => `- [ ] ${p}\n`],
  ['heading', (p) => `## Heading ${p}\n`],
  ['emphasis', (p) => `*emphasis ${p}* and **strong ${p}**\n`],
  ['link text', (p) => `[text ${p}](https://example.org/)\n`],
  ['table cell', (p) => `| a | b |\n| --- | --- |\n| ${p} | c |\n`],
  ['table cell behind a code span crossing |', (p) => `| a | b |\n| --- | --- |\n| \`x | ${p} \` | c |\n`],
  ['table header', (p) => `| ${p} | b |\n| --- | --- |\n| a | c |\n`],
  ['footnote definition', (p) => `Text[^1].\n\n[^1]: ${p}\n`],
  ['footnote continuation', (p) => `Text[^n].\n\n[^n]: Note\n    ${p}\n`],
  ['footnote then a line', (p) => `Text[^n].\n\n[^n]: <HelplineBox />\n${p}\n`],
  ['callout content', (p) => `<Callout level="urgent" title="Call now">\n\n${p}\n\n</Callout>\n`],
  ['after a code span', (p) => `\`code\` ${p}\n`],
  ['after a hard break', (p) => `line\\\n${p}\n`],
  ['inside a code span', (p) => `\`${p}\`\n`],
  ['inside a fenced block', (p) => `\`\`\`\n${p}\n\`\`\`\n`],
];

const PAYLOADS = [
  'plain *words* only',
  '<script>alert(1)</script>',
  '<meta http-equiv="refresh" content="0;url=https://evil.example/" />',
  '<span data-pagefind-meta="reviewer:Dr. Evil">x</span>',
  '<Callout level="urgent" title="Call now">t</Callout>',
  '<Callout level="urgent" title="t" data-pagefind-meta="reviewer:x">t</Callout>',
  '<Callout level="urgent" title={globalThis.x}>t</Callout>',
  '<Callout level="urgent" title="t" onClick="alert(1)">t</Callout>',
  '<Callout level="severe" title="t">t</Callout>',
  '<Callout title="t">t</Callout>',
  '<HelplineBox />',
  '<HelplineBox>t</HelplineBox>',
  '<callout level="urgent" title="t">t</callout>',
  '<img src="x" onerror="alert(1)" />',
  '<a href="javascript:alert(1)">x</a>',
  '<iframe src="https://evil.example/"></iframe>',
  '<svg:script>alert(1)</svg:script>',
  '{globalThis.process}',
  '{/* a comment */}',
  '{"text"}',
  'import fs from "node:fs"',
  'export const a = globalThis.process',
  '[x](javascript:alert(1))',
  '[x](JaVaScRiPt:alert(1))',
  '[x](java&#115;cript:alert(1))',
  '[x](//evil.example/)',
  '[x](/\\evil.example/)',
  '[x](https://example.org/ok)',
  '[x](/articles/baclofen-withdrawal/)',
  '<https://example.org/>',
  'https://example.org/literal',
  'www.example.org',
  '![Chart](./images/chart.mjs)',
  '![Chart](./images/chart%2Emjs)',
  '![Chart](./images/baclofen-blister-pack.svg)',
  '![Chart](./images/baclofen-blister-pack.svg?raw)',
  '![Chart](../../src/assets/og-default.png)',
  '![Chart](https://evil.example/x.png)',
  '![Chart](data:image/png;base64,AAAA)',
  '![Chart][c]\n\n[c]: ./images/chart.mjs',
  '[x][d]\n\n[d]: javascript:alert(1)',
  '<!-- comment -->',
  '\\<script>escaped\\</script>',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '~~struck~~ and `code`',
];

/** A small seeded generator, so the corpus is the same on every run and a failure can be replayed. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const TOKENS = [
  '<',
  '>',
  '/>',
  '</',
  '{',
  '}',
  '|',
  '`',
  '[',
  ']',
  '(',
  ')',
  '!',
  '*',
  '_',
  '~',
  ':',
  '"',
  "'",
  '=',
  '\\',
  '\n',
  '\n\n',
  '    ',
  '> ',
  '- ',
  '1. ',
  '[^1]',
  '[^1]: ',
  '---',
  '+++',
  '#',
  'Callout',
  'HelplineBox',
  'script',
  'img',
  'level="urgent"',
  'title=',
  'src=',
  'href=',
  'onload=',
  'javascript:',
  'data:',
  './images/chart.mjs',
  'import',
  'export',
  'x',
  'text ',
  '&#60;',
  '&amp;',
  'https://example.org/',
];
const randomInputs = (() => {
  const next = random(20261126);
  return Array.from({ length: 150 }, () =>
    Array.from({ length: 4 + Math.floor(next() * 24) }, () => TOKENS[Math.floor(next() * TOKENS.length)]).join(''),
  );
})();

const FRONT = '---\ntitle: Corpus input\n---\n\n';

describe('a generated corpus of nasty inputs', () => {
  it(`${CONTEXTS.length} contexts × ${PAYLOADS.length} payloads agree`, async () => {
    let refused = 0;
    for (const [contextName, context] of CONTEXTS) {
      for (const payload of PAYLOADS) {
        const verdicts = await judge(`${FRONT}${context(payload)}`, CORPUS_FILE);
        expectAgreement(`${contextName}: ${payload}`, verdicts);
        if (verdicts.check.length > 0) refused++;
      }
    }
    // The corpus is mostly hostile; the safe payloads in plain contexts pass.
    expect(refused).toBeGreaterThan(CONTEXTS.length * PAYLOADS.length * 0.6);
    expect(refused).toBeLessThan(CONTEXTS.length * PAYLOADS.length);
  }, 120_000);

  it(`${randomInputs.length} random token soups agree`, async () => {
    for (const [index, body] of randomInputs.entries()) {
      expectAgreement(`random input ${index}: ${JSON.stringify(body)}`, await judge(`${FRONT}${body}\n`, CORPUS_FILE));
    }
  }, 120_000);
});
