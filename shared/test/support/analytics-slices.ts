import type { HoursSliceData, IncidentsSliceData, MissionsSliceData, PaySliceData } from '../../src/analytics/slices';

/**
 * Test builders: analytics slices from readable rows (ids and names as strings, instants as ISO), encoded the way
 * the contract says (columns, dict indexes, -1 for none, UTC epoch minutes). Offsets are given by the test.
 */

export const minutesOf = (iso: string): number => Date.parse(iso) / 60_000;

class DictBuilder {
  dict: string[] = [];
  at(v: string | null | undefined): number {
    if (v === null || v === undefined) return -1;
    let i = this.dict.indexOf(v);
    if (i < 0) {
      i = this.dict.length;
      this.dict.push(v);
    }
    return i;
  }
}

export interface HoursRow {
  day: number;
  user: string | null;
  mission?: string | null;
  project?: string | null;
  venue?: string | null;
  role?: string | null;
  start?: string | null;
  end?: string | null;
  planned: number;
  actual: number;
  overtime?: number;
  night?: number;
  late?: 0 | 1;
  cost?: number;
}

export function hoursSlice(month: string, offsets: [number, number][], rows: HoursRow[], opts: { part?: number; stamp?: string; zone?: string } = {}): HoursSliceData {
  const d = new DictBuilder();
  const col = <T>(f: (r: HoursRow) => T) => rows.map(f);
  return {
    month, part: opts.part ?? 0, stamp: opts.stamp ?? 's1', zone: opts.zone ?? 'Europe/Paris', offsets,
    dict: d.dict,
    rows: {
      day: col((r) => r.day), user: col((r) => d.at(r.user)), mission: col((r) => d.at(r.mission)), project: col((r) => d.at(r.project)),
      venue: col((r) => d.at(r.venue)), role: col((r) => d.at(r.role)),
      start: col((r) => (r.start ? minutesOf(r.start) : -1)), end: col((r) => (r.end ? minutesOf(r.end) : -1)),
      planned: col((r) => r.planned), actual: col((r) => r.actual), overtime: col((r) => r.overtime ?? 0), night: col((r) => r.night ?? 0), late: col((r) => r.late ?? 0),
    },
  };
}

export function paySlice(hours: HoursSliceData, costs: number[], stamp = hours.stamp): PaySliceData {
  return { month: hours.month, part: hours.part, stamp, rows: { costCents: costs } };
}

export interface MissionRow {
  day: number;
  mission: string;
  project?: string | null;
  venue?: string | null;
  team?: string | null;
  role?: string | null;
  status?: string;
  start?: string;
  end?: string;
  needed: number;
  accepted: number;
}

export function missionsSlice(month: string, offsets: [number, number][], rows: MissionRow[], opts: { part?: number; stamp?: string } = {}): MissionsSliceData {
  const d = new DictBuilder();
  const col = <T>(f: (r: MissionRow) => T) => rows.map(f);
  return {
    month, part: opts.part ?? 0, stamp: opts.stamp ?? 's1', zone: 'Europe/Paris', offsets, dict: d.dict,
    rows: {
      day: col((r) => r.day), mission: col((r) => d.at(r.mission)), project: col((r) => d.at(r.project)), venue: col((r) => d.at(r.venue)),
      team: col((r) => d.at(r.team)), role: col((r) => d.at(r.role)), type: col(() => d.at('SHOW')), status: col((r) => d.at(r.status ?? 'PUBLISHED')),
      start: col((r) => (r.start ? minutesOf(r.start) : -1)), end: col((r) => (r.end ? minutesOf(r.end) : -1)),
      needed: col((r) => r.needed), accepted: col((r) => r.accepted), invited: col(() => 0), declined: col(() => 0),
    },
  };
}

export interface IncidentRow {
  incident: string;
  day: number;
  at: string;
  venue?: string | null;
  project?: string | null;
  mission?: string | null;
  item?: string | null;
  category: string;
  severity?: string;
  open: 0 | 1;
}

export function incidentsSlice(month: string, rows: IncidentRow[]): IncidentsSliceData {
  const d = new DictBuilder();
  const col = <T>(f: (r: IncidentRow) => T) => rows.map(f);
  return {
    month, part: 0, stamp: 's1', dict: d.dict,
    rows: {
      incident: col((r) => d.at(r.incident)), day: col((r) => r.day), at: col((r) => minutesOf(r.at)), venue: col((r) => d.at(r.venue)),
      project: col((r) => d.at(r.project)), mission: col((r) => d.at(r.mission)), item: col((r) => d.at(r.item)), category: col((r) => d.at(r.category)),
      severity: col((r) => d.at(r.severity ?? 'MINOR')), open: col((r) => r.open),
    },
  };
}

/** Europe/Paris offsets of a month: [first instant of the month (UTC minutes), offset], and the DST change if any. */
export const PARIS = {
  '2025-12': [[minutesOf('2025-11-30T23:00:00Z'), 60]] as [number, number][],
  '2026-03': [[minutesOf('2026-02-28T23:00:00Z'), 60], [minutesOf('2026-03-29T01:00:00Z'), 120]] as [number, number][],
  '2026-10': [[minutesOf('2026-09-30T22:00:00Z'), 120], [minutesOf('2026-10-25T01:00:00Z'), 60]] as [number, number][],
  '2026-11': [[minutesOf('2026-10-31T23:00:00Z'), 60]] as [number, number][],
  '2026-12': [[minutesOf('2026-11-30T23:00:00Z'), 60]] as [number, number][],
};
