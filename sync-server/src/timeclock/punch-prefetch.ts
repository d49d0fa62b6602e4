import { addDays, localDate } from '@coulisses/shared';
import { timesheetIdFor } from '@coulisses/shared/timeclock/index';
import { settingsInTx } from '../org/settings-repo';
import type { EntityDocs, HookContext, PrefetchRow } from '../sync/hooks';
import { loadDayTimesheets } from './day-timesheets';
import { holdTimesheets } from './held-timesheets';
import { kioskIdOf, loadRoster } from './kiosk-roster';
import { liveDoc, loadLive } from './live-cache';
import { heldDayPunchIds, loadPersonPunches, MARGIN_MS, type PunchWant } from './punch-cache';
import { loadRanges } from './timesheet-overlaps';
import { timesheetRules, WINDOW_MS } from './timesheet-recompute';

type FieldEvent = EntityDocs['field_events'];

/**
 * The field events' prefetch: what the hooks of a batch's new punches read row by row (repeat taps, the geofence's
 * mission and venue, the timesheet recompute's punches, timesheets, ranges and superseded timesheets), read for the
 * whole batch in a few queries. The hooks read it where it holds what they ask and ask the database otherwise.
 */
export async function punchPrefetch(rows: readonly PrefetchRow<FieldEvent>[], ctx: HookContext): Promise<void> {
  const { tx } = ctx;
  const kioskId = kioskIdOf(ctx.viewer);
  if (kioskId) await loadRoster(tx, kioskId, rows.flatMap((r) => (!r.before && typeof r.doc.userId === 'string' ? [{ userId: r.doc.userId, at: r.doc.at }] : [])));
  const punches = rows
    .filter((r) => !r.before && !r.doc._deleted && r.doc.kind === 'PUNCH' && typeof r.doc.userId === 'string' && Number.isFinite(Date.parse(r.doc.at)))
    .map((r) => r.doc);
  if (punches.length === 0) return;
  const settings = await settingsInTx(tx);
  // The repeat-tap window and the recompute's window around every punch, with the margin punch-cache.ts asks.
  const reach = Math.max(WINDOW_MS, settings.repeatTapSeconds * 1000) + 2 * MARGIN_MS;
  const byUser = new Map<string, PunchWant & { missions: Set<string>; minAt: number; maxAt: number; day: boolean }>();
  for (const p of punches) {
    const at = Date.parse(p.at);
    const userId = p.userId!;
    const w = byUser.get(userId) ?? { userId, fromMs: 0, toMs: 0, missions: new Set<string>(), minAt: at, maxAt: at, day: false };
    w.minAt = Math.min(w.minAt, at);
    w.maxAt = Math.max(w.maxAt, at);
    if (p.missionId) w.missions.add(p.missionId);
    else w.day = true;
    byUser.set(userId, w);
  }
  for (const w of byUser.values()) {
    w.fromMs = w.minAt - reach;
    w.toMs = w.maxAt + reach;
  }
  await loadPersonPunches(tx, [...byUser.values()]);
  await loadPlaces(ctx, punches);
  await holdTimesheets(tx, await timesheetIdsAround(ctx, [...byUser.values()]));
  await loadRanges(tx, [...byUser.values()].map((w) => ({ userId: w.userId, fromMs: w.fromMs, toMs: w.toMs })));
  const dayUsers = [...byUser.values()].filter((w) => w.day).map((w) => w.userId);
  const named = [...new Set([...dayUsers.flatMap((u) => heldDayPunchIds(tx, u)), ...punches.filter((p) => !p.missionId).map((p) => p.id)])];
  await loadDayTimesheets(tx, dayUsers, named);
}

/** The missions the punches name and the venues of the punches with a position (the geofence). */
async function loadPlaces(ctx: HookContext, punches: readonly FieldEvent[]): Promise<void> {
  const missionIds = punches.flatMap((p) => (p.missionId ? [p.missionId] : []));
  await loadLive(ctx.tx, 'missions', missionIds);
  const venueIds: string[] = [];
  for (const p of punches) {
    if (!p.payload.position) continue;
    const venueId = typeof p.payload.venueId === 'string' ? p.payload.venueId : p.missionId ? (await liveDoc(ctx.tx, 'missions', p.missionId))?.venueId : null;
    if (typeof venueId === 'string') venueIds.push(venueId);
  }
  await loadLive(ctx.tx, 'reference', venueIds);
}

/**
 * The ids of the timesheets the recompute may write for these persons: of each mission punched, and of each local
 * date in the window read around the punches without mission.
 */
async function timesheetIdsAround(ctx: HookContext, wants: readonly (PunchWant & { missions: Set<string>; minAt: number; maxAt: number; day: boolean })[]): Promise<string[]> {
  const { zone } = await timesheetRules(ctx.tx);
  const ids: string[] = [];
  for (const w of wants) {
    for (const m of w.missions) ids.push(timesheetIdFor(ctx.orgId, w.userId, m));
    if (!w.day) continue;
    const last = localDate(w.maxAt + WINDOW_MS, zone);
    for (let d = localDate(w.minAt - WINDOW_MS, zone); d <= last; d = addDays(d, 1)) ids.push(timesheetIdFor(ctx.orgId, w.userId, d));
  }
  return ids;
}
