import { ACCOUNTS, expect, signIn, test } from './helpers';

test('an ADMIN invites by link; the invitee signs up from the link, accepts and lands in the app as TECH', async ({ page, browser, baseURL }) => {
  const email = `invitee-${Date.now()}@example.org`;
  await signIn(page, ACCOUNTS.admin);
  // The admin lands on Planning, whose chunk loads on use and then redirects to its calendar: wait for it, or that
  // redirect can follow a click made meanwhile (seen once in CI).
  await expect(page.getByTestId('page-planning')).toBeVisible();
  await page.getByTestId('nav-admin').click();
  await expect(page.getByTestId('page-admin')).toBeVisible();
  await page.getByTestId('invite-email').fill(email);
  await page.getByTestId('invite-role').selectOption('TECH');
  await page.getByTestId('invite-submit').click();
  const link = await page.getByTestId('invite-link').inputValue();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9]+$/);

  const other = await browser.newContext({ baseURL });
  const invitee = await other.newPage();
  await invitee.goto(new URL(link).pathname);
  await expect(invitee.getByTestId('invite-org')).toContainText('Compagnie du Grand Plateau');
  await invitee.getByTestId('invite-signup').click();
  await expect(invitee.getByTestId('page-signup')).toBeVisible();
  await invitee.getByTestId('signup-name').fill('Nina Nouvelle');
  const emailField = invitee.getByTestId('signup-email');
  if ((await emailField.inputValue()) !== email) await emailField.fill(email);
  await invitee.getByTestId('signup-password').fill('nina-password-1');
  await invitee.getByTestId('signup-submit').click();
  await invitee.getByTestId('invite-accept').click();
  await expect(invitee.getByTestId('page-myMissions')).toBeVisible();
  await expect(invitee.getByTestId('nav-admin')).toHaveCount(0);
  await other.close();
});
