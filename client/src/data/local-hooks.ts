import type { LocalHooks } from '../sync/local-hooks';
import { missionStartHooks } from './planning/mission-start';

/** The domains' local hooks, by collection: registered by the store when it opens a collection (database.ts). */
export const LOCAL_HOOKS: LocalHooks = {
  ...missionStartHooks,
};
