import type { SyncDoc } from '@coulisses/shared';
import { OVERLAP_ANOMALY, rangeOf, withOverlapFlag } from '@coulisses/shared/payroll/overlaps';
import type { HookContext } from '../sync/hooks';
import type { SyncTx } from '../sync/sync-tx';
import { holdRead, liveTimesheets } from './held-timesheets';
import { selectTimesheetRanges, selectTimesheetsAcross } from './timeclock-repo';

/** A live timesheet with a range, as this module keeps it: its instants and whether it carries OVERLAP. */
interface Ranged {
  start: number;
  end: number;
  flag: boolean;
}

type Ranges = Map<string, Ranged>;

const RANGES = Symbol('timesheet ranges');

const hasFlag = (doc: SyncDoc | Record<string, unknown>): boolean => Array.isArray(doc.anomalies) && (doc.anomalies as string[]).includes(OVERLAP_ANOMALY);
const rangeOfDoc = (doc: SyncDoc | Record<string, unknown>) => rangeOf(doc as { startAt?: string | null; endAt?: string | null });

/**
 * The person's live timesheets that have a range, read once per transaction (after the pending writes are
 * flushed) and kept current by every timesheet write that follows (refreshOverlapsAround notes it): a push of
 * many punches costs one query per person, not one per punch (one per batch with the prefetch: loadRanges).
 */
function rangesOf(tx: SyncTx, userId: string): Promise<Ranges> {
  const cache = tx.state(RANGES, () => new Map<string, Promise<Ranges>>());
  let ranges = cache.get(userId);
  if (!ranges) {
    ranges = load(tx, userId);
    cache.set(userId, ranges);
  }
  return ranges;
}

async function load(tx: SyncTx, userId: string): Promise<Ranges> {
  await tx.flush();
  return rangesByUser(await selectTimesheetRanges(tx, [userId], OVERLAP_ANOMALY), [userId]).get(userId)!;
}

function rangesByUser(rows: Awaited<ReturnType<typeof selectTimesheetRanges>>, userIds: readonly string[]): Map<string, Ranges> {
  const out = new Map<string, Ranges>(userIds.map((u) => [u, new Map()]));
  for (const r of rows) {
    const range = rangeOf({ startAt: r.start_at, endAt: r.end_at });
    if (range) out.get(r.user_id)?.set(r.id, { ...range, flag: r.flag === true });
  }
  return out;
}

/**
 * A batch's prefetch: the ranges of these persons (those not read yet in this transaction) in one query, and
 * the documents of their timesheets across each span (the ones whose OVERLAP a write of the batch may set or
 * clear) in another, held for refreshOverlapsAround (held-timesheets.ts).
 */
export async function loadRanges(tx: SyncTx, spans: readonly { userId: string; fromMs: number; toMs: number }[]): Promise<void> {
  const cache = tx.state(RANGES, () => new Map<string, Promise<Ranges>>());
  const wanted = [...new Map(spans.filter((s) => !cache.has(s.userId)).map((s) => [s.userId, s])).values()];
  if (wanted.length === 0) return;
  await tx.flush();
  const users = wanted.map((s) => s.userId);
  const byUser = rangesByUser(await selectTimesheetRanges(tx, users, OVERLAP_ANOMALY), users);
  for (const u of users) if (!cache.has(u)) cache.set(u, Promise.resolve(byUser.get(u)!));
  const across = wanted.filter((s) => Number.isFinite(s.fromMs) && Number.isFinite(s.toMs) && s.fromMs <= s.toMs);
  holdRead(tx, await selectTimesheetsAcross(tx, across.map((s) => ({ userId: s.userId, from: new Date(s.fromMs).toISOString(), to: new Date(s.toMs).toISOString() }))));
}

/** Records a written timesheet in the transaction's ranges. */
function note(ranges: Ranges, doc: SyncDoc): void {
  const r = rangeOfDoc(doc);
  if (doc._deleted || !r) ranges.delete(doc.id);
  else ranges.set(doc.id, { ...r, flag: hasFlag(doc) });
}

/** Whether [start, end) shares time with a timesheet of the ranges other than `exceptId` (touching ends do not). */
function sharesTime(ranges: Ranges, exceptId: string, start: number, end: number): boolean {
  for (const [id, r] of ranges) if (id !== exceptId && r.start < end && r.end > start) return true;
  return false;
}

/** Whether a timesheet shares time with another live timesheet of the same person. */
export async function overlapsAnother(tx: SyncTx, doc: SyncDoc): Promise<boolean> {
  const r = rangeOfDoc(doc);
  if (doc._deleted || !r || typeof doc.userId !== 'string') return false;
  return sharesTime(await rangesOf(tx, doc.userId), doc.id, r.start, r.end);
}

/** The timesheet's anomalies with OVERLAP set as it stands now (the timeclock hooks, before a timesheet is written). */
export async function withOverlap(tx: SyncTx, doc: SyncDoc): Promise<string[]> {
  const anomalies = Array.isArray(doc.anomalies) ? (doc.anomalies as string[]) : [];
  return withOverlapFlag(anomalies, await overlapsAnother(tx, doc));
}

/**
 * After a timesheet is written (created, moved, deleted), the other timesheets of the person that its old or new
 * range touched get their OVERLAP anomaly set or cleared, in the same transaction: the written one carries its
 * own already (withOverlap). A validated timesheet keeps its figures; only this server-computed anomaly moves.
 */
export async function refreshOverlapsAround(after: SyncDoc, ctx: HookContext): Promise<void> {
  const userId = typeof after.userId === 'string' ? after.userId : typeof ctx.before?.userId === 'string' ? ctx.before.userId : null;
  if (!userId) return;
  const now = rangeOfDoc(after);
  const was = ctx.before ? rangeOfDoc(ctx.before) : null;
  const live = !after._deleted && now;
  if (!live && !was) return;
  const ranges = await rangesOf(ctx.tx, userId);
  note(ranges, after);
  // The same range as before: the others' overlaps with it did not change.
  if (was && live && was.start === now.start && was.end === now.end) return;
  const lo = Math.min(live ? now.start : Infinity, was ? was.start : Infinity);
  const hi = Math.max(live ? now.end : -Infinity, was ? was.end : -Infinity);
  const toggle = new Map<string, boolean>();
  for (const [id, r] of ranges) {
    if (id === after.id || !(r.start < hi && r.end > lo)) continue;
    // Flag on when it shares time with the written one; otherwise it keeps the flag only if it overlaps another.
    const should = (!!live && r.start < now.end && r.end > now.start) || (r.flag && sharesTime(ranges, id, r.start, r.end));
    if (should !== r.flag) toggle.set(id, should);
  }
  if (toggle.size === 0) return;
  for (const other of await liveTimesheets(ctx.tx, [...toggle.keys()])) {
    const should = toggle.get(other.id) === true;
    if (hasFlag(other) === should) continue;
    const next = { ...other, anomalies: withOverlapFlag((other.anomalies as string[] | undefined) ?? [], should), updatedAt: ctx.tx.now } as SyncDoc;
    await ctx.tx.write('timesheets', next, { before: other, accountId: ctx.viewer?.accountId ?? null, viewer: ctx.viewer });
  }
}
