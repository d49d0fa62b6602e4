import { expect, test } from './helpers';

/**
 * The app runs under its Content-Security-Policy (sync-server/src/http/csp.ts), and the `test` of every spec
 * fails on any violation. Here a violation is made on purpose, to prove both: Chromium enforces the policy,
 * and the check sees violations in the default context and in one a test opens itself.
 */
test('an injected inline script is refused by the policy and reported, in every browser context', async ({ page, browser, baseURL, cspViolations }) => {
  const answer = await page.goto('/');
  expect(answer?.headers()['content-security-policy']).toContain("script-src 'self'");
  await expect(page.getByTestId('signin-email')).toBeVisible();
  const inject = () => {
    const script = document.createElement('script');
    script.textContent = 'window.__inlineScriptRan = true';
    document.head.append(script);
    return (window as unknown as { __inlineScriptRan?: boolean }).__inlineScriptRan ?? false;
  };
  expect(await page.evaluate(inject)).toBe(false);
  await expect.poll(() => cspViolations.filter((v) => v.includes('script-src')).length).toBeGreaterThan(0);

  const other = await browser.newContext({ baseURL });
  try {
    const second = await other.newPage();
    await second.goto('/kiosk');
    const before = cspViolations.length;
    expect(await second.evaluate(inject)).toBe(false);
    await expect.poll(() => cspViolations.slice(before).some((v) => v.includes('/kiosk: script-src'))).toBe(true);
  } finally {
    await other.close();
  }
  // These violations were made on purpose: nothing else may remain for the check at the end of the test.
  cspViolations.length = 0;
});
