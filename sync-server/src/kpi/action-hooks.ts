import type { SyncDoc } from '@coulisses/shared';
import type { EntityDocs, EntityHooks, HookContext } from '../sync/hooks';
import { kpiDoc } from './kpi-docs';

type ActionPlan = EntityDocs['action_plans'];

/** May this viewer read the KPI (its sharing, or a planner's role)? */
function readsKpi(kpi: SyncDoc, ctx: HookContext): boolean {
  const v = ctx.viewer;
  if (!v || v.role === 'ADMIN' || v.role === 'MANAGER') return true;
  return kpi.sharedWithAll === true || (v.userId !== null && Array.isArray(kpi.readerUserIds) && kpi.readerUserIds.includes(v.userId));
}

/**
 * Actions and comments name a live KPI; a comment on an action names a live action of the same KPI. A crew member
 * comments only on KPIs they read and never creates or deletes an action (the registry lets them change the
 * progress and status of their own).
 */
async function check(doc: ActionPlan, ctx: HookContext): Promise<string | null> {
  const creating = !ctx.before;
  if (ctx.viewer?.role === 'TECH' && doc.kind === 'action' && (creating || doc._deleted)) return 'FORBIDDEN';
  if (doc._deleted) return null;
  const kpi = await kpiDoc(ctx, doc.kpiId);
  if (!kpi) return 'KPI_NOT_FOUND';
  if (doc.kind !== 'comment') return null;
  if (!readsKpi(kpi, ctx)) return 'FORBIDDEN';
  if (creating && ctx.viewer && (doc.authorUserId ?? null) !== (ctx.viewer.userId ?? null)) return 'COMMENT_AUTHOR';
  if (typeof doc.actionPlanId === 'string') {
    const action = (await ctx.tx.live('action_plans', [doc.actionPlanId])).get(doc.actionPlanId);
    if (!action || action.kind !== 'action' || action.kpiId !== doc.kpiId) return 'ACTION_NOT_FOUND';
  }
  return null;
}

/** A comment's author account and time (set once, at creation) and its KPI's sharing; an action has none of these. */
async function serverFields(doc: ActionPlan, ctx: HookContext): Promise<ActionPlan> {
  if (doc.kind !== 'comment') {
    const { authorAccountId: _a, createdAt: _c, sharedWithAll: _s, ...action } = doc;
    return action as ActionPlan;
  }
  const before = ctx.before;
  const kpi = await kpiDoc(ctx, doc.kpiId);
  return {
    ...doc,
    authorAccountId: before ? ((before.authorAccountId as string | null) ?? null) : (ctx.viewer?.accountId ?? null),
    createdAt: before ? ((before.createdAt as string | null) ?? null) : ctx.tx.now,
    sharedWithAll: kpi?.sharedWithAll === true,
  };
}

export const actionPlanHooks: EntityHooks<ActionPlan> = { check, serverFields };
