import { LOCALES } from '@coulisses/shared';
import { useSignOut } from '../auth/useSignOut';
import { errorText } from '../api/error-text';
import { useI18n } from '../i18n/useT';
import { useOrgSwitch } from '../org/useOrgSwitch';
import { useState } from 'react';
import { NotificationPrefsDialog } from '../notifications/NotificationPrefsDialog';
import { IconMonitor, IconMoon, IconSettings, IconSignOut, IconSun } from '../ui/icons';
import { Menu, type MenuEntry } from '../ui/Menu';
import { THEMES, useTheme } from '../ui/theme';
import { useToast } from '../ui/toast-context';

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0]![0], parts[parts.length - 1]![0]] : [parts[0]?.[0], parts[0]?.[1]];
  return letters.filter(Boolean).join('').toLocaleUpperCase() || '?';
}

const THEME_ICONS = { system: IconMonitor, light: IconSun, dark: IconMoon } as const;

/**
 * The phone header's account menu (an avatar button): the organisation switch (only with several), language,
 * appearance and sign-out.
 * A failed organisation switch is told in a toast.
 */
export function AccountMenu() {
  const { t, locale, setLocale } = useI18n();
  const toast = useToast();
  const { me, online, busy, switchTo } = useOrgSwitch();
  const { signOut } = useSignOut();
  const [theme, setTheme] = useTheme();
  const [prefsOpen, setPrefsOpen] = useState(false);
  if (!me) return null;

  const onOrg = async (orgId: string, name: string) => {
    if (!online) {
      toast.show({ message: t('appHeader.switchOffline'), tone: 'warning' });
      return;
    }
    const result = await switchTo(orgId);
    if (result.ok) toast.show({ message: t('appHeader.switched', { name }), tone: 'success' });
    else if (result.error) toast.show({ message: t('appHeader.switchFailed', { reason: errorText(locale, result.error) }), tone: 'danger' });
  };

  const items: MenuEntry[] = [];
  if (me.orgs.length > 1) {
    items.push({
      type: 'group',
      id: 'orgs',
      label: t('appHeader.organisation'),
      items: me.orgs.map((org) => ({
        id: `org-${org.id}`,
        label: org.name,
        description: t(`roles.${org.role}`),
        checked: org.id === me.activeOrg?.id,
        disabled: busy,
        testId: `account-org-${org.slug}`,
        onSelect: () => {
          void onOrg(org.id, org.name);
        },
      })),
    });
  }
  items.push({
    type: 'group',
    id: 'lang',
    label: t('appHeader.language'),
    items: LOCALES.map((code) => ({ id: `lang-${code}`, label: t(`lang.${code}`), checked: code === locale, testId: `account-lang-${code}`, onSelect: () => setLocale(code) })),
  });
  items.push({
    type: 'group',
    id: 'theme',
    label: t('appHeader.theme'),
    items: THEMES.map((name) => ({ id: `theme-${name}`, label: t(`appHeader.themes.${name}`), icon: THEME_ICONS[name], checked: theme === name, testId: `account-theme-${name}`, onSelect: () => setTheme(name) })),
  });
  items.push({ id: 'notifications', label: t('notificationPrefs.title'), icon: IconSettings, testId: 'account-notifications', onSelect: () => setPrefsOpen(true) });
  items.push({ type: 'separator', id: 'sep' });
  items.push({ id: 'signout', label: t('auth.signOut'), icon: IconSignOut, tone: 'danger', testId: 'signout', onSelect: () => void signOut() });

  return (
    <>
      <Menu
        label={t('appHeader.account')}
        items={items}
        align="end"
        menuTestId="account-menu"
        renderTrigger={(props) => (
          <button {...props} type="button" className="account-button" data-testid="account-menu-button">
            {/* The name is the hidden text, not an aria-label: the initials shown are not a label to speak (WCAG 2.5.3). */}
            <span className="account-button__avatar" aria-hidden="true">
              {initials(me.account.name)}
            </span>
            <span className="visually-hidden">{t('appHeader.accountOf', { name: me.account.name })}</span>
          </button>
        )}
      />
      <NotificationPrefsDialog open={prefsOpen} onClose={() => setPrefsOpen(false)} />
    </>
  );
}
