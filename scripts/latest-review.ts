// Prints the most recent lastReviewed date of the published articles in the content folder.
// `npm test` builds the site as of that day (SITE_TODAY), so the browser tests see the same
// pages whenever they run, and no review is ever "in the future" of the build.
import { contentRoot } from '../src/lib/io/content-root.ts';
import { loadContent } from '../src/lib/io/read-content.ts';

const dates = loadContent(contentRoot())
  .articles.filter((article) => !article.data.draft)
  .map((article) => article.data.lastReviewed)
  .sort();
if (dates.length === 0) {
  console.error('latest-review: no published article with a review date in the content folder');
  process.exit(1);
}
console.log(dates.at(-1));
