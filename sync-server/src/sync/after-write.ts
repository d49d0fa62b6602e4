import { sameValue, type EntityDef, type SyncDoc } from '@coulisses/shared';
import { audit } from '../org/audit';
import { timesheetsAfterWrite } from '../timeclock/timesheet-recompute';
import { timeclockAfterWrite } from '../timeclock/kiosk-after-write';
import type { Tx } from './store';

export interface AfterWriteContext {
  tx: Tx;
  orgId: string;
  accountId: string;
  before: SyncDoc | undefined;
  after: SyncDoc;
}

/** Server reactions to a stored write, inside its transaction: the audit of the entity's watched fields. */
export async function afterWrite(entity: EntityDef, ctx: AfterWriteContext): Promise<void> {
  await auditChanges(entity, ctx);
  await timeclockAfterWrite(entity, ctx);
  await timesheetsAfterWrite(entity, ctx);
}

/** Every change of an entity's audited fields goes to the audit log, with the old and new values. */
async function auditChanges(entity: EntityDef, ctx: AfterWriteContext): Promise<void> {
  if (!entity.audited?.length) return;
  const live = ctx.before && !ctx.before._deleted ? ctx.before : undefined;
  const action = !live ? 'created' : ctx.after._deleted ? 'deleted' : 'changed';
  const changed = entity.audited.filter((f) => !sameValue(live?.[f], ctx.after[f]));
  if (action === 'changed' && changed.length === 0) return;
  const pick = (d: SyncDoc | undefined) => Object.fromEntries(entity.audited!.map((f) => [f, d?.[f] ?? null]));
  await audit(ctx.tx, {
    orgId: ctx.orgId,
    actorAccountId: ctx.accountId,
    action: `${entity.name}.${action}`,
    entity: entity.name,
    entityId: ctx.after.id,
    data: { from: live ? pick(live) : null, to: ctx.after._deleted ? null : pick(ctx.after) },
  });
}
