import { useI18n } from '../../i18n/useT';
import { progressPercent, progressText } from './status-text';

/** The first sync's progress: a bar and "received / total". */
export function SyncProgress({ received, total }: { received: number; total: number }) {
  const { t, locale } = useI18n();
  return (
    <div className="sync-progress" data-testid="sync-progress">
      <span className="sync-progress__label">{t('sync.firstSync')}</span>
      <progress className="sync-progress__bar" value={progressPercent(received, total)} max={100} aria-label={t('sync.firstSync')} />
      <span className="sync-progress__count" data-testid="sync-progress-count">
        {progressText(locale, received, total)}
      </span>
    </div>
  );
}
