import type { Sql } from '../db/connect';
import { enqueue, type JobHandler, type JobRunner } from '../jobs/runner';
import { refreshNow, type RefreshDeps } from './auto-refresh';
import { msUntilNextRun, orgsWithAutomaticKpis, recordAutoRun } from './auto-repo';

/**
 * The automatic KPI jobs of the job runner (docs/decisions/kpi-rules.md "Refresh", docs/runbooks/analytics.md):
 * `kpi.auto-refresh` per organisation (key = organisation id), queued by the sync hooks (auto-hooks.ts) in the
 * writing transaction, and `kpi.auto-sweep` (key `hourly`), which queues a refresh of every organisation with
 * automatic KPIs and then itself an hour later.
 */
export const AUTO_REFRESH_JOB = 'kpi.auto-refresh';
export const AUTO_SWEEP_JOB = 'kpi.auto-sweep';

/** When automatic KPIs are recomputed (milliseconds). */
export const AUTO_TIMING = {
  /** After the first data change of a burst (later changes of the burst join the queued job). */
  debounceMs: 20_000,
  /** A data change queues the refresh no sooner than this after the organisation's last one started. */
  minIntervalMs: 60_000,
  /** After a change of an automatic KPI itself (no minute cap: its first value shows at once). */
  soonMs: 2_000,
  /** First sweep after a server starts, then every `sweepMs`. */
  startDelayMs: 5_000,
  sweepMs: 3_600_000,
} as const;

/**
 * Queues the organisation's refresh in `sql` (the writing transaction's tx.sql: the job exists iff the write
 * commits). Data change: max(now + 20 s, last run + 60 s); an automatic KPI changed (`soon`): now + 2 s. A job
 * already queued keeps the earlier of its time and this one.
 */
export async function enqueueAutoRefresh(sql: Sql, orgId: string, soon = false): Promise<boolean> {
  const delayMs = soon ? AUTO_TIMING.soonMs : Math.max(AUTO_TIMING.debounceMs, await msUntilNextRun(sql, orgId, AUTO_TIMING.minIntervalMs));
  return enqueue(sql, { kind: AUTO_REFRESH_JOB, orgId, key: orgId, delayMs });
}

/** The handlers (registered by registerKpiJobs; a test may wrap them to count runs). */
export function kpiJobHandlers(deps: RefreshDeps): { refresh: JobHandler; sweep: JobHandler } {
  const { sql } = deps.db;
  return {
    refresh: async (job) => {
      if (!job.orgId) return;
      await recordAutoRun(sql, job.orgId);
      await refreshNow(deps, job.orgId);
    },
    sweep: async () => {
      // A new period begins: every organisation with automatic KPIs, each its own job (run once, retried alone).
      for (const orgId of await orgsWithAutomaticKpis(sql)) await enqueue(sql, { kind: AUTO_REFRESH_JOB, orgId, key: orgId });
      await enqueue(sql, { kind: AUTO_SWEEP_JOB, key: 'hourly', delayMs: AUTO_TIMING.sweepMs });
    },
  };
}

/** Registers the automatic KPI handlers on a runner and queues the first sweep (idempotent: one queued sweep). */
export async function registerKpiJobs(runner: JobRunner, deps: RefreshDeps): Promise<void> {
  const handlers = kpiJobHandlers(deps);
  runner.register(AUTO_REFRESH_JOB, handlers.refresh).register(AUTO_SWEEP_JOB, handlers.sweep);
  await enqueue(deps.db.sql, { kind: AUTO_SWEEP_JOB, key: 'hourly', delayMs: AUTO_TIMING.startDelayMs });
}
