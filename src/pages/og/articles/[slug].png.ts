// One link-preview picture per article (title, topic, reviewer), written at build time as
// /og/articles/<slug>.png. Rendering is cached by the card's text (src/lib/io/share-card-png.ts).
import type { APIRoute, GetStaticPaths } from 'astro';
import { getArticleRecords } from '../../../data/articles.ts';
import { getSettings } from '../../../data/site.ts';
import type { ArticleRecord } from '../../../lib/content/article-record.ts';
import { renderShareCards, shareCardPng } from '../../../lib/io/share-card-png.ts';
import { shareCardSvg } from '../../../lib/seo/share-card.ts';

export const getStaticPaths = (async () => {
  const [records, { siteName }] = await Promise.all([getArticleRecords(), getSettings()]);
  // Astro asks for one route at a time: rendering the missing cards here, side by side, uses every core.
  await renderShareCards(records.all.map((article) => shareCardSvg({ siteName, article })));
  return records.all.map((record) => ({ params: { slug: record.slug }, props: { record } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ record: ArticleRecord }> = async ({ props }) => {
  const { siteName } = await getSettings();
  const png = await shareCardPng(shareCardSvg({ siteName, article: props.record }));
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
