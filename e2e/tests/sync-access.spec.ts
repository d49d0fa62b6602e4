import type { Page } from '@playwright/test';
import { ACCOUNTS, expect, signIn, test } from './helpers';
import { accountIdOf, assignmentDoc, dismissToasts, futureMonday, missionDoc, personDoc, pushDocs } from './planning-helpers';
import { adminSession, apiSession, createMember, createProject, serverDocs, uniqueName, waitForSyncIdle } from './sync-helpers';

const pending = (page: Page) => page.getByTestId('sync-pending');
const debug = (page: Page) => page.evaluate(() => (window as unknown as { __ccSync?: { dbName: string | null; phase: string } }).__ccSync ?? null);

/** Documents held in this origin's IndexedDB databases whose name contains `dbName` (RxDB's Dexie storage). */
function storedDocs(page: Page, dbName: string): Promise<number> {
  return page.evaluate(async (name) => {
    let count = 0;
    for (const info of await indexedDB.databases()) {
      if (!info.name?.includes(name)) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(info.name!);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        count += await new Promise<number>((resolve, reject) => {
          const req = db.transaction(store, 'readonly').objectStore(store).count();
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
      }
      db.close();
    }
    return count;
  }, dbName);
}

test.beforeEach(async ({ page }) => {
  await dismissToasts(page);
});

test('linked to a person while the app is open, a crew member receives that person\'s missions (scope changed)', async ({ page, baseURL }) => {
  const admin = await adminSession(baseURL!);
  const tech = await createMember(baseURL!, 'TECH', admin);
  const accountId = await accountIdOf(admin, tech.email);
  await signIn(page, tech.email, tech.password);
  await expect(page.getByTestId('my-no-user')).toBeVisible({ timeout: 20_000 });
  await waitForSyncIdle(page);

  // A person with a draft mission assignment; the TECH may not read either assignment or mission yet.
  const monday = futureMonday();
  const person = personDoc(uniqueName('Lie'), null);
  const mission = missionDoc(uniqueName('Brouillon'), `${monday}T08:00:00.000Z`, `${monday}T12:00:00.000Z`, { status: 'DRAFT' });
  const assignment = assignmentDoc(String(mission.id), String(person.id));
  await pushDocs(admin, 'users', [person]);
  await pushDocs(admin, 'missions', [mission]);
  await pushDocs(admin, 'assignments', [assignment]);

  // The admin links the person to the TECH's account: the TECH's read scope changes while the app is open.
  await pushDocs(admin, 'users', [{ ...person, accountId, updatedAt: new Date().toISOString() }]);
  await expect(page.getByTestId(`my-mission-${String(assignment.id)}`)).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId(`my-mission-${String(assignment.id)}`)).toContainText(String(mission.title));
  await admin.dispose();
});

test('removed from the organisation, a member\'s device erases its data and says what could not be sent', async ({ page, context, baseURL }, testInfo) => {
  const admin = await adminSession(baseURL!);
  const member = await createMember(baseURL!, 'MANAGER', admin);
  const org = ((await (await admin.get('/api/v1/me')).json()) as { activeOrg: { id: string; name: string } }).activeOrg;

  await signIn(page, member.email, member.password);
  await expect(page.getByTestId('page-planning')).toBeVisible();
  await page.getByTestId('planning-tab-projects').click();
  await waitForSyncIdle(page);
  const dbName = (await debug(page))!.dbName!;
  expect(await storedDocs(page, dbName)).toBeGreaterThan(0);

  // Offline, the member writes; meanwhile the admin removes the member from the organisation.
  await context.setOffline(true);
  await createProject(page, uniqueName('Jamais envoye'), 'ACTIVE');
  await expect(pending(page)).toHaveText('1');
  const removed = await admin.post('/api/auth/organization/remove-member', { data: { memberIdOrEmail: member.email, organizationId: org.id } });
  expect(removed.status()).toBe(200);

  // Back online: the sync is refused, /me no longer lists the organisation, the store leaves the device.
  await context.setOffline(false);
  const notice = page.getByTestId(`removed-notice-${org.id}`);
  await expect(notice).toBeVisible({ timeout: 30_000 });
  await expect(notice).toContainText(org.name);
  await expect(page.getByTestId(`removed-unsent-${org.id}`)).toContainText("1 modification faite sur cet appareil n'avait pas encore pu");
  await expect.poll(async () => (await debug(page))?.dbName ?? null).toBeNull();
  await expect.poll(() => storedDocs(page, dbName), { timeout: 20_000 }).toBe(0);
  expect(await page.evaluate((name) => Object.keys(localStorage).filter((k) => k.includes(name)), dbName)).toEqual([]);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `/tmp/shots/removed-phone-${testInfo.project.name}.png` });

  // The notice stays across a reload until dismissed.
  await page.reload();
  await expect(notice).toBeVisible();
  await page.getByTestId(`removed-dismiss-${org.id}`).click();
  await expect(notice).toHaveCount(0);
  await admin.dispose();
});

test('an app too old for the server stops syncing at once and asks to be updated, keeping its writes', async ({ browser, baseURL }) => {
  // No service worker: the requests are the page's own, rewritten to speak protocol 1, which the server refuses (426).
  const context = await browser.newContext({ baseURL, serviceWorkers: 'block' });
  const page = await context.newPage();
  await dismissToasts(page);
  let syncRequests = 0;
  await page.route('**/api/v1/sync/**', async (route) => {
    syncRequests++;
    await route.continue({ headers: { ...route.request().headers(), 'x-sync-protocol': '1' } });
  });
  await signIn(page, ACCOUNTS.manager);
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-phase', 'update-required', { timeout: 20_000 });
  await expect(page.getByTestId('update-required')).toContainText("Cette version de l'application est trop ancienne");
  await expect(page.getByTestId('sync-phase')).toHaveText('Mise \u00e0 jour requise');

  // No retry loop: nothing more is asked of the server.
  const seen = syncRequests;
  await page.waitForTimeout(4000);
  expect(syncRequests - seen).toBeLessThanOrEqual(1);

  // Local writes still work and wait for the updated app.
  await page.getByTestId('planning-tab-projects').click();
  const name = uniqueName('Apres refus');
  await createProject(page, name, 'ACTIVE');
  await expect(pending(page)).toHaveText('1');
  const manager = await apiSession(baseURL!, ACCOUNTS.manager);
  expect((await serverDocs(manager, 'projects')).some((d) => d.name === name)).toBe(false);
  await expect(page.getByTestId('update-required-reload')).toBeVisible();
  await manager.dispose();
  await context.close();
});
