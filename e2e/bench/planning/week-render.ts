/** Week view render time in the real app: from a click on Next to the new week's missions painted. */
import { expect, type Page } from '@playwright/test';

export interface RenderSample {
  /** Click to the React commit that shows the new week with its data (attributes on the grid). */
  committedMs: number;
  /** Click to the next frame after that commit (painted). */
  paintedMs: number;
  missions: number;
}

async function gridReady(page: Page, from: string): Promise<void> {
  const grid = page.getByTestId('calendar-grid');
  await expect(grid).toHaveAttribute('data-from', from, { timeout: 60_000 });
  await expect(grid).toHaveAttribute('data-loading', 'false', { timeout: 60_000 });
  await expect(grid).toHaveAttribute('data-conflicts-ready', 'true', { timeout: 60_000 });
}

/** In the page: click Next and wait for the grid of the week starting `from`, loaded; then a frame. */
function clickNextAndWait(from: string): Promise<RenderSample> {
  const ready = () => {
    const g = document.querySelector('[data-testid="calendar-grid"]');
    return g !== null && g.getAttribute('data-from') === from && g.getAttribute('data-loading') === 'false';
  };
  const started = performance.now();
  (document.querySelector('[data-testid="cal-next"]') as HTMLButtonElement).click();
  return new Promise<void>((resolve) => {
    if (ready()) return resolve();
    const obs = new MutationObserver(() => {
      if (ready()) {
        obs.disconnect();
        resolve();
      }
    });
    obs.observe(document.body, { subtree: true, attributes: true, childList: true });
  }).then(async () => {
    const committedMs = performance.now() - started;
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const g = document.querySelector('[data-testid="calendar-grid"]')!;
    return { committedMs, paintedMs: performance.now() - started, missions: Number(g.getAttribute('data-missions')) };
  });
}

/** Opens the week of `monday`, then measures `steps` successive Next clicks (each a week never shown before). */
export async function measureWeeks(page: Page, monday: string, steps: number, addDays: (d: string, n: number) => string): Promise<RenderSample[]> {
  await page.goto(`/planning/calendar?view=week&date=${monday}`);
  await gridReady(page, monday);
  const out: RenderSample[] = [];
  for (let i = 1; i <= steps; i++) {
    const from = addDays(monday, 7 * i);
    out.push(await page.evaluate(clickNextAndWait, from));
    await gridReady(page, from);
  }
  return out;
}

export interface WeekExpectation {
  monday: string;
  missions: number;
  assignments: number;
  accepted: number;
}

/**
 * Waits until the client store holds the whole data set, as the calendar shows it: the last week of the season
 * (its documents were pushed last, so they are pulled last) with all its missions, assignments and the
 * assignments accepted afterwards. Answers how long it took.
 */
export async function waitForStore(page: Page, last: WeekExpectation, started: number): Promise<number> {
  await page.goto(`/planning/calendar?view=week&date=${last.monday}`);
  const grid = page.getByTestId('calendar-grid');
  await expect(grid).toHaveAttribute('data-missions', String(last.missions), { timeout: 600_000 });
  const pills = grid.locator('[data-testid^="cal-assignment-"]');
  await expect(pills).toHaveCount(last.assignments, { timeout: 600_000 });
  await expect(grid.locator('[data-testid^="cal-assignment-"][data-status="ACCEPTED"]')).toHaveCount(last.accepted, { timeout: 600_000 });
  await expect(page.locator('[data-testid="sync-status"][data-phase="idle"]')).toHaveCount(1, { timeout: 600_000 });
  return Date.now() - started;
}
