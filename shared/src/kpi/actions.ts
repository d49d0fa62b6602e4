/** Action plans of a KPI (issue 12): what is open and what is overdue (docs/decisions/kpi-rules.md, sections 7 and 8). */
export const KPI_ACTION_STATUSES = ['OPEN', 'IN_PROGRESS', 'DONE', 'CANCELLED'] as const;
export type KpiActionStatus = (typeof KPI_ACTION_STATUSES)[number];

/** What the rules read of an action plan. */
export interface ActionLike {
  status: KpiActionStatus;
  /** Local date YYYY-MM-DD in the organisation's zone; null when the action has no due date. */
  dueDate: string | null | undefined;
}

/** OPEN and IN_PROGRESS actions are open; DONE and CANCELLED are closed. */
export function isOpenAction(action: Pick<ActionLike, 'status'>): boolean {
  return action.status === 'OPEN' || action.status === 'IN_PROGRESS';
}

/**
 * Overdue: still open and its due date is before `today` (the organisation's local date). On its due date an
 * action is not overdue yet; an action without a due date never is.
 */
export function isOverdue(action: ActionLike, today: string): boolean {
  return isOpenAction(action) && typeof action.dueDate === 'string' && action.dueDate < today;
}

/** Whole days between the due date and `today` for an overdue action, 0 otherwise. */
export function daysOverdue(action: ActionLike, today: string): number {
  if (!isOverdue(action, today)) return 0;
  return Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${action.dueDate}T00:00:00Z`)) / 86_400_000);
}
