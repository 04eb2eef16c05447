// The query layer of search (src/lib/search/): the vocabulary the build writes, typo correction,
// synonyms, stop words, the one-or-two-letter rule, and how the two indexes are searched.
import { describe, expect, it } from 'vitest';
import { planQuery, shardsFor } from '../../src/lib/search/query.ts';
import {
  enoughTitleResults,
  fuse,
  type Hit,
  runSearch,
  type SearchEngine,
  type Tier,
} from '../../src/lib/search/run.ts';
import { aliasesForSubject, synonymSteps, synonymVariants } from '../../src/lib/search/synonyms.ts';
import {
  addUnindexedWords,
  countPage,
  Lexicon,
  parseShard,
  serializeVocabulary,
  shardOf,
  type WordCounts,
} from '../../src/lib/search/vocabulary.ts';

const CORPUS = [
  'Alcohol withdrawal: timeline, warning signs and safe treatment. Alcohol withdrawal can start 6 to 24 hours after the last drink. Alcoholics Anonymous (AA) helps.',
  'Baclofen withdrawal: timeline, symptoms and safe tapering. Stopping baclofen suddenly can cause seizures and hallucinations. Lioresal is a brand of baclofen.',
  'Benzodiazepine tapering: how to come off safely. Xanax, Valium and Klonopin are benzodiazepines. A slow taper lowers the dose.',
  'Opioid withdrawal feels like a bad flu for a long time. Buprenorphine and methadone ease it. Delirium tremens is an alcohol problem, not an opioid one.',
  'Alcohol alcohol alcohol alcohol. Alcoholism.',
];
const SYNONYMS = [
  { term: 'baclofen', aliases: ['Lioresal', 'Ozobax'] },
  { term: 'alprazolam', aliases: ['Xanax'] },
  { term: 'benzodiazepines', aliases: ['alprazolam', 'benzos', 'diazepam'] },
  { term: 'diazepam', aliases: ['Valium'] },
  { term: 'delirium tremens', aliases: ['DTs', 'the DTs'] },
  { term: 'buprenorphine', aliases: ['Suboxone', 'Subutex'] },
];
const steps = synonymSteps(SYNONYMS);

function corpusCounts(): WordCounts {
  const counts: WordCounts = new Map();
  for (const text of CORPUS) countPage(counts, [text]);
  for (const group of SYNONYMS) addUnindexedWords(counts, [group.term, ...group.aliases].join(' '));
  return counts;
}

/** A lexicon with every shard loaded, through the same text format the search page reads. */
function fullLexicon(counts = corpusCounts(), pages = CORPUS.length): Lexicon {
  const lexicon = new Lexicon();
  for (const [key, text] of serializeVocabulary(counts, pages)) lexicon.addShard(key, parseShard(text));
  return lexicon;
}

describe('vocabulary', () => {
  it('counts the pages that have each word, without stop words or single letters; synonym-only words get 0', () => {
    const counts = corpusCounts();
    expect(counts.get('alcohol')).toBe(3);
    expect(counts.has('the')).toBe(false);
    expect(counts.has('a')).toBe(false);
    expect(counts.get('aa')).toBe(1);
    expect(counts.get('ozobax')).toBe(0);
    expect(counts.get('lioresal')).toBe(1);
  });

  it('writes one sorted text file per first letter and reads it back', () => {
    const shards = serializeVocabulary(corpusCounts(), 5);
    expect([...shards.keys()]).toHaveLength(27);
    expect(shards.get('_')).toBe('#pages 5\n24 1\n');
    expect(shards.get('q')).toBe('#pages 5\n');
    const a = parseShard(shards.get('a')!);
    expect(a.pages).toBe(5);
    expect(a.entries.map(([word]) => word)).toEqual([...a.entries.map(([word]) => word)].sort());
    expect(a.entries).toContainEqual(['alcohol', 3]);
    expect(shardOf('9am')).toBe('_');
    expect(parseShard('good 3\nbad\n 4\nnegative -1\n')).toEqual({ pages: 0, entries: [['good', 3]] });
  });

  it('knows indexed words, prefixes of three letters or more, and inflections; not two-letter prefixes', () => {
    const lexicon = fullLexicon();
    expect(lexicon.isKnown('alcohol')).toBe(true);
    expect(lexicon.isKnown('alc')).toBe(true);
    expect(lexicon.isKnown('al')).toBe(false);
    expect(lexicon.isKnown('ba')).toBe(false);
    expect(lexicon.isKnown('aa')).toBe(true);
    expect(lexicon.isKnown('tapers')).toBe(true);
    expect(lexicon.isKnown('seizure')).toBe(true);
    expect(lexicon.isKnown('alchohol')).toBe(false);
    // A synonym the index lacks is a word readers type, but not one Pagefind can find.
    expect(lexicon.isWord('ozobax')).toBe(true);
    expect(lexicon.isKnown('ozobax')).toBe(false);
  });

  it('corrects to the nearest word, the more frequent one winning a tie', () => {
    const lexicon = fullLexicon();
    expect(lexicon.suggest('alchohol')[0]?.word).toBe('alcohol');
    expect(lexicon.suggest('bacolfen')[0]?.word).toBe('baclofen');
    expect(lexicon.suggest('xyzzyqq')).toEqual([]);
    // Distance decides before frequency: "alcoholsm" is one edit from the rarer "alcoholism".
    expect(lexicon.suggest('alcoholsm')[0]?.word).toBe('alcoholism');
    const tie = new Lexicon();
    tie.addShard('c', {
      pages: 50,
      entries: [
        ['cart', 2],
        ['cast', 40],
      ],
    });
    expect(tie.suggest('carst').map((s) => s.word)).toEqual(['cast', 'cart']);
  });
});

