/**
 * The planning benchmark's data set: people, missions spread over a season (52 weeks from a Monday, in
 * Europe/Paris wall-clock times, so two DST changes are inside), and assignments (distinct people per
 * mission). Deterministic (a seeded generator), valid for the registry's schemas.
 */
import { randomUUID } from 'node:crypto';
import { prng } from '../../../sync-server/bench/lib/docs';

export type Doc = Record<string, unknown> & { id: string };

export interface DataSet {
  users: Doc[];
  reference: Doc[];
  missions: Doc[];
  assignments: Doc[];
  /** Assignment updates (INVITED -> ACCEPTED), pushed after the assignments. */
  accepted: { newDocumentState: Doc; assumedMasterState: Doc }[];
}

export interface DataOptions {
  missions: number;
  assignments: number;
  users: number;
  weeks: number;
  /** Monday of the first week (YYYY-MM-DD). */
  firstMonday: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The UTC instant of a Paris wall-clock time (offset +01:00 or +02:00, found by formatting). */
export function parisInstant(date: string, hour: number, minute = 0): string {
  for (const offset of ['+01:00', '+02:00']) {
    const iso = `${date}T${pad(hour)}:${pad(minute)}:00${offset}`;
    const back = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
    if (back === `${pad(hour)}:${pad(minute)}`) return new Date(iso).toISOString();
  }
  return new Date(`${date}T${pad(hour)}:${pad(minute)}:00+01:00`).toISOString();
}

export function addDays(date: string, n: number): string {
  const t = new Date(`${date}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + n);
  return t.toISOString().slice(0, 10);
}

const STARTS = [8, 9, 10, 13, 14, 18, 19, 20];

export function generate(opts: DataOptions): DataSet {
  const rnd = prng(20_270_104);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const now = new Date().toISOString();
  const skills = Array.from({ length: 6 }, (_, i) => ({ id: randomUUID(), updatedAt: now, kind: 'skill', name: `Bench skill ${i + 1}`, archived: false, data: {} }));
  const teams = Array.from({ length: 8 }, (_, i) => ({ id: randomUUID(), updatedAt: now, kind: 'team', name: `Bench team ${i + 1}`, archived: false, data: {} }));
  const users: Doc[] = Array.from({ length: opts.users }, (_, i) => ({
    id: randomUUID(), updatedAt: now, accountId: null, firstName: `Bench${i + 1}`, lastName: `Person ${String(i + 1).padStart(4, '0')}`,
    employmentType: 'INTERMITTENT', skills: [pick(skills).id, pick(skills).id].filter((v, k, a) => a.indexOf(v) === k), tags: [], teamIds: [pick(teams).id], active: true,
  }));
  const missions: Doc[] = [];
  const days = opts.weeks * 7;
  for (let i = 0; i < opts.missions; i++) {
    const date = addDays(opts.firstMonday, Math.floor((i / opts.missions) * days));
    const hour = pick(STARTS);
    const hours = 3 + Math.floor(rnd() * 6);
    const end = hour + hours;
    const r = rnd();
    missions.push({
      id: randomUUID(), updatedAt: now, projectId: null, title: `Bench mission ${i + 1}`, venueId: null,
      startAt: parisInstant(date, hour), endAt: end >= 24 ? parisInstant(addDays(date, 1), end - 24) : parisInstant(date, end),
      type: pick(['MONTAGE', 'REPETITION', 'SPECTACLE', 'DEMONTAGE'] as const), status: r < 0.85 ? 'PUBLISHED' : r < 0.95 ? 'DRAFT' : 'CANCELLED',
      needs: [{ role: 'Technique', count: 4, skills: [pick(skills).id] }], teamId: pick(teams).id,
    });
  }
  const perMission = Math.max(1, Math.round(opts.assignments / opts.missions));
  const assignments: Doc[] = [];
  const accepted: DataSet['accepted'] = [];
  for (const m of missions) {
    const taken = new Set<number>();
    while (taken.size < Math.min(perMission, opts.users)) taken.add(Math.floor(rnd() * opts.users));
    for (const u of taken) {
      if (assignments.length >= opts.assignments) break;
      const cancelled = rnd() < 0.08;
      const a: Doc = { id: randomUUID(), updatedAt: now, missionId: m.id, userId: users[u]!.id, status: cancelled ? 'CANCELLED' : 'INVITED', statusChangedAt: now, statusChangedBy: 'MANAGER' };
      assignments.push(a);
      if (!cancelled && rnd() < 0.15) accepted.push({ newDocumentState: { ...a, status: 'ACCEPTED' }, assumedMasterState: a });
    }
  }
  return { users, reference: [...skills, ...teams], missions, assignments, accepted };
}

/** Missions of the data set whose interval meets [from, to) (ISO instants). */
export function missionsIn(data: DataSet, from: string, to: string): Doc[] {
  return data.missions.filter((m) => String(m.endAt) > from && String(m.startAt) < to);
}
