import { adjustmentRequest, entityByName, sameValue, startOfLocalDay, timeRulesOf, uuidv7, type SyncDoc, type Viewer } from '@coulisses/shared';
import { TIMESHEET_TYPES } from '@coulisses/shared/entities/timeclock';
import { buildTimesheets, timesheetIdFor, type MissionRef, type TimesheetDraft } from '@coulisses/shared/timeclock/index';
import { punchOf, type PunchEvent } from '@coulisses/shared/timeclock/punch';
import type { Punch, TimeRules } from '@coulisses/shared/timeclock/types';
import { getOrgSettings } from '../org/settings-repo';
import type { SyncTx } from '../sync/sync-tx';
import { dayTimesheetsNaming } from './day-timesheets';
import { liveTimesheet } from './held-timesheets';
import { liveDoc } from './live-cache';
import { dayPunchesCached, missionPunchesCached } from './punch-cache';
import { withOverlap } from './timesheet-overlaps';

const DAY_MS = 86_400_000;
/** Punches without a mission are read in this window around the new punch (a shift spans at most a night). */
export const WINDOW_MS = 2 * DAY_MS;

/** The time rules of an organisation: its settings and its zone. */
export async function timesheetRules(tx: SyncTx): Promise<TimeRules> {
  return tx.state(RULES, async () => {
    const [org] = await tx.sql<{ timezone: string | null }[]>`select timezone from auth_organization where id = ${tx.orgId}`;
    return timeRulesOf(await getOrgSettings(tx.sql, tx.orgId), org?.timezone || 'Europe/Paris');
  });
}

const RULES = Symbol('timesheet rules');

/** A mission as the time rules read it, from its stored row. */
export function missionRefOf(doc: Record<string, unknown> | undefined): MissionRef | null {
  if (!doc) return null;
  return { id: String(doc.id), startAt: String(doc.startAt), endAt: String(doc.endAt), projectId: (doc.projectId as string | null) ?? null, type: (doc.type as string | null) ?? null };
}

/** What one push transaction knows already: loaded punches per key (the timesheets: held-timesheets.ts). */
interface TxState {
  /** "<userId>|M|<missionId>" -> punches; "<userId>|D" -> punches of a window. */
  punches: Map<string, { list: Punch[]; ids: Set<string>; from: number; to: number }>;
}

const STATE = Symbol('timesheet recompute');

function stateOf(tx: SyncTx): TxState {
  return tx.state(STATE, () => ({ punches: new Map() }));
}

type Row = { id: string; doc: Record<string, unknown> };

function punchesOfRows(rows: readonly Row[]): Punch[] {
  const out: Punch[] = [];
  for (const r of rows) {
    const p = punchOf({ ...(r.doc as unknown as PunchEvent), id: r.id });
    if (p) out.push(p);
  }
  return out;
}

/**
 * The punches the new punch's timesheet is computed from: all the person's punches of the mission, or, without
 * a mission, the person's punches without mission around it. Loaded once per push transaction and key; later
 * punches of the same push are added in memory (the store's write batch is not flushed again), so a push of
 * many punches costs a few queries per person, not per punch.
 */
async function punchesFor(tx: SyncTx, state: TxState, punch: Punch): Promise<Punch[]> {
  const at = Date.parse(punch.at);
  const key = punch.missionId ? `${punch.userId}|M|${punch.missionId}` : `${punch.userId}|D`;
  const known = state.punches.get(key);
  if (known && (punch.missionId || (at - WINDOW_MS / 2 >= known.from && at + WINDOW_MS / 2 <= known.to))) {
    if (!known.ids.has(punch.id)) {
      known.ids.add(punch.id);
      known.list.push(punch);
    }
    return known.list;
  }
  let from = -Infinity;
  let to = Infinity;
  if (!punch.missionId) {
    from = at - WINDOW_MS;
    to = at + WINDOW_MS;
  }
  const list = punchesOfRows(await punchRows(tx, punch, from, to));
  if (!list.some((p) => p.id === punch.id)) list.push(punch);
  state.punches.set(key, { list, ids: new Set(list.map((p) => p.id)), from, to });
  return list;
}

/** The stored punches of a key: from the batch's prefetch (punch-cache.ts) when it holds them, else the database. */
async function punchRows(tx: SyncTx, punch: Punch, from: number, to: number): Promise<Row[]> {
  const fromIso = Number.isFinite(from) ? new Date(from).toISOString() : '';
  const toIso = Number.isFinite(to) ? new Date(to).toISOString() : '';
  const cached = punch.missionId ? missionPunchesCached(tx, punch.userId, punch.missionId) : dayPunchesCached(tx, punch.userId, fromIso, toIso);
  if (cached) return cached;
  await tx.flush();
  const orgId = tx.orgId;
  let rows: Row[];
  if (punch.missionId) {
    rows = await tx.sql<Row[]>`
      select id, doc from field_events
      where org_id = ${orgId} and not deleted and doc->>'kind' = 'PUNCH'
        and doc->>'userId' = ${punch.userId} and doc->>'missionId' = ${punch.missionId}`;
  } else {
    rows = await tx.sql<Row[]>`
      select id, doc from field_events
      where org_id = ${orgId} and not deleted and doc->>'kind' = 'PUNCH'
        and doc->>'userId' = ${punch.userId} and coalesce(doc->>'missionId', '') = ''
        and doc->>'at' >= ${fromIso} and doc->>'at' <= ${toIso}`;
  }
  return rows;
}

