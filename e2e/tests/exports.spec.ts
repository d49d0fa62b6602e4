import fs from 'node:fs/promises';
import type { Download, Page } from '@playwright/test';
import { PDFDocument } from 'pdf-lib';
import { PNG } from 'pngjs';
import { expectAccessible } from './a11y-helpers';
import { ACCOUNTS, expect, signIn, test, waitForServiceWorker } from './helpers';

// Issue 13 item 6: exports of a view as CSV, PNG and PDF carry a seal signed by the server; /verify says GENUINE,
// ALTERED after one changed byte, and an export made offline is unsigned until the device is back online.
test.use({ viewport: { width: 1366, height: 768 }, locale: 'fr-FR', timezoneId: 'Europe/Paris' });

const SEAL = /CCSEAL1:([A-Za-z0-9_.-]{128})/;

async function openSample(page: Page): Promise<void> {
  await signIn(page, ACCOUNTS.admin);
  await page.goto('/design#design-exports');
  await expect(page.getByTestId('design-exports')).toBeVisible();
}

/** Picks a format in the export menu and returns the downloaded file. */
async function exportAs(page: Page, format: 'csv' | 'png' | 'pdf'): Promise<{ name: string; bytes: Buffer }> {
  const section = page.getByTestId('design-exports');
  await section.getByTestId('export-menu').click();
  const downloading = page.waitForEvent('download');
  await page.getByTestId(`export-${format}`).click();
  return fileOf(await downloading);
}

async function fileOf(download: Download): Promise<{ name: string; bytes: Buffer }> {
  return { name: download.suggestedFilename(), bytes: await fs.readFile((await download.path())!) };
}

/** Drops a file on /verify (the page's file input) and returns the verdict shown. */
async function verifyOnPage(page: Page, file: { name: string; bytes: Buffer }, mimeType: string): Promise<string> {
  await page.goto('/verify');
  await page.getByTestId('verify-file').setInputFiles({ name: file.name, mimeType, buffer: file.bytes });
  const result = page.getByTestId('verify-result');
  await expect(result).not.toHaveAttribute('data-result', /none|checking/);
  return (await result.getAttribute('data-result')) ?? '';
}

function flipByte(bytes: Buffer, at: number): Buffer {
  const copy = Buffer.from(bytes);
  copy[at] = copy[at]! ^ 0x01;
  return copy;
}

test('CSV, PNG and PDF exports are signed, read by real readers, GENUINE on /verify and ALTERED after one byte', async ({ page }) => {
  await openSample(page);

  const csv = await exportAs(page, 'csv');
  await expect(page.getByTestId('design-exports').getByTestId('export-status')).toHaveAttribute('data-state', 'signed');
  expect(csv.name).toMatch(/^coulisses-design-sample-\d{8}-\d{4}\.csv$/);
  const text = csv.bytes.toString('utf8');
  expect(text.startsWith('\ufeff')).toBe(true);
  const lines = text.slice(1).split('\r\n').filter(Boolean);
  // Every line has the same number of ; fields (3: the table's width); the data rows have the decimal comma.
  expect(new Set(lines.map((l) => l.split(';').length))).toEqual(new Set([3]));
  expect(lines).toContain('2026-03-02;40;38,5');
  expect(lines.at(-1)).toMatch(/^# Sceau;CCSEAL1:[A-Za-z0-9_-]{86}\.[A-Za-z0-9_-]+\.*;$/);
  expect(text).toContain('# Export\u00e9 par;Alice Garnier;');

  const png = await exportAs(page, 'png');
  const image = PNG.sync.read(png.bytes); // pngjs checks every chunk's CRC
  expect(image.width).toBe(1200);
  expect(image.height).toBeGreaterThan(300);
  expect(png.bytes.toString('latin1')).toMatch(SEAL);

  const pdf = await exportAs(page, 'pdf');
  const doc = await PDFDocument.load(pdf.bytes, { updateMetadata: false });
  expect(doc.getPageCount()).toBeGreaterThanOrEqual(1);
  expect(doc.getKeywords()).toMatch(/^CCSEAL1:[A-Za-z0-9_-]{86}\./);
  expect(doc.getSubject()).toMatch(/^CCEXPORT1:[0-9a-f-]{36}$/);
  expect(doc.getAuthor()).toBe('Alice Garnier');

  expect(await verifyOnPage(page, csv, 'text/csv')).toBe('GENUINE');
  await expect(page.getByTestId('verify-who')).toHaveText('Alice Garnier');
  await expect(page.getByTestId('verify-made-by')).toHaveText(/^Un appareil/);
  await expectAccessible(page, 'verify page with a GENUINE verdict');
  expect(await verifyOnPage(page, png, 'image/png')).toBe('GENUINE');
  expect(await verifyOnPage(page, pdf, 'application/pdf')).toBe('GENUINE');

  const csvDataAt = csv.bytes.indexOf(Buffer.from('38,5'));
  expect(await verifyOnPage(page, { ...csv, bytes: flipByte(csv.bytes, csvDataAt) }, 'text/csv')).toBe('ALTERED');
  expect(await verifyOnPage(page, { ...png, bytes: flipByte(png.bytes, 100) }, 'image/png')).toBe('ALTERED');
  expect(await verifyOnPage(page, { ...pdf, bytes: flipByte(pdf.bytes, Math.floor(pdf.bytes.length / 2)) }, 'application/pdf')).toBe('ALTERED');
  expect(await verifyOnPage(page, { name: 'autre.csv', bytes: Buffer.from('a;b\r\n1;2\r\n') }, 'text/csv')).toBe('UNKNOWN');
});

test('a server-made CSV (POST without a hash) is GENUINE on /verify, its figures computed by the server', async ({ page, baseURL }) => {
  await signIn(page, ACCOUNTS.admin);
  const res = await page.request.post('/api/v1/analytics/exports', {
    headers: { origin: new URL(baseURL!).origin },
    data: { format: 'csv', viewId: 'analytics.dashboard', filters: { from: '2026-12-01', to: '2026-12-31', compare: 'previous' } },
  });
  expect(res.status(), await res.text()).toBe(201);
  expect(res.headers()['content-type']).toBe('text/csv; charset=utf-8');
  const name = /filename="([^"]+)"/.exec(res.headers()['content-disposition'] ?? '')?.[1] ?? '';
  expect(name).toMatch(/^coulisses-analytics-dashboard-\d{8}-\d{4}\.csv$/);
  const bytes = await res.body();
  expect(bytes.toString('utf8')).toContain(`CCEXPORT1:${res.headers()['x-export-id']}`);
  expect(await verifyOnPage(page, { name, bytes }, 'text/csv')).toBe('GENUINE');
  await expect(page.getByTestId('verify-who')).toHaveText('Alice Garnier');
  await expect(page.getByTestId('verify-made-by')).toHaveText(/^Le serveur/);
});

