import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH, FAKE_CAMERA_ARGS } from '../chromium';
import { ACCOUNTS, expect, signIn, test } from './helpers';
import { enrolKioskApi, kioskScene } from './kiosk-helpers';
import { personDoc, pushDocs } from './planning-helpers';
import { apiSession, serverDocs } from './sync-helpers';

/**
 * Chromium's fake camera plays this MJPEG file (a JPEG after another), reading it again at each capture start; it
 * must exist when the browser starts: a grey 16x16 frame until a test writes the frames of the badge it printed.
 */
const CAMERA_FILE = join(tmpdir(), `cc-e2e-kiosk-qr-${process.pid}.mjpeg`);
const GREY_JPEG =
  '/9j/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAAQABADASIAAhEBAxEB/8QAFAABAAAAAAAAAAAAAAAAAAAAAP/EABQQAQAAAAAAAAAAAAAAAAAAAAD/xAAUAQEAAAAAAAAAAAAAAAAAAAAA/8QAFBEBAAAAAAAAAAAAAAAAAAAAAP/aAAwDAQACEQMRAD8AAA//2Q==';
writeFileSync(CAMERA_FILE, Buffer.from(GREY_JPEG, 'base64'));

test.use({ launchOptions: { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, ...FAKE_CAMERA_ARGS, `--use-file-for-fake-video-capture=${CAMERA_FILE}`] }, permissions: ['camera'] });
test.setTimeout(240_000);

/** Waits for the entrance animations (a dialog fading in) to end, so a screenshot shows the screen as it stays. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || (a as CSSAnimation).animationName === 'kiosk-countdown'));
}

/** Screenshots of the screens, for people to look at (KIOSK_SHOTS_DIR, else the test's output folder). */
async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.KIOSK_SHOTS_DIR ?? test.info().outputPath('shots');
  mkdirSync(dir, { recursive: true });
  await settled(page);
  await page.screenshot({ path: join(dir, `${name}.png`) });
}

/**
 * What the camera sees: a 640x480 photo of the screen around the QR code on `page` (as a person holds a badge up,
 * some of the card around it), written as the camera's MJPEG frames.
 */
async function showToCamera(page: Page, qrTestId: string): Promise<void> {
  // The badge as it stays on screen: a dialog shown again (after the print preview) fades in, and a photo taken
  // mid-fade is a grey QR code no camera reads.
  await expect(page.getByTestId(qrTestId).first()).toBeVisible();
  await settled(page);
  const box = (await page.getByTestId(qrTestId).first().boundingBox())!;
  const viewport = page.viewportSize()!;
  const width = 640;
  const height = 480;
  const x = Math.max(0, Math.min(viewport.width - width, box.x + box.width / 2 - width / 2));
  const y = Math.max(0, Math.min(viewport.height - height, box.y + box.height / 2 - height / 2));
  const jpeg = await page.screenshot({ type: 'jpeg', quality: 85, clip: { x, y, width, height } });
  writeFileSync(CAMERA_FILE, Buffer.concat([jpeg, jpeg, jpeg, jpeg]));
  if (process.env.KIOSK_SHOTS_DIR) writeFileSync(join(process.env.KIOSK_SHOTS_DIR, 'camera-frame.jpg'), jpeg);
}

