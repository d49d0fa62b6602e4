import { entityByName, sameValue, timeRulesOf, type EntityDef, type SyncDoc } from '@coulisses/shared';
import { TIMESHEET_TYPES } from '@coulisses/shared/entities/timeclock';
import { buildTimesheets, timesheetIdFor, type MissionRef } from '@coulisses/shared/timeclock/index';
import { punchOf, type PunchEvent } from '@coulisses/shared/timeclock/punch';
import type { Punch, TimeRules } from '@coulisses/shared/timeclock/types';
import { getOrgSettings } from '../org/settings-repo';
import { afterWrite, type AfterWriteContext } from '../sync/after-write';
import { flushBatch, getRows, writeRow, type Tx } from '../sync/store';

const DAY_MS = 86_400_000;
/** Punches without a mission are read in this window around the new punch (a shift spans at most a night). */
const WINDOW_MS = 2 * DAY_MS;

/** The time rules of an organisation: its settings and its zone. */
export async function timesheetRules(tx: Tx, orgId: string): Promise<TimeRules> {
  const [org] = await tx<{ timezone: string | null }[]>`select timezone from auth_organization where id = ${orgId}`;
  return timeRulesOf(await getOrgSettings(tx, orgId), org?.timezone || 'Europe/Paris');
}

/** A mission as the time rules read it, from its stored row. */
export function missionRefOf(doc: Record<string, unknown> | undefined): MissionRef | null {
  if (!doc) return null;
  return { id: String(doc.id), startAt: String(doc.startAt), endAt: String(doc.endAt), projectId: (doc.projectId as string | null) ?? null, type: (doc.type as string | null) ?? null };
}

/** What one push transaction knows already: loaded punches per key, the timesheets it wrote, the rules. */
interface TxState {
  rules?: TimeRules;
  /** "<userId>|M|<missionId>" -> punches; "<userId>|D" -> punches of a window. */
  punches: Map<string, { list: Punch[]; ids: Set<string>; from: number; to: number }>;
  missions: Map<string, MissionRef | null>;
  timesheets: Map<string, SyncDoc | undefined>;
}

const states = new WeakMap<object, TxState>();

