import { translate, type EntityDef, type SyncDoc } from '@coulisses/shared';
import type { Context } from 'hono';
import { z } from 'zod';
import type { Sql } from '../db/connect';
import type { AppEnv } from '../http/context';
import { AppError } from '../http/errors';
import { readJson } from '../http/validate';
import { DEVICE_TIME_HEADER, parseDeviceTime } from '../timeclock/punch-flags';
import type { ChangeFeed } from './feed';
import { applyPush } from './push';
import type { ViewerContext } from './viewer';

export const PUSH_MAX_ROWS = 500;

const PushBody = z
  .array(
    z.object({
      assumedMasterState: z.record(z.string(), z.unknown()).nullable().optional(),
      newDocumentState: z.record(z.string(), z.unknown()).and(z.object({ id: z.string().min(1).max(40) })),
    }),
  )
  .max(PUSH_MAX_ROWS);

/**
 * One push request of RxDB's replication protocol for a viewer (an account's session or a kiosk): validates the
 * batch, applies it with the device's clock from X-Device-Time, wakes the streams and answers the conflicts
 * (with `?details=1`, also what was refused or diverted, translated, and what was written).
 */
export async function handlePush(c: Context<AppEnv>, sql: Sql, feed: ChangeFeed, viewer: ViewerContext, entity: EntityDef) {
  const raw = await readJson(c, z.unknown());
  if (Array.isArray(raw) && raw.length > PUSH_MAX_ROWS) throw new AppError('BATCH_TOO_LARGE', { max: PUSH_MAX_ROWS }, 413);
  const rows = PushBody.parse(raw) as { assumedMasterState?: SyncDoc | null; newDocumentState: SyncDoc }[];
  const ctx = { ...viewer, deviceTime: parseDeviceTime(c.req.header(DEVICE_TIME_HEADER)) };
  const result = await applyPush(sql, ctx, entity, rows, (tx, collections) => feed.notifyInTx(tx as never, ctx.orgId, collections));
  if (result.collections.size > 0) feed.emit(ctx.orgId, result.collections);
  if (result.rejected.length > 0) {
    c.get('log').info({ collection: entity.name, device: ctx.viewer.deviceId, rejected: result.rejected.map((r) => r.code) }, 'push rows refused');
  }
  if (c.req.query('details') !== '1') return c.json(result.conflicts);
  const locale = c.get('locale');
  return c.json({
    conflicts: result.conflicts,
    rejected: result.rejected.map((r) => ({ ...r, message: translate(locale, `errors.${r.code}`) })),
    diverted: result.diverted.map((d) => ({ ...d, message: translate(locale, `errors.${d.code}`) })),
    written: result.written,
  });
}
