/**
 * The analytics bench's data: `rows` hours rows (person x mission) over 13 months, with their pay, missions (one
 * row per mission and role need) and incidents, as the warehouse writes them (shared/src/analytics/slices.ts:
 * columns, dict indexes, parts of SLICE_MAX_ROWS rows, the zone's real offsets). Deterministic (seeded), so the
 * page and Node build the same slices.
 */
import type { DashboardSlices } from '@coulisses/shared/analytics/dashboard-types';
import { SLICE_MAX_ROWS, type HoursSliceData, type IncidentsSliceData, type MissionsSliceData, type PaySliceData } from '@coulisses/shared/analytics/slices';
import { mulberry32 } from '@coulisses/shared/testing/seeded-random';
import { localDate, zoneOffset, zonedTimeToUtc } from '@coulisses/shared/time/zone';

export interface BenchOptions {
  rows: number;
  /** The last month (YYYY-MM); 13 months up to it. */
  lastMonth: string;
  zone: string;
}

export const DEFAULT_OPTIONS: BenchOptions = { rows: 100_000, lastMonth: '2026-12', zone: 'Europe/Paris' };

/** The data set's seeded generator (mulberry32, shared with the other benches and the property tests). */
const rng = mulberry32;

const pad = (n: number) => String(n).padStart(2, '0');

function monthsUpTo(last: string, n: number): string[] {
  let y = Number(last.slice(0, 4));
  let m = Number(last.slice(5, 7));
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    out.unshift(`${y}-${pad(m)}`);
    m -= 1;
    if (m === 0) {
      m = 12;
      y -= 1;
    }
  }
  return out;
}

/** The zone's offset from the month's first instant and at each change in it ([utcMinute, offsetMinutes]). */
function offsetsOf(month: string, zone: string): [number, number][] {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const first = zonedTimeToUtc({ year: y, month: m, day: 1, hour: 0, minute: 0 }, zone);
  const next = zonedTimeToUtc({ year: m === 12 ? y + 1 : y, month: m === 12 ? 1 : m + 1, day: 1, hour: 0, minute: 0 }, zone);
  const out: [number, number][] = [[first / 60_000, zoneOffset(first, zone) / 60_000]];
  for (let t = first + 3_600_000; t < next; t += 3_600_000) {
    const off = zoneOffset(t, zone) / 60_000;
    if (off !== out[out.length - 1]![1]) out.push([t / 60_000, off]);
  }
  return out;
}

const PEOPLE = 400;
const PROJECTS = 20;
const VENUES = 12;
const TEAMS = 10;
const ROLES = ['Son', 'Lumiere', 'Video', 'Plateau', 'Regie', 'Cintrier', 'Habilleuse', 'Electro'];
const CATEGORIES = ['SOUND', 'LIGHT', 'VIDEO', 'RIGGING', 'POWER', 'STAGE', 'OTHER'];

export const userId = (i: number) => `u${i}`;
export const teamId = (i: number) => `t${i}`;
/** Team of person i (for the team filter). */
export const teamOfUser = (i: number) => i % TEAMS;

interface Builder<R> {
  dict: string[];
  index: Map<string, number>;
  rows: R;
}

function dictAt(b: { dict: string[]; index: Map<string, number> }, v: string | null): number {
  if (v === null) return -1;
  let i = b.index.get(v);
  if (i === undefined) {
    i = b.dict.length;
    b.dict.push(v);
    b.index.set(v, i);
  }
  return i;
}

type HoursCols = HoursSliceData['rows'];
type MissionCols = MissionsSliceData['rows'];
const emptyHours = (): HoursCols => ({ day: [], user: [], mission: [], project: [], venue: [], role: [], start: [], end: [], planned: [], actual: [], overtime: [], night: [], late: [] });
const emptyMissions = (): MissionCols => ({ day: [], mission: [], project: [], venue: [], team: [], role: [], type: [], status: [], start: [], end: [], needed: [], accepted: [], invited: [], declined: [] });

