import { ACCOUNTS, expect, signIn, test, waitForServiceWorker } from './helpers';
import { enrolKioskApi, enterPin, punchAtKiosk, setPinApi } from './kiosk-helpers';
import { assignmentDoc, dismissToasts, missionDoc, personDoc, pushDocs, uuid7 } from './planning-helpers';
import { apiSession, serverDocs, uniqueName, waitForSyncIdle } from './sync-helpers';
import { crewWithMission, managerPunches, minute, serverDocsOf } from './timeclock-helpers';

// Two browser contexts and the sync of each: slow on the shared 2-core machine.
test.setTimeout(300_000);

test('a kiosk asks which mission when two fit now and sends the clock in to the one chosen; the clock out follows it', async ({ browser, baseURL }) => {
  const api = await apiSession(baseURL!, ACCOUNTS.manager);
  const tag = Date.now().toString(36).slice(-5);
  const venue = { id: uuid7(), updatedAt: new Date().toISOString(), kind: 'venue', name: `Salle choix ${tag}`, archived: false, data: {} };
  await pushDocs(api, 'reference', [venue]);
  const now = Date.now();
  const running = missionDoc(`Montage ${tag}`, new Date(now - 3_600_000).toISOString(), new Date(now + 4 * 3_600_000).toISOString(), { venueId: venue.id });
  const soon = missionDoc(`Balance ${tag}`, new Date(now + 30 * 60_000).toISOString(), new Date(now + 3 * 3_600_000).toISOString(), { venueId: venue.id });
  await pushDocs(api, 'missions', [running, soon]);
  const person = personDoc(`Choix${tag}`, null);
  await pushDocs(api, 'users', [person]);
  await pushDocs(api, 'assignments', [assignmentDoc(String(running.id), String(person.id)), assignmentDoc(String(soon.id), String(person.id))]);
  const personId = String(person.id);
  await setPinApi(api, personId, '7531');
  const { id: kioskId, path } = await enrolKioskApi(api, venue.id, 'Borne choix');

  const tablet = await browser.newContext({ baseURL });
  const kiosk = await tablet.newPage();
  await kiosk.goto(path);
  await waitForServiceWorker(kiosk);
  await expect(kiosk.getByTestId('kiosk-tile')).toHaveCount(1);

  await enterPin(kiosk, personId, '7531');
  await kiosk.getByTestId('kiosk-action-IN').click();
  // Both missions fit (one running, one starting in 30 minutes): the running one first.
  await expect(kiosk.getByTestId('kiosk-missions')).toBeVisible();
  const choices = kiosk.getByTestId('kiosk-mission');
  await expect(choices).toHaveCount(2);
  await expect(choices.nth(0)).toHaveAttribute('data-mission-id', String(running.id));
  await expect(choices.nth(0)).toContainText(`Montage ${tag}`);
  await kiosk.locator(`[data-testid="kiosk-mission"][data-mission-id="${String(soon.id)}"]`).click();
  await expect(kiosk.getByTestId('kiosk-confirm')).toBeVisible();
  await kiosk.getByTestId('kiosk-confirm-done').click({ timeout: 2000 }).catch(() => undefined);
  await expect(kiosk.getByTestId('kiosk-roster')).toBeVisible();
  // The clock out asks nothing: it goes to the open clock in's mission.
  await punchAtKiosk(kiosk, personId, '7531', 'OUT');
  await expect(kiosk.getByTestId('kiosk-pending')).toHaveAttribute('data-count', '0', { timeout: 30_000 });

  const punches = (await serverDocs(api, 'field_events')).filter((d) => d.kind === 'PUNCH' && d.deviceId === `kiosk-${kioskId}`);
  expect(punches.map((p) => [(p.payload as { punchType: string }).punchType, p.missionId]).sort()).toEqual([
    ['IN', soon.id],
    ['OUT', soon.id],
  ]);
  const sheets = (await serverDocs(api, 'timesheets')).filter((d) => d.userId === personId && !d._deleted);
  expect(sheets.map((s) => s.missionId)).toEqual([soon.id]);
  await tablet.close();
  await api.dispose();
});

