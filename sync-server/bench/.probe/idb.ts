import { chromium } from '@playwright/test';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildBenchPage } from '../../../e2e/bench/browser-bench';
import { ServerHost } from '../lib/remote';
const dist = await buildBenchPage();
const host = await ServerHost.start('postgres', { clientDist: dist });
const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const call = (page: any, fn: string, arg: unknown) => page.evaluate(([n, a]: any) => (globalThis as any).__bench[n](a), [fn, arg]);
for (const mode of ['incognito', 'persistent']) {
  let page: any; let close: () => Promise<void>;
  if (mode === 'incognito') {
    const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args });
    page = await b.newPage(); close = () => b.close();
  } else {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cc-prof-'));
    const ctx = await chromium.launchPersistentContext(dir, { executablePath: '/usr/bin/chromium', args });
    page = ctx.pages()[0] ?? await ctx.newPage(); close = () => ctx.close();
  }
  await page.goto(host.url + '/');
  await page.waitForFunction(() => Boolean((globalThis as any).__bench));
  for (const n of [5000, 20000, 50000]) {
    const d = await call(page, 'dexieBaseline', { count: n, seed: 1 });
    const r = await call(page, 'bulkInsertBaseline', { count: n, seed: 1 });
    console.log(mode, n, 'dexie', d.ms.toFixed(0), 'rxdb', r.ms.toFixed(0));
  }
  await close();
}
await host.close();