describe('synonyms', () => {
  it('rewrites one step at a time, nearest name first (Xanax → alprazolam → benzodiazepines)', () => {
    expect(synonymVariants(['xanax', 'withdrawal'], steps)).toEqual([
      ['xanax', 'withdrawal'],
      ['alprazolam', 'withdrawal'],
      ['benzodiazepines', 'withdrawal'],
    ]);
    expect(synonymVariants(['the', 'dts'], steps)).toEqual([
      ['the', 'dts'],
      ['delirium', 'tremens'],
    ]);
  });

  it('stops on a loop instead of hanging', () => {
    const loop = synonymSteps([
      { term: 'a1', aliases: ['b1'] },
      { term: 'b1', aliases: ['a1'] },
    ]);
    expect(synonymVariants(['a1'], loop).length).toBeLessThanOrEqual(5);
  });

  it('gives a page every alias that leads to a term its title, description, aliases or substances name', () => {
    expect(aliasesForSubject(['Benzodiazepine tapering: how to come off safely'], SYNONYMS)).toEqual([
      'alprazolam',
      'benzos',
      'diazepam',
      'Valium',
      'Xanax',
    ]);
    expect(aliasesForSubject(['Baclofen withdrawal', 'baclofen'], SYNONYMS)).toEqual(['Lioresal', 'Ozobax']);
    expect(aliasesForSubject(['When delirium tremens can occur'], SYNONYMS)).toEqual(['DTs', 'the DTs']);
    // Words that merely contain a term do not count.
    expect(aliasesForSubject(['Gabapentin misuse'], SYNONYMS)).toEqual([]);
    // An alias the page already carries is not repeated.
    expect(aliasesForSubject(['Baclofen withdrawal', 'Lioresal'], SYNONYMS)).toEqual(['Ozobax']);
  });
});

describe('planQuery', () => {
  const lexicon = fullLexicon();
  const plan = (query: string, verbatim = false) => planQuery(query, lexicon, { synonyms: steps, verbatim });

  it('corrects typos instead of letting Pagefind fall back to a prefix ("a", "ba")', () => {
    expect(plan('alchohol')).toMatchObject({
      corrections: [{ from: 'alchohol', to: 'alcohol' }],
      corrected: 'alcohol',
      variants: [['alcohol']],
    });
    expect(plan('bacolfen withdrawl')).toMatchObject({
      corrected: 'baclofen withdrawal',
      variants: [['baclofen', 'withdrawal']],
    });
  });

  it('searches nothing for nonsense, and says which words matched nothing', () => {
    expect(plan('xyzzyqq')).toMatchObject({ variants: [], unmatched: ['xyzzyqq'], tooShort: false });
    expect(plan('alcohol xyzzyqq')).toMatchObject({ variants: [['alcohol']], unmatched: ['xyzzyqq'] });
  });

  it('never searches a one- or two-letter prefix on its own, but does search a two-letter word of the index', () => {
    expect(plan('b')).toMatchObject({ variants: [], tooShort: true });
    expect(plan('ba')).toMatchObject({ variants: [], tooShort: true });
    expect(plan('a')).toMatchObject({ variants: [], tooShort: true });
    expect(plan('ba withdrawal').variants).toEqual([['withdrawal']]);
    expect(plan('aa').variants).toEqual([['aa']]);
    expect(plan('bac').variants).toEqual([['bac']]);
  });

  it('ranks a question on its meaningful words and also tries it as a phrase', () => {
    const question = plan('How long does alcohol withdrawal last?');
    expect(question.variants).toEqual([['long', 'alcohol', 'withdrawal', 'last']]);
    expect(question.phrase).toBe('how long does alcohol withdrawal last');
  });

  it('adds synonym steps as further variants, and only sends words the index holds', () => {
    expect(plan('xanax').variants).toEqual([['xanax'], ['benzodiazepines']]);
    // "ozobax" is only a synonym: its own variant is skipped, baclofen is searched.
    expect(plan('ozobax').variants).toEqual([['baclofen']]);
    expect(plan('DTs').variants).toEqual([['delirium', 'tremens']]);
  });

  it('a quoted query is an exact phrase, uncorrected', () => {
    expect(plan('"safe tapering"')).toMatchObject({ exact: true, variants: [['safe', 'tapering']], corrections: [] });
  });

  it('"search instead for" turns corrections off', () => {
    expect(plan('alchohol', true)).toMatchObject({ corrections: [], variants: [], unmatched: ['alchohol'] });
  });

  it('asks for the second letter’s shard when a first-letter slip has no neighbour in the first', () => {
    const partial = new Lexicon();
    const shards = serializeVocabulary(corpusCounts(), 5);
    partial.addShard('l', parseShard(shards.get('l')!));
    expect(shardsFor('lacohol the withdrawal')).toEqual(['l', 'w']);
    expect(planQuery('lacohol', partial, { synonyms: steps }).missingShards).toEqual(['a']);
    partial.addShard('a', parseShard(shards.get('a')!));
    expect(planQuery('lacohol', partial, { synonyms: steps }).corrected).toBe('alcohol');
  });
});

