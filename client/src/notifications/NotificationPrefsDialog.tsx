import { useEffect, useState } from 'react';
import { getNotificationPreferences, saveNotificationPreferences, type NotificationPreferences } from '../api/notifications';
import { useT } from '../i18n/useT';
import { Dialog } from '../ui/Dialog';
import { ErrorMessage } from '../ui/ErrorMessage';
import { useToast } from '../ui/toast-context';

/** Which emails this account receives (email or none per kind); essential ones (password reset) stay on. */
export function NotificationPrefsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const toast = useToast();
  const [prefs, setPrefs] = useState<NotificationPreferences | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    getNotificationPreferences().then(
      (loaded) => {
        setPrefs(loaded);
        setError(null);
      },
      setError,
    );
  }, [open]);

  const toggle = async (kind: NotificationPreferences['preferences'][number]['kind'], on: boolean) => {
    setSaving(kind);
    setError(null);
    try {
      setPrefs(await saveNotificationPreferences({ preferences: { [kind]: on ? 'email' : 'none' } }));
      toast.show({ message: t('notificationPrefs.saved'), tone: 'success' });
    } catch (caught) {
      setError(caught);
    } finally {
      setSaving(null);
    }
  };

  return (
    <Dialog open={open} onClose={onClose} title={t('notificationPrefs.title')} description={t('notificationPrefs.lead')} testId="notification-prefs">
      <ErrorMessage error={error} testId="notification-prefs-error" />
      {prefs ? (
        <ul className="list" data-testid="notification-prefs-list">
          {prefs.preferences.map((p) => (
            <li key={p.kind} className="list__item">
              <label className="check-row">
                <input
                  type="checkbox"
                  checked={p.channel === 'email'}
                  disabled={p.essential || saving === p.kind}
                  onChange={(event) => void toggle(p.kind, event.target.checked)}
                  data-testid={`pref-${p.kind}`}
                />
                <span className="list__main">
                  <span>{t(`notifications.kinds.${p.kind}`)}</span>
                  <span className="muted">{p.essential ? t('notificationPrefs.essential') : p.channel === 'email' ? t('notificationPrefs.email') : t('notificationPrefs.none')}</span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      ) : null}
    </Dialog>
  );
}
