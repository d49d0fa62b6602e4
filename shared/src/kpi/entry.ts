import type { BoardKpi } from './board';
import { targetFor } from './definition';
import { dueDateOf, periodStatus, type KpiPeriodStatus } from './period-status';
import { firstValuePeriodOf } from './reporting';
import { periodEndOf, periodKey, periodStartOf, shiftPeriod } from './periods';

/**
 * Quick entry (issue 12, docs/decisions/kpi-rules.md section 9): which periods of which KPIs wait for a value
 * on one screen, and how a typed number is read. Pure: the caller passes `today` (the organisation's local date).
 */

/** Past periods looked at for a missing value, before the current one. */
export const ENTRY_LOOKBACK_PERIODS = 3;

export interface EntryRow {
  kpiId: string;
  periodStart: string;
  periodEnd: string;
  /** 2026-W50, 2026-12... */
  periodKey: string;
  /** Last day plus grace: after it a missing value is LATE. */
  dueDate: string;
  /** The current period (true) or a past one without a value (false). */
  current: boolean;
  /** The period's status as stored now: LATE or NO_DATA without a value, the rating with one. */
  status: KpiPeriodStatus;
  /** The value saved for the period, if any (the current period, or a kept one). */
  saved: number | null;
  target: number | null;
}

/**
 * The rows of the quick entry: for each active MANUAL KPI, the past periods of the lookback without a value
 * from its first value on (oldest first: late ones, or ended ones still in their grace; a KPI without any value:
 * only the last ended period while in its grace), then the current period (with its saved value,
 * to correct it). Rows are ordered by KPI (the order given), periods oldest first.
 */
export function entryRows(
  kpis: readonly (BoardKpi & { source?: string })[],
  values: ReadonlyMap<string, ReadonlyMap<string, number>>,
  today: string,
  lookback = ENTRY_LOOKBACK_PERIODS,
  /** Past periods (`kpiId|periodStart`) kept on screen although they have a value (entered here, not yet sent). */
  keep: ReadonlySet<string> = new Set(),
): EntryRow[] {
  const rows: EntryRow[] = [];
  for (const k of kpis) {
    if (!k.active || (k.source !== undefined && k.source !== 'MANUAL')) continue;
    const mine = values.get(k.id);
    const current = periodStartOf(today, k.frequency);
    // The KPI's life starts with its first value (its document has no creation date); without any value, only
    // the last ended period while still in its grace (NO_DATA) can be waiting for one.
    const first = firstValuePeriodOf(mine?.keys() ?? []);
    for (let i = Math.max(0, lookback); i >= 0; i--) {
      const start = shiftPeriod(current, k.frequency, -i);
      const saved = mine?.get(start) ?? null;
      if (i > 0 && saved !== null && !keep.has(`${k.id}|${start}`)) continue;
      if (i > 0 && first === null && (i > 1 || today > dueDateOf(start, k.frequency, k.gracePeriodDays))) continue;
      if (i > 0 && first !== null && start < first) continue;
      const target = targetFor(k.target, start);
      rows.push({
        kpiId: k.id,
        periodStart: start,
        periodEnd: periodEndOf(start, k.frequency),
        periodKey: periodKey(start, k.frequency),
        dueDate: dueDateOf(start, k.frequency, k.gracePeriodDays),
        current: i === 0,
        status: periodStatus({ definition: k, period: start, value: saved, today, target }),
        saved,
        target,
      });
    }
  }
  return rows;
}

/**
 * A number typed by a person, French or English style: "12,5", "12.5", "1 234,5", "-3", "+4". Spaces (also
 * no-break and narrow no-break) group digits. null for an empty text; NaN when it is not a number (letters,
 * two separators, "1,234.5": ambiguous, refused).
 */
export function parseDecimalInput(text: string): number | null {
  const s = text.replace(/[\s\u00a0\u202f]/g, '');
  if (s === '') return null;
  if (!/^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/.test(s)) return NaN;
  const n = Number(s.replace(',', '.'));
  return Number.isFinite(n) ? n : NaN;
}
