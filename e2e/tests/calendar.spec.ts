import type { Page } from '@playwright/test';
import { ACCOUNTS, expect, signIn, test } from './helpers';
import { box, drag, showGrid, invitation, mission, paris, person, project, seed, serverDoc, setStatus, skill, team } from './calendar-helpers';
import { apiSession, serverDocs, uniqueName, waitForSyncIdle } from './sync-helpers';

const ms = (iso: string) => String(Date.parse(iso));

/** The computed colour of a design token (e.g. --color-info-fg) in the page's current theme. */
async function tokenColour(page: Page, token: string): Promise<string> {
  return page.evaluate((name) => {
    const probe = document.createElement('span');
    probe.style.color = `var(${name})`;
    document.body.append(probe);
    const colour = getComputedStyle(probe).color;
    probe.remove();
    return colour;
  }, token);
}
const HOUR_PX = 40;

test('a manager sees the week view with assignment colours, mission statuses and the legend; the range is in the address', async ({ page }) => {
  await signIn(page, ACCOUNTS.manager);
  const p = project(uniqueName('Calendrier'));
  const people = ['Ines', 'Adam', 'Dora', 'Cyril'].map((n) => person(n, uniqueName('Semaine')));
  const show = mission(uniqueName('Concert'), paris('2027-01-05', '10:00'), paris('2027-01-05', '13:00'), { projectId: p.id });
  const draft = mission(uniqueName('Montage'), paris('2027-01-06', '14:00'), paris('2027-01-06', '18:00'), { projectId: p.id, status: 'DRAFT' });
  const off = mission(uniqueName('Annulee'), paris('2027-01-07', '09:00'), paris('2027-01-07', '11:00'), { projectId: p.id, status: 'CANCELLED' });
  const invites = people.map((u) => invitation(show.id, u.id));
  await seed(page.request, { projects: [p], users: people, missions: [show, draft, off], assignments: invites });
  await setStatus(page.request, invites[1]!, 'ACCEPTED');
  await setStatus(page.request, invites[2]!, 'DECLINED');
  await setStatus(page.request, invites[3]!, 'CANCELLED');

  await page.goto(`/planning/calendar?view=week&date=2027-01-06&project=${p.id}`);
  const grid = page.getByTestId('calendar-grid');
  await expect(grid).toHaveAttribute('data-view', 'week');
  await expect(grid).toHaveAttribute('data-from', '2027-01-04');
  await expect(page.getByTestId(`cal-mission-${show.id}`)).toHaveAttribute('data-status', 'PUBLISHED', { timeout: 20_000 });
  await expect(page.getByTestId(`cal-mission-${draft.id}`)).toHaveAttribute('data-status', 'DRAFT');
  await expect(page.getByTestId(`cal-mission-${off.id}`)).toHaveAttribute('data-status', 'CANCELLED');
  await expect(page.getByTestId('cal-day-2027-01-05').getByTestId(`cal-mission-${show.id}`)).toContainText('10:00');

  // Each status is drawn in its tone of the design tokens (info, success, danger, neutral), whatever the theme's values.
  const tokens: Record<string, string> = { INVITED: '--color-info-fg', ACCEPTED: '--color-success-fg', DECLINED: '--color-danger-fg', CANCELLED: '--color-neutral-fg' };
  const statuses = ['INVITED', 'ACCEPTED', 'DECLINED', 'CANCELLED'];
  for (const [i, a] of invites.entries()) {
    const pill = page.getByTestId(`cal-assignment-${a.id}`);
    await expect(pill).toHaveAttribute('data-status', statuses[i]!);
    await expect(pill).toHaveCSS('background-color', await tokenColour(page, tokens[statuses[i]!]!));
  }
  // The legend is a popover behind the toolbar's button.
  await page.getByTestId('cal-legend-toggle').click();
  const legend = page.getByTestId('cal-legend');
  await expect(legend).toBeVisible();
  await expect(legend.getByTestId('cal-legend-INVITED')).toContainText('Invitation envoy\u00e9e');
  await expect(legend.getByTestId('cal-legend-ACCEPTED')).toContainText('Accept\u00e9e');
  await expect(legend.getByTestId('cal-legend-DECLINED')).toContainText('D\u00e9clin\u00e9e');
  await expect(legend.getByTestId('cal-legend-CANCELLED')).toContainText('Annul\u00e9e');
  await expect(legend.getByTestId('cal-legend-mission-DRAFT')).toContainText('Brouillon');

  await page.keyboard.press('Escape');
  await expect(legend).toBeHidden();

  // The filter bar is closed by default; the toggle counts the active filters (here the project).
  await expect(page.getByTestId('cal-filters')).toBeHidden();
  await expect(page.getByTestId('cal-filters-count')).toHaveText('1');
  await page.getByTestId('cal-filters-toggle').click();
  await expect(page.getByTestId('cal-filters-toggle')).toHaveAttribute('aria-expanded', 'true');
  // A status filter hides the other assignments and goes into the address.
  // (The address changes in a transition: click, then wait for the new state.)
  await page.getByTestId('cal-filter-status-DECLINED').click();
  await expect(page.getByTestId('cal-filter-status-DECLINED')).not.toBeChecked();
  await expect(page.getByTestId(`cal-assignment-${invites[2]!.id}`)).toHaveCount(0);
  await expect(page).toHaveURL(/status=INVITED%2CACCEPTED%2CCANCELLED|status=INVITED,ACCEPTED,CANCELLED/);
  await page.getByTestId('cal-filter-reset').click();

  await page.getByTestId('cal-next').click();
  await expect(page).toHaveURL(/view=week&date=2027-01-13/);
  await expect(grid).toHaveAttribute('data-from', '2027-01-11');
  await page.getByTestId('cal-prev').click();
  await expect(page).toHaveURL(/date=2027-01-06/);
  await page.getByTestId('cal-view-month').click();
  await expect(page).toHaveURL(/view=month&date=2027-01-06/);
  await expect(page.getByTestId('cal-month-cell-2027-01-05').getByTestId(`cal-mission-${show.id}`)).toBeVisible();
  await page.getByTestId('cal-view-day').click();
  await expect(grid).toHaveAttribute('data-from', '2027-01-06');
  await expect(page.getByTestId(`cal-mission-${draft.id}`)).toBeVisible();
  await page.getByTestId('cal-view-timeline').click();
  await expect(page.getByTestId(`cal-tl-row-${people[0]!.id}`).getByTestId(`cal-tl-assignment-${invites[0]!.id}`)).toHaveAttribute('data-status', 'INVITED');
});

