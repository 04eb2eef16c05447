// Two ways front matter could make Astro load a file as code, closed at the schema, so both
// `check:content` and the build (src/content.config.ts) refuse them:
// - an image field is imported by the build: it must be a plain local picture path;
// - Astro's content store imports ANY string value that starts with its internal image marker
//   "__ASTRO_IMAGE_" (it is how image() hands paths on), so no string may start with "__ASTRO".
import { z } from 'astro/zod';
import { localImageReferenceProblem } from '../mdx/media.ts';

const ASTRO_INTERNAL = /^__ASTRO/;

/** Paths (like `hero.alt`) of strings that start with an Astro-internal marker. */
export function astroInternalStrings(value: unknown, path: Array<string | number> = []): Array<Array<string | number>> {
  const found: Array<Array<string | number>> = [];
  const stack: Array<{ value: unknown; path: Array<string | number> }> = [{ value, path }];
  let visited = 0;
  for (let item = stack.pop(); item && visited++ < 100_000; item = stack.pop()) {
    if (typeof item.value === 'string') {
      if (ASTRO_INTERNAL.test(item.value)) found.push(item.path);
    } else if (Array.isArray(item.value)) {
      item.value.forEach((child, index) => {
        stack.push({ value: child, path: [...item.path, index] });
      });
    } else if (item.value && typeof item.value === 'object') {
      for (const [key, child] of Object.entries(item.value)) stack.push({ value: child, path: [...item.path, key] });
    }
  }
  return found;
}

/** The schema, refusing first any input string that starts with an Astro-internal marker. */
export function withoutAstroInternals<S extends z.ZodType>(schema: S) {
  return z
    .unknown()
    .superRefine((input, ctx) => {
      for (const path of astroInternalStrings(input)) {
        ctx.addIssue({
          code: 'custom',
          path,
          message: 'may not start with "__ASTRO": that text is reserved by the site builder',
        });
      }
    })
    .pipe(schema);
}

/** An image field: a plain local picture path (checked first), then Astro's own image(). */
export function localImage<S extends z.ZodType>(image: S): z.ZodType<z.output<S>, string> {
  // Astro's image() is typed by what it produces (image metadata) but reads a path string.
  return z
    .string({ error: 'expected an image path like ./images/name.svg' })
    .superRefine((reference, ctx) => {
      const problem = localImageReferenceProblem(reference);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .pipe(image as unknown as z.ZodType<z.output<S>, string>);
}