test('a planner prints a QR badge in the PINs tab; the kiosk camera reads it without BarcodeDetector and the person clocks in', async ({ page, browser, baseURL }) => {
  const api = await apiSession(baseURL!, ACCOUNTS.manager);
  const scene = await kioskScene(api, ['Eliott']);
  const person = scene.people[0]!;
  const enrolled = await enrolKioskApi(api, scene.venue.id, 'Borne QR');

  await signIn(page, ACCOUNTS.manager);
  await page.goto('/timeclock/pins');
  const row = page.locator(`[data-testid="pin-row"][data-user-id="${person.id}"]`);
  await expect(row).toBeVisible({ timeout: 60_000 });
  await row.getByTestId('pin-choose').check();
  await expect(page.getByTestId('pins-badges')).toBeEnabled();
  for (const [w, h] of [[1440, 900], [390, 844]] as const) {
    await page.setViewportSize({ width: w, height: h });
    await row.scrollIntoViewIfNeeded();
    await shot(page, `pins-${w}x${h}`);
  }
  await page.setViewportSize({ width: 1280, height: 720 });
  await row.getByTestId('pin-choose').uncheck();
  // Printing a badge issues a new code (the old badge stops working): the planner confirms.
  page.once('dialog', (d) => void d.accept());
  await row.getByTestId('pin-badge').click();
  const sheet = page.getByTestId('badge-sheet');
  await expect(sheet.getByTestId('badge')).toHaveCount(1);
  await expect(sheet.getByTestId('badge')).toContainText(`${person.firstName} E2E`);
  const code = (await sheet.getByTestId('badge-code').textContent())!.trim();
  expect(code).toMatch(/^CC[A-Za-z0-9_-]{16}$/);
  // The QR code is an SVG element (no data: image, which the CSP refuses), version 2: 25 modules.
  await expect(sheet.getByTestId('badge-qr')).toHaveAttribute('data-qr-size', '25');
  expect(await sheet.getByTestId('badge-qr').evaluate((el) => el.tagName.toLowerCase())).toBe('svg');
  await shot(page, 'pins-badge-1280x720');
  // Only the badges print (a copy outside the dialog), with the same code.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('signout')).toBeHidden();
  await expect(sheet).toBeHidden();
  const printed = page.getByTestId('badge-print-sheet');
  await expect(printed.locator('svg.qr-code')).toBeVisible();
  await expect(printed).toContainText(code);
  if (process.env.KIOSK_SHOTS_DIR) await page.pdf({ path: join(process.env.KIOSK_SHOTS_DIR, 'pins-badge-print.pdf'), format: 'A4' });
  await page.emulateMedia({ media: 'screen' });
  await showToCamera(page, 'badge-qr');

  // The tablet: the QR screen opens the camera and reads the badge in its worker.
  const tablet = await browser.newContext({ baseURL, permissions: ['camera'] });
  const kiosk = await tablet.newPage();
  await kiosk.goto(enrolled.path);
  await expect(kiosk.getByTestId('kiosk-tile')).toHaveCount(1);
  expect(await kiosk.evaluate(() => 'BarcodeDetector' in window)).toBe(false);
  await kiosk.getByTestId('kiosk-scan-qr').click();
  await expect(kiosk.getByTestId('kiosk-qr')).toBeVisible();
  await expect(kiosk.getByTestId('kiosk-actions')).toBeVisible({ timeout: 30_000 });
  await expect(kiosk.getByTestId('kiosk-actions')).toContainText(`${person.firstName} E2E`);
  await kiosk.getByTestId('kiosk-action-IN').click();

  // The confirmation: a check mark, the name, the punch in words, the time; said to screen readers.
  const confirm = kiosk.getByTestId('kiosk-confirm');
  await expect(confirm).toBeVisible();
  await expect(confirm.getByTestId('kiosk-confirm-name')).toHaveText(`${person.firstName} E2E`);
  await expect(confirm.getByTestId('kiosk-confirm-what')).toHaveText('Arriv\u00e9e enregistr\u00e9e');
  await expect(confirm.getByTestId('kiosk-confirm-time')).toHaveText(/^\d\d:\d\d$/);
  await expect(kiosk.getByTestId('kiosk-announce')).toContainText(`${person.firstName} E2E : Arriv\u00e9e enregistr\u00e9e \u00e0 `);
  // It goes back to the roster by itself.
  await expect(kiosk.getByTestId('kiosk-roster')).toBeVisible({ timeout: 10_000 });

  await expect(kiosk.getByTestId('kiosk-pending')).toHaveAttribute('data-count', '0', { timeout: 30_000 });
  const punches = (await serverDocs(api, 'field_events')).filter((d) => d.kind === 'PUNCH' && d.userId === person.id);
  expect(punches).toHaveLength(1);
  expect(punches[0]!.payload).toMatchObject({ punchType: 'IN', source: 'KIOSK', method: 'QR' });

  // A code typed by hand is checked the same way: an unknown one is refused (the camera sees no badge now).
  writeFileSync(CAMERA_FILE, Buffer.from(GREY_JPEG, 'base64'));
  await kiosk.getByTestId('kiosk-scan-qr').click();
  await kiosk.getByTestId('kiosk-qr-input').fill('CCnot-a-real-code-00');
  await kiosk.getByTestId('kiosk-qr-submit').click();
  await expect(kiosk.getByTestId('kiosk-qr-error')).toHaveText('Code inconnu.');
  await kiosk.getByTestId('kiosk-back').click();
  await expect(kiosk.getByTestId('kiosk-roster')).toBeVisible();
  await tablet.close();
  await api.dispose();
});

