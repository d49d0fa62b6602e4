/**
 * The time clock bench page: the app's own worker client (client/src/workers/timeclock-client.ts, which
 * bundles timeclock.worker.ts), called through comlink. The Node runner (run-timeclock.ts) calls
 * window.__timeclockBench.run and reads the figures measured inside the worker.
 */
import { timeclockWorker } from '../../../../client/src/workers/timeclock-client';
import type { TimeclockBenchApi, TimeclockSample } from './api';

declare global {
  interface Window {
    __timeclockBench: TimeclockBenchApi;
  }
}

window.__timeclockBench = {
  async run(data, runs, extra) {
    const worker = timeclockWorker();
    const builds: TimeclockSample[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      const result = await worker.build(data);
      builds.push({ ...result.stats, roundTripMs: performance.now() - started });
    }
    const started = performance.now();
    const result = await worker.addPunches(extra);
    return { builds, added: { ...result.stats, roundTripMs: performance.now() - started } };
  },
};
document.getElementById('status')!.textContent = 'ready';
