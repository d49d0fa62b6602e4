import type {
  CompareMode, DashboardDeltas, DashboardIncidents, DashboardIndicators, DashboardInput, DashboardPeriod, DashboardQuery, DashboardResult,
  IncidentsByVenueCategory, VenueHeatmap,
} from './dashboard-types';
import { prepareSlices, type PreparedSlices } from './decode';
import { normaliseFilters } from './filters';
import { HEATMAP_CELLS, WeekLoad, heatmapOf } from './heatmap';
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

interface Scope {
  from: number;
  to: number;
  project: number;
  venue: number;
  team: number;
  role: number;
  /** Team members by global index (null: no team filter). */
  members: Uint8Array | null;
}

const emptyIndicators = (pay: boolean): DashboardIndicators => ({
  missions: 0, needed: 0, filled: 0, coverageRate: null, rows: 0, people: 0, plannedMinutes: 0, actualMinutes: 0, variancePct: null,
  overtimeMinutes: 0, nightMinutes: 0, lateStarts: 0, payrollCents: pay ? 0 : null, avgHourlyCostCents: null, payComplete: pay ? true : null,
  incidents: { total: 0, open: 0, closed: 0 },
});

interface HoursPass {
  planned: Float64Array;
  actual: Float64Array;
  /** Planned load per global venue index (-1: none); the overall heatmap is their sum. */
  heat: Map<number, WeekLoad> | null;
}

/** A part's own dict index of a global filter value: -1 no filter, -2 absent from the part (none of its rows match). */
function localOf(tr: Int32Array, g: number): number {
  if (g === -1) return -1;
  if (g < 0) return -2;
  const i = tr.indexOf(g);
  return i < 0 ? -2 : i;
}

/** The local days [lo, hi] of a part inside the scope's period (lo > hi: none). */
const dayRange = (first: number, s: Scope): [number, number] => [Math.max(1, s.from - first), Math.min(31, s.to - first)];

function loadOf(heat: Map<number, WeekLoad>, venue: number): WeekLoad {
  let load = heat.get(venue);
  if (!load) {
    load = new WeekLoad();
    heat.set(venue, load);
  }
  return load;
}

function hoursPass(p: PreparedSlices, s: Scope, out: DashboardIndicators, pass: HoursPass): void {
  const seenPeople = new Uint8Array(p.names.length);
  let rows = 0;
  let people = 0;
  let planned = 0;
  let actual = 0;
  let overtime = 0;
  let night = 0;
  let late = 0;
  let cost = 0;
  let costMissing = false;
  for (const part of p.hours) {
    const [lo, hi] = dayRange(part.first, s);
    if (lo > hi) continue;
    const tr = part.tr;
    const project = localOf(tr, s.project);
    const venue = localOf(tr, s.venue);
    const role = localOf(tr, s.role);
    if (project === -2 || venue === -2 || role === -2) continue;
    let members: Uint8Array | null = null;
    if (s.members !== null) {
      members = new Uint8Array(tr.length);
      for (let l = 0; l < tr.length; l++) members[l] = s.members[tr[l]!]!;
    }
    const r = part.rows;
    const costs = part.cost;
    const shift = part.first - s.from;
    const loads: (WeekLoad | undefined)[] | null = pass.heat ? new Array<WeekLoad | undefined>(tr.length) : null;
    for (let i = 0; i < part.length; i++) {
      const d = r.day[i]!;
      if (d < lo || d > hi) continue;
      if (project !== -1 && r.project[i] !== project) continue;
      if (venue !== -1 && r.venue[i] !== venue) continue;
      if (role !== -1 && r.role[i] !== role) continue;
      const u = r.user[i]!;
      if (members !== null && (u < 0 || members[u] !== 1)) continue;
      rows += 1;
      if (u >= 0) {
        const gu = tr[u]!;
        if (seenPeople[gu] === 0) {
          seenPeople[gu] = 1;
          people += 1;
        }
      }
      const pl = r.planned[i]!;
      const ac = r.actual[i]!;
      planned += pl;
      actual += ac;
      overtime += r.overtime[i]!;
      night += r.night[i]!;
      late += r.late[i]!;
      if (costs !== null) cost += costs[i]!;
      else costMissing = true;
      const k = d + shift;
      pass.planned[k] = pass.planned[k]! + pl;
      pass.actual[k] = pass.actual[k]! + ac;
      if (loads !== null && pl > 0) {
        const v = r.venue[i]!;
        const load = v >= 0 ? (loads[v] ??= loadOf(pass.heat!, tr[v]!)) : loadOf(pass.heat!, -1);
        load.add(r.start[i]!, r.end[i]!, p.offsetAt, p.offsetMinutes);
      }
    }
  }
  out.rows = rows;
  out.people = people;
  out.plannedMinutes = planned;
  out.actualMinutes = actual;
  out.variancePct = planned === 0 ? null : (100 * (actual - planned)) / planned;
  out.overtimeMinutes = overtime;
  out.nightMinutes = night;
  out.lateStarts = late;
  if (p.pay) {
    out.payrollCents = Math.round(cost);
    out.avgHourlyCostCents = actual > 0 ? Math.round((cost * 60) / actual) : null;
    out.payComplete = !costMissing;
  }
}

