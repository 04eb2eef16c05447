import { z } from 'astro/zod';
import type { SchemaHelpers } from './article.ts';
import { httpsUrl } from './url.ts';

/** A professional credential as written after a name: MD, PharmD, LCSW, FASAM, PhD, RN. */
export const CREDENTIAL_PATTERN = /^[A-Z][A-Za-z-]{1,9}$/;
export const PERSON_ROLES = ['reviewer', 'author'] as const;

export const personSchema = <Image extends z.ZodType>({ image }: Pick<SchemaHelpers<Image>, 'image'>) =>
  z.strictObject({
    /** Full name as it appears in bylines, without credentials. */
    name: z.string().min(2, { error: 'expected the person’s full name' }),
    /** Post-nominal credentials, each like "MD" or "PharmD"; a reviewer needs at least one. */
    credentials: z
      .array(z.string().regex(CREDENTIAL_PATTERN, { error: 'expected a credential like MD, PharmD or LCSW' }))
      .default([]),
    /** Job title shown under the name, like "Addiction medicine physician". */
    jobTitle: z.string().min(2, { error: 'expected a job title' }),
    /** What this person does for the site: medically reviews pages, writes them, or both. */
    roles: z.array(z.enum(PERSON_ROLES, { error: 'expected "reviewer" or "author"' })).min(1, {
      error: 'expected at least one role: reviewer or author',
    }),
    /** Two or three sentences on training and experience. */
    bio: z.string().min(20, { error: 'expected a short bio of at least 20 characters' }).max(600, {
      error: 'expected a bio of at most 600 characters',
    }),
    /** Optional portrait; alt text is required with it. */
    photo: z
      .strictObject({
        /** Image file, relative to the person file (uploads land in content/people/images/). */
        image: image(),
        /** What the photo shows. */
        alt: z.string().trim().min(1, { error: 'expected alt text describing the photo' }).meta({ pattern: '\\S' }),
      })
      .optional(),
    /** Professional profiles: licence lookup, institution page, ORCID. */
    links: z
      .array(
        z.strictObject({
          /** Link text, like "State licence record". */
          label: z.string().min(1),
          /** Full https:// address. */
          url: httpsUrl(),
        }),
      )
      .default([]),
    /** True for the fictional people that ship with the kit; pages label them as samples. */
    sample: z.boolean().default(false),
  });

export type PersonData = z.output<ReturnType<typeof personSchema>>;
