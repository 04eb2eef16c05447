// Every address the site builds for a piece of content, in one place: pages, the sitemap, feeds,
// JSON-LD, search results and the review dashboard all link through these.

export const articlePath = (slug: string) => `/articles/${slug}/`;
export const personPath = (id: string) => `/people/${id}/`;
export const categoryPath = (id: string) => `/categories/${id}/`;
/** The per-article link-preview picture, generated at build time. */
export const shareImagePath = (slug: string) => `/og/articles/${slug}.png`;
