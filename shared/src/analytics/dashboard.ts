import type {
  CompareMode, DashboardDeltas, DashboardIncidents, DashboardIndicators, DashboardInput, DashboardPeriod, DashboardQuery, DashboardResult,
  IncidentsByVenueCategory, VenueHeatmap,
} from './dashboard-types';
import { prepareSlices, type PreparedSlices } from './decode';
import { normaliseFilters } from './filters';
import { HEATMAP_CELLS, heatmapOf } from './heatmap';
import { coveragePass, emptyIndicators, hoursPass, incidentPass, type HoursPass, type Scope } from './indicators';
import { comparisonPeriod, dateOfDay, dayNumber, monthsOf, periodOf } from './periods';

/**
 * The direction dashboard (issue 13 item 3 and 4): indicators of a period under filters, the comparison period,
 * the planned-load heatmap, daily curves and incidents, from prepared slices. Plain typed loops over the columns;
 * one pass over the hours rows per period. The same function runs in the client's worker and behind
 * GET /api/v1/analytics/dashboard.
 *
 * Rules:
 * - Hours rows count when their local date is in the period and they match project, venue, role, and (with a team)
 *   their person is a member (`teamUserIds`).
 * - Coverage: mission rows (one per mission and role need) of the period, PUBLISHED missions only, matching project,
 *   venue, the mission's team and the role; per mission min(sum accepted, sum needed) over its matching rows;
 *   rate = sum of those / sum of needed.
 * - Incidents: by report date, project and venue (team and role do not apply to equipment).
 * - Heatmap: current period only, rows with planned time and a planned window (start, end).
 */

/** Global index of a filter value: -1 none (no filter), -2 unknown (matches nothing). */
function resolve(p: PreparedSlices, v: string | null): number {
  if (v === null) return -1;
  return p.index.get(v) ?? -2;
}

const byCountThenKey = <T extends { total: number }>(key: (t: T) => string) => (a: T, b: T) => b.total - a.total || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

function incidentGroups(groups: Map<number, IncidentsByVenueCategory>): DashboardIncidents {
  const byVenueCategory = [...groups.values()].sort(byCountThenKey((g) => `${g.venueId ?? ''}\u0000${g.category ?? ''}`));
  const venues = new Map<string | null, { venueId: string | null; total: number; open: number; closed: number }>();
  const categories = new Map<string | null, { category: string | null; total: number; open: number; closed: number }>();
  for (const g of byVenueCategory) {
    const v = venues.get(g.venueId) ?? { venueId: g.venueId, total: 0, open: 0, closed: 0 };
    v.total += g.total;
    v.open += g.open;
    v.closed += g.closed;
    venues.set(g.venueId, v);
    const c = categories.get(g.category) ?? { category: g.category, total: 0, open: 0, closed: 0 };
    c.total += g.total;
    c.open += g.open;
    c.closed += g.closed;
    categories.set(g.category, c);
  }
  return {
    byVenue: [...venues.values()].sort(byCountThenKey((g) => g.venueId ?? '')),
    byCategory: [...categories.values()].sort(byCountThenKey((g) => g.category ?? '')),
    byVenueCategory,
  };
}

function relative(cur: number | null, cmp: number | null): number | null {
  if (cur === null || cmp === null || cmp === 0) return null;
  return (cur - cmp) / cmp;
}
const difference = (cur: number | null, cmp: number | null): number | null => (cur === null || cmp === null ? null : cur - cmp);

/** Deltas: relative change ((cur - cmp) / cmp) for counts and amounts; plain difference for coverageRate and variancePct. */
export function dashboardDeltas(cur: DashboardIndicators, cmp: DashboardIndicators): DashboardDeltas {
  return {
    missions: relative(cur.missions, cmp.missions),
    needed: relative(cur.needed, cmp.needed),
    filled: relative(cur.filled, cmp.filled),
    coverageRate: difference(cur.coverageRate, cmp.coverageRate),
    rows: relative(cur.rows, cmp.rows),
    people: relative(cur.people, cmp.people),
    plannedMinutes: relative(cur.plannedMinutes, cmp.plannedMinutes),
    actualMinutes: relative(cur.actualMinutes, cmp.actualMinutes),
    variancePct: difference(cur.variancePct, cmp.variancePct),
    overtimeMinutes: relative(cur.overtimeMinutes, cmp.overtimeMinutes),
    nightMinutes: relative(cur.nightMinutes, cmp.nightMinutes),
    lateStarts: relative(cur.lateStarts, cmp.lateStarts),
    payrollCents: relative(cur.payrollCents, cmp.payrollCents),
    avgHourlyCostCents: relative(cur.avgHourlyCostCents, cmp.avgHourlyCostCents),
    incidents: relative(cur.incidents.total, cmp.incidents.total),
  };
}

