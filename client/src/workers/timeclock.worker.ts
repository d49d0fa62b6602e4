import { expose } from 'comlink';
import { installFormatToPartsMemo } from './intl-memo';
import type { TimeclockWorkerApi } from './timeclock-api';
import { TimeclockEngine } from './timeclock-engine';

/** The time clock worker: timesheets from punches (worked time, breaks, night hours) off the main thread. */
installFormatToPartsMemo();
const engine = new TimeclockEngine();

const api: TimeclockWorkerApi = {
  build: async (data) => engine.build(data),
  addPunches: async (punches) => engine.addPunches(punches),
};

expose(api);
