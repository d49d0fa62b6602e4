import { formatDelta } from '@coulisses/shared/i18n/format';
import { useI18n } from '../i18n/useT';
import { Chip } from '../ui/Chip';

/**
 * A signed difference of durations (actual minus planned) as a chip: "+1 h 30" or "\u22121 h 30", never next to
 * another duration as a bare "6 h 30-1 h 30". Less than planned is a warning, more is information, none is
 * neutral (never green). Screen readers hear it in words (format.deltaSpoken).
 */
export function DurationDelta({ minutes, testId }: { minutes: number; testId?: string }) {
  const { t, locale } = useI18n();
  const delta = formatDelta(locale, minutes);
  const tone = delta.sign < 0 ? 'warning' : delta.sign > 0 ? 'info' : 'neutral';
  return (
    <Chip tone={tone} size="sm" data-testid={testId} data-sign={delta.sign} data-minutes={Math.round(minutes)}>
      <span aria-hidden="true">{delta.text}</span>
      <span className="visually-hidden">{t('format.deltaSpoken', { delta: delta.spoken })}</span>
    </Chip>
  );
}
