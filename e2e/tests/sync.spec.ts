import type { Page } from '@playwright/test';
import { ACCOUNTS, DEMO_PASSWORD, expect, signIn, test, waitForServiceWorker } from './helpers';
import { adminSession, createMember, createProject, serverDocs, uniqueName, waitForSyncIdle } from './sync-helpers';

const pending = (page: Page) => page.getByTestId('sync-pending');
const refused = (page: Page) => page.getByTestId('sync-refused');
const isLeader = (page: Page) => page.evaluate(() => (window as unknown as { __ccSync?: { isLeader: boolean } }).__ccSync?.isLeader === true);

/** Signs in and waits for the Planning page with its local store open and the first sync done. */
async function openPlanning(page: Page, email: string, password?: string): Promise<void> {
  await signIn(page, email, password);
  await expect(page.getByTestId('page-planning')).toBeVisible();
  await page.getByTestId('planning-tab-projects').click();
  await waitForSyncIdle(page);
}

test('offline, a manager creates a project: one write pending, pushed once the network is back', async ({ page, context }) => {
  await openPlanning(page, ACCOUNTS.manager);
  await expect(pending(page)).toHaveText('0');
  await context.setOffline(true);
  const name = uniqueName('Hors ligne');
  const id = await createProject(page, name, 'ACTIVE');
  await expect(pending(page)).toHaveText('1');
  await expect(page.getByTestId(`project-row-${id}`)).toContainText(name);
  expect((await serverDocs(page.request, 'projects')).some((d) => d.id === id)).toBe(false);

  await context.setOffline(false);
  await expect.poll(async () => (await serverDocs(page.request, 'projects')).find((d) => d.id === id)?.name, { timeout: 20_000 }).toBe(name);
  await expect(pending(page)).toHaveText('0');
});

test('two tabs show the projects either one creates, and only one tab holds the leadership', async ({ page, context }) => {
  await openPlanning(page, ACCOUNTS.manager);
  const second = await context.newPage();
  await second.goto('/planning/projects');
  await expect(second.getByTestId('page-planning')).toBeVisible();
  await expect(second.getByTestId('project-list')).toBeVisible();
  await expect.poll(async () => [await isLeader(page), await isLeader(second)]).toEqual([true, false]);
  await expect(second.getByTestId('sync-status')).toHaveAttribute('data-leader', 'false');

  const first = uniqueName('Onglet un');
  const firstId = await createProject(page, first);
  await expect(second.getByTestId(`project-row-${firstId}`)).toContainText(first);
  const other = uniqueName('Onglet deux');
  const otherId = await createProject(second, other);
  await expect(page.getByTestId(`project-row-${otherId}`)).toContainText(other);

  await expect
    .poll(async () => {
      const ids = new Set((await serverDocs(page.request, 'projects')).map((d) => d.id));
      return ids.has(firstId) && ids.has(otherId);
    }, { timeout: 20_000 })
    .toBe(true);
  await expect(pending(page)).toHaveText('0');
  await expect(pending(second)).toHaveText('0');
  expect([await isLeader(page), await isLeader(second)]).toEqual([true, false]);
});

test('a reload with three writes pending loses none: each reaches the server exactly once', async ({ page, context }) => {
  await signIn(page, ACCOUNTS.manager);
  await waitForServiceWorker(page);
  await expect(page.getByTestId('page-planning')).toBeVisible();
  await waitForSyncIdle(page);
  await context.setOffline(true);
  const names = [uniqueName('Rechargement A'), uniqueName('Rechargement B'), uniqueName('Rechargement C')];
  const ids: string[] = [];
  for (const name of names) ids.push(await createProject(page, name));
  await expect(pending(page)).toHaveText('3');

  await page.reload();
  await expect(page.getByTestId('page-planning')).toBeVisible();
  for (const [i, id] of ids.entries()) await expect(page.getByTestId(`project-row-${id}`)).toContainText(names[i]!);
  await expect(pending(page)).toHaveText('3');

  await context.setOffline(false);
  await expect
    .poll(async () => {
      const docs = await serverDocs(page.request, 'projects');
      return names.map((name) => docs.filter((d) => d.name === name).map((d) => d.id));
    }, { timeout: 20_000 })
    .toEqual(ids.map((id) => [id]));
  await expect(pending(page)).toHaveText('0');
});

test('another manager, in another browser, sees a new project live without reloading', async ({ page, browser, baseURL }) => {
  const admin = await adminSession(baseURL!);
  const colleague = await createMember(baseURL!, 'MANAGER', admin);
  await admin.dispose();
  const otherContext = await browser.newContext({ baseURL });
  const other = await otherContext.newPage();
  await openPlanning(other, colleague.email, colleague.password);
  await expect(other.getByTestId('sync-status')).toHaveAttribute('data-live', 'true');

  await openPlanning(page, ACCOUNTS.manager);
  const name = uniqueName('En direct');
  const id = await createProject(page, name, 'ACTIVE');
  await expect(other.getByTestId(`project-row-${id}`)).toContainText(name, { timeout: 15_000 });
  await otherContext.close();
});

