import { expect, test as base, type Browser, type BrowserContext, type Page } from '@playwright/test';

export { expect };

/** The name under which each page reports a Content-Security-Policy violation to the test. */
const CSP_BINDING = '__reportCspViolation';

/** Runs in every document before its own scripts: forwards each CSP violation (the browser fires an event). */
function recordCspViolations(binding: string): void {
  window.addEventListener(
    'securitypolicyviolation',
    (e) => {
      const report = (window as unknown as Record<string, ((text: string) => void) | undefined>)[binding];
      report?.(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile || document.location.href}:${e.lineNumber}${e.sample ? ` (${e.sample})` : ''}`);
    },
    true,
  );
}

/** Collects the CSP violations of every page of `context`: the event above, and Chromium's console message. */
async function watchCsp(context: BrowserContext, violations: string[]): Promise<void> {
  await context.exposeBinding(CSP_BINDING, ({ page }, text: string) => {
    violations.push(`${page?.url() ?? '?'}: ${text}`);
  });
  await context.addInitScript(recordCspViolations, CSP_BINDING);
  context.on('console', (msg) => {
    if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text())) violations.push(`console: ${msg.text()}`);
  });
}

/**
 * The `test` of every spec: Playwright's, plus a check that no page of the test (the default context and
 * any context the test opens with browser.newContext) hit the app's Content-Security-Policy. A violation
 * fails the test, listing what was blocked and where.
 */
export const test = base.extend<{ cspViolations: string[] }>({
  cspViolations: [
    async ({ context, browser }, use) => {
      const violations: string[] = [];
      await watchCsp(context, violations);
      const newContext = browser.newContext.bind(browser);
      const patched: Browser['newContext'] = async (options) => {
        const created = await newContext(options);
        await watchCsp(created, violations);
        return created;
      };
      browser.newContext = patched;
      try {
        await use(violations);
      } finally {
        browser.newContext = newContext;
      }
      expect(violations, 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
});

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
  await expect(signedInMark(page)).toBeVisible();
}

/** What shows a signed-in header: the sign-out button on wide screens, the account menu's button on phones. */
export function signedInMark(page: Page) {
  return page.getByTestId('signout').or(page.getByTestId('account-menu-button'));
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