test('a manager moves a mission by drag and drop and resizes its end; the new times reach the server', async ({ page }) => {
  await signIn(page, ACCOUNTS.manager);
  const p = project(uniqueName('Glisser'));
  const m = mission(uniqueName('Balance'), paris('2027-01-12', '10:00'), paris('2027-01-12', '12:00'), { projectId: p.id });
  await seed(page.request, { projects: [p], missions: [m] });
  await page.goto(`/planning/calendar?view=week&date=2027-01-12&project=${p.id}`);
  const block = page.getByTestId(`cal-mission-${m.id}`);
  await expect(block).toBeVisible({ timeout: 20_000 });

  await showGrid(page);
  // Grab the block 10 px below its top and drop its top on Thursday 14:00 (the grid's 00:00 is the column's top).
  const from = await box(block);
  const thursday = await box(page.getByTestId('cal-day-2027-01-14'));
  await drag(page, { x: from.x + from.width / 2, y: from.y + 10 }, { x: thursday.x + thursday.width / 2, y: thursday.y + 14 * HOUR_PX + 10 });
  await expect(page.getByTestId('cal-day-2027-01-14').getByTestId(`cal-mission-${m.id}`)).toHaveAttribute('data-start', ms(paris('2027-01-14', '14:00')));
  await expect.poll(async () => (await serverDoc(page, 'missions', m.id))?.startAt, { timeout: 20_000 }).toBe('2027-01-14T13:00:00.000Z');
  expect((await serverDoc(page, 'missions', m.id))?.endAt).toBe('2027-01-14T15:00:00.000Z');

  // Pull the end handle down by one hour: 14:00 to 17:00.
  const handle = await box(page.getByTestId(`cal-resize-${m.id}`));
  await drag(page, { x: handle.x + handle.width / 2, y: handle.y + 2 }, { x: handle.x + handle.width / 2, y: handle.y + 2 + HOUR_PX });
  await expect.poll(async () => (await serverDoc(page, 'missions', m.id))?.endAt, { timeout: 20_000 }).toBe('2027-01-14T16:00:00.000Z');
  expect((await serverDoc(page, 'missions', m.id))?.startAt).toBe('2027-01-14T13:00:00.000Z');
});

