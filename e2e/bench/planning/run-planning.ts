/**
 * npm run bench:planning: 5 000 missions, 20 000 assignments and their people loaded into the real client
 * store (the app in Debian's Chromium, first sync from a real sync server on a fresh embedded database), then
 * the week view's render time against an empty week, and conflict detection over one month in the app's
 * planning worker against a plain loop over the same shifts. Prints MISSED for a missed target, exits 0.
 * Options: --missions N --assignments N --users N --weeks N --steps N --backend pglite|postgres|auto (auto: Postgres
 * at TEST_DATABASE_URL when it answers, which loads the data set faster, else the embedded PGlite); --cold-runs N
 * (cold opens of a loaded week, median), --profile (a CPU profile of one cold open), --port N (the server's port).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, request } from '@playwright/test';
import { LIVE_PERFORMANCE_PROFILE } from '@coulisses/shared/planning/profiles';
import { addDays, generate, missionsIn, parisInstant, type DataSet } from './data';
import { fmt, median, ratio, verdictLine } from '../report';
import { seedServer } from './seed';
import { postgresAnswers, startServer } from './server';
import { measureWeeks, waitForStore, type WeekExpectation } from './week-render';
import { COLD_OPEN_PROBE, measureColdOpen, profileColdOpen } from './cold-open';
import { conflictsTab, detectInWorker, workerUrl } from './worker-detect';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../chromium';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const backendArg = process.argv.indexOf('--backend');
const BACKEND = backendArg >= 0 ? process.argv[backendArg + 1] : 'auto';
const OPTS = { missions: arg('missions', 5000), assignments: arg('assignments', 20000), users: arg('users', 400), weeks: arg('weeks', 52), firstMonday: '2027-01-04' };
const STEPS = arg('steps', 7);
const COLD_RUNS = arg('cold-runs', 5);
const PROFILE = process.argv.includes('--profile');
const PORT = arg('port', 0);
const WEEK_TARGET = 300;
const DETECT_TARGET = 100;
const COLD_TARGET = 1000;
const MANAGER = { email: 'manager@coulisses.demo', password: 'coulisses2026' };
const log = (line: string) => console.log(line);

/** The worker request for the missions of [first, first + days), as the app builds it (minimal fields, active assignments). */
function monthRequest(data: DataSet, first: string, days: number) {
  const from = parisInstant(first, 0);
  const to = parisInstant(addDays(first, days), 0);
  const missions = missionsIn(data, from, to).map((m) => ({ id: m.id, startAt: m.startAt, endAt: m.endAt, status: m.status }));
  const ids = new Set(missions.map((m) => m.id));
  const accepted = new Set(data.accepted.map((a) => a.newDocumentState.id));
  const assignments = data.assignments
    .filter((a) => ids.has(String(a.missionId)) && a.status !== 'CANCELLED')
    .map((a) => ({ id: a.id, missionId: a.missionId, userId: a.userId, status: accepted.has(a.id) ? 'ACCEPTED' : a.status }));
  return { missions, assignments, availabilities: [], profile: LIVE_PERFORMANCE_PROFILE, tz: 'Europe/Paris', window: { from: Date.parse(from), to: Date.parse(to) } };
}

/** What the calendar must show for the week of `monday` once the store is complete (missions, and people on those starting in it). */
function expectation(data: DataSet, monday: string): WeekExpectation {
  const from = parisInstant(monday, 0);
  const missions = missionsIn(data, from, parisInstant(addDays(monday, 7), 0));
  // A mission's people show once, on the day it starts: those starting the week before are not counted.
  const ids = new Set(missions.filter((m) => String(m.startAt) >= from).map((m) => m.id));
  const assignments = data.assignments.filter((a) => ids.has(String(a.missionId)));
  const accepted = data.accepted.filter((a) => ids.has(String(a.newDocumentState.missionId))).length;
  return { monday, missions: missions.length, assignments: assignments.length, accepted };
}

