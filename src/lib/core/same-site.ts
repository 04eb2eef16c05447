/**
 * Whether a link target stays on this site: an absolute path such as `/articles/x/#part`.
 * Browsers read `//host`, `/\host` and paths with tabs or newlines removed as other hosts,
 * so only printable URL characters are accepted, the second character may not be `/` or `\`,
 * and the path must resolve to the page's own origin.
 */
const SAME_SITE_PATH = /^\/(?![/\\])[A-Za-z0-9\-._~!$&'()*+,;=:@%/?#]*$/;

export function isSameSitePath(url: string): boolean {
  if (!SAME_SITE_PATH.test(url)) return false;
  const base = 'https://same-site.invalid';
  try {
    return new URL(url, base).origin === base;
  } catch {
    return false;
  }
}

/** The target itself when it is a same-site path, otherwise the fallback. */
export function sameSiteHref(url: string, fallback: string): string {
  return isSameSitePath(url) ? url : fallback;
}
