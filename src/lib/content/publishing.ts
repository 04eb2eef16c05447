/**
 * Whether a page goes into the public site. Drafts are left out of the build entirely
 * (not built noindex): a page that has not completed review must never exist at a public
 * URL with a "medically reviewed" badge, even one only a crawler or a guess would find.
 */
export function isPublished(data: { draft?: boolean }): boolean {
  return data.draft !== true;
}
