import { expectAccessible } from './a11y-helpers';
import { ACCOUNTS, expect, signIn, test, waitForServiceWorker } from './helpers';
import { accountIdOf, assignmentDoc, dismissToasts, futureMonday, missionDoc, personDoc, pushDocs } from './planning-helpers';
import { adminSession, apiSession, createMember, serverDocs, uniqueName, waitForSyncIdle } from './sync-helpers';
import { enrolKioskApi, kioskScene } from './kiosk-helpers';

// Issue 13, equipment: a manager reserves one item on two overlapping missions and sees the double booking; a crew
// member reports an incident offline on a phone and it reaches the server when the network is back.

test.beforeEach(async ({ page }) => {
  await dismissToasts(page);
});

test.describe('laptop', () => {
  test.use({ viewport: { width: 1366, height: 768 }, locale: 'fr-FR', timezoneId: 'Europe/Paris' });

  test('a manager creates an item, reserves it on two overlapping missions and sees the conflict, also offline after a reload', async ({ page, context, baseURL }) => {
    const manager = await apiSession(baseURL!, ACCOUNTS.manager);
    const monday = futureMonday();
    // 09:00-17:00 and 15:00-23:00 Paris (UTC+1 or +2): they share two hours.
    const day = missionDoc(uniqueName('Montage'), `${monday}T07:00:00.000Z`, `${monday}T15:00:00.000Z`);
    const evening = missionDoc(uniqueName('Concert'), `${monday}T13:00:00.000Z`, `${monday}T21:00:00.000Z`);
    await pushDocs(manager, 'missions', [day, evening]);
    const itemName = uniqueName('Console');

    await signIn(page, ACCOUNTS.manager);
    await page.goto('/equipment');
    await waitForSyncIdle(page);
    await expect(page.getByTestId('page-equipment')).toBeVisible();
    await page.getByTestId('item-new').click();
    const form = page.getByTestId('item-form');
    await form.getByTestId('item-name').fill(itemName);
    await form.getByTestId('item-category').selectOption('SOUND');
    await form.getByTestId('item-quantity').fill('1');
    await page.getByTestId('item-form-submit').click();
    await expect(form).toBeHidden();
    await expect(page.getByTestId('items-table')).toContainText(itemName);

    for (const m of [day, evening]) {
      await page.goto(`/planning/missions/${String(m.id)}`);
      const section = page.getByTestId('mission-equipment');
      await expect(section).toBeVisible();
      await section.getByTestId('mission-reserve').click();
      const sheet = page.getByTestId('reservation-form');
      await sheet.getByTestId('reservation-target').selectOption({ label: itemName });
      await sheet.getByTestId('reservation-quantity').fill('1');
      await page.getByTestId('reservation-form-submit').click();
      await expect(sheet).toBeHidden();
      await expect(section.getByTestId('mission-reservations')).toContainText(itemName);
    }
    // The second mission's page warns: 2 reserved for 1, with the first mission.
    const warning = page.getByTestId('mission-equipment').getByTestId('mission-conflict');
    await expect(warning).toContainText(itemName);
    await expect(warning).toContainText(String(day.title));

    await page.goto('/equipment?tab=conflicts');
    const row = page.getByTestId('conflict-row').filter({ hasText: itemName });
    await expect(row).toContainText('2');
    await expect(row).toContainText(String(day.title));
    await expect(row).toContainText(String(evening.title));
    await expectAccessible(page, 'equipment-conflicts');
    await page.goto('/equipment?tab=reservations');
    await expect(page.getByTestId(`reservations-mission-${String(day.id)}`).getByTestId('conflict-badge')).toBeVisible();
    await expectAccessible(page, 'equipment-reservations');
    await page.goto('/equipment?tab=incidents');
    await expect(page.getByTestId('incidents-list')).toBeAttached();
    await expectAccessible(page, 'equipment-incidents');
    await page.goto('/equipment');
    await expect(page.getByTestId('items-table')).toContainText(itemName);
    await expectAccessible(page, 'equipment-catalogue');

    // Offline after a reload: the page opens from the local store, with the conflict computed on the device.
    await waitForServiceWorker(page);
    await context.setOffline(true);
    await page.reload();
    await expect(page.getByTestId('items-table')).toContainText(itemName);
    await page.getByTestId('equipment-tab-conflicts').click();
    await expect(page.getByTestId('conflict-row').filter({ hasText: itemName })).toContainText(String(evening.title));
    await context.setOffline(false);

    // The server reports the same double booking once the reservations are pushed.
    await expect
      .poll(async () => {
        const res = await manager.get(`/api/v1/equipment/conflicts?from=${monday}T00:00:00.000Z&to=${monday}T23:59:00.000Z`);
        const body = (await res.json()) as { conflicts: { itemName: string; reserved: number; available: number }[] };
        return body.conflicts.find((c) => c.itemName === itemName) ?? null;
      }, { timeout: 20_000 })
      .toMatchObject({ reserved: 2, available: 1 });
    await manager.dispose();
  });
});

