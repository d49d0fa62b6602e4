/**
 * Cold open of a loaded week in the real app (page load, store open, queries, render), with where the time goes,
 * against a blank page load of the same server in the same run (docs/performance.md, "App size and cold open").
 */
import fs from 'node:fs';
import path from 'node:path';
import type { CDPSession, Page } from '@playwright/test';
import { median } from '../report';

/** Milliseconds from the navigation's start. */
export interface ColdOpenSample {
  totalMs: number;
  /** The last script of the page received (entry and route chunks). */
  scriptsMs: number;
  /** The local store opened (the sync runtime published its debug handle). */
  storeMs: number;
  /** The week's grid drawn with its data (data-loading false). */
  gridMs: number;
  /** Conflict marks computed by the worker (data-conflicts-ready true): the end of the cold open. */
  conflictsMs: number;
  /** Gzip JavaScript received (transfer sizes, a cold HTTP cache, or 0 from the service worker). */
  scripts: number;
}

/**
 * Installed in every page of the context, active only on a page load flagged by `armColdOpen`: records when the
 * store opens and when the grid of `from` is drawn and its conflicts are ready.
 */
export const COLD_OPEN_PROBE = `(() => {
  let from = null;
  try { from = sessionStorage.getItem('bench-cold-open'); sessionStorage.removeItem('bench-cold-open'); } catch { return; }
  if (!from) return;
  const marks = {};
  window.__benchCold = marks;
  let handle;
  Object.defineProperty(window, '__ccSync', {
    configurable: true,
    get() { return handle; },
    set(v) { if (marks.store === undefined) marks.store = performance.now(); handle = v; },
  });
  const check = () => {
    const g = document.querySelector('[data-testid="calendar-grid"]');
    if (!g || g.getAttribute('data-from') !== from) return;
    if (marks.grid === undefined && g.getAttribute('data-loading') === 'false') marks.grid = performance.now();
    if (marks.conflicts === undefined && g.getAttribute('data-conflicts-ready') === 'true') marks.conflicts = performance.now();
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
})();`;

async function armColdOpen(page: Page, monday: string): Promise<void> {
  await page.evaluate((f) => sessionStorage.setItem('bench-cold-open', f), monday);
}

/** One cold open: a page load of the week's address until its grid and its conflicts are shown. */
export async function coldOpenOnce(page: Page, monday: string): Promise<ColdOpenSample> {
  await armColdOpen(page, monday);
  await page.goto(`/planning/calendar?view=week&date=${monday}`);
  await page.waitForFunction(() => {
    const m = (window as unknown as { __benchCold?: { conflicts?: number } }).__benchCold;
    return m?.conflicts !== undefined;
  }, undefined, { timeout: 120_000, polling: 50 });
  return page.evaluate(() => {
    const m = (window as unknown as { __benchCold: { store?: number; grid: number; conflicts: number } }).__benchCold;
    const scripts = performance.getEntriesByType('resource').filter((e) => (e as PerformanceResourceTiming).initiatorType === 'script' || e.name.endsWith('.js')) as PerformanceResourceTiming[];
    const scriptsMs = scripts.filter((e) => e.startTime < m.grid).reduce((max, e) => Math.max(max, e.responseEnd), 0);
    return { totalMs: m.conflicts, scriptsMs, storeMs: m.store ?? NaN, gridMs: m.grid, conflictsMs: m.conflicts, scripts: scripts.reduce((s, e) => s + e.transferSize, 0) };
  });
}

/** The baseline: a blank page of the same server (its health answer), loaded, in the same tab. */
export async function blankLoad(page: Page): Promise<number> {
  await page.goto('/healthz');
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return nav ? nav.loadEventEnd || performance.now() : performance.now();
  });
}

export interface ColdOpenResult {
  samples: ColdOpenSample[];
  median: ColdOpenSample;
  blankMs: number;
}

/** `runs` cold opens of the week (each after a blank page), the median of each phase. */
export async function measureColdOpen(page: Page, monday: string, runs: number): Promise<ColdOpenResult> {
  const samples: ColdOpenSample[] = [];
  const blanks: number[] = [];
  for (let i = 0; i < runs; i++) {
    blanks.push(await blankLoad(page));
    samples.push(await coldOpenOnce(page, monday));
  }
  const pick = (k: keyof ColdOpenSample) => median(samples.map((s) => s[k]));
  return {
    samples,
    median: { totalMs: pick('totalMs'), scriptsMs: pick('scriptsMs'), storeMs: pick('storeMs'), gridMs: pick('gridMs'), conflictsMs: pick('conflictsMs'), scripts: pick('scripts') },
    blankMs: median(blanks),
  };
}

/**
 * With --profile: a CPU profile of one cold open (written to `file`, for DevTools or a source map), and the functions
 * with the most self time (name chunk:line:column).
 */
export async function profileColdOpen(page: Page, monday: string, file: string, top = 25): Promise<string[]> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await coldOpenOnce(page, monday);
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  await cdp.detach();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(profile));
  return topSelfTime(profile, top);
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

function topSelfTime(profile: CpuProfile, top: number): string[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    if (!node) return;
    const f = node.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop() ?? ''}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([k, ms]) => `${ms.toFixed(0).padStart(6)} ms ${((100 * ms) / total).toFixed(1).padStart(5)} %  ${k}`);
}
