import type { SyncDoc } from '@coulisses/shared';
import type { DomainHooks, HookContext } from '../sync/hooks';
import { enqueueAutoRefresh } from './auto-jobs';

/** A KPI document of source AUTOMATIC. */
function isAutomaticKpi(doc: SyncDoc | undefined): boolean {
  if (!doc || doc.kind !== 'kpi') return false;
  const data = doc.data as Record<string, unknown> | undefined;
  return data?.source === 'AUTOMATIC';
}

/** What this transaction already queued (one enqueue per transaction, and one more if a KPI asks for `soon`). */
const queuedOf = (ctx: HookContext) => ctx.tx.state('kpi.auto.queued', () => ({ data: false, soon: false }));

/** Queues the organisation's `kpi.auto-refresh` job in the writing transaction (auto-jobs.ts). */
async function queue(ctx: HookContext, soon: boolean): Promise<void> {
  const queued = queuedOf(ctx);
  if (queued.soon || (!soon && queued.data)) return;
  if (soon) queued.soon = true;
  else queued.data = true;
  await enqueueAutoRefresh(ctx.tx.sql, ctx.orgId, soon);
}

const markData = (_doc: SyncDoc, ctx: HookContext): Promise<void> => queue(ctx, false);

/**
 * The sync hooks of automatic KPIs on what they read (missions, assignments, timesheets, punches): a write queues
 * the organisation's refresh job inside the writing transaction (a crash after the commit loses nothing).
 */
export const autoKpiDataHooks: DomainHooks['entities'] = {
  missions: { afterWrite: markData },
  assignments: { afterWrite: markData },
  timesheets: { afterWrite: markData },
  field_events: { afterWrite: (doc, ctx) => (doc.kind === 'PUNCH' ? markData(doc, ctx) : undefined) },
};

/**
 * A write of a reference document: an automatic KPI created or changed (or one that stops being automatic) queues
 * a prompt refresh of its organisation; a rate profile (the payroll metrics read them) a refresh.
 */
export async function markAutoKpiChange(doc: SyncDoc, ctx: HookContext): Promise<void> {
  if (isAutomaticKpi(doc) || isAutomaticKpi(ctx.before)) await queue(ctx, true);
  else if (doc.kind === 'rate_profile') await queue(ctx, false);
}