async function missionOf(tx: SyncTx, missionId: string | null): Promise<MissionRef | null> {
  if (!missionId) return null;
  const doc = await liveDoc(tx, 'missions', missionId);
  return doc ? missionRefOf(doc) : null;
}


const union = (a: unknown, b: readonly string[], max: number): string[] => [...new Set([...(Array.isArray(a) ? (a as string[]) : []), ...b])].slice(0, max);

/** The fields of a timesheet the punches decide (the shared rules' draft). */
function computedOf(draft: TimesheetDraft) {
  const w = draft.worked;
  return {
    startAt: w.startAt,
    endAt: w.endAt,
    breakMinutes: Math.min(1440, w.breakMinutes),
    workedMinutes: w.workedMinutes,
    paidMinutes: w.paidMinutes,
    roundedMinutes: w.roundedMinutes,
    nightMinutes: w.nightMinutes,
    plannedMinutes: draft.plannedMinutes === null ? null : Math.max(0, draft.plannedMinutes),
    anomalies: w.anomalies.slice(0, 20),
    punchIds: draft.punchIds.slice(0, 200),
  };
}

/** An OUT only (its IN not arrived yet) gives no start: times that would break the end-after-start guard lose their end. */
function saneRange<T extends Record<string, unknown>>(doc: T): T {
  return doc.startAt && doc.endAt && String(doc.endAt) <= String(doc.startAt) ? { ...doc, endAt: null } : doc;
}

/**
 * The fields the punches give a stored timesheet now (all its punches: of its mission, or without mission around
 * its date), or null when it has no punch left. A planner validating a timesheet again uses this: the validated
 * figures are those of every punch received, late ones included.
 */
export async function recomputedFromPunches(tx: SyncTx, doc: SyncDoc): Promise<ReturnType<typeof computedOf> | null> {
  const userId = typeof doc.userId === 'string' ? doc.userId : null;
  if (!userId || typeof doc.date !== 'string') return null;
  const rules = await timesheetRules(tx);
  await tx.flush();
  const missionId = typeof doc.missionId === 'string' ? doc.missionId : null;
  let rows: Row[];
  if (missionId) {
    rows = await tx.sql<Row[]>`
      select id, doc from field_events
      where org_id = ${tx.orgId} and not deleted and doc->>'kind' = 'PUNCH' and doc->>'userId' = ${userId} and doc->>'missionId' = ${missionId}`;
  } else {
    const day = startOfLocalDay(doc.date, rules.zone);
    rows = await tx.sql<Row[]>`
      select id, doc from field_events
      where org_id = ${tx.orgId} and not deleted and doc->>'kind' = 'PUNCH' and doc->>'userId' = ${userId} and coalesce(doc->>'missionId', '') = ''
        and doc->>'at' >= ${new Date(day - DAY_MS).toISOString()} and doc->>'at' <= ${new Date(day + 2 * DAY_MS).toISOString()}`;
  }
  const punches = punchesOfRows(rows);
  if (punches.length === 0) return null;
  const mission = await missionOf(tx, missionId);
  const draft = buildTimesheets({ punches, missions: mission ? [mission] : [], rules }).find((d) => timesheetIdFor(tx.orgId, d.userId, d.missionId ?? d.date) === doc.id);
  return draft ? saneRange(computedOf(draft)) : null;
}

/**
 * A punch that arrives for a VALIDATED timesheet does not change it: the server opens an ADJUSTMENT_REQUEST
 * about it (reason PUNCH_AFTER_VALIDATION, the punch id, and what the punches would change), which the planner
 * sees and settles by validating the timesheet again (shared/src/timeclock/adjustments.ts). Written by the
 * server (authorAccountId null) as the person's event, so the crew member reads it too.
 */
async function openLateAdjustment(tx: SyncTx, viewer: Viewer | null, stored: SyncDoc, computed: ReturnType<typeof computedOf>, punch: Punch): Promise<void> {
  if (Array.isArray(stored.punchIds) && (stored.punchIds as string[]).includes(punch.id)) return;
  const { punchIds: _ids, plannedMinutes: _planned, ...proposed } = saneRange(computed);
  const request = adjustmentRequest({ id: uuidv7(), now: tx.now, stored, proposed: { ...proposed, updatedAt: punch.at }, userId: String(stored.userId), reason: 'PUNCH_AFTER_VALIDATION' });
  const event = {
    ...request,
    payload: { ...request.payload, punchId: punch.id },
    receivedAt: tx.now,
    authorAccountId: null,
    flags: [],
    clockSkewMs: null,
  };
  const events = entityByName('field_events')!;
  if (!events.schema.safeParse(event).success) return;
  await tx.write(events, { ...event, _deleted: false } as SyncDoc, { before: undefined, accountId: viewer?.accountId ?? null, viewer });
}