test('offline: the export is marked unsigned, then signed when the device is back online; the signed copy is GENUINE', async ({ page, context }) => {
  await openSample(page);
  await waitForServiceWorker(page);
  await context.setOffline(true);
  const unsigned = await exportAs(page, 'pdf');
  const status = page.getByTestId('design-exports').getByTestId('export-status');
  await expect(status).toHaveAttribute('data-state', 'unsigned');
  await expect(page.getByTestId('design-exports').getByTestId('export-pending')).toBeVisible();
  expect(unsigned.bytes.toString('latin1')).toContain('CCSEAL1:UNSIGNED----');

  await context.setOffline(false);
  await expect(page.getByTestId('export-signed-toast')).toBeVisible();
  await expect(status).toHaveAttribute('data-state', 'signed');
  await expect(page.getByTestId('design-exports').getByTestId('export-pending')).toHaveCount(0);
  const downloading = page.waitForEvent('download');
  await page.getByTestId('design-exports').getByTestId('export-download-signed').click();
  const signed = await fileOf(await downloading);
  expect(signed.bytes.length).toBe(unsigned.bytes.length);
  expect(signed.bytes.toString('latin1')).toMatch(SEAL);
  await PDFDocument.load(signed.bytes, { updateMetadata: false });

  // The device's register lists it, signed, for another download.
  await page.getByTestId('design-exports').getByTestId('export-menu').click();
  await page.getByTestId('export-recent').click();
  const item = page.getByTestId('export-recent-sheet').getByTestId('export-recent-item').filter({ hasText: unsigned.name });
  await expect(item).toHaveAttribute('data-state', 'signed');
  await page.keyboard.press('Escape');

  expect(await verifyOnPage(page, unsigned, 'application/pdf')).toBe('UNSIGNED');
  expect(await verifyOnPage(page, signed, 'application/pdf')).toBe('GENUINE');
});

test.describe('on a phone, without an account', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('/verify is public, fits the screen and says UNKNOWN for a file without a seal', async ({ page }) => {
    expect(await verifyOnPage(page, { name: 'notes.csv', bytes: Buffer.from('a;b\r\n1;2\r\n') }, 'text/csv')).toBe('UNKNOWN');
    await expect(page.getByTestId('verify-reason')).toHaveText('Aucun sceau dans le fichier');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await expectAccessible(page, 'verify page on a phone');
  });
});
