import { ACCOUNTS, expect, signIn, test } from './helpers';
import { accountIdOf, addDays, dismissToasts, filterMissions, futureMonday, idOf, openPlanningTab, runWizard } from './planning-helpers';
import { adminSession, createMember, createProject, serverDocs, uniqueName, waitForSyncIdle } from './sync-helpers';
import { mission, paris, project, seed } from './calendar-helpers';

test.beforeEach(async ({ page }) => {
  await dismissToasts(page);
});

test('a manager plans a project with 12 missions from the wizard and assigns a linked person, who accepts offline in My missions', async ({ page, browser, baseURL }) => {
  const admin = await adminSession(baseURL!);
  const tech = await createMember(baseURL!, 'TECH', admin);
  const accountId = await accountIdOf(admin, tech.email);
  await admin.dispose();

  // People: the schedulable person, linked to the new login account.
  await openPlanningTab(page, ACCOUNTS.manager, 'people');
  const first = uniqueName('Lea');
  await page.getByTestId('person-first').fill(first);
  await page.getByTestId('person-last').fill('Martin');
  await page.getByTestId('person-employment').selectOption('INTERMITTENT');
  await page.getByTestId('person-account').selectOption(accountId);
  await page.getByTestId('person-submit').click();
  const userId = await idOf(page, 'person-row-', first);
  await expect(page.getByTestId(`person-account-${userId}`)).toContainText(tech.email);

  // A project, then 6 days x 2 ranges = 12 missions through the wizard, published in bulk.
  const projectName = uniqueName('Tournee');
  const projectId = await createProject(page, projectName, 'ACTIVE');
  const monday = futureMonday();
  const count = await runWizard(page, { title: uniqueName('Montage'), projectId, from: monday, to: addDays(monday, 5), ranges: [['09:00', '12:00'], ['14:00', '18:00']], role: 'Technicien' });
  expect(count).toBe(12);
  await filterMissions(page, projectId);
  await expect(page.getByTestId('missions-count')).toHaveAttribute('data-count', '12');
  await page.getByTestId('mission-select-all').check();
  await page.getByTestId('missions-bulk-publish').click();
  await expect(page.getByTestId('missions-notice')).toBeVisible();
  await expect(page.locator('[data-testid^="mission-row-"][data-status="PUBLISHED"]')).toHaveCount(12);

  // Assign the person to the first mission (09:00 local in the organisation's zone).
  const firstRow = page.locator('[data-testid^="mission-row-"]').first();
  await expect(firstRow).toContainText('09:00');
  const missionId = String(await firstRow.getAttribute('data-testid')).replace('mission-row-', '');
  await page.getByTestId(`mission-open-${missionId}`).click();
  await page.getByTestId(`assign-user-${userId}`).check();
  await page.getByTestId('assign-submit').click();
  const row = page.locator(`[data-testid^="assignment-row-"][data-user-id="${userId}"]`);
  await expect(row).toHaveAttribute('data-status', 'INVITED');
  const assignmentId = String(await row.getAttribute('data-testid')).replace('assignment-row-', '');
  await expect.poll(async () => (await serverDocs(page.request, 'assignments')).find((d) => d.id === assignmentId)?.status, { timeout: 20_000 }).toBe('INVITED');

  // The person, in another browser, offline, accepts in My missions.
  const crewContext = await browser.newContext({ baseURL });
  const crew = await crewContext.newPage();
  await dismissToasts(crew);
  await signIn(crew, tech.email, tech.password);
  await expect(crew.getByTestId('page-myMissions')).toBeVisible();
  await waitForSyncIdle(crew);
  const card = crew.getByTestId(`my-mission-${assignmentId}`);
  await expect(card).toHaveAttribute('data-status', 'INVITED');
  await crewContext.setOffline(true);
  await crew.getByTestId(`my-accept-${assignmentId}`).click();
  await expect(card).toHaveAttribute('data-status', 'ACCEPTED');
  await expect(crew.getByTestId(`my-pending-${assignmentId}`)).toBeVisible();
  await expect(crew.getByTestId('sync-pending')).toHaveText('1');
  expect((await serverDocs(page.request, 'assignments')).find((d) => d.id === assignmentId)?.status).toBe('INVITED');

  await crewContext.setOffline(false);
  await expect.poll(async () => (await serverDocs(page.request, 'assignments')).find((d) => d.id === assignmentId), { timeout: 20_000 }).toMatchObject({ status: 'ACCEPTED', statusChangedBy: 'CREW' });
  await expect(crew.getByTestId('sync-pending')).toHaveText('0');
  await crewContext.close();

  // The manager sees the answer live, and in the project's counts.
  await expect(page.getByTestId(`assignment-status-${assignmentId}`)).toHaveAttribute('data-status', 'ACCEPTED', { timeout: 20_000 });
  await page.getByTestId('planning-tab-projects').click();
  await page.getByTestId(`project-title-${projectId}`).click();
  await expect(page.getByTestId('project-detail-name')).toContainText(projectName);
  await expect(page.getByTestId('project-mission-count-PUBLISHED')).toHaveAttribute('data-count', '12');
  await expect(page.getByTestId('project-assignment-count-ACCEPTED')).toHaveAttribute('data-count', '1');
  await expect(page.locator('[data-testid^="project-mission-row-"]')).toHaveCount(12);
});

