import { transfer, wrap, type Remote } from 'comlink';
import type { AnalyticsWorkerApi } from './analytics-api';
import { AnalyticsEngine } from './analytics-engine';
import { transferableSlices } from './analytics-transfer';

export type { AnalyticsWorkerApi, ComputeRequest, ComputeResult, LoadResult } from './analytics-api';

let shared: AnalyticsWorkerApi | null = null;

/** The engine on this thread, for environments without module workers (unit tests). */
export function inlineAnalyticsApi(): AnalyticsWorkerApi {
  const engine = new AnalyticsEngine();
  return { load: async (s, v) => engine.load(s, v), compute: async (r) => engine.compute(r) };
}

/**
 * The page's one analytics worker (started on first use; its file is precached with the app, so offline too).
 * `load(slices, version)` once per change of the local slices, `compute({ version, filters, compare,
 * teamUserIds })` per filter change: see analytics-api.ts.
 */
export function analyticsWorker(): AnalyticsWorkerApi {
  if (shared) return shared;
  if (typeof Worker === 'undefined') {
    shared = inlineAnalyticsApi();
    return shared;
  }
  const worker = new Worker(new URL('./analytics.worker.ts', import.meta.url), { type: 'module', name: 'analytics' });
  const remote: Remote<AnalyticsWorkerApi> = wrap<AnalyticsWorkerApi>(worker);
  shared = {
    // The columns move to the worker (transferred typed arrays): no long clone on the main thread.
    load: (s, v) => {
      const moved = transferableSlices(s);
      return remote.load(transfer(moved.slices, moved.buffers), v);
    },
    compute: (r) => remote.compute(r),
  };
  return shared;
}
