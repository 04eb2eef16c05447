/** The canonical origin of the site: `SITE_URL` in production, a sample address otherwise. */
export function siteUrl(): string {
  return (process.env.SITE_URL ?? 'https://steadyground.example.org').replace(/\/$/, '');
}
