import { browserStorage, readItem, writeItem } from '../lib/storage';
import type { KeyValueStore } from './outbox';

/** The outbox's store in the browser: localStorage, shared by the tabs (a full or disabled storage is ignored). */
export function localKeyValueStore(): KeyValueStore {
  return {
    get: (key) => readItem(browserStorage(), key),
    set: (key, value) => writeItem(browserStorage(), key, value),
    remove: (key) => writeItem(browserStorage(), key, null),
  };
}

export { OUTBOX_KEY_PREFIX } from './outbox';
