// The site data the admin loads at start (/admin/site-data.json) and the people directory the
// review rules and list headings use. The snapshot comes from content/ when the admin was served
// or built; the person pickers then read the People collection through the CMS backend (the
// branch entries are published to), and what they find replaces the snapshot.
import type { CmsPerson, CmsSiteData } from '../lib/cms/site-data.ts';
import { DEFAULT_REVIEW_POLICY } from '../lib/review/default-policy.ts';

let siteData: CmsSiteData = { locale: 'en-US', policy: DEFAULT_REVIEW_POLICY, people: {}, reviewedText: {} };
const people = new Map<string, CmsPerson>();
const listeners = new Set<() => void>();

export async function loadSiteData(): Promise<CmsSiteData> {
  const response = await fetch('site-data.json', { cache: 'no-cache' });
  if (!response.ok) throw new Error(`site-data.json: HTTP ${response.status}`);
  siteData = (await response.json()) as CmsSiteData;
  for (const [id, person] of Object.entries(siteData.people)) people.set(id, person);
  return siteData;
}

export const site = (): CmsSiteData => siteData;

/** Everyone known, by id. */
export const knownPeople = (): ReadonlyMap<string, CmsPerson> => people;

interface Hit {
  slug?: string;
  data?: Partial<CmsPerson>;
}

/** Remembers the people a person picker found in the backend. */
export function rememberPeople(hits: readonly Hit[]): void {
  let changed = false;
  for (const hit of hits) {
    if (!hit.slug || !hit.data || typeof hit.data.name !== 'string') continue;
    people.set(hit.slug, {
      name: hit.data.name,
      credentials: Array.isArray(hit.data.credentials) ? hit.data.credentials : [],
      roles: Array.isArray(hit.data.roles) ? hit.data.roles : [],
      jobTitle: typeof hit.data.jobTitle === 'string' ? hit.data.jobTitle : '',
    });
    changed = true;
  }
  if (changed) for (const listener of listeners) listener();
}

export function onPeopleChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** "Dr. Rowan Example, MD, FASAM", or the id when the person is unknown. */
export function displayName(id: unknown): string {
  const person = typeof id === 'string' ? people.get(id) : undefined;
  if (!person) return typeof id === 'string' ? id : '';
  return [person.name, ...person.credentials].join(', ');
}
