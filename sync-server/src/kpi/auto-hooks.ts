import type { SyncDoc } from '@coulisses/shared';
import type { DomainHooks, HookContext } from '../sync/hooks';
import { markAutoKpisDirty } from './auto-dirty';

/** A KPI document of source AUTOMATIC. */
function isAutomaticKpi(doc: SyncDoc | undefined): boolean {
  if (!doc || doc.kind !== 'kpi') return false;
  const data = doc.data as Record<string, unknown> | undefined;
  return data?.source === 'AUTOMATIC';
}

const markData = (_doc: SyncDoc, ctx: HookContext): void => markAutoKpisDirty(ctx.orgId);

/**
 * The sync hooks of automatic KPIs on what they read (missions, assignments, timesheets, punches): a write marks
 * the organisation for a refresh (in memory; nothing is read or written in the pushing transaction).
 */
export const autoKpiDataHooks: DomainHooks['entities'] = {
  missions: { afterWrite: markData },
  assignments: { afterWrite: markData },
  timesheets: { afterWrite: markData },
  field_events: { afterWrite: (doc, ctx) => (doc.kind === 'PUNCH' ? markData(doc, ctx) : undefined) },
};

/**
 * A write of a reference document: an automatic KPI created or changed (or one that stops being automatic) marks its
 * organisation for a prompt refresh; a rate profile (the payroll metrics read them) for a refresh.
 */
export function markAutoKpiChange(doc: SyncDoc, ctx: HookContext): void {
  if (isAutomaticKpi(doc) || isAutomaticKpi(ctx.before)) markAutoKpisDirty(ctx.orgId, true);
  else if (doc.kind === 'rate_profile') markAutoKpisDirty(ctx.orgId);
}
