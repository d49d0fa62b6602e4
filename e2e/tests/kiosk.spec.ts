import { ACCOUNTS, expect, signIn, test, waitForServiceWorker } from './helpers';
import { enrolKioskApi, enterPin, kioskScene, punchAtKiosk, setPinApi } from './kiosk-helpers';
import { apiSession, serverDocs } from './sync-helpers';

const PINS = ['2468', '1357', '8080'];

// Two browser contexts, a service worker install and an offline reload: slow on the shared 2-core machine.
test.setTimeout(300_000);

test('three crew clock in and out offline at a kiosk; after a reload offline and the network back, every punch is on the server once', async ({ page, browser, baseURL }) => {
  const api = await apiSession(baseURL!, ACCOUNTS.manager);
  const scene = await kioskScene(api, ['Alix', 'Basile', 'Chloe']);

  // The manager enrols the kiosk and sets the three PINs in the time clock screens.
  await signIn(page, ACCOUNTS.manager);
  await page.goto('/timeclock/kiosks');
  // The venue comes from the local reference collection: it is there once the first sync brought it.
  await expect(page.locator(`[data-testid="kiosk-enrol-venue"] option[value="${scene.venue.id}"]`)).toHaveCount(1, { timeout: 60_000 });
  await page.getByTestId('kiosk-enrol-venue').selectOption(scene.venue.id);
  await page.getByTestId('kiosk-enrol-name').fill('Borne E2E');
  await page.getByTestId('kiosk-enrol-submit').click();
  const link = await page.getByTestId('kiosk-enrol-link').inputValue();
  expect(link).toMatch(/\/kiosk#enrol=[A-Za-z0-9_-]{43}$/);
  await page.getByTestId('tc-tab-pins').click();
  for (const [i, person] of scene.people.entries()) {
    const row = page.locator(`[data-testid="pin-row"][data-user-id="${person.id}"]`);
    await expect(row).toBeVisible({ timeout: 30_000 });
    await row.getByTestId('pin-set').click();
    await row.getByTestId('pin-input').fill(PINS[i]!);
    await row.getByTestId('pin-save').click();
    await expect(row).toHaveAttribute('data-state', 'ok');
  }
  const kiosks = (await (await api.get('/api/v1/timeclock/kiosks')).json()) as { kiosks: { id: string; venueId: string }[] };
  const kioskId = kiosks.kiosks.find((k) => k.venueId === scene.venue.id)!.id;

  // The tablet opens the link, keeps the token, shows the three people.
  const tablet = await browser.newContext({ baseURL });
  const kiosk = await tablet.newPage();
  await kiosk.goto(new URL(link).pathname + new URL(link).hash);
  await expect(kiosk.getByTestId('kiosk-roster')).toBeVisible();
  expect(new URL(kiosk.url()).hash).toBe('');
  await kiosk.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await waitForServiceWorker(kiosk);
  await expect(kiosk.getByTestId('kiosk-title')).toHaveText(scene.venue.name);
  await expect(kiosk.getByTestId('kiosk-tile')).toHaveCount(3);

  await tablet.setOffline(true);
  await expect(kiosk.getByTestId('kiosk-online')).toHaveAttribute('data-online', 'false');
  for (const [i, person] of scene.people.entries()) await punchAtKiosk(kiosk, person.id, PINS[i]!, 'IN');
  for (const [i, person] of scene.people.entries()) await punchAtKiosk(kiosk, person.id, PINS[i]!, 'OUT');
  await expect(kiosk.getByTestId('kiosk-pending')).toHaveAttribute('data-count', '6');

  await kiosk.reload();
  await expect(kiosk.getByTestId('kiosk-tile')).toHaveCount(3);
  await expect(kiosk.getByTestId('kiosk-pending')).toHaveAttribute('data-count', '6');
  await expect(kiosk.getByTestId('kiosk-pending')).toContainText('6');

  await tablet.setOffline(false);
  await expect(kiosk.getByTestId('kiosk-pending')).toHaveAttribute('data-count', '0', { timeout: 30_000 });
  const punches = (await serverDocs(api, 'field_events')).filter((d) => d.kind === 'PUNCH' && d.deviceId === `kiosk-${kioskId}`);
  expect(punches).toHaveLength(6);
  expect(new Set(punches.map((p) => p.id)).size).toBe(6);
  expect(punches.map((p) => Number((p.payload as { seq: number }).seq)).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
  expect(new Set(punches.map((p) => p.authorAccountId))).toEqual(new Set([`kiosk:${kioskId}`]));
  for (const person of scene.people) {
    expect(punches.filter((p) => p.userId === person.id).map((p) => (p.payload as { punchType: string }).punchType).sort()).toEqual(['IN', 'OUT']);
  }

  // The server computed one timesheet per person for the mission, from the kiosk's punches.
  const ids = new Set(scene.people.map((p) => p.id));
  const timesheets = (await serverDocs(api, 'timesheets')).filter((d) => ids.has(String(d.userId)) && !d._deleted);
  expect(timesheets).toHaveLength(3);
  for (const ts of timesheets) expect(ts).toMatchObject({ missionId: scene.missionId, source: 'PUNCHES', status: 'DRAFT' });
  await tablet.close();
  await api.dispose();
});

test('five wrong PINs lock that PIN on the kiosk; the manager then sees it locked in the PINs tab', async ({ page, browser, baseURL }) => {
  const api = await apiSession(baseURL!, ACCOUNTS.manager);
  const scene = await kioskScene(api, ['Dora']);
  const person = scene.people[0]!;
  await setPinApi(api, person.id, '4826');
  const { path } = await enrolKioskApi(api, scene.venue.id, 'Borne verrou');

  const tablet = await browser.newContext({ baseURL });
  const kiosk = await tablet.newPage();
  await kiosk.goto(path);
  await expect(kiosk.getByTestId('kiosk-tile')).toHaveCount(1);
  for (let i = 0; i < 4; i++) {
    await enterPin(kiosk, person.id, '0000');
    await expect(kiosk.getByTestId('kiosk-pin-message')).toContainText(String(4 - i));
  }
  await enterPin(kiosk, person.id, '0000');
  await expect(kiosk.getByTestId('kiosk-pin-message')).toHaveText('PIN bloqu\u00e9, demandez \u00e0 un responsable.');
  // Even the right PIN is refused now.
  await enterPin(kiosk, person.id, '4826');
  await expect(kiosk.getByTestId('kiosk-actions')).toHaveCount(0);
  await expect(kiosk.getByTestId('kiosk-pin-message')).toHaveText('PIN bloqu\u00e9, demandez \u00e0 un responsable.');
  await expect(kiosk.getByTestId('kiosk-pending')).toHaveAttribute('data-count', '0', { timeout: 30_000 });

  await signIn(page, ACCOUNTS.manager);
  await page.goto('/timeclock/pins');
  await expect(page.locator(`[data-testid="pin-row"][data-user-id="${person.id}"]`)).toHaveAttribute('data-state', 'locked', { timeout: 60_000 });
  await tablet.close();
  await api.dispose();
});
