import { wrap, type Remote } from 'comlink';
import type { TimeclockWorkerApi } from './timeclock-api';
import { TimeclockEngine } from './timeclock-engine';

let shared: TimeclockWorkerApi | null = null;

/** The engine on this thread, for environments without module workers (unit tests, very old browsers). */
export function inlineTimeclockApi(): TimeclockWorkerApi {
  const engine = new TimeclockEngine();
  return { build: async (d) => engine.build(d), addPunches: async (p) => engine.addPunches(p) };
}

/** The page's one time clock worker (started on first use; its file is precached with the app, so offline too). */
export function timeclockWorker(): TimeclockWorkerApi {
  if (shared) return shared;
  if (typeof Worker === 'undefined') {
    shared = inlineTimeclockApi();
    return shared;
  }
  const worker = new Worker(new URL('./timeclock.worker.ts', import.meta.url), { type: 'module', name: 'timeclock' });
  const remote: Remote<TimeclockWorkerApi> = wrap<TimeclockWorkerApi>(worker);
  shared = { build: (d) => remote.build(d), addPunches: (p) => remote.addPunches(p) };
  return shared;
}
