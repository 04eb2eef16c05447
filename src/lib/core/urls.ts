// Every address the site builds for a piece of content, in one place: pages, the sitemap, feeds,
// JSON-LD, search results and the review dashboard all link through these.

export const articlePath = (slug: string) => `/articles/${slug}/`;
export const personPath = (id: string) => `/people/${id}/`;
export const categoryPath = (id: string) => `/categories/${id}/`;
/** A person's full list of articles in one role, when it is too long for their profile page. */
export const personArticlesPath = (id: string, role: 'reviewed' | 'written') => `/people/${id}/${role}/`;
/** The per-article link-preview picture, generated at build time. */
export const shareImagePath = (slug: string) => `/og/articles/${slug}.png`;
