import { ACCOUNTS, expect, signIn, test } from './helpers';
import { dismissToasts } from './planning-helpers';
import { waitForSyncIdle } from './sync-helpers';
import { crewWithMission, serverDocsOf } from './timeclock-helpers';

// The crew app as a crew member holds it: a phone, French, the organisation's zone.
test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, locale: 'fr-FR', timezoneId: 'Europe/Paris' });

test.beforeEach(async ({ page }) => {
  await dismissToasts(page);
});

test('the demo crew member sees a one-row header, the Today card first and a bottom tab bar that navigates', async ({ page }) => {
  await signIn(page, ACCOUNTS.tech);
  await expect(page.getByTestId('page-myMissions')).toBeVisible();

  const header = await page.getByTestId('app-header').boundingBox();
  expect(header!.height).toBeLessThanOrEqual(56);

  // Today: the demo's mission of the day, or the friendly empty state with the next date.
  const today = page.getByTestId('today-card');
  await expect(today).toBeVisible({ timeout: 20_000 });
  const kind = await today.getAttribute('data-kind');
  if (kind === 'now' || kind === 'later') await expect(page.getByTestId('today-mission-title')).not.toBeEmpty();
  else await expect(page.getByTestId('today-empty')).toBeVisible();
  // It comes before the list of upcoming missions.
  const todayBox = await today.boundingBox();
  const upcomingBox = await page.getByTestId('my-upcoming').boundingBox();
  expect(todayBox!.y).toBeLessThan(upcomingBox!.y);

  // No "Details" slab: the title row opens the details.
  const firstCard = page.locator('[data-testid^="my-mission-"]').first();
  const toggle = firstCard.locator('[data-testid^="my-details-"]');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(firstCard.locator('[data-testid^="my-facts-"]')).toBeVisible();

  // The tab bar: at the bottom, 44 px targets, the current section marked, and the page keeps room for it.
  const bar = page.getByTestId('bottom-nav');
  await expect(bar).toBeVisible();
  const barBox = await bar.boundingBox();
  expect(barBox!.y + barBox!.height).toBeCloseTo(844, 0);
  const missionsTab = bar.getByTestId('nav-myMissions');
  await expect(missionsTab).toHaveAttribute('aria-current', 'page');
  const tabBox = await missionsTab.boundingBox();
  expect(tabBox!.height).toBeGreaterThanOrEqual(44);
  const padding = await page.locator('#main').evaluate((el) => parseFloat(getComputedStyle(el).paddingBottom));
  expect(padding).toBeGreaterThanOrEqual(barBox!.height);
  await expect(page.locator('.main-nav')).toHaveCount(0);

  await bar.getByTestId('nav-timeclock').click();
  await expect(page.getByTestId('page-timeclock')).toBeVisible();
  await expect(bar.getByTestId('nav-timeclock')).toHaveAttribute('aria-current', 'page');
  await expect(missionsTab).not.toHaveAttribute('aria-current', 'page');
  await page.getByTestId('tc-tab-mine').click();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await bar.getByTestId('nav-myMissions').click();
  await expect(page.getByTestId('page-myMissions')).toBeVisible();
});

