import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH, FAKE_CAMERA_ARGS } from '../chromium';
import { ACCOUNTS, expect, test } from './helpers';
import { enrolKioskApi, kioskScene, setPinApi } from './kiosk-helpers';
import { apiSession } from './sync-helpers';

// The fake camera's test pattern stands in for the tablet's front camera on the QR screen.
test.use({ launchOptions: { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, ...FAKE_CAMERA_ARGS] }, permissions: ['camera'] });
test.setTimeout(300_000);

const VIEWPORTS = [
  { name: '1024x768', width: 1024, height: 768 },
  { name: '768x1024', width: 768, height: 1024 },
  { name: '844x390', width: 844, height: 390 },
];
const ACCENT = '#0e7c86';

interface Fit {
  scrolls: boolean;
  outside: string[];
  clipped: string[];
  underToast: string[];
}

/**
 * The screen as a person sees it: the page does not scroll, every button of the kiosk is inside the viewport
 * (tiles of a long roster scroll in their list, they are not counted), no label overflows its button, and no
 * notice of the app covers a button.
 */
async function fit(page: Page): Promise<Fit> {
  return page.evaluate(() => {
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    const root = document.scrollingElement!;
    const name = (b: Element) => (b as HTMLElement).dataset.testid ?? b.textContent?.trim() ?? '?';
    const buttons = [...document.querySelectorAll('.kiosk button')].filter((b) => b.getClientRects().length > 0);
    const rects = buttons.map((b) => ({ b, r: b.getBoundingClientRect() }));
    const toast = document.querySelector('.toast, .banner')?.getBoundingClientRect() ?? null;
    return {
      scrolls: root.scrollHeight > vh + 1 || root.scrollWidth > vw + 1,
      outside: rects.filter(({ b, r }) => !b.classList.contains('kiosk-tile') && (r.top < -1 || r.left < -1 || r.bottom > vh + 1 || r.right > vw + 1)).map(({ b }) => name(b)),
      clipped: buttons.filter((b) => b.scrollWidth > b.clientWidth + 1 || b.scrollHeight > b.clientHeight + 1).map(name),
      underToast: toast ? rects.filter(({ r }) => r.left < toast.right && r.right > toast.left && r.top < toast.bottom && r.bottom > toast.top).map(({ b }) => name(b)) : [],
    };
  });
}

