// What the editor needs from content/ besides the entry being edited: the helpline and emergency
// numbers its previews show, the review policy, and the people the review rules and list headings
// need. Written next to the generated config as /admin/site-data.json (fresh on every request under
// `npm run cms`, from the published content at build time). The people found while editing (the
// person pickers read the live People collection) take precedence over this snapshot.

import type { SiteSettings } from '../../schemas/settings.ts';
import { DEFAULT_REVIEW_POLICY } from '../review/default-policy.ts';
import type { ReviewedTextState } from '../review/fingerprint.ts';
import type { ReviewPolicy } from '../review/policy.ts';
import type { KnownPerson } from '../review/rules.ts';

export interface CmsPerson extends KnownPerson {
  jobTitle: string;
}

export interface CmsSiteData {
  locale: string;
  /** Missing only while the settings file is broken (check:content says why). */
  helpline?: SiteSettings['helpline'];
  emergencyNumber?: string;
  crisisLine?: SiteSettings['crisisLine'];
  policy: ReviewPolicy;
  people: Record<string, CmsPerson>;
  /** Published articles whose text is not the reviewed text ("changed" or "unrecorded"), by slug. */
  reviewedText: Record<string, ReviewedTextState>;
}

export function cmsSiteData(
  settings: SiteSettings | undefined,
  people: Iterable<
    readonly [string, { name: string; credentials: readonly string[]; roles: readonly string[]; jobTitle: string }]
  >,
  reviewedText: Iterable<readonly [string, ReviewedTextState]> = [],
): CmsSiteData {
  return {
    locale: settings?.locale ?? 'en-US',
    helpline: settings?.helpline,
    emergencyNumber: settings?.emergencyNumber,
    crisisLine: settings?.crisisLine,
    policy: settings?.reviewPolicy ?? DEFAULT_REVIEW_POLICY,
    people: Object.fromEntries(
      [...people].map(([id, person]) => [
        id,
        {
          name: person.name,
          credentials: [...person.credentials],
          roles: [...person.roles],
          jobTitle: person.jobTitle,
        },
      ]),
    ),
    reviewedText: Object.fromEntries([...reviewedText].filter(([, state]) => state !== 'unchanged')),
  };
}

/** Who may be chosen as an article's medical reviewer: the reviewer role and at least one credential. */
export function canReview(person: Pick<KnownPerson, 'roles' | 'credentials'> | undefined): boolean {
  return !!person && person.roles.includes('reviewer') && person.credentials.length > 0;
}
