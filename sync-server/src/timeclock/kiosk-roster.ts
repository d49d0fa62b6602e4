import { addDays, localDate, startOfLocalDay, type Viewer } from '@coulisses/shared';
import type { SyncTx } from '../sync/sync-tx';
import { liveDoc, loadLive } from './live-cache';

/** How far before the local day a mission may start and still be on the kiosk's roster (night shifts). */
export const NIGHT_BEFORE_MS = 6 * 3_600_000;

/** The kiosk id of a kiosk viewer (its account id is `kiosk:<id>`), else null. */
export function kioskIdOf(viewer: Viewer | null): string | null {
  if (!viewer || viewer.role !== 'KIOSK' || !viewer.accountId.startsWith('kiosk:')) return null;
  return viewer.accountId.slice('kiosk:'.length);
}

/**
 * How far after the local day a mission may start and still be on the kiosk's roster: a crew arriving at 23:45
 * for a 00:15 call (a night festival) clocks in on the evening's roster, not refused as off it.
 */
export const NIGHT_AFTER_MS = 6 * 3_600_000;

/** The instants of a kiosk's roster day: from 6 h before the local day to 6 h after its end (night shifts). */
export function rosterWindow(date: string, zone: string): { from: string; to: string } {
  return {
    from: new Date(startOfLocalDay(date, zone) - NIGHT_BEFORE_MS).toISOString(),
    to: new Date(startOfLocalDay(addDays(date, 1), zone) + NIGHT_AFTER_MS).toISOString(),
  };
}

export type RosterVerdict = 'ON_ROSTER' | 'OFF_ROSTER' | 'UNKNOWN_PERSON';

/**
 * Whether a kiosk may punch for this person at this instant: the person must be a live person of the kiosk's
 * organisation (else UNKNOWN_PERSON, whatever the settings), and on the roster of the kiosk's venue for the local
 * day of the punch: an assignment on a mission at that venue overlapping that day, active, or cancelled only
 * during that day (a tablet offline since the morning still showed it). Cached per transaction.
 */
export async function punchRosterVerdict(tx: SyncTx, kioskId: string, userId: string, at: string): Promise<RosterVerdict> {
  const cache = tx.state('kiosk roster verdicts', () => new Map<string, Promise<RosterVerdict>>());
  const key = `${kioskId}|${userId}|${at}`;
  let verdict = cache.get(key);
  if (!verdict) {
    verdict = computeVerdict(tx, kioskId, userId, at);
    cache.set(key, verdict);
  }
  return verdict;
}

async function computeVerdict(tx: SyncTx, kioskId: string, userId: string, at: string): Promise<RosterVerdict> {
  if (!(await liveDoc(tx, 'users', userId))) return 'UNKNOWN_PERSON';
  return (await rosterMissionIds(tx, kioskId, userId, at)).size > 0 ? 'ON_ROSTER' : 'OFF_ROSTER';
}

/**
 * The person's missions at the kiosk's venue on the roster day of `at` (the same rule as the roster verdict: a
 * mission overlapping that day, the assignment active or cancelled only during that day). A kiosk punch may
 * carry one of these missions only (the MISSION_NOT_ON_ROSTER refusal). Cached per transaction.
 */
export async function rosterMissionIds(tx: SyncTx, kioskId: string, userId: string, at: string): Promise<ReadonlySet<string>> {
  const cache = tx.state('kiosk roster missions', () => new Map<string, Promise<ReadonlySet<string>>>());
  const key = `${kioskId}|${userId}|${at}`;
  let ids = cache.get(key);
  if (!ids) {
    ids = loadRosterMissionIds(tx, kioskId, userId, at);
    cache.set(key, ids);
  }
  return ids;
}

type Kiosk = { venue_id: string; timezone: string | null };

/** The kiosk's venue and its organisation's zone, read once per transaction (kiosks are not synced documents). */
function kioskOf(tx: SyncTx, kioskId: string): Promise<Kiosk | undefined> {
  const cache = tx.state('kiosk rows', () => new Map<string, Promise<Kiosk | undefined>>());
  let kiosk = cache.get(kioskId);
  if (!kiosk) {
    kiosk = tx.sql<Kiosk[]>`
      select k.venue_id, o.timezone from kiosks k join auth_organization o on o.id = k.org_id
      where k.id = ${kioskId} and k.org_id = ${tx.orgId}`.then((rows) => rows[0]);
    cache.set(kioskId, kiosk);
  }
  return kiosk;
}

