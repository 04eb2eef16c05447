import { z } from 'astro/zod';

/**
 * A full https:// address. The pattern is also what the CMS checks while an editor types
 * (it reads this schema's JSON Schema), so both say the same thing.
 */
export const httpsUrl = () =>
  z.url({ protocol: /^https$/, error: 'expected a full https:// address' }).meta({ pattern: '^https://\\S+$' });
