import { readItem, writeItem, type KeyValueStore } from '../lib/storage';
import type { RemovedStore } from './runtime';

/** localStorage key of the notices about local stores removed from this device (shared by the tabs). */
export const REMOVED_STORES_KEY = 'cc.sync.removed';

/** What the user is told: which organisation's data left the device, how many unsent writes went with it. */
export interface RemovedNotice extends RemovedStore {
  at: string;
}

const listeners = new Set<() => void>();

/** Listens to changes made by this tab (other tabs' changes arrive as storage events on REMOVED_STORES_KEY). */
export function subscribeRemovedNotices(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === REMOVED_STORES_KEY || event.key === null) listener();
  };
  if (typeof window !== 'undefined') window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    if (typeof window !== 'undefined') window.removeEventListener('storage', onStorage);
  };
}

function changed(): void {
  for (const l of listeners) l();
}

export function readRemovedNotices(storage: KeyValueStore | null): RemovedNotice[] {
  const raw = readItem(storage, REMOVED_STORES_KEY);
  if (!raw) return [];
  try {
    const list: unknown = JSON.parse(raw);
    if (!Array.isArray(list)) return [];
    return list.filter(
      (n): n is RemovedNotice =>
        typeof n === 'object' && n !== null && typeof (n as RemovedNotice).dbName === 'string' && typeof (n as RemovedNotice).unsent === 'number',
    );
  } catch {
    return [];
  }
}

/**
 * Adds the notice of a removed store. Every open tab removes its copy and reports it: one notice per store,
 * with the highest count of unsent writes any tab saw (a later tab may find the ledger already emptied).
 */
export function addRemovedNotice(storage: KeyValueStore | null, removed: RemovedStore, now: Date = new Date()): RemovedNotice[] {
  const list = readRemovedNotices(storage);
  const prev = list.find((n) => n.dbName === removed.dbName);
  const notice: RemovedNotice = {
    ...removed,
    orgName: removed.orgName ?? prev?.orgName ?? null,
    unsent: Math.max(removed.unsent, prev?.unsent ?? 0),
    at: prev?.at ?? now.toISOString(),
  };
  const next = [...list.filter((n) => n.dbName !== removed.dbName), notice];
  writeItem(storage, REMOVED_STORES_KEY, JSON.stringify(next));
  changed();
  return next;
}

export function dismissRemovedNotice(storage: KeyValueStore | null, dbName: string): RemovedNotice[] {
  const next = readRemovedNotices(storage).filter((n) => n.dbName !== dbName);
  writeItem(storage, REMOVED_STORES_KEY, next.length > 0 ? JSON.stringify(next) : null);
  changed();
  return next;
}
