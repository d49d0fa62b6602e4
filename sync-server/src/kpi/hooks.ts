import { kpiStatus, thresholdsOf } from '@coulisses/shared';
import type { DomainHooks, EntityDocs, HookContext } from '../sync/hooks';

/** Who entered a KPI value (when the value changes) and its status from the KPI's thresholds. */
async function kpiValueServerFields(doc: EntityDocs['kpi_values'], ctx: HookContext): Promise<EntityDocs['kpi_values']> {
  const before = ctx.before;
  const changed = !before || before.value !== doc.value;
  const enteredByAccountId = changed ? (ctx.viewer?.accountId ?? null) : ((before.enteredByAccountId as string | null) ?? null);
  const kpi = (await ctx.tx.live('reference', [doc.kpiId])).get(doc.kpiId);
  const t = kpi && kpi.kind === 'kpi' ? thresholdsOf(kpi.data as Record<string, unknown>) : null;
  return { ...doc, enteredByAccountId, status: t && typeof doc.value === 'number' ? kpiStatus(doc.value, t) : null };
}

/** KPI management. */
export const kpiHooks: DomainHooks = {
  domain: 'kpi',
  entities: {
    kpi_values: { serverFields: kpiValueServerFields },
  },
};
