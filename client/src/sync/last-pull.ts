import { useEffect, useState } from 'react';
import type { KeyValueStore } from './outbox';
import { useSyncControl } from './useSync';
import { browserStorage, readItem } from '../lib/storage';

/**
 * The time of the last successful pull of a local store (any collection), kept across reloads: what "data as
 * of" shows on screens that read the store offline (the direction view). Written by the leader tab's engine,
 * read by every tab (localStorage, `storage` events).
 */
export function lastPullKey(dbName: string): string {
  return `cc.sync.pulledAt.${dbName}`;
}

const listeners = new Set<() => void>();

/** Records a successful pull (an ISO instant); the tab's readers are told. */
export function recordLastPull(kv: KeyValueStore, dbName: string, at: string): void {
  kv.set(lastPullKey(dbName), at);
  for (const l of listeners) l();
}

/** The last successful pull of the store, or null when it never pulled on this device. */
export function readLastPull(get: (key: string) => string | null, dbName: string): string | null {
  const v = get(lastPullKey(dbName));
  return v && !Number.isNaN(Date.parse(v)) ? v : null;
}

/** The last successful pull of the open store (null: none yet, or no store open), kept current. */
export function useLastPullAt(): string | null {
  const dbName = useSyncControl().runtime?.target.dbName ?? null;
  const read = () => (dbName ? readLastPull((k) => readItem(browserStorage(), k), dbName) : null);
  const [value, setValue] = useState<{ dbName: string | null; at: string | null }>(() => ({ dbName, at: read() }));
  useEffect(() => {
    const update = () => setValue({ dbName, at: read() });
    update();
    listeners.add(update);
    const onStorage = (e: StorageEvent) => {
      if (dbName && e.key === lastPullKey(dbName)) update();
    };
    window.addEventListener('storage', onStorage);
    return () => {
      listeners.delete(update);
      window.removeEventListener('storage', onStorage);
    };
    // read depends on dbName only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [dbName]);
  return value.dbName === dbName ? value.at : read();
}
