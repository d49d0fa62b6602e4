/** What the bench page (browser/main.ts) exposes on window.__bench, as seen by the Node runner. */

export interface Me {
  accountId: string;
  orgId: string;
  role: string;
}

export interface PullStats {
  requests: number;
  documents: number;
  /** Time spent in HttpTransport.pull (request, server, download, JSON parse), summed. */
  pullMs: number;
  countsMs: number;
  /** Snapshot pages (first sync): requests, documents, time inside HttpTransport.snapshot summed. */
  snapshotRequests: number;
  snapshotDocuments: number;
  snapshotMs: number;
}

export interface FirstSyncResult {
  openMs: number;
  syncMs: number;
  count: number;
  /** Live missions the manager may read on the server (the seeded ones and the demo's). */
  serverCount: number;
  pull: PullStats;
  /** engine.start until the window of every collection is in the local store. */
  windowMs: number;
  /** Then the first screen's query (this week's missions from the local store, sorted), while history loads. */
  firstScreenQueryMs: number;
  firstScreenDocs: number;
  /** Missions in the window (the planner's current weeks). */
  windowDocs: number;
  /** Main-thread long tasks (PerformanceObserver 'longtask') during the first sync: count and longest, ms. */
  longTasks: number;
  longestTaskMs: number;
}

export interface BaselineResult {
  ms: number;
  count: number;
}

export interface LocalWritesResult {
  edited: { id: string; title: string }[];
  inserted: string[];
  pending: number;
}

export interface UpgradeResult {
  /** openSyncDatabase at the new version (client/src/sync/upgrade.ts: drop, carry the unpushed writes over). */
  upgradeMs: number;
  /** Time since the open started at the end of each upgrade step (read, written, committed, dropped). */
  steps: Record<string, number>;
  /** Documents in the collection right after the upgrade (the unpushed ones). */
  localAfterUpgrade: number;
  pendingAfterUpgrade: number;
  /** The edited documents as found locally after the upgrade (their local, unpushed values). */
  editedLocal: { id: string; title: string }[];
  /** Replication after the upgrade: time until in sync (push of the carried writes, pull of the rest). */
  syncMs: number;
  countAfterSync: number;
  pull: PullStats;
  pendingAfterSync: number;
  refused: number;
  /** IndexedDB databases of this RxDB database right after the upgrade (RxDB's Dexie storage: one per instance). */
  idbDatabases: string[];
}

export interface HookProbeResult {
  n: number;
  ms: number;
  pending: number;
}

export interface BenchApi {
  signIn(opts: { email: string; password: string }): Promise<Me>;
  firstSync(opts: { name: string; version: number; pullBatchSize: number; snapshot?: boolean }): Promise<FirstSyncResult>;
  localWrites(opts: { edits: number; inserts: number; seed: number }): Promise<LocalWritesResult>;
  closeSync(opts?: undefined): Promise<void>;
  bulkInsertBaseline(opts: { count: number; seed: number }): Promise<BaselineResult>;
  replicationBaseline(opts: { count: number; seed: number; batch: number }): Promise<BaselineResult>;
  dexieBaseline(opts: { count: number; seed: number }): Promise<BaselineResult>;
  hookProbe(opts: { n: number; seed: number }): Promise<HookProbeResult>;
  upgrade(opts: { name: string; version: number }): Promise<UpgradeResult>;
}
