import { chromium } from '@playwright/test';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildBenchPage } from '../../../e2e/bench/browser-bench';
import { ServerHost } from '../lib/remote';
const N = Number(process.argv[2] ?? 10000);
const dist = await buildBenchPage();
const host = await ServerHost.start('postgres', { clientDist: dist });
await host.call({ cmd: 'seed', count: N, seed: 1, from: 0 });
const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cc-prof-'));
const ctx = await chromium.launchPersistentContext(dir, { executablePath: '/usr/bin/chromium', args });
const page = ctx.pages()[0] ?? await ctx.newPage();
const call = (fn: string, arg: unknown) => page.evaluate(([n, a]: any) => (globalThis as any).__bench[n](a), [fn, arg] as const);
for (const batch of [500, 100]) for (let k = 0; k < 2; k++) {
  await page.goto(host.url + '/'); await page.waitForFunction(() => Boolean((globalThis as any).__bench));
  await call('signIn', { email: 'manager@coulisses.demo', password: 'coulisses2026' });
  const r = await call('replicationBaseline', { count: N, seed: 1, batch });
  await page.goto(host.url + '/'); await page.waitForFunction(() => Boolean((globalThis as any).__bench));
  await call('signIn', { email: 'manager@coulisses.demo', password: 'coulisses2026' });
  const s = await call('firstSync', { name: 'p' + Date.now(), version: 0, pullBatchSize: batch });
  await call('closeSync', undefined);
  console.log('batch', batch, 'repl', r.ms.toFixed(0), 'sync', s.syncMs.toFixed(0), 'load', os.loadavg()[0].toFixed(1));
}
await ctx.close(); await host.close();
