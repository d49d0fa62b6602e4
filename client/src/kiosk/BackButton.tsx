import { useI18n } from '../i18n/useT';
import { IconChevronLeft } from '../ui/icons';

/** Back to the roster: in every screen's footer, so it is always on screen. */
export function BackButton({ onBack }: { onBack: () => void }) {
  const { t } = useI18n();
  return (
    <button type="button" className="kiosk-btn kiosk-btn--back" data-testid="kiosk-back" onClick={onBack}>
      <IconChevronLeft />
      <span>{t('kiosk.back')}</span>
    </button>
  );
}