test('duplicate week N to week N+1: same local times, drafts, only the chosen project', async ({ page }) => {
  await openPlanningTab(page, ACCOUNTS.manager, 'projects');
  const projectId = await createProject(page, uniqueName('Semaine'), 'ACTIVE');
  const monday = futureMonday();
  const title = uniqueName('Repetition');
  expect(await runWizard(page, { title, projectId, from: monday, to: addDays(monday, 6), weekdays: [1, 3, 5], ranges: [['09:30', '12:00']] })).toBe(3);

  await page.getByTestId('missions-sub-week').click();
  await page.getByTestId('week-date').fill(addDays(monday, 2));
  await page.getByTestId('week-project').selectOption(projectId);
  await expect(page.getByTestId('batch-preview-count')).toHaveAttribute('data-count', '3');
  await page.getByTestId('week-duplicate').click();
  await expect(page.getByTestId('week-done')).toBeVisible();

  await filterMissions(page, projectId, addDays(monday, 7), addDays(monday, 13));
  await expect(page.getByTestId('missions-count')).toHaveAttribute('data-count', '3');
  const rows = page.locator('[data-testid^="mission-row-"]');
  for (let i = 0; i < 3; i++) {
    await expect(rows.nth(i)).toContainText('09:30');
    await expect(rows.nth(i)).toHaveAttribute('data-status', 'DRAFT');
  }
  await expect
    .poll(
      async () => {
        const docs = (await serverDocs(page.request, 'missions')).filter((d) => d.projectId === projectId && !d._deleted);
        const starts = docs.map((d) => Date.parse(String(d.startAt))).sort((a, b) => a - b);
        return starts.length === 6 ? starts.slice(3).map((s, i) => s - starts[i]!) : starts.length;
      },
      { timeout: 20_000 },
    )
    .toEqual([7 * 86_400_000, 7 * 86_400_000, 7 * 86_400_000]);
});