/** Waits for the entrance animations to end (not the confirmation's countdown), so a screenshot shows the screen as it stays. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || (a as CSSAnimation).animationName === 'kiosk-countdown'));
}

async function expectFits(page: Page, screen: string): Promise<void> {
  expect(await fit(page), screen).toEqual({ scrolls: false, outside: [], clipped: [], underToast: [] });
}

test('the kiosk fits a landscape tablet, an upright one and a phone in landscape: roster, PIN pad, QR, punch, confirmation; branded', async ({ browser, baseURL }) => {
  const api = await apiSession(baseURL!, ACCOUNTS.manager);
  const admin = await apiSession(baseURL!, ACCOUNTS.admin);
  expect((await admin.patch('/api/v1/org', { data: { settings: { accentColor: ACCENT } } })).status()).toBe(200);
  const scene = await kioskScene(api, ['Alix', 'Basile', 'Chloe', 'Dora', 'Marie-Charlotte-Emmanuelle', 'Zo\u00e9']);
  const shots = process.env.KIOSK_SHOTS_DIR ?? test.info().outputPath('kiosk');
  mkdirSync(shots, { recursive: true });
  const PIN = '4827';

  for (const vp of VIEWPORTS) {
    const person = scene.people[VIEWPORTS.indexOf(vp)]!;
    await setPinApi(api, person.id, PIN);
    const { path } = await enrolKioskApi(api, scene.venue.id, `Borne ${vp.name}`);
    const tablet = await browser.newContext({ baseURL, viewport: { width: vp.width, height: vp.height }, permissions: ['camera'], hasTouch: true });
    const page = await tablet.newPage();
    await page.goto(path);
    await expect(page.getByTestId('kiosk-tile')).toHaveCount(6);
    // Branding: the organisation's name and its accent colour in the top bar.
    await expect(page.getByTestId('kiosk-org')).not.toHaveText('');
    expect(await page.locator('.kiosk-brand__mark').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(14, 124, 134)');
    // The app's "ready offline" notice appears on a first visit: it takes room under the kiosk, over nothing.
    await expect(page.getByTestId('offline-ready')).toBeVisible({ timeout: 60_000 });
    await expectFits(page, `${vp.name} roster`);
    await settled(page);
    await page.screenshot({ path: join(shots, `${vp.name}-1-roster-notice.png`) });
    // The kiosk ends where the notice starts: on the PIN screen, Back stays above it.
    await page.locator(`[data-testid="kiosk-tile"][data-user-id="${person.id}"]`).click();
    await expect(page.getByTestId('kiosk-pin')).toBeVisible();
    const kioskBox = (await page.getByTestId('kiosk-app').boundingBox())!;
    const noticeBox = (await page.getByTestId('offline-ready').boundingBox())!;
    expect(kioskBox.y + kioskBox.height).toBeLessThanOrEqual(noticeBox.y + 1);
    await expectFits(page, `${vp.name} pin with the notice`);
    await page.getByTestId('offline-ready-dismiss').click();
    await expect(page.getByTestId('offline-ready')).toHaveCount(0);
    await page.getByTestId('kiosk-back').click();
    await expectFits(page, `${vp.name} roster`);
    await settled(page);
    await page.screenshot({ path: join(shots, `${vp.name}-1-roster.png`) });

    await page.locator(`[data-testid="kiosk-tile"][data-user-id="${person.id}"]`).click();
    await expect(page.getByTestId('kiosk-pin')).toBeVisible();
    await page.getByTestId('kiosk-key-1').click();
    await page.getByTestId('kiosk-key-9').click();
    await page.getByTestId('kiosk-key-clear').click();
    await expect(page.getByTestId('kiosk-pin-dots')).toHaveAttribute('data-count', '1');
    await page.getByTestId('kiosk-key-clear').click();
    await expectFits(page, `${vp.name} pin`);
    for (const d of '0000') await page.getByTestId(`kiosk-key-${d}`).click();
    await page.getByTestId('kiosk-pin-ok').click();
    await expect(page.getByTestId('kiosk-pin-message')).toContainText('4');
    await expectFits(page, `${vp.name} pin with message`);
    for (const d of PIN.slice(0, 2)) await page.getByTestId(`kiosk-key-${d}`).click();
    await settled(page);
    await page.screenshot({ path: join(shots, `${vp.name}-2-pin.png`) });
    for (const d of PIN.slice(2)) await page.getByTestId(`kiosk-key-${d}`).click();
    await page.getByTestId('kiosk-pin-ok').click();
    await expect(page.getByTestId('kiosk-actions')).toBeVisible();
    await expectFits(page, `${vp.name} actions`);
    await settled(page);
    await page.screenshot({ path: join(shots, `${vp.name}-3-actions.png`) });
    await page.getByTestId('kiosk-action-IN').click();
    await expect(page.getByTestId('kiosk-confirm')).toBeVisible();
    await expectFits(page, `${vp.name} confirmation`);
    await settled(page);
    await page.screenshot({ path: join(shots, `${vp.name}-4-confirm.png`) });
    await page.getByTestId('kiosk-confirm-done').click();

    await page.getByTestId('kiosk-scan-qr').click();
    await expect(page.getByTestId('kiosk-qr')).toHaveAttribute('data-camera', 'scanning');
    await expectFits(page, `${vp.name} qr`);
    await settled(page);
    await page.screenshot({ path: join(shots, `${vp.name}-5-qr.png`) });
    await page.getByTestId('kiosk-back').click();
    await expect(page.getByTestId('kiosk-roster')).toBeVisible();
    await tablet.close();
  }
  await admin.dispose();
  await api.dispose();
});