test('My PIN: trivial PINs are refused with the reason, the two entries must match; the QR code shows as an image with a badge to print', async ({ page, baseURL }) => {
  const api = await apiSession(baseURL!, ACCOUNTS.manager);
  const tech = await apiSession(baseURL!, ACCOUNTS.tech);
  const techAccount = ((await (await tech.get('/api/v1/me')).json()) as { account: { id: string } }).account.id;
  // The tech's person in the team (the demo may link one already).
  if (!(await serverDocs(api, 'users')).some((u) => u.accountId === techAccount && !u._deleted)) await pushDocs(api, 'users', [personDoc('Tess', techAccount)]);

  await signIn(page, ACCOUNTS.tech);
  await page.goto('/timeclock/pin');
  await expect(page.getByTestId('mypin-save')).toBeEnabled({ timeout: 60_000 });
  const tryPin = async (pin: string, again: string) => {
    await page.getByTestId('mypin-input').fill(pin);
    await page.getByTestId('mypin-again').fill(again);
    await page.getByTestId('mypin-save').click();
  };
  await tryPin('1234', '1234');
  await expect(page.getByTestId('mypin-problem')).toHaveText('Ce code PIN est une suite de chiffres (comme 1234 ou 4321) : choisissez-en un autre.');
  await tryPin('0000', '0000');
  await expect(page.getByTestId('mypin-problem')).toContainText('un seul chiffre');
  await tryPin('2000', '2000');
  await expect(page.getByTestId('mypin-problem')).toContainText('plus utilis\u00e9s');
  await tryPin('4827', '4828');
  await expect(page.getByTestId('mypin-mismatch')).toHaveText('Les deux codes PIN ne sont pas identiques.');
  await expect(page.getByTestId('mypin-again')).toBeFocused();
  await expect(page.getByTestId('mypin-problem')).toHaveCount(0);
  await expect(page.getByTestId('mypin-notice')).toHaveCount(0);
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, 'mypin-mismatch-390x844');
  await tryPin('4827', '4827');
  await expect(page.getByTestId('mypin-notice')).toHaveText('Code PIN enregistr\u00e9.');
  await expect(page.getByTestId('mypin-mismatch')).toHaveCount(0);

  await page.getByTestId('mypin-qr').click();
  await expect(page.getByTestId('mypin-qr-image')).toHaveAttribute('data-qr-size', '25');
  await expect(page.getByTestId('mypin-qr-code')).toContainText(/CC[A-Za-z0-9_-]{16}/);
  for (const [w, h] of [[390, 844], [1440, 900], [1024, 768]] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.getByTestId('mypin-qr-image').scrollIntoViewIfNeeded();
    await shot(page, `mypin-${w}x${h}`);
  }
  await page.getByTestId('mypin-badge').click();
  await expect(page.getByTestId('badge-sheet').getByTestId('badge')).toHaveCount(1);
  await expect(page.getByTestId('badge-sheet').getByTestId('badge-qr')).toBeVisible();
  await shot(page, 'mypin-badge-1024x768');
  await page.getByTestId('badge-close').click();
  await expect(page.getByTestId('badge-sheet')).toBeHidden();
  await tech.dispose();
  await api.dispose();
});
