import type { SyncDoc } from '@coulisses/shared';
import { punchHash } from '@coulisses/shared/timeclock/chain';
import { geofenceOf, geofenceVerdict } from '@coulisses/shared/timeclock/geofence';
import { PositionSchema, type PunchEvent } from '@coulisses/shared/timeclock/punch';
import type { PunchFlag } from '@coulisses/shared/timeclock/types';
import { settingsInTx } from '../org/settings-repo';
import type { SyncTx } from '../sync/sync-tx';
import { liveDoc } from './live-cache';
import { repeatTapCached } from './punch-cache';

/** Server time minus device time, in whole ms (null when the device time is unknown). */
export function clockSkewOf(serverNow: string, deviceTime: string | null | undefined): number | null {
  if (!deviceTime) return null;
  const skew = Date.parse(serverNow) - Date.parse(deviceTime);
  return Number.isFinite(skew) ? Math.round(skew) : null;
}

export interface PunchFlagContext {
  tx: SyncTx;
  /** X-Device-Time of the push request (parsed), null when absent. */
  deviceTime?: string | null;
}

function isPunch(doc: SyncDoc): boolean {
  return doc.kind === 'PUNCH' && !doc._deleted && typeof doc.payload === 'object' && doc.payload !== null;
}

function asEvent(doc: SyncDoc): PunchEvent {
  return {
    id: String(doc.id),
    kind: String(doc.kind),
    userId: (doc.userId as string | null) ?? null,
    missionId: (doc.missionId as string | null) ?? null,
    at: String(doc.at),
    deviceId: (doc.deviceId as string | null) ?? null,
    payload: doc.payload as Record<string, unknown>,
  };
}

/** The venue's verdict for a punch's position: the punch's venue, else its mission's venue (reference kind 'venue'). */
async function punchGeofenceVerdict(tx: SyncTx, doc: SyncDoc): Promise<'INSIDE' | 'OUTSIDE' | 'UNKNOWN'> {
  const payload = doc.payload as Record<string, unknown>;
  const position = PositionSchema.safeParse(payload.position);
  if (!position.success) return 'UNKNOWN';
  let venueId = typeof payload.venueId === 'string' ? payload.venueId : null;
  if (!venueId && typeof doc.missionId === 'string') {
    const mission = await liveDoc(tx, 'missions', doc.missionId);
    venueId = mission && typeof mission.venueId === 'string' ? mission.venueId : null;
  }
  if (!venueId) return 'UNKNOWN';
  const venue = await liveDoc(tx, 'reference', venueId);
  if (!venue || venue.kind !== 'venue') return 'UNKNOWN';
  return geofenceVerdict(position.data, geofenceOf(venue.data as Record<string, unknown> | undefined));
}

/**
 * The check a new punch must pass before it is stored (the timeclock hooks): its hash must be
 * the hash of its content (an altered punch never enters: INVALID_PUNCH), and where the organisation refuses
 * punches outside the venue's geofence, its position must be inside (OUTSIDE_GEOFENCE).
 */
export async function punchRefusal(doc: SyncDoc, ctx: { tx: SyncTx; before?: SyncDoc | undefined }): Promise<string | null> {
  if (!isPunch(doc) || (ctx.before && !ctx.before._deleted)) return null;
  const payload = doc.payload as Record<string, unknown>;
  if (typeof payload.hash !== 'string' || punchHash(asEvent(doc)) !== payload.hash) return 'INVALID_PUNCH';
  const settings = await settingsInTx(ctx.tx);
  if (settings.geofenceMode !== 'REFUSE') return null;
  return (await punchGeofenceVerdict(ctx.tx, doc)) === 'OUTSIDE' ? 'OUTSIDE_GEOFENCE' : null;
}

/**
 * The server's flags on a new punch, computed once when it is first stored (an event never changes after):
 * CLOCK_SKEW (the device clock is further than the tolerance from the server's), FUTURE (`at`, corrected by the
 * skew, is after now + tolerance), REPEAT (the same person's same punch type within repeatTapSeconds, another
 * id), OUTSIDE_GEOFENCE (geofence mode FLAG or REFUSE; REFUSE never gets here).
 */
export async function punchServerFields(doc: SyncDoc, ctx: PunchFlagContext): Promise<{ flags: PunchFlag[]; clockSkewMs: number | null }> {
  const now = ctx.tx.now;
  const clockSkewMs = clockSkewOf(now, ctx.deviceTime);
  if (!isPunch(doc)) return { flags: [], clockSkewMs: null };
  const settings = await settingsInTx(ctx.tx);
  const toleranceMs = settings.skewToleranceSeconds * 1000;
  const flags: PunchFlag[] = [];
  if (clockSkewMs !== null && Math.abs(clockSkewMs) > toleranceMs) flags.push('CLOCK_SKEW');
  const at = Date.parse(String(doc.at));
  if (Number.isFinite(at) && at + (clockSkewMs ?? 0) > Date.parse(now) + toleranceMs) flags.push('FUTURE');
  if (settings.repeatTapSeconds > 0 && typeof doc.userId === 'string' && Number.isFinite(at)) {
    const window = settings.repeatTapSeconds * 1000;
    if (await repeatTap(ctx.tx, doc, at - window, at + window)) flags.push('REPEAT');
  }
  if (settings.geofenceMode !== 'OFF' && (await punchGeofenceVerdict(ctx.tx, doc)) === 'OUTSIDE') flags.push('OUTSIDE_GEOFENCE');
  return { flags, clockSkewMs };
}

/**
 * Whether the person has another live punch of the same type whose instant lies in [fromMs, toMs]: from the
 * batch's prefetch (punch-cache.ts) when it holds that window, else from the database.
 */
async function repeatTap(tx: SyncTx, doc: SyncDoc, fromMs: number, toMs: number): Promise<boolean> {
  const cached = repeatTapCached(tx, doc, fromMs, toMs);
  if (cached !== undefined) return cached;
  const payload = doc.payload as Record<string, unknown>;
  // Punches written earlier in the same batch must be visible to this query.
  await tx.flush();
  const rows = await tx.sql`
    select 1 from field_events
    where org_id = ${tx.orgId} and not deleted and id <> ${String(doc.id)} and doc->>'kind' = 'PUNCH'
      and doc->>'userId' = ${String(doc.userId)} and doc->'payload'->>'punchType' = ${String(payload.punchType)}
      and (doc->>'at')::timestamptz between ${new Date(fromMs).toISOString()}::timestamptz and ${new Date(toMs).toISOString()}::timestamptz
    limit 1`;
  return rows.length > 0;
}
