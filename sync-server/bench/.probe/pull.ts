import { ServerHost } from '../lib/remote';
import { BenchClient } from '../lib/http';
const backend = (process.argv[2] ?? 'postgres') as 'postgres' | 'pglite';
const t0 = performance.now();
const host = await ServerHost.start(backend);
console.log('start', performance.now() - t0);
const s = await host.call({ cmd: 'seed', count: 50000, seed: 1, from: 0 });
console.log('seed', s);
const c = await BenchClient.signIn(host.url, 'manager@coulisses.demo');
let t = performance.now();
const counts = await c.json('GET', '/api/v1/sync/counts');
console.log('counts ms', performance.now() - t, counts);
for (const limit of [500, 1000]) {
  t = performance.now();
  let cp = { seq: 0 }; let n = 0; let reqs = 0; const lat: number[] = [];
  for (;;) {
    const r0 = performance.now();
    const r = await c.json<{ documents: unknown[]; checkpoint: { seq: number } }>('GET', `/api/v1/sync/missions/pull?checkpoint=${encodeURIComponent(JSON.stringify(cp))}&limit=${limit}`);
    lat.push(performance.now() - r0);
    reqs++; n += r.documents.length; cp = r.checkpoint;
    if (r.documents.length === 0) break;
  }
  const el = performance.now() - t;
  lat.sort((a, b) => a - b);
  console.log('limit', limit, 'docs', n, 'reqs', reqs, 'ms', el.toFixed(0), 'docs/s', (n / el * 1000).toFixed(0), 'p50', lat[lat.length >> 1]?.toFixed(1));
}
await host.close();
