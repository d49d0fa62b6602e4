/**
 * Deterministic documents of the collections the push bench measures (missions, assignments, users, timesheets,
 * field_events), valid for the registry's zod schemas and for the write policy of a manager, the same in the
 * bench process and in the server host. Assignments, timesheets and punches name the people and missions of a
 * fixed reference set (`refDocs`), written once before the measures. Index ranges keep the documents of the
 * baseline, the HTTP push and the direct push distinct (no duplicate active assignment, no repeated punch).
 */
import { punchHash } from '@coulisses/shared/timeclock/chain';
import { idAt, missionDoc, prng } from './docs';

export type Doc = Record<string, unknown> & { id: string; updatedAt: string };
export type BenchCollection = 'missions' | 'assignments' | 'users' | 'timesheets' | 'field_events';
export const BENCH_COLLECTIONS: readonly BenchCollection[] = ['missions', 'assignments', 'users', 'timesheets', 'field_events'];

/** Collections whose documents never change once stored (no edit phase). */
export const APPEND_ONLY: ReadonlySet<BenchCollection> = new Set(['field_events']);

const BASE_MS = Date.UTC(2026, 2, 2, 8, 0, 0);
const REF_SEED = 90;
export const REF_USERS = 100;
export const REF_MISSIONS = 200;

const FIRST = ['Claire', 'Paul', 'Ines', 'Yann', 'Lea', 'Hugo', 'Manon', 'Theo', 'Sarah', 'Nora'];
const LAST = ['Marchand', 'Lefebvre', 'Garnier', 'Moreau', 'Fontaine', 'Lemoine', 'Girard', 'Roux', 'Blanc', 'Faure'];
const TYPES = ['CDI', 'CDD', 'INTERMITTENT', 'FREELANCE'] as const;

/** The i-th person of data set `seed`. */
export function userDoc(i: number, seed: number): Doc {
  const rand = prng(seed * 7_000_003 + i);
  return {
    id: idAt(BASE_MS + seed * 100_000_000_000 + i * 1000, rand),
    updatedAt: new Date(BASE_MS - 86_400_000 + i * 10).toISOString(),
    accountId: null,
    firstName: FIRST[i % FIRST.length]!,
    lastName: `${LAST[Math.floor(rand() * LAST.length)]!} ${i}`,
    email: `bench.${seed}.${i}@example.org`,
    phone: `06 ${String(10_000_000 + i).slice(-8)}`,
    employmentType: TYPES[i % TYPES.length]!,
    skills: [],
    tags: ['bench'],
    teamIds: [],
    active: true,
  };
}

/** The people and missions that assignments, timesheets and punches name (written before the measures). */
export function refDocs(): { users: Doc[]; missions: Doc[] } {
  return {
    users: Array.from({ length: REF_USERS }, (_, i) => userDoc(i, REF_SEED)),
    missions: Array.from({ length: REF_MISSIONS }, (_, i) => ({ ...missionDoc(i, REF_SEED), status: 'PUBLISHED' }) as Doc),
  };
}

const refUserId = (k: number) => userDoc(k % REF_USERS, REF_SEED).id;
const refMissionId = (k: number) => missionDoc(k % REF_MISSIONS, REF_SEED).id;

/** The k-th (mission, person) pair: 20,000 distinct pairs, so every active assignment is the only one of its pair. */
function assignmentDoc(k: number, seed: number): Doc {
  const rand = prng(seed * 5_000_011 + k);
  return {
    id: idAt(BASE_MS + seed * 100_000_000_000 + k * 1000, rand),
    updatedAt: new Date(BASE_MS - 86_400_000 + k * 10).toISOString(),
    missionId: refMissionId(k),
    userId: refUserId(Math.floor(k / REF_MISSIONS)),
    role: 'Regisseur lumiere',
    status: 'INVITED',
    statusChangedAt: new Date(BASE_MS - 86_400_000 + k * 10).toISOString(),
    statusChangedBy: 'MANAGER',
  };
}

