/** What the bench page (page/main.ts) exposes on window.__timeclockBench, as seen by the Node runner. */
import type { TimeclockData, TimeclockStats } from '../../../../client/src/workers/timeclock-api';
import type { Punch } from '@coulisses/shared/timeclock/types';

export interface TimeclockSample extends TimeclockStats {
  /** postMessage to answer received on the page (structured clone both ways included). */
  roundTripMs: number;
}

export interface TimeclockBenchApi {
  /** `runs` full builds of `data` in the app's time clock worker (one worker, in order), then `extra` added to it. */
  run(data: TimeclockData, runs: number, extra: Punch[]): Promise<{ builds: TimeclockSample[]; added: TimeclockSample }>;
}
