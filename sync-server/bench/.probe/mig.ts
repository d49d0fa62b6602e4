import { chromium } from '@playwright/test';
import { buildBenchPage } from '../../../e2e/bench/browser-bench';
import { ServerHost } from '../lib/remote';
const dist = await buildBenchPage();
const host = await ServerHost.start('pglite', { clientDist: dist });
const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const call = (page: any, fn: string, arg: unknown) => page.evaluate(([n, a]: any) => (globalThis as any).__bench[n](a), [fn, arg]);
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args });
const page = await b.newPage();
await page.goto(host.url + '/');
await page.waitForFunction(() => Boolean((globalThis as any).__bench));
for (const [n, batch, mi] of [[20000, 2000, true], [20000, 10000, true], [20000, 50000, true], [20000, 500, true]] as const) {
  const r = await call(page, 'probeMigration', { n, batch, multiInstance: mi });
  console.log(n, batch, mi, JSON.stringify(r));
}
await b.close();
await host.close();