test('a rename the server refuses (the manager became TECH while offline) is listed in Refused changes', async ({ page, context, browser, baseURL }) => {
  const admin = await adminSession(baseURL!);
  const member = await createMember(baseURL!, 'MANAGER', admin);
  await openPlanning(page, member.email, member.password);
  const name = uniqueName('A renommer');
  const id = await createProject(page, name, 'ACTIVE');
  await expect.poll(async () => (await serverDocs(admin, 'projects')).some((d) => d.id === id), { timeout: 20_000 }).toBe(true);
  await expect(pending(page)).toHaveText('0');

  await context.setOffline(true);
  const renamed = `${name} bis`;
  await page.getByTestId(`project-rename-${id}`).click();
  await page.getByTestId(`project-rename-input-${id}`).fill(renamed);
  await page.getByTestId(`project-rename-save-${id}`).click();
  await expect(page.getByTestId(`project-row-${id}`)).toContainText(renamed);
  await expect(pending(page)).toHaveText('1');
  const demoted = await admin.patch(`/api/v1/org/members/${member.memberId}`, { data: { role: 'TECH' } });
  expect(demoted.status()).toBe(200);

  await context.setOffline(false);
  await expect(refused(page)).toHaveText('1', { timeout: 20_000 });
  await expect(pending(page)).toHaveText('0');
  expect((await serverDocs(admin, 'projects')).find((d) => d.id === id)?.name).toBe(name);

  // Now a TECH: no Conflicts inbox; the refused count leads to the list of this device's refused writes.
  await expect(page.getByTestId('nav-conflicts')).toHaveCount(0);
  await refused(page).click();
  const row = page.getByTestId(`refused-row-projects-${id}`);
  await expect(row).toContainText(renamed);
  await expect(row).toContainText("Vous n'avez pas les droits pour cette action.");

  // The ADMIN finds the refusal in the organisation's conflict log.
  const adminContext = await browser.newContext({ baseURL });
  const adminPage = await adminContext.newPage();
  await signIn(adminPage, ACCOUNTS.admin);
  await expect(adminPage.getByTestId('page-planning')).toBeVisible(); // the landing page's own redirect comes first
  await adminPage.getByTestId('nav-conflicts').click();
  await expect(adminPage.getByTestId('page-conflicts')).toBeVisible();
  const entry = adminPage.locator(`[data-testid^="conflict-row-"][data-entity-id="${id}"]`);
  await expect(entry).toHaveAttribute('data-outcome', 'REJECTED');
  await expect(entry).toContainText(renamed);
  await adminContext.close();

  await row.getByTestId(`refused-dismiss-projects-${id}`).click();
  await expect(row).toHaveCount(0);
  await expect(refused(page)).toHaveText('0');
  await admin.dispose();
});

test('concurrent renames: the later one wins, and the Conflicts inbox shows the kept and the discarded name', async ({ page, context, browser, baseURL }) => {
  await openPlanning(page, ACCOUNTS.manager);
  const name = uniqueName('Concurrence');
  const id = await createProject(page, name, 'ACTIVE');
  await expect.poll(async () => (await serverDocs(page.request, 'projects')).some((d) => d.id === id), { timeout: 20_000 }).toBe(true);
  const adminContext = await browser.newContext({ baseURL });
  const adminPage = await adminContext.newPage();
  await openPlanning(adminPage, ACCOUNTS.admin);
  await expect(adminPage.getByTestId(`project-row-${id}`)).toBeVisible();

  await context.setOffline(true);
  const mine = `${name} cote regie`;
  const theirs = `${name} cote admin`;
  await page.getByTestId(`project-rename-${id}`).click();
  await page.getByTestId(`project-rename-input-${id}`).fill(mine);
  await page.getByTestId(`project-rename-save-${id}`).click();
  await adminPage.getByTestId(`project-rename-${id}`).click();
  await adminPage.getByTestId(`project-rename-input-${id}`).fill(theirs);
  await adminPage.getByTestId(`project-rename-save-${id}`).click();
  await expect.poll(async () => (await serverDocs(adminPage.request, 'projects')).find((d) => d.id === id)?.name, { timeout: 20_000 }).toBe(theirs);

  await context.setOffline(false);
  await expect(page.getByTestId(`project-row-${id}`)).toContainText(theirs, { timeout: 20_000 });
  await expect(pending(page)).toHaveText('0');
  await page.getByTestId('nav-conflicts').click();
  const entry = page.locator(`[data-testid^="conflict-row-"][data-entity-id="${id}"]`);
  await expect(entry).toHaveAttribute('data-outcome', 'MERGED');
  const nameRow = entry.locator('tr[data-field="name"]');
  await expect(nameRow.locator('.field-values__kept')).toHaveText(theirs);
  await expect(nameRow.locator('.field-values__discarded')).toHaveText(mine);
  await adminContext.close();
});

test('an expired session shows Sign in but keeps the queued write, pushed after signing in again', async ({ page, context }) => {
  await openPlanning(page, ACCOUNTS.manager);
  // The first sync (earlier tests left punches and timesheets) ends before the session does, so that the first
  // request to meet the expired session is the push of the write below.
  await expect.poll(() => page.evaluate(() => (window as unknown as { __ccSync?: { phase: string } }).__ccSync?.phase), { timeout: 30_000 }).toBe('idle');
  await context.clearCookies();
  const name = uniqueName('Session expiree');
  const form = page.getByTestId('project-form');
  await form.getByTestId('project-name').fill(name);
  await form.getByTestId('project-submit').click();
  await expect(page.getByTestId('page-signin')).toBeVisible({ timeout: 20_000 });
  expect(await page.evaluate(() => (window as unknown as { __ccSync?: { pending: number; phase: string } }).__ccSync)).toMatchObject({ pending: 1, phase: 'signed-out' });

  await page.getByTestId('signin-email').fill(ACCOUNTS.manager);
  await page.getByTestId('signin-password').fill(DEMO_PASSWORD);
  await page.getByTestId('signin-submit').click();
  await expect(page.getByTestId('page-planning')).toBeVisible();
  await expect.poll(async () => (await serverDocs(page.request, 'projects')).filter((d) => d.name === name).length, { timeout: 20_000 }).toBe(1);
  await expect(pending(page)).toHaveText('0');
  await expect(page.getByTestId('project-list')).toContainText(name);
});
