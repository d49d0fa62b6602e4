import type { Locale, PlanningConflict } from '@coulisses/shared';
import type { Translate } from '../../../i18n/i18n-context';
import { dateLabel } from '../calendar/calendar-format';

/** When a conflict happens: its day, its week, or (overlaps, unavailability) nothing more than its missions. */
export function conflictPeriod(t: Translate, locale: Locale, c: PlanningConflict): string | null {
  if (!c.period) return null;
  if (c.kind === 'WEEKLY_MAX' || c.kind === 'WEEKLY_AVERAGE') return t('planConflicts.week', { date: dateLabel(locale, c.period, 'long') });
  return dateLabel(locale, c.period, 'long');
}

/** The measured hours against the limit ("11 h of rest, at least 11 h"). */
export function conflictMeasure(t: Translate, c: PlanningConflict): string | null {
  if (c.hours === undefined || c.limitHours === undefined) return null;
  return t(`planConflicts.measure.${c.kind}`, { hours: c.hours, limit: c.limitHours });
}
