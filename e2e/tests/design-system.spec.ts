import type { Page } from '@playwright/test';
import { ACCOUNTS, expect, signIn, test } from './helpers';

/** WCAG contrast of two CSS colours as the browser computes them (rgb() strings). */
async function contrastOf(page: Page, selector: string): Promise<{ ratio: number; text: string }[]> {
  return page.locator(selector).evaluateAll((els) => {
    const parse = (c: string) => (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
    const lum = (rgb: number[]) => {
      const [r, g, b] = rgb.map((v) => {
        const c = v / 255;
        return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    return els.map((el) => {
      const style = getComputedStyle(el);
      const a = lum(parse(style.color));
      const b = lum(parse(style.backgroundColor));
      return { ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05), text: el.textContent ?? '' };
    });
  });
}

/** Interactive elements of the header smaller than 44x44 px. */
async function smallTargets(page: Page): Promise<string[]> {
  return page.locator('.app-header a, .app-header button, .app-header select').evaluateAll((els) =>
    els
      .filter((el) => el.getClientRects().length > 0)
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.width < 44 || r.height < 44)
      .map(({ el, r }) => `${el.getAttribute('data-testid') ?? el.className} ${Math.round(r.width)}x${Math.round(r.height)}`),
  );
}

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('the header is one 56 px row with 44 px targets, one offline indicator, and an account menu', async ({ page, context }) => {
    await signIn(page, ACCOUNTS.tech);
    const header = page.getByTestId('app-header');
    expect((await header.boundingBox())?.height).toBeLessThanOrEqual(57);
    expect(await smallTargets(page)).toEqual([]);

    await context.setOffline(true);
    await expect(page.getByTestId('online-status')).toHaveAttribute('data-state', 'offline');
    // One visible "offline" (the live region for screen readers is visually hidden).
    await expect(header.getByText('Hors ligne', { exact: true }).and(page.locator(':not(.visually-hidden)')).filter({ visible: true })).toHaveCount(1);
    expect((await header.boundingBox())?.height).toBeLessThanOrEqual(57);
    await context.setOffline(false);
    await expect(page.getByTestId('online-status')).toHaveAttribute('data-state', 'online');

    // The account menu: keyboard, language, sign-out.
    const button = page.getByTestId('account-menu-button');
    await button.focus();
    await page.keyboard.press('Enter');
    const menu = page.getByTestId('account-menu');
    await expect(menu).toBeVisible();
    await expect(menu.getByRole('menuitemradio').first()).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();
    await expect(button).toBeFocused();

    await button.click();
    await page.getByTestId('account-lang-en').click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await button.click();
    await page.getByTestId('account-lang-fr').click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');

    await button.click();
    await page.getByTestId('signout').click();
    await expect(page.getByTestId('signin-email')).toBeVisible();
  });

  test('an account in two organisations switches from the account menu', async ({ page }) => {
    await signIn(page, ACCOUNTS.admin);
    await page.getByTestId('account-menu-button').click();
    const radios = page.getByTestId('account-menu').getByRole('group', { name: 'Organisation' }).getByRole('menuitemradio');
    await expect(radios).toHaveCount(2);
    const other = radios.and(page.locator('[aria-checked="false"]'));
    const name = (await other.locator('.ui-menu__label').textContent()) ?? '';
    await other.click();
    await expect(page.getByTestId('toast')).toContainText(name);
    await page.getByTestId('account-menu-button').click();
    await expect(page.getByTestId('account-menu').getByRole('menuitemradio', { name: new RegExp(name) })).toHaveAttribute('aria-checked', 'true');
  });
});

test('the design gallery: ADMIN reaches it from the navigation; its dialog, menu, tabs and toasts work from the keyboard', async ({ page }) => {
  await signIn(page, ACCOUNTS.admin);
  await expect(page.getByTestId('page-planning')).toBeVisible(); // the landing page's own redirect comes first
  await page.getByTestId('nav-design').click();
  await expect(page.getByTestId('page-design')).toBeVisible();

  // Dialog: focus inside on the safe action, Tab stays inside, Escape closes and gives the focus back.
  const opener = page.getByTestId('design-open-dialog');
  await opener.click();
  const dialog = page.getByTestId('design-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Garder la mission' })).toBeFocused();
  for (let i = 0; i < 5; i += 1) {
    await page.keyboard.press('Tab');
    expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();

  // Confirming shows a toast with Undo; Undo runs and closes it.
  await opener.click();
  await page.getByTestId('design-dialog-confirm').click();
  const toast = page.getByTestId('design-toast-deleted');
  await expect(toast).toBeVisible();
  await toast.getByRole('button', { name: 'Annuler' }).click();
  await expect(toast).toHaveCount(0);
  await expect(page.getByTestId('toast')).toContainText('Mission restaur\u00e9e');

  // Menu: arrows skip the disabled item, Escape returns to the button.
  const menuButton = page.getByTestId('design-menu').getByRole('button', { name: 'Actions de la mission' });
  await menuButton.focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: 'Modifier' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: 'Supprimer' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menuButton).toBeFocused();

  // Tabs: a roving tabindex, arrows select.
  const crew = page.getByTestId('design-tab-crew');
  await crew.click();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('design-tab-schedule')).toBeFocused();
  await expect(page.getByTestId('design-tab-schedule')).toHaveAttribute('aria-selected', 'true');
  await expect(crew).toHaveAttribute('tabindex', '-1');
});

for (const theme of ['light', 'dark'] as const) {
  test(`every chip and badge of the gallery reaches 4.5:1 in the ${theme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme });
    await signIn(page, ACCOUNTS.admin);
    await page.goto('/design');
    await expect(page.getByTestId('page-design')).toBeVisible();
    const chips = await contrastOf(page, '.ui-chip--soft, .ui-chip--solid, .ui-badge');
    expect(chips.length).toBeGreaterThan(20);
    expect(chips.filter((c) => c.ratio < 4.5)).toEqual([]);
  });
}

test('a TECH is sent home from /design (production build)', async ({ page }) => {
  await signIn(page, ACCOUNTS.tech);
  await page.goto('/design');
  await expect(page.getByTestId('page-myMissions')).toBeVisible();
  await expect(page.getByTestId('nav-design')).toHaveCount(0);
});
