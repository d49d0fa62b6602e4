import type { Page } from '@playwright/test';
import { ACCOUNTS, expect, signIn, test } from './helpers';
import { assignmentDoc, dismissToasts, futureMonday, missionDoc, personDoc, pushDocs, tokenOf, uuid7 } from './planning-helpers';
import { adminSession, apiSession, serverDocs, uniqueName, waitForSyncIdle } from './sync-helpers';

const ORG = 'Compagnie du Grand Plateau';

/** Cancels an assignment from its row's menu, after the confirmation. */
async function cancelAssignment(page: Page, id: string): Promise<void> {
  await page.getByTestId(`assignment-menu-${id}-button`).click();
  await page.getByTestId(`assignment-cancel-${id}`).click();
  const dialog = page.getByTestId('confirm-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('confirm-dialog-confirm').click();
}

test.beforeEach(async ({ page }) => {
  await dismissToasts(page);
});

test('the public invitation link: accept and decline without a session, again with one; revoked, invalid and cancelled links say so', async ({ page, browser, baseURL }) => {
  const manager = await apiSession(baseURL!, ACCOUNTS.manager);
  const venue = { id: uuid7(), updatedAt: new Date().toISOString(), kind: 'venue', name: uniqueName('Theatre'), archived: false, data: { address: '12 rue des Coulisses, Lyon' } };
  const person = personDoc(uniqueName('Invite'), null);
  const monday = futureMonday();
  const title = uniqueName('Spectacle');
  const mission = missionDoc(title, `${monday}T18:00:00.000Z`, `${monday}T22:00:00.000Z`, { venueId: venue.id, type: 'SPECTACLE' });
  const assignment = assignmentDoc(String(mission.id), String(person.id));
  await pushDocs(manager, 'reference', [venue]);
  await pushDocs(manager, 'users', [person]);
  await pushDocs(manager, 'missions', [mission]);
  await pushDocs(manager, 'assignments', [assignment]);
  const aid = String(assignment.id);
  const serverStatus = async () => (await serverDocs(manager, 'assignments')).find((d) => d.id === aid);

  await signIn(page, ACCOUNTS.manager);
  await page.goto(`/planning/missions/${String(mission.id)}`);
  await expect(page.getByTestId(`assignment-row-${aid}`)).toBeVisible({ timeout: 20_000 });
  await page.getByTestId(`assignment-link-copy-${aid}`).click();
  const link = await page.getByTestId(`assignment-link-${aid}`).inputValue();
  expect(link).toMatch(/\/m\/[A-Za-z0-9_-]+~\d+~[A-Za-z0-9_-]+$/);
  const path = new URL(link).pathname;

  // Without a session.
  const anonContext = await browser.newContext({ baseURL });
  const anon = await anonContext.newPage();
  await dismissToasts(anon);
  await anon.goto(path);
  await expect(anon.getByTestId('mi-org')).toHaveText(ORG);
  await expect(anon.getByTestId('mi-title')).toHaveText(title);
  await expect(anon.getByTestId('mi-venue')).toContainText('12 rue des Coulisses, Lyon');
  await expect(anon.getByTestId('mi-start')).toContainText(/\d{2}:00/);
  await expect(anon.getByTestId('mi-status')).toHaveAttribute('data-status', 'INVITED');
  await anon.getByTestId('mi-accept').click();
  await expect(anon.getByTestId('mi-result')).toHaveAttribute('data-answer', 'ACCEPTED');
  await expect(anon.getByTestId('mi-status')).toHaveAttribute('data-status', 'ACCEPTED');
  expect(await serverStatus()).toMatchObject({ status: 'ACCEPTED', statusChangedBy: 'CREW' });
  await anon.getByTestId('mi-decline-reason').fill('Deja pris ce soir-la');
  await anon.getByTestId('mi-decline').click();
  await expect(anon.getByTestId('mi-result')).toHaveAttribute('data-answer', 'DECLINED');
  expect(await serverStatus()).toMatchObject({ status: 'DECLINED', declineReason: 'Deja pris ce soir-la' });

  // With a session (the manager's browser): the current answer is said, and can be changed.
  await page.goto(path);
  await expect(page.getByTestId('mi-current')).toHaveAttribute('data-answer', 'DECLINED');
  await page.getByTestId('mi-accept').click();
  await expect(page.getByTestId('mi-result')).toHaveAttribute('data-answer', 'ACCEPTED');

  // Answering twice gives the same answer; the page says it is already done.
  for (let i = 0; i < 2; i++) {
    const res = await anon.request.post(`/api/v1/public/mission-invitations/${tokenOf(path)}/accept`, { data: {} });
    expect(res.status()).toBe(200);
  }
  await anon.reload();
  await expect(anon.getByTestId('mi-current')).toHaveAttribute('data-answer', 'ACCEPTED');
  await expect(anon.getByTestId('mi-current')).toContainText('d\u00e9j\u00e0 accept\u00e9');

  // Revoked, then invalid.
  await page.goto(`/planning/missions/${String(mission.id)}`);
  await page.getByTestId(`assignment-link-revoke-${aid}`).click();
  await expect(page.getByTestId(`assignment-link-msg-${aid}`)).toBeVisible();
  await anon.reload();
  await expect(anon.getByTestId('mi-error')).toHaveText('Cette invitation a \u00e9t\u00e9 annul\u00e9e.');
  await anon.goto('/m/not-a-real-token');
  await expect(anon.getByTestId('mi-error')).toHaveText("Ce lien n'est pas valide.");

  // A new link, then the manager cancels the assignment: the link says so, answering is refused.
  await page.getByTestId(`assignment-link-copy-${aid}`).click();
  const second = new URL(await page.getByTestId(`assignment-link-${aid}`).inputValue()).pathname;
  expect(second).not.toBe(path);
  await cancelAssignment(page, aid);
  await expect(page.getByTestId(`assignment-status-${aid}`)).toHaveAttribute('data-status', 'CANCELLED');
  await expect.poll(async () => (await serverStatus())?.status, { timeout: 20_000 }).toBe('CANCELLED');
  await anon.goto(second);
  await expect(anon.getByTestId('mi-cancelled')).toHaveText('Cette mission a \u00e9t\u00e9 annul\u00e9e pour vous.');
  const refused = await anon.request.post(`/api/v1/public/mission-invitations/${tokenOf(second)}/accept`, { data: {} });
  expect(refused.status()).toBe(409);
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('ASSIGNMENT_CANCELLED');

  // Offline, the link actions say they need the server.
  await page.context().setOffline(true);
  await expect(page.getByTestId(`assignment-reinvite-${aid}`)).toBeVisible();
  await page.getByTestId(`assignment-reinvite-${aid}`).click();
  await expect(page.getByTestId(`assignment-link-offline-${aid}`)).toBeVisible();
  await expect(page.getByTestId(`assignment-link-copy-${aid}`)).toBeDisabled();
  await page.context().setOffline(false);
  await expect.poll(async () => (await serverStatus())?.status, { timeout: 20_000 }).toBe('INVITED');
  await anonContext.close();
  await manager.dispose();
});

test('an assignment the server refuses as a duplicate is shown next to it', async ({ page, context, baseURL }) => {
  const manager = await apiSession(baseURL!, ACCOUNTS.manager);
  const person = personDoc(uniqueName('Doublon'), null);
  const monday = futureMonday();
  const mission = missionDoc(uniqueName('Reglage'), `${monday}T08:00:00.000Z`, `${monday}T12:00:00.000Z`);
  await pushDocs(manager, 'users', [person]);
  await pushDocs(manager, 'missions', [mission]);
  await signIn(page, ACCOUNTS.manager);
  await page.goto(`/planning/missions/${String(mission.id)}`);
  await waitForSyncIdle(page);
  await expect(page.getByTestId(`assign-user-${String(person.id)}`)).toBeVisible();

  // Offline, this manager assigns; meanwhile another writer assigns the same person on the server.
  await context.setOffline(true);
  await page.getByTestId(`assign-user-${String(person.id)}`).check();
  await page.getByTestId('assign-submit').click();
  const row = page.locator(`[data-testid^="assignment-row-"][data-user-id="${String(person.id)}"]`);
  await expect(row).toHaveCount(1);
  const localId = String(await row.getAttribute('data-testid')).replace('assignment-row-', '');
  await pushDocs(manager, 'assignments', [assignmentDoc(String(mission.id), String(person.id))]);

  await context.setOffline(false);
  const refusal = page.getByTestId(`assignment-refused-${localId}`);
  await expect(refusal).toHaveAttribute('data-code', 'DUPLICATE_ASSIGNMENT', { timeout: 20_000 });
  await expect(refusal).toContainText('Cette personne est d\u00e9j\u00e0 affect\u00e9e \u00e0 cette mission.');
  await manager.dispose();
});

test('overlaps: a warning to confirm under WARN; under REFUSE the busy person cannot be picked, and an overlap the server refuses is shown', async ({ page, browser, baseURL }) => {
  const manager = await apiSession(baseURL!, ACCOUNTS.manager);
  const person = personDoc(uniqueName('Occupe'), null);
  const pid = String(person.id);
  const monday = futureMonday();
  const busy = missionDoc(uniqueName('Deja prise'), `${monday}T08:00:00.000Z`, `${monday}T12:00:00.000Z`);
  const over = missionDoc(uniqueName('Chevauche'), `${monday}T10:00:00.000Z`, `${monday}T14:00:00.000Z`);
  const late = missionDoc(uniqueName('Soir'), `${monday}T16:00:00.000Z`, `${monday}T20:00:00.000Z`);
  const lateOther = missionDoc(uniqueName('Soir bis'), `${monday}T17:00:00.000Z`, `${monday}T19:00:00.000Z`);
  await pushDocs(manager, 'users', [person]);
  await pushDocs(manager, 'missions', [busy, over, late, lateOther]);
  await pushDocs(manager, 'assignments', [assignmentDoc(String(busy.id), pid)]);

  // WARN (the default): the overlap is said, and a second click confirms.
  await signIn(page, ACCOUNTS.manager);
  await page.goto(`/planning/missions/${String(over.id)}`);
  await waitForSyncIdle(page);
  await page.getByTestId(`assign-user-${pid}`).check();
  await page.getByTestId('assign-submit').click();
  await expect(page.getByTestId('assign-warning')).toContainText(String(busy.title));
  await page.getByTestId('assign-submit').click();
  await expect(page.locator(`[data-testid^="assignment-row-"][data-user-id="${pid}"]`)).toHaveAttribute('data-status', 'INVITED');
  const warned = String(await page.locator(`[data-testid^="assignment-row-"][data-user-id="${pid}"]`).getAttribute('data-testid')).replace('assignment-row-', '');
  await expect.poll(async () => (await serverDocs(manager, 'assignments')).find((d) => d.id === warned)?.status, { timeout: 20_000 }).toBe('INVITED');
  await cancelAssignment(page, warned);
  await expect.poll(async () => (await serverDocs(manager, 'assignments')).find((d) => d.id === warned)?.status, { timeout: 20_000 }).toBe('CANCELLED');

  const admin = await adminSession(baseURL!);
  const setPolicy = async (overlapPolicy: 'WARN' | 'REFUSE') => expect((await admin.patch('/api/v1/org', { data: { settings: { overlapPolicy } } })).status()).toBe(200);
  await setPolicy('REFUSE');
  const context = await browser.newContext({ baseURL });
  try {
    const refuse = await context.newPage();
    await dismissToasts(refuse);
    await signIn(refuse, ACCOUNTS.manager);
    await refuse.goto(`/planning/missions/${String(over.id)}`);
    await waitForSyncIdle(refuse);
    await expect(refuse.getByTestId(`assign-user-${pid}`)).toBeDisabled();

    // Offline, a free evening here; meanwhile another writer books an overlapping one on the server.
    await refuse.goto(`/planning/missions/${String(late.id)}`);
    await waitForSyncIdle(refuse);
    await context.setOffline(true);
    await refuse.getByTestId(`assign-user-${pid}`).check();
    await refuse.getByTestId('assign-submit').click();
    const row = refuse.locator(`[data-testid^="assignment-row-"][data-user-id="${pid}"]`);
    await expect(row).toHaveCount(1);
    const localId = String(await row.getAttribute('data-testid')).replace('assignment-row-', '');
    await pushDocs(manager, 'assignments', [assignmentDoc(String(lateOther.id), pid)]);
    await context.setOffline(false);
    await expect(refuse.getByTestId(`assignment-refused-${localId}`)).toHaveAttribute('data-code', 'OVERLAP', { timeout: 20_000 });
    await expect(refuse.getByTestId(`assignment-refused-${localId}`)).toContainText('Cette personne a d\u00e9j\u00e0 une mission \u00e0 ce moment-l\u00e0.');
  } finally {
    await setPolicy('WARN');
    await context.close();
    await admin.dispose();
    await manager.dispose();
  }
});
