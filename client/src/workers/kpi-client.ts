import { wrap, type Remote } from 'comlink';
import type { KpiWorkerApi } from './kpi-api';
import { KpiEngine } from './kpi-engine';

export type { KpiWorkerApi, TilesRequest, TilesResult, DirectionRequest, DirectionResult, KpiStats } from './kpi-api';

let shared: KpiWorkerApi | null = null;

/** The engine on this thread, for environments without module workers (unit tests, very old browsers). */
export function inlineKpiApi(): KpiWorkerApi {
  const engine = new KpiEngine();
  return { dashboardTiles: async (r) => engine.dashboardTiles(r), direction: async (r) => engine.direction(r) };
}

/**
 * The page's one KPI worker (started on first use; its file is precached with the app, so offline too).
 * `dashboardTiles({ today, kpis, values, dashboards? })` and `direction({ today, kpis, values, dashboards,
 * actions })`: see kpi-api.ts.
 */
export function kpiWorker(): KpiWorkerApi {
  if (shared) return shared;
  if (typeof Worker === 'undefined') {
    shared = inlineKpiApi();
    return shared;
  }
  const worker = new Worker(new URL('./kpi.worker.ts', import.meta.url), { type: 'module', name: 'kpi' });
  const remote: Remote<KpiWorkerApi> = wrap<KpiWorkerApi>(worker);
  shared = { dashboardTiles: (r) => remote.dashboardTiles(r), direction: (r) => remote.direction(r) };
  return shared;
}
