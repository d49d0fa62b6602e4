import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'coulisses2026';
export const ACCOUNTS = {
  admin: 'admin@coulisses.demo',
  manager: 'manager@coulisses.demo',
  tech: 'tech@coulisses.demo',
} as const;

/** Signs in through the UI and waits for the app shell. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/');
  await page.getByTestId('signin-email').fill(email);
  await page.getByTestId('signin-password').fill(password);
  await page.getByTestId('signin-submit').click();
  await expect(page.getByTestId('signout')).toBeVisible();
}

/** Waits until a service worker controls the page (a reload after the first install makes it so). */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  if (!(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)))) {
    await page.reload();
    await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller));
  }
}
