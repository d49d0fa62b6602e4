/** Messages between a bench (parent process) and the server host (child process, lib/host.ts). */

export type Backend = 'pglite' | 'postgres';

export interface HostInfo {
  url: string;
  backend: Backend;
  orgId: string;
  /** Demo account ids by email. */
  accounts: Record<string, string>;
}

export type PushMode = 'insert' | 'update' | 'conflict';
export type { BenchCollection } from './collection-docs';
import type { BenchCollection } from './collection-docs';

export type Command =
  | { cmd: 'seed'; count: number; seed: number; from: number }
  | { cmd: 'seedRefs' }
  | { cmd: 'plainUpsert'; count: number; seed: number; from: number; batch: number; mode: 'insert' | 'update'; collection?: BenchCollection }
  | { cmd: 'directPush'; count: number; seed: number; from: number; batch: number; mode: PushMode; email: string; collection?: BenchCollection }
  | { cmd: 'count'; collection: BenchCollection }
  | { cmd: 'feedStats' }
  | { cmd: 'streamStats' }
  | { cmd: 'lastSeq' }
  | { cmd: 'getDocs'; ids: string[] }
  | { cmd: 'close' };

export interface PushTiming {
  ms: number;
  written: number;
  conflicts: number;
  rejected: number;
  batches: number[];
}

export interface Replies {
  seed: { ms: number; lastSeq: number };
  seedRefs: { ms: number };
  count: { live: number };
  plainUpsert: PushTiming;
  directPush: PushTiming;
  feedStats: { emits: number; emitsByCollection: Record<string, number> };
  /** The stream hub's counters (sync-server/src/sync/stream-hub.ts HubStats). */
  streamStats: { rounds: number; reads: number; polls: number; events: number };
  lastSeq: { lastSeq: number };
  getDocs: { docs: Record<string, unknown>[] };
  close: { ok: true };
}

export type Request = Command & { rid: number };
export type Reply = { rid: number; ok: true; value: unknown } | { rid: number; ok: false; error: string };
export type HostMessage = { kind: 'ready'; info: HostInfo } | { kind: 'failed'; error: string } | ({ kind: 'reply' } & Reply);
