/**
 * B2: write-to-visible latency through the SSE stream. 100, then 1,000 signed-in clients read
 * GET /api/v1/sync/stream (the multiplexed stream the app's SyncEngine reads); one writer pushes single missions
 * at a modest rate; the latency of a write for a client is the time from the push being sent to the document
 * arriving on that client's stream. Baseline: the round trip of a plain pull request, measured in the same run
 * with the same clients connected. Also counted on the server: the stream hub's change reads per write (one per
 * organisation and collection is the target, whatever the number of clients) and its passes per write.
 * The clients are node:http requests without an agent (one socket each, no pool limit), all in this process.
 */
import http from 'node:http';
import { SseDecoder } from '@coulisses/shared';
import os from 'node:os';
import { missionDoc } from './lib/docs';
import { BenchClient } from './lib/http';
import type { Backend } from './lib/protocol';
import { asPulled } from './lib/push-rows';
import { ServerHost } from './lib/remote';
import type { BenchResult } from './lib/report';
import { ms, now, ratio, summarize } from './lib/stats';

export interface B2Options {
  /** Numbers of stream clients, one measured phase each. */
  clients: number[];
  writes: number;
  intervalMs: number;
  pullSamples: number;
  backgroundDocs: number;
  log(line: string): void;
}

export const B2_DEFAULTS = { clients: [100, 1000], writes: 100, intervalMs: 200, pullSamples: 100, backgroundDocs: 5000 };

/** Who the stream clients are: sessions of three roles, each session shared by several connections. */
const SESSIONS = [
  ...Array.from({ length: 4 }, () => 'manager@coulisses.demo'),
  ...Array.from({ length: 3 }, () => 'admin@coulisses.demo'),
  ...Array.from({ length: 3 }, () => 'tech@coulisses.demo'),
];

interface StreamClient {
  role: string;
  connected: Promise<void>;
  close(): void;
}

/** One SSE connection on node:http, calling onIds with the document ids of every missions event. */
function openStream(baseUrl: string, headers: Record<string, string>, role: string, onIds: (ids: string[], at: number) => void): StreamClient {
  const url = new URL('/api/v1/sync/stream?collections=missions', baseUrl);
  let resolveConnected!: () => void;
  let rejectConnected!: (e: Error) => void;
  const connected = new Promise<void>((res, rej) => {
    resolveConnected = res;
    rejectConnected = rej;
  });
  const req = http.request(url, { method: 'GET', agent: false, headers: { ...headers, accept: 'text/event-stream' } }, (res) => {
    if (res.statusCode !== 200) {
      rejectConnected(new Error(`stream: ${res.statusCode}`));
      res.resume();
      return;
    }
    res.setEncoding('utf8');
    const decoder = new SseDecoder();
    res.on('data', (chunk: string) => {
      const at = now();
      for (const { event, data } of decoder.push(chunk)) {
        if (event === 'RESYNC') resolveConnected();
        else if (event === 'missions' && data && data !== 'RESYNC') {
          const body = JSON.parse(data) as { documents: { id: string }[] };
          onIds(
            body.documents.map((d) => d.id),
            at,
          );
        }
      }
    });
    res.on('error', () => undefined);
  });
  req.on('error', (err) => rejectConnected(err));
  req.end();
  return { role, connected, close: () => req.destroy() };
}

const sleep = (msec: number) => new Promise((r) => setTimeout(r, msec));

const openStreams = new Set<StreamClient>();

interface PhaseRun {
  clients: number;
  writes: number;
  latencies: number[];
  byRole: Map<string, number[]>;
  missing: number;
  pushes: number[];
}

/**
 * Connects `clients` streams (waiting for each one's first RESYNC event, sent once it is subscribed to the
 * change feed); write(n) then pushes n single missions at the given interval and collects, per client, when
 * each one arrived.
 */
