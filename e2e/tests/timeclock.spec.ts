import fs from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { ACCOUNTS, expect, signIn, test } from './helpers';
import { dismissToasts } from './planning-helpers';
import { waitForSyncIdle } from './sync-helpers';
import { crewWithMission, managerPunches, minute, serverDocsOf, type CrewScene } from './timeclock-helpers';

/** Replaces Date in the page by one shifted by an offset the test moves (window.__ccShift). Runs in the page. */
function shiftableDate(initialOffset: number) {
  const Real = Date;
  let offset = initialOffset;
  class Shifted extends Real {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(Real.now() + offset);
      else super(...(args as [string]));
    }
    static override now() {
      return Real.now() + offset;
    }
  }
  (globalThis as unknown as { Date: DateConstructor }).Date = Shifted as unknown as DateConstructor;
  (globalThis as unknown as { __ccShift: (ms: number) => void }).__ccShift = (ms: number) => {
    offset = ms;
  };
}

/** Moves the page's clock to real time + offset. */
async function shiftClock(page: Page, offset: number): Promise<void> {
  await page.evaluate((ms) => (globalThis as unknown as { __ccShift: (n: number) => void }).__ccShift(ms), offset);
}

/** Paris date (YYYY-MM-DD) of an instant. */
const parisDate = (iso: string) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date(iso));

