/**
 * B3: push throughput with the server's conflict checks, over HTTP (POST /api/v1/sync/missions/push in
 * batches of 500, what the client's HttpTransport sends) and calling applyPush directly, against a plain
 * batch upsert (INSERT ... ON CONFLICT DO UPDATE, change numbers allocated like store.ts) of rows of the
 * same shape on the same database. Three phases: new documents, edits based on the current server state
 * (the normal case: checked, no conflict), and stale edits (real conflicts: field merge and conflict log).
 */
import os from 'node:os';
import { BenchClient } from './lib/http';
import type { Backend, PushTiming } from './lib/protocol';
import { chunks, pushRows } from './lib/push-rows';
import { ServerHost } from './lib/remote';
import type { BenchResult, Figure } from './lib/report';
import { ms, now, perSec, rate, ratio, sec, summarize } from './lib/stats';

export interface B3Options {
  docs: number;
  conflictDocs: number;
  batch: number;
  log(line: string): void;
}

export const B3_DEFAULTS = { docs: 5_000, conflictDocs: 1_000, batch: 500 };

const MANAGER = 'manager@coulisses.demo';

async function httpPush(client: BenchClient, mode: 'insert' | 'update' | 'conflict', count: number, seed: number, batch: number): Promise<PushTiming> {
  const rows = pushRows(mode, count, seed, 0);
  const out: PushTiming = { ms: 0, written: 0, conflicts: 0, rejected: 0, batches: [] };
  const t0 = now();
  for (const part of chunks(rows, batch)) {
    const b0 = now();
    const res = await client.json<{ conflicts: unknown[]; rejected: unknown[]; written: number }>('POST', '/api/v1/sync/missions/push?details=1', part);
    out.batches.push(now() - b0);
    out.written += res.written;
    out.conflicts += res.conflicts.length;
    out.rejected += res.rejected.length;
  }
  out.ms = now() - t0;
  return out;
}

const seeds = { baseline: 21, http: 22, direct: 23 };

export async function runB3(backend: Backend, opts: B3Options): Promise<BenchResult> {
  const result: BenchResult = { id: `B3/${backend}`, title: `push throughput with conflict checks, batches of ${opts.batch} (${backend})`, ratios: [], absolute: [], notes: [] };
  let host: ServerHost | undefined;
  const load0 = os.loadavg()[0]!;
  try {
    host = await ServerHost.start(backend);
    const client = await BenchClient.signIn(host.url, MANAGER);
    const h = host;
    const phases: { mode: 'insert' | 'update' | 'conflict'; n: number; label: string }[] = [
      { mode: 'insert', n: opts.docs, label: 'new documents' },
      { mode: 'update', n: opts.docs, label: 'edits on the current state (no conflict)' },
      { mode: 'conflict', n: opts.conflictDocs, label: 'stale edits (conflicts merged and logged)' },
    ];
    for (const phase of phases) {
      opts.log(`B3/${backend}: ${phase.label}...`);
      const baseline =
        phase.mode === 'conflict' ? undefined : await h.call({ cmd: 'plainUpsert', count: phase.n, seed: seeds.baseline, from: 0, batch: opts.batch, mode: phase.mode });
      const viaHttp = await httpPush(client, phase.mode, phase.n, seeds.http, opts.batch);
      const direct = await h.call({ cmd: 'directPush', count: phase.n, seed: seeds.direct, from: 0, batch: opts.batch, mode: phase.mode, email: MANAGER });
      const httpRate = rate(phase.n, viaHttp.ms);
      const directRate = rate(phase.n, direct.ms);
      if (baseline) {
        const baseRate = rate(phase.n, baseline.ms);
        result.ratios.push(
          { label: `${phase.mode}: HTTP push rate / plain upsert rate`, value: ratio(httpRate / baseRate) },
          { label: `${phase.mode}: applyPush rate / plain upsert rate`, value: ratio(directRate / baseRate) },
        );
        result.absolute.push({ label: `${phase.mode}: plain batch upsert`, value: `${perSec(baseRate)} (${sec(baseline.ms)})` });
      }
      const target = phase.mode === 'conflict' ? undefined : { met: httpRate >= 10_000, text: '>= 10,000 docs/s' };
      const lines: Figure[] = [
        { label: `${phase.mode}: POST /sync/missions/push (HTTP)`, value: `${perSec(httpRate)}`, ...(target ? { target } : {}) },
        { label: `${phase.mode}: applyPush direct`, value: `${perSec(directRate)}`, ...(target ? { target: { met: directRate >= 10_000, text: target.text } } : {}) },
        { label: `${phase.mode}: batch time p50 HTTP / direct`, value: `${ms(summarize(viaHttp.batches).p50)} / ${ms(summarize(direct.batches).p50)}` },
      ];
      result.absolute.push(...lines);
      const expectWritten = phase.n;
      const expectConflicts = phase.mode === 'conflict' ? phase.n : 0;
      for (const [name, t] of [['HTTP', viaHttp], ['direct', direct]] as const) {
        if (t.written !== expectWritten || t.rejected !== 0 || t.conflicts !== expectConflicts) {
          result.notes.push(`${phase.mode} ${name}: written ${t.written}/${expectWritten}, rejected ${t.rejected}, conflicts ${t.conflicts}/${expectConflicts}`);
        }
      }
    }
    result.notes.push(`${opts.docs} documents per phase (${opts.conflictDocs} for conflicts) per path; baseline and pushes use distinct rows of the same shape in the same table`);
    result.notes.push(`load average 1 min: ${load0.toFixed(1)} before, ${os.loadavg()[0]!.toFixed(1)} after`);
  } catch (err) {
    result.error = ((err as Error).stack ?? String(err)).split('\n').slice(0, 6).join(' | ');
  } finally {
    await host?.close().catch(() => undefined);
  }
  return result;
}
