import { useEffect, useState } from 'react';
import { combineLatest } from 'rxjs';
import { browserStorage, readItem, writeItem } from '../lib/storage';
import type { SyncStatus } from './engine';
import type { SyncRuntime } from './runtime';
import { CLOSED_STATUS, parseStatus, serializeStatus, statusKey, viewStatus, type SyncViewStatus } from './status-view';

/**
 * The status of an open store as this tab shows it. The leader tab publishes its engine's status to
 * localStorage (cc.sync.status.<dbName>); the other tabs read it there on 'storage' events.
 */
export function useRuntimeStatus(runtime: SyncRuntime | null): SyncViewStatus {
  const [status, setStatus] = useState<{ runtime: SyncRuntime; value: SyncViewStatus } | null>(null);

  useEffect(() => {
    if (!runtime) return undefined;
    const key = statusKey(runtime.target.dbName);
    let snapshot = parseStatus(readItem(browserStorage(), key));
    let latest: { leader: boolean; own: SyncStatus } | null = null;
    let published = '';
    const render = () => {
      if (!latest) return;
      const value = viewStatus({
        isLeader: latest.leader,
        own: latest.own,
        snapshot,
        pending: runtime.outbox.pendingCount(),
        refused: runtime.outbox.rejected().length,
        discarded: runtime.outbox.discarded().length,
      });
      setStatus({ runtime, value });
    };
    const sub = combineLatest([runtime.leader$, runtime.status$]).subscribe(([leader, own]) => {
      latest = { leader, own };
      if (leader) {
        const json = serializeStatus(own);
        if (json !== published) writeItem(browserStorage(), key, json);
        published = json;
      }
      render();
    });
    const onStorage = (event: StorageEvent) => {
      if (event.key !== key) return;
      snapshot = parseStatus(event.newValue);
      if (!latest?.leader) render();
    };
    const unsubscribeOutbox = runtime.outbox.subscribe(render);
    window.addEventListener('storage', onStorage);
    return () => {
      sub.unsubscribe();
      unsubscribeOutbox();
      window.removeEventListener('storage', onStorage);
    };
  }, [runtime]);

  return runtime && status?.runtime === runtime ? status.value : CLOSED_STATUS;
}
