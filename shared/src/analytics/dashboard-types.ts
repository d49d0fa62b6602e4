import type { HoursSliceData, IncidentsSliceData, MissionsSliceData, PaySliceData } from './slices';

/**
 * The public shapes of the direction dashboard computation (shared/src/analytics/dashboard.ts): what the client's
 * worker and the server's GET /api/v1/analytics/dashboard hand in, and the plain JSON they get back. Durations are
 * integer MINUTES (the UI shows hours), money integer CENTS, rates fractions 0..1, dates local YYYY-MM-DD in the
 * organisation's zone. Ids are the ids the slices hold (the caller resolves names from its own store).
 */

/** Comparison of the period with the one before it (same length) or with the same dates one year earlier. */
export type CompareMode = 'previous' | 'lastYear';
export const COMPARE_MODES: readonly CompareMode[] = ['previous', 'lastYear'];

/** The dashboard's filters. `from` and `to` are local dates (inclusive). Null or absent: no filter on that axis. */
export interface AnalyticsFilters {
  from: string;
  to: string;
  projectId?: string | null;
  venueId?: string | null;
  /** A team: hours rows of its members (`teamUserIds`, given by the caller), missions whose team it is. */
  teamId?: string | null;
  /** A role name (the mission need's role, as the slices hold it). */
  role?: string | null;
}

/** The slice documents' `data` (any order; several parts per month; months outside the period are skipped). */
export interface DashboardSlices {
  hours: readonly HoursSliceData[];
  /** Pay slices: only for viewers allowed to read them. Absent or undefined: no pay figures in the result. */
  pay?: readonly PaySliceData[] | null;
  missions: readonly MissionsSliceData[];
  incidents: readonly IncidentsSliceData[];
}

/** What changes between two computations on the same prepared slices. */
export interface DashboardQuery {
  filters: AnalyticsFilters;
  compare: CompareMode | null;
  /** The ids of the members of `filters.teamId` (from the users' teamIds); ignored without a team filter. */
  teamUserIds?: readonly string[] | null;
}

/** The one-call form: slices and query together (prepares, then computes). */
export type DashboardInput = DashboardSlices & DashboardQuery;

/** A period of local dates, inclusive, and its number of days. */
export interface DashboardPeriod {
  from: string;
  to: string;
  days: number;
}

export interface IncidentCount {
  total: number;
  open: number;
  closed: number;
}

/** The indicators of one period under the filters. */
export interface DashboardIndicators {
  /** Distinct missions with at least one row (mission need) in the period under the filters. */
  missions: number;
  /** Sum over missions of their needed people (with a role filter: of that role). */
  needed: number;
  /** Sum over missions of min(accepted, needed). */
  filled: number;
  /** filled / needed; null when nothing is needed. */
  coverageRate: number | null;
  /** Hours rows (person x mission, or timesheet without mission) in the period. */
  rows: number;
  /** Distinct people of those rows. */
  people: number;
  plannedMinutes: number;
  actualMinutes: number;
  /** 100 x (actual - planned) / planned; null when nothing is planned. */
  variancePct: number | null;
  overtimeMinutes: number;
  nightMinutes: number;
  lateStarts: number;
  /** Pay figures: null unless pay slices were given. */
  payrollCents: number | null;
  /** payrollCents / (actualMinutes / 60), rounded to the cent; null without pay or without actual time. */
  avgHourlyCostCents: number | null;
  /** False when an hours slice of the period had no pay slice of the same month, part and stamp (figures partial). */
  payComplete: boolean | null;
  incidents: IncidentCount;
}

/**
 * Change of each indicator against the comparison: relative ((current - comparison) / comparison) for counts, minutes
 * and cents; the plain difference for coverageRate (fraction points) and variancePct (percentage points). Null when
 * not computable (a side null, or a relative change from 0). `incidents`: relative change of the total.
 */
export type DashboardDeltas = { [K in Exclude<keyof DashboardIndicators, 'incidents' | 'payComplete'>]: number | null } & { incidents: number | null };

/**
 * Planned load in person-minutes by local weekday x hour: `cells[weekday * 24 + hour]`, weekday 0 = Monday ... 6 =
 * Sunday, hour 0..23 in the organisation's zone. A shift across midnight spreads over both days; on the spring DST
 * night hour 2 gets nothing, on the autumn night hour 2 gets the two real hours.
 */
export interface Heatmap {
  cells: number[];
  /** The largest cell (0 when empty), for the colour scale. */
  max: number;
  /** Sum of the cells. */
  total: number;
}

export interface VenueHeatmap extends Heatmap {
  /** The venue id (null: rows without venue). */
  venueId: string | null;
}

/** Daily series for the curves: index i is day i of the period (and day i of the comparison period). */
export interface DashboardSeries {
  days: string[];
  plannedMinutes: number[];
  actualMinutes: number[];
  /** The comparison period's dates and values aligned by day index (null beyond its length, or without comparison). */
  compareDays: (string | null)[] | null;
  comparePlannedMinutes: (number | null)[] | null;
  compareActualMinutes: (number | null)[] | null;
}

export interface IncidentsByVenue extends IncidentCount {
  venueId: string | null;
}
export interface IncidentsByCategory extends IncidentCount {
  category: string | null;
}
export interface IncidentsByVenueCategory extends IncidentCount {
  venueId: string | null;
  category: string | null;
}

export interface DashboardIncidents {
  /** Most incidents first, then by id. */
  byVenue: IncidentsByVenue[];
  byCategory: IncidentsByCategory[];
  byVenueCategory: IncidentsByVenueCategory[];
}

/** The result of computeDashboard: plain JSON (structured-clone and JSON safe). */
export interface DashboardResult {
  /** The filters as applied (normalised: empty strings to null). */
  filters: Required<AnalyticsFilters>;
  period: DashboardPeriod;
  compare: CompareMode | null;
  comparePeriod: DashboardPeriod | null;
  /** Whether pay figures are included (pay slices were given). */
  pay: boolean;
  /** The organisation's zone the slices were computed in (null when no slice). */
  zone: string | null;
  /** Months (YYYY-MM) the period touches for which no hours or missions slice was given (data absent, not zero). */
  missingMonths: string[];
  /** The same for the comparison period (empty without comparison). */
  compareMissingMonths: string[];
  current: DashboardIndicators;
  comparison: DashboardIndicators | null;
  deltas: DashboardDeltas | null;
  heatmap: { overall: Heatmap; byVenue: VenueHeatmap[] };
  series: DashboardSeries;
  incidents: DashboardIncidents;
  /** Values a filter bar can offer: ids present in the prepared slices (all months), sorted. */
  options: { projectIds: string[]; venueIds: string[]; teamIds: string[]; roles: string[]; categories: string[] };
}