test('on the timeline a manager drops a person on a mission to invite them, then moves the assignment to another person', async ({ page }) => {
  await signIn(page, ACCOUNTS.manager);
  const t = team(uniqueName('Equipe'));
  const first = person('Lea', uniqueName('Frise'), { teamIds: [t.id] });
  const second = person('Noah', uniqueName('Frise'), { teamIds: [t.id] });
  const m = mission(uniqueName('Festival'), paris('2027-01-20', '09:00'), paris('2027-01-20', '17:00'), { teamId: t.id });
  await seed(page.request, { reference: [t], users: [first, second], missions: [m] });
  await page.goto(`/planning/calendar?view=timeline&date=2027-01-20&team=${t.id}`);
  const bar = page.getByTestId(`cal-tl-mission-${m.id}`);
  await expect(bar).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId(`cal-tl-row-${first.id}`)).toBeVisible();

  await showGrid(page);
  const handle = await box(page.getByTestId(`cal-person-${first.id}`));
  const target = await box(bar);
  await drag(page, { x: handle.x + handle.width / 2, y: handle.y + handle.height / 2 }, { x: target.x + target.width / 2, y: target.y + target.height / 2 });
  const invited = page.getByTestId(`cal-tl-row-${first.id}`).locator('[data-testid^="cal-tl-assignment-"]');
  await expect(invited).toHaveAttribute('data-status', 'INVITED');
  const assignmentId = String(await invited.getAttribute('data-testid')).replace('cal-tl-assignment-', '');
  await expect
    .poll(async () => {
      const a = await serverDoc(page, 'assignments', assignmentId);
      return a && [a.missionId, a.userId, a.status, a.statusChangedBy].join(' ');
    }, { timeout: 20_000 })
    .toBe(`${m.id} ${first.id} INVITED MANAGER`);

  // Drag the assignment onto the second person's row: the first one is cancelled, the second one invited.
  const from = await box(page.getByTestId(`cal-tl-assignment-${assignmentId}`));
  const row = await box(page.getByTestId(`cal-tl-row-${second.id}`));
  await drag(page, { x: from.x + from.width / 2, y: from.y + from.height / 2 }, { x: from.x + from.width / 2, y: row.y + row.height / 2 });
  await expect(page.getByTestId(`cal-tl-row-${second.id}`).locator('[data-testid^="cal-tl-assignment-"]')).toHaveAttribute('data-status', 'INVITED');
  await expect.poll(async () => (await serverDoc(page, 'assignments', assignmentId))?.status, { timeout: 20_000 }).toBe('CANCELLED');
  await expect
    .poll(async () => (await serverDocs(page.request, 'assignments')).filter((a) => a.missionId === m.id && a.userId === second.id && a.status === 'INVITED').length, { timeout: 20_000 })
    .toBe(1);
});

test('a manager does the same by keyboard: picks a mission up, moves it two days and four hours, lengthens it, drops it; assigns a person from the picker', async ({ page }) => {
  await signIn(page, ACCOUNTS.manager);
  const p = project(uniqueName('Clavier'));
  const u = person('Sacha', uniqueName('Clavier'));
  const m = mission(uniqueName('Repetition'), paris('2027-01-26', '10:00'), paris('2027-01-26', '12:00'), { projectId: p.id });
  await seed(page.request, { projects: [p], users: [u], missions: [m] });
  await page.goto(`/planning/calendar?view=week&date=2027-01-26&project=${p.id}`);
  const block = page.getByTestId(`cal-mission-${m.id}`);
  await expect(block).toBeVisible({ timeout: 20_000 });
  const live = page.getByTestId('calendar-live');

  // Escape puts it back.
  await block.focus();
  await page.keyboard.press('Enter');
  await expect(live).toContainText('prise');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Escape');
  await expect(live).toContainText('annul\u00e9');
  await expect(block).toHaveAttribute('data-start', ms(paris('2027-01-26', '10:00')));
  // The focus stays on the item put back (not lost to <body>).
  await expect(block).toBeFocused();

  await block.focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  for (let i = 0; i < 16; i++) await page.keyboard.press('ArrowDown');
  for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowDown');
  await expect(live).toContainText('17:00');
  await page.keyboard.press('Enter');
  await expect(live).toContainText('d\u00e9plac\u00e9e');
  await expect(page.getByTestId('cal-day-2027-01-28').getByTestId(`cal-mission-${m.id}`)).toHaveAttribute('data-start', ms(paris('2027-01-28', '14:00')));
  // The focus followed the mission to its new day, so the keyboard can go on from it.
  await expect(page.getByTestId(`cal-mission-${m.id}`)).toBeFocused();
  await expect
    .poll(async () => {
      const doc = await serverDoc(page, 'missions', m.id);
      return `${doc?.startAt} ${doc?.endAt}`;
    }, { timeout: 20_000 })
    .toBe('2027-01-28T13:00:00.000Z 2027-01-28T16:00:00.000Z');

  // A on a focused mission opens the person picker.
  await page.getByTestId(`cal-mission-${m.id}`).focus();
  await page.keyboard.press('a');
  const dialog = page.getByTestId('cal-assign-dialog');
  await expect(dialog).toBeVisible();
  await page.getByTestId('cal-assign-search').fill(String(u.lastName));
  await page.getByTestId(`cal-assign-option-${u.id}`).check();
  await page.getByTestId('cal-assign-submit').click();
  await expect(dialog).toHaveCount(0);
  await expect(live).toContainText('invitation envoy\u00e9e');
  await expect
    .poll(async () => (await serverDocs(page.request, 'assignments')).filter((a) => a.missionId === m.id && a.userId === u.id && a.status === 'INVITED').length, { timeout: 20_000 })
    .toBe(1);
});

