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

const plainObject = (v: unknown): v is Record<string, unknown> => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
};

/**
 * True when PushBody accepts the body for sure: at most PUSH_MAX_ROWS plain objects, each with a plain-object
 * newDocumentState whose id is a string of 1 to 40 characters, and an assumedMasterState absent, null or a plain
 * object. A walk of the envelope only: the documents are checked row by row afterwards.
 */
export function wellFormedEnvelope(raw: unknown): boolean {
  if (!Array.isArray(raw) || raw.length > PUSH_MAX_ROWS) return false;
  for (const row of raw as unknown[]) {
    if (!plainObject(row)) return false;
    const assumed = row.assumedMasterState;
    if (assumed !== undefined && assumed !== null && !plainObject(assumed)) return false;
    const doc = row.newDocumentState;
    if (!plainObject(doc) || typeof doc.id !== 'string' || doc.id.length < 1 || doc.id.length > 40) return false;
  }
  return true;
}

/** The envelope's zod schema (exported for the test that holds wellFormedEnvelope to it). */
export const PUSH_ENVELOPE = PushBody;

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
  // A well-formed envelope (the normal case) is recognised without zod; any other is parsed for zod's answer.
  if (!wellFormedEnvelope(raw)) PushBody.parse(raw);
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
