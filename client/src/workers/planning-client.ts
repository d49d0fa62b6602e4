import { wrap, type Remote } from 'comlink';
import type { PlanningWorkerApi } from './planning-api';
import { PlanningEngine } from './planning-engine';

let shared: PlanningWorkerApi | null = null;

/** The engine on this thread, for environments without module workers (unit tests, very old browsers). */
export function inlinePlanningApi(): PlanningWorkerApi {
  const engine = new PlanningEngine();
  return { detect: async (r) => engine.detect(r), suggest: async (r) => engine.suggest(r) };
}

/** The page's one planning worker (started on first use; its file is precached with the app, so offline too). */
export function planningWorker(): PlanningWorkerApi {
  if (shared) return shared;
  if (typeof Worker === 'undefined') {
    shared = inlinePlanningApi();
    return shared;
  }
  const worker = new Worker(new URL('./planning.worker.ts', import.meta.url), { type: 'module', name: 'planning' });
  const remote: Remote<PlanningWorkerApi> = wrap<PlanningWorkerApi>(worker);
  shared = { detect: (r) => remote.detect(r), suggest: (r) => remote.suggest(r) };
  return shared;
}
