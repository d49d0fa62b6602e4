import { useSyncExternalStore } from 'react';
import { useOutbox } from '../sync/useSync';

const NONE = '[]';

/** Ids of this device's writes to a collection not yet taken by the server (kept current across tabs). */
export function usePendingIds(collection: string): Set<string> {
  const outbox = useOutbox();
  // A string snapshot: stable while nothing changed (useSyncExternalStore compares with Object.is).
  const json = useSyncExternalStore(
    (onChange) => outbox?.subscribe(onChange) ?? (() => undefined),
    () => (outbox ? JSON.stringify(outbox.pendingIds(collection).sort()) : NONE),
  );
  return new Set(JSON.parse(json) as string[]);
}