async function main(): Promise<void> {
  const { ensureClientBuild } = (await import(path.join(ROOT, 'scripts/lib/client-build.mjs'))) as { ensureClientBuild: () => Promise<void> };
  await ensureClientBuild();
  log(`bench:planning - ${OPTS.missions} missions, ${OPTS.assignments} assignments, ${OPTS.users} people over ${OPTS.weeks} weeks from ${OPTS.firstMonday} (Europe/Paris)`);
  const data = generate(OPTS);
  const backend = BACKEND === 'pglite' || BACKEND === 'postgres' ? BACKEND : (await postgresAnswers()) ? 'postgres' : 'pglite';
  log(`Sync server on ${backend}`);
  const server = await startServer(ROOT, backend, PORT);
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  });
  // Ctrl+C stops the browser and the server (and drops the bench's Postgres database) before leaving.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void Promise.allSettled([browser.close(), server.stop()]).then(() => process.exit(130));
    });
  }
  try {
    const api = await request.newContext({ baseURL: server.url, extraHTTPHeaders: { origin: server.url } });
    const signed = await api.post('/api/auth/sign-in/email', { data: MANAGER });
    if (signed.status() !== 200) throw new Error(`sign-in: HTTP ${signed.status()}`);
    log('Loading the data set through the sync push API...');
    const seedMs = await seedServer(api, data, log);
    log(`  server load: ${(seedMs / 1000).toFixed(1)} s`);

    const context = await browser.newContext({ baseURL: server.url, locale: 'fr-FR', timezoneId: 'Europe/Paris', viewport: { width: 1280, height: 900 } });
    // tsx (esbuild keepNames) wraps the functions given to page.evaluate in __name(...): define it in the page.
    await context.addInitScript('globalThis.__name = (fn) => fn;');
    await context.addInitScript(COLD_OPEN_PROBE);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto('/');
    await page.getByTestId('signin-email').fill(MANAGER.email);
    await page.getByTestId('signin-password').fill(MANAGER.password);
    await page.getByTestId('signin-submit').click();
    const syncStarted = Date.now();
    await page.getByTestId('signout').waitFor({ timeout: 60_000 });
    const lastMonday = addDays(OPTS.firstMonday, 7 * (OPTS.weeks - 1));
    const syncMs = await waitForStore(page, expectation(data, lastMonday), syncStarted);
    log(`First sync into the client store (Chromium, RxDB on IndexedDB), until the last week is complete: ${(syncMs / 1000).toFixed(1)} s`);

    // The week view: a loaded week (mid-season) against an empty one (2030), the same clicks on Next.
    const loadedMonday = addDays(OPTS.firstMonday, 7 * Math.floor(OPTS.weeks / 2));
    const expected = missionsIn(data, parisInstant(addDays(loadedMonday, 7), 0), parisInstant(addDays(loadedMonday, 14), 0)).length;
    const empty = await measureWeeks(page, '2030-01-07', STEPS, addDays);
    const loaded = await measureWeeks(page, loadedMonday, STEPS, addDays);
    if (loaded[0]!.missions !== expected) throw new Error(`the week after ${loadedMonday} shows ${loaded[0]!.missions} missions, ${expected} expected: is the store complete?`);
    const cold = await measureColdOpen(page, loadedMonday, COLD_RUNS);
    const profile = PROFILE ? await profileColdOpen(page, loadedMonday, path.join(ROOT, 'test-results', 'cold-open.cpuprofile')) : [];
    // Printed at once (the worker measures follow).
    const c = cold.median;
    log(`Cold open of a loaded week (page load, store open, queries, render, conflicts; median of ${COLD_RUNS}, ms from the navigation's start)`);
    log(`  blank page of the same server (baseline): ${fmt(cold.blankMs)}`);
    log(`  scripts received ${fmt(c.scriptsMs)} (${(c.scripts / 1000).toFixed(0)} kB over the network), store open ${fmt(c.storeMs)}, week drawn ${fmt(c.gridMs)}, conflicts shown ${fmt(c.conflictsMs)}`);
    log(`  cold open: ${fmt(c.totalMs)}   ratio ${ratio(c.totalMs, cold.blankMs)}   runs: ${cold.samples.map((s) => s.totalMs.toFixed(0)).join(', ')} ms`);
    if (profile.length > 0) log(`  CPU profile of one cold open (self time; test-results/cold-open.cpuprofile):\n    ${profile.join('\n    ')}`);
    const emptyMs = median(empty.map((s) => s.paintedMs));
    const loadedMs = median(loaded.map((s) => s.paintedMs));

    // Conflict detection over one month (4 weeks) in the app's worker: eight months in a row in one worker (the
    // first is cold: ICU and JIT warm-up), then the last month again with one mission moved by an hour (the
    // worker recomputes only the people of that mission).
    const url = await workerUrl(page);
    const months = Array.from({ length: 8 }, (_, i) => monthRequest(data, addDays(OPTS.firstMonday, 28 * i), 28));
    const last = months[months.length - 1]!;
    const moved = { ...last, missions: last.missions.map((m, i) => (i === 0 ? { ...m, startAt: new Date(Date.parse(String(m.startAt)) + 3_600_000).toISOString(), endAt: new Date(Date.parse(String(m.endAt)) + 3_600_000).toISOString() } : m)) };
    const worker = await detectInWorker(page, url, [...months, moved]);
    const warm = worker.slice(4, 8);
    const incremental = worker[8]!;
    const detectMs = median(warm.map((s) => s.detectMs));
    const baselineMs = median(warm.map((s) => s.baselineMs));
    // The Conflicts tab as the app runs it: 4 weeks plus 12 weeks of context (weekly average) and the week after.
    const tab = await conflictsTab(page, loadedMonday, Date.parse(parisInstant(loadedMonday, 0)));

    log('');
    log('Week view (Next click to the new week painted; median of ' + STEPS + ' weeks never shown before)');
    log(`  empty week (baseline):   ${fmt(emptyMs)}   committed ${fmt(median(empty.map((s) => s.committedMs)))}`);
    log(`  loaded week (${median(loaded.map((s) => s.missions))} missions):  ${fmt(loadedMs)}   committed ${fmt(median(loaded.map((s) => s.committedMs)))}   ratio ${ratio(loadedMs, emptyMs)}`);
    log('Conflict detection, one month in the planning worker (median of months 5 to 8 in one worker; month 1 is cold)');
    log(`  shifts ${median(warm.map((s) => s.shifts))}, people ${median(warm.map((s) => s.users))}, conflicts ${median(warm.map((s) => s.conflicts))}`);
    log(`  plain loop over the same shifts (baseline): ${fmt(baselineMs)}`);
    log(`  detectConflicts: ${fmt(detectMs)}   ratio ${ratio(detectMs, baselineMs)}   round trip ${fmt(median(warm.map((s) => s.roundTripMs)))}`);
    log(`  cold first month ${fmt(worker[0]!.detectMs)}; months 1 to 8: ${worker.slice(0, 8).map((s) => s.detectMs.toFixed(0)).join(', ')} ms`);
    log(`  the same month after one mission moved: ${fmt(incremental.detectMs)} (${incremental.recomputedUsers} of ${incremental.users} people recomputed)`);
    log(`  Conflicts tab (4 weeks + 12 weeks of context, ${tab.shifts} shifts, first run of the page): ${fmt(tab.detectMs)}   round trip ${fmt(tab.roundTripMs)}`);
    log('');
    log(verdictLine({ name: 'week view render', value: loadedMs, target: WEEK_TARGET }));
    log(verdictLine({ name: 'conflict detection over one month (worker)', value: detectMs, target: DETECT_TARGET }));
    log(verdictLine({ name: `cold open of a loaded week (${ratio(c.totalMs, cold.blankMs)} a blank page)`, value: c.totalMs, target: COLD_TARGET }));
    if (errors.length > 0) log(`page errors: ${errors.slice(0, 3).join(' | ')}`);
    await api.dispose();
    await context.close();
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
