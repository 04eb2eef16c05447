// Used by scripts/test-time-travel.sh: asserts that a site built on `today` marks every article
// whose review is overdue on that day in its static HTML (no ✓, "Review overdue since …", the
// notice shown) and keeps the JSON-LD's lastReviewed as the front matter says.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'cheerio';

const [siteDir, today] = process.argv.slice(2);
const dashboard = JSON.parse(readFileSync(path.join(siteDir, 'reviews.json'), 'utf8')) as {
  asOf: string;
  articles: Array<{ slug: string; status: string; nextReviewDue: string; lastReviewed: string }>;
};
const problems: string[] = [];
if (dashboard.asOf !== today) problems.push(`reviews.json is as of ${dashboard.asOf}, expected ${today}`);
const overdue = dashboard.articles.filter((article) => article.status === 'overdue');
if (overdue.length === 0) problems.push('no article is overdue: the clock was not moved far enough');
for (const article of overdue) {
  const $ = load(readFileSync(path.join(siteDir, 'articles', article.slug, 'index.html'), 'utf8'));
  const byline = $('.byline__reviewed').text().replace(/\s+/g, ' ');
  const where = `articles/${article.slug}/`;
  if ($('.byline__badge').length > 0 || byline.includes('✓')) problems.push(`${where}: still shows the ✓ badge`);
  if (!byline.includes('Review overdue since')) problems.push(`${where}: byline does not say the review is overdue`);
  if ($('.review-due-notice').attr('hidden') !== undefined) problems.push(`${where}: the overdue notice is hidden`);
  const jsonLd = $('script[type="application/ld+json"]')
    .toArray()
    .flatMap((script) => [JSON.parse($(script).text())].flat())
    .find((item) => item['@type'] === 'MedicalWebPage');
  if (jsonLd?.lastReviewed !== article.lastReviewed) {
    problems.push(`${where}: JSON-LD lastReviewed is ${jsonLd?.lastReviewed}, expected ${article.lastReviewed}`);
  }
}
if (problems.length > 0) {
  console.error(`test:time: the site built on ${today} is wrong:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`test:time: the site built on ${today} marks all ${overdue.length} overdue articles as overdue`);
