/**
 * npm run bench:timeclock: one month of punches of a crew (200 people, about 20 000 punches, night shifts, the
 * autumn DST weekend) turned into timesheets by the app's time clock worker in Debian's Chromium: the time of
 * buildTimesheets inside the worker (median of several runs after a cold one) against a plain loop over the
 * same punches measured in the same worker, and the same computation in Node for reference. The bench page is
 * built with Vite's programmatic build (the worker bundled from client/src/workers/timeclock-client.ts) and
 * served by a small static server; no sync server, no database. Prints MISSED for a missed target, exits 0.
 * Options: --users N --days N --from YYYY-MM-DD --work-rate 0..1 --runs N
 */
import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { localInstant } from '@coulisses/shared/planning/conflicts';
import { nightRulesFor } from '@coulisses/shared/timeclock/night';
import { buildTimesheets } from '@coulisses/shared/timeclock/timesheet-build';
import type { Punch, TimeRules } from '@coulisses/shared/timeclock/types';
import { build } from 'vite';
import { generateTimeclock } from './data';
import type { TimeclockBenchApi } from './page/api';
import { fmt, median, ratio, verdictLine } from '../report';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../chromium';


const HERE = path.dirname(fileURLToPath(import.meta.url));
const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback;
};
const ZONE = 'Europe/Paris';
const OPTS = { users: Number(arg('users', '200')), days: Number(arg('days', '31')), from: arg('from', '2026-10-01'), workRate: Number(arg('work-rate', '0.8')), zone: ZONE };
const RUNS = Number(arg('runs', '11'));
const TARGET = 200;
const RULES: TimeRules = { zone: ZONE, ...nightRulesFor('IDCC_2717'), roundingMinutes: 15, roundingMode: 'NEAREST', repeatTapSeconds: 60 };
const log = (line: string) => console.log(line);

/** Builds the bench page (and the worker it imports) into a temporary directory. */
async function buildPage(): Promise<string> {
  const outDir = await fs.mkdtemp(path.join(os.tmpdir(), 'cc-bench-timeclock-'));
  await build({
    root: path.join(HERE, 'page'),
    configFile: false,
    logLevel: 'warn',
    mode: 'production',
    // The bundler's timing report (a busy machine makes it print one) is not the bench's business.
    worker: { format: 'es', rolldownOptions: { checks: { bundlerTimings: false } } },
    build: { outDir, emptyOutDir: true, sourcemap: false, reportCompressedSize: false, rolldownOptions: { checks: { bundlerTimings: false } } },
  });
  return outDir;
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

/** A static server for the built page on a free local port. */
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

/** The same computation in this Node process, for reference (median after a cold run). */
function inNode(data: { punches: Punch[]; missions: ReturnType<typeof generateTimeclock>['missions'] }): { cold: number; warm: number; best: number; timesheets: number } {
  const times: number[] = [];
  let timesheets = 0;
  for (let i = 0; i <= RUNS; i++) {
    const started = performance.now();
    timesheets = buildTimesheets({ punches: data.punches, missions: data.missions, rules: RULES }).length;
    times.push(performance.now() - started);
  }
  return { cold: times[0]!, warm: median(times.slice(1)), best: Math.min(...times.slice(1)), timesheets };
}

async function main(): Promise<void> {
  const data = generateTimeclock(OPTS);
  log(`bench:timeclock - ${OPTS.users} people, ${OPTS.days} days from ${OPTS.from} (${ZONE}), ${data.punches.length} punches, ${data.missions.length} missions`);
  log(`  night shifts ${data.nightShifts} (${data.dstNightShifts} across the autumn DST change), rules: IDCC 2717 night 00:00-06:00, rounding 15 min NEAREST, repeats 60 s`);
  log(`  1-minute load average: ${os.loadavg()[0]!.toFixed(2)} on ${os.cpus().length} cores`);
  const node = inNode(data);

  // One more day of punches for the first person: the incremental path (only that person is recomputed).
  const day = '2026-10-15';
  const extra: Punch[] = [
    ['IN', '06:00'],
    ['OUT', '07:30'],
  ].map(([punchType, time], i) => ({ id: `extra-${i}`, userId: data.users[0]!, missionId: null, at: new Date(localInstant(day, time!, ZONE)).toISOString(), punchType: punchType as Punch['punchType'], deviceId: null }));

  const outDir = await buildPage();
  const server = await serve(outDir);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void Promise.allSettled([browser.close(), server.close()]).then(() => process.exit(130));
    });
  }
  try {
    const context = await browser.newContext({ locale: 'fr-FR', timezoneId: ZONE });
    // tsx (esbuild keepNames) wraps the functions given to page.evaluate in __name(...): define it in the page.
    await context.addInitScript('globalThis.__name = (fn) => fn;');
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/`);
    await page.waitForFunction(() => Boolean((window as unknown as { __timeclockBench?: unknown }).__timeclockBench));
    const request = { punches: data.punches, missions: data.missions, rules: RULES };
    const result = await page.evaluate(
      ({ request, runs, extra }) => (window as unknown as { __timeclockBench: TimeclockBenchApi }).__timeclockBench.run(request, runs, extra),
      { request, runs: RUNS + 1, extra },
    );
    const cold = result.builds[0]!;
    const warm = result.builds.slice(1);
    const buildMs = median(warm.map((s) => s.buildMs));
    const baselineMs = median(warm.map((s) => s.baselineMs));

    log('');
    log(`Timesheets of one month in the time clock worker (Chromium; median of runs 2 to ${RUNS + 1} in one worker; run 1 is cold)`);
    log(`  punches ${cold.punches}, people ${cold.users}, timesheets ${cold.timesheets} (Node: ${node.timesheets})`);
    log(`  plain loop over the same punches (baseline): ${fmt(baselineMs)}`);
    log(`  buildTimesheets: ${fmt(buildMs)}   ratio ${ratio(buildMs, baselineMs)}   best ${fmt(Math.min(...warm.map((s) => s.buildMs)))}   round trip ${fmt(median(warm.map((s) => s.roundTripMs)))}`);
    log(`  cold first run ${fmt(cold.buildMs)} (round trip ${fmt(cold.roundTripMs)}); runs: ${result.builds.map((s) => s.buildMs.toFixed(1)).join(', ')} ms`);
    log(`  two new punches of one person: ${fmt(result.added.buildMs)} (${result.added.recomputedUsers} of ${result.added.users} people recomputed, ${result.added.timesheets} timesheets answered)`);
    log(`  the same in Node ${process.version}: ${fmt(node.warm)}   best ${fmt(node.best)}   cold ${fmt(node.cold)}`);
    log('');
    log(verdictLine({ name: 'timesheets of one month, 200 people (worker)', value: buildMs, target: TARGET }));
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
