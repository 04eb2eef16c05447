// The review dashboard as static pages: one paginated list per filter (status × reviewer), so it
// works without JavaScript and no page grows with the number of articles. /reviews/ is everything,
// /reviews/overdue/ one status, /reviews/by/<reviewer>/ one reviewer, /reviews/overdue/by/<reviewer>/
// both; page 2 of any of them adds 2/ (issue 14).
import { type ListPage, pagedPath, paginate } from '../content/paginate.ts';
import type { DashboardRow } from './dashboard.ts';
import type { ReviewStatus } from './policy.ts';

export type StatusFilter = ReviewStatus | 'all';

/** Most urgent first, as the rows are sorted. */
export const STATUS_FILTERS: readonly StatusFilter[] = ['all', 'overdue', 'due-soon', 'current'];

export interface DashboardFilter {
  status: StatusFilter;
  /** A reviewer's person id, or undefined for every reviewer. */
  reviewer?: string;
}

export interface ReviewerOption {
  id: string;
  name: string;
}

export interface DashboardView extends DashboardFilter {
  /** The filter's first page, e.g. /reviews/overdue/by/rowan-example/. */
  basePath: string;
  /** The `[...filter]` route parameter for this page: undefined for /reviews/ itself. */
  param: string | undefined;
  page: ListPage<DashboardRow>;
  /** Rows per status under this view's reviewer filter (for the status links). */
  statusCounts: Record<StatusFilter, number>;
  /** Rows per reviewer under this view's status filter (for the reviewer links). */
  reviewerCounts: Map<string, number>;
}

/** The first page of a filter. */
export function dashboardPath({ status, reviewer }: DashboardFilter): string {
  return `/reviews/${status === 'all' ? '' : `${status}/`}${reviewer ? `by/${reviewer}/` : ''}`;
}

const matches = (row: DashboardRow, { status, reviewer }: DashboardFilter) =>
  (status === 'all' || row.status === status) && (!reviewer || row.reviewer.id === reviewer);

/** Every reviewer who has a row, by name. */
export function dashboardReviewers(rows: readonly DashboardRow[]): ReviewerOption[] {
  const byId = new Map(rows.map((row) => [row.reviewer.id, row.reviewer.name]));
  return [...byId]
    .map(([id, name]) => ({ id, name }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

/** Every page of every filter, rows kept in the dashboard's order (most urgent first). */
export function dashboardViews(rows: readonly DashboardRow[], pageSize: number): DashboardView[] {
  const reviewers = dashboardReviewers(rows);
  const filters: DashboardFilter[] = STATUS_FILTERS.flatMap((status) => [
    { status },
    ...reviewers.map((reviewer) => ({ status, reviewer: reviewer.id })),
  ]);
  return filters.flatMap((filter) => {
    const selected = rows.filter((row) => matches(row, filter));
    const statusCounts = Object.fromEntries(
      STATUS_FILTERS.map((status) => [
        status,
        rows.filter((row) => matches(row, { status, reviewer: filter.reviewer })).length,
      ]),
    ) as Record<StatusFilter, number>;
    const reviewerCounts = new Map(
      reviewers.map((reviewer) => [
        reviewer.id,
        rows.filter((row) => matches(row, { status: filter.status, reviewer: reviewer.id })).length,
      ]),
    );
    const basePath = dashboardPath(filter);
    return paginate(selected, pageSize).map((page) => ({
      ...filter,
      basePath,
      param: pagedPath(basePath, page.number).slice('/reviews/'.length, -1) || undefined,
      page,
      statusCounts,
      reviewerCounts,
    }));
  });
}
