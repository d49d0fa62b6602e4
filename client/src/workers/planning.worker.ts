import { expose } from 'comlink';
import { installFormatToPartsMemo } from './intl-memo';
import type { PlanningWorkerApi } from './planning-api';
import { PlanningEngine } from './planning-engine';

/** The planning worker: conflict detection and replacement suggestions off the main thread. */
installFormatToPartsMemo();
const engine = new PlanningEngine();

const api: PlanningWorkerApi = {
  detect: async (request) => engine.detect(request),
  suggest: async (request) => engine.suggest(request),
};

expose(api);
