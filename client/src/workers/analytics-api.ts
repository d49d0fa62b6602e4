import type { DashboardQuery, DashboardResult, DashboardSlices } from '@coulisses/shared/analytics/dashboard-types';

/**
 * The analytics worker's API (issue 13), plain structured-clonable data both ways. The page sends the local
 * slices once when they change (`load`, with their version), then asks for the dashboard of each filter state
 * (`compute`): a filter change only sends the small query, the prepared columns stay in the worker.
 *
 *   await analyticsWorker().load({ hours, pay, missions, incidents }, version);
 *   const { result } = await analyticsWorker().compute({ version, filters, compare, teamUserIds });
 *
 * The rules are shared/src/analytics/ (prepareSlices, computeDashboard).
 */
export interface LoadResult {
  version: string;
  /** Hours rows prepared (all months). */
  rows: number;
  prepareMs: number;
}

export interface ComputeRequest extends DashboardQuery {
  /** The version of the slices the caller believes loaded: another one answers `stale` (load again first). */
  version: string;
}

export interface ComputeResult {
  /** Null when the worker holds another version of the slices (it was restarted, or a newer load is under way). */
  result: DashboardResult | null;
  stale: boolean;
  computeMs: number;
}

/** What the analytics worker offers through comlink (every method may also run inline, see analytics-client). */
export interface AnalyticsWorkerApi {
  load(slices: DashboardSlices, version: string): Promise<LoadResult>;
  compute(request: ComputeRequest): Promise<ComputeResult>;
}