test('a manager resolves an overlap from the Conflicts tab by picking a qualified replacement, and the conflict disappears', async ({ page }) => {
  await signIn(page, ACCOUNTS.manager);
  const sound = skill(uniqueName('Son'));
  const busy = person('Alix', uniqueName('Conflit'), { skills: [sound.id] });
  const free = person('Basile', uniqueName('Conflit'), { skills: [sound.id] });
  const unskilled = person('Camille', uniqueName('Conflit'));
  const needs = [{ role: 'Son', count: 1, skills: [sound.id] }];
  const morning = mission(uniqueName('Matin'), paris('2027-02-10', '09:00'), paris('2027-02-10', '13:00'), { needs });
  const afternoon = mission(uniqueName('Apres-midi'), paris('2027-02-10', '12:00'), paris('2027-02-10', '16:00'), { needs });
  const first = invitation(morning.id, busy.id);
  const second = invitation(afternoon.id, busy.id);
  await seed(page.request, { reference: [sound], users: [busy, free, unskilled], missions: [morning, afternoon], assignments: [first, second] });

  // The calendar marks both missions and the assignments in conflict.
  await page.goto('/planning/calendar?view=week&date=2027-02-10');
  await expect(page.getByTestId(`cal-mission-${afternoon.id}`)).toHaveAttribute('data-conflict', 'error', { timeout: 20_000 });
  await expect(page.getByTestId(`cal-assignment-${second.id}`)).toHaveAttribute('data-conflict', 'error');

  await page.goto('/planning/conflicts?date=2027-02-10');
  const item = page.locator(`[data-testid="pc-item"][data-assignments*="${second.id}"]`);
  await expect(item).toHaveAttribute('data-kind', 'OVERLAP', { timeout: 20_000 });
  await expect(item).toHaveAttribute('data-severity', 'error');
  await expect(item).toContainText('Chevauchement');
  await item.getByTestId(`pc-replace-${second.id}`).click();
  const candidates = page.getByTestId(`pc-candidates-${second.id}`);
  await expect(candidates.getByTestId(`pc-candidate-${second.id}-${free.id}`)).toBeVisible();
  await expect(candidates.getByTestId(`pc-candidate-${second.id}-${unskilled.id}`)).toHaveCount(0);
  await expect(candidates.getByTestId(`pc-candidate-${second.id}-${busy.id}`)).toHaveCount(0);
  await candidates.getByTestId(`pc-candidate-${second.id}-${free.id}`).click();

  await expect(item).toHaveCount(0);
  await expect(page.getByTestId('calendar-live')).toContainText('remplace');
  await expect.poll(async () => (await serverDoc(page, 'assignments', second.id))?.status, { timeout: 20_000 }).toBe('CANCELLED');
  await expect
    .poll(async () => (await serverDocs(page.request, 'assignments')).filter((a) => a.missionId === afternoon.id && a.userId === free.id && a.status === 'INVITED').length, { timeout: 20_000 })
    .toBe(1);
});

