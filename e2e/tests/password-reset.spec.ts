import { startSmtpSink, type SmtpSink } from '../../sync-server/test/helpers/smtp-sink';
import { expect, signedInMark, test } from './helpers';

/**
 * Issue 15 acceptance: a forgotten password, the email read from a real SMTP server (started here, on the port
 * scripts/e2e-server.mjs gave the server: its own + 1000), and the new password works.
 */
let sink: SmtpSink | undefined;
test.afterEach(async () => {
  await sink?.close();
  sink = undefined;
});

test('a forgotten password is reset from the emailed link, and the new password signs in', async ({ page, baseURL }) => {
  sink = await startSmtpSink(Number(new URL(baseURL!).port) + 1000);
  const email = `forgetful-${Date.now()}@example.org`;
  const signUp = await page.request.post('/api/auth/sign-up/email', {
    data: { email, password: 'old-password-1', name: 'Oscar Oubli' },
    headers: { origin: baseURL! },
  });
  expect(signUp.ok()).toBe(true);
  await page.context().clearCookies();

  await page.goto('/');
  await page.getByTestId('signin-email').fill(email);
  await page.getByTestId('link-forgot-password').click();
  await expect(page.getByTestId('page-forgot-password')).toBeVisible();
  await expect(page.getByTestId('forgot-email')).toHaveValue(email);
  await page.getByTestId('forgot-submit').click();
  await expect(page.getByTestId('forgot-sent')).toContainText(email);

  const mail = await sink.waitFor(email, (m) => /mot de passe/i.test(m.parsed.subject ?? ''), 60_000);
  const link = (mail.parsed.text ?? '').match(/https?:\/\/\S+/g)?.find((u) => u.includes('reset-password'));
  expect(link).toBeTruthy();
  await page.goto(link!);
  await expect(page.getByTestId('page-reset-password')).toBeVisible();
  await expect(page).toHaveURL(/\/reset-password\?token=/);
  await page.getByTestId('reset-password').fill('new-password-2');
  await page.getByTestId('reset-confirm').fill('new-password-2');
  await page.getByTestId('reset-submit').click();
  await expect(page.getByTestId('reset-done')).toBeVisible();

  // The link works once: opened again, it says so and offers a new one.
  await page.goto(link!);
  await expect(page.getByTestId('reset-invalid')).toBeVisible();

  await page.goto('/sign-in');
  await page.getByTestId('signin-email').fill(email);
  await page.getByTestId('signin-password').fill('old-password-1');
  await page.getByTestId('signin-submit').click();
  await expect(page.getByTestId('signin-error')).toBeVisible();
  await page.getByTestId('signin-password').fill('new-password-2');
  await page.getByTestId('signin-submit').click();
  await expect(signedInMark(page)).toBeVisible();
});
