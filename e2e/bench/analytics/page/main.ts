/**
 * The analytics bench page: builds the bench slices (data.ts) on the page, then drives the bench worker through
 * comlink while a PerformanceObserver records the main thread's long tasks (over 50 ms) of each phase. The Node
 * runner (run-analytics.ts) calls window.__analyticsBench.run and prints the figures.
 */
import { wrap } from 'comlink';
import type { DashboardQuery } from '@coulisses/shared/analytics/dashboard-types';
import { DEFAULT_OPTIONS, generateSlices } from '../data';
import type { AnalyticsBenchApi, BenchReport, BenchWorkerApi, PhaseFigures } from './api';

declare global {
  interface Window {
    __analyticsBench: AnalyticsBenchApi;
  }
}

const longTasks: { start: number; duration: number }[] = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration });
}).observe({ type: 'longtask', buffered: false });

async function phase<T>(fn: () => Promise<T>): Promise<{ value: T; figures: PhaseFigures }> {
  // Let any pending task (and its long-task entry) settle before the phase starts.
  await new Promise((r) => setTimeout(r, 50));
  const from = performance.now();
  const value = await fn();
  const to = performance.now();
  await new Promise((r) => setTimeout(r, 50));
  const inPhase = longTasks.filter((t) => t.start >= from && t.start < to);
  return { value, figures: { longestTaskMs: Math.max(0, ...inPhase.map((t) => t.duration)), longTasks: inPhase.length, wallMs: to - from } };
}

window.__analyticsBench = {
  async run(runs) {
    const data = generateSlices(DEFAULT_OPTIONS);
    const { teamMembers, months: _months, ...slices } = data;
    const worker = wrap<BenchWorkerApi>(new Worker(new URL('./bench.worker.ts', import.meta.url), { type: 'module', name: 'analytics-bench' }));
    const year: DashboardQuery = { filters: { from: '2026-01-01', to: '2026-12-31' }, compare: 'previous' };
    const report: BenchReport = {
      rows: slices.hours.reduce((n, h) => n + h.rows.day.length, 0),
      slices: slices.hours.length + slices.pay!.length + slices.missions.length + slices.incidents.length,
      runs: [], filters: [], baselineMs: [], baselineRows: 0, collected: false,
      loadWhole: { longestTaskMs: 0, longTasks: 0, wallMs: 0 },
      loadPerSlice: { longestTaskMs: 0, longTasks: 0, wallMs: 0, prepareMs: 0 },
      computePhase: { longestTaskMs: 0, longTasks: 0, wallMs: 0 },
    };
    // Prepare + compute of a year compared with the year before, in a fresh worker (run 0 cold), all slices in one message.
    // Each run starts from a collected heap (as a page whose slices changed minutes ago), when the browser allows it.
    for (let i = 0; i < runs; i++) {
      report.collected = await worker.collect();
      const { value, figures } = await phase(async () => {
        const load = await worker.loadWhole(slices);
        const t = performance.now();
        const c = await worker.compute(year);
        return { prepareMs: load.prepareMs, computeMs: c.computeMs, roundTripMs: performance.now() - t };
      });
      report.runs.push(value);
      if (figures.longestTaskMs > report.loadWhole.longestTaskMs) report.loadWhole = figures;
    }
    // The same slices one per message (what a page can do to keep every clone short).
    await worker.collect();
    const perSlice = await phase(async () => {
      await worker.reset();
      for (const h of slices.hours) await worker.addSlice('hours', h);
      for (const p of slices.pay!) await worker.addSlice('pay', p);
      for (const m of slices.missions) await worker.addSlice('missions', m);
      for (const x of slices.incidents) await worker.addSlice('incidents', x);
      return worker.prepare();
    });
    report.loadPerSlice = { ...perSlice.figures, prepareMs: perSlice.value.prepareMs };
    // Filter changes on the prepared slices: only the query crosses.
    const variants: { name: string; query: DashboardQuery }[] = [
      { name: 'year, previous period', query: year },
      { name: 'year, same period last year', query: { ...year, compare: 'lastYear' } },
      { name: '13 months, no comparison', query: { filters: { from: '2025-12-01', to: '2026-12-31' }, compare: null } },
      { name: 'quarter, one project', query: { filters: { from: '2026-10-01', to: '2026-12-31', projectId: 'p3' }, compare: 'previous' } },
      { name: 'year, one venue', query: { filters: { from: '2026-01-01', to: '2026-12-31', venueId: 'v2' }, compare: 'previous' } },
      { name: 'year, one team', query: { filters: { from: '2026-01-01', to: '2026-12-31', teamId: 't0' }, compare: 'previous', teamUserIds: teamMembers } },
      { name: 'month, one role', query: { filters: { from: '2026-12-01', to: '2026-12-31', role: 'Son' }, compare: 'lastYear' } },
    ];
    const computePhase = await phase(async () => {
      for (const v of variants) {
        const entry = { name: v.name, computeMs: [] as number[], roundTripMs: [] as number[], rows: 0 };
        for (let i = 0; i < runs; i++) {
          const t = performance.now();
          const c = await worker.compute(v.query);
          entry.roundTripMs.push(performance.now() - t);
          entry.computeMs.push(c.computeMs);
          entry.rows = c.rows;
        }
        report.filters.push(entry);
      }
    });
    report.computePhase = computePhase.figures;
    for (let i = 0; i < runs; i++) {
      const b = await worker.baseline('2026-01-01', '2026-12-31');
      report.baselineMs.push(b.ms);
      report.baselineRows = b.rows;
    }
    return report;
  },
};
document.getElementById('status')!.textContent = 'ready';