function coveragePass(p: PreparedSlices, s: Scope, out: DashboardIndicators): void {
  const needBy = new Float64Array(p.names.length);
  const acceptBy = new Float64Array(p.names.length);
  const seen = new Uint8Array(p.names.length);
  const touched: number[] = [];
  for (const part of p.missions) {
    const [lo, hi] = dayRange(part.first, s);
    if (lo > hi) continue;
    const tr = part.tr;
    const project = localOf(tr, s.project);
    const venue = localOf(tr, s.venue);
    const team = localOf(tr, s.team);
    const role = localOf(tr, s.role);
    if (project === -2 || venue === -2 || team === -2 || role === -2) continue;
    const r = part.rows;
    const live = part.live;
    for (let i = 0; i < part.length; i++) {
      const d = r.day[i]!;
      if (d < lo || d > hi) continue;
      const st = r.status[i]!;
      if (st >= 0 && live[st] !== 1) continue;
      if (project !== -1 && r.project[i] !== project) continue;
      if (venue !== -1 && r.venue[i] !== venue) continue;
      if (team !== -1 && r.team[i] !== team) continue;
      if (role !== -1 && r.role[i] !== role) continue;
      const m = r.mission[i]!;
      if (m < 0) continue;
      const id = tr[m]!;
      if (seen[id] === 0) {
        seen[id] = 1;
        touched.push(id);
      }
      needBy[id] = needBy[id]! + r.needed[i]!;
      acceptBy[id] = acceptBy[id]! + r.accepted[i]!;
    }
  }
  let needed = 0;
  let filled = 0;
  for (const id of touched) {
    needed += needBy[id]!;
    filled += Math.min(needBy[id]!, acceptBy[id]!);
  }
  out.missions = touched.length;
  out.needed = needed;
  out.filled = filled;
  out.coverageRate = needed === 0 ? null : filled / needed;
}

function incidentPass(p: PreparedSlices, s: Scope, out: DashboardIndicators, groups: Map<number, IncidentsByVenueCategory> | null): void {
  const stride = p.names.length + 1;
  let total = 0;
  let open = 0;
  for (const part of p.incidents) {
    const [lo, hi] = dayRange(part.first, s);
    if (lo > hi) continue;
    const tr = part.tr;
    const project = localOf(tr, s.project);
    const venue = localOf(tr, s.venue);
    if (project === -2 || venue === -2) continue;
    const r = part.rows;
    for (let i = 0; i < part.length; i++) {
      const d = r.day[i]!;
      if (d < lo || d > hi) continue;
      if (project !== -1 && r.project[i] !== project) continue;
      if (venue !== -1 && r.venue[i] !== venue) continue;
      total += 1;
      const o = r.open[i] === 1 ? 1 : 0;
      open += o;
      if (groups) {
        const lv = r.venue[i]!;
        const lc = r.category[i]!;
        const v = lv >= 0 ? tr[lv]! : -1;
        const c = lc >= 0 ? tr[lc]! : -1;
        const key = (v + 1) * stride + (c + 1);
        let g = groups.get(key);
        if (!g) {
          g = { venueId: v >= 0 ? p.names[v]! : null, category: c >= 0 ? p.names[c]! : null, total: 0, open: 0, closed: 0 };
          groups.set(key, g);
        }
        g.total += 1;
        g.open += o;
        g.closed += 1 - o;
      }
    }
  }
  out.incidents = { total, open, closed: total - open };
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
