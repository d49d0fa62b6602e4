import { expose } from 'comlink';
import type { KpiWorkerApi } from './kpi-api';
import { KpiEngine } from './kpi-engine';

/** The KPI worker: tiles, dashboard counts and the direction view off the main thread (kpi-api.ts). */
const engine = new KpiEngine();

const api: KpiWorkerApi = {
  dashboardTiles: async (request) => engine.dashboardTiles(request),
  direction: async (request) => engine.direction(request),
};

expose(api);
