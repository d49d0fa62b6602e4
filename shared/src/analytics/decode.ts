import type { DashboardSlices } from './dashboard-types';
import { dayOfMonth } from './periods';
import type { HoursSliceData, IncidentsSliceData, MissionsSliceData, PaySliceData } from './slices';

/**
 * Column views over a list of slices: every slice's columns are copied once into typed arrays (no object per row)
 * and every slice's dict index is translated to one global dictionary, so a filter is resolved to one integer and
 * the dashboard's loops compare integers. Built once per set of slices (prepareSlices), reused for every filter.
 */

export interface PreparedHours {
  length: number;
  /** Local day number (days since 1970-01-01) of the row's date. */
  date: Int32Array;
  user: Int32Array;
  mission: Int32Array;
  project: Int32Array;
  venue: Int32Array;
  role: Int32Array;
  start: Float64Array;
  end: Float64Array;
  planned: Float64Array;
  actual: Float64Array;
  overtime: Float64Array;
  night: Float64Array;
  late: Uint8Array;
  /** Cost of the row in cents; NaN when its pay slice is absent. */
  cost: Float64Array;
}

export interface PreparedMissions {
  length: number;
  date: Int32Array;
  mission: Int32Array;
  project: Int32Array;
  venue: Int32Array;
  team: Int32Array;
  role: Int32Array;
  /** 1: the row counts for coverage (mission PUBLISHED, or status unknown). */
  live: Uint8Array;
  needed: Float64Array;
  accepted: Float64Array;
}

export interface PreparedIncidents {
  length: number;
  date: Int32Array;
  incident: Int32Array;
  venue: Int32Array;
  project: Int32Array;
  category: Int32Array;
  open: Uint8Array;
}

/** The reusable prepared form of a set of slices (keep it in the worker; compute many filters on it). */
export interface PreparedSlices {
  readonly prepared: true;
  /** The global dictionary: index -> id or name. */
  names: string[];
  /** id or name -> global index. */
  index: Map<string, number>;
  hours: PreparedHours;
  missions: PreparedMissions;
  incidents: PreparedIncidents;
  /** Whether pay slices were given at all (the viewer may read pay figures). */
  pay: boolean;
  /** Zone offsets merged from all slices, by UTC minute: from offsetAt[k] on, local = utc + offsetMinutes[k]. */
  offsetAt: Float64Array;
  offsetMinutes: Int32Array;
  zone: string | null;
  /** Months (YYYY-MM) with an hours or missions slice. */
  months: Set<string>;
  /** Global indexes seen per axis, for the filter options. */
  seen: { project: number[]; venue: number[]; team: number[]; role: number[]; category: number[] };
}

class Dict {
  names: string[] = [];
  index = new Map<string, number>();
  /** Translation of a slice's dict to global indexes. */
  translate(dict: readonly string[]): Int32Array {
    const out = new Int32Array(dict.length);
    for (let i = 0; i < dict.length; i++) {
      const name = dict[i]!;
      let g = this.index.get(name);
      if (g === undefined) {
        g = this.names.length;
        this.names.push(name);
        this.index.set(name, g);
      }
      out[i] = g;
    }
    return out;
  }
}

const rowCount = (rows: Record<string, readonly number[]>): number => {
  for (const k in rows) return rows[k]!.length;
  return 0;
};

/** Copy a dict-indexed column, translated to the global dictionary (-1 stays -1, an index out of range becomes -1). */
function mapColumn(target: Int32Array, offset: number, column: readonly number[], tr: Int32Array): void {
  for (let i = 0; i < column.length; i++) {
    const v = column[i]!;
    target[offset + i] = v >= 0 && v < tr.length ? tr[v]! : -1;
  }
}

function copyColumn(target: Float64Array | Uint8Array, offset: number, column: readonly number[]): void {
  target.set(column, offset);
}

function mergeOffsets(lists: readonly (readonly (readonly [number, number])[])[]): { at: Float64Array; minutes: Int32Array } {
  const all = lists.flat().slice().sort((a, b) => a[0] - b[0]);
  const at: number[] = [];
  const minutes: number[] = [];
  for (const [t, off] of all) {
    if (at.length > 0 && at[at.length - 1] === t) continue;
    if (minutes.length > 0 && minutes[minutes.length - 1] === off) continue;
    at.push(t);
    minutes.push(off);
  }
  if (at.length === 0) {
    at.push(0);
    minutes.push(0);
  }
  return { at: Float64Array.from(at), minutes: Int32Array.from(minutes) };
}

const payKey = (s: { month: string; part: number; stamp: string }) => `${s.month}/${s.part}/${s.stamp}`;

