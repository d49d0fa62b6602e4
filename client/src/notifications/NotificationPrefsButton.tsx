import { useState } from 'react';
import { useT } from '../i18n/useT';
import { IconButton } from '../ui/IconButton';
import { IconSettings } from '../ui/icons';
import { NotificationPrefsDialog } from './NotificationPrefsDialog';

/** The wide header's way to the notification preferences (phones reach them from the account menu). */
export function NotificationPrefsButton({ className }: { className?: string }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <IconButton label={t('notificationPrefs.title')} icon={IconSettings} className={className} onClick={() => setOpen(true)} data-testid="open-notification-prefs" />
      <NotificationPrefsDialog open={open} onClose={() => setOpen(false)} />
    </>
  );
}
