// Words that carry no topic in a reader's question ("how long does alcohol withdrawal last"):
// dropped before ranking so results are chosen on the meaningful words, and kept for matching a
// whole phrase ("what happens in detox"). English only, like the sample site; written as the
// tokenizer reads them (no apostrophes: "dont", "im").
//
// Deliberately NOT stop words, because they change what a health reader means: not, no, off
// ("coming off"), down ("tapering down"), after, before, during, without, help, stop, long, last.

const WORDS = `
a about above again am an and any are as at
be because been being but by
can cant could couldnt
did didnt do does doesnt doing done dont
each either
for from further
get gets getting got
had has have having he her here hers herself him himself his how
i id if ill im in into is isnt it its itself ive
just
me more most my myself
of on once only or other our ours ourselves own
please
really
same she should so some someone somebody something such
than that thats the their theirs them themselves then there these they thing things this those through to too
us
very
was wasnt we were weve what whats when where which while who whom whose why will with would
wont
you youd youll your youre yours yourself
`;

export const STOP_WORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter(Boolean));

export const isStopWord = (word: string): boolean => STOP_WORDS.has(word);
