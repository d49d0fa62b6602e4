import type { SyncDoc } from '@coulisses/shared';
import { monthOfInstant, monthsOfWeek } from '@coulisses/shared/analytics/warehouse';
import { orgZone } from '../kpi/auto-repo';
import type { DomainHooks, HookContext, PrefetchRow } from '../sync/hooks';
import { enqueueRefresh } from './jobs';
import { fieldEventById, markDirty, monthsOfItem, monthsOfPerson } from './repo';

/**
 * Analytics (issue 13): writes that change what the warehouse holds mark the organisation's months dirty and queue
 * a warehouse refresh job, inside the writing transaction (docs/data-model.md "Analytics warehouse and slices").
 * The months of the state before and after: a mission moved from March to April dirties both; a timesheet the
 * months of its civil week (overtime is weekly) and its mission's month; a rate profile every month; an equipment
 * item whose venue changed the months of its incidents.
 */

interface TxMarks {
  zone: string | null;
  marked: Set<string>;
  /** The refresh is queued once per transaction (its key makes it one queued job per organisation anyway). */
  queued: boolean;
  missionMonth: Map<string, string | null>;
}

const marksOf = (ctx: HookContext): TxMarks => ctx.tx.state('analytics.marks', () => ({ zone: null, marked: new Set<string>(), queued: false, missionMonth: new Map() }) as TxMarks);

async function zoneOf(ctx: HookContext): Promise<string> {
  const m = marksOf(ctx);
  m.zone ??= await orgZone(ctx.tx.sql, ctx.orgId);
  return m.zone;
}

/** Marks the months (once per transaction) and queues the organisation's refresh (one queued job per organisation). */
async function mark(ctx: HookContext, months: readonly (string | null | undefined)[]): Promise<void> {
  const m = marksOf(ctx);
  const fresh = [...new Set(months.filter((x): x is string => !!x && !m.marked.has(x)))];
  if (fresh.length === 0) return;
  for (const x of fresh) m.marked.add(x);
  await markDirty(ctx.tx.sql, ctx.orgId, fresh);
  if (m.queued) return;
  m.queued = true;
  await enqueueRefresh(ctx.tx.sql, ctx.orgId);
}

const instantMonth = async (ctx: HookContext, iso: unknown): Promise<string | null> => (typeof iso === 'string' && iso ? monthOfInstant(iso, await zoneOf(ctx)) : null);

/** The month of a mission's start (the stored one, read once per transaction). */
async function missionMonth(ctx: HookContext, missionId: unknown): Promise<string | null> {
  if (typeof missionId !== 'string') return null;
  const cache = marksOf(ctx).missionMonth;
  if (!cache.has(missionId)) {
    const m = (await ctx.tx.live('missions', [missionId])).get(missionId);
    cache.set(missionId, m ? await instantMonth(ctx, m.startAt) : null);
  }
  return cache.get(missionId) ?? null;
}

/** The months of the missions a pushed batch names, read at once (one query per batch instead of one per mission). */
async function prefetchMissionMonths(rows: readonly PrefetchRow[], ctx: HookContext): Promise<void> {
  const cache = marksOf(ctx).missionMonth;
  const ids = new Set<string>();
  for (const r of rows) for (const d of [r.doc, r.before]) if (typeof d?.missionId === 'string' && !cache.has(d.missionId)) ids.add(d.missionId);
  if (ids.size === 0) return;
  const live = await ctx.tx.live('missions', [...ids]);
  for (const id of ids) {
    const m = live.get(id);
    cache.set(id, m ? await instantMonth(ctx, m.startAt) : null);
  }
}

const states = (doc: SyncDoc, ctx: HookContext): SyncDoc[] => (ctx.before ? [ctx.before, doc] : [doc]);

async function onMission(doc: SyncDoc, ctx: HookContext): Promise<void> {
  const months = await Promise.all(states(doc, ctx).map((d) => instantMonth(ctx, d.startAt)));
  marksOf(ctx).missionMonth.delete(doc.id);
  await mark(ctx, months);
}

async function onAssignment(doc: SyncDoc, ctx: HookContext): Promise<void> {
  await mark(ctx, [await missionMonth(ctx, doc.missionId)]);
}

async function onTimesheet(doc: SyncDoc, ctx: HookContext): Promise<void> {
  const months: (string | null)[] = [];
  for (const d of states(doc, ctx)) {
    if (typeof d.date === 'string') months.push(...monthsOfWeek(d.date));
    months.push(await missionMonth(ctx, d.missionId));
  }
  await mark(ctx, months);
}

async function onFieldEvent(doc: SyncDoc, ctx: HookContext): Promise<void> {
  if (doc.kind === 'PUNCH') {
    const payload = doc.payload as Record<string, unknown> | undefined;
    if (payload?.punchType === 'IN') await mark(ctx, [await missionMonth(ctx, doc.missionId)]);
    return;
  }
  if (doc.kind !== 'INCIDENT') return;
  const closes = (doc.payload as Record<string, unknown> | undefined)?.closes;
  if (typeof closes === 'string') {
    // A close changes the report's row: the month of the report.
    const [report] = await fieldEventById(ctx.tx.sql, ctx.orgId, closes);
    await mark(ctx, [await instantMonth(ctx, report?.doc.at)]);
    return;
  }
  await mark(ctx, [await instantMonth(ctx, doc.at)]);
}

async function onReference(doc: SyncDoc, ctx: HookContext): Promise<void> {
  // Rate profiles price every month.
  if (doc.kind === 'rate_profile' || ctx.before?.kind === 'rate_profile') await mark(ctx, ['*']);
  // Where an item is kept is the venue of its incidents that name none: the months of its incidents.
  else if (doc.kind === 'equipment_item') {
    const venue = (d: SyncDoc | undefined) => (d?.data as Record<string, unknown> | undefined)?.venueId ?? null;
    if (!ctx.before || venue(ctx.before) !== venue(doc) || doc._deleted) await mark(ctx, await monthsOfItem(ctx.tx.sql, ctx.orgId, doc.id));
  }
}

async function onUser(doc: SyncDoc, ctx: HookContext): Promise<void> {
  // The contract selects rate profiles: the person's months' pay.
  if (!ctx.before || (ctx.before.employmentType === doc.employmentType && !doc._deleted)) return;
  await mark(ctx, await monthsOfPerson(ctx.tx.sql, ctx.orgId, doc.id));
}

export const analyticsHooks: DomainHooks = {
  domain: 'analytics',
  entities: {
    missions: { afterWrite: onMission },
    assignments: { prefetch: prefetchMissionMonths, afterWrite: onAssignment },
    timesheets: { prefetch: prefetchMissionMonths, afterWrite: onTimesheet },
    field_events: { prefetch: prefetchMissionMonths, afterWrite: onFieldEvent },
    reference: { afterWrite: onReference },
    users: { afterWrite: onUser },
  },
};