async function measure(host: ServerHost, sessions: { role: string; client: BenchClient }[], writer: BenchClient, clients: number, intervalMs: number, seed: { next: number }, log: (l: string) => void) {
  const sent = new Map<string, number>();
  const seen: Map<string, number>[] = [];
  const roles: string[] = [];
  const streams: StreamClient[] = [];
  for (let i = 0; i < clients; i++) {
    const s = sessions[i % sessions.length]!;
    const mine = new Map<string, number>();
    seen.push(mine);
    roles.push(s.role);
    const stream = openStream(host.url, s.client.headers(), s.role, (ids, at) => {
      for (const id of ids) if (sent.has(id) && !mine.has(id)) mine.set(id, at);
    });
    streams.push(stream);
    openStreams.add(stream);
  }
  await Promise.all(streams.map((s) => s.connected));
  log(`${streams.length} stream clients connected`);
  return {
    close() {
      for (const s of streams) {
        s.close();
        openStreams.delete(s);
      }
    },
    async write(writes: number): Promise<PhaseRun> {
      const pushes: number[] = [];
      const ids: string[] = [];
      const start = now();
      for (let i = 0; i < writes; i++) {
        const due = start + i * intervalMs;
        const wait = due - now();
        if (wait > 0) await sleep(wait);
        const doc = { ...missionDoc(seed.next++, 41), status: 'PUBLISHED' as const, updatedAt: new Date().toISOString() };
        const t0 = now();
        sent.set(doc.id, t0);
        ids.push(doc.id);
        const res = await writer.json<{ written: number; rejected: unknown[] }>('POST', '/api/v1/sync/missions/push?details=1', [{ newDocumentState: asPulled(doc) }]);
        pushes.push(now() - t0);
        if (res.written !== 1) throw new Error(`write ${i} not written: ${JSON.stringify(res.rejected).slice(0, 200)}`);
      }
      // Let the last writes arrive (or give up after 10 s).
      const deadline = now() + 10_000;
      while (now() < deadline && seen.some((m) => ids.some((id) => !m.has(id)))) await sleep(20);
      const latencies: number[] = [];
      const byRole = new Map<string, number[]>();
      let missing = 0;
      seen.forEach((m, i) => {
        const role = roles[i]!;
        for (const id of ids) {
          const at = m.get(id);
          if (at === undefined) {
            missing += 1;
            continue;
          }
          const l = at - sent.get(id)!;
          latencies.push(l);
          const list = byRole.get(role) ?? [];
          list.push(l);
          byRole.set(role, list);
        }
      });
      return { clients, writes, latencies, byRole, missing, pushes };
    },
  };
}

