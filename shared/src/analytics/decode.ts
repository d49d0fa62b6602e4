import type { DashboardSlices } from './dashboard-types';
import { dayOfMonth } from './periods';
import type { HoursSliceData, IncidentsSliceData, MissionsSliceData, PaySliceData } from './slices';

/**
 * Column views over a list of slices: nothing is copied per row. Each slice keeps its own column arrays (as they
 * arrived from the store or the worker message) and gets a translation of its dict to one global dictionary
 * (`tr`), so a filter is resolved once per slice to that slice's own dict index and the loops compare integers
 * without translating rows. Built once per set of slices (prepareSlices), reused for every filter.
 */

interface Part {
  month: string;
  /** Day number (days since 1970-01-01) of day 0 of the month: a row's date is first + day. */
  first: number;
  length: number;
  /** Local dict index -> global index. */
  tr: Int32Array;
}

export interface HoursPart extends Part {
  rows: HoursSliceData['rows'];
  /** The pay slice's costs of the same rows (same month, part and stamp), or null. */
  cost: readonly number[] | null;
}

export interface MissionsPart extends Part {
  rows: MissionsSliceData['rows'];
  /** Per local dict index used as a status: 1 when the mission counts for coverage (PUBLISHED). */
  live: Uint8Array;
}

export interface IncidentsPart extends Part {
  rows: IncidentsSliceData['rows'];
}

/** The reusable prepared form of a set of slices (keep it in the worker; compute many filters on it). */
export interface PreparedSlices {
  readonly prepared: true;
  /** The global dictionary: index -> id or name. */
  names: string[];
  /** id or name -> global index. */
  index: Map<string, number>;
  hours: HoursPart[];
  missions: MissionsPart[];
  incidents: IncidentsPart[];
  /** Hours rows in all parts. */
  hoursRows: number;
  /** Whether pay slices were given at all (the viewer may read pay figures). */
  pay: boolean;
  /** Zone offsets merged from all slices, by UTC minute: from offsetAt[k] on, local = utc + offsetMinutes[k]. */
  offsetAt: Float64Array;
  offsetMinutes: Int32Array;
  zone: string | null;
  /** Months (YYYY-MM) with an hours or missions slice. */
  months: Set<string>;
  /** Slices left out because a column was not consistent (lengths, dict indexes out of range). */
  skipped: number;
  /** Global indexes seen per axis, for the filter options. */
  seen: { project: number[]; venue: number[]; team: number[]; role: number[]; category: number[] };
}

class Dict {
  names: string[] = [];
  index = new Map<string, number>();
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

/** Every column has `length` entries; index columns stay within the dict (or -1); days within 1..31. */
function consistent(rows: Record<string, readonly number[]>, indexColumns: readonly string[], dictLength: number): number {
  const day = rows.day;
  if (!day) return -1;
  const length = day.length;
  for (const k in rows) if (rows[k]!.length !== length) return -1;
  for (const k of indexColumns) {
    const c = rows[k]!;
    for (let i = 0; i < length; i++) {
      const v = c[i]!;
      if (!(v >= -1 && v < dictLength)) return -1;
    }
  }
  for (let i = 0; i < length; i++) {
    const d = day[i]!;
    if (!(d >= 1 && d <= 31)) return -1;
  }
  return length;
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

/** Mark the global indexes a part's column uses. */
function markUsed(mark: Uint8Array, column: readonly number[], tr: Int32Array): void {
  for (let i = 0; i < column.length; i++) {
    const v = column[i]!;
    if (v >= 0) mark[tr[v]!] = 1;
  }
}

const listOf = (mark: Uint8Array): number[] => {
  const out: number[] = [];
  for (let i = 0; i < mark.length; i++) if (mark[i] === 1) out.push(i);
  return out;
};

const HOURS_INDEXES = ['user', 'mission', 'project', 'venue', 'role'];
const MISSIONS_INDEXES = ['mission', 'project', 'venue', 'team', 'role', 'type', 'status'];
const INCIDENTS_INDEXES = ['incident', 'venue', 'project', 'mission', 'item', 'category', 'severity'];

/** Decode a set of slices once (see PreparedSlices). Pay slices pair with the hours slice of the same month, part and stamp. */
export function prepareSlices(slices: DashboardSlices): PreparedSlices {
  const dict = new Dict();
  let skipped = 0;
  const payBy = new Map<string, PaySliceData>();
  for (const p of slices.pay ?? []) payBy.set(payKey(p), p);

  const hours: HoursPart[] = [];
  let hoursRows = 0;
  for (const s of slices.hours) {
    const length = consistent(s.rows, HOURS_INDEXES, s.dict.length);
    if (length < 0) {
      skipped += 1;
      continue;
    }
    const p = payBy.get(payKey(s));
    const cost = p && p.rows.costCents.length === length ? p.rows.costCents : null;
    hours.push({ month: s.month, first: dayOfMonth(s.month, 1) - 1, length, tr: dict.translate(s.dict), rows: s.rows, cost });
    hoursRows += length;
  }
  const missions: MissionsPart[] = [];
  for (const s of slices.missions) {
    const length = consistent(s.rows, MISSIONS_INDEXES, s.dict.length);
    if (length < 0) {
      skipped += 1;
      continue;
    }
    const live = new Uint8Array(s.dict.length);
    for (let i = 0; i < s.dict.length; i++) live[i] = s.dict[i] === 'PUBLISHED' ? 1 : 0;
    missions.push({ month: s.month, first: dayOfMonth(s.month, 1) - 1, length, tr: dict.translate(s.dict), rows: s.rows, live });
  }
  const incidents: IncidentsPart[] = [];
  for (const s of slices.incidents) {
    const length = consistent(s.rows, INCIDENTS_INDEXES, s.dict.length);
    if (length < 0) {
      skipped += 1;
      continue;
    }
    incidents.push({ month: s.month, first: dayOfMonth(s.month, 1) - 1, length, tr: dict.translate(s.dict), rows: s.rows });
  }

  const size = dict.names.length;
  const marks = { project: new Uint8Array(size), venue: new Uint8Array(size), team: new Uint8Array(size), role: new Uint8Array(size), category: new Uint8Array(size) };
  for (const h of hours) {
    markUsed(marks.project, h.rows.project, h.tr);
    markUsed(marks.venue, h.rows.venue, h.tr);
    markUsed(marks.role, h.rows.role, h.tr);
  }
  for (const m of missions) {
    markUsed(marks.project, m.rows.project, m.tr);
    markUsed(marks.venue, m.rows.venue, m.tr);
    markUsed(marks.team, m.rows.team, m.tr);
    markUsed(marks.role, m.rows.role, m.tr);
  }
  for (const x of incidents) {
    markUsed(marks.project, x.rows.project, x.tr);
    markUsed(marks.venue, x.rows.venue, x.tr);
    markUsed(marks.category, x.rows.category, x.tr);
  }

  const offsets = mergeOffsets([...slices.hours.map((s) => s.offsets), ...slices.missions.map((s) => s.offsets)]);
  const months = new Set<string>([...hours.map((s) => s.month), ...missions.map((s) => s.month)]);
  const zone = slices.hours[0]?.zone ?? slices.missions[0]?.zone ?? null;
  return {
    prepared: true, names: dict.names, index: dict.index, hours, missions, incidents, hoursRows, pay: !!slices.pay,
    offsetAt: offsets.at, offsetMinutes: offsets.minutes, zone, months, skipped,
    seen: { project: listOf(marks.project), venue: listOf(marks.venue), team: listOf(marks.team), role: listOf(marks.role), category: listOf(marks.category) },
  };
}
