import path from 'node:path';

/**
 * Root of the editable content. `CONTENT_DIR` points the build and the checks at another
 * folder (test fixtures, benchmark content) without touching `content/`.
 */
export function contentRoot(): string {
  return path.resolve(process.env.CONTENT_DIR ?? 'content');
}

export function contentDir(collection: string): string {
  return path.join(contentRoot(), collection);
}

/**
 * The entry id is the file name without its extension, never a `slug` front-matter key:
 * the URL an editor sees in the file list is the URL readers get.
 */
export function fileNameId({ entry }: { entry: string }): string {
  return path.basename(entry).replace(/\.[^.]+$/, '');
}
