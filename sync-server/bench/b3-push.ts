/**
 * B3: push throughput with the server's checks, per collection (missions, assignments, users, timesheets,
 * field_events), over HTTP (POST /api/v1/sync/<collection>/push in batches of 500, what the client's
 * HttpTransport sends) and calling applyPush directly in the server process, against a plain batch upsert
 * (INSERT ... ON CONFLICT DO UPDATE, change numbers allocated like store.ts) of documents of the same shape in
 * the same table, measured in the same run. Phases per collection: new documents, then edits based on the
 * current server state (the normal case: checked, no conflict; none for the append-only field events); for
 * missions also stale edits (real conflicts: field merge and conflict log).
 */
import os from 'node:os';
import { APPEND_ONLY, BENCH_COLLECTIONS, type BenchCollection } from './lib/collection-docs';
import { BenchClient } from './lib/http';
import type { Backend, PushMode, PushTiming } from './lib/protocol';
import { chunks, pushRows } from './lib/push-rows';
import { ServerHost } from './lib/remote';
import type { BenchResult, Figure } from './lib/report';
import { ms, now, perSec, rate, ratio, sec, summarize } from './lib/stats';

export interface B3Options {
  docs: number;
  conflictDocs: number;
  batch: number;
  collections?: readonly BenchCollection[];
  log(line: string): void;
}

export const B3_DEFAULTS = { docs: 5_000, conflictDocs: 1_000, batch: 500 };
export const B3_TARGET_RATE = 10_000;
export const B3_TARGET_RATIO = 0.5;

const MANAGER = 'manager@coulisses.demo';
const SEED = 21;

async function httpPush(client: BenchClient, collection: BenchCollection, mode: PushMode, count: number, from: number, batch: number): Promise<PushTiming> {
  const rows = pushRows(mode, count, SEED, from, collection);
  const out: PushTiming = { ms: 0, written: 0, conflicts: 0, rejected: 0, batches: [] };
  const t0 = now();
  for (const part of chunks(rows, batch)) {
    const b0 = now();
    const res = await client.json<{ conflicts: unknown[]; rejected: unknown[]; written: number }>('POST', `/api/v1/sync/${collection}/push?details=1`, part);
    out.batches.push(now() - b0);
    out.written += res.written;
    out.conflicts += res.conflicts.length;
    out.rejected += res.rejected.length;
  }
  out.ms = now() - t0;
  return out;
}

export async function runB3(backend: Backend, opts: B3Options): Promise<BenchResult> {
  const result: BenchResult = { id: `B3/${backend}`, title: `push throughput per collection with every check, batches of ${opts.batch} (${backend})`, ratios: [], absolute: [], notes: [] };
  let host: ServerHost | undefined;
  const load0 = os.loadavg()[0]!;
  const n = opts.docs;
  // Distinct index ranges per path: baseline [0, n), HTTP [n, 2n), direct [2n, 3n).
  const range = { baseline: 0, http: n, direct: 2 * n };
  try {
    host = await ServerHost.start(backend, { jobRunner: false });
    const h = host;
    await h.call({ cmd: 'seedRefs' });
    const client = await BenchClient.signIn(h.url, MANAGER);
    for (const collection of opts.collections ?? BENCH_COLLECTIONS) {
      const modes: PushMode[] = APPEND_ONLY.has(collection) ? ['insert'] : collection === 'missions' ? ['insert', 'update', 'conflict'] : ['insert', 'update'];
      for (const mode of modes) {
        const count = mode === 'conflict' ? Math.min(opts.conflictDocs, n) : n;
        const tag = `${collection} ${mode === 'insert' ? 'new' : mode === 'update' ? 'edits' : 'stale edits'}`;
        opts.log(`B3/${backend}: ${tag}...`);
        const baseline = mode === 'conflict' ? undefined : await h.call({ cmd: 'plainUpsert', collection, count, seed: SEED, from: range.baseline, batch: opts.batch, mode });
        const viaHttp = await httpPush(client, collection, mode, count, range.http, opts.batch);
        const direct = await h.call({ cmd: 'directPush', collection, count, seed: SEED, from: range.direct, batch: opts.batch, mode, email: MANAGER });
        const httpRate = rate(count, viaHttp.ms);
        const directRate = rate(count, direct.ms);
        if (baseline) {
          const baseRate = rate(count, baseline.ms);
          const r = httpRate / baseRate;
          result.ratios.push(
            { label: `${tag}: HTTP push / plain upsert`, value: ratio(r), target: { met: r >= B3_TARGET_RATIO, text: `>= ${B3_TARGET_RATIO}x` } },
            { label: `${tag}: applyPush / plain upsert`, value: ratio(directRate / baseRate) },
          );
          result.absolute.push({ label: `${tag}: plain batch upsert`, value: `${perSec(baseRate)} (${sec(baseline.ms)})` });
        }
        const target = mode === 'conflict' ? undefined : { met: httpRate >= B3_TARGET_RATE, text: `>= ${B3_TARGET_RATE.toLocaleString('en-US')} docs/s` };
        const lines: Figure[] = [
          { label: `${tag}: HTTP push`, value: perSec(httpRate), ...(target ? { target } : {}) },
          { label: `${tag}: applyPush direct`, value: perSec(directRate) },
          { label: `${tag}: batch p50 HTTP / direct`, value: `${ms(summarize(viaHttp.batches).p50)} / ${ms(summarize(direct.batches).p50)}` },
        ];
        result.absolute.push(...lines);
        const expectConflicts = mode === 'conflict' ? count : 0;
        for (const [name, t] of [['HTTP', viaHttp], ['direct', direct]] as const) {
          if (t.written !== count || t.rejected !== 0 || t.conflicts !== expectConflicts) {
            result.notes.push(`${tag} ${name}: written ${t.written}/${count}, rejected ${t.rejected}, conflicts ${t.conflicts}/${expectConflicts}`);
          }
        }
      }
    }
    result.notes.push(`${n} documents per phase and path (${opts.conflictDocs} stale edits of missions); baseline, HTTP and direct write distinct documents of the same shape in the same table`);
    result.notes.push('the job runner is off in this server: the refresh jobs the pushes queue (analytics, automatic KPIs) are queued in the push transaction and run elsewhere');
    result.notes.push(`load average 1 min: ${load0.toFixed(1)} before, ${os.loadavg()[0]!.toFixed(1)} after`);
  } catch (err) {
    result.error = ((err as Error).stack ?? String(err)).split('\n').slice(0, 6).join(' | ');
  } finally {
    await host?.close().catch(() => undefined);
  }
  return result;
}
