import { ACCOUNTS, expect, signIn, test } from './helpers';
import { accountIdOf, addDays, assignmentDoc, dismissToasts, futureMonday, missionDoc, openPlanningTab, personDoc, pushDocs, uuid7 } from './planning-helpers';
import { adminSession, apiSession, createMember, serverDocs, uniqueName, waitForSyncIdle } from './sync-helpers';

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

test.beforeEach(async ({ page }) => {
  await dismissToasts(page);
});

const parisTime = (iso: string) => new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));

/** A new TECH account, linked to a new person, with a venue, one upcoming and one past mission. */
async function crewSetup(baseURL: string) {
  const admin = await adminSession(baseURL);
  const tech = await createMember(baseURL, 'TECH', admin);
  const accountId = await accountIdOf(admin, tech.email);
  await admin.dispose();
  const manager = await apiSession(baseURL, ACCOUNTS.manager);
  const venue = { id: uuid7(), updatedAt: new Date().toISOString(), kind: 'venue', name: uniqueName('Salle'), archived: false, data: { address: '3 quai des Artistes, Nantes' } };
  const person = personDoc(uniqueName('Crew'), accountId);
  const monday = futureMonday();
  const upcoming = missionDoc(uniqueName('Montage scene'), `${monday}T07:30:00.000Z`, `${monday}T15:00:00.000Z`, { venueId: venue.id, notes: 'Chaussures de securite', contacts: 'Regie : 06 00 00 00 00' });
  const lastWeek = addDays(new Date().toISOString().slice(0, 10), -7);
  const past = missionDoc(uniqueName('Ancienne'), `${lastWeek}T08:00:00.000Z`, `${lastWeek}T12:00:00.000Z`);
  const a1 = assignmentDoc(String(upcoming.id), String(person.id));
  const a2 = assignmentDoc(String(past.id), String(person.id));
  await pushDocs(manager, 'reference', [venue]);
  await pushDocs(manager, 'users', [person]);
  await pushDocs(manager, 'missions', [upcoming, past]);
  await pushDocs(manager, 'assignments', [a1, a2]);
  return { tech, manager, venue, person, upcoming, past, upcomingId: String(a1.id), pastId: String(a2.id) };
}

test('an account linked to no one is told that a manager must link it', async ({ page, baseURL }) => {
  const admin = await adminSession(baseURL!);
  const tech = await createMember(baseURL!, 'TECH', admin);
  await admin.dispose();
  await signIn(page, tech.email, tech.password);
  await expect(page.getByTestId('page-myMissions')).toBeVisible();
  await expect(page.getByTestId('nav-planning')).toHaveCount(0);
  await expect(page.getByTestId('my-no-user')).toBeVisible({ timeout: 20_000 });
});

test('on a phone, a crew member sees the details of an upcoming mission, the past ones folded, and declines with a reason', async ({ page, baseURL }) => {
  const s = await crewSetup(baseURL!);
  await signIn(page, s.tech.email, s.tech.password);
  await waitForSyncIdle(page);
  const card = page.getByTestId(`my-mission-${s.upcomingId}`);
  await expect(card).toHaveAttribute('data-status', 'INVITED');
  await expect(card).toContainText(parisTime(String(s.upcoming.startAt)));
  await expect(page.getByTestId(`my-mission-${s.pastId}`)).toBeHidden();
  await page.getByTestId('my-past').locator('summary').click();
  await expect(page.getByTestId(`my-mission-${s.pastId}`)).toBeVisible();

  await page.getByTestId(`my-details-${s.upcomingId}`).click();
  const facts = page.getByTestId(`my-facts-${s.upcomingId}`);
  await expect(facts).toContainText(s.venue.name);
  await expect(facts).toContainText('3 quai des Artistes, Nantes');
  await expect(facts).toContainText('Regie : 06 00 00 00 00');
  await expect(facts).toContainText('Chaussures de securite');
  await expect(facts).toContainText(parisTime(String(s.upcoming.endAt)));

  await page.getByTestId(`my-decline-${s.upcomingId}`).click();
  await page.getByTestId(`my-decline-reason-${s.upcomingId}`).fill('En tournee ailleurs');
  await page.getByTestId(`my-decline-confirm-${s.upcomingId}`).click();
  await expect(card).toHaveAttribute('data-status', 'DECLINED');
  await expect.poll(async () => (await serverDocs(s.manager, 'assignments')).find((d) => d.id === s.upcomingId), { timeout: 20_000 }).toMatchObject({ status: 'DECLINED', statusChangedBy: 'CREW', declineReason: 'En tournee ailleurs' });

  // A change of mind: accepting again clears the reason.
  await page.getByTestId(`my-accept-${s.upcomingId}`).click();
  await expect(card).toHaveAttribute('data-status', 'ACCEPTED');
  await expect.poll(async () => (await serverDocs(s.manager, 'assignments')).find((d) => d.id === s.upcomingId)?.declineReason ?? null, { timeout: 20_000 }).toBeNull();
  await s.manager.dispose();
});

test('a crew member declares a weekly unavailability; a manager approves it and the crew member sees it approved', async ({ page, browser, baseURL }) => {
  const s = await crewSetup(baseURL!);
  await signIn(page, s.tech.email, s.tech.password);
  await page.getByTestId('my-tab-availability').click();
  await waitForSyncIdle(page);
  const monday = futureMonday();
  await page.getByTestId('avail-kind').selectOption('UNAVAILABLE');
  await page.getByTestId('avail-start-date').fill(monday);
  await page.getByTestId('avail-start-time').fill('18:00');
  await page.getByTestId('avail-end-date').fill(monday);
  await page.getByTestId('avail-end-time').fill('22:00');
  await page.getByTestId('avail-weekly').check();
  await page.getByTestId('avail-weekly-until').fill(addDays(monday, 28));
  const note = uniqueName('Cours du soir');
  await page.getByTestId('avail-note').fill(note);
  await page.getByTestId('avail-submit').click();
  const row = page.locator('[data-testid^="avail-row-"]', { hasText: note });
  await expect(row).toHaveAttribute('data-status', 'PENDING');
  const id = String(await row.getAttribute('data-testid')).replace('avail-row-', '');
  await expect.poll(async () => (await serverDocs(s.manager, 'availabilities')).find((d) => d.id === id), { timeout: 20_000 }).toMatchObject({ status: 'PENDING', weeklyUntil: addDays(monday, 28) });

  const managerContext = await browser.newContext({ baseURL });
  const managerPage = await managerContext.newPage();
  await dismissToasts(managerPage);
  await openPlanningTab(managerPage, ACCOUNTS.manager, 'availability');
  await expect(managerPage.getByTestId(`approval-row-${id}`)).toContainText(note);
  await managerPage.getByTestId(`approval-approve-${id}`).click();
  await expect(managerPage.getByTestId(`approval-decided-${id}`)).toBeVisible();
  await managerContext.close();

  await expect(row).toHaveAttribute('data-status', 'APPROVED', { timeout: 20_000 });
  await expect(page.getByTestId(`avail-status-${id}`)).toHaveAttribute('data-status', 'APPROVED');
  await s.manager.dispose();
});
