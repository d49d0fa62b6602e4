import type { Page } from '@playwright/test';
import { ACCOUNTS, expect, signIn, test } from './helpers';
import { seedKpiDashboard } from './kpi-helpers';
import { dismissToasts, idOf, pushDocs, uuid7 } from './planning-helpers';
import { apiSession, serverDocs, uniqueName, waitForSyncIdle } from './sync-helpers';

test.beforeEach(async ({ page }) => {
  await dismissToasts(page);
});

async function createKpi(page: Page, o: { name: string; unit: string; target: string; direction?: 'UP_IS_BETTER' | 'DOWN_IS_BETTER' }): Promise<void> {
  await page.getByTestId('kpi-new').click();
  const editor = page.getByTestId('kpi-editor');
  await editor.getByTestId('kpi-name').fill(o.name);
  await editor.getByTestId('kpi-unit').fill(o.unit);
  if (o.direction) await editor.getByTestId('kpi-direction').selectOption(o.direction);
  await editor.getByTestId('kpi-target').fill(o.target);
  // The live preview of the bands reads the target: 90 % of 90 is 81 (UP), 110 % of 20 is 22 (DOWN).
  await expect(editor.getByTestId('kpi-band-GREEN')).toBeVisible();
  await page.getByTestId('kpi-editor-submit').click();
  await expect(editor).toBeHidden();
}

