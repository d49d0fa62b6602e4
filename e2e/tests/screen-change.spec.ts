import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { ACCOUNTS, expect, signIn, test } from './helpers';
import { adminSession, createMember, createProject, uniqueName, waitForSyncIdle } from './sync-helpers';

/**
 * Page titles, the focus after a navigation and the polite live region (client/src/app/ScreenChange.tsx,
 * client/src/a11y/, client/src/sync/ui/SyncAnnouncer.tsx; docs/decisions/accessibility.md).
 */

const ORG = 'Compagnie du Grand Plateau';
const I18N = fileURLToPath(new URL('../../shared/src/i18n/', import.meta.url));

/** A text of the catalogues (every <locale>*.json file), so the checks follow the wording. */
function text(locale: 'fr' | 'en', key: string): string {
  for (const file of fs.readdirSync(I18N).filter((f) => f.startsWith(`${locale}.`) && f.endsWith('.json'))) {
    let node: unknown = JSON.parse(fs.readFileSync(path.join(I18N, file), 'utf8'));
    for (const part of key.split('.')) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
    if (typeof node === 'string') return node;
  }
  throw new Error(`no text for ${locale} ${key}`);
}

/** "<screen> - <organisation> - Coulisses Crew" for a screen's catalogue key. */
const title = (key: string, locale: 'fr' | 'en' = 'fr') => `${text(locale, key)} - ${ORG} - Coulisses Crew`;
const announcer = (page: Page) => page.getByTestId('live-announcer');

/** Where the focus is: inside <main>, the skip link, inside the toasts, or elsewhere (with its test id). */
function focusPlace(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    if (el.closest('[data-testid="toasts"], [data-testid="offline-ready"], [data-testid="update-prompt"]')) return `toast:${el.outerHTML.slice(0, 80)}`;
    if (el.classList.contains('skip-link')) return 'skip-link';
    if (el.closest('main')) return 'main';
    return `other:${el.outerHTML.slice(0, 80)}`;
  });
}

test('after signing in, the focus is on the screen heading and the first Tab stays in the main content, never on a toast', async ({ page }) => {
  await page.goto('/sign-in');
  await expect(page).toHaveTitle(`${text('fr', 'auth.signIn.title')} - Coulisses Crew`);
  await page.getByTestId('signin-email').fill(ACCOUNTS.manager);
  await page.getByTestId('signin-password').fill('coulisses2026');
  await page.getByTestId('signin-password').press('Enter');
  await expect(page.getByTestId('page-planning')).toBeVisible();
  await expect(page.getByTestId('page-planning')).toBeFocused();
  await expect(page).toHaveTitle(title('planningTabs.calendar'));
  await expect(announcer(page)).toContainText(title('planningTabs.calendar'));
  await page.keyboard.press('Tab');
  expect(['main', 'skip-link']).toContain(await focusPlace(page));

  // A fresh load (no navigation): nothing takes the focus, the first Tab reaches the skip link.
  await page.reload();
  await expect(page.getByTestId('page-planning')).toBeVisible();
  await page.keyboard.press('Tab');
  expect(await focusPlace(page)).toBe('skip-link');
});

test('each screen has its title in the language chosen; a tab or a link moves the focus to the new heading and the title is announced', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, ACCOUNTS.manager);
  await expect(page).toHaveTitle(title('planningTabs.calendar'));

  // Keyboard on a planning tab: Enter follows the link, the focus goes to the heading.
  await page.getByTestId('planning-tab-missions').focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveTitle(title('planningTabs.missions'));
  await expect(page.getByTestId('page-planning')).toBeFocused();
  await expect(announcer(page)).toContainText(title('planningTabs.missions'));

  // The main navigation: another section, its own heading.
  await page.getByTestId('nav-timeclock').click();
  await expect(page).toHaveTitle(title('timeclock.tabPunch'));
  await expect(page.getByTestId('page-timeclock')).toBeFocused();
  await page.getByTestId('tc-tab-payroll').click();
  await expect(page).toHaveTitle(title('timeclock.tabPayroll'));
  await expect(page.getByTestId('page-timeclock')).toBeFocused();
  await expect(announcer(page)).toContainText(title('timeclock.tabPayroll'));

  // English: the title follows the language at once.
  await page.getByTestId('lang-switch').selectOption('en');
  await expect(page).toHaveTitle(title('timeclock.tabPayroll', 'en'));
  await page.getByTestId('nav-conflicts').click();
  await expect(page).toHaveTitle(title('nav.conflicts', 'en'));
  await expect(page.getByTestId('page-conflicts')).toBeFocused();
  await page.getByTestId('lang-switch').selectOption('fr');
  await expect(page).toHaveTitle(title('nav.conflicts'));
});

test('sync events are said in the one polite live region, not in toasts: offline, back online, writes sent, writes refused', async ({ page, context, browser, baseURL }) => {
  void browser;
  const admin = await adminSession(baseURL!);
  const member = await createMember(baseURL!, 'MANAGER', admin);
  await signIn(page, member.email, member.password);
  await page.getByTestId('planning-tab-projects').click();
  await waitForSyncIdle(page);
  const toastCount = () => page.getByTestId('toasts').locator('.ui-toast').count();
  const toastsBefore = await toastCount();

  await context.setOffline(true);
  await expect(announcer(page)).toContainText(text('fr', 'a11y.sync.offline'));
  const name = uniqueName('Annonce');
  const id = await createProject(page, name, 'ACTIVE');
  await expect(page.getByTestId('sync-pending')).toHaveText('1');
  await context.setOffline(false);
  await expect(announcer(page)).toContainText(text('fr', 'a11y.sync.synced_one').replace('{count}', '1'), { timeout: 20_000 });

  // The same live region, only: no other region says it, and no toast came for these events.
  const regions = page.locator('[aria-live], [role="status"], [role="alert"]');
  await expect(regions.filter({ hasText: text('fr', 'a11y.sync.synced_one').replace('{count}', '1') })).toHaveCount(1);
  expect(await toastCount()).toBe(toastsBefore);

  // A write the server refuses (the manager became TECH while offline).
  await context.setOffline(true);
  await expect(announcer(page)).toContainText(text('fr', 'a11y.sync.offline'));
  await page.getByTestId(`project-rename-${id}`).click();
  await page.getByTestId(`project-rename-input-${id}`).fill(`${name} bis`);
  await page.getByTestId(`project-rename-save-${id}`).click();
  await expect(page.getByTestId('sync-pending')).toHaveText('1');
  const demoted = await admin.patch(`/api/v1/org/members/${member.memberId}`, { data: { role: 'TECH' } });
  expect(demoted.status()).toBe(200);
  await context.setOffline(false);
  await expect(page.getByTestId('sync-refused')).toHaveText('1', { timeout: 20_000 });
  await expect(announcer(page)).toContainText(text('fr', 'a11y.sync.refused_one').replace('{count}', '1'), { timeout: 20_000 });
  expect(await toastCount()).toBe(toastsBefore);
  await admin.dispose();
});
