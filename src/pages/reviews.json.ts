import type { APIRoute } from 'astro';
import { getReviewDashboard } from '../data/reviews.ts';

/** The review dashboard, machine-readable, for editors' tools and scheduled jobs. */
export const GET: APIRoute = async () => {
  const { asOf, policy, maxGrade, rows } = await getReviewDashboard();
  return new Response(JSON.stringify({ asOf, policy, readingGradeTarget: maxGrade, articles: rows }, null, 2), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
