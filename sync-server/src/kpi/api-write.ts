import { ERROR_STATUS, entityByName, type EntityDef, type ErrorCode, type PushRow, type Rejection, type SyncDoc } from '@coulisses/shared';
import type { SyncCore } from '../sync/core';
import { applyPush } from '../sync/push';
import type { ViewerContext } from '../sync/viewer';
import { AppError } from '../http/errors';

/**
 * Writes of the REST API go through the sync core exactly like a push (issue 12 item 6): each row is
 * `{assumedMasterState: the stored document or null, newDocumentState}`, so the registry's schema, write policy
 * and guard, the domains' checks and server fields (a value's status), the audit log and the streams all apply.
 * A refused row becomes the one error shape with its stable code; the rows of one request are one transaction
 * (a refusal rolls back the rows written before it).
 */

/** HTTP status of a row refused by the core. */
export function rejectionStatus(code: string): number {
  if (code === 'FORBIDDEN' || code === 'FIELD_NOT_WRITABLE') return 403;
  if (code === 'VALIDATION_FAILED') return 400;
  if (code === 'IMMUTABLE_FIELD') return 409;
  return ERROR_STATUS[code as ErrorCode] ?? 422;
}

/** A refused row as an error (validation details keep their rule codes: http/errors.ts zodDetails). */
export function rejectionError(r: Rejection): AppError {
  const details = r.details ?? (r.field ? [{ path: r.field, code: r.code }] : undefined);
  return new AppError(r.code, details, rejectionStatus(r.code));
}

export interface WriteRow {
  entity: 'reference' | 'kpi_values' | 'action_plans';
  before: SyncDoc | null;
  after: SyncDoc;
}

/** Applies the rows in order in one sync transaction; throws the first refusal (everything rolls back). */
export async function writeRows(core: SyncCore, ctx: ViewerContext, rows: readonly WriteRow[]): Promise<void> {
  await core.transaction(ctx.orgId, async (tx) => {
    for (const row of rows) {
      const entity = entityByName(row.entity) as EntityDef;
      const push: PushRow = { assumedMasterState: row.before, newDocumentState: row.after };
      const result = await applyPush(tx, ctx, entity, [push]);
      const refused = result.rejected[0];
      if (refused) throw rejectionError(refused);
      if (result.diverted.length > 0) throw new AppError('CONFLICT', undefined, 409);
    }
  });
}

/** The new state of a stored document: changed fields and a fresh updatedAt (the server's clock). */
export function changed(before: SyncDoc, fields: Record<string, unknown>): SyncDoc {
  const out: SyncDoc = { ...before, ...fields, updatedAt: new Date().toISOString(), _deleted: false };
  for (const [k, v] of Object.entries(fields)) if (v === undefined) delete out[k];
  return out;
}

/** The tombstone of a stored document. */
export function tombstone(before: SyncDoc): SyncDoc {
  return { ...before, updatedAt: new Date().toISOString(), _deleted: true };
}
