import { computeDashboard, prepareSlices } from '@coulisses/shared/analytics/dashboard';
import type { DashboardSlices } from '@coulisses/shared/analytics/dashboard-types';
import type { ComputeRequest, ComputeResult, LoadResult } from './analytics-api';

type Prepared = ReturnType<typeof prepareSlices>;

/**
 * What the analytics worker runs (pure, also inline in tests and in Node): keeps the prepared columns of the
 * last slices loaded and computes the dashboard of a query over them with the shared rules.
 */
export class AnalyticsEngine {
  private prepared: Prepared | null = null;
  private version: string | null = null;

  load(slices: DashboardSlices, version: string): LoadResult {
    const started = performance.now();
    this.prepared = prepareSlices(slices);
    this.version = version;
    let rows = 0;
    for (const h of slices.hours) rows += h.rows.day.length;
    return { version, rows, prepareMs: performance.now() - started };
  }

  compute(request: ComputeRequest): ComputeResult {
    if (!this.prepared || request.version !== this.version) return { result: null, stale: true, computeMs: 0 };
    const started = performance.now();
    const { version: _version, ...query } = request;
    const result = computeDashboard(this.prepared, query);
    return { result, stale: false, computeMs: performance.now() - started };
  }
}
