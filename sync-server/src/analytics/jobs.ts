import { sameValue, timeRulesOf, type OrgSettings } from '@coulisses/shared';
import type { Sql } from '../db/connect';
import { enqueue, type JobRunner } from '../jobs/runner';
import { rebuild, refreshOrg, WAREHOUSE_MONTHS, type AnalyticsDeps } from './refresh';
import { deleteWarehouse, markDirty, orgsWithDirtyMonths, orgsWithSlices, trimRefreshLog } from './repo';

/** The analytics jobs of the job runner (docs/runbooks/analytics.md). */
export const REFRESH_JOB = 'analytics.refresh';
export const REBUILD_JOB = 'analytics.rebuild';
export const PURGE_JOB = 'analytics.purge';

/** The quiet time after a write before its organisation's refresh: a burst of writes makes one refresh. */
export const REFRESH_DELAY_MS = 2_000;
const DAY_MS = 86_400_000;

/** Queues the organisation's refresh (in the writing transaction when given its tx.sql). */
export function enqueueRefresh(sql: Sql, orgId: string, delayMs = REFRESH_DELAY_MS, slicesOnly = false): Promise<boolean> {
  return enqueue(sql, { kind: REFRESH_JOB, orgId, key: orgId, delayMs, ...(slicesOnly ? { payload: { slicesOnly: true } } : {}) });
}

/** Marks every month of an organisation dirty and queues its refresh (a setting that changes every month changed). */
export async function markAllMonths(sql: Sql, orgId: string): Promise<void> {
  await markDirty(sql, orgId, ['*']);
  await enqueueRefresh(sql, orgId, 0);
}

/**
 * An organisation's settings changed (org-routes.ts): new time rules or zone change every month's figures (all
 * months marked); new pay readers or slice months only the slices (a refresh rewrites the pay slices' readers).
 */
export async function analyticsSettingsChanged(sql: Sql, orgId: string, before: OrgSettings, after: OrgSettings, zoneChanged: boolean): Promise<void> {
  if (zoneChanged || !sameValue(timeRulesOf(before, 'UTC'), timeRulesOf(after, 'UTC'))) await markAllMonths(sql, orgId);
  else if (!sameValue(before.payReaderAccountIds ?? [], after.payReaderAccountIds ?? []) || before.analyticsSliceMonths !== after.analyticsSliceMonths) {
    await enqueueRefresh(sql, orgId, 0, true);
  }
}

/** Queues the daily purge (idempotent: one queued purge). */
export function enqueuePurge(sql: Sql, delayMs = 60_000): Promise<boolean> {
  return enqueue(sql, { kind: PURGE_JOB, key: 'daily', delayMs });
}

/** Registers the analytics handlers on a runner, and makes sure the refreshes and the purge exist. */
export async function registerAnalyticsJobs(runner: JobRunner, deps: AnalyticsDeps): Promise<void> {
  const { sql } = deps.db;
  runner.register(REFRESH_JOB, async (job) => {
    if (job.orgId) await refreshOrg(deps, job.orgId, { slicesOnly: job.payload.slicesOnly === true });
  });
  runner.register(REBUILD_JOB, async (job) => {
    if (job.orgId) await rebuild(deps, job.orgId);
  });
  runner.register(PURGE_JOB, async () => {
    const cutoff = new Date();
    cutoff.setUTCMonth(cutoff.getUTCMonth() - WAREHOUSE_MONTHS);
    await deleteWarehouse(sql, null, cutoff.toISOString().slice(0, 7));
    await trimRefreshLog(sql);
    // Months leave the slice window as time goes by: each organisation with slices checks them.
    for (const orgId of await orgsWithSlices(sql)) await enqueueRefresh(sql, orgId, 0, true);
    await enqueue(sql, { kind: PURGE_JOB, key: 'daily', delayMs: DAY_MS });
  });
  // Marks left by a server that stopped before its job ran (the job is durable, but a mark without one is healed).
  for (const orgId of await orgsWithDirtyMonths(sql)) await enqueueRefresh(sql, orgId, 0);
  await enqueuePurge(sql);
}