/**
 * Reaction to a stored write: a new PUNCH recomputes its person's timesheet (of the mission, or of the local
 * date) with the shared rules and writes it in the same transaction, with the deterministic id. A VALIDATED
 * timesheet does not change: the punch opens an adjustment request (openLateAdjustment). A MANUAL one keeps its
 * times and the anomalies of its range (its punch ids grow). A timesheet that shares time with another of the
 * person carries OVERLAP (timesheet-overlaps.ts).
 */
export async function recomputeTimesheet(after: SyncDoc, ctx: { tx: SyncTx; before: SyncDoc | undefined; viewer: Viewer | null }): Promise<void> {
  if (after._deleted || after.kind !== 'PUNCH' || ctx.before) return;
  const punch = punchOf(after as unknown as PunchEvent);
  if (!punch || Number.isNaN(Date.parse(punch.at))) return;
  const { tx } = ctx;
  const state = stateOf(tx);
  const rules = await timesheetRules(tx);
  const punches = await punchesFor(tx, state, punch);
  const mission = await missionOf(tx, punch.missionId);
  const draft = buildTimesheets({ punches, missions: mission ? [mission] : [], rules }).find((d) => d.punchIds.includes(punch.id));
  if (!draft) return;
  const id = timesheetIdFor(tx.orgId, draft.userId, draft.missionId ?? draft.date);
  const before = await liveTimesheet(tx, id);
  const now = new Date().toISOString();
  const computed = computedOf(draft);
  let next: SyncDoc;
  if (!before) {
    const type = (TIMESHEET_TYPES as readonly string[]).includes(String(mission?.type)) ? String(mission?.type) : 'OTHER';
    next = {
      id, updatedAt: now, userId: draft.userId, missionId: draft.missionId, date: draft.date, type, status: 'DRAFT',
      validatedAt: null, validatedByAccountId: null, source: 'PUNCHES', ...computed, _deleted: false,
    } as SyncDoc;
  } else if (before.status === 'VALIDATED') {
    await openLateAdjustment(tx, ctx.viewer, before, computed, punch);
    return;
  } else if (before.source === 'MANUAL') {
    next = { ...before, punchIds: union(before.punchIds, computed.punchIds, 200) };
  } else {
    next = { ...before, ...computed };
  }
  next = saneRange(next);
  next = { ...next, anomalies: await withOverlap(tx, next) };
  if (before && sameValue(next, before)) return;
  next = { ...next, updatedAt: now };
  const parsed = entityByName('timesheets')!.schema.safeParse(Object.fromEntries(Object.entries(next).filter(([k]) => k !== '_deleted')));
  if (!parsed.success) return;
  await tx.write('timesheets', next, { before, accountId: ctx.viewer?.accountId ?? null, viewer: ctx.viewer });
  if (!draft.missionId) await dropSuperseded(tx, ctx.viewer, id, draft.userId, draft.punchIds);
}

/**
 * Without a mission, a timesheet is keyed by local date: an OUT after midnight that arrived before its IN made a
 * timesheet of the next date, which the IN's timesheet now covers. A computed (PUNCHES, not VALIDATED) timesheet
 * whose punches all moved to `keptId` is deleted; one a person or a manager touched stays for them to see.
 */
async function dropSuperseded(tx: SyncTx, viewer: Viewer | null, keptId: string, userId: string, punchIds: readonly string[]): Promise<void> {
  const covered = new Set(punchIds);
  for (const doc of await namingTimesheets(tx, keptId, userId, punchIds)) {
    const ids = Array.isArray(doc.punchIds) ? (doc.punchIds as string[]) : [];
    if (doc.source !== 'PUNCHES' || doc.status !== 'DRAFT' || !ids.every((p) => covered.has(p))) continue;
    const gone = { ...doc, updatedAt: new Date().toISOString(), _deleted: true } as SyncDoc;
    await tx.write('timesheets', gone, { before: doc, accountId: viewer?.accountId ?? null, viewer });
  }
}

/** The person's other live timesheets without mission naming one of these punches (prefetched, else the database). */
async function namingTimesheets(tx: SyncTx, keptId: string, userId: string, punchIds: readonly string[]): Promise<SyncDoc[]> {
  const cached = dayTimesheetsNaming(tx, userId, keptId, punchIds);
  if (cached) return cached;
  await tx.flush();
  const rows = await tx.sql<Row[]>`
    select id, doc from timesheets
    where org_id = ${tx.orgId} and not deleted and id <> ${keptId} and doc->>'userId' = ${userId}
      and coalesce(doc->>'missionId', '') = '' and doc->'punchIds' ?| ${punchIds as string[]}`;
  return rows.map((row) => ({ ...row.doc, id: row.id, _deleted: false }) as SyncDoc);
}
