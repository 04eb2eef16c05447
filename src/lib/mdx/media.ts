/**
 * What editors may use as a picture: a file with one of these extensions, named as a slug,
 * inside the content folder. The build imports local pictures as modules (Vite decides how
 * to load a file from its extension), so a reference to anything else would be code.
 *
 * This is the one list: the content check, the build guard and the CMS backend's upload
 * filter read it, and the generated CMS config should offer exactly these types.
 */
export const IMAGE_EXTENSIONS = ['png', 'jpg', 'jpeg', 'webp', 'avif', 'gif', 'svg'] as const;

export type ImageExtension = (typeof IMAGE_EXTENSIONS)[number];

/** Media types of the allowed extensions (for upload filters such as an `accept` attribute). */
export const IMAGE_MEDIA_TYPES: Readonly<Record<ImageExtension, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  avif: 'image/avif',
  gif: 'image/gif',
  svg: 'image/svg+xml',
};

const EXTENSION_LIST = IMAGE_EXTENSIONS.join(', ');

/** A media file name: a lower-case-hyphenated slug and an image extension, like `blister-pack.svg`. */
export const IMAGE_FILE_NAME = new RegExp(`^[a-z0-9]+(?:-[a-z0-9]+)*\\.(?:${IMAGE_EXTENSIONS.join('|')})$`);

/**
 * A local picture reference as editors write it: `./` or `../` followed by folder and file
 * names made of lower-case letters, digits and hyphens, ending in an image file name.
 * No `%`, `?` or `#` (the build decodes `%` escapes and reads `?` as a loader option), no `..`
 * after the start, no other characters.
 */
const LOCAL_IMAGE_REFERENCE = new RegExp(
  `^(?:\\./|\\.\\./)(?:[a-z0-9]+(?:-[a-z0-9]+)*/)*[a-z0-9]+(?:-[a-z0-9]+)*\\.(?:${IMAGE_EXTENSIONS.join('|')})$`,
);

export function isImageFileName(name: string): boolean {
  return IMAGE_FILE_NAME.test(name);
}

/** Why a picture reference is not a plain local image path, or undefined when it is one. */
export function localImageReferenceProblem(reference: string): string | undefined {
  const shown = reference.length > 60 ? `${reference.slice(0, 57)}…` : reference;
  if (reference.trim() === '') return 'the picture has no file: upload it and pick it from the media library';
  if (/^[a-z][a-z0-9+.-]*:/i.test(reference) || reference.startsWith('//')) {
    return `"${shown}" is not a local picture: upload the image to the media library (content/…/images/) and use ./images/<name>`;
  }
  if (!reference.startsWith('./') && !reference.startsWith('../')) {
    return `"${shown}" must be a path relative to the file, starting with ./ (like ./images/chart.png)`;
  }
  const extension = /\.([^./]*)$/.exec(reference)?.[1];
  if (!extension || !(IMAGE_EXTENSIONS as readonly string[]).includes(extension)) {
    return `"${shown}" is not an image file: pictures must end in ${EXTENSION_LIST} (lower case)`;
  }
  if (!LOCAL_IMAGE_REFERENCE.test(reference)) {
    return `"${shown}" has characters a picture path may not use: only lower-case letters, digits, hyphens and / (no spaces, %, ?, #, or .. inside the path)`;
  }
  return undefined;
}

/** Directory part of a POSIX path, without a trailing slash. */
function dirname(file: string): string {
  const index = file.lastIndexOf('/');
  return index <= 0 ? '/' : file.slice(0, index);
}

/**
 * Resolves a reference that passed `localImageReferenceProblem` against the file that uses it,
 * and says whether it stays inside the content folder. Paths are POSIX; no file is touched.
 */
export function resolveLocalImage(
  fromFile: string,
  reference: string,
  contentRoot: string,
): { path: string; inside: boolean } {
  const parts = dirname(fromFile).split('/');
  for (const segment of reference.split('/')) {
    if (segment === '.' || segment === '') continue;
    if (segment === '..') parts.pop();
    else parts.push(segment);
  }
  const resolved = parts.join('/') || '/';
  const root = contentRoot.replace(/\/+$/, '');
  return { path: resolved, inside: resolved.startsWith(`${root}/`) };
}
