/**
 * B1 (first sync of 50 000 documents into a fresh Chromium client) and B4 (schema upgrade of the same local
 * data with unpushed writes), in Debian's Chromium against the real sync server. The bench page
 * (browser/) is built with Vite's programmatic build and served by the sync server itself (CLIENT_DIST), so
 * the page and the API share one origin and the session cookie works as in the app.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { build } from 'vite';
import type { Backend } from '../../sync-server/bench/lib/protocol';
import { ServerHost } from '../../sync-server/bench/lib/remote';
import type { BenchResult } from '../../sync-server/bench/lib/report';
import { ms, perSec, rate, ratio, sec } from '../../sync-server/bench/lib/stats';
import type { BenchApi } from './browser/api';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SIGN_IN = { email: 'manager@coulisses.demo', password: 'coulisses2026' };

export interface BrowserBenchOptions {
  backend: Backend;
  docs: number;
  pullBatchSize: number;
  edits: number;
  inserts: number;
  /** B1 only (`--only B1`): the schema upgrade B4 is not run. */
  skipB4?: boolean;
  log(line: string): void;
}

/** Builds the bench page into a temporary directory (served by the sync server as its client). */
export async function buildBenchPage(): Promise<string> {
  const outDir = await fs.mkdtemp(path.join(os.tmpdir(), 'cc-bench-page-'));
  await build({
    root: path.join(HERE, 'browser'),
    configFile: false,
    logLevel: 'warn',
    mode: 'production',
    build: { outDir, emptyOutDir: true, sourcemap: false, reportCompressedSize: false, chunkSizeWarningLimit: 10_000 },
  });
  return outDir;
}

type Fn = keyof BenchApi;
type Arg<K extends Fn> = Parameters<BenchApi[K]>[0];
type Ret<K extends Fn> = Awaited<ReturnType<BenchApi[K]>>;

/** A fresh page load of the bench page (a new JS context: cold caches, the registry as shipped). */
async function freshPage(context: BrowserContext, page: Page | undefined, url: string, errors: string[]): Promise<Page> {
  if (page) {
    await page.goto(`${url}/`);
  } else {
    page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(`console: ${msg.text().slice(0, 300)}`);
    });
    await page.goto(`${url}/`);
  }
  await page.waitForFunction(() => Boolean((globalThis as unknown as { __bench?: unknown }).__bench));
  return page;
}

/**
 * Runs `fn` in its own Chromium with a new persistent profile on disk (like an installed PWA; a throw-away
 * context would keep IndexedDB in memory). A new profile per measurement keeps one measurement's leftovers
 * (IndexedDB compaction after a large delete) from slowing the next one.
 */
