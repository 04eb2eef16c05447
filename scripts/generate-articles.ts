// Writes N realistic synthetic articles into a content folder for benchmarks (`npm run bench`):
//   node scripts/generate-articles.ts --count 1000 --out /tmp/bench/content-1000 [--seed 1] [--today YYYY-MM-DD]
// The folder gets articles/*.mdx plus copies of people/, settings/, pages/ and articles/images/ from
// content/, so `node scripts/check-content.ts --content-dir <out>` and `CONTENT_DIR=<out> npm run build`
// work on it. It refuses to write into content/ (or anywhere inside the repo): generated pages must
// never reach the real site. Output is deterministic for a given seed, count and today.
//
// Each article has the full front matter (valid under src/schemas/article.ts and the review rules
// as of `today`: reviewed within the last ~9 months, next review 12 months after), a plain summary,
// 5–7 `##` sections with paragraphs, lists and some `###` subsections, 1–2 <Callout>s, a
// <HelplineBox /> in about half, numbered citations matching 2–5 sources, and an internal link.
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { addDays, fromUtcDate } from '../src/lib/core/dates.ts';
import { DEFAULT_REVIEW_POLICY } from '../src/lib/review/default-policy.ts';
import { reviewFingerprint } from '../src/lib/review/fingerprint.ts';
import { nextReviewDueFrom } from '../src/lib/review/policy.ts';
import { parseCommandLine } from './lib/command-line.ts';

export interface GenerateOptions {
  /** How many articles to write. */
  count: number;
  /** The content folder to create (emptied first). Must be outside the repository. */
  outDir: string;
  /** Seed for the pseudo-random choices; the same seed gives the same files. */
  seed?: number;
  /** The day the review dates are relative to (YYYY-MM-DD, UTC). Default: today. */
  today?: string;
  /** Where people/, settings/, pages/ and images come from. Default: content/ of this repo. */
  sourceContentDir?: string;
}

export interface GenerateResult {
  outDir: string;
  count: number;
  words: number;
  slugs: string[];
}

const REPO_ROOT = path.resolve(import.meta.dirname, '..');

