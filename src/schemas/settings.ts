import { z } from 'astro/zod';
import { searchName } from './article.ts';
import { httpsUrl } from './url.ts';

/** Digits, spaces, hyphens and brackets, optionally led by "+": a number a phone can dial. */
const PHONE_PATTERN = /^\+?[0-9][0-9 ()-]{1,20}$/;
const phone = (what: string) =>
  z.string().regex(PHONE_PATTERN, { error: `expected ${what} written with digits, like 1-800-662-4357` });

const nameKey = (name: string) => name.trim().toLowerCase().replace(/\s+/g, ' ');

export const synonymSchema = z.strictObject({
  /** The word or phrase the site itself uses, like "baclofen" or "delirium tremens". */
  term: searchName,
  /** What readers type instead, one per entry: brand, generic or street names and misspellings, like "Lioresal" or "DTs". */
  aliases: z.array(searchName).min(1, { error: 'expected at least one alias for this term' }),
});

/** Each alias leads to one term, never back to itself (Xanax → alprazolam → benzodiazepines is fine; a loop is not). */
const synonymList = z.array(synonymSchema).superRefine((groups, ctx) => {
  const owner = new Map<string, { term: string; index: number }>();
  groups.forEach((group, index) => {
    group.aliases.forEach((alias, aliasIndex) => {
      const key = nameKey(alias);
      const path = [index, 'aliases', aliasIndex];
      if (key === nameKey(group.term)) {
        ctx.addIssue({ code: 'custom', path, message: `expected an alias different from its term "${group.term}"` });
      } else if (owner.has(key) && owner.get(key)?.term !== nameKey(group.term)) {
        const first = owner.get(key);
        ctx.addIssue({
          code: 'custom',
          path,
          message: `"${alias}" is already an alias of "${first?.term}" (synonyms entry ${(first?.index ?? 0) + 1}): a name can lead to one term only`,
        });
      } else owner.set(key, { term: nameKey(group.term), index });
    });
  });
  groups.forEach((group, index) => {
    const chain = [nameKey(group.term)];
    for (let next = owner.get(chain[0]); next; next = owner.get(next.term)) {
      if (chain.includes(next.term)) {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'term'],
          message: `expected synonyms without a loop, got ${[...chain, next.term].join(' → ')}`,
        });
        break;
      }
      chain.push(next.term);
    }
  });
});

export const settingsSchema = z.strictObject({
  /** Name shown in the header, titles and structured data. */
  siteName: z.string().min(2),
  /** One line under the site name. */
  tagline: z.string().min(2),
  /** BCP 47 language of the content, like "en-US"; sets <html lang> and date formats. */
  locale: z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, { error: 'expected a language tag like en-US' }),
  /** The organisation that publishes the site and answers for it. */
  organisation: z.strictObject({
    /** Legal or trading name. */
    name: z.string().min(2),
    /** Home page of the organisation. */
    url: httpsUrl(),
    /** Email address readers can write to about a page. */
    contactEmail: z.email({ error: 'expected an email address' }),
  }),
  /** The helpline every page offers. */
  helpline: z.strictObject({
    /** Number as readers should see it, like 1-800-662-4357. */
    display: phone('the helpline number'),
    /** Who picks up, said plainly, like "Trained information specialists at ...". */
    answeredBy: z.string().min(5),
    /** When it is answered, like "24 hours a day, 7 days a week". */
    hours: z.string().min(3),
    /** Anything else a caller should know: cost, languages, confidentiality. */
    note: z.string().optional(),
  }),
  /** Emergency services number for the audience's country, like 911. */
  emergencyNumber: phone('the emergency number'),
  /** Crisis line for someone thinking about suicide, like 988 in the US. */
  crisisLine: z.strictObject({
    /** Number to call or text. */
    number: phone('the crisis line number'),
    /** Name of the service. */
    name: z.string().min(2),
  }),
  /** How often pages are medically reviewed. */
  reviewPolicy: z.strictObject({
    /** Months between reviews; nextReviewDue = lastReviewed + this. */
    intervalMonths: z.number().int().min(1).max(36).default(12),
    /** Days before the due date when a review counts as "due soon". */
    warningDays: z.number().int().min(1).max(180).default(60),
    /** Days a review may be overdue before check:content fails (pages say "overdue" from day one); 0 = none. */
    overdueGraceDays: z.number().int().min(0).max(90).default(0),
  }),
  /** Plain-language target for patient pages. */
  readability: z.strictObject({
    /** Flesch–Kincaid grade above which check:content warns (NIH and AMA suggest grade 6–8). */
    maxGrade: z.number().min(1).max(20).default(9),
  }),
  /** Search synonyms: names readers type and the term the site uses for them; searched as that term too, and indexed with the articles that name it. */
  synonyms: synonymList.default([]),
});

export type SiteSettings = z.output<typeof settingsSchema>;