/** The first day of the current month and yesterday, in the browser's zone (the organisation's: Europe/Paris). */
async function currentMonth(page: Page): Promise<string> {
  return page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-01`;
  });
}
async function yesterday(page: Page): Promise<string> {
  return page.evaluate(() => {
    const d = new Date(Date.now() - 86_400_000);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
}

/** The KPI id of the tile showing `name` (the tile itself carries data-status). */
async function tileId(page: Page, name: string): Promise<string> {
  const tile = page.locator('li[data-testid^="kpi-tile-"][data-status]', { hasText: name });
  await expect(tile).toHaveCount(1);
  return String(await tile.getAttribute('data-testid')).slice('kpi-tile-'.length);
}

test('a manager creates a dashboard and two KPIs, enters a value, sees the tile colour and the KPI history chart', async ({ page, baseURL }) => {
  await signIn(page, ACCOUNTS.manager);
  await page.goto('/kpi/dashboards');
  await expect(page.getByTestId('kpi-dashboards')).toBeVisible();

  // A dashboard for a process, in a sheet.
  const title = uniqueName('Accueil public');
  await page.getByTestId('dashboard-new').click();
  await page.getByTestId('dashboard-title').fill(title);
  await page.getByTestId('dashboard-process').fill('Accueil');
  await page.getByTestId('dashboard-form-submit').click();
  const dashboardId = await idOf(page, 'dashboard-card-', title);
  await expect(page.getByTestId(`dashboard-card-${dashboardId}`)).toContainText('Accueil');
  await page.getByTestId(`dashboard-link-${dashboardId}`).click();
  await expect(page.getByTestId('dashboard-title-heading')).toHaveText(title);

  // Two KPIs: bad input first (bands out of order) gives the catalogue's message, not a crash.
  await page.getByTestId('kpi-new').click();
  await page.getByTestId('kpi-name').fill('x');
  await page.getByTestId('kpi-target').fill('90');
  await page.getByTestId('kpi-threshold-kind').selectOption('ABSOLUTE');
  await page.getByTestId('kpi-green').fill('50');
  await page.getByTestId('kpi-orange').fill('80');
  await page.getByTestId('kpi-editor-submit').click();
  await expect(page.getByTestId('kpi-bands-error')).toContainText('seuil vert');
  await page.getByTestId('kpi-editor').getByRole('button', { name: 'Annuler' }).click();

  const fill = uniqueName('Taux de remplissage');
  const overtime = uniqueName('Heures sup');
  await createKpi(page, { name: fill, unit: '%', target: '90' });
  await createKpi(page, { name: overtime, unit: 'h', target: '20', direction: 'DOWN_IS_BETTER' });
  const tiles = page.getByTestId('kpi-grid').locator('li[data-testid^="kpi-tile-"]');
  await expect(tiles).toHaveCount(2);
  const fillId = await tileId(page, fill);
  await expect(page.getByTestId(`kpi-tile-value-${fillId}`)).toHaveText('-');

  // Reorder: the second KPI moves first, and stays so.
  await page.getByTestId('dashboard-reorder').click();
  const overtimeId = await tileId(page, overtime);
  await page.getByTestId(`kpi-tile-earlier-${overtimeId}`).click();
  await expect(tiles.first()).toHaveAttribute('data-testid', `kpi-tile-${overtimeId}`);
  await page.getByTestId('dashboard-reorder').click();

  // The KPI page: enter 95 % for this month (target 90, higher is better): GREEN.
  await page.getByTestId(`kpi-tile-link-${fillId}`).click();
  await expect(page.getByTestId('kpi-page-title')).toHaveText(fill);
  await page.getByTestId('kpi-enter-value').click();
  await page.getByTestId('kpi-value-input').fill('95');
  await page.getByTestId('kpi-value-submit').click();
  await expect(page.getByTestId('kpi-page-status')).toHaveAttribute('data-status', 'GREEN');
  await expect(page.getByTestId('kpi-page-value')).toHaveText('95\u00a0%');
  await expect(page.getByTestId('kpi-values-table')).toContainText('95\u00a0%');

  // The history chart: a uPlot canvas, with the target line.
  const plot = page.getByTestId('kpi-chart-plot');
  await expect(plot.locator('canvas')).toHaveCount(1);
  await expect(plot).toHaveAttribute('data-target-line', 'true');
  const box = await plot.locator('canvas').boundingBox();
  expect(box?.width ?? 0).toBeGreaterThan(200);

  // A second entry for the same period replaces the first: the tile turns ORANGE (81 <= 85 < 90).
  await page.getByTestId('kpi-enter-value').click();
  await page.getByTestId('kpi-value-input').fill('85');
  await page.getByTestId('kpi-value-submit').click();
  await expect(page.getByTestId('kpi-page-status')).toHaveAttribute('data-status', 'ORANGE');

  const month = await currentMonth(page);
  await expect(page.getByTestId(`kpi-value-row-${month}`)).toContainText('85\u00a0%');

  // An action plan (overdue: due yesterday) and a comment on the KPI.
  await page.getByTestId('kpi-action-new').click();
  await page.getByTestId('kpi-action-title').fill('Relancer les abonnes');
  await page.getByTestId('kpi-action-due').fill(await yesterday(page));
  await page.getByTestId('kpi-action-submit').click();
  const action = page.locator('[data-testid^="kpi-action-"]', { hasText: 'Relancer les abonnes' }).first();
  await expect(action.locator('[data-testid^="kpi-action-overdue-"]')).toBeVisible();
  await page.getByTestId('kpi-comment-input-kpi').fill('Baisse due aux travaux du hall.');
  await page.getByTestId('kpi-comment-add-kpi').click();
  await expect(page.getByTestId('kpi-comments')).toContainText('Baisse due aux travaux du hall.');

  // Back on the dashboard, the tile says it in colour and in words.
  await page.getByTestId('kpi-back').click();
  const tile = page.getByTestId(`kpi-tile-${fillId}`);
  await expect(tile).toHaveAttribute('data-status', 'ORANGE');
  await expect(page.getByTestId(`kpi-tile-status-${fillId}`)).toHaveText(/surveiller/);
  await expect(page.getByTestId(`kpi-tile-value-${fillId}`)).toHaveText('85\u00a0%');

  // Everything reached the server with the sync.
  await waitForSyncIdle(page);
  const api = await apiSession(baseURL!, ACCOUNTS.manager);
  await expect
    .poll(async () => (await serverDocs(api, 'kpi_values')).filter((d) => d['kpiId'] === fillId && !d._deleted).map((d) => [d['value'], d['status'], (d['history'] as unknown[]).length]))
    .toEqual([[85, 'ORANGE', 1]]);
  await expect
    .poll(async () => (await serverDocs(api, 'action_plans')).filter((d) => d['kpiId'] === fillId && !d._deleted).map((d) => d['kind']).sort())
    .toEqual(['action', 'comment']);
  const refs = await serverDocs(api, 'reference');
  const dashboard = refs.find((d) => d.id === dashboardId);
  expect((dashboard?.['data'] as { kpiIds: string[] }).kpiIds).toEqual([overtimeId, fillId]);
  await api.dispose();

  // The correction merged into the period's value on the server: the replaced entry (95 %) is kept and shown.
  await page.getByTestId(`kpi-tile-link-${fillId}`).click();
  const history = page.getByTestId(`kpi-history-${month}`);
  await expect(history).toContainText(/1 saisie remplac/);
  await history.locator('summary').click();
  await expect(history).toContainText('95\u00a0%');
  await expect(page.locator(`[data-testid="kpi-value-row-${month}"]`)).toHaveCount(1);
});

test('a TECH sees the dashboards shared with the organisation, read only, and not a private one', async ({ page, baseURL }) => {
  const manager = await apiSession(baseURL!, ACCOUNTS.manager);
  const shared = uniqueName('Production partagee');
  const scene = await seedKpiDashboard(manager, shared);
  const hidden = uniqueName('Prive');
  const privateId = uuid7();
  await pushDocs(manager, 'reference', [{ id: privateId, updatedAt: new Date().toISOString(), kind: 'dashboard', name: hidden, archived: false, sharing: 'PRIVATE', data: { process: 'Direction', kpiIds: [] } }]);
  await manager.dispose();

  await signIn(page, ACCOUNTS.tech);
  await page.goto('/kpi');
  await expect(page.getByTestId('kpi-dashboards')).toBeVisible();
  await expect(page.getByTestId('kpi-tab-imports')).toHaveCount(0);
  await expect(page.getByTestId(`dashboard-card-${scene.dashboardId}`)).toBeVisible();
  await expect(page.getByTestId(`dashboard-card-${privateId}`)).toHaveCount(0);
  await expect(page.getByTestId('dashboard-new')).toHaveCount(0);
  await expect(page.getByTestId(`dashboard-menu-${scene.dashboardId}-button`)).toHaveCount(0);

  await page.getByTestId(`dashboard-link-${scene.dashboardId}`).click();
  await expect(page.locator('li[data-testid^="kpi-tile-"]')).toHaveCount(3);
  await expect(page.getByTestId('kpi-new')).toHaveCount(0);
  await page.getByTestId(`kpi-tile-link-${scene.kpiIds[0]}`).click();
  await expect(page.getByTestId('kpi-chart-plot').locator('canvas')).toHaveCount(1);
  await expect(page.getByTestId('kpi-enter-value')).toHaveCount(0);
  await expect(page.getByTestId('kpi-menu-button')).toHaveCount(0);
  await expect(page.getByTestId('kpi-action-new')).toHaveCount(0);
  // Everyone who reads the KPI may comment.
  await expect(page.getByTestId('kpi-comment-input-kpi')).toBeVisible();
});

test('a manager deletes a dashboard after confirming, and the toast brings it back', async ({ page, baseURL }) => {
  const manager = await apiSession(baseURL!, ACCOUNTS.manager);
  const title = uniqueName('A supprimer');
  const scene = await seedKpiDashboard(manager, title);
  await signIn(page, ACCOUNTS.manager);
  await page.goto('/kpi/dashboards');
  const card = page.getByTestId(`dashboard-card-${scene.dashboardId}`);
  await expect(card).toBeVisible();
  // Counts by status on the card: the seeded KPIs are green, red and orange now.
  await expect(page.getByTestId(`dashboard-count-${scene.dashboardId}-RED`)).toBeVisible();

  await page.getByTestId(`dashboard-menu-${scene.dashboardId}-button`).click();
  await page.getByTestId(`dashboard-delete-${scene.dashboardId}`).click();
  await expect(page.getByTestId('confirm-dialog')).toBeVisible();
  await page.getByTestId('confirm-dialog-confirm').click();
  await expect(card).toHaveCount(0);
  await page.getByTestId('dashboard-deleted-toast-action').click();
  await expect(card).toBeVisible();
  await waitForSyncIdle(page);
  await expect.poll(async () => (await serverDocs(manager, 'reference')).find((d) => d.id === scene.dashboardId)?.['archived']).toBe(false);
  await manager.dispose();
});

test('on a phone and offline, a manager corrects a value from the KPI page; the tile changes at once and the server gets it once online', async ({ page, context, baseURL }) => {
  const manager = await apiSession(baseURL!, ACCOUNTS.manager);
  const scene = await seedKpiDashboard(manager, uniqueName('Hors ligne'));
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, ACCOUNTS.manager);
  await page.goto(`/kpi/dashboards/${scene.dashboardId}`);
  const overtime = scene.kpiIds[1]!;
  await expect(page.getByTestId(`kpi-tile-${overtime}`)).toHaveAttribute('data-status', 'RED');
  await waitForSyncIdle(page);

  await context.setOffline(true);
  await expect(page.getByTestId('online-status')).toHaveAttribute('data-state', 'offline');
  await page.getByTestId(`kpi-tile-link-${overtime}`).click();
  await page.getByTestId('kpi-enter-value').click();
  // The form opens on the current period; the last month (the seeded 63 h) is the one to correct.
  const options = page.getByTestId('kpi-value-period').locator('option');
  await page.getByTestId('kpi-value-period').selectOption({ index: 1 });
  const period = await options.nth(1).getAttribute('value');
  await page.getByTestId('kpi-value-input').fill('38');
  await page.getByTestId('kpi-value-submit').click();
  await expect(page.getByTestId('kpi-page-status')).toHaveAttribute('data-status', 'GREEN');
  await page.getByTestId('kpi-back').click();
  await expect(page.getByTestId(`kpi-tile-${overtime}`)).toHaveAttribute('data-status', 'GREEN');
  expect((await serverDocs(manager, 'kpi_values')).find((d) => d['kpiId'] === overtime && d['periodStart'] === period)?.['value']).toBe(63);

  await context.setOffline(false);
  await expect
    .poll(async () => (await serverDocs(manager, 'kpi_values')).filter((d) => d['kpiId'] === overtime && d['periodStart'] === period && !d._deleted).map((d) => [d['value'], d['status']]), { timeout: 30_000 })
    .toEqual([[38, 'GREEN']]);
  await manager.dispose();
});