test.describe('phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, locale: 'fr-FR', timezoneId: 'Europe/Paris' });

  test('a crew member reports an incident offline on a mission of theirs; it syncs when back online and a manager closes it', async ({ page, context, baseURL }) => {
    const admin = await adminSession(baseURL!);
    const tech = await createMember(baseURL!, 'TECH', admin);
    const accountId = await accountIdOf(admin, tech.email);
    await admin.dispose();
    const manager = await apiSession(baseURL!, ACCOUNTS.manager);
    const itemName = uniqueName('Projecteur');
    const item = { id: crypto.randomUUID(), updatedAt: new Date().toISOString(), kind: 'equipment_item', name: itemName, archived: false, data: { category: 'VIDEO', quantity: 2, venueId: null } };
    const person = personDoc(uniqueName('Crew'), accountId);
    const monday = futureMonday();
    const mission = missionDoc(uniqueName('Spectacle'), `${monday}T17:00:00.000Z`, `${monday}T22:00:00.000Z`);
    const assignment = assignmentDoc(String(mission.id), String(person.id));
    await pushDocs(manager, 'reference', [item]);
    await pushDocs(manager, 'users', [person]);
    await pushDocs(manager, 'missions', [mission]);
    await pushDocs(manager, 'assignments', [assignment]);

    await signIn(page, tech.email, tech.password);
    await waitForServiceWorker(page);
    await waitForSyncIdle(page);
    const card = page.getByTestId(`my-mission-${String(assignment.id)}`);
    await page.getByTestId(`my-accept-${String(assignment.id)}`).click();
    await expect(card).toHaveAttribute('data-status', 'ACCEPTED');
    await expect.poll(async () => (await serverDocs(manager, 'assignments')).find((d) => d.id === assignment.id)?.status, { timeout: 20_000 }).toBe('ACCEPTED');

    await context.setOffline(true);
    await page.getByTestId(`my-details-${String(assignment.id)}`).click();
    await page.getByTestId(`my-incident-${String(assignment.id)}`).click();
    const sheet = page.getByTestId('incident-form');
    await sheet.getByTestId('incident-category').selectOption('BREAKDOWN');
    await sheet.getByTestId('incident-severity').selectOption('HIGH');
    await sheet.getByTestId('incident-item').selectOption({ label: itemName });
    const description = uniqueName('Lampe grillee');
    await sheet.getByTestId('incident-description').fill(description);
    await page.getByTestId('incident-form-submit').click();
    await expect(sheet).toBeHidden();
    // Recorded on the device; the server has nothing yet.
    const onServer = async () => (await serverDocs(manager, 'field_events')).find((e) => (e.payload as { description?: string } | undefined)?.description === description) ?? null;
    expect(await onServer()).toBeNull();
    await page.reload();
    await expect(card).toBeVisible();

    await context.setOffline(false);
    await expect
      .poll(onServer, { timeout: 30_000 })
      .toMatchObject({ kind: 'INCIDENT', userId: person.id, missionId: mission.id, payload: { category: 'BREAKDOWN', severity: 'HIGH', equipmentItemId: item.id, hasPhoto: false } });

    // The manager sees it open on the Incidents tab and closes it with a note.
    const managerPage = await context.browser()!.newPage({ viewport: { width: 1366, height: 768 }, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
    await signIn(managerPage, ACCOUNTS.manager);
    await managerPage.goto('/equipment?tab=incidents');
    await waitForSyncIdle(managerPage);
    const row = managerPage.getByTestId('incident-row').filter({ hasText: description });
    await expect(row).toHaveAttribute('data-status', 'OPEN');
    await row.getByTestId('incident-close').click();
    await managerPage.getByTestId('incident-close-note').fill('Lampe changee');
    await managerPage.getByTestId('incident-close-submit').click();
    await managerPage.getByTestId('incident-filter-ALL').click();
    await expect(managerPage.getByTestId('incident-row').filter({ hasText: description })).toHaveAttribute('data-status', 'CLOSED');
    await expect
      .poll(async () => (await serverDocs(manager, 'field_events')).some((e) => (e.payload as { closes?: string } | undefined)?.closes !== undefined && e.userId === person.id), { timeout: 20_000 })
      .toBe(true);
    // The mission's page lists it among its incidents, closed.
    await managerPage.goto(`/planning/missions/${String(mission.id)}`);
    await expect(managerPage.getByTestId('mission-incidents')).toContainText(description);
    await expect(managerPage.getByTestId('mission-incidents')).toContainText('Clos');
    await managerPage.close();
    await manager.dispose();
  });
});

test.describe('kiosk', () => {
  test.use({ viewport: { width: 1024, height: 768 }, hasTouch: true, locale: 'fr-FR', timezoneId: 'Europe/Paris' });

  test('a kiosk reports an incident offline, signed with its device id at its venue; it reaches the server with the network', async ({ browser, baseURL }) => {
    const manager = await apiSession(baseURL!, ACCOUNTS.manager);
    const scene = await kioskScene(manager, ['Kiosque']);
    const enrolled = await enrolKioskApi(manager, scene.venue.id, 'Borne incidents');
    const tablet = await browser.newContext({ baseURL, viewport: { width: 1024, height: 768 }, hasTouch: true, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
    const kiosk = await tablet.newPage();
    await kiosk.goto(enrolled.path);
    await expect(kiosk.getByTestId('kiosk-roster')).toBeVisible();
    await waitForServiceWorker(kiosk);

    await tablet.setOffline(true);
    await kiosk.getByTestId('kiosk-incident-open').click();
    await kiosk.getByTestId('kiosk-incident-category-SAFETY').click();
    await kiosk.getByTestId('kiosk-incident-severity-CRITICAL').click();
    const description = uniqueName('Sortie de secours encombree');
    await kiosk.getByTestId('kiosk-incident-description').fill(description);
    await kiosk.getByTestId('kiosk-incident-send').click();
    await expect(kiosk.getByTestId('kiosk-roster')).toBeVisible();
    await expect(kiosk.getByTestId('kiosk-pending')).toHaveAttribute('data-count', '1');

    await tablet.setOffline(false);
    await expect(kiosk.getByTestId('kiosk-pending')).toHaveAttribute('data-count', '0', { timeout: 30_000 });
    const stored = (await serverDocs(manager, 'field_events')).find((e) => (e.payload as { description?: string } | undefined)?.description === description);
    expect(stored).toMatchObject({
      kind: 'INCIDENT', userId: null, deviceId: `kiosk-${enrolled.id}`, authorAccountId: `kiosk:${enrolled.id}`,
      payload: { category: 'SAFETY', severity: 'CRITICAL', venueId: scene.venue.id, equipmentItemId: null, hasPhoto: false },
    });
    await tablet.close();
    await manager.dispose();
  });
});
