import { useEffect } from 'react';
import { saveNotificationPreferences } from '../api/notifications';
import { useI18n } from '../i18n/useT';

/**
 * Tells the server the app's language, so that the emails of this account are written in it (once per change;
 * offline or failed: told on the next start or change, the emails meanwhile in the previous language).
 */
export function useLocaleSync(accountId: string | null): void {
  const { locale } = useI18n();
  useEffect(() => {
    if (!accountId || !navigator.onLine) return;
    const key = `cc.mailLocale.${accountId}`;
    if (localStorage.getItem(key) === locale) return;
    saveNotificationPreferences({ locale }).then(
      () => localStorage.setItem(key, locale),
      () => undefined,
    );
  }, [accountId, locale]);
}
