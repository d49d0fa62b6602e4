import { expose } from 'comlink';
import type { AnalyticsWorkerApi } from './analytics-api';
import { AnalyticsEngine } from './analytics-engine';

/** The analytics worker: prepared slices kept here, dashboards computed off the main thread (analytics-api.ts). */
const engine = new AnalyticsEngine();

const api: AnalyticsWorkerApi = {
  load: async (slices, version) => engine.load(slices, version),
  compute: async (request) => engine.compute(request),
};

expose(api);