function periodIndicators(p: PreparedSlices, s: Scope, period: DashboardPeriod, withDetails: boolean) {
  const out = emptyIndicators(p.pay);
  const pass: HoursPass = {
    planned: new Float64Array(period.days),
    actual: new Float64Array(period.days),
    heat: withDetails ? new Map() : null,
  };
  hoursPass(p, s, out, pass);
  coveragePass(p, s, out);
  const groups = withDetails ? new Map<number, IncidentsByVenueCategory>() : null;
  incidentPass(p, s, out, groups);
  return { out, pass, groups };
}

const sortedNames = (p: PreparedSlices, seen: readonly number[]): string[] => seen.map((i) => p.names[i]!).sort();

function isPrepared(x: PreparedSlices | DashboardInput): x is PreparedSlices {
  return (x as PreparedSlices).prepared === true;
}

/** Compute the dashboard on prepared slices (prepareSlices), or on raw slices with the query in one object. */
export function computeDashboard(prepared: PreparedSlices, query: DashboardQuery): DashboardResult;
export function computeDashboard(input: DashboardInput): DashboardResult;
export function computeDashboard(first: PreparedSlices | DashboardInput, second?: DashboardQuery): DashboardResult {
  const p = isPrepared(first) ? first : prepareSlices(first);
  const query: DashboardQuery = isPrepared(first) ? second! : first;
  const filters = normaliseFilters(query.filters);
  const compare: CompareMode | null = query.compare ?? null;
  const period = periodOf(filters.from, filters.to);
  let members: Uint8Array | null = null;
  if (filters.teamId !== null) {
    members = new Uint8Array(p.names.length);
    for (const id of query.teamUserIds ?? []) {
      const g = p.index.get(id);
      if (g !== undefined) members[g] = 1;
    }
  }
  const base = {
    project: resolve(p, filters.projectId), venue: resolve(p, filters.venueId), team: resolve(p, filters.teamId), role: resolve(p, filters.role), members,
  };
  const cur = periodIndicators(p, { ...base, from: dayNumber(period.from), to: dayNumber(period.to) }, period, true);
  const comparePeriod = compare ? comparisonPeriod(period, compare) : null;
  const cmp = comparePeriod ? periodIndicators(p, { ...base, from: dayNumber(comparePeriod.from), to: dayNumber(comparePeriod.to) }, comparePeriod, false) : null;

  const days: string[] = [];
  const start = dayNumber(period.from);
  for (let i = 0; i < period.days; i++) days.push(dateOfDay(start + i));
  const aligned = (values: Float64Array | undefined): (number | null)[] | null => {
    if (!values) return null;
    const outArr: (number | null)[] = [];
    for (let i = 0; i < period.days; i++) outArr.push(i < values.length ? values[i]! : null);
    return outArr;
  };
  let compareDays: (string | null)[] | null = null;
  if (comparePeriod) {
    const cs = dayNumber(comparePeriod.from);
    compareDays = days.map((_, i) => (i < comparePeriod.days ? dateOfDay(cs + i) : null));
  }

  const overall = new Float64Array(HEATMAP_CELLS);
  const byVenue: VenueHeatmap[] = [];
  for (const [v, load] of cur.pass.heat!) {
    const cells = load.cells();
    for (let i = 0; i < HEATMAP_CELLS; i++) overall[i] = overall[i]! + cells[i]!;
    const heat = heatmapOf(cells);
    if (heat.total > 0) byVenue.push({ venueId: v >= 0 ? p.names[v]! : null, ...heat });
  }
  byVenue.sort((a, b) => b.total - a.total || ((a.venueId ?? '') < (b.venueId ?? '') ? -1 : 1));

  return {
    filters,
    period,
    compare,
    comparePeriod,
    pay: p.pay,
    zone: p.zone,
    missingMonths: monthsOf(period).filter((m) => !p.months.has(m)),
    compareMissingMonths: comparePeriod ? monthsOf(comparePeriod).filter((m) => !p.months.has(m)) : [],
    current: cur.out,
    comparison: cmp ? cmp.out : null,
    deltas: cmp ? dashboardDeltas(cur.out, cmp.out) : null,
    heatmap: { overall: heatmapOf(overall), byVenue },
    series: {
      days,
      plannedMinutes: Array.from(cur.pass.planned),
      actualMinutes: Array.from(cur.pass.actual),
      compareDays,
      comparePlannedMinutes: aligned(cmp?.pass.planned),
      compareActualMinutes: aligned(cmp?.pass.actual),
    },
    incidents: incidentGroups(cur.groups!),
    options: {
      projectIds: sortedNames(p, p.seen.project),
      venueIds: sortedNames(p, p.seen.venue),
      teamIds: sortedNames(p, p.seen.team),
      roles: sortedNames(p, p.seen.role),
      categories: sortedNames(p, p.seen.category),
    },
  };
}

export { prepareSlices };
export type { PreparedSlices };
