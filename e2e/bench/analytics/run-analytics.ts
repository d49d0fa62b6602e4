/**
 * npm run bench:analytics, first measurement: the direction dashboard over 100,000 hours rows (13 months, with
 * pay, missions and incidents slices) in a real worker in Debian's Chromium: prepareSlices + computeDashboard
 * (shared/src/analytics/) behind comlink, against a plain loop over the same arrays in the same worker, and the
 * longest main-thread task (PerformanceObserver longtask) while the worker loads and computes. Also the same
 * computation in this Node process for reference. Prints MET/MISSED, exits 0 when the bench ran.
 * Options: --runs N (default 9). The page is served on 127.0.0.1:BENCH_ANALYTICS_PORT (default 4851).
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { computeDashboard, prepareSlices } from '@coulisses/shared/analytics/dashboard';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../chromium';
import { fmt, median, ratio, verdictLine } from '../report';
import { buildPage, serve } from './bench-page';
import { DEFAULT_OPTIONS, generateSlices } from './data';
import type { BenchReport } from './page/api';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback;
};
const RUNS = Math.max(2, Number(arg('runs', '9')));
const COMPUTE_TARGET = 100;
const LONG_TASK_TARGET = 50;
const log = (line: string) => console.log(line);

/** The same prepare + compute in this Node process (median after a cold run). */
function inNode(): { cold: number; warm: number } {
  const { teamMembers: _t, months: _m, ...slices } = generateSlices(DEFAULT_OPTIONS);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const p = prepareSlices(slices);
    computeDashboard(p, { filters: { from: '2026-01-01', to: '2026-12-31' }, compare: 'previous' });
    times.push(performance.now() - t);
  }
  return { cold: times[0]!, warm: median(times.slice(1)) };
}

async function main(): Promise<void> {
  log(`bench:analytics - direction dashboard over ${DEFAULT_OPTIONS.rows} hours rows (13 months to ${DEFAULT_OPTIONS.lastMonth}, ${DEFAULT_OPTIONS.zone})`);
  log(`  1-minute load average: ${os.loadavg()[0]!.toFixed(2)} on ${os.cpus().length} cores`);
  const node = inNode();
  const outDir = await buildPage(path.join(HERE, 'page'));
  const server = await serve(outDir);
  // gc() exposed so that each load starts from a collected heap (the bench reloads the same slices many times).
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc'] });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void Promise.allSettled([browser.close(), server.close()]).then(() => process.exit(130));
    });
  }
  try {
    const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris', viewport: { width: 1366, height: 768 } });
    await context.addInitScript('globalThis.__name = (fn) => fn;');
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/`);
    await page.waitForFunction(() => Boolean((window as unknown as { __analyticsBench?: unknown }).__analyticsBench));
    const r = (await page.evaluate((runs) => (window as unknown as { __analyticsBench: { run(n: number): Promise<unknown> } }).__analyticsBench.run(runs), RUNS)) as BenchReport;

    const warm = r.runs.slice(1);
    const total = (x: { prepareMs: number; computeMs: number }) => x.prepareMs + x.computeMs;
    const warmTotal = median(warm.map(total));
    const bestTotal = Math.min(...warm.map(total));
    const baseline = median(r.baselineMs.slice(1));
    const warmCompute = median(warm.map((x) => x.computeMs));
    log('');
    log(`Chromium worker (comlink; median of runs 2 to ${RUNS}; run 1 is a cold worker; heap collected before each run: ${r.collected ? 'yes' : 'no'}); ${r.rows} hours rows in ${r.slices} slice documents`);
    log(`  plain loop over the same arrays (period sums of hours and pay, needs, incidents; baseline): ${fmt(baseline)}   (${r.baselineRows} rows in the year)`);
    log(`  prepareSlices: ${fmt(median(warm.map((x) => x.prepareMs)))}   computeDashboard (year vs previous year, heatmaps, series, incidents): ${fmt(warmCompute)}   ratio to baseline ${ratio(warmCompute, baseline)}`);
    log(`  prepare + compute: ${fmt(warmTotal)} (best ${fmt(bestTotal)})   ratio ${ratio(warmTotal, baseline)}   cold first run ${fmt(total(r.runs[0]!))} (prepare ${fmt(r.runs[0]!.prepareMs)}, compute ${fmt(r.runs[0]!.computeMs)})`);
    log('  filter changes (compute in the worker / round trip seen by the page):');
    for (const f of r.filters) log(`    ${f.name.padEnd(30)} ${fmt(median(f.computeMs))} / ${fmt(median(f.roundTripMs))}   (${f.rows} rows)`);
    log(`  the same prepare + compute in Node ${process.version}: ${fmt(node.warm)}   cold ${fmt(node.cold)}`);
    log('');
    log('Main thread (longest task, PerformanceObserver longtask; 0 = none over 50 ms)');
    log(`  while the worker computes the filter changes: ${fmt(r.computePhase.longestTaskMs)} (${r.computePhase.longTasks} long tasks in ${fmt(r.computePhase.wallMs)})`);
    log(`  loading all slices in one message (structured clone on the main thread): ${fmt(r.loadWhole.longestTaskMs)} (${r.loadWhole.longTasks} long tasks)`);
    log(`  loading one slice per message: ${fmt(r.loadPerSlice.longestTaskMs)} (${r.loadPerSlice.longTasks} long tasks in ${fmt(r.loadPerSlice.wallMs)}), then prepare ${fmt(r.loadPerSlice.prepareMs)}`);
    log('');
    log(verdictLine({ name: `prepare + compute of ${r.rows} rows in the worker`, value: warmTotal, target: COMPUTE_TARGET }));
    log(verdictLine({ name: 'longest main-thread task while the worker computes', value: r.computePhase.longestTaskMs, target: LONG_TASK_TARGET }));
    log(verdictLine({ name: 'longest main-thread task while loading one slice per message', value: r.loadPerSlice.longestTaskMs, target: LONG_TASK_TARGET }));
    log(verdictLine({ name: 'longest main-thread task while loading all slices in one message', value: r.loadWhole.longestTaskMs, target: LONG_TASK_TARGET }));
    if (errors.length > 0) log(`page errors: ${errors.slice(0, 3).join(' | ')}`);
    await context.close();
  } finally {
    await browser.close();
    await server.close();
    await fs.rm(outDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
