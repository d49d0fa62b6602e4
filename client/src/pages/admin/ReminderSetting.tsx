import { useId, useState } from 'react';
import { REMINDER_DEFAULT_HOURS } from '@coulisses/shared';
import { updateOrgSettings } from '../../api/org';
import { useSession } from '../../auth/useSession';
import { useOrgContext } from '../../data/org/useOrgContext';
import { useT } from '../../i18n/useT';
import { useToast } from '../../ui';
import { ErrorMessage } from '../../ui/ErrorMessage';

const CHOICES = [0, 2, 6, 12, 24, 48, 72] as const;

/** When the crew get their reminder email before a mission (the setting reminderHours; 0: no reminder). */
export function ReminderSetting() {
  const t = useT();
  const toast = useToast();
  const id = useId();
  const { reload } = useSession();
  const { settings } = useOrgContext();
  const current = settings.reminderHours ?? REMINDER_DEFAULT_HOURS;
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const change = async (hours: number) => {
    setSaving(true);
    setError(null);
    try {
      await updateOrgSettings({ reminderHours: hours });
      await reload().catch(() => undefined);
      toast.show({ message: t('notificationSettings.saved'), tone: 'success' });
    } catch (caught) {
      setError(caught);
    } finally {
      setSaving(false);
    }
  };

  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('notificationSettings.title')}</h2>
      <div className="field">
        <label className="field__label" htmlFor={id}>
          {t('notificationSettings.reminder')}
        </label>
        <select id={id} className="field__input" value={current} disabled={saving} onChange={(e) => void change(Number(e.target.value))} data-testid="reminder-hours">
          {CHOICES.map((h) => (
            <option key={h} value={h}>
              {h === 0 ? t('notificationSettings.noReminder') : t('notificationSettings.hoursBefore', { count: h })}
            </option>
          ))}
        </select>
        <p className="field__hint">{t('notificationSettings.hint')}</p>
      </div>
      <ErrorMessage error={error} testId="reminder-error" />
    </section>
  );
}