describe('runSearch', () => {
  type FakeHit = Hit & { tier: Tier };
  type FakePage = { titles: string[]; text: string[]; date: number };
  /**
   * An engine over word lists: "titles" holds a subset of "text", as the real indexes do. Like
   * Pagefind, a query needs every word; a page scores 1 per word found in its text and 5 more per
   * word in its titles, or its date when sorted.
   */
  function engine(pages: Record<string, FakePage>, sorted = false) {
    const searched: string[] = [];
    const fake: SearchEngine<FakeHit> = {
      async search(query, tier) {
        searched.push(`${tier}: ${query}`);
        const words = (query ?? '').replace(/"/g, '').split(' ').filter(Boolean);
        const has = (list: string[], word: string) => list.some((w) => w.startsWith(word));
        return Object.entries(pages)
          .filter(([, page]) => words.every((word) => has(page[tier], word)))
          .map(([id, page]) => ({
            id,
            tier,
            score: sorted ? page.date : words.reduce((sum, w) => sum + 1 + (has(page.titles, w) ? 5 : 0), 0),
          }))
          .sort((a, b) => b.score - a.score);
      },
    };
    return { fake, searched };
  }
  const pages: Record<string, FakePage> = {
    alcohol: {
      titles: ['alcohol', 'withdrawal', 'timeline'],
      text: ['alcohol', 'withdrawal', 'timeline', 'shaky', 'hands'],
      date: 3,
    },
    baclofen: {
      titles: ['baclofen', 'withdrawal', 'timeline'],
      text: ['baclofen', 'withdrawal', 'timeline', 'alcohol', 'cbt', 'help', 'addiction'],
      date: 1,
    },
    opioid: {
      titles: ['opioid', 'withdrawal', 'timeline'],
      text: ['opioid', 'withdrawal', 'timeline', 'flu'],
      date: 2,
    },
    cbt: { titles: ['cbt', 'therapy', 'help'], text: ['cbt', 'therapy', 'help', 'triggers'], date: 4 },
  };
  // One page per word list: every word is rare enough to search.
  const lexicon = fullLexicon(
    countPage(new Map(), [
      'alcohol withdrawal timeline baclofen opioid shaky hands flu cbt therapy help addiction triggers',
    ]),
    4,
  );
  const plan = (query: string) => planQuery(query, lexicon, { synonyms: new Map() });

  it('answers from the titles index when it finds enough, without touching the full text', async () => {
    const { fake, searched } = engine(pages);
    const result = await runSearch(plan('withdrawal timeline'), fake);
    expect(result.tier).toBe('titles');
    expect(result.hits.map((h) => h.id).sort()).toEqual(['alcohol', 'baclofen', 'opioid']);
    expect(searched).toEqual(['titles: withdrawal timeline']);
  });

  it('trusts one title match for a short query, but wants three for a longer question', async () => {
    const short = engine(pages);
    expect((await runSearch(plan('cbt therapy'), short.fake)).tier).toBe('titles');
    const long = engine(pages);
    const result = await runSearch(plan('cbt therapy help'), long.fake);
    expect(result.tier).toBe('text');
    expect(long.searched[0]).toBe('titles: cbt therapy help');
  });

  it('falls back to the full text when the titles find too little, each word searched alone', async () => {
    const { fake, searched } = engine(pages);
    const result = await runSearch(plan('shaky hands'), fake);
    expect(result).toMatchObject({ tier: 'text', partial: false });
    expect(result.hits.map((h) => h.id)).toEqual(['alcohol']);
    expect(searched).toEqual(['titles: shaky hands', 'text: shaky', 'text: hands']);
  });

  it('ranks by coverage: a page about the main words beats one that merely mentions every word', async () => {
    const { fake } = engine(pages);
    const result = await runSearch(plan('how does CBT help with addiction'), fake);
    expect(result.hits.map((h) => h.id)).toEqual(['cbt', 'baclofen']);
    expect(result.partial).toBe(false);
  });

  it('says so when no page has every word', async () => {
    const { fake } = engine(pages);
    const result = await runSearch(plan('opioid flu triggers'), fake);
    expect(result.partial).toBe(true);
    expect(result.hits[0].id).toBe('opioid');
  });

  it('leaves words most pages have out of the full-text ranking when rarer ones remain', async () => {
    // 120 pages: "withdrawal" and "timeline" on 90 of them, the rest on a few.
    const counts: WordCounts = new Map();
    for (let i = 0; i < 120; i++)
      countPage(counts, [
        i < 90 ? 'withdrawal timeline' : '',
        ['alcohol', 'baclofen', 'opioid flu', 'cbt therapy help triggers'][i % 4],
      ]);
    const common = planQuery('opioid withdrawal flu', fullLexicon(counts, 120), { synonyms: new Map() });
    expect(common.common).toEqual(['withdrawal']);
    const { fake, searched } = engine(pages);
    const result = await runSearch(common, fake);
    expect(searched).toEqual(['titles: opioid withdrawal flu', 'text: opioid', 'text: flu']);
    expect(result.hits[0].id).toBe('opioid');
    // A query of common words only keeps them all.
    expect(planQuery('withdrawal timeline', fullLexicon(counts, 120), { synonyms: new Map() }).variants).toEqual([
      ['withdrawal', 'timeline'],
    ]);
    // On a small site nothing is left out: there, topic words are on most pages.
    expect(planQuery('opioid withdrawal flu', fullLexicon(counts, 99), { synonyms: new Map() }).common).toEqual([]);
    // A question's phrase is matched in the full text only on a small site (its stop words cost most there).
    const question = 'how is opioid withdrawal with flu';
    expect(planQuery(question, fullLexicon(counts, 99), { synonyms: new Map() }).phraseInText).toBe(true);
    const large = planQuery(question, fullLexicon(counts, 120), { synonyms: new Map() });
    expect(large).toMatchObject({ phrase: 'how is opioid withdrawal with flu', phraseInText: false });
    const run = engine(pages);
    await runSearch(large, run.fake);
    expect(run.searched).toContain('titles: "how is opioid withdrawal with flu"');
    expect(run.searched.filter((query) => query.startsWith('text: "'))).toEqual([]);
  });

  it('when sorted, requires every word, relaxing only when nothing has them all', async () => {
    const { fake } = engine(pages, true);
    const all = await runSearch(plan('withdrawal alcohol'), fake, { sorted: true, fullText: true });
    expect(all.hits.map((h) => h.id)).toEqual(['alcohol', 'baclofen']);
    const some = await runSearch(plan('baclofen flu'), fake, { sorted: true, fullText: true });
    expect(some.partial).toBe(true);
    expect(some.hits.map((h) => h.id)).toEqual(['opioid', 'baclofen']);
  });

  it('lists every filtered page when browsing without a query', async () => {
    const { fake, searched } = engine(pages);
    const result = await runSearch(null, fake);
    expect(result.tier).toBe('titles');
    expect(searched).toEqual(['titles: null']);
  });

  it('needs one title match for one or two words, three for more', () => {
    expect([1, 2, 3, 6].map(enoughTitleResults)).toEqual([1, 1, 3, 3]);
  });

  it('keeps a sort order across fused lists', () => {
    expect(
      fuse(
        [
          [{ id: 'a', score: 1 }],
          [
            { id: 'b', score: 5 },
            { id: 'a', score: 1 },
          ],
        ],
        true,
      ).map((h) => h.id),
    ).toEqual(['b', 'a']);
    expect(fuse([[{ id: 'a', score: 1 }], [{ id: 'b', score: 5 }]]).map((h) => h.id)).toEqual(['a', 'b']);
  });
});
