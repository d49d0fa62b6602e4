import path from 'node:path';
import ExcelJS from 'exceljs';
import { push, newId } from './calendar-helpers';
import { ACCOUNTS, expect, signIn, test } from './helpers';
import { apiSession, uniqueName, waitForSyncIdle } from './sync-helpers';

const FIXTURE = path.join(import.meta.dirname, '../../sync-server/test/fixtures/kpi-import/values-errors.xlsx');

function kpi(name: string, frequency: string) {
  return {
    id: newId(), updatedAt: new Date().toISOString(), kind: 'kpi', name, archived: false,
    data: { unit: '%', decimals: 1, frequency, direction: 'UP_IS_BETTER', target: 90, thresholds: { kind: 'ABSOLUTE', green: 90, orange: 80 }, aggregation: 'AVERAGE', source: 'IMPORT', active: true, gracePeriodDays: 3 },
  };
}

/**
 * The fixture made with openpyxl (values-errors.xlsx: valid lines 2, 3, 9, 10; errors on 4, 5, 7, 8), with this
 * run's KPI names written in (an e2e server is shared by the specs and their retries: names must be unique).
 */
async function workbookFor(names: Record<string, string>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(FIXTURE);
  wb.worksheets[0]!.eachRow((row) => {
    const cell = row.getCell(1);
    if (typeof cell.value === 'string' && names[cell.value]) cell.value = names[cell.value]!;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test('a manager imports an xlsx with errors, sees their line numbers, keeps the valid rows and sees the job succeed', async ({ page, baseURL }) => {
  const suffix = uniqueName('e2e').split(' ')[1]!;
  const names = {
    'Taux de remplissage': `Taux de remplissage ${suffix}`,
    'Heures supplementaires': `Heures supplementaires ${suffix}`,
    Incidents: `Incidents ${suffix}`,
  };
  const api = await apiSession(baseURL!, ACCOUNTS.manager);
  await push(api, 'reference', [kpi(names['Taux de remplissage'], 'MONTHLY'), kpi(names['Heures supplementaires'], 'WEEKLY'), kpi(names.Incidents, 'DAILY')].map((d) => ({ newDocumentState: d })));
  const fileName = `valeurs-${suffix}.xlsx`;

  await signIn(page, ACCOUNTS.manager);
  await page.goto('/kpi/imports');
  await waitForSyncIdle(page);
  await page.getByTestId('kpi-import-file').setInputFiles({ name: fileName, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await workbookFor(names) });

  await expect(page.getByTestId('kpi-import-map-kpi')).toHaveValue('0');
  await expect(page.getByTestId('kpi-import-map-period')).toHaveValue('1');
  await expect(page.getByTestId('kpi-import-map-value')).toHaveValue('2');
  await expect(page.getByTestId('kpi-import-preview')).toContainText(names['Taux de remplissage']);
  await expect(page.getByTestId('kpi-import-summary')).toHaveText('8 lignes : 4 valides, 4 en erreur');
  const errors = page.getByTestId('kpi-import-errors').locator('li');
  await expect(errors).toHaveCount(4);
  await expect(page.getByTestId('kpi-import-error-line-4')).toContainText('indicateur inconnu');
  await expect(page.getByTestId('kpi-import-error-line-5')).toContainText('Ligne 5');
  await expect(page.getByTestId('kpi-import-error-line-7')).toContainText("la valeur n'est pas un nombre");
  await expect(page.getByTestId('kpi-import-error-line-8')).toContainText('doublon de la ligne 3');

  await page.getByTestId('kpi-import-mode-KEEP_VALID').check();
  await page.getByTestId('kpi-import-start').click();
  await expect(page.getByTestId('kpi-import-current-status')).toHaveText('R\u00e9ussi', { timeout: 30_000 });
  await expect(page.getByTestId('kpi-import-current-counts')).toHaveText('4 import\u00e9es, 0 inchang\u00e9es, 4 rejet\u00e9es sur 8');

  // The job log, from the local store (synced analytics_slices document of kind import_job).
  const row = page.getByTestId('kpi-import-jobs').locator('[data-testid^="kpi-import-job-"]', { hasText: fileName });
  await expect(row.getByTestId('kpi-import-job-status')).toHaveText('R\u00e9ussi', { timeout: 30_000 });
  await expect(row.getByTestId('kpi-import-job-counts')).toContainText('4 import\u00e9es');
  await expect(row).toContainText('Par vous');

  // Offline: uploading is refused with a message, the log stays (it is read from the local store).
  await page.context().setOffline(true);
  await expect(page.getByTestId('kpi-import-offline')).toBeVisible();
  await expect(page.getByTestId('kpi-import-file')).toBeDisabled();
  await expect(row.getByTestId('kpi-import-job-status')).toHaveText('R\u00e9ussi');
  await page.context().setOffline(false);
  await api.dispose();
});