/** The slices of the bench (and the team members of team t0, for a team filter). */
export function generateSlices(opts: BenchOptions = DEFAULT_OPTIONS): DashboardSlices & { teamMembers: string[]; months: string[] } {
  const rand = rng(20261209);
  const months = monthsUpTo(opts.lastMonth, 13);
  const perMonth = Math.ceil(opts.rows / months.length);
  const hours: HoursSliceData[] = [];
  const pay: PaySliceData[] = [];
  const missions: MissionsSliceData[] = [];
  const incidents: IncidentsSliceData[] = [];
  let missionSeq = 0;
  let incidentSeq = 0;
  let left = opts.rows;
  for (const month of months) {
    const offsets = offsetsOf(month, opts.zone);
    const y = Number(month.slice(0, 4));
    const m = Number(month.slice(5, 7));
    const daysIn = new Date(Date.UTC(y, m, 0)).getUTCDate();
    let target = Math.min(perMonth, left);
    left -= target;
    let part = 0;
    let h: Builder<HoursCols> & { cost: number[] } = { dict: [], index: new Map(), rows: emptyHours(), cost: [] };
    const ms: Builder<MissionCols> = { dict: [], index: new Map(), rows: emptyMissions() };
    const flush = () => {
      if (h.rows.day.length === 0) return;
      const stamp = `bench-${month}-${part}`;
      hours.push({ month, part, stamp, zone: opts.zone, offsets, dict: h.dict, rows: h.rows });
      pay.push({ month, part, stamp, rows: { costCents: h.cost } });
      part += 1;
      h = { dict: [], index: new Map(), rows: emptyHours(), cost: [] };
    };
    while (target > 0) {
      const mission = `m${missionSeq++}`;
      const day = 1 + Math.floor(rand() * daysIn);
      const hour = 7 + Math.floor(rand() * 15);
      const start = zonedTimeToUtc({ year: y, month: m, day, hour, minute: rand() < 0.5 ? 0 : 30 }, opts.zone);
      const minutes = 240 + 30 * Math.floor(rand() * 13);
      const end = start + minutes * 60_000;
      const localDay = Number(localDate(start, opts.zone).slice(8, 10));
      const project = `p${Math.floor(rand() * PROJECTS)}`;
      const venue = `v${Math.floor(rand() * VENUES)}`;
      const team = rand() < 0.7 ? teamId(Math.floor(rand() * TEAMS)) : null;
      const people = Math.min(target, 1 + Math.floor(rand() * 6));
      const roleA = ROLES[Math.floor(rand() * ROLES.length)]!;
      const roleB = ROLES[Math.floor(rand() * ROLES.length)]!;
      const cancelled = rand() < 0.03;
      // Mission rows: two role needs.
      const needA = Math.ceil(people / 2) + (rand() < 0.3 ? 1 : 0);
      const needB = Math.floor(people / 2) + (rand() < 0.2 ? 1 : 0);
      for (const [role, needed, accepted] of [[roleA, needA, Math.ceil(people / 2)], [roleB, needB, Math.floor(people / 2)]] as const) {
        const r = ms.rows;
        r.day.push(localDay); r.mission.push(dictAt(ms, mission)); r.project.push(dictAt(ms, project)); r.venue.push(dictAt(ms, venue));
        r.team.push(dictAt(ms, team)); r.role.push(dictAt(ms, role)); r.type.push(dictAt(ms, 'SHOW')); r.status.push(dictAt(ms, cancelled ? 'CANCELLED' : 'PUBLISHED'));
        r.start.push(start / 60_000); r.end.push(end / 60_000); r.needed.push(needed); r.accepted.push(accepted); r.invited.push(0); r.declined.push(0);
      }
      if (cancelled) continue;
      for (let p = 0; p < people; p++) {
        if (h.rows.day.length >= SLICE_MAX_ROWS) flush();
        const person = Math.floor(rand() * PEOPLE);
        const actual = Math.max(0, minutes + 15 * Math.floor(rand() * 5) - 30);
        const r = h.rows;
        r.day.push(localDay); r.user.push(dictAt(h, userId(person))); r.mission.push(dictAt(h, mission)); r.project.push(dictAt(h, project));
        r.venue.push(dictAt(h, venue)); r.role.push(dictAt(h, p % 2 === 0 ? roleA : roleB)); r.start.push(start / 60_000); r.end.push(end / 60_000);
        r.planned.push(minutes); r.actual.push(actual); r.overtime.push(rand() < 0.1 ? 60 : 0); r.night.push(hour >= 20 ? Math.min(actual, 120) : 0); r.late.push(rand() < 0.05 ? 1 : 0);
        h.cost.push(Math.round((actual / 60) * (1800 + Math.floor(rand() * 1500))));
        target -= 1;
      }
    }
    flush();
    missions.push({ month, part: 0, stamp: `bench-${month}`, zone: opts.zone, offsets, dict: ms.dict, rows: ms.rows });
    const inc: Builder<IncidentsSliceData['rows']> = { dict: [], index: new Map(), rows: { incident: [], day: [], at: [], venue: [], project: [], mission: [], item: [], category: [], severity: [], open: [] } };
    for (let i = 0; i < 150; i++) {
      const day = 1 + Math.floor(rand() * daysIn);
      const r = inc.rows;
      r.incident.push(dictAt(inc, `i${incidentSeq++}`)); r.day.push(day); r.at.push(Date.UTC(y, m - 1, day, 12) / 60_000); r.venue.push(dictAt(inc, `v${Math.floor(rand() * VENUES)}`));
      r.project.push(dictAt(inc, `p${Math.floor(rand() * PROJECTS)}`)); r.mission.push(-1); r.item.push(dictAt(inc, `item${Math.floor(rand() * 80)}`));
      r.category.push(dictAt(inc, CATEGORIES[Math.floor(rand() * CATEGORIES.length)]!)); r.severity.push(dictAt(inc, 'MINOR')); r.open.push(rand() < 0.3 ? 1 : 0);
    }
    incidents.push({ month, part: 0, stamp: `bench-${month}`, dict: inc.dict, rows: inc.rows });
  }
  const teamMembers: string[] = [];
  for (let i = 0; i < PEOPLE; i++) if (teamOfUser(i) === 0) teamMembers.push(userId(i));
  return { hours, pay, missions, incidents, teamMembers, months };
}