function stateOf(tx: Tx): TxState {
  let s = states.get(tx);
  if (!s) {
    s = { punches: new Map(), missions: new Map(), timesheets: new Map() };
    states.set(tx, s);
  }
  return s;
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
async function punchesFor(tx: Tx, orgId: string, state: TxState, punch: Punch): Promise<Punch[]> {
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
  await flushBatch(tx);
  let rows: Row[];
  let from = -Infinity;
  let to = Infinity;
  if (punch.missionId) {
    rows = await tx<Row[]>`
      select id, doc from field_events
      where org_id = ${orgId} and not deleted and doc->>'kind' = 'PUNCH'
        and doc->>'userId' = ${punch.userId} and doc->>'missionId' = ${punch.missionId}`;
  } else {
    from = at - WINDOW_MS;
    to = at + WINDOW_MS;
    rows = await tx<Row[]>`
      select id, doc from field_events
      where org_id = ${orgId} and not deleted and doc->>'kind' = 'PUNCH'
        and doc->>'userId' = ${punch.userId} and coalesce(doc->>'missionId', '') = ''
        and doc->>'at' >= ${new Date(from).toISOString()} and doc->>'at' <= ${new Date(to).toISOString()}`;
  }
  const list = punchesOfRows(rows);
  if (!list.some((p) => p.id === punch.id)) list.push(punch);
  state.punches.set(key, { list, ids: new Set(list.map((p) => p.id)), from, to });
  return list;
}

async function missionOf(tx: Tx, orgId: string, state: TxState, missionId: string | null): Promise<MissionRef | null> {
  if (!missionId) return null;
  if (!state.missions.has(missionId)) {
    const row = (await getRows(tx, entityByName('missions')!, orgId, [missionId])).get(missionId);
    state.missions.set(missionId, row && !row.deleted ? missionRefOf({ ...row.doc, id: row.id }) : null);
  }
  return state.missions.get(missionId) ?? null;
}

async function storedTimesheet(tx: Tx, orgId: string, state: TxState, id: string): Promise<SyncDoc | undefined> {
  if (!state.timesheets.has(id)) {
    const row = (await getRows(tx, entityByName('timesheets')!, orgId, [id])).get(id);
    state.timesheets.set(id, row && !row.deleted ? ({ ...row.doc, _deleted: false } as SyncDoc) : undefined);
  }
  return state.timesheets.get(id);
}

const union = (a: unknown, b: readonly string[], max: number): string[] => [...new Set([...(Array.isArray(a) ? (a as string[]) : []), ...b])].slice(0, max);

/**
 * Reaction to a stored write: a new PUNCH recomputes its person's timesheet (of the mission, or of the local
 * date) with the shared rules and writes it in the same transaction, with the deterministic id. A VALIDATED or
 * MANUAL timesheet keeps its times (only its punch ids and anomalies grow).
 */
export async function timesheetsAfterWrite(entity: EntityDef, ctx: AfterWriteContext): Promise<void> {
  if (entity.name !== 'field_events' || ctx.after._deleted || ctx.after.kind !== 'PUNCH' || (ctx.before && !ctx.before._deleted)) return;
  const punch = punchOf(ctx.after as unknown as PunchEvent);
  if (!punch || Number.isNaN(Date.parse(punch.at))) return;
  const state = stateOf(ctx.tx);
  state.rules ??= await timesheetRules(ctx.tx, ctx.orgId);
  const rules = state.rules;
  const punches = await punchesFor(ctx.tx, ctx.orgId, state, punch);
  const mission = await missionOf(ctx.tx, ctx.orgId, state, punch.missionId);
  const draft = buildTimesheets({ punches, missions: mission ? [mission] : [], rules }).find((d) => d.punchIds.includes(punch.id));
  if (!draft) return;
  const id = timesheetIdFor(ctx.orgId, draft.userId, draft.missionId ?? draft.date);
  const before = await storedTimesheet(ctx.tx, ctx.orgId, state, id);
  const w = draft.worked;
  const now = new Date().toISOString();
  const computed = {
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
  let next: SyncDoc;
  if (!before) {
    const type = (TIMESHEET_TYPES as readonly string[]).includes(String(mission?.type)) ? String(mission?.type) : 'OTHER';
    next = {
      id, updatedAt: now, userId: draft.userId, missionId: draft.missionId, date: draft.date, type, status: 'DRAFT',
      validatedAt: null, validatedByAccountId: null, source: 'PUNCHES', ...computed, _deleted: false,
    } as SyncDoc;
  } else if (before.status === 'VALIDATED' || before.source === 'MANUAL') {
    next = { ...before, punchIds: union(before.punchIds, computed.punchIds, 200), anomalies: union(before.anomalies, computed.anomalies, 20) };
  } else {
    next = { ...before, ...computed };
  }
  // An OUT only (its IN not arrived yet) gives no start: keep times that would break the end-after-start guard out.
  if (next.startAt && next.endAt && String(next.endAt) <= String(next.startAt)) next = { ...next, endAt: null };
  if (before && sameValue(next, before)) return;
  next = { ...next, updatedAt: now };
  const parsed = entityByName('timesheets')!.schema.safeParse(Object.fromEntries(Object.entries(next).filter(([k]) => k !== '_deleted')));
  if (!parsed.success) return;
  const timesheets = entityByName('timesheets')! as EntityDef;
  await writeRow(ctx.tx, timesheets, ctx.orgId, next, ctx.accountId || null);
  state.timesheets.set(id, next);
  await afterWrite(timesheets, { tx: ctx.tx, orgId: ctx.orgId, accountId: ctx.accountId, before, after: next });
  if (!draft.missionId) await dropSuperseded(ctx, state, id, draft.userId, draft.punchIds);
}

/**
 * Without a mission, a timesheet is keyed by local date: an OUT after midnight that arrived before its IN made a
 * timesheet of the next date, which the IN's timesheet now covers. A computed (PUNCHES, not VALIDATED) timesheet
 * whose punches all moved to `keptId` is deleted; one a person or a manager touched stays for them to see.
 */
async function dropSuperseded(ctx: AfterWriteContext, state: TxState, keptId: string, userId: string, punchIds: readonly string[]): Promise<void> {
  await flushBatch(ctx.tx);
  const rows = await ctx.tx<Row[]>`
    select id, doc from timesheets
    where org_id = ${ctx.orgId} and not deleted and id <> ${keptId} and doc->>'userId' = ${userId}
      and coalesce(doc->>'missionId', '') = '' and doc->'punchIds' ?| ${punchIds as string[]}`;
  const timesheets = entityByName('timesheets')! as EntityDef;
  const covered = new Set(punchIds);
  for (const row of rows) {
    const doc = { ...row.doc, id: row.id, _deleted: false } as SyncDoc;
    const ids = Array.isArray(doc.punchIds) ? (doc.punchIds as string[]) : [];
    if (doc.source !== 'PUNCHES' || doc.status !== 'DRAFT' || !ids.every((p) => covered.has(p))) continue;
    const gone = { ...doc, updatedAt: new Date().toISOString(), _deleted: true } as SyncDoc;
    await writeRow(ctx.tx, timesheets, ctx.orgId, gone, ctx.accountId || null);
    state.timesheets.set(row.id, undefined);
    await afterWrite(timesheets, { tx: ctx.tx, orgId: ctx.orgId, accountId: ctx.accountId, before: doc, after: gone });
  }
}
