/**
 * Conflict detection in the app's own planning worker (the built bundle, in Chromium), called with comlink's
 * wire messages from the page, and the app's Conflicts tab's own figures (window.__ccPlanning).
 */
import type { Page } from '@playwright/test';

export interface DetectSample {
  detectMs: number;
  baselineMs: number;
  roundTripMs: number;
  shifts: number;
  users: number;
  recomputedUsers: number;
  conflicts: number;
}

/**
 * The URL of the planning worker's bundle: the calendar page started it (a resource of the page), else found in
 * the page's scripts (the planning route is its own chunk).
 */
export async function workerUrl(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const loaded = performance.getEntriesByType('resource').map((e) => e.name);
    const started = loaded.find((name) => /assets\/planning\.worker-[\w-]+\.js$/.test(name));
    if (started) return new URL(started).pathname;
    const scripts = [...Array.from(document.querySelectorAll('script[src]')).map((s) => (s as HTMLScriptElement).src), ...loaded.filter((n) => n.endsWith('.js'))];
    for (const src of scripts) {
      const text = await (await fetch(src)).text();
      const m = /assets\/planning\.worker-[\w-]+\.js/.exec(text);
      if (m) return `/${m[0]}`;
    }
    throw new Error('planning worker bundle not found');
  });
}

/** Runs detect on each request in one fresh worker, in order (the first run pays the warm-up). */
export async function detectInWorker(page: Page, url: string, requests: unknown[]): Promise<DetectSample[]> {
  return page.evaluate(
    async ({ url, requests }) => {
      const worker = new Worker(url, { type: 'module' });
      let n = 0;
      const call = (request: unknown) =>
        new Promise<{ conflicts: unknown[]; stats: Record<string, number> }>((resolve, reject) => {
          const id = `bench-${n++}`;
          const onMessage = (e: MessageEvent) => {
            if (e.data?.id !== id) return;
            worker.removeEventListener('message', onMessage);
            if (e.data.type === 'RAW') resolve(e.data.value);
            else reject(new Error(JSON.stringify(e.data).slice(0, 300)));
          };
          worker.addEventListener('message', onMessage);
          worker.postMessage({ id, type: 'APPLY', path: ['detect'], argumentList: [{ type: 'RAW', value: request }] });
        });
      const out = [];
      for (const request of requests) {
        const started = performance.now();
        const res = await call(request);
        const s = res.stats;
        out.push({ detectMs: s.detectMs!, baselineMs: s.baselineMs!, roundTripMs: performance.now() - started, shifts: s.shifts!, users: s.users!, recomputedUsers: s.recomputedUsers!, conflicts: res.conflicts.length });
      }
      worker.terminate();
      return out;
    },
    { url, requests },
  );
}

/** Opens the Conflicts tab on a date and reads the app's own detection figures once they are for that window. */
export async function conflictsTab(page: Page, date: string, from: number): Promise<DetectSample> {
  await page.goto(`/planning/conflicts?date=${date}`);
  await page.waitForFunction((f) => window.__ccPlanning?.last?.from === f, from, { timeout: 120_000 });
  return page.evaluate(() => {
    const l = window.__ccPlanning!.last!;
    return { detectMs: l.detectMs, baselineMs: l.baselineMs, roundTripMs: l.roundTripMs, shifts: l.shifts, users: l.users, recomputedUsers: l.recomputedUsers, conflicts: l.conflicts };
  });
}

declare global {
  interface Window {
    __ccPlanning?: { runs: number; last: (Omit<DetectSample, 'conflicts'> & { conflicts: number; from: number | null; to: number | null }) | null };
  }
}
