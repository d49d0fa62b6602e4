import type { APIRequestContext, Page } from '@playwright/test';
import { expectAccessible } from './a11y-helpers';
import { ACCOUNTS, expect, signIn, test, waitForServiceWorker } from './helpers';
import { apiSession, serverDocs, uniqueName, waitForSyncIdle } from './sync-helpers';

// Issue 12: a manager on a phone enters KPI values offline, reloads, syncs; the direction view opens offline.
test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, locale: 'fr-FR', timezoneId: 'Europe/Paris' });

const uuid = () => crypto.randomUUID();

/** A weekly manual KPI, target 100, percent bands 100 / 90 (up is better), as the registry's KPI data. */
function kpiDoc(name: string) {
  return {
    id: uuid(),
    kind: 'kpi',
    name,
    archived: false,
    data: {
      unit: '%',
      decimals: 1,
      frequency: 'WEEKLY',
      direction: 'UP_IS_BETTER',
      target: 100,
      thresholds: { kind: 'PERCENT_OF_TARGET', green: 100, orange: 90 },
      aggregation: 'AVERAGE',
      source: 'MANUAL',
      active: true,
      gracePeriodDays: 2,
    },
    updatedAt: new Date().toISOString(),
  };
}

/** Pushes documents through the sync route as the given session; none may be refused. */
async function push(api: APIRequestContext, collection: string, docs: object[]): Promise<void> {
  const res = await api.post(`/api/v1/sync/${collection}/push?details=1`, { data: docs.map((d) => ({ newDocumentState: d })) });
  expect(res.status(), await res.text()).toBe(200);
  expect(((await res.json()) as { rejected: unknown[] }).rejected).toEqual([]);
}

const entryRow = (page: Page, kpiId: string) => page.locator(`[data-testid="kpi-entry-row"][data-kpi-id="${kpiId}"][data-current="true"]`);

