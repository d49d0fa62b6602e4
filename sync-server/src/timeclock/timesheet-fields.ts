import { sameValue, type SyncDoc } from '@coulisses/shared';
import { computeFromRange } from '@coulisses/shared/timeclock/index';
import type { SyncTx } from '../sync/sync-tx';
import { liveDoc } from './live-cache';
import { timesheetRules } from './timesheet-recompute';

const TIME_FIELDS = ['startAt', 'endAt', 'breakMinutes'] as const;

/**
 * The computed fields of a timesheet written by a client (the timeclock hooks' server fields). Times changed by hand on a PUNCHES
 * timesheet make it MANUAL (the registry's guard already asked a manager for adjustReason). MANUAL: the minutes
 * come from the range and the break (computeFromRange). PUNCHES: the minutes the punch recompute set stay.
 */
export async function timesheetComputedFields(out: SyncDoc, ctx: { tx: SyncTx; before: SyncDoc | undefined }): Promise<void> {
  const before = ctx.before && !ctx.before._deleted ? ctx.before : undefined;
  if (out._deleted) return;
  if (before && before.source === 'PUNCHES' && TIME_FIELDS.some((f) => !sameValue(before[f], out[f]))) out.source = 'MANUAL';
  const fresh = !before;
  if (out.source === 'MANUAL' || fresh) {
    const manualChanged = !before || before.source !== out.source || TIME_FIELDS.some((f) => !sameValue(before[f], out[f]));
    if (manualChanged || typeof out.workedMinutes !== 'number') {
      const w = computeFromRange((out.startAt as string | null) ?? null, (out.endAt as string | null) ?? null, Number(out.breakMinutes ?? 0), await timesheetRules(ctx.tx));
      out.workedMinutes = w.workedMinutes;
      out.paidMinutes = w.paidMinutes;
      out.roundedMinutes = w.roundedMinutes;
      out.nightMinutes = w.nightMinutes;
      out.anomalies = w.anomalies.slice(0, 20);
    }
  }
  out.punchIds = Array.isArray(out.punchIds) ? out.punchIds : [];
  out.anomalies = Array.isArray(out.anomalies) ? out.anomalies : [];
  for (const f of ['workedMinutes', 'paidMinutes', 'roundedMinutes', 'nightMinutes'] as const) if (typeof out[f] !== 'number') out[f] = 0;
  if (out.plannedMinutes === undefined || (fresh && out.plannedMinutes === null && typeof out.missionId === 'string')) {
    out.plannedMinutes = null;
    if (typeof out.missionId === 'string') {
      const m = await liveDoc(ctx.tx, 'missions', out.missionId);
      const planned = m ? Math.floor((Date.parse(String(m.endAt)) - Date.parse(String(m.startAt))) / 60_000) : NaN;
      out.plannedMinutes = Number.isFinite(planned) && planned >= 0 ? planned : null;
    }
  }
}
