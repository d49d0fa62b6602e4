import { useEffect } from 'react';
import { Button, Dialog } from '../../../ui';
import { useI18n } from '../../../i18n/useT';

/** True when a key press belongs to a field (typing "?" in a search box must not open the help). */
function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || !el.tagName) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
}

/** The "?" key opens the keyboard help (not while typing, not with a modifier other than Shift). */
export function useHelpKey(open: () => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '?' || event.ctrlKey || event.metaKey || event.altKey || typing(event.target) || event.defaultPrevented) return;
      if (document.querySelector('dialog[open]')) return;
      event.preventDefault();
      open();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);
}

/** The calendar's keyboard help, in a dialog (the "?" button or key). */
export function CalendarHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={t('calendar.help.title')}
      testId="cal-help-dialog"
      footer={
        <Button variant="primary" onClick={onClose} data-autofocus="">
          {t('calendar.help.close')}
        </Button>
      }
    >
      <p>{t('calendar.keyboardHint')}</p>
      <p className="muted">{t('calendar.help.open')}</p>
    </Dialog>
  );
}
