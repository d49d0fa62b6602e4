import type { SyncDoc } from '@coulisses/shared';
import type { SyncTx } from '../sync/sync-tx';
import { selectPunchesInWindows, selectPunchesOfMissions, type PunchRow } from './timeclock-repo';

/**
 * The persons' punches a pushed batch of punches reads (the repeat-tap flag, the timesheet recompute), read for
 * the whole batch in two queries and kept for the transaction. What a person's entry holds, exactly: every live
 * punch of the person whose instant lies in [fromUs, toUs], and every live punch of the person on the missions of
 * `missions`, plus every punch the transaction wrote since (notePunch, from the field events' afterWrite). A read
 * that needs more than that answers undefined and its caller asks the database as before.
 */

interface Known {
  doc: Record<string, unknown>;
  /** The instant in microseconds, as the database reads `at` (timestamptz). */
  atUs: number;
}

interface PersonPunches {
  fromUs: number;
  toUs: number;
  missions: Set<string>;
  events: Map<string, Known>;
}

const KEY = Symbol('timeclock.punch-cache');
const cacheOf = (tx: SyncTx): Map<string, PersonPunches> => tx.state(KEY, () => new Map());

/** An ISO instant's microseconds when it has at most millisecond precision (exact then), else null. */
export function microsOf(at: unknown): number | null {
  if (typeof at !== 'string' || !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,3})?Z$/.test(at)) return null;
  const ms = Date.parse(at);
  return Number.isFinite(ms) ? ms * 1000 : null;
}

export interface PunchWant {
  userId: string;
  fromMs: number;
  toMs: number;
  missions: ReadonlySet<string>;
}

/** Reads the punches these persons' entries hold (persons already read in this transaction are skipped). */
export async function loadPersonPunches(tx: SyncTx, wants: readonly PunchWant[]): Promise<void> {
  const cache = cacheOf(tx);
  const fresh = wants.filter((w) => !cache.has(w.userId) && Number.isFinite(w.fromMs) && Number.isFinite(w.toMs));
  if (fresh.length === 0) return;
  await tx.flush();
  const windows = fresh.map((w) => ({ userId: w.userId, from: new Date(w.fromMs).toISOString(), to: new Date(w.toMs).toISOString() }));
  const pairs = fresh.flatMap((w) => [...w.missions].map((missionId) => ({ userId: w.userId, missionId })));
  const rows = [...(await selectPunchesInWindows(tx, windows)), ...(await selectPunchesOfMissions(tx, pairs))];
  for (const w of fresh) cache.set(w.userId, { fromUs: w.fromMs * 1000, toUs: w.toMs * 1000, missions: new Set(w.missions), events: new Map() });
  for (const r of rows) add(cache, r);
}

function add(cache: Map<string, PersonPunches>, r: PunchRow): void {
  const entry = cache.get(String(r.doc.userId));
  const atUs = r.at_us === null ? NaN : Number(r.at_us);
  if (!entry) return;
  // An instant the database reads but JavaScript cannot hold exactly: this person is read from the database.
  if (!Number.isSafeInteger(atUs)) cache.delete(String(r.doc.userId));
  else entry.events.set(r.id, { doc: r.doc, atUs });
}

/** Keeps the entries what the table holds after a field event write of the transaction (afterWrite). */
export function notePunch(tx: SyncTx, doc: SyncDoc): void {
  const cache = cacheOf(tx);
  if (typeof doc.userId !== 'string') return;
  const entry = cache.get(doc.userId);
  if (!entry) return;
  if (doc._deleted || doc.kind !== 'PUNCH') {
    entry.events.delete(doc.id);
    return;
  }
  const atUs = microsOf(doc.at);
  if (atUs === null) {
    cache.delete(doc.userId);
    return;
  }
  const { _deleted, ...fields } = doc;
  entry.events.set(doc.id, { doc: fields, atUs });
}

/**
 * Whether the person has another live punch of this type whose instant lies in [fromMs, toMs] (the repeat-tap
 * flag), or undefined when the entry does not hold that window.
 */
export function repeatTapCached(tx: SyncTx, doc: SyncDoc, fromMs: number, toMs: number): boolean | undefined {
  const entry = typeof doc.userId === 'string' ? cacheOf(tx).get(doc.userId) : undefined;
  const punchType = (doc.payload as Record<string, unknown> | undefined)?.punchType;
  if (!entry || typeof punchType !== 'string' || fromMs * 1000 < entry.fromUs || toMs * 1000 > entry.toUs) return undefined;
  for (const [id, k] of entry.events) {
    if (id === doc.id || k.atUs < fromMs * 1000 || k.atUs > toMs * 1000) continue;
    const type = (k.doc.payload as Record<string, unknown> | null | undefined)?.punchType;
    // A stored type that is not a string compares as its JSON text in the database: asked there.
    if (type !== undefined && type !== null && typeof type !== 'string') return undefined;
    if (type === punchType) return true;
  }
  return false;
}

type Row = { id: string; doc: Record<string, unknown> };

/** The person's live punches on a mission (any date), or undefined when the entry does not hold that mission. */
export function missionPunchesCached(tx: SyncTx, userId: string, missionId: string): Row[] | undefined {
  const entry = cacheOf(tx).get(userId);
  if (!entry || !entry.missions.has(missionId)) return undefined;
  return [...entry.events].filter(([, k]) => k.doc.missionId === missionId).map(([id, k]) => ({ id, doc: k.doc }));
}

/** The ids of the punches without mission held for the person (what a timesheet of the person may name). */
export function heldDayPunchIds(tx: SyncTx, userId: string): string[] {
  const entry = cacheOf(tx).get(userId);
  if (!entry) return [];
  return [...entry.events].filter(([, k]) => k.doc.missionId === undefined || k.doc.missionId === null || k.doc.missionId === '').map(([id]) => id);
}

/** Margin between the text window asked and the instants held: text and time order agree a second apart. */
export const MARGIN_MS = 1000;

/**
 * The person's live punches without mission whose `at` text lies in [from, to] (ISO strings, compared as text),
 * or undefined when the entry does not hold that window or a punch's place in it depends on the text collation
 * (an instant written in another format in the same second as a bound; the bounds are toISOString's).
 */
export function dayPunchesCached(tx: SyncTx, userId: string, from: string, to: string): Row[] | undefined {
  const entry = cacheOf(tx).get(userId);
  if (!entry || (Date.parse(from) - MARGIN_MS) * 1000 < entry.fromUs || (Date.parse(to) + MARGIN_MS) * 1000 > entry.toUs) return undefined;
  const out: Row[] = [];
  for (const [id, k] of entry.events) {
    const m = k.doc.missionId;
    if (m !== undefined && m !== null && m !== '') continue;
    const at = k.doc.at;
    if (typeof at !== 'string') return undefined;
    // In the second of a bound, the text order of another format ("...:00Z" against "...:00.000Z") is the collation's.
    if ((at.slice(0, 19) === from.slice(0, 19) || at.slice(0, 19) === to.slice(0, 19)) && !/^\.\d{3}Z$/.test(at.slice(19))) return undefined;
    if (at >= from && at <= to) out.push({ id, doc: k.doc });
  }
  return out;
}
