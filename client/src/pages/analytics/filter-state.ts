import { addDays } from '@coulisses/shared';

/**
 * The analytics page's filter state (issue 13), kept in the URL query so a view can be bookmarked, shared and
 * reloaded offline: `?period=last-3-months&project=..&venue=..&team=..&role=..&compare=previous` (and `from`, `to`
 * for a custom period). Pure: unit-tested in client/test/analytics-filter-state.test.ts.
 */
export const PERIOD_PRESETS = ['this-month', 'next-month', 'last-month', 'last-3-months', 'last-12-months', 'custom'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

export const COMPARE_MODES = ['previous', 'lastYear', 'none'] as const;
export type CompareMode = (typeof COMPARE_MODES)[number];

export interface AnalyticsFilterState {
  period: PeriodPreset;
  /** Local dates (YYYY-MM-DD, organisation zone), inclusive. */
  from: string;
  to: string;
  projectId: string | null;
  venueId: string | null;
  teamId: string | null;
  /** A role name (the mission need's role), as the slices' dict holds it. */
  role: string | null;
  compare: CompareMode;
}

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The first day of the month of a local date. */
function monthStart(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

/** The first day of the month `n` months after (negative: before) the month of `date`. */
function shiftMonth(date: string, n: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + n;
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-01`;
}

/** The last day of the month of a local date. */
function monthEnd(date: string): string {
  return addDays(shiftMonth(date, 1), -1);
}

/**
 * The dates of a preset on `today` (the organisation's local date): this month and last month are whole
 * calendar months (planned missions later this month count); the last 3 and 12 months are whole months ending
 * with this one (a director compares months, not rolling windows).
 */
export function presetRange(preset: Exclude<PeriodPreset, 'custom'>, today: string): { from: string; to: string } {
  switch (preset) {
    case 'this-month':
      return { from: monthStart(today), to: monthEnd(today) };
    case 'next-month': {
      // Coming staffing: the slices hold the next months too (SLICE_AHEAD_MONTHS).
      const start = shiftMonth(today, 1);
      return { from: start, to: monthEnd(start) };
    }
    case 'last-month': {
      const start = shiftMonth(today, -1);
      return { from: start, to: monthEnd(start) };
    }
    case 'last-3-months':
      return { from: shiftMonth(today, -2), to: monthEnd(today) };
    case 'last-12-months':
      return { from: shiftMonth(today, -11), to: monthEnd(today) };
  }
}

function pick<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

function idOrNull(value: string | null): string | null {
  return value !== null && ID.test(value) ? value : null;
}

function roleOrNull(value: string | null): string | null {
  if (value === null) return null;
  const v = value.trim();
  return v.length > 0 && v.length <= 200 ? v : null;
}

/** Reads the filters from a URL query; anything missing or malformed falls back to this month, all, previous period. */
export function parseFilters(params: URLSearchParams, today: string): AnalyticsFilterState {
  let period = pick(params.get('period'), PERIOD_PRESETS, 'this-month');
  let range: { from: string; to: string };
  if (period === 'custom') {
    const from = params.get('from');
    const to = params.get('to');
    if (from && to && DATE.test(from) && DATE.test(to) && from <= to) range = { from, to };
    else {
      period = 'this-month';
      range = presetRange('this-month', today);
    }
  } else range = presetRange(period, today);
  return {
    period,
    ...range,
    projectId: idOrNull(params.get('project')),
    venueId: idOrNull(params.get('venue')),
    teamId: idOrNull(params.get('team')),
    role: roleOrNull(params.get('role')),
    compare: pick(params.get('compare'), COMPARE_MODES, 'previous'),
  };
}

/** The URL query of a filter state (defaults left out, so the bare /analytics is this month against the previous one). */
export function filtersToQuery(state: AnalyticsFilterState): string {
  const p = new URLSearchParams();
  if (state.period !== 'this-month') p.set('period', state.period);
  if (state.period === 'custom') {
    p.set('from', state.from);
    p.set('to', state.to);
  }
  if (state.projectId) p.set('project', state.projectId);
  if (state.venueId) p.set('venue', state.venueId);
  if (state.teamId) p.set('team', state.teamId);
  if (state.role) p.set('role', state.role);
  if (state.compare !== 'previous') p.set('compare', state.compare);
  return p.toString();
}

/** A change of one filter; choosing a preset recomputes the dates, editing a date switches to custom. */
export function withFilter(state: AnalyticsFilterState, patch: Partial<AnalyticsFilterState>, today: string): AnalyticsFilterState {
  const next = { ...state, ...patch };
  if (patch.period && patch.period !== 'custom') return { ...next, ...presetRange(patch.period, today) };
  if (patch.from !== undefined || patch.to !== undefined) {
    next.period = 'custom';
    if (next.from > next.to) next.to = next.from;
  }
  return next;
}

/**
 * The months of a result's `missingMonths` that lie before the slices' window (this month and the `retention - 1`
 * before it): those the device cannot show. A month inside the window without slices had no activity (zero).
 */
export function monthsBeforeWindow(missing: readonly string[], today: string, retention: number): string[] {
  const first = shiftMonth(today, -(Math.max(1, retention) - 1)).slice(0, 7);
  return missing.filter((m) => m < first);
}