export async function runB2(backend: Backend, opts: B2Options): Promise<BenchResult> {
  const sizes = opts.clients.join(' and ');
  const result: BenchResult = { id: `B2/${backend}`, title: `write-to-visible latency, ${sizes} SSE clients, one writer (${backend})`, ratios: [], absolute: [], notes: [] };
  let host: ServerHost | undefined;
  const load0 = os.loadavg()[0]!;
  try {
    host = await ServerHost.start(backend);
    if (opts.backgroundDocs > 0) await host.call({ cmd: 'seed', count: opts.backgroundDocs, seed: 31, from: 0 });
    const sessions: { role: string; client: BenchClient }[] = [];
    for (const email of SESSIONS) sessions.push({ role: email.split('@')[0]!, client: await BenchClient.signIn(host.url, email) });
    const writer = await BenchClient.signIn(host.url, 'manager@coulisses.demo');
    const reader = await BenchClient.signIn(host.url, 'manager@coulisses.demo');
    const writerSeed = { next: 0 };
    const p95s: number[] = [];

    for (const clients of opts.clients) {
      const load = os.loadavg()[0]!;
      const phase = await measure(host, sessions, writer, clients, opts.intervalMs, writerSeed, opts.log);
      // Baseline first: plain pull round trips (one document after the latest change), the clients connected.
      // A checkpoint carries the viewer's scope signature (else 410 SCOPE_CHANGED): take it from a first pull.
      const { lastSeq } = await host.call({ cmd: 'lastSeq' });
      const first = await reader.json<{ checkpoint: { scope?: string } }>('GET', '/api/v1/sync/missions/pull?limit=1');
      const cp = encodeURIComponent(JSON.stringify({ seq: Math.max(0, lastSeq - 1), scope: first.checkpoint.scope }));
      const pulls: number[] = [];
      for (let i = 0; i < opts.pullSamples; i++) {
        const t0 = now();
        await reader.json('GET', `/api/v1/sync/missions/pull?checkpoint=${cp}&limit=1`);
        pulls.push(now() - t0);
      }
      const before = await host.call({ cmd: 'streamStats' });
      const run = await phase.write(opts.writes);
      const after = await host.call({ cmd: 'streamStats' });
      phase.close();

      const { latencies, byRole, missing, pushes } = run;
      const lat = summarize(latencies);
      const pull = summarize(pulls);
      const push = summarize(pushes);
      const reads = (after.reads - before.reads) / opts.writes;
      const rounds = (after.rounds - before.rounds) / opts.writes;
      p95s.push(lat.p95);
      result.ratios.push(
        { label: `${clients} clients: stream p95 / pull round trip p50`, value: ratio(lat.p95 / pull.p50) },
        { label: `${clients} clients: stream p50 / pull round trip p50`, value: ratio(lat.p50 / pull.p50) },
        { label: `${clients} clients: stream p50 / push round trip p50`, value: ratio(lat.p50 / push.p50) },
        { label: `${clients} clients: change reads per write (org, collection)`, value: reads.toFixed(2), target: { met: reads <= 1, text: '1 read per write per organisation' } },
      );
      result.absolute.push(
        { label: `${clients} clients: write -> visible, ${lat.n} deliveries: p50 / p95 / max`, value: `${ms(lat.p50)} / ${ms(lat.p95)} / ${ms(lat.max)}` },
        { label: `${clients} clients: write -> visible p95`, value: ms(lat.p95), target: { met: lat.p95 <= 100 && missing === 0, text: '<= 100 ms, none lost' } },
        ...[...byRole].map(([role, v]) => {
          const s = summarize(v);
          return { label: `  ${role} clients (${v.length / opts.writes}): p50 / p95`, value: `${ms(s.p50)} / ${ms(s.p95)}` };
        }),
        { label: `${clients} clients: deliveries missing after 10 s`, value: String(missing) },
        { label: `${clients} clients: baseline pull round trip (limit 1), p50 / p95`, value: `${ms(pull.p50)} / ${ms(pull.p95)}` },
        { label: `${clients} clients: writer's push round trip, p50 / p95`, value: `${ms(push.p50)} / ${ms(push.p95)}` },
        { label: `${clients} clients: hub passes per write (wake-ups)`, value: rounds.toFixed(2) },
        { label: `${clients} clients: hub polls during the phase (all orgs, one query)`, value: String(after.polls - before.polls) },
        { label: `${clients} clients: load average 1 min at the start of the phase`, value: load.toFixed(1) },
      );
    }
    if (p95s.length > 1) result.ratios.push({ label: `stream p95, ${opts.clients.at(-1)} clients / ${opts.clients[0]} clients`, value: ratio(p95s.at(-1)! / p95s[0]!) });
    result.notes.push(`${opts.writes} writes per phase, one every ${opts.intervalMs} ms; ${SESSIONS.length} sessions (manager, admin, tech) shared by the connections; ${opts.backgroundDocs} missions already stored`);
    result.notes.push(`clients, writer and server on this machine (server in its own process); load average 1 min: ${load0.toFixed(1)} before, ${os.loadavg()[0]!.toFixed(1)} after`);
  } catch (err) {
    result.error = ((err as Error).stack ?? String(err)).split('\n').slice(0, 6).join(' | ');
  } finally {
    for (const s of openStreams) s.close();
    await host?.close().catch(() => undefined);
  }
  return result;
}
