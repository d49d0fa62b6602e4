import { DEVICE_TIME_HEADER, translate, type EntityDef, type PushDetails, type PushRow, type SyncDoc } from '@coulisses/shared';
import type { Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../http/context';
import { AppError } from '../http/errors';
import { readJson } from '../http/validate';
import type { SyncCore } from './core';
import type { ViewerContext } from './viewer';

export const PUSH_MAX_ROWS = 500;

/**
 * The envelope of a push; the documents themselves are checked row by row (hostile input, schema, policy), so
 * that one bad row is refused alone and the valid rows of the same batch are stored.
 */
const PushBody = z
  .array(
    z.object({
      assumedMasterState: z.record(z.string(), z.unknown()).nullable().optional(),
      newDocumentState: z.record(z.string(), z.unknown()).and(z.object({ id: z.string().min(1).max(40) })),
    }),
  )
  .max(PUSH_MAX_ROWS);

/** The device time a push carries, as an ISO instant, or null when absent or unparsable. */
export function parseDeviceTime(raw: string | null | undefined): string | null {
  if (!raw || raw.length > 64) return null;
  const ms = Date.parse(raw);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

/**
 * One push request of RxDB's replication protocol for a viewer (an account's session or a kiosk): validates the
 * envelope, applies the batch with the device's clock from X-Device-Time and answers the conflicts (with
 * `?details=1`, also what was refused, diverted or merged, translated, and what was written).
 */
export async function handlePush(c: Context<AppEnv>, core: SyncCore, viewer: ViewerContext, entity: EntityDef) {
  const raw = await readJson(c, z.unknown(), { deferHazards: true });
  if (Array.isArray(raw) && raw.length > PUSH_MAX_ROWS) throw new AppError('BATCH_TOO_LARGE', { max: PUSH_MAX_ROWS }, 413);
  // The envelope is checked, the rows are kept as sent (a copy could drop hostile keys the row check must see).
  PushBody.parse(raw);
  const rows = raw as PushRow[];
  const ctx = { ...viewer, deviceTime: parseDeviceTime(c.req.header(DEVICE_TIME_HEADER)) };
  const result = await core.push(ctx, entity, rows);
  if (result.rejected.length > 0) {
    c.get('log').info({ collection: entity.name, device: ctx.viewer.deviceId, rejected: result.rejected.map((r) => r.code) }, 'push rows refused');
  }
  if (c.req.query('details') !== '1') return c.json(result.conflicts as SyncDoc[]);
  const locale = c.get('locale');
  const body: PushDetails = {
    conflicts: result.conflicts,
    rejected: result.rejected.map((r) => ({ ...r, message: translate(locale, `errors.${r.code}`) })),
    diverted: result.diverted.map((d) => ({ ...d, message: translate(locale, `errors.${d.code}`) })),
    merged: result.merged,
    written: result.written,
  };
  return c.json(body);
}
