// Where a picture reference really leads, on disk: the one check the content check, the build
// guard and the differential test share (the rules themselves are in src/lib/mdx/media.ts).
import { readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { isImageFileName, resolveLocalImage } from '../mdx/media.ts';
import { svgProblem } from '../mdx/svg.ts';

const realpath = (file: string) => {
  try {
    return realpathSync(file);
  } catch {
    return undefined;
  }
};

/**
 * Checks a local picture the compiler would import: it must exist, be a regular file whose
 * real path (symbolic links followed, as Vite follows them) is an image file inside the
 * content folder (Vite picks a loader from the extension of that real path), and an SVG must
 * be drawing only (src/lib/mdx/svg.ts).
 */
export function localImageChecker(contentRoot: string) {
  return (fromFile: string, reference: string): string | undefined => {
    const root = realpath(contentRoot) ?? path.resolve(contentRoot);
    const fromReal = realpath(fromFile) ?? path.resolve(fromFile);
    const resolved = resolveLocalImage(fromReal, reference, root);
    if (!resolved.inside) return `"${reference}" points outside the content folder`;
    const real = realpath(resolved.path);
    if (!real || !statSync(real).isFile()) {
      return `points to ${reference}, which does not exist next to the file: upload the image or fix the path`;
    }
    if (!real.startsWith(`${root}${path.sep}`) || !isImageFileName(path.basename(real))) {
      return `"${reference}" is a link to a file that is not an image inside the content folder`;
    }
    const svg = real.endsWith('.svg') ? svgProblem(readFileSync(real, 'utf8')) : undefined;
    if (svg) return `${reference}, ${svg}`;
    return undefined;
  };
}