function prepareHours(dict: Dict, slices: readonly HoursSliceData[], pay: readonly PaySliceData[] | null | undefined): PreparedHours {
  const length = slices.reduce((n, s) => n + rowCount(s.rows), 0);
  const h: PreparedHours = {
    length,
    date: new Int32Array(length), user: new Int32Array(length), mission: new Int32Array(length), project: new Int32Array(length),
    venue: new Int32Array(length), role: new Int32Array(length), start: new Float64Array(length), end: new Float64Array(length),
    planned: new Float64Array(length), actual: new Float64Array(length), overtime: new Float64Array(length), night: new Float64Array(length),
    late: new Uint8Array(length), cost: new Float64Array(length).fill(Number.NaN),
  };
  const payBy = new Map<string, PaySliceData>();
  for (const p of pay ?? []) payBy.set(payKey(p), p);
  let o = 0;
  for (const s of slices) {
    const r = s.rows;
    const n = r.day.length;
    const tr = dict.translate(s.dict);
    const first = dayOfMonth(s.month, 1) - 1;
    for (let i = 0; i < n; i++) h.date[o + i] = first + r.day[i]!;
    mapColumn(h.user, o, r.user, tr);
    mapColumn(h.mission, o, r.mission, tr);
    mapColumn(h.project, o, r.project, tr);
    mapColumn(h.venue, o, r.venue, tr);
    mapColumn(h.role, o, r.role, tr);
    copyColumn(h.start, o, r.start);
    copyColumn(h.end, o, r.end);
    copyColumn(h.planned, o, r.planned);
    copyColumn(h.actual, o, r.actual);
    copyColumn(h.overtime, o, r.overtime);
    copyColumn(h.night, o, r.night);
    copyColumn(h.late, o, r.late);
    const p = payBy.get(payKey(s));
    if (p && p.rows.costCents.length === n) copyColumn(h.cost, o, p.rows.costCents);
    o += n;
  }
  return h;
}

function prepareMissions(dict: Dict, slices: readonly MissionsSliceData[]): PreparedMissions {
  const length = slices.reduce((n, s) => n + rowCount(s.rows), 0);
  const m: PreparedMissions = {
    length,
    date: new Int32Array(length), mission: new Int32Array(length), project: new Int32Array(length), venue: new Int32Array(length),
    team: new Int32Array(length), role: new Int32Array(length), live: new Uint8Array(length), needed: new Float64Array(length), accepted: new Float64Array(length),
  };
  let o = 0;
  for (const s of slices) {
    const r = s.rows;
    const n = r.day.length;
    const tr = dict.translate(s.dict);
    const first = dayOfMonth(s.month, 1) - 1;
    mapColumn(m.mission, o, r.mission, tr);
    mapColumn(m.project, o, r.project, tr);
    mapColumn(m.venue, o, r.venue, tr);
    mapColumn(m.team, o, r.team, tr);
    mapColumn(m.role, o, r.role, tr);
    copyColumn(m.needed, o, r.needed);
    copyColumn(m.accepted, o, r.accepted);
    for (let i = 0; i < n; i++) {
      m.date[o + i] = first + r.day[i]!;
      const st = r.status[i]!;
      const status = st >= 0 && st < s.dict.length ? s.dict[st] : null;
      m.live[o + i] = status === null || status === 'PUBLISHED' ? 1 : 0;
    }
    o += n;
  }
  return m;
}

function prepareIncidents(dict: Dict, slices: readonly IncidentsSliceData[]): PreparedIncidents {
  const length = slices.reduce((n, s) => n + rowCount(s.rows), 0);
  const x: PreparedIncidents = {
    length, date: new Int32Array(length), incident: new Int32Array(length), venue: new Int32Array(length), project: new Int32Array(length),
    category: new Int32Array(length), open: new Uint8Array(length),
  };
  let o = 0;
  for (const s of slices) {
    const r = s.rows;
    const n = r.day.length;
    const tr = dict.translate(s.dict);
    const first = dayOfMonth(s.month, 1) - 1;
    mapColumn(x.incident, o, r.incident, tr);
    mapColumn(x.venue, o, r.venue, tr);
    mapColumn(x.project, o, r.project, tr);
    mapColumn(x.category, o, r.category, tr);
    copyColumn(x.open, o, r.open);
    for (let i = 0; i < n; i++) {
      x.date[o + i] = first + r.day[i]!;
    }
    o += n;
  }
  return x;
}

/** The global indexes present in some columns (marks over the dictionary, then a list). */
function seenIn(size: number, columns: readonly Int32Array[]): number[] {
  const mark = new Uint8Array(size);
  for (const c of columns) for (let i = 0; i < c.length; i++) if (c[i]! >= 0) mark[c[i]!] = 1;
  const out: number[] = [];
  for (let i = 0; i < size; i++) if (mark[i] === 1) out.push(i);
  return out;
}

/** Decode a set of slices once (see PreparedSlices). Pay slices pair with the hours slice of the same month, part and stamp. */
export function prepareSlices(slices: DashboardSlices): PreparedSlices {
  const dict = new Dict();
  const hours = prepareHours(dict, slices.hours, slices.pay);
  const missions = prepareMissions(dict, slices.missions);
  const incidents = prepareIncidents(dict, slices.incidents);
  const size = dict.names.length;
  const seen = {
    project: seenIn(size, [hours.project, missions.project, incidents.project]),
    venue: seenIn(size, [hours.venue, missions.venue, incidents.venue]),
    team: seenIn(size, [missions.team]),
    role: seenIn(size, [hours.role, missions.role]),
    category: seenIn(size, [incidents.category]),
  };
  const offsets = mergeOffsets([...slices.hours.map((s) => s.offsets), ...slices.missions.map((s) => s.offsets)]);
  const months = new Set<string>([...slices.hours.map((s) => s.month), ...slices.missions.map((s) => s.month)]);
  const zone = slices.hours[0]?.zone ?? slices.missions[0]?.zone ?? null;
  return {
    prepared: true, names: dict.names, index: dict.index, hours, missions, incidents, pay: !!slices.pay,
    offsetAt: offsets.at, offsetMinutes: offsets.minutes, zone, months, seen,
  };
}
