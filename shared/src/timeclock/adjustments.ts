/**
 * Adjustment requests of validated timesheets (docs/decisions/timesheet-rules.md, section 8). A validated
 * timesheet never changes silently: a crew member's change (the registry's locked rule, reason LOCKED) and a
 * punch that arrives after the validation (reason PUNCH_AFTER_VALIDATION) become ADJUSTMENT_REQUEST field events
 * about it (subjectId), and the timesheet keeps its validated figures until a planner validates it again.
 */

/** Why a request was opened. */
export const ADJUSTMENT_REASONS = ['LOCKED', 'PUNCH_AFTER_VALIDATION'] as const;
export type AdjustmentReason = (typeof ADJUSTMENT_REASONS)[number];

/** An ADJUSTMENT_REQUEST field event as these rules read it. */
export interface AdjustmentRequestLike {
  id: string;
  kind: string;
  subjectId: string | null;
  at: string;
  /** When the server stored it (null while it waits on the device that wrote it). */
  receivedAt: string | null;
  payload: Record<string, unknown>;
}

/** A timesheet as these rules read it. */
export interface ValidatedLike {
  id: string;
  status: string;
  validatedAt: string | null;
}

/**
 * The requests of a timesheet still waiting for a planner: the timesheet is VALIDATED and the request reached
 * the server after that validation (or has not reached it yet). Validating the timesheet again settles every
 * request received before; a timesheet that is not validated has none open (its next validation settles them).
 * Oldest first.
 */
export function openAdjustments<R extends AdjustmentRequestLike>(timesheet: ValidatedLike, requests: readonly R[]): R[] {
  if (timesheet.status !== 'VALIDATED') return [];
  const since = timesheet.validatedAt ?? '';
  return requests
    .filter((r) => r.kind === 'ADJUSTMENT_REQUEST' && r.subjectId === timesheet.id && (r.receivedAt === null || r.receivedAt > since))
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The reason of a request (LOCKED when it does not say: the requests made before reasons were recorded). */
export function adjustmentReason(r: Pick<AdjustmentRequestLike, 'payload'>): AdjustmentReason {
  return r.payload.reason === 'PUNCH_AFTER_VALIDATION' ? 'PUNCH_AFTER_VALIDATION' : 'LOCKED';
}

/** The proposed changes of a request: field -> { from, to }. */
export function adjustmentChanges(r: Pick<AdjustmentRequestLike, 'payload'>): Record<string, { from: unknown; to: unknown }> {
  const changes = r.payload.changes;
  if (!changes || typeof changes !== 'object' || Array.isArray(changes)) return {};
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const [k, v] of Object.entries(changes as Record<string, unknown>)) {
    if (v && typeof v === 'object' && 'to' in v) out[k] = { from: (v as { from?: unknown }).from, to: (v as { to: unknown }).to };
  }
  return out;
}

/**
 * Where a timesheet stands for the people who look at it: VALIDATED timesheets with open requests need to be
 * validated again (NEEDS_REVALIDATION); the others are their status.
 */
export function needsRevalidation(timesheet: ValidatedLike, requests: readonly AdjustmentRequestLike[]): boolean {
  return openAdjustments(timesheet, requests).length > 0;
}