test('offline on a phone: quick entry keeps values across a reload, syncs them, and the direction view opens offline with "data as of"', async ({ page, context, baseURL }) => {
  const manager = await apiSession(baseURL!, ACCOUNTS.manager);
  const fill = kpiDoc(uniqueName('Taux de remplissage'));
  const budget = kpiDoc(uniqueName('Respect du budget'));
  const process = uniqueName('Accueil');
  const dashboard = { id: uuid(), kind: 'dashboard', name: uniqueName('Salle'), archived: false, sharing: 'ORGANISATION', data: { process, kpiIds: [fill.id, budget.id] }, updatedAt: new Date().toISOString() };
  await push(manager, 'reference', [fill, budget, dashboard]);
  // An open action due ten days ago, without an owner: overdue.
  const due = new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10);
  const action = { id: uuid(), kind: 'action', kpiId: fill.id, title: uniqueName('Relancer la billetterie'), ownerUserId: null, dueDate: due, progress: 20, status: 'OPEN', updatedAt: new Date().toISOString() };
  await push(manager, 'action_plans', [action]);

  await signIn(page, ACCOUNTS.manager);
  await waitForServiceWorker(page);
  await page.goto('/kpi/entry');
  await waitForSyncIdle(page);
  await expect(entryRow(page, fill.id)).toBeVisible();
  await expect(entryRow(page, fill.id).getByTestId('kpi-entry-target')).toContainText('100');

  // Offline: two values typed the French way, the status preview follows the typing.
  await context.setOffline(true);
  const fillInput = entryRow(page, fill.id).getByTestId('kpi-entry-input');
  await fillInput.fill('92,5');
  await expect(entryRow(page, fill.id).getByTestId('kpi-entry-preview')).toHaveAttribute('data-status', 'ORANGE');
  await fillInput.fill('85');
  await expect(entryRow(page, fill.id).getByTestId('kpi-entry-preview')).toHaveAttribute('data-status', 'RED');
  await fillInput.fill('92,5');
  await entryRow(page, budget.id).getByTestId('kpi-entry-input').fill('101');
  await expect(entryRow(page, budget.id).getByTestId('kpi-entry-preview')).toHaveAttribute('data-status', 'GREEN');
  await page.getByTestId('kpi-entry-save').click();
  await expect(entryRow(page, fill.id)).toHaveAttribute('data-pending', 'true');
  await expect(entryRow(page, budget.id)).toHaveAttribute('data-pending', 'true');
  await expect(entryRow(page, fill.id).getByTestId('kpi-entry-pending')).toBeVisible();

  // A reload without network: the values are still there, still waiting.
  await page.reload();
  await expect(entryRow(page, fill.id).getByTestId('kpi-entry-saved')).toContainText('92,5');
  await expect(entryRow(page, budget.id).getByTestId('kpi-entry-saved')).toContainText('101');
  await expect(entryRow(page, fill.id)).toHaveAttribute('data-pending', 'true');
  expect((await serverDocs(manager, 'kpi_values')).some((d) => d.kpiId === fill.id)).toBe(false);

  // Back online: both reach the server, which rates them.
  await context.setOffline(false);
  await expect
    .poll(async () => {
      const docs = await serverDocs(manager, 'kpi_values');
      return [fill.id, budget.id].map((id) => {
        const d = docs.find((x) => x.kpiId === id && !x._deleted);
        return d ? [d.value, d.status] : null;
      });
    }, { timeout: 30_000 })
    .toEqual([
      [92.5, 'ORANGE'],
      [101, 'GREEN'],
    ]);
  await expect(entryRow(page, fill.id)).toHaveAttribute('data-pending', 'false');
  await expect(entryRow(page, fill.id).getByTestId('kpi-entry-synced')).toBeVisible();

  // The direction view, then offline after a reload: from the local store, with the time of the last sync.
  await page.goto('/kpi/direction');
  await waitForSyncIdle(page);
  // The top risks list only the ten worst of the organisation (other specs add theirs on this server): the test's
  // own process, named uniquely, carries its KPI's status.
  const ownProcess = page.getByTestId('kpi-direction-process').filter({ hasText: process });
  await expect(ownProcess).toHaveAttribute('data-headline', 'ORANGE');
  const asOf = page.getByTestId('kpi-data-as-of');
  await expect(asOf).toHaveAttribute('data-as-of', /.+/);
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('kpi-direction')).toBeVisible();
  await expect(asOf).toContainText(/^Donn\u00e9es au /);
  await expect(asOf).toHaveAttribute('data-as-of', /^\d{4}-\d{2}-\d{2}T/);
  await expect(ownProcess).toHaveAttribute('data-headline', 'ORANGE');
  await expect(page.getByTestId('kpi-direction-overdue').filter({ hasText: action.title })).toContainText(fill.name);
  await expect(page.getByTestId('kpi-direction-owner').filter({ hasText: 'Sans responsable' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await context.setOffline(false);
  await manager.dispose();
});

test('quick entry and direction view on a laptop: a status preview, then no serious axe violation on either', async ({ page, baseURL }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const manager = await apiSession(baseURL!, ACCOUNTS.manager);
  const kpi = kpiDoc(uniqueName('Heures sup'));
  const dashboard = { id: uuid(), kind: 'dashboard', name: uniqueName('Regie'), archived: false, sharing: 'ORGANISATION', data: { process: 'Production', kpiIds: [kpi.id] }, updatedAt: new Date().toISOString() };
  await push(manager, 'reference', [kpi, dashboard]);
  await signIn(page, ACCOUNTS.manager);
  await page.goto('/kpi/entry');
  await waitForSyncIdle(page);
  const row = entryRow(page, kpi.id);
  await row.getByTestId('kpi-entry-input').fill('1 000,5');
  await expect(row.getByTestId('kpi-entry-preview')).toHaveAttribute('data-status', 'GREEN');
  await row.getByTestId('kpi-entry-input').fill('abc');
  await expect(row.getByRole('textbox')).toHaveAttribute('aria-invalid', 'true');
  await row.getByTestId('kpi-entry-input').fill('');
  await expectAccessible(page, 'KPI quick entry (manager, laptop)');
  await page.goto('/kpi/direction');
  await expect(page.getByTestId('kpi-direction')).toBeVisible();
  await expectAccessible(page, 'KPI direction view (manager, laptop)');
  await manager.dispose();
});
