import type { DomainHooks, EntityDocs, HookContext } from '../sync/hooks';
import { actionPlanHooks } from './action-hooks';
import { auditKpi } from './audit-hooks';
import { autoKpiDataHooks, markAutoKpiChange } from './auto-hooks';
import { loadTeamSharing, noteDashboard, noteMember } from './sharing-cache';
import { afterReferenceWrite, afterUserWrite, referenceSharingFields } from './sharing-hooks';
import { valueHooks } from './value-hooks';

async function afterReference(after: EntityDocs['reference'], ctx: HookContext): Promise<void> {
  noteDashboard(ctx.tx, after);
  await auditKpi(after, ctx);
  await afterReferenceWrite(after, ctx);
  await markAutoKpiChange(after, ctx);
}

/**
 * KPI management (issue 12, docs/data-model.md "KPI documents"): values rated on every write, actions and comments,
 * the sharing of dashboards and KPIs carried to their values and comments, KPI definitions in the audit log.
 */
export const kpiHooks: DomainHooks = {
  domain: 'kpi',
  entities: {
    kpi_values: valueHooks,
    action_plans: actionPlanHooks,
    reference: { serverFields: referenceSharingFields, afterWrite: afterReference },
    users: {
      prefetch: (rows, ctx) => loadTeamSharing(ctx.tx, rows),
      afterWrite(after, ctx) {
        noteMember(ctx.tx, after);
        return afterUserWrite(after, ctx);
      },
    },
    // Automatic KPIs (auto-hooks.ts): writes of what they read queue the organisation's refresh job.
    ...autoKpiDataHooks,
  },
};
