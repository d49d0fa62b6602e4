import type { SyncPhase, SyncStatus } from './engine';

/** What the UI shows: the engine's status (the leader tab's, in the other tabs) and who replicates. */
export interface SyncViewStatus extends SyncStatus {
  /** This tab holds the leadership: it is the one that replicates. */
  isLeader: boolean;
  /** A local store is open in this tab. */
  open: boolean;
}

const PHASES: readonly SyncPhase[] = ['idle', 'syncing', 'offline', 'signed-out', 'error', 'stopped', 'update-required'];

export const CLOSED_STATUS: SyncViewStatus = {
  phase: 'stopped',
  pending: 0,
  refused: 0,
  discarded: 0,
  lastSyncAt: null,
  lastError: null,
  firstSync: null,
  streamConnected: false,
  isLeader: false,
  open: false,
};

/** localStorage key of the leader tab's status snapshot, read by the other tabs of the same database. */
export function statusKey(dbName: string): string {
  return `cc.sync.status.${dbName}`;
}

export function serializeStatus(status: SyncStatus): string {
  const { phase, pending, refused, discarded, lastSyncAt, lastError, firstSync, streamConnected } = status;
  return JSON.stringify({ phase, pending, refused, discarded, lastSyncAt, lastError, firstSync, streamConnected });
}

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : 0);
const strOrNull = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** A snapshot written by the leader tab; null when absent or unreadable. */
export function parseStatus(raw: string | null): SyncStatus | null {
  if (!raw) return null;
  try {
    const v = JSON.parse(raw) as Record<string, unknown>;
    if (!PHASES.includes(v.phase as SyncPhase)) return null;
    const fs = v.firstSync as { received?: unknown; total?: unknown } | null | undefined;
    return {
      phase: v.phase as SyncPhase,
      pending: num(v.pending),
      refused: num(v.refused),
      discarded: num(v.discarded),
      lastSyncAt: strOrNull(v.lastSyncAt),
      lastError: strOrNull(v.lastError),
      firstSync: fs && typeof fs === 'object' ? { received: num(fs.received), total: num(fs.total) } : null,
      streamConnected: v.streamConnected === true,
    };
  } catch {
    return null;
  }
}

/**
 * The status a tab shows. The leader shows its own engine's. Another tab shows the leader's snapshot, with the
 * pending, refused and discarded counts of the shared outbox (fresher than the snapshot); without a snapshot
 * yet, idle.
 */
export function viewStatus(opts: { isLeader: boolean; own: SyncStatus; snapshot: SyncStatus | null; pending: number; refused: number; discarded?: number }): SyncViewStatus {
  if (opts.isLeader) return { ...opts.own, isLeader: true, open: true };
  const base = opts.snapshot ?? { ...opts.own, phase: 'idle' as const, firstSync: null };
  return { ...base, pending: opts.pending, refused: opts.refused, discarded: opts.discarded ?? base.discarded, isLeader: false, open: true };
}

/** What the header counts as warnings: writes refused and documents with discarded values, both to look at. */
export function warningCount(status: Pick<SyncStatus, 'refused' | 'discarded'>): number {
  return status.refused + status.discarded;
}
