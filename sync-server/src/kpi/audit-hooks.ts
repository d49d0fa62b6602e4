import { sameValue } from '@coulisses/shared';
import { audit } from '../audit/audit-log';
import type { EntityDocs, HookContext } from '../sync/hooks';

/** KPI definitions in the audit log: created, deleted, and changed (name, definition, owner), with both states. */
export async function auditKpi(after: EntityDocs['reference'], ctx: HookContext): Promise<void> {
  if (after.kind !== 'kpi') return;
  const before = ctx.before;
  const action = !before ? 'created' : after._deleted ? 'deleted' : 'changed';
  const pick = (d: Record<string, unknown> | undefined) => (d ? { name: d.name, ownerUserId: d.ownerUserId ?? null, data: d.data } : null);
  if (action === 'changed' && sameValue(pick(before), pick(after))) return;
  await ctx.tx.flush();
  await audit(ctx.tx.sql, {
    orgId: ctx.orgId,
    actorAccountId: ctx.viewer?.accountId ?? null,
    action: `kpi.${action}`,
    entity: 'reference',
    entityId: after.id,
    data: { from: pick(before), to: after._deleted ? null : pick(after) },
  });
}
