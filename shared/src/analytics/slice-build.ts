import { sha256Hex } from '../crypto/sha256';
import { startOfLocalDay, zoneOffset } from '../time/zone';
import { SLICE_MAX_ROWS, type HoursSliceData, type IncidentsSliceData, type MissionsSliceData, type PaySliceData } from './slices';
import type { WarehouseMonth } from './warehouse';

/**
 * The slice documents' data of one warehouse month (slices.ts): columns, ids and names written once in `dict`,
 * SLICE_MAX_ROWS rows per part. Deterministic: the same rows give the same data (dict in order of first use, the
 * stamp a hash of the content), so the refresh rewrites only what changed.
 */

/** The zone's offset (minutes) at the month's first instant and at each change inside the month. */
export function monthOffsets(month: string, zone: string): [number, number][] {
  const start = startOfLocalDay(`${month}-01`, zone);
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = `${m === 12 ? y + 1 : y}-${String(m === 12 ? 1 : m + 1).padStart(2, '0')}-01`;
  const end = startOfLocalDay(next, zone);
  const minute = (ms: number) => Math.floor(ms / 60_000);
  const off = (ms: number) => Math.round(zoneOffset(ms, zone) / 60_000);
  const out: [number, number][] = [[minute(start), off(start)]];
  const STEP = 3_600_000;
  for (let t = start; t < end; t += STEP) {
    const a = off(t);
    const b = off(Math.min(t + STEP, end));
    if (a === b) continue;
    // The change is inside this hour: find its minute.
    let lo = t;
    let hi = Math.min(t + STEP, end);
    while (hi - lo > 60_000) {
      const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
      if (off(mid) === a) lo = mid;
      else hi = mid;
    }
    out.push([minute(hi), b]);
  }
  return out;
}

class Dict {
  readonly list: string[] = [];
  private readonly index = new Map<string, number>();
  of(value: string | null | undefined): number {
    if (value === null || value === undefined) return -1;
    let i = this.index.get(value);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(value);
      this.index.set(value, i);
    }
    return i;
  }
}

const chunks = <T>(rows: readonly T[]): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += SLICE_MAX_ROWS) out.push(rows.slice(i, i + SLICE_MAX_ROWS));
  return out;
};

const stampOf = (content: unknown): string => sha256Hex(JSON.stringify(content)).slice(0, 40);

export interface MonthSlices {
  hours: HoursSliceData[];
  pay: PaySliceData[];
  missions: MissionsSliceData[];
  incidents: IncidentsSliceData[];
}

export function buildMonthSlices(w: WarehouseMonth, zone: string): MonthSlices {
  const offsets = monthOffsets(w.month, zone);
  const hours: HoursSliceData[] = [];
  const pay: PaySliceData[] = [];
  chunks(w.hours).forEach((part, p) => {
    const dict = new Dict();
    const rows = {
      day: part.map((r) => r.day), user: part.map((r) => dict.of(r.userId)), mission: part.map((r) => dict.of(r.missionId)),
      project: part.map((r) => dict.of(r.projectId)), venue: part.map((r) => dict.of(r.venueId)), role: part.map((r) => dict.of(r.role)),
      start: part.map((r) => r.start), end: part.map((r) => r.end), planned: part.map((r) => r.planned), actual: part.map((r) => r.actual),
      overtime: part.map((r) => r.overtime), night: part.map((r) => r.night), late: part.map((r) => r.late),
    };
    const stamp = stampOf({ month: w.month, p, zone, offsets, dict: dict.list, rows });
    hours.push({ month: w.month, part: p, stamp, zone, offsets, dict: dict.list, rows });
    pay.push({ month: w.month, part: p, stamp, rows: { costCents: part.map((r) => r.costCents) } });
  });
  const missions: MissionsSliceData[] = chunks(w.missions).map((part, p) => {
    const dict = new Dict();
    const rows = {
      day: part.map((r) => r.day), mission: part.map((r) => dict.of(r.missionId)), project: part.map((r) => dict.of(r.projectId)),
      venue: part.map((r) => dict.of(r.venueId)), team: part.map((r) => dict.of(r.teamId)), role: part.map((r) => dict.of(r.role)),
      type: part.map((r) => dict.of(r.type)), status: part.map((r) => dict.of(r.status)), start: part.map((r) => r.start), end: part.map((r) => r.end),
      needed: part.map((r) => r.needed), accepted: part.map((r) => r.accepted), invited: part.map((r) => r.invited), declined: part.map((r) => r.declined),
    };
    return { month: w.month, part: p, stamp: stampOf({ month: w.month, p, zone, offsets, dict: dict.list, rows }), zone, offsets, dict: dict.list, rows };
  });
  const incidents: IncidentsSliceData[] = chunks(w.incidents).map((part, p) => {
    const dict = new Dict();
    const rows = {
      incident: part.map((r) => dict.of(r.incidentId)), day: part.map((r) => r.day), at: part.map((r) => r.at), venue: part.map((r) => dict.of(r.venueId)),
      project: part.map((r) => dict.of(r.projectId)), mission: part.map((r) => dict.of(r.missionId)), item: part.map((r) => dict.of(r.itemId)),
      category: part.map((r) => dict.of(r.category)), severity: part.map((r) => dict.of(r.severity)), open: part.map((r) => r.open),
    };
    return { month: w.month, part: p, stamp: stampOf({ month: w.month, p, dict: dict.list, rows }), dict: dict.list, rows };
  });
  return { hours, pay, missions, incidents };
}