/** The roster window of an instant at the kiosk, or null when the kiosk is unknown or the instant invalid. */
function windowAt(kiosk: Kiosk | undefined, at: string): { from: string; to: string } | null {
  const atMs = Date.parse(at);
  if (!kiosk || !Number.isFinite(atMs)) return null;
  return rosterWindow(localDate(atMs, kiosk.timezone || 'Europe/Paris'), kiosk.timezone || 'Europe/Paris');
}

/**
 * A kiosk's batch: the persons and the roster missions of every (person, instant) of its rows, read in two
 * queries and put in the caches the verdicts read (the same rule as loadRosterMissionIds, one window per person
 * and roster day).
 */
export async function loadRoster(tx: SyncTx, kioskId: string, rows: readonly { userId: string; at: string }[]): Promise<void> {
  const missions = tx.state('kiosk roster missions', () => new Map<string, Promise<ReadonlySet<string>>>());
  const fresh = rows.filter((r) => !missions.has(`${kioskId}|${r.userId}|${r.at}`));
  if (fresh.length === 0) return;
  await loadLive(tx, 'users', fresh.map((r) => r.userId));
  const kiosk = await kioskOf(tx, kioskId);
  const windows = new Map<string, { userId: string; from: string; to: string }>();
  const windowKey = new Map<string, string | null>();
  for (const r of fresh) {
    const w = windowAt(kiosk, r.at);
    const key = w ? `${r.userId}|${w.from}|${w.to}` : null;
    if (w && key) windows.set(key, { userId: r.userId, ...w });
    windowKey.set(`${kioskId}|${r.userId}|${r.at}`, key);
  }
  const found = new Map<string, Set<string>>([...windows.keys()].map((k) => [k, new Set<string>()]));
  if (kiosk && windows.size > 0) {
    await tx.flush();
    const list = [...windows];
    const hits = await tx.sql<{ k: string; id: string }[]>`
      select distinct w.k, m.id
      from unnest(${list.map(([k]) => k)}::text[], ${list.map(([, w]) => w.userId)}::text[], ${list.map(([, w]) => w.from)}::text[], ${list.map(([, w]) => w.to)}::text[])
        as w(k, user_id, from_at, to_at)
      join assignments a on a.org_id = ${tx.orgId} and not a.deleted and a.doc->>'userId' = w.user_id
      join missions m on m.org_id = a.org_id and m.id = a.doc->>'missionId'
      where not m.deleted and m.doc->>'venueId' = ${kiosk.venue_id}
        and (m.doc->>'startAt')::timestamptz < w.to_at::timestamptz and (m.doc->>'endAt')::timestamptz > w.from_at::timestamptz
        and (a.doc->>'status' in ('INVITED', 'ACCEPTED')
          or (a.doc->>'status' = 'CANCELLED' and (a.doc->>'statusChangedAt')::timestamptz >= w.from_at::timestamptz))`;
    for (const h of hits) found.get(h.k)?.add(h.id);
  }
  for (const [key, w] of windowKey) missions.set(key, Promise.resolve(w ? found.get(w)! : new Set<string>()));
}

async function loadRosterMissionIds(tx: SyncTx, kioskId: string, userId: string, at: string): Promise<ReadonlySet<string>> {
  const kiosk = await kioskOf(tx, kioskId);
  const window = windowAt(kiosk, at);
  if (!kiosk || !window) return new Set();
  const { from, to } = window;
  await tx.flush();
  const rows = await tx.sql<{ id: string }[]>`
    select distinct m.id from assignments a join missions m on m.org_id = a.org_id and m.id = a.doc->>'missionId'
    where a.org_id = ${tx.orgId} and not a.deleted and not m.deleted and a.doc->>'userId' = ${userId}
      and m.doc->>'venueId' = ${kiosk.venue_id}
      and (m.doc->>'startAt')::timestamptz < ${to}::timestamptz and (m.doc->>'endAt')::timestamptz > ${from}::timestamptz
      and (a.doc->>'status' in ('INVITED', 'ACCEPTED')
        or (a.doc->>'status' = 'CANCELLED' and (a.doc->>'statusChangedAt')::timestamptz >= ${from}::timestamptz))`;
  return new Set(rows.map((r) => r.id));
}