test('the crew and planner timesheet lists follow punches from another device, the validation and late punches, without a reload', async ({ page, browser, baseURL }) => {
  const t0 = Date.now() - 3 * 3_600_000;
  const scene = await crewWithMission(baseURL!, t0);
  const missionId = String(scene.mission.id);

  // The crew member on their phone, on My timesheets.
  const phone = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 } });
  const crew = await phone.newPage();
  await dismissToasts(crew);
  await signIn(crew, scene.tech.email, scene.tech.password);
  await waitForSyncIdle(crew);
  await crew.goto('/timeclock/mine');
  await expect(crew.getByTestId('mine-empty')).toBeVisible();

  // The planner on the timesheets list, filtered on that person.
  await dismissToasts(page);
  await signIn(page, ACCOUNTS.manager);
  await waitForSyncIdle(page);
  await page.goto('/timeclock/timesheets');
  await expect(page.locator(`[data-testid="ts-person"] option[value="${scene.personId}"]`)).toHaveCount(1, { timeout: 30_000 });
  await page.getByTestId('ts-person').selectOption(scene.personId);
  await expect(page.getByTestId('ts-empty')).toBeVisible();

  // A clock in from another device (a manager's tablet): both lists show the new timesheet.
  await managerPunches(scene.manager, scene.personId, [{ type: 'IN', at: minute(t0), missionId }]);
  const card = crew.getByTestId('mine-timesheet');
  const row = page.getByTestId('ts-row');
  await expect(card).toHaveAttribute('data-punches', '1');
  await expect(card.getByTestId('mine-confirm')).toBeVisible();
  await expect(row).toHaveAttribute('data-punches', '1');
  await expect(row.getByTestId('ts-anomalies')).toContainText('D\u00e9part manquant');

  // Its clock out: the figures and the anomalies follow.
  await managerPunches(scene.manager, scene.personId, [{ type: 'OUT', at: minute(t0 + 2 * 3_600_000), missionId }]);
  await expect(card).toHaveAttribute('data-punches', '2');
  await expect(card.getByTestId('mine-minutes')).toHaveText('2 h 00');
  await expect(row).toHaveAttribute('data-punches', '2');
  await expect(row.getByTestId('ts-minutes')).toHaveText('2 h 00');
  // The clock out pairs the clock in: no "missing clock out" any more (an early end, 2 h before the mission's end).
  await expect(row.getByTestId('ts-anomalies')).toHaveText('D\u00e9part anticip\u00e9');

  // The planner validates: the crew's Confirm and Dispute buttons go away on their phone, no reload.
  await row.getByTestId('ts-validate').click();
  await expect(row).toHaveAttribute('data-status', 'VALIDATED');
  await expect(card).toHaveAttribute('data-status', 'VALIDATED');
  await expect(card.getByTestId('mine-confirm')).toHaveCount(0);
  await expect(card.getByTestId('mine-dispute')).toHaveCount(0);

  // Late punches from another device: the validated timesheet keeps its figures and asks to be validated again.
  await managerPunches(scene.manager, scene.personId, [
    { type: 'IN', at: minute(t0 + 2 * 3_600_000 + 10 * 60_000), missionId },
    { type: 'OUT', at: minute(t0 + 2 * 3_600_000 + 50 * 60_000), missionId },
  ]);
  await expect(row).toHaveAttribute('data-revalidate', 'true');
  await expect(row.getByTestId('ts-revalidate-needed')).toHaveAttribute('data-count', '2');
  await expect(row.getByTestId('ts-proposal')).toContainText('2 h 40');
  await expect(row).toHaveAttribute('data-punches', '2');
  await expect(row.getByTestId('ts-minutes')).toHaveText('2 h 00');
  await expect(card.getByTestId('mine-revalidate-needed')).toBeVisible();

  await row.getByTestId('ts-revalidate').click();
  await expect(row).toHaveAttribute('data-revalidate', 'false');
  await expect(row).toHaveAttribute('data-punches', '4');
  await expect(row.getByTestId('ts-minutes')).toHaveText('2 h 40');
  await expect(card).toHaveAttribute('data-punches', '4');
  await expect(card.getByTestId('mine-revalidate-needed')).toHaveCount(0);
  const stored = await serverDocsOf(scene.manager, 'timesheets', scene.personId);
  expect(stored).toHaveLength(1);
  expect(stored[0]).toMatchObject({ status: 'VALIDATED', roundedMinutes: 160, anomalies: ['EARLY_END'] });
  await phone.close();
  await scene.manager.dispose();
});

