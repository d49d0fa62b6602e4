import type { DashboardIndicators, IncidentsByVenueCategory } from './dashboard-types';
import type { PreparedSlices } from './decode';
import { WeekLoad } from './heatmap';

/**
 * The indicator passes of the direction dashboard (rules: docs/decisions/analytics-indicators.md): one loop per
 * kind of slice over its parts, filters resolved once per part to that part's own dict index, plain integer
 * compares per row. computeDashboard (dashboard.ts) runs them for the period and for its comparison.
 */

export interface Scope {
  from: number;
  to: number;
  project: number;
  venue: number;
  team: number;
  role: number;
  /** Team members by global index (null: no team filter). */
  members: Uint8Array | null;
}

export const emptyIndicators = (pay: boolean): DashboardIndicators => ({
  missions: 0, needed: 0, filled: 0, coverageRate: null, rows: 0, people: 0, plannedMinutes: 0, actualMinutes: 0, variancePct: null,
  overtimeMinutes: 0, nightMinutes: 0, lateStarts: 0, payrollCents: pay ? 0 : null, avgHourlyCostCents: null, payComplete: pay ? true : null,
  incidents: { total: 0, open: 0, closed: 0 },
});

export interface HoursPass {
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

export function hoursPass(p: PreparedSlices, s: Scope, out: DashboardIndicators, pass: HoursPass): void {
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

export function coveragePass(p: PreparedSlices, s: Scope, out: DashboardIndicators): void {
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

export function incidentPass(p: PreparedSlices, s: Scope, out: DashboardIndicators, groups: Map<number, IncidentsByVenueCategory> | null): void {
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

