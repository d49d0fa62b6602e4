/**
 * B2: write-to-visible latency through the SSE stream. 100 signed-in clients read GET /api/v1/sync/stream
 * (the multiplexed stream the app's SyncEngine reads); one writer pushes single missions at a modest rate;
 * the latency of a write for a client is the time from the push being sent to the document arriving on that
 * client's stream. Baseline: the round trip of a plain pull request, measured in the same run with the same
 * clients connected.
 */
import http from 'node:http';
import { missionDoc } from './lib/docs';
import { BenchClient } from './lib/http';
import type { Backend } from './lib/protocol';
import { asPulled } from './lib/push-rows';
import { ServerHost } from './lib/remote';
import type { BenchResult } from './lib/report';
import { ms, now, ratio, summarize } from './lib/stats';

export interface B2Options {
  clients: number;
  writes: number;
  intervalMs: number;
  pullSamples: number;
  backgroundDocs: number;
  log(line: string): void;
}

export const B2_DEFAULTS = { clients: 100, writes: 100, intervalMs: 200, pullSamples: 100, backgroundDocs: 5000 };

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
    let buffer = '';
    res.on('data', (chunk: string) => {
      const at = now();
      buffer += chunk;
      let idx: number;
      while ((idx = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, idx);
        buffer = buffer.slice(idx + 2);
        let event = 'message';
        let data = '';
        for (const line of block.split('\n')) {
          if (line.startsWith('event:')) event = line.slice(6).trim();
          else if (line.startsWith('data:')) data += line.slice(5).replace(/^ /, '');
        }
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

export async function runB2(backend: Backend, opts: B2Options): Promise<BenchResult> {
  const result: BenchResult = { id: `B2/${backend}`, title: `write-to-visible latency, ${opts.clients} SSE clients, one writer (${backend})`, ratios: [], absolute: [], notes: [] };
  let host: ServerHost | undefined;
  const streams: StreamClient[] = [];
  try {
    host = await ServerHost.start(backend);
    if (opts.backgroundDocs > 0) await host.call({ cmd: 'seed', count: opts.backgroundDocs, seed: 31, from: 0 });
    const sessions: { role: string; client: BenchClient }[] = [];
    for (const email of SESSIONS) sessions.push({ role: email.split('@')[0]!, client: await BenchClient.signIn(host.url, email) });
    const writer = await BenchClient.signIn(host.url, 'manager@coulisses.demo');
    const reader = await BenchClient.signIn(host.url, 'manager@coulisses.demo');

    // sent[id] = time the push was sent; seen[client][id] = time the document arrived on that client.
    const sent = new Map<string, number>();
    const seen: Map<string, number>[] = [];
    for (let i = 0; i < opts.clients; i++) {
      const s = sessions[i % sessions.length]!;
      const mine = new Map<string, number>();
      seen.push(mine);
      streams.push(
        openStream(host.url, s.client.headers(), s.role, (ids, at) => {
          for (const id of ids) if (sent.has(id) && !mine.has(id)) mine.set(id, at);
        }),
      );
    }
    await Promise.all(streams.map((s) => s.connected));
    opts.log(`${streams.length} stream clients connected`);

    // Baseline: plain pull round trips (one document after the latest change), same connected clients.
    const { lastSeq } = await host.call({ cmd: 'lastSeq' });
    const cp = encodeURIComponent(JSON.stringify({ seq: Math.max(0, lastSeq - 1) }));
    const pulls: number[] = [];
    for (let i = 0; i < opts.pullSamples; i++) {
      const t0 = now();
      await reader.json('GET', `/api/v1/sync/missions/pull?checkpoint=${cp}&limit=1`);
      pulls.push(now() - t0);
    }

    const feedBefore = await host.call({ cmd: 'feedStats' });
    const pushes: number[] = [];
    const start = now();
    for (let i = 0; i < opts.writes; i++) {
      const due = start + i * opts.intervalMs;
      const wait = due - now();
      if (wait > 0) await sleep(wait);
      const doc = { ...missionDoc(i, 41), status: 'PUBLISHED' as const, updatedAt: new Date().toISOString() };
      const t0 = now();
      sent.set(doc.id, t0);
      const res = await writer.json<{ written: number; rejected: unknown[] }>('POST', '/api/v1/sync/missions/push?details=1', [{ newDocumentState: asPulled(doc) }]);
      pushes.push(now() - t0);
      if (res.written !== 1) result.notes.push(`write ${i} not written: ${JSON.stringify(res.rejected).slice(0, 200)}`);
    }
    // Let the last writes arrive (or give up after 10 s).
    const deadline = now() + 10_000;
    while (now() < deadline && seen.some((m) => m.size < sent.size)) await sleep(20);
    const feedAfter = await host.call({ cmd: 'feedStats' });

    const latencies: number[] = [];
    const byRole = new Map<string, number[]>();
    let missing = 0;
    seen.forEach((m, i) => {
      const role = streams[i]!.role;
      for (const [id, t0] of sent) {
        const at = m.get(id);
        if (at === undefined) {
          missing += 1;
          continue;
        }
        latencies.push(at - t0);
        const list = byRole.get(role) ?? [];
        list.push(at - t0);
        byRole.set(role, list);
      }
    });
    const lat = summarize(latencies);
    const pull = summarize(pulls);
    const push = summarize(pushes);
    result.ratios.push(
      { label: 'stream latency p95 / pull round trip p50', value: ratio(lat.p95 / pull.p50) },
      { label: 'stream latency p50 / pull round trip p50', value: ratio(lat.p50 / pull.p50) },
      { label: 'stream latency p50 / push round trip p50', value: ratio(lat.p50 / push.p50) },
    );
    result.absolute.push(
      { label: `write -> visible, ${lat.n} deliveries: p50 / p95 / max`, value: `${ms(lat.p50)} / ${ms(lat.p95)} / ${ms(lat.max)}` },
      { label: 'write -> visible p95', value: ms(lat.p95), target: { met: lat.p95 <= 100 && missing === 0, text: '<= 100 ms, none lost' } },
      ...[...byRole].map(([role, v]) => {
        const s = summarize(v);
        return { label: `  ${role} clients (${v.length / opts.writes}): p50 / p95`, value: `${ms(s.p50)} / ${ms(s.p95)}` };
      }),
      { label: 'deliveries missing after 10 s', value: String(missing) },
      { label: `baseline: pull round trip (limit 1), ${pull.n} requests: p50 / p95`, value: `${ms(pull.p50)} / ${ms(pull.p95)}` },
      { label: `writer: push round trip (1 doc), ${push.n} pushes: p50 / p95`, value: `${ms(push.p50)} / ${ms(push.p95)}` },
      { label: 'stream wake-ups per write (feed events for the org)', value: ((feedAfter.emits - feedBefore.emits) / opts.writes).toFixed(2) },
    );
    result.notes.push(`${opts.writes} writes, one every ${opts.intervalMs} ms; ${SESSIONS.length} sessions (manager, admin, tech) shared by ${opts.clients} connections; ${opts.backgroundDocs} missions already stored`);
  } catch (err) {
    result.error = ((err as Error).stack ?? String(err)).split('\n').slice(0, 6).join(' | ');
  } finally {
    for (const s of streams) s.close();
    await host?.close().catch(() => undefined);
  }
  return result;
}
