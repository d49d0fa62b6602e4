import { CHROMIUM_ARGS, CHROMIUM_PATH, FAKE_CAMERA_ARGS } from '../chromium';
import { ACCOUNTS, expect, test } from './helpers';
import { enrolKioskApi, kioskScene, punchAtKiosk, setPinApi } from './kiosk-helpers';
import { apiSession, serverDocs } from './sync-helpers';

// Chromium's fake camera (a test pattern) stands in for the tablet's front camera.
test.use({ launchOptions: { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, ...FAKE_CAMERA_ARGS] }, permissions: ['camera'] });
test.setTimeout(180_000);

test('a crew member adds a photo to a kiosk punch: the punch carries its hash and the manager reads the JPEG', async ({ page, baseURL }) => {
  const api = await apiSession(baseURL!, ACCOUNTS.manager);
  const scene = await kioskScene(api, ['Dora']);
  const person = scene.people[0]!;
  await setPinApi(api, person.id, '4826');
  const enrolled = await enrolKioskApi(api, scene.venue.id, 'Borne photo');

  await page.goto(enrolled.path);
  await expect(page.getByTestId('kiosk-roster')).toBeVisible();
  await page.locator(`[data-testid="kiosk-tile"][data-user-id="${person.id}"]`).click();
  for (const d of '4826') await page.getByTestId(`kiosk-key-${d}`).click();
  await page.getByTestId('kiosk-pin-ok').click();
  await page.getByTestId('kiosk-photo').check();
  await page.getByTestId('kiosk-action-IN').click();
  await expect(page.getByTestId('kiosk-confirm')).toBeVisible();
  // Without the box ticked, the next punch has no photo.
  await punchAtKiosk(page, person.id, '4826', 'OUT');

  await expect(page.getByTestId('kiosk-pending')).toHaveAttribute('data-count', '0', { timeout: 30_000 });
  const punches = (await serverDocs(api, 'field_events')).filter((d) => d.kind === 'PUNCH' && d.deviceId === `kiosk-${enrolled.id}`);
  const byType = new Map(punches.map((p) => [(p.payload as { punchType: string }).punchType, p]));
  const withPhoto = byType.get('IN')!;
  const hash = (withPhoto.payload as { photoHash?: string }).photoHash;
  expect(hash).toMatch(/^[0-9a-f]{64}$/);
  expect((byType.get('OUT')!.payload as { photoHash?: string }).photoHash).toBeUndefined();
  await expect
    .poll(async () => (await api.get(`/api/v1/timeclock/punches/${String(withPhoto.id)}/photo`)).status(), { timeout: 60_000 })
    .toBe(200);
  const photo = await api.get(`/api/v1/timeclock/punches/${String(withPhoto.id)}/photo`);
  expect(photo.headers()['content-type']).toBe('image/jpeg');
  const bytes = await photo.body();
  expect(bytes.length).toBeGreaterThan(500);
  expect(bytes.length).toBeLessThanOrEqual(256 * 1024);
  await api.dispose();
});
