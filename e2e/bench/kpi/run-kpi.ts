/**
 * npm run bench:kpi: statuses and year-to-date aggregates of 500 weekly KPIs with 5 years of values (about
 * 130 000 values) computed by the app's KPI worker in Debian's Chromium (dashboardTiles over every KPI: the time
 * inside the worker, median after a cold run) against a plain loop over the same values in the same worker
 * call; the direction summary in the same worker; and the direction view (the app's DirectionView, React) rendered
 * from that summary, against the same view without dashboards in the same page. The bench page is built with
 * Vite's programmatic build and served by a small static server; no sync server, no database. Prints MISSED for
 * a missed target, exits 0. Options: --kpis N --years N --today YYYY-MM-DD --runs N
 */
import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { build } from 'vite';
import { KpiEngine } from '../../../client/src/workers/kpi-engine';
import type { DirectionRequest, TilesRequest } from '../../../client/src/workers/kpi-api';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../chromium';
import { fmt, median, ratio, verdictLine } from '../report';
import { generateKpis } from './data';
import type { KpiBenchApi } from './page/api';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback;
};
const OPTS = { kpis: Number(arg('kpis', '500')), years: Number(arg('years', '5')), today: arg('today', '2026-12-09'), missingRate: 0.03 };
const RUNS = Number(arg('runs', '11'));
const RENDER_RUNS = Number(arg('render-runs', '7'));
const TILES_TARGET = 50;
const RENDER_TARGET = 300;
const log = (line: string) => console.log(line);

async function buildPage(): Promise<string> {
  const outDir = await fs.mkdtemp(path.join(os.tmpdir(), 'cc-bench-kpi-'));
  await build({
    root: path.join(HERE, 'page'),
    configFile: false,
    logLevel: 'warn',
    mode: 'production',
    worker: { format: 'es', rolldownOptions: { checks: { bundlerTimings: false } } },
    build: { outDir, emptyOutDir: true, sourcemap: false, reportCompressedSize: false, rolldownOptions: { checks: { bundlerTimings: false } } },
  });
  return outDir;
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.woff2': 'font/woff2', '.svg': 'image/svg+xml' };

async function serve(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/+/, '') || 'index.html';
    const file = path.join(dir, path.normalize(rel));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    fs.readFile(file).then(
      (body) => res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(body),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** The same tiles in this Node process, for reference (median after a cold run). */
function inNode(request: TilesRequest): { cold: number; warm: number } {
  const engine = new KpiEngine();
  const times: number[] = [];
  for (let i = 0; i <= RUNS; i++) times.push(engine.dashboardTiles(request).stats.computeMs);
  return { cold: times[0]!, warm: median(times.slice(1)) };
}

async function main(): Promise<void> {
  const data = generateKpis(OPTS);
  log(`bench:kpi - ${data.kpis.length} weekly KPIs x ${data.weeks} weeks (${OPTS.years} years to ${OPTS.today}), ${data.values.length} values, ${data.dashboards.length} dashboards, ${data.actions.length} actions`);
  log(`  1-minute load average: ${os.loadavg()[0]!.toFixed(2)} on ${os.cpus().length} cores`);
  const tilesRequest: TilesRequest = { today: OPTS.today, kpis: data.kpis, values: data.values, dashboards: data.dashboards, measureBaseline: true };
  const directionRequest: DirectionRequest = { today: OPTS.today, kpis: data.kpis, values: data.values, dashboards: data.dashboards, actions: data.actions, measureBaseline: true };
  const node = inNode(tilesRequest);

  const outDir = await buildPage();
  const server = await serve(outDir);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void Promise.allSettled([browser.close(), server.close()]).then(() => process.exit(130));
    });
  }
  try {
    const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris', viewport: { width: 1440, height: 900 } });
    await context.addInitScript('globalThis.__name = (fn) => fn;');
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/`);
    await page.waitForFunction(() => Boolean((window as unknown as { __kpiBench?: unknown }).__kpiBench));
    const bench = (fn: string, ...args: unknown[]) =>
      page.evaluate(({ fn, args }) => ((window as unknown as { __kpiBench: Record<string, (...a: unknown[]) => unknown> }).__kpiBench[fn]!)(...args), { fn, args }) as Promise<unknown>;
    type Api = KpiBenchApi;
    const tiles = (await bench('tiles', tilesRequest, RUNS + 1)) as Awaited<ReturnType<Api['tiles']>>;
    const direction = (await bench('direction', directionRequest, RUNS + 1)) as Awaited<ReturnType<Api['direction']>>;
    const emptyRender = (await bench('render', directionRequest, RENDER_RUNS + 1, true)) as Awaited<ReturnType<Api['render']>>;
    const fullRender = (await bench('render', directionRequest, RENDER_RUNS + 1, false)) as Awaited<ReturnType<Api['render']>>;

    const warmTiles = tiles.slice(1);
    const tilesMs = median(warmTiles.map((s) => s.computeMs));
    const baselineMs = median(warmTiles.map((s) => s.baselineMs));
    const warmDirection = direction.slice(1);
    const directionMs = median(warmDirection.map((s) => s.computeMs));
    const renderMs = median(fullRender.slice(1).map((s) => s.paintMs));
    const renderBase = median(emptyRender.slice(1).map((s) => s.paintMs));

    log('');
    log(`Statuses and year to date of every KPI in the KPI worker (Chromium; median of runs 2 to ${RUNS + 1} in one worker; run 1 is cold)`);
    log(`  tiles ${warmTiles[0]!.answered}, values ${warmTiles[0]!.values}`);
    log(`  plain loop over the same values (sum and mean per KPI, baseline): ${fmt(baselineMs)}`);
    log(`  dashboardTiles (status, trend, sparkline, year to date; 25 dashboards counted): ${fmt(tilesMs)}   ratio ${ratio(tilesMs, baselineMs)}   round trip ${fmt(median(warmTiles.map((s) => s.roundTripMs)))}`);
    log(`  cold first run ${fmt(tiles[0]!.computeMs)}; runs: ${tiles.map((s) => s.computeMs.toFixed(1)).join(', ')} ms`);
    log(`  direction summary (tiles, processes, top risks, actions): ${fmt(directionMs)}   round trip ${fmt(median(warmDirection.map((s) => s.roundTripMs)))}`);
    log(`  the same tiles in Node ${process.version}: ${fmt(node.warm)}   cold ${fmt(node.cold)}`);
    log('');
    log(`Direction view render (React, the app's DirectionView and stylesheet, 1440x900; median of runs 2 to ${RENDER_RUNS + 1}, mounted afresh each time)`);
    log(`  empty view (baseline): ${fmt(renderBase)} to the painted frame, ${emptyRender[1]!.elements} elements`);
    log(`  full view: ${fmt(renderMs)} to the painted frame (commit ${fmt(median(fullRender.slice(1).map((s) => s.commitMs)))}), ${fullRender[1]!.elements} elements   ratio ${ratio(renderMs, renderBase)}`);
    log('');
    log(verdictLine({ name: `statuses and year to date of ${data.kpis.length} KPIs x ${data.weeks} weeks (worker)`, value: tilesMs, target: TILES_TARGET }));
    log(verdictLine({ name: 'direction view render', value: renderMs, target: RENDER_TARGET }));
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