test('offline, a manager sets up a venue, a team, a skill and a person, saves a mission as a template, applies it to the team and duplicates in bulk; all of it syncs later', async ({ page, context }) => {
  await openPlanningTab(page, ACCOUNTS.manager, 'people');
  await context.setOffline(true);

  // Teams and skills, then a person in that team (the account list needs the server: said so).
  const team = uniqueName('Equipe son');
  await page.getByTestId('ref-team-name').fill(team);
  await page.getByTestId('ref-team-submit').click();
  const teamId = await idOf(page, 'ref-team-row-', team);
  const skill = uniqueName('Console');
  await page.getByTestId('ref-skill-name').fill(skill);
  await page.getByTestId('ref-skill-submit').click();
  const skillId = await idOf(page, 'ref-skill-row-', skill);
  const first = uniqueName('Sam');
  await page.getByTestId('person-first').fill(first);
  await page.getByTestId(`person-team-${teamId}`).check();
  await page.getByTestId(`person-skill-${skillId}`).check();
  await expect(page.getByTestId('person-account-offline')).toBeVisible();
  await page.getByTestId('person-submit').click();
  const userId = await idOf(page, 'person-row-', first);

  // A project with a venue added from the project form.
  await page.getByTestId('planning-tab-projects').click();
  await page.getByTestId('project-more').click();
  await page.getByTestId('project-manage-venues').click();
  const venue = uniqueName('Zenith');
  await page.getByTestId('ref-venue-name').fill(venue);
  await page.getByTestId('ref-venue-address').fill('1 avenue du Spectacle, Lille');
  await page.getByTestId('ref-venue-submit').click();
  const venueId = await idOf(page, 'ref-venue-row-', venue);
  await page.getByTestId(`project-venue-${venueId}`).check();
  const projectId = await createProject(page, uniqueName('Festival'), 'ACTIVE');

  // A mission through the form, saved as a template.
  const monday = futureMonday();
  await page.getByTestId('planning-tab-missions').click();
  await page.getByTestId('missions-sub-new').click();
  const title = uniqueName('Balance');
  await page.getByTestId('mission-title').fill(title);
  await page.getByTestId('mission-project').selectOption(projectId);
  await page.getByTestId('mission-venue').selectOption(venueId);
  await page.getByTestId('mission-type').selectOption('REPETITION');
  await page.getByTestId('mission-start-date').fill(monday);
  await page.getByTestId('mission-start-time').fill('14:00');
  await page.getByTestId('mission-end-date').fill(monday);
  await page.getByTestId('mission-end-time').fill('17:30');
  await page.getByTestId('mission-need-add').click();
  await page.getByTestId('mission-need-role-0').fill('Ingenieur son');
  await page.getByTestId(`mission-need-skill-0-${skillId}`).check();
  await page.getByTestId('mission-submit').click();
  await expect(page.getByTestId('mission-detail-title')).toHaveText(title);
  await expect(page.getByTestId('mission-detail-start')).toContainText('14:00');
  await page.getByTestId('mission-more').click();
  const template = uniqueName('Modele balance');
  await page.getByTestId('mission-template-name').fill(template);
  await page.getByTestId('mission-template-save').click();
  await expect(page.getByTestId('mission-template-saved')).toBeVisible();

  // The template applied to the team on two days of the next week: 2 missions, the member invited to each.
  await page.getByTestId('missions-sub-templates').click();
  const templateId = await idOf(page, 'template-row-', template);
  await page.getByTestId('template-apply-template').selectOption(templateId);
  await page.getByTestId('template-apply-team').selectOption(teamId);
  await page.getByTestId('template-apply-project').selectOption(projectId);
  await page.getByTestId('template-apply-from').fill(addDays(monday, 7));
  await page.getByTestId('template-apply-to').fill(addDays(monday, 8));
  await page.getByTestId('template-apply-submit').click();
  await expect(page.getByTestId('template-apply-result')).toContainText('2 missions et 2 invitations');

  // Bulk duplicate of the project's 3 missions.
  await filterMissions(page, projectId);
  await expect(page.getByTestId('missions-count')).toHaveAttribute('data-count', '3');
  await page.getByTestId('mission-select-all').check();
  await page.getByTestId('missions-bulk-duplicate').click();
  await expect(page.getByTestId('missions-count')).toHaveAttribute('data-count', '6');
  expect(Number(await page.getByTestId('sync-pending').textContent())).toBeGreaterThan(10);

  await context.setOffline(false);
  await expect(page.getByTestId('sync-pending')).toHaveText('0', { timeout: 30_000 });
  const missions = (await serverDocs(page.request, 'missions')).filter((d) => d.projectId === projectId);
  expect(missions).toHaveLength(6);
  expect(missions.filter((d) => d.teamId === teamId && d.status === 'PUBLISHED')).toHaveLength(2);
  const invited = (await serverDocs(page.request, 'assignments')).filter((d) => d.userId === userId);
  expect(invited.map((d) => d.status)).toEqual(['INVITED', 'INVITED']);
  const refs = await serverDocs(page.request, 'reference');
  expect(refs.find((d) => d.id === templateId)).toMatchObject({ kind: 'mission_template', data: { title, type: 'REPETITION', ranges: [{ from: '14:00', to: '17:30' }] } });
  expect((await serverDocs(page.request, 'users')).find((d) => d.id === userId)).toMatchObject({ teamIds: [teamId], skills: [skillId] });
  expect((await serverDocs(page.request, 'projects')).find((d) => d.id === projectId)).toMatchObject({ venueIds: [venueId] });
});

test('the mission list keeps one visible action per row: duplicate and cancel are in a menu, and cancelling asks first', async ({ page }) => {
  await signIn(page, ACCOUNTS.manager);
  const p = project(uniqueName('Menu'));
  const m = mission(uniqueName('Kebab'), paris('2027-04-07', '19:00'), paris('2027-04-07', '23:00'), { projectId: p.id, needs: [{ role: 'Son', count: 2, skills: [] }] });
  await seed(page.request, { projects: [p], missions: [m] });
  await page.goto('/planning/missions');
  const row = page.getByTestId(`mission-row-${m.id}`);
  await expect(row).toBeVisible({ timeout: 20_000 });
  await expect(row.getByTestId(`mission-coverage-${m.id}`)).toHaveAttribute('data-tone', 'empty');
  await expect(row.getByTestId(`mission-cancel-${m.id}`)).toHaveCount(0);

  const kebab = row.getByTestId(`mission-menu-${m.id}-button`);
  await expect(kebab).toHaveAccessibleName(new RegExp(String(m.title)));
  await kebab.click();
  await page.getByTestId(`mission-cancel-${m.id}`).click();
  const confirm = page.getByTestId('confirm-dialog');
  await expect(confirm).toBeVisible();
  await page.getByTestId('confirm-dialog-keep').click();
  await expect(confirm).toBeHidden();
  await expect(row).toHaveAttribute('data-status', 'PUBLISHED');

  await kebab.click();
  await page.getByTestId(`mission-cancel-${m.id}`).click();
  await page.getByTestId('confirm-dialog-confirm').click();
  await expect(row).toHaveAttribute('data-status', 'CANCELLED');
  await expect.poll(async () => (await serverDocs(page.request, 'missions')).find((d) => d.id === m.id)?.status, { timeout: 20_000 }).toBe('CANCELLED');
});
