import { useContext, useSyncExternalStore } from 'react';
import type { SyncDatabase } from './database';
import type { DiscardedEdit, Outbox, RejectedWrite } from './outbox';
import { SyncControlContext, SyncStatusContext, type SyncControl } from './sync-context';
import type { SyncViewStatus } from './status-view';

export function useSyncControl(): SyncControl {
  const value = useContext(SyncControlContext);
  if (!value) throw new Error('useSyncControl must be used inside <SyncProvider>');
  return value;
}

/** The RxDB database of the active organisation and account, or null while none is open. */
export function useSyncDatabase(): SyncDatabase | null {
  return useSyncControl().runtime?.db ?? null;
}

export function useOutbox(): Outbox | null {
  return useSyncControl().runtime?.outbox ?? null;
}

/** The sync status to show (in every tab the leader's, with the shared outbox counts). */
export function useSyncStatus(): SyncViewStatus {
  return useContext(SyncStatusContext);
}

const NONE: RejectedWrite[] = [];
const NO_DISCARDED: DiscardedEdit[] = [];

/** This device's writes the server refused, kept current across tabs. */
export function useRefusedWrites(): RejectedWrite[] {
  const outbox = useOutbox();
  return useSyncExternalStore(
    (onChange) => outbox?.subscribe(onChange) ?? (() => undefined),
    () => (outbox ? cachedRejected(outbox) : NONE),
  );
}

/** Values of this device's writes the server discarded while merging, kept current across tabs. */
export function useDiscardedEdits(): DiscardedEdit[] {
  const outbox = useOutbox();
  return useSyncExternalStore(
    (onChange) => outbox?.subscribe(onChange) ?? (() => undefined),
    () => (outbox ? cachedList(discardedCache, outbox, outbox.discarded()) : NO_DISCARDED),
  );
}

/** useSyncExternalStore needs the same array while nothing changed: cache it by its JSON. */
const cache = new WeakMap<Outbox, { json: string; list: RejectedWrite[] }>();
const discardedCache = new WeakMap<Outbox, { json: string; list: DiscardedEdit[] }>();
function cachedRejected(outbox: Outbox): RejectedWrite[] {
  return cachedList(cache, outbox, outbox.rejected());
}
function cachedList<T>(store: WeakMap<Outbox, { json: string; list: T[] }>, outbox: Outbox, list: T[]): T[] {
  const json = JSON.stringify(list);
  const hit = store.get(outbox);
  if (hit && hit.json === json) return hit.list;
  store.set(outbox, { json, list: [...list] });
  return store.get(outbox)!.list;
}
