import type { EntityDocs, HookContext, PrefetchRow } from '../sync/hooks';
import { loadLive } from './live-cache';
import { loadRanges } from './timesheet-overlaps';

/**
 * The timesheets' prefetch: the ranges of the batch's persons (the OVERLAP anomaly), their timesheets across the
 * batch's ranges (those whose OVERLAP the batch may set or clear) and the missions whose planned minutes a new
 * timesheet takes, read for the whole batch in one query each.
 */
export async function timesheetPrefetch(rows: readonly PrefetchRow<EntityDocs['timesheets']>[], ctx: HookContext): Promise<void> {
  const spans = new Map<string, { userId: string; fromMs: number; toMs: number }>();
  const missions = new Set<string>();
  for (const { doc, before } of rows) {
    for (const d of [doc, before]) {
      if (!d || typeof d.userId !== 'string') continue;
      const span = spans.get(d.userId) ?? { userId: d.userId, fromMs: Infinity, toMs: -Infinity };
      const [start, end] = [Date.parse(String(d.startAt)), Date.parse(String(d.endAt))];
      if (Number.isFinite(start) && Number.isFinite(end)) {
        span.fromMs = Math.min(span.fromMs, start);
        span.toMs = Math.max(span.toMs, end);
      }
      spans.set(d.userId, span);
    }
    if (!doc._deleted && typeof doc.missionId === 'string') missions.add(doc.missionId);
  }
  await loadRanges(ctx.tx, [...spans.values()]);
  await loadLive(ctx.tx, 'missions', missions);
}