test('validating a timesheet that overlaps another of the person asks first; the payroll lists the overlap and pays it once', async ({ page, baseURL }) => {
  const api = await apiSession(baseURL!, ACCOUNTS.manager);
  // Paid by the hour (the demo organisation pays its intermittents by the cachet).
  const person: Record<string, unknown> = { ...personDoc(uniqueName('Chevauche'), null), employmentType: 'CDD' };
  await pushDocs(api, 'users', [person]);
  const personId = String(person.id);
  const sheet = (startAt: string, endAt: string) => ({
    id: uuid7(), updatedAt: new Date().toISOString(), userId: personId, missionId: null, date: '2029-03-14', type: 'SPECTACLE', startAt, endAt, breakMinutes: 0,
    status: 'DRAFT', validatedAt: null, validatedByAccountId: null, source: 'MANUAL', workedMinutes: 0, paidMinutes: 0, roundedMinutes: 0, nightMinutes: 0,
    plannedMinutes: null, anomalies: [], punchIds: [],
  });
  // 14:00-23:30 and 16:00-23:00 local (UTC+1 in March): 7 h in common.
  const long = sheet('2029-03-14T13:00:00.000Z', '2029-03-14T22:30:00.000Z');
  const short = sheet('2029-03-14T15:00:00.000Z', '2029-03-14T22:00:00.000Z');
  await pushDocs(api, 'timesheets', [long, short]);

  await dismissToasts(page);
  await signIn(page, ACCOUNTS.manager);
  await waitForSyncIdle(page);
  await page.goto('/timeclock/timesheets');
  await page.getByTestId('ts-date').fill('2029-03-14');
  await expect(page.locator(`[data-testid="ts-person"] option[value="${personId}"]`)).toHaveCount(1, { timeout: 30_000 });
  await page.getByTestId('ts-person').selectOption(personId);
  const longRow = page.locator(`[data-testid="ts-row"][data-id="${long.id}"]`);
  const shortRow = page.locator(`[data-testid="ts-row"][data-id="${short.id}"]`);
  await expect(longRow.getByTestId('ts-overlap')).toContainText('7 h 00 en commun');
  await expect(shortRow.getByTestId('ts-overlap')).toBeVisible();

  await shortRow.getByTestId('ts-validate').click();
  const confirm = page.getByTestId('ts-overlap-confirm');
  await expect(confirm).toBeVisible();
  await expect(confirm.getByTestId('ts-overlap-pair')).toHaveCount(1);
  await confirm.getByTestId('ts-overlap-cancel').click();
  await expect(confirm).toHaveCount(0);
  await expect(shortRow).toHaveAttribute('data-status', 'DRAFT');
  for (const r of [longRow, shortRow]) {
    await r.getByTestId('ts-validate').click();
    await page.getByTestId('ts-overlap-validate').click();
    await expect(r).toHaveAttribute('data-status', 'VALIDATED');
  }

  await page.getByTestId('tc-tab-payroll').click();
  await page.getByTestId('payroll-month').fill('2029-03');
  await expect(page.getByTestId('payroll-source')).toHaveAttribute('data-source', 'server', { timeout: 20_000 });
  const personRow = page.locator(`[data-testid="payroll-person"][data-user="${personId}"]`);
  await expect(personRow).toBeVisible();
  // 9 h 30 paid once (not 16 h 30); 7 h not paid twice.
  await expect(personRow.getByTestId('payroll-overlap-hours')).toHaveText('7,00');
  await expect(personRow).toContainText('9,50');
  await expect(page.getByTestId('payroll-overlap')).toHaveCount(1);
  await api.dispose();
});