test('a crew member clocks in from the Today card offline, it is sent once online, and clocks out', async ({ page, context, baseURL }) => {
  test.setTimeout(120_000);
  const scene = await crewWithMission(baseURL!, Date.now());
  await signIn(page, scene.tech.email, scene.tech.password);
  await waitForSyncIdle(page);
  const today = page.getByTestId('today-card');
  await expect(today).toHaveAttribute('data-kind', 'now', { timeout: 20_000 });
  await expect(today).toHaveAttribute('data-mission-id', String(scene.mission.id));
  await expect(page.getByTestId('today-mission-title')).toHaveText(String(scene.mission.title));
  await expect(page.getByTestId('today-answer')).toBeVisible();

  await context.setOffline(true);
  await expect(page.getByTestId('online-status')).toHaveAttribute('data-state', 'offline');
  // One status indicator in the header, not two chips.
  await expect(page.getByTestId('app-header').getByText('Hors ligne').filter({ visible: true })).toHaveCount(1);
  await page.getByTestId('today-punch-IN').click();
  await expect(page.getByTestId('today-punch-message')).toContainText('hors ligne');
  await expect(page.getByTestId('today-clock-state')).toHaveAttribute('data-state', 'IN');
  await expect(page.getByTestId('today-clock-state')).toContainText(/^Arriv\u00e9e point\u00e9e \u00e0 \d{2}:\d{2}$/);
  await expect(page.getByTestId('today-pending')).toHaveText('1 pointage en attente');
  await expect(page.getByTestId('sync-pending')).toHaveAttribute('data-count', '1');
  expect(await serverDocsOf(scene.manager, 'field_events', scene.personId)).toHaveLength(0);

  await context.setOffline(false);
  await expect(page.getByTestId('today-pending')).toBeHidden({ timeout: 30_000 });
  await expect.poll(async () => (await serverDocsOf(scene.manager, 'field_events', scene.personId)).length, { timeout: 20_000 }).toBe(1);
  const [punch] = await serverDocsOf(scene.manager, 'field_events', scene.personId);
  expect(punch).toMatchObject({ kind: 'PUNCH', missionId: scene.mission.id, payload: expect.objectContaining({ punchType: 'IN' }) });

  // The Clock in tab sees the same punch (one data layer).
  await page.getByTestId('bottom-nav').getByTestId('nav-timeclock').click();
  await expect(page.getByTestId('punch-state')).toHaveAttribute('data-state', 'IN');
  await page.getByTestId('bottom-nav').getByTestId('nav-myMissions').click();
  await page.getByTestId('today-punch-OUT').click();
  await expect(page.getByTestId('today-clock-state')).toBeHidden();
  await expect(page.getByTestId('today-punch-IN')).toBeVisible();
  await expect.poll(async () => (await serverDocsOf(scene.manager, 'field_events', scene.personId)).length, { timeout: 20_000 }).toBe(2);
  await scene.manager.dispose();
});

test('the kiosk and the sign-in page have no tab bar; wide screens keep the top navigation and no header overlap', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('signin-email')).toBeVisible();
  await expect(page.getByTestId('bottom-nav')).toHaveCount(0);
  await page.goto('/kiosk');
  await expect(page.locator('body')).not.toBeEmpty();
  await expect(page.getByTestId('bottom-nav')).toHaveCount(0);

  await signIn(page, ACCOUNTS.manager);
  for (const width of [1024, 1440]) {
    await page.setViewportSize({ width, height: 800 });
    await expect(page.getByTestId('bottom-nav')).toHaveCount(0);
    await expect(page.locator('.main-nav')).toBeVisible();
    const header = await page.getByTestId('app-header').boundingBox();
    expect(header!.height).toBeLessThanOrEqual(64);
    const brand = await page.locator('.app-header .brand').boundingBox();
    const tools = await page.locator('.app-header__end').boundingBox();
    expect(brand!.x + brand!.width, `brand and tools overlap at ${width} px`).toBeLessThanOrEqual(tools!.x);
    expect(tools!.x + tools!.width).toBeLessThanOrEqual(width);
  }
});

test('on a phone, a manager reaches the sections past the fifth from the tab bar\'s "more" menu', async ({ page }) => {
  await signIn(page, ACCOUNTS.manager);
  await page.goto('/kpi');
  await expect(page.getByTestId('page-kpi')).toBeVisible();
  const bar = page.getByTestId('bottom-nav');
  await expect(bar.getByTestId('nav-kpi')).toHaveAttribute('aria-current', 'page');
  await bar.getByTestId('nav-more').click();
  const menu = page.getByTestId('nav-more-menu');
  await expect(menu).toBeVisible();
  // It opens upwards, above the bar, inside the screen.
  const menuBox = await menu.boundingBox();
  const barBox = await bar.boundingBox();
  expect(menuBox!.y + menuBox!.height).toBeLessThanOrEqual(barBox!.y + 1);
  expect(menuBox!.y).toBeGreaterThanOrEqual(0);
  await menu.getByTestId('nav-conflicts').click();
  await expect(page.getByTestId('page-conflicts')).toBeVisible();
  await expect(bar.getByTestId('nav-more')).toHaveClass(/active/);
});

test('on a phone, the current tab of a section is in view even when its row of tabs scrolls', async ({ page }) => {
  await signIn(page, ACCOUNTS.manager);
  for (const [path, tab] of [['/timeclock/chains', 'tc-tab-chains'], ['/timeclock/punch', 'tc-tab-punch'], ['/timeclock/payroll', 'tc-tab-payroll']] as const) {
    await page.goto(path);
    const box = await page.getByTestId(tab).boundingBox();
    await expect.poll(async () => {
      const b = await page.getByTestId(tab).boundingBox();
      return b ? b.x >= 0 && b.x + b.width <= 390 : false;
    }).toBe(true);
    expect(box).not.toBeNull();
  }
});
