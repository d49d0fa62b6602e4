import type { SyncViewStatus } from './status-view';

/** A read-only view of this tab's sync state on window.__ccSync, for support and the e2e tests. */
export interface SyncDebugHandle {
  dbName: string | null;
  isLeader: boolean;
  phase: SyncViewStatus['phase'];
  pending: number;
  refused: number;
  discarded: number;
}

declare global {
  interface Window {
    __ccSync?: SyncDebugHandle;
  }
}

export function publishDebugHandle(dbName: string | null, status: SyncViewStatus): void {
  window.__ccSync = { dbName, isLeader: status.isLeader, phase: status.phase, pending: status.pending, refused: status.refused, discarded: status.discarded };
}
