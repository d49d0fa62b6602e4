import fs from 'node:fs/promises';
import type { Download, Page } from '@playwright/test';
import { ACCOUNTS, expect, signIn, test, waitForServiceWorker } from './helpers';
import { waitForSyncIdle } from './sync-helpers';

/*
 * Issue 13 item 8: the direction dashboard opened offline after a reload, a filter changed offline, then the view
 * exported as CSV, PNG and PDF and verified. Needs the demo organisation's slices (WAREHOUSE) and the export menu
 * mounted in the page header (EXPORTS' ExportMenu in client/src/pages/analytics/ExportSlot.tsx).
 */
test.use({ viewport: { width: 1366, height: 768 }, locale: 'fr-FR', timezoneId: 'Europe/Paris' });

const SEAL = /CCSEAL1:([A-Za-z0-9_.-]{128})/;
const header = (page: Page) => page.getByTestId('analytics-page').locator('.an-head');

async function settled(page: Page): Promise<void> {
  await expect(page.getByTestId('analytics-page')).toHaveAttribute('aria-busy', 'false');
  await expect(page.getByTestId('analytics-tiles')).toBeVisible();
}

async function fileOf(download: Download): Promise<{ name: string; bytes: Buffer }> {
  return { name: download.suggestedFilename(), bytes: await fs.readFile((await download.path())!) };
}

async function exportAs(page: Page, format: 'csv' | 'png' | 'pdf'): Promise<{ name: string; bytes: Buffer }> {
  await header(page).getByTestId('analytics-export').click();
  const downloading = page.waitForEvent('download');
  await page.getByTestId(`export-${format}`).click();
  return fileOf(await downloading);
}

async function verify(page: Page, file: { name: string; bytes: Buffer }, mimeType: string): Promise<string> {
  await page.goto('/verify');
  await page.getByTestId('verify-file').setInputFiles({ name: file.name, mimeType, buffer: file.bytes });
  const result = page.getByTestId('verify-result');
  await expect(result).not.toHaveAttribute('data-result', /none|checking/);
  return (await result.getAttribute('data-result')) ?? '';
}

test('the dashboard offline after a reload, a filter changed offline, exported as CSV, PNG and PDF: unsigned offline, signed once online, GENUINE on /verify', async ({ page, context }) => {
  await signIn(page, ACCOUNTS.admin);
  await waitForServiceWorker(page);
  await page.goto('/analytics?period=last-3-months');
  await waitForSyncIdle(page);
  await settled(page);

  await context.setOffline(true);
  await page.reload();
  await settled(page);
  await expect(page.getByTestId('analytics-data-as-of')).toContainText(/^Donn\u00e9es au /);
  // Offline filter change: the same period last year as comparison.
  await page.getByTestId('analytics-compare').selectOption('lastYear');
  await expect(page).toHaveURL(/compare=lastYear/);
  await settled(page);
  await expect(page.getByTestId('analytics-compare-period')).toBeVisible();

  // Offline: the CSV is made at once, marked unsigned.
  const offlineCsv = await exportAs(page, 'csv');
  await expect(header(page).getByTestId('export-status')).toHaveAttribute('data-state', 'unsigned');
  expect(offlineCsv.bytes.toString('utf8')).toContain('CCSEAL1:UNSIGNED');

  // Back online: signed in the background; new exports are signed at once.
  await context.setOffline(false);
  await expect(header(page).getByTestId('export-status')).toHaveAttribute('data-state', 'signed');
  const csv = await exportAs(page, 'csv');
  const png = await exportAs(page, 'png');
  const pdf = await exportAs(page, 'pdf');

  // The CSV carries the filters and the indicators of the page.
  const text = csv.bytes.toString('utf8');
  expect(text).toContain('M\u00eame p\u00e9riode l\'an dernier');
  expect(text).toContain('Taux de couverture');
  expect(text).toContain('Masse salariale');
  expect(text).toMatch(SEAL);
  // PNG and PDF signatures, and the seal inside.
  expect(png.bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(png.bytes.toString('latin1')).toMatch(SEAL);
  expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdf.bytes.toString('latin1')).toMatch(SEAL);

  expect(await verify(page, csv, 'text/csv')).toBe('GENUINE');
  expect(await verify(page, png, 'image/png')).toBe('GENUINE');
  expect(await verify(page, pdf, 'application/pdf')).toBe('GENUINE');
  // The copy made offline has no signature in it, but the register signed it when the device came back.
  expect(await verify(page, offlineCsv, 'text/csv')).toBe('UNSIGNED');
});