test.describe.serial('time clock on a phone, timesheets and payroll', () => {
  let scene: CrewScene;
  let timesheetId = '';
  let date = '';

  test.afterAll(async () => {
    await scene?.manager.dispose();
  });

  test('a crew member clocks in, takes a break and clocks out offline; the server computes the timesheet, which they confirm', async ({ browser, baseURL }) => {
    test.setTimeout(180_000);
    // The phone's clock starts five hours ago so that the shift has real durations (moved on below).
    const t0 = Date.now() - 5 * 3_600_000;
    scene = await crewWithMission(baseURL!, t0);
    const context = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    const page = await context.newPage();
    await dismissToasts(page);
    // Only Date is shifted (timers run as usual): the phone lives five hours ago, then moves on punch by punch.
    await context.addInitScript(shiftableDate, -5 * 3_600_000);
    await signIn(page, scene.tech.email, scene.tech.password);
    await waitForSyncIdle(page);
    await page.goto('/timeclock/punch');
    await expect(page.getByTestId('punch-mission')).toHaveValue(String(scene.mission.id), { timeout: 20_000 });
    await expect(page.getByTestId('punch-state')).toHaveAttribute('data-state', 'OUT');

    await context.setOffline(true);
    await shiftClock(page, -5 * 3_600_000);
    await page.getByTestId('punch-IN').click();
    await expect(page.getByTestId('punch-message')).toContainText('hors ligne');
    await expect(page.getByTestId('punch-state')).toHaveAttribute('data-state', 'IN');
    await shiftClock(page, -3 * 3_600_000);
    await page.getByTestId('punch-BREAK_START').click();
    await expect(page.getByTestId('punch-state')).toHaveAttribute('data-state', 'BREAK');
    await shiftClock(page, -2.5 * 3_600_000);
    await page.getByTestId('punch-BREAK_END').click();
    await expect(page.getByTestId('punch-state')).toHaveAttribute('data-state', 'IN');
    await shiftClock(page, -1 * 3_600_000);
    await page.getByTestId('punch-OUT').click();
    await expect(page.getByTestId('punch-state')).toHaveAttribute('data-state', 'OUT');
    await expect(page.getByTestId('punch-pending')).toContainText('4');
    await expect(page.getByTestId('punch-row')).toHaveCount(4);
    await expect(page.locator('[data-testid="punch-row"][data-synced="no"]')).toHaveCount(4);
    expect(await serverDocsOf(scene.manager, 'field_events', scene.personId)).toHaveLength(0);

    await shiftClock(page, 0);
    await context.setOffline(false);
    await expect(page.getByTestId('punch-pending')).toBeHidden({ timeout: 30_000 });
    await expect.poll(async () => (await serverDocsOf(scene.manager, 'field_events', scene.personId)).length, { timeout: 20_000 }).toBe(4);
    const sheets = await serverDocsOf(scene.manager, 'timesheets', scene.personId);
    expect(sheets).toHaveLength(1);
    // 4 h with a 30 min break: 210 paid minutes (a few seconds of clicking aside, rounded to 5 min).
    expect(sheets[0]).toMatchObject({ missionId: scene.mission.id, source: 'PUNCHES', status: 'DRAFT', roundedMinutes: 210, type: 'SPECTACLE' });
    expect(Number(sheets[0]!.breakMinutes)).toBeGreaterThanOrEqual(30);
    expect(Number(sheets[0]!.breakMinutes)).toBeLessThan(33);
    expect(sheets[0]!.punchIds).toHaveLength(4);
    timesheetId = sheets[0]!.id;
    date = String(sheets[0]!.date);
    expect(date).toBe(parisDate(String(scene.mission.startAt)));

    await page.getByTestId('tc-tab-mine').click();
    const card = page.locator(`[data-testid="mine-timesheet"][data-id="${timesheetId}"]`);
    await expect(card).toBeVisible({ timeout: 20_000 });
    await expect(card.getByTestId('mine-minutes')).toHaveText('3 h 30');
    await expect(card.getByTestId('mine-planned')).toHaveText('4 h 05');
    await card.getByTestId('mine-confirm').click();
    await expect(card).toHaveAttribute('data-status', 'CONFIRMED');
    await expect.poll(async () => (await serverDocsOf(scene.manager, 'timesheets', scene.personId))[0]?.status, { timeout: 20_000 }).toBe('CONFIRMED');
    // Back online, the punches reached the server once each.
    expect(await serverDocsOf(scene.manager, 'field_events', scene.personId)).toHaveLength(4);
    await context.close();
  });

  test('the manager validates it, adjusts another one with a reason and exports paie_mensuelle.csv', async ({ page }) => {
    test.setTimeout(180_000);
    expect(timesheetId).not.toBe('');
    // Another timesheet of the same person, from a manager's punches the day before (no mission).
    const dayBefore = Date.parse(`${date}T12:00:00.000Z`) - 86_400_000;
    await managerPunches(scene.manager, scene.personId, [
      { type: 'IN', at: minute(dayBefore - 4 * 3_600_000) },
      { type: 'OUT', at: minute(dayBefore) },
    ]);
    const other = (await serverDocsOf(scene.manager, 'timesheets', scene.personId)).find((d) => d.id !== timesheetId)!;
    expect(other).toMatchObject({ source: 'PUNCHES', workedMinutes: 240 });

    await dismissToasts(page);
    await signIn(page, ACCOUNTS.manager);
    await waitForSyncIdle(page);
    await page.goto('/timeclock/timesheets');
    await page.getByTestId('ts-period').selectOption('month');
    await page.getByTestId('ts-date').fill(date);
    await page.getByTestId('ts-person').selectOption(scene.personId);
    const row = page.locator(`[data-testid="ts-row"][data-id="${timesheetId}"]`);
    await expect(row).toHaveAttribute('data-status', 'CONFIRMED', { timeout: 20_000 });
    await row.getByTestId('ts-validate').click();
    await expect(row).toHaveAttribute('data-status', 'VALIDATED');

    const otherRow = page.locator(`[data-testid="ts-row"][data-id="${other.id}"]`);
    if (String(other.date).slice(0, 7) === date.slice(0, 7)) {
      await otherRow.getByTestId('ts-adjust').click();
    } else {
      await page.getByTestId('ts-date').fill(String(other.date));
      await otherRow.getByTestId('ts-adjust').click();
    }
    const form = otherRow.getByTestId('ts-adjust-form');
    await form.getByTestId('ts-adjust-break').fill('20');
    await form.getByTestId('ts-adjust-save').click();
    await expect(form.getByTestId('ts-adjust-error')).toBeVisible();
    await form.getByTestId('ts-adjust-reason').fill('Pause oubliee');
    await form.getByTestId('ts-adjust-save').click();
    await expect(form).toBeHidden();
    await expect
      .poll(async () => (await serverDocsOf(scene.manager, 'timesheets', scene.personId)).find((d) => d.id === other.id), { timeout: 20_000 })
      .toMatchObject({ source: 'MANUAL', breakMinutes: 20, paidMinutes: 220, adjustReason: 'Pause oubliee' });
    await expect.poll(async () => (await serverDocsOf(scene.manager, 'timesheets', scene.personId)).find((d) => d.id === timesheetId)?.status, { timeout: 20_000 }).toBe('VALIDATED');

    await page.getByTestId('tc-tab-payroll').click();
    const month = date.slice(0, 7);
    await page.getByTestId('payroll-month').fill(month);
    await expect(page.getByTestId('payroll-source')).toHaveAttribute('data-source', 'server', { timeout: 20_000 });
    await expect(page.locator(`[data-testid="payroll-person"][data-user="${scene.personId}"]`)).toBeVisible();
    const downloading = page.waitForEvent('download');
    await page.getByTestId('payroll-export').click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`paie_mensuelle_${month}.csv`);
    const csv = await fs.readFile((await download.path())!, 'utf8');
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('personne;type_contrat;mois;jours_travailles;heures;cachets;heures_france_travail;heures_nuit;brut_horaire;brut_cachets;brut_forfait;majoration_nuit;brut_total');
    const mine = lines.find((l) => l.startsWith(`E2E ${scene.firstName};`));
    expect(mine, csv).toBeTruthy();
    expect(mine).toMatch(new RegExp(`^E2E ${scene.firstName};INTERMITTENT;${month};1;`));
  });
});
