import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { ACCOUNTS, expect, signIn, test } from './helpers';
import { dismissToasts, futureMonday, missionDoc, pushDocs } from './planning-helpers';
import { adminSession, serverDocs, uniqueName, waitForSyncIdle } from './sync-helpers';

const SHOTS = '/tmp/shots';
const warnings = (page: Page) => page.getByTestId('sync-refused');
const pending = (page: Page) => page.getByTestId('sync-pending');

/** Edits a mission's title and notes through the mission form (the page's own write path). */
async function editMission(page: Page, id: string, title: string, notes: string): Promise<void> {
  await page.getByTestId('mission-edit').click();
  await page.getByTestId('mission-title').fill(title);
  await page.getByTestId('mission-notes').fill(notes);
  await page.getByTestId('mission-submit').click();
  await expect(page.getByTestId('mission-detail')).toHaveAttribute('data-mission-id', id);
  await expect(page.getByTestId('mission-detail-title')).toHaveText(title);
}

test('a manager whose offline edit lost to a later one is told on the device, and may apply it again', async ({ page, context, browser, baseURL }, testInfo) => {
  // A mission the admin created; the manager opens it while online.
  const admin = await adminSession(baseURL!);
  const monday = futureMonday();
  const original = uniqueName('Regie plateau');
  const mission = missionDoc(original, `${monday}T08:00:00.000Z`, `${monday}T16:00:00.000Z`, { notes: 'Notes de depart' });
  const id = String(mission.id);
  await pushDocs(admin, 'missions', [mission]);

  // Every sync request says which protocol it speaks; collection routes say their schema version.
  const syncHeaders: Record<string, string>[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/v1/sync/missions/')) syncHeaders.push(request.headers());
  });

  await dismissToasts(page);
  await signIn(page, ACCOUNTS.manager);
  await waitForSyncIdle(page);
  await page.goto(`/planning/missions/${id}`);
  await expect(page.getByTestId('mission-detail-title')).toHaveText(original);
  await expect(warnings(page)).toHaveText('0');

  // Offline, the manager edits the title and the notes.
  await context.setOffline(true);
  const mine = { title: `${original} (version regie)`, notes: 'Arrivee 7h30, badge a retirer a l accueil' };
  await editMission(page, id, mine.title, mine.notes);
  await expect(pending(page)).toHaveText('1');

  // Meanwhile the admin, online in another browser, edits the same fields of the same mission.
  const adminContext = await browser.newContext({ baseURL });
  const adminPage = await adminContext.newPage();
  await dismissToasts(adminPage);
  await signIn(adminPage, ACCOUNTS.admin);
  await waitForSyncIdle(adminPage);
  await adminPage.goto(`/planning/missions/${id}`);
  await expect(adminPage.getByTestId('mission-detail-title')).toHaveText(original);
  const theirs = { title: `${original} (version admin)`, notes: 'Arrivee 8h, parking visiteurs' };
  await editMission(adminPage, id, theirs.title, theirs.notes);
  await expect.poll(async () => (await serverDocs(admin, 'missions')).find((d) => d.id === id)?.title, { timeout: 20_000 }).toBe(theirs.title);

  // Back online: the server keeps the later values; the manager's header counts one warning.
  await context.setOffline(false);
  await expect(pending(page)).toHaveText('0', { timeout: 30_000 });
  await expect(warnings(page)).toHaveText('1', { timeout: 20_000 });
  await expect(warnings(page)).toHaveAttribute('data-discarded', '1');
  await expect(page.getByTestId('mission-detail-title')).toHaveText(theirs.title);

  // The count leads to the notice: the mission by its title, each field in words, both values.
  await warnings(page).click();
  const row = page.getByTestId(`discarded-row-missions-${id}`);
  await expect(row).toBeVisible();
  await expect(page.getByTestId(`discarded-name-missions-${id}`)).toHaveText(theirs.title);
  const title = row.locator('tr[data-field="title"]');
  const notes = row.locator('tr[data-field="notes"]');
  await expect(title.locator('th')).toHaveText('Titre');
  await expect(notes.locator('th')).toHaveText('Notes');
  await expect(title.locator('.field-values__mine')).toHaveText(mine.title);
  await expect(title.locator('.field-values__kept')).toHaveText(theirs.title);
  await expect(notes.locator('.field-values__mine')).toHaveText(mine.notes);
  await expect(notes.locator('.field-values__kept')).toHaveText(theirs.notes);
  await expect(row).not.toContainText(id);

  // The synced conflict log names the mission and its fields in words too.
  const entry = page.locator(`[data-testid^="conflict-row-"][data-entity-id="${id}"]`).first();
  await expect(entry).toBeVisible({ timeout: 20_000 });
  await expect(entry).toContainText(theirs.title);
  await expect(entry.locator('tr[data-field="title"] th')).toHaveText('Titre');
  await expect(entry).not.toContainText(id.slice(0, 8));

  // How the notice reads on a phone, a laptop and a kiosk screen.
  fs.mkdirSync(SHOTS, { recursive: true });
  for (const [name, size] of [
    ['phone', { width: 390, height: 844 }],
    ['laptop', { width: 1440, height: 900 }],
    ['kiosk', { width: 1024, height: 768 }],
  ] as const) {
    await page.setViewportSize(size);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${SHOTS}/discarded-${name}-top-${testInfo.project.name}.png` });
    await page.evaluate(() => document.getElementById('discarded')?.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: `${SHOTS}/discarded-${name}-${testInfo.project.name}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 720 });

  // "Apply mine again": a new write of the manager's values, through the sync and the server's rules.
  await page.getByTestId(`discarded-apply-missions-${id}`).click();
  await expect(row).toHaveCount(0);
  await expect(warnings(page)).toHaveText('0');
  await expect
    .poll(async () => {
      const doc = (await serverDocs(admin, 'missions')).find((d) => d.id === id);
      return [doc?.title, doc?.notes];
    }, { timeout: 20_000 })
    .toEqual([mine.title, mine.notes]);
  await expect(pending(page)).toHaveText('0');
  // The admin's app shows the manager's values, live.
  await expect(adminPage.getByTestId('mission-detail-title')).toHaveText(mine.title, { timeout: 20_000 });
  // Nothing was discarded this time: the count stays at 0.
  await expect(warnings(page)).toHaveText('0');

  expect(syncHeaders.length).toBeGreaterThan(0);
  for (const headers of syncHeaders) {
    expect(headers['x-sync-protocol']).toBe('3');
    expect(headers['x-schema-version']).toBe('0');
  }
  await adminContext.close();
  await admin.dispose();
});
