import { ACCOUNTS, expect, signIn, test, waitForServiceWorker } from './helpers';

const NAV = ['planning', 'myMissions', 'timeclock', 'kpi', 'analytics', 'conflicts', 'admin'] as const;
const EXPECTED: Record<keyof typeof ACCOUNTS, { landing: string; sections: string[] }> = {
  admin: { landing: 'planning', sections: ['planning', 'myMissions', 'timeclock', 'kpi', 'analytics', 'conflicts', 'admin'] },
  manager: { landing: 'planning', sections: ['planning', 'myMissions', 'timeclock', 'kpi', 'analytics', 'conflicts'] },
  tech: { landing: 'myMissions', sections: ['myMissions', 'timeclock', 'kpi'] },
};

for (const role of Object.keys(ACCOUNTS) as (keyof typeof ACCOUNTS)[]) {
  test(`signs in as ${role} and sees the navigation of that role`, async ({ page }) => {
    await signIn(page, ACCOUNTS[role]);
    const { landing, sections } = EXPECTED[role];
    await expect(page.getByTestId(`page-${landing}`)).toBeVisible();
    for (const id of NAV) {
      if (sections.includes(id)) await expect(page.getByTestId(`nav-${id}`)).toBeVisible();
      else await expect(page.getByTestId(`nav-${id}`)).toHaveCount(0);
    }
  });
}

test('a TECH who opens /admin is sent to their own section', async ({ page }) => {
  await signIn(page, ACCOUNTS.tech);
  await page.goto('/admin');
  await expect(page.getByTestId('page-myMissions')).toBeVisible();
  await expect(page.getByTestId('page-admin')).toHaveCount(0);
});

test('the sign-in page loads without a console error (signed out is an answer, not a failed request)', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  const failed: string[] = [];
  page.on('response', (res) => {
    if (res.status() >= 400) failed.push(`${res.status()} ${res.url()}`);
  });
  await page.goto('/');
  await expect(page.getByTestId('signin-email')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('signin-email')).toBeVisible();
  // Let the start-up requests (session, service worker) settle before reading what they logged.
  await page.waitForLoadState('networkidle');
  expect(failed, 'failed requests').toEqual([]);
  expect(errors, 'console errors').toEqual([]);
});

test('a wrong password shows an error and no session', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('signin-email').fill(ACCOUNTS.admin);
  await page.getByTestId('signin-password').fill('not-the-password');
  await page.getByTestId('signin-submit').click();
  await expect(page.getByTestId('signin-error')).toContainText('mot de passe incorrect');
  await expect(page.getByTestId('signout')).toHaveCount(0);
});

test('switches between French and English, and keeps the choice on reload', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  const submitFr = await page.getByTestId('signin-submit').innerText();
  await page.getByTestId('lang-switch').selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const submitEn = await page.getByTestId('signin-submit').innerText();
  expect(submitEn).not.toBe(submitFr);
  await page.reload();
  await expect(page.getByTestId('signin-submit')).toHaveText(submitEn);
  await page.getByTestId('lang-switch').selectOption('fr');
  await expect(page.getByTestId('signin-submit')).toHaveText(submitFr);
});

test('an account in two organisations switches the active one', async ({ page }) => {
  await signIn(page, ACCOUNTS.admin);
  const switcher = page.getByTestId('org-switcher');
  await expect(switcher).toBeVisible();
  const before = await switcher.inputValue();
  const options = await switcher.locator('option').evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value));
  const other = options.find((v) => v && v !== before);
  expect(other).toBeTruthy();
  await switcher.selectOption(other as string);
  await expect(switcher).toHaveValue(other as string);
  await page.reload();
  await expect(page.getByTestId('org-switcher')).toHaveValue(other as string);
});

test('links a manifest with 192, 512 and maskable icons, and registers /sw.js', async ({ page, request }) => {
  const html = await (await request.get('/')).text();
  expect(html).toMatch(/<link rel="manifest" href="\/manifest\.webmanifest"/);
  const manifest = (await (await request.get('/manifest.webmanifest')).json()) as { icons: { src: string; sizes: string; purpose?: string }[]; start_url: string; display: string };
  expect(manifest.display).toBe('standalone');
  expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
  expect(manifest.icons.some((i) => i.purpose?.includes('maskable'))).toBe(true);
  for (const icon of manifest.icons) expect((await request.get(icon.src)).status()).toBe(200);
  expect((await request.get('/sw.js')).status()).toBe(200);
  await page.goto('/');
  await waitForServiceWorker(page);
  const script = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.scriptURL);
  expect(script).toMatch(/\/sw\.js$/);
});

test('with the network off, a reload still loads the shell of the signed-in account', async ({ page, context }) => {
  await signIn(page, ACCOUNTS.manager);
  await waitForServiceWorker(page);
  await page.goto('/kpi');
  await expect(page.getByTestId('page-kpi')).toBeVisible();
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('online-status')).toHaveAttribute('data-state', 'offline');
  await expect(page.getByTestId('page-kpi')).toBeVisible();
  await expect(page.getByTestId('nav-planning')).toBeVisible();
  await page.getByTestId('nav-timeclock').click();
  await expect(page.getByTestId('page-timeclock')).toBeVisible();
  await context.setOffline(false);
  await expect(page.getByTestId('online-status')).toHaveAttribute('data-state', 'online');
});

test('with the network off, a section opened for the first time after a reload loads its chunk from the service worker', async ({ page, context }) => {
  await signIn(page, ACCOUNTS.manager);
  await waitForServiceWorker(page);
  await expect(page.getByTestId('page-planning')).toBeVisible();
  await context.setOffline(true);
  // Every page is its own chunk (client/src/app/pages.ts). After the reload the equipment page's chunk is fetched
  // again (on the click, or by the idle prefetch before it), offline: only the service worker's precache can answer.
  const chunks: { status: number; fromServiceWorker: boolean }[] = [];
  page.on('response', (r) => {
    if (/\/assets\/EquipmentPage-[\w-]+\.js$/.test(r.url())) chunks.push({ status: r.status(), fromServiceWorker: r.fromServiceWorker() });
  });
  await page.reload();
  await expect(page.getByTestId('online-status')).toHaveAttribute('data-state', 'offline');
  await page.getByTestId('nav-equipment').click();
  await expect(page.getByTestId('page-equipment')).toBeVisible();
  expect(chunks.length).toBeGreaterThan(0);
  expect(chunks.every((c) => c.status === 200 && c.fromServiceWorker)).toBe(true);
  await context.setOffline(false);
});