/** mulberry32: small, fast and good enough to make varied but repeatable content. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const sample = <T>(items: readonly T[], n: number): T[] => {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy.slice(0, n);
  };
  return { next, int, pick, sample };
}

// `names`: brand and street names, given as aliases on each substance's main page (uses and risks).
const SUBSTANCES: Array<{ id: string; label: string; kind: string; names: string[] }> = [
  { id: 'baclofen', label: 'Baclofen', kind: 'muscle relaxant', names: ['Lioresal', 'Ozobax'] },
  { id: 'gabapentin', label: 'Gabapentin', kind: 'nerve pain medicine', names: ['Neurontin'] },
  { id: 'pregabalin', label: 'Pregabalin', kind: 'nerve pain medicine', names: ['Lyrica'] },
  { id: 'alcohol', label: 'Alcohol', kind: 'drink', names: ['booze'] },
  { id: 'diazepam', label: 'Diazepam', kind: 'benzodiazepine', names: ['Valium'] },
  { id: 'alprazolam', label: 'Alprazolam', kind: 'benzodiazepine', names: ['Xanax'] },
  { id: 'lorazepam', label: 'Lorazepam', kind: 'benzodiazepine', names: ['Ativan'] },
  { id: 'clonazepam', label: 'Clonazepam', kind: 'benzodiazepine', names: ['Klonopin'] },
  { id: 'oxycodone', label: 'Oxycodone', kind: 'opioid painkiller', names: ['OxyContin', 'Percocet'] },
  { id: 'hydrocodone', label: 'Hydrocodone', kind: 'opioid painkiller', names: ['Vicodin', 'Norco'] },
  { id: 'fentanyl', label: 'Fentanyl', kind: 'strong opioid', names: ['Duragesic'] },
  { id: 'heroin', label: 'Heroin', kind: 'illegal opioid', names: ['dope', 'smack'] },
  { id: 'tramadol', label: 'Tramadol', kind: 'opioid painkiller', names: ['Ultram'] },
  { id: 'methadone', label: 'Methadone', kind: 'opioid treatment medicine', names: ['Dolophine'] },
  { id: 'buprenorphine', label: 'Buprenorphine', kind: 'opioid treatment medicine', names: ['Suboxone', 'Subutex'] },
  { id: 'carisoprodol', label: 'Carisoprodol', kind: 'muscle relaxant', names: ['Soma'] },
  { id: 'cyclobenzaprine', label: 'Cyclobenzaprine', kind: 'muscle relaxant', names: ['Flexeril'] },
  { id: 'zolpidem', label: 'Zolpidem', kind: 'sleep medicine', names: ['Ambien'] },
  { id: 'methamphetamine', label: 'Methamphetamine', kind: 'stimulant', names: ['meth', 'crystal'] },
  { id: 'cocaine', label: 'Cocaine', kind: 'stimulant', names: ['coke', 'crack'] },
  { id: 'kratom', label: 'Kratom', kind: 'plant product', names: ['kratom tea'] },
  { id: 'cannabis', label: 'Cannabis', kind: 'plant drug', names: ['marijuana', 'weed'] },
  { id: 'nicotine', label: 'Nicotine', kind: 'stimulant', names: ['vaping', 'tobacco'] },
  { id: 'ketamine', label: 'Ketamine', kind: 'anesthetic', names: ['special K'] },
];

const TOPICS: Array<{
  category: 'substances' | 'withdrawal' | 'treatment' | 'recovery';
  title: string;
  slug: string;
  tags: string[];
}> = [
  {
    category: 'withdrawal',
    title: '{S} withdrawal: timeline, symptoms and safe tapering',
    slug: 'withdrawal',
    tags: ['tapering', 'detox'],
  },
  {
    category: 'withdrawal',
    title: 'How long does {s} withdrawal last?',
    slug: 'withdrawal-timeline',
    tags: ['timeline', 'detox'],
  },
  {
    category: 'withdrawal',
    title: 'Stopping {s} safely at home or in a clinic',
    slug: 'stopping-safely',
    tags: ['tapering', 'medically-supervised-withdrawal'],
  },
  {
    category: 'substances',
    title: '{S}: uses, risks and signs of misuse',
    slug: 'uses-and-risks',
    tags: ['misuse', 'side-effects'],
  },
  {
    category: 'substances',
    title: '{S} overdose: warning signs and what to do',
    slug: 'overdose',
    tags: ['overdose', 'emergency'],
  },
  {
    category: 'substances',
    title: 'Mixing {s} with other drugs: dangerous combinations',
    slug: 'interactions',
    tags: ['interactions', 'overdose'],
  },
  {
    category: 'treatment',
    title: 'Treatment for {s} misuse: detox, medicines and therapy',
    slug: 'treatment',
    tags: ['detox', 'therapy'],
  },
  {
    category: 'treatment',
    title: 'Choosing a program for {s} addiction',
    slug: 'choosing-care',
    tags: ['choosing-care', 'insurance'],
  },
  {
    category: 'recovery',
    title: 'Staying well after {s} detox',
    slug: 'staying-well',
    tags: ['relapse-prevention', 'peer-support'],
  },
  {
    category: 'recovery',
    title: 'Helping a family member who misuses {s}',
    slug: 'family-support',
    tags: ['family', 'peer-support'],
  },
];

const AUTHORS = ['jamie-placeholder', 'casey-specimen', 'marcus-demo'];
const REVIEWERS = ['rowan-example', 'lena-sample', 'marcus-demo'];
const HERO_IMAGES = [
  'alcohol-withdrawal.svg',
  'baclofen-withdrawal.svg',
  'baclofen-overdose.svg',
  'benzodiazepine-tapering.svg',
  'choosing-a-detox-center.svg',
  'cognitive-behavioral-therapy.svg',
  'gabapentin-misuse-and-withdrawal.svg',
  'group-therapy-and-peer-support.svg',
  'medication-assisted-treatment.svg',
  'muscle-relaxant-misuse.svg',
  'opioid-withdrawal.svg',
  'what-happens-in-detox.svg',
];

const SOURCES = [
  {
    title: 'Drug information (MedlinePlus)',
    publisher: 'U.S. National Library of Medicine',
    url: 'https://medlineplus.gov/druginformation.html',
  },
  {
    title: 'Principles of Drug Addiction Treatment: A Research-Based Guide',
    publisher: 'National Institute on Drug Abuse (NIDA)',
    url: 'https://nida.nih.gov/publications/principles-drug-addiction-treatment-research-based-guide-third-edition',
  },
  {
    title: 'FindTreatment.gov',
    publisher: 'Substance Abuse and Mental Health Services Administration (SAMHSA)',
    url: 'https://findtreatment.gov/',
  },
  {
    title: 'TIP 45: Detoxification and Substance Abuse Treatment',
    publisher: 'SAMHSA',
    url: 'https://store.samhsa.gov/product/tip-45-detoxification-and-substance-abuse-treatment/pep15-4131',
  },
  {
    title: 'Treatment for Alcohol Problems: Finding and Getting Help',
    publisher: 'National Institute on Alcohol Abuse and Alcoholism (NIAAA)',
    url: 'https://www.niaaa.nih.gov/publications/brochures-and-fact-sheets/treatment-alcohol-problems-finding-and-getting-help',
  },
  {
    title: 'Medications for Substance Use Disorders',
    publisher: 'SAMHSA',
    url: 'https://www.samhsa.gov/medications-substance-use-disorders',
  },
  {
    title: 'Drug Overdose Prevention',
    publisher: 'Centers for Disease Control and Prevention (CDC)',
    url: 'https://www.cdc.gov/overdose-prevention/',
  },
  {
    title: 'Benzodiazepine withdrawal (StatPearls)',
    publisher: 'StatPearls Publishing, NCBI Bookshelf',
    url: 'https://www.ncbi.nlm.nih.gov/books/NBK470335/',
  },
  {
    title: 'Opioid withdrawal (StatPearls)',
    publisher: 'StatPearls Publishing, NCBI Bookshelf',
    url: 'https://www.ncbi.nlm.nih.gov/books/NBK526012/',
  },
  {
    title: 'Alcohol withdrawal (StatPearls)',
    publisher: 'StatPearls Publishing, NCBI Bookshelf',
    url: 'https://www.ncbi.nlm.nih.gov/books/NBK441882/',
  },
  {
    title: 'Naloxone DrugFacts',
    publisher: 'National Institute on Drug Abuse (NIDA)',
    url: 'https://nida.nih.gov/publications/drugfacts/naloxone',
  },
  { title: '988 Suicide & Crisis Lifeline', publisher: 'SAMHSA', url: 'https://988lifeline.org/' },
];

// Short, plain sentences (grade 6–8, like the real articles) with {s} for the substance name.
const SENTENCES = [
  'Your body can come to depend on {s} after weeks of use.',
  'If you stop all at once, you may feel sick for a few days.',
  'The safest way to stop is slowly, with a doctor who knows your history.',
  'Some people feel restless, anxious or shaky in the first day.',
  'Sleep is often poor for a week or more.',
  'Tell your doctor about every medicine you take, even ones you buy without a prescription.',
  'A lower dose each week gives your body time to adjust.',
  'This is called a taper.',
  'Many people worry about what others will think, but asking for help is a sign of strength.',
  'Cravings can come and go for months.',
  'They often pass in 15 to 30 minutes if you wait them out.',
  'Drinking water and eating small meals can help you feel steadier.',
  'Do not drive or use machines until you know how you feel.',
  'A friend or family member can watch for warning signs you might miss.',
  'Most people who get treatment do better over time.',
  'Relapse is common, and it does not mean that treatment failed.',
  'Your care team can change the plan if it is not working.',
  'Mixing {s} with alcohol or sleep medicines raises the risk of overdose.',
  'Keep {s} in a locked place, away from children and pets.',
  'Support groups let you talk with people who have been through the same thing.',
  'Therapy can help you learn new ways to cope with stress.',
  'Some medicines can ease symptoms and lower the risk of relapse.',
  'Insurance often pays for part of detox and treatment.',
  'Ask how long the program lasts and what happens after it ends.',
  'Write down your questions before each visit.',
  'It is normal to feel tired and low for a while.',
  'Light exercise, like a short walk, can lift your mood.',
  'Call your doctor if symptoms get worse instead of better.',
  'People who use {s} every day are more likely to have strong withdrawal.',
  'The first few days are often the hardest.',
];

const SECTION_TITLES = [
  'What is {s}?',
  'How {s} affects the body',
  'Signs that use has become a problem',
  'What withdrawal feels like',
  'A typical timeline',
  'How a safe taper works',
  'Getting medical help',
  'Medicines that can help',
  'Therapy and support',
  'Questions to ask a treatment program',
  'How family and friends can help',
  'Staying well after detox',
  'Paying for treatment',
  'Lowering the risk of overdose',
];

const LIST_ITEMS = [
  'Feeling restless or anxious',
  'Trouble sleeping',
  'Sweating and chills',
  'Shaking hands',
  'Upset stomach or diarrhea',
  'A fast heartbeat',
  'Strong cravings',
  'Low mood',
  'Aches in the muscles or joints',
  'Trouble thinking clearly',
  'Feeling irritable or angry',
  'Headaches',
];

const CALLOUTS = [
  {
    level: 'emergency',
    title: 'Call 911 if someone',
    items: [
      'has a seizure',
      'cannot be woken',
      'has trouble breathing',
      'has blue lips or fingertips',
      'is very confused',
    ],
  },
  {
    level: 'urgent',
    title: 'Call your doctor today, or go to urgent care, if you',
    items: [
      'cannot keep food or water down',
      'feel your heart racing',
      'have not slept for two nights',
      'see or hear things that are not there',
    ],
  },
  {
    level: 'non-urgent',
    title: 'Talk to your doctor at your next visit if you',
    items: [
      'want to lower your dose',
      'feel cravings most days',
      'are unsure how to store your medicine',
      'want to find a support group',
    ],
  },
];

const cap = (text: string) => text[0].toUpperCase() + text.slice(1);
const yamlString = (text: string) => JSON.stringify(text); // a JSON string is a valid double-quoted YAML scalar

function paragraph(r: ReturnType<typeof rng>, name: string, sources: number, sentences: number): string {
  const words = r.sample(SENTENCES, sentences).map((s) => s.replaceAll('{s}', name));
  const text = words.map((s) => cap(s)).join(' ');
  // Cite a source by number now and then, as the real articles do.
  return r.next() < 0.5 ? `${text.slice(0, -1)} [${r.int(1, sources)}].` : text;
}

function list(r: ReturnType<typeof rng>): string {
  return r
    .sample(LIST_ITEMS, r.int(3, 6))
    .map((item) => (r.next() < 0.3 ? `- **${item}**` : `- ${item}`))
    .join('\n');
}

function articleFile(r: ReturnType<typeof rng>, index: number, today: string, earlierSlugs: string[]) {
  const substance = SUBSTANCES[index % SUBSTANCES.length];
  const topic = TOPICS[Math.floor(index / SUBSTANCES.length) % TOPICS.length];
  const round = Math.floor(index / (SUBSTANCES.length * TOPICS.length));
  const name = substance.label.toLowerCase();
  const baseTitle = topic.title.replace('{S}', substance.label).replace('{s}', name);
  const title = round === 0 ? baseTitle : `${baseTitle} (part ${round + 1})`;
  const slug = `${substance.id}-${topic.slug}${round === 0 ? '' : `-${round + 1}`}`;
  const second = r.next() < 0.35 ? r.pick(SUBSTANCES.filter((s) => s.id !== substance.id)) : undefined;

  const reviewer = r.pick(REVIEWERS);
  const author = r.pick(AUTHORS.filter((a) => a !== reviewer));
  // Reviewed 1–290 days ago: the next review (12 months later) is at least 75 days away, past the 60-day warning.
  const lastReviewed = addDays(today, -r.int(1, 290));
  const nextReviewDue = nextReviewDueFrom(lastReviewed, DEFAULT_REVIEW_POLICY);
  const published = addDays(lastReviewed, -r.int(0, 900));
  const updated = r.next() < 0.4 && published < lastReviewed ? lastReviewed : undefined;
  const sources = r.sample(SOURCES, r.int(2, 5)).map((source) => ({
    ...source,
    year: r.int(2016, Number(today.slice(0, 4))),
    accessed: addDays(lastReviewed, -r.int(0, 14)),
  }));
  const description =
    `${cap(substance.kind)} facts in plain words: ${baseTitle.toLowerCase()}. What to expect, when to get help and how treatment works.`.slice(
      0,
      160,
    );
  const descriptionSafe = description.length >= 50 ? description : `${description} Reviewed by a clinician.`;

  const fm: string[] = [
    '---',
    `title: ${yamlString(title)}`,
    `description: ${yamlString(descriptionSafe)}`,
    `category: ${topic.category}`,
    'substances:',
    `  - ${substance.id}`,
    ...(second ? [`  - ${second.id}`] : []),
    'tags:',
    ...topic.tags.map((tag) => `  - ${tag}`),
    `author: ${author}`,
    `reviewer: ${reviewer}`,
    `lastReviewed: ${lastReviewed}`,
    `nextReviewDue: ${nextReviewDue}`,
    `published: ${published}`,
    ...(updated ? [`updated: ${updated}`] : []),
  ];
  if (r.next() < 0.6) {
    fm.push(
      'hero:',
      `  image: ./images/${r.pick(HERO_IMAGES)}`,
      `  alt: ${yamlString(`A calm illustration for a guide about ${name}: soft shapes in blue and green.`)}`,
    );
  }
  const keyTakeaways = r.sample(SENTENCES, r.int(3, 4)).map((s) => cap(s.replaceAll('{s}', name)));
  fm.push('keyTakeaways:', ...keyTakeaways.map((takeaway) => `  - ${yamlString(takeaway)}`));
  fm.push('sources:');
  for (const source of sources) {
    fm.push(
      `  - title: ${yamlString(source.title)}`,
      `    publisher: ${yamlString(source.publisher)}`,
      `    url: ${source.url}`,
      `    year: ${source.year}`,
      `    accessed: ${source.accessed}`,
    );
  }
  fm.push('draft: false');
  if (topic.slug === 'uses-and-risks')
    fm.push('aliases:', ...substance.names.map((alias) => `  - ${yamlString(alias)}`));
  fm.push('---', '');

  const body: string[] = [paragraph(r, name, sources.length, 3), ''];
  const sections = r.sample(SECTION_TITLES, r.int(5, 7));
  const calloutAt = new Set(r.sample([...sections.keys()], r.int(1, 2)));
  const helplineAt = r.next() < 0.5 ? r.int(0, sections.length - 1) : -1;
  const linkAt = earlierSlugs.length ? r.int(0, sections.length - 1) : -1;
  sections.forEach((heading, i) => {
    body.push(`## ${cap(heading.replaceAll('{s}', name))}`, '');
    body.push(paragraph(r, name, sources.length, r.int(4, 6)), '');
    body.push(paragraph(r, name, sources.length, r.int(3, 5)), '');
    if (r.next() < 0.7) body.push('Common signs include:', '', list(r), '');
    if (r.next() < 0.35) {
      body.push(
        `### ${cap(r.pick(['what the research says', 'if you take it for pain', 'for older adults', 'during pregnancy']))}`,
        '',
      );
      body.push(paragraph(r, name, sources.length, r.int(3, 5)), '');
    }
    if (i === linkAt) {
      body.push(
        `Read more in our guide to [${r.pick(['related topics', 'a similar question', 'getting help'])}](/articles/${r.pick(earlierSlugs)}/).`,
        '',
      );
    }
    if (calloutAt.has(i)) {
      const callout = r.pick(CALLOUTS);
      body.push(
        `<Callout level="${callout.level}" title="${callout.title}">`,
        '',
        ...r.sample(callout.items, 3).map((item) => `- ${item}`),
        '',
        '</Callout>',
        '',
      );
    }
    if (i === helplineAt) body.push('<HelplineBox />', '');
    body.push(paragraph(r, name, sources.length, r.int(3, 5)), '');
  });
  // Generated pages count as reviewed as written, like the sample articles after review:record.
  fm.splice(
    fm.indexOf('draft: false') + 1,
    0,
    `reviewFingerprint: ${reviewFingerprint({ title, description: descriptionSafe, keyTakeaways, sources, body: body.join('\n') })}`,
  );
  const text = fm.join('\n') + body.join('\n');
  return { slug, text, words: body.join(' ').split(/\s+/).length };
}

export function generateContent(options: GenerateOptions): GenerateResult {
  const outDir = path.resolve(options.outDir);
  const source = path.resolve(options.sourceContentDir ?? path.join(REPO_ROOT, 'content'));
  const relToRepo = path.relative(REPO_ROOT, outDir);
  if (!relToRepo.startsWith('..') && !path.isAbsolute(relToRepo)) {
    throw new Error(`generate-articles: refusing to write into the repository (${outDir}); use a folder under /tmp.`);
  }
  const today = options.today ?? fromUtcDate(new Date());
  const r = rng(options.seed ?? 1);

  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(path.join(outDir, 'articles'), { recursive: true });
  for (const folder of ['people', 'settings', 'pages'])
    cpSync(path.join(source, folder), path.join(outDir, folder), { recursive: true });
  // Only the illustrations the generated front matter can reference.
  mkdirSync(path.join(outDir, 'articles', 'images'), { recursive: true });
  const available = new Set(readdirSync(path.join(source, 'articles', 'images')));
  for (const image of HERO_IMAGES) {
    if (!available.has(image)) throw new Error(`generate-articles: content/articles/images/${image} is missing.`);
    cpSync(path.join(source, 'articles', 'images', image), path.join(outDir, 'articles', 'images', image));
  }

  const slugs: string[] = [];
  let words = 0;
  for (let i = 0; i < options.count; i++) {
    const article = articleFile(r, i, today, slugs);
    writeFileSync(path.join(outDir, 'articles', `${article.slug}.mdx`), article.text);
    slugs.push(article.slug);
    words += article.words;
  }
  return { outDir, count: options.count, words, slugs };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseCommandLine(
    'generate-articles',
    'Usage: node scripts/generate-articles.ts --out DIR [--count N] [--seed N] [--today YYYY-MM-DD]',
    {
      options: {
        count: { type: 'string', default: '1000' },
        out: { type: 'string' },
        seed: { type: 'string', default: '1' },
        today: { type: 'string' },
      },
    },
  );
  if (!values.out) {
    console.error(
      'generate-articles: --out DIR is required (a folder outside the repository, e.g. /tmp/bench/content)',
    );
    process.exit(2);
  }
  const started = performance.now();
  const result = generateContent({
    count: Number(values.count),
    outDir: values.out,
    seed: Number(values.seed),
    today: values.today,
  });
  const exists = existsSync(result.outDir);
  console.log(
    `Wrote ${result.count} articles (${Math.round(result.words / Math.max(result.count, 1))} words each on average) to ${result.outDir}` +
      `${exists ? '' : ' (missing!)'} in ${Math.round(performance.now() - started)} ms`,
  );
}