const dayOf = (n: number) => new Date(BASE_MS + n * 86_400_000).toISOString().slice(0, 10);

/** A manual timesheet of one person and day (k-th: person k mod 100, day k div 100). */
function timesheetDoc(k: number, seed: number): Doc {
  const rand = prng(seed * 3_000_017 + k);
  const date = dayOf(Math.floor(k / REF_USERS));
  return {
    id: idAt(BASE_MS + seed * 100_000_000_000 + k * 1000, rand),
    updatedAt: new Date(BASE_MS - 86_400_000 + k * 10).toISOString(),
    userId: refUserId(k),
    missionId: null,
    date,
    type: 'MONTAGE',
    startAt: `${date}T08:00:00.000Z`,
    endAt: `${date}T16:30:00.000Z`,
    breakMinutes: 45,
    status: 'DRAFT',
    validatedAt: null,
    validatedByAccountId: null,
    source: 'MANUAL',
    workedMinutes: 0,
    paidMinutes: 0,
    roundedMinutes: 0,
    nightMinutes: 0,
    plannedMinutes: null,
    anomalies: [],
    punchIds: [],
  };
}

/** A punch entered by a planner: person k mod 100, IN or OUT, on day k div 200 (valid hash, flags left to the server). */
function punchDoc(k: number, seed: number): Doc {
  const rand = prng(seed * 2_000_029 + k);
  const j = Math.floor(k / REF_USERS);
  const punchType = j % 2 === 0 ? 'IN' : 'OUT';
  const at = new Date(BASE_MS + Math.floor(j / 2) * 86_400_000 + (punchType === 'IN' ? 0 : 8.5 * 3_600_000)).toISOString();
  const doc = {
    id: idAt(BASE_MS + seed * 100_000_000_000 + k * 1000, rand),
    updatedAt: at,
    kind: 'PUNCH',
    userId: refUserId(k),
    missionId: null,
    subjectId: null,
    at,
    deviceId: `bench-device-${k % REF_USERS}`,
    payload: { punchType, source: 'MANAGER', method: 'SESSION', venueId: null, seq: j + 1, prevHash: null, hash: '' },
    receivedAt: null,
    authorAccountId: null,
    flags: [],
    clockSkewMs: null,
  };
  doc.payload.hash = punchHash({ id: doc.id, kind: doc.kind, userId: doc.userId, missionId: null, at, deviceId: doc.deviceId, payload: doc.payload });
  return doc;
}

/** `count` documents of a collection from index `from`, data set `seed`. */
export function benchDocs(collection: BenchCollection, count: number, seed: number, from: number): Doc[] {
  const make: (k: number) => Doc =
    collection === 'missions'
      ? (k) => missionDoc(k, seed) as Doc
      : collection === 'assignments'
        ? (k) => assignmentDoc(k, seed)
        : collection === 'users'
          ? (k) => userDoc(k, seed)
          : collection === 'timesheets'
            ? (k) => timesheetDoc(k, seed)
            : (k) => punchDoc(k, seed);
  return Array.from({ length: count }, (_, i) => make(from + i));
}

/** A later edit of a document by a planner (never a conflict when based on the stored state). */
export function editedDoc(collection: BenchCollection, d: Doc, tag: string, bumpMs: number): Doc {
  const updatedAt = new Date(Date.parse(d.updatedAt) + bumpMs).toISOString();
  switch (collection) {
    case 'missions':
      return { ...d, title: `${String(d.title)} (${tag})`.slice(0, 200), notes: `Modifie: ${tag}`, updatedAt };
    case 'assignments':
      return { ...d, status: 'ACCEPTED', statusChangedAt: updatedAt, note: `Confirme: ${tag}`, updatedAt };
    case 'users':
      return { ...d, phone: `07 ${String(d.phone).slice(3)}`, notes: `Modifie: ${tag}`, updatedAt };
    case 'timesheets':
      return { ...d, managerComment: `Vu: ${tag}`, updatedAt };
    case 'field_events':
      return d;
  }
}