async function inProfile<T>(url: string, errors: string[], fn: (open: () => Promise<Page>) => Promise<T>): Promise<T> {
  const profile = await fs.mkdtemp(path.join(os.tmpdir(), 'cc-bench-profile-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  let page: Page | undefined;
  try {
    return await fn(async () => {
      page = await freshPage(context, page, url, errors);
      await call(page, 'signIn', SIGN_IN);
      return page;
    });
  } finally {
    await context.close().catch(() => undefined);
    await fs.rm(profile, { recursive: true, force: true });
  }
}

function call<K extends Fn>(page: Page, fn: K, arg: Arg<K>): Promise<Ret<K>> {
  return page.evaluate(
    ([name, a]) => {
      const bench = (globalThis as unknown as { __bench: Record<string, (x: unknown) => Promise<unknown>> }).__bench;
      return bench[name as string]!(a);
    },
    [fn, arg] as const,
  ) as Promise<Ret<K>>;
}

export async function runBrowserBench(opts: BrowserBenchOptions): Promise<BenchResult[]> {
  const { log } = opts;
  const b1: BenchResult = { id: `B1/${opts.backend}`, title: `first sync of ${opts.docs.toLocaleString('en-US')} missions into a fresh Chromium client (${opts.backend})`, ratios: [], absolute: [], notes: [] };
  const b4: BenchResult = { id: `B4/${opts.backend}`, title: `schema upgrade of ${opts.docs.toLocaleString('en-US')} local missions with unpushed writes, Chromium (${opts.backend})`, ratios: [], absolute: [], notes: [] };
  const errors: string[] = [];
  let dist: string | undefined;
  let host: ServerHost | undefined;
  try {
    log('building the bench page (vite)...');
    dist = await buildBenchPage();
    log(`starting the sync server (${opts.backend})...`);
    host = await ServerHost.start(opts.backend, { clientDist: dist });
    const seeded = await host.call({ cmd: 'seed', count: opts.docs, seed: 1, from: 0 });
    log(`seeded ${opts.docs} missions in ${ms(seeded.ms)}`);
    const url = host.url;
    const load0 = os.loadavg()[0]!;
    log('B1 baselines: Dexie bulkPut, RxDB bulkInsert, RxDB replication from memory...');
    const dexie = await inProfile(url, errors, async (open) => call(await open(), 'dexieBaseline', { count: opts.docs, seed: 1 }));
    const bulk = await inProfile(url, errors, async (open) => call(await open(), 'bulkInsertBaseline', { count: opts.docs, seed: 1 }));
    const repl = await inProfile(url, errors, async (open) => call(await open(), 'replicationBaseline', { count: opts.docs, seed: 1, batch: opts.pullBatchSize }));

    log('B1 first sync through SyncEngine...');
    const h = host;
    await inProfile(url, errors, async (open) => {
      const page = await open();
      const me = await call(page, 'signIn', SIGN_IN);
      const name = `cc_bench_${me.orgId.toLowerCase().replace(/[^a-z0-9]/g, '')}_${Date.now()}`;
      const sync = await call(page, 'firstSync', { name, version: 0, pullBatchSize: opts.pullBatchSize });
      if (sync.count !== sync.serverCount) b1.notes.push(`WRONG COUNT after first sync: ${sync.count} local documents, ${sync.serverCount} on the server`);
      if (bulk.count !== opts.docs || dexie.count !== opts.docs || repl.count !== opts.docs) {
        b1.notes.push(`baseline counts: bulkInsert ${bulk.count}, Dexie ${dexie.count}, replication from memory ${repl.count}`);
      }
      const e2eRate = rate(sync.count, sync.syncMs);
      b1.ratios.push(
        { label: 'first sync time / RxDB bulkInsert time', value: ratio(sync.syncMs / bulk.ms), target: { met: sync.syncMs / bulk.ms <= 1.3, text: '<= 1.30x' } },
        { label: 'first sync time / Dexie bulkPut time', value: ratio(sync.syncMs / dexie.ms) },
        { label: 'first sync time / RxDB replication from memory time', value: ratio(sync.syncMs / repl.ms) },
        { label: 'RxDB replication from memory / RxDB bulkInsert', value: ratio(repl.ms / bulk.ms) },
        { label: 'RxDB bulkInsert time / Dexie bulkPut time', value: ratio(bulk.ms / dexie.ms) },
      );
      const screenMs = sync.windowMs + sync.firstScreenQueryMs;
      b1.ratios.push({ label: 'first usable screen (window in the store + first screen query) / full first sync', value: ratio(screenMs / sync.syncMs) });
      b1.absolute.push(
        { label: 'first sync end to end (engine.start until in sync)', value: sec(sync.syncMs) },
        { label: 'first sync throughput', value: perSec(e2eRate), target: { met: e2eRate >= 5000, text: '>= 5,000 docs/s' } },
        { label: 'first usable screen on a new manager device (window in the store, then this week queried)', value: sec(screenMs), target: { met: screenMs <= 2000, text: '<= 2 s' } },
        { label: '  of which window in the store / first screen query', value: `${ms(sync.windowMs)} / ${ms(sync.firstScreenQueryMs)}` },
        { label: '  missions in the window (current weeks) / on the first screen (this week)', value: `${sync.windowDocs} / ${sync.firstScreenDocs}` },
        { label: '  main-thread long tasks during the first sync: count / longest', value: `${sync.longTasks} / ${ms(sync.longestTaskMs)}` },
        { label: `  snapshot pages, time inside HttpTransport.snapshot (overlapped with writes)`, value: `${sync.pull.snapshotRequests} (${sync.pull.snapshotDocuments} docs) / ${sec(sync.pull.snapshotMs)}` },
        { label: `  of which GET /sync/counts (first-sync progress)`, value: ms(sync.pull.countsMs) },
        { label: `  pull requests after the snapshot (limit ${opts.pullBatchSize}), time inside HttpTransport.pull`, value: `${sync.pull.requests} / ${sec(sync.pull.pullMs)}` },
        { label: 'openSyncDatabase (not in the sync time)', value: ms(sync.openMs) },
        { label: 'RxDB bulkInsert of the same documents', value: `${sec(bulk.ms)} (${perSec(rate(opts.docs, bulk.ms))})` },
        { label: 'Dexie bulkPut of the same documents', value: `${sec(dexie.ms)} (${perSec(rate(opts.docs, dexie.ms))})` },
        { label: 'RxDB replication, same docs from memory (no server)', value: `${sec(repl.ms)} (${perSec(rate(opts.docs, repl.ms))})` },
        { label: 'server seed (direct multi-row insert, not in any ratio)', value: sec(seeded.ms) },
      );

      b1.notes.push(`SyncEngine as the app runs it (multiInstance, waitForLeadership), snapshot first sync (window first, pages of 2000), stream off, pullBatchSize ${opts.pullBatchSize}; persistent Chromium profile; load average 1 min: ${load0.toFixed(1)} before, ${os.loadavg()[0]!.toFixed(1)} after`);

      if (opts.skipB4) return;
      await runB4(b4, { page, open, host: h, name, opts, bulkMs: bulk.ms, firstSyncMs: sync.syncMs, synced: sync.count });
    });

    log('outbox hook probe (bulkInsert through openSyncDatabase)...');
    const probes = await inProfile(url, errors, async (open) => {
      const out = [];
      for (const n of [500, 1000, 2000]) out.push(await call(await open(), 'hookProbe', { n, seed: 3 }));
      return out;
    });
    b1.notes.push(
      `local bulkInsert into an openSyncDatabase collection (outbox hooks): ${probes.map((p) => `${p.n} docs ${ms(p.ms)}`).join(', ')} ` +
        `(plain RxDB bulkInsert above: ${ms((bulk.ms * 1000) / opts.docs)} per 1000 docs)`,
    );
  } catch (err) {
    const message = ((err as Error).stack ?? String(err)).split('\n').slice(0, 6).join(' | ');
    if (b1.ratios.length === 0) b1.error = message;
    if (b4.absolute.length === 0) b4.error = message;
    else b1.notes.push(`probe failed: ${message}`);
  } finally {
    await host?.close().catch(() => undefined);
    if (dist) await fs.rm(dist, { recursive: true, force: true });
  }
  const seen = [...new Set(errors)].slice(0, 5);
  for (const e of seen) b1.notes.push(`browser ${e}`);
  return [b1, b4];
}

interface B4Input {
  page: Page;
  open: () => Promise<Page>;
  host: ServerHost;
  /** The store B1 synced (its profile, same run). */
  name: string;
  opts: BrowserBenchOptions;
  /** Same-run baselines: RxDB bulkInsert of the same documents, and B1's first sync. */
  bulkMs: number;
  firstSyncMs: number;
  /** Documents B1's first sync brought (the seeded ones and the demo organisation's own). */
  synced: number;
}

/**
 * B4: the store B1 synced gets unpushed writes (edits and inserts, offline), then the page opens it with the
 * missions schema one version up. Measured: openSyncDatabase at the new version (the upgrade), against the
 * same-run RxDB bulkInsert of the same documents; then the replication until in sync (the carried writes
 * pushed, the rest pulled again), against B1's first sync.
 */
async function runB4(b4: BenchResult, input: B4Input): Promise<void> {
  const { open, host, name, opts } = input;
  let page = input.page;
  const log = opts.log;
  log('B4 unpushed local writes, then the schema upgrade...');
  const load4 = os.loadavg()[0]!;
  const writes = await call(page, 'localWrites', { edits: opts.edits, inserts: opts.inserts, seed: 7 });
  await call(page, 'closeSync', undefined);
  page = await open();
  const up = await call(page, 'upgrade', { name, version: 1 });
  const unpushed = opts.edits + opts.inserts;
  const expectedLocal = input.synced + opts.inserts;
  const keptLocally = writes.edited.filter((w) => up.editedLocal.some((l) => l.id === w.id && l.title === w.title)).length;
  const onServer = (await host.call({ cmd: 'getDocs', ids: [...writes.edited.map((w) => w.id), ...writes.inserted] })).docs;
  const pushedEdits = writes.edited.filter((w) => onServer.some((d) => d.id === w.id && d.title === w.title)).length;
  const pushedInserts = writes.inserted.filter((id) => onServer.some((d) => d.id === id && !d._deleted)).length;
  const survived = up.localAfterUpgrade === unpushed && keptLocally === opts.edits && up.pendingAfterUpgrade === writes.pending;
  const pushed = pushedEdits === opts.edits && pushedInserts === opts.inserts && up.pendingAfterSync === 0 && up.refused === 0;
  await call(page, 'closeSync', undefined);
  const step = (p: string) => (up.steps[p] === undefined ? '-' : ms(up.steps[p]!));

  b4.ratios.push(
    { label: 'schema upgrade time / RxDB bulkInsert of the same docs', value: ratio(up.upgradeMs / input.bulkMs) },
    { label: 'resync after the upgrade / first sync (B1)', value: ratio(up.syncMs / input.firstSyncMs) },
  );
  b4.absolute.push(
    { label: 'schema upgrade v0 -> v1 (openSyncDatabase at v1)', value: sec(up.upgradeMs), target: { met: up.upgradeMs <= 10_000, text: '<= 10 s' } },
    { label: '  steps done at: read / written / committed / old version deleted', value: `${step('read')} / ${step('written')} / ${step('committed')} / ${step('dropped')}` },
    { label: 'documents right after the upgrade: carried over (unpushed)', value: `${up.localAfterUpgrade} (${unpushed})` },
    { label: 'unpushed writes kept: edits with local value / pending in outbox', value: `${keptLocally}/${opts.edits}, ${up.pendingAfterUpgrade}/${writes.pending}` },
    { label: 'replication after the upgrade until in sync (push + pull again)', value: sec(up.syncMs) },
    { label: '  documents pulled again / local after it (expected)', value: `${up.pull.documents} in ${up.pull.requests} requests / ${up.countAfterSync} (${expectedLocal})` },
    { label: 'unpushed writes on the server after it: edits / inserts', value: `${pushedEdits}/${opts.edits}, ${pushedInserts}/${opts.inserts}` },
    { label: 'IndexedDB databases of the store right after the upgrade', value: String(up.idbDatabases.length) },
    { label: 'RxDB bulkInsert of the same documents (baseline, B1)', value: sec(input.bulkMs) },
  );
  b4.notes.push(survived ? 'unpushed writes survived the upgrade (local values and outbox intact)' : 'FAILED: unpushed writes did NOT all survive the upgrade');
  b4.notes.push(pushed ? 'unpushed writes were pushed after the upgrade and are on the server' : `FAILED: unpushed writes not all pushed (pending ${up.pendingAfterSync}, refused ${up.refused})`);
  if (up.countAfterSync !== expectedLocal) b4.notes.push(`FAILED: ${up.countAfterSync} documents after the resync, expected ${expectedLocal}`);
  b4.notes.push(`IndexedDB databases after the upgrade: ${up.idbDatabases.map((n) => n.replace(name, '<db>')).join(', ')}`);
  b4.notes.push(`${opts.edits} edits and ${opts.inserts} inserts made offline before the upgrade; load average 1 min: ${load4.toFixed(1)} before, ${os.loadavg()[0]!.toFixed(1)} after`);
}
