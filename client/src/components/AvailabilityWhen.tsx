import { formatInZone, formatLocalDate } from '@coulisses/shared/i18n/format';
import { useI18n } from '../i18n/useT';
import type { AvailabilityDoc } from '../data/types';

/** When a declared window is, in the organisation's zone, and until when it repeats weekly. */
export function AvailabilityWhen({ a, tz }: { a: AvailabilityDoc; tz: string }) {
  const { t, locale } = useI18n();
  return (
    <span>
      {formatInZone(locale, a.startAt, tz)} - {formatInZone(locale, a.endAt, tz)}
      {a.weeklyUntil && <span className="muted"> {t('planApprovals.weeklyUntil', { date: formatLocalDate(locale, a.weeklyUntil) })}</span>}
    </span>
  );
}
