import type { SyncTx } from '../sync/sync-tx';

/**
 * Reads of the punches' and timesheets' per-batch prefetch (punch-cache.ts, day-timesheets.ts,
 * timesheet-overlaps.ts), inside the writing transaction: one query for the whole batch each. The caller flushes
 * the pending writes first. Organisation-scoped; live rows only.
 */

/** A stored punch with its instant in microseconds as the database reads it (`at`::timestamptz). */
export interface PunchRow {
  id: string;
  doc: Record<string, unknown>;
  at_us: string | null;
}

/** The live punches of each person whose `at` lies in the person's window (instants compared as timestamptz). */
export async function selectPunchesInWindows(tx: SyncTx, windows: readonly { userId: string; from: string; to: string }[]): Promise<PunchRow[]> {
  if (windows.length === 0) return [];
  return tx.sql<PunchRow[]>`
    select f.id, f.doc, (extract(epoch from (f.doc->>'at')::timestamptz) * 1000000)::bigint::text as at_us
    from field_events f
    join unnest(${windows.map((w) => w.userId)}::text[], ${windows.map((w) => w.from)}::text[], ${windows.map((w) => w.to)}::text[]) as w(user_id, from_at, to_at)
      on f.doc->>'userId' = w.user_id
    where f.org_id = ${tx.orgId} and not f.deleted and f.doc->>'kind' = 'PUNCH'
      and (f.doc->>'at')::timestamptz between w.from_at::timestamptz and w.to_at::timestamptz`;
}

/** Every live punch of these (person, mission) pairs, whatever its date. */
export async function selectPunchesOfMissions(tx: SyncTx, pairs: readonly { userId: string; missionId: string }[]): Promise<PunchRow[]> {
  if (pairs.length === 0) return [];
  return tx.sql<PunchRow[]>`
    select f.id, f.doc, (extract(epoch from (f.doc->>'at')::timestamptz) * 1000000)::bigint::text as at_us
    from field_events f
    join unnest(${pairs.map((p) => p.userId)}::text[], ${pairs.map((p) => p.missionId)}::text[]) as p(user_id, mission_id)
      on f.doc->>'userId' = p.user_id and f.doc->>'missionId' = p.mission_id
    where f.org_id = ${tx.orgId} and not f.deleted and f.doc->>'kind' = 'PUNCH'`;
}

/** The live timesheets without mission of these persons that name one of these punches. */
export async function selectDayTimesheetsNaming(tx: SyncTx, userIds: readonly string[], punchIds: readonly string[]): Promise<{ id: string; doc: Record<string, unknown> }[]> {
  if (userIds.length === 0 || punchIds.length === 0) return [];
  return tx.sql<{ id: string; doc: Record<string, unknown> }[]>`
    select id, doc from timesheets
    where org_id = ${tx.orgId} and not deleted and doc->>'userId' = any(${userIds as string[]}::text[])
      and coalesce(doc->>'missionId', '') = '' and doc->'punchIds' ?| ${punchIds as string[]}::text[]`;
}

/** The live timesheets of these persons that have a range: their instants and whether they carry OVERLAP. */
export async function selectTimesheetRanges(tx: SyncTx, userIds: readonly string[], overlap: string): Promise<{ id: string; user_id: string; start_at: string; end_at: string; flag: boolean }[]> {
  if (userIds.length === 0) return [];
  return tx.sql<{ id: string; user_id: string; start_at: string; end_at: string; flag: boolean }[]>`
    select id, doc->>'userId' as user_id, doc->>'startAt' as start_at, doc->>'endAt' as end_at, coalesce(doc->'anomalies' ? ${overlap}, false) as flag
    from timesheets
    where org_id = ${tx.orgId} and not deleted and doc->>'userId' = any(${userIds as string[]}::text[])
      and jsonb_typeof(doc->'startAt') = 'string' and jsonb_typeof(doc->'endAt') = 'string'`;
}

/** The live timesheets of each person whose range meets the person's span (ISO text compared: a filter only). */
export async function selectTimesheetsAcross(tx: SyncTx, spans: readonly { userId: string; from: string; to: string }[]): Promise<{ id: string; doc: Record<string, unknown> }[]> {
  if (spans.length === 0) return [];
  return tx.sql<{ id: string; doc: Record<string, unknown> }[]>`
    select t.id, t.doc from timesheets t
    join unnest(${spans.map((s) => s.userId)}::text[], ${spans.map((s) => s.from)}::text[], ${spans.map((s) => s.to)}::text[]) as w(user_id, from_at, to_at)
      on t.doc->>'userId' = w.user_id
    where t.org_id = ${tx.orgId} and not t.deleted and jsonb_typeof(t.doc->'startAt') = 'string' and jsonb_typeof(t.doc->'endAt') = 'string'
      and t.doc->>'startAt' < w.to_at and t.doc->>'endAt' > w.from_at`;
}