test('an invitation made offline that the server refuses (the person was invited meanwhile) is listed on the calendar with its reason', async ({ page, context, baseURL }) => {
  await signIn(page, ACCOUNTS.manager);
  const p = project(uniqueName('Refus'));
  const u = person('Maud', uniqueName('Refus'));
  const m = mission(uniqueName('Jauge'), paris('2027-02-23', '18:00'), paris('2027-02-23', '22:00'), { projectId: p.id });
  await seed(page.request, { projects: [p], users: [u], missions: [m] });
  await page.goto(`/planning/calendar?view=week&date=2027-02-23&project=${p.id}`);
  const block = page.getByTestId(`cal-mission-${m.id}`);
  await expect(block).toBeVisible({ timeout: 20_000 });
  await waitForSyncIdle(page);

  await context.setOffline(true);
  await block.focus();
  await page.keyboard.press('a');
  await page.getByTestId(`cal-assign-option-${u.id}`).check();
  await page.getByTestId('cal-assign-submit').click();
  const pill = block.locator('[data-testid^="cal-assignment-"]');
  await expect(pill).toHaveAttribute('data-status', 'INVITED');
  const localId = String(await pill.getAttribute('data-testid')).replace('cal-assignment-', '');

  // Another device invites the same person first.
  const other = await apiSession(baseURL!, ACCOUNTS.admin);
  await seed(other, { assignments: [invitation(m.id, u.id)] });
  await other.dispose();

  await context.setOffline(false);
  const refused = page.getByTestId(`cal-refused-assignments-${localId}`);
  await expect(refused).toHaveAttribute('data-code', 'DUPLICATE_ASSIGNMENT', { timeout: 30_000 });
  await expect(page.getByTestId('cal-refused')).toContainText('d\u00e9j\u00e0 affect\u00e9e');
});

test('on a 1440x900 laptop the week grid is the page: it starts near the top, opens on the evening missions, and a keyboard move shows a toast whose Undo restores the time', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, ACCOUNTS.manager);
  const p = project(uniqueName('Laptop'));
  const evening = mission(uniqueName('Soiree'), paris('2027-03-03', '19:30'), paris('2027-03-03', '23:00'), { projectId: p.id, needs: [{ role: 'Son', count: 2, skills: [] }] });
  const late = mission(uniqueName('Nuit'), paris('2027-03-04', '21:00'), paris('2027-03-05', '01:00'), { projectId: p.id });
  await seed(page.request, { projects: [p], missions: [evening, late] });
  await page.goto(`/planning/calendar?view=week&date=2027-03-03&project=${p.id}`);
  const block = page.getByTestId(`cal-mission-${evening.id}`);
  await expect(block).toBeVisible({ timeout: 20_000 });

  // The grid starts within 200 px of the top; the first mission shows without scrolling the page or the grid.
  const grid = await box(page.getByTestId('calendar-grid'));
  expect(grid.y).toBeLessThanOrEqual(200);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  await expect(block).toBeInViewport();
  const scroller = await box(page.getByTestId('cal-week-scroll'));
  const first = await box(block);
  expect(first.y).toBeGreaterThanOrEqual(scroller.y);
  expect(first.y + 20).toBeLessThanOrEqual(scroller.y + scroller.height);
  // Its coverage: 2 needed, nobody accepted.
  await expect(page.getByTestId(`cal-coverage-${evening.id}`)).toHaveAttribute('data-tone', 'empty');
  await expect(page.getByTestId(`cal-coverage-${evening.id}`)).toContainText('0/2');

  // A keyboard move of one hour shows a toast; Undo writes the old time back and the focus stays on the block.
  await block.focus();
  await page.keyboard.press('Enter');
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(block).toHaveAttribute('data-start', ms(paris('2027-03-03', '20:30')));
  const toast = page.getByTestId('cal-toast');
  await expect(toast).toBeVisible();
  await expect(block).toBeFocused();
  await expect.poll(async () => (await serverDoc(page, 'missions', evening.id))?.startAt, { timeout: 20_000 }).toBe('2027-03-03T19:30:00.000Z');
  await page.getByTestId('cal-toast-action').click();
  await expect(block).toHaveAttribute('data-start', ms(paris('2027-03-03', '19:30')));
  await expect(block).toBeFocused();
  await expect.poll(async () => (await serverDoc(page, 'missions', evening.id))?.startAt, { timeout: 20_000 }).toBe('2027-03-03T18:30:00.000Z');

  // "?" opens the keyboard help.
  await page.keyboard.press('?');
  await expect(page.getByTestId('cal-help-dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('cal-help-dialog')).toBeHidden();
});
