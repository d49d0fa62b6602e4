import { WEEKLY_CONFLICT_KINDS, type Locale, type PlanningConflict } from '@coulisses/shared';
import { formatHours } from '@coulisses/shared/i18n/format';
import type { Translate } from '../../../i18n/i18n-context';
import { dateLabel, dayIn, timeIn } from '../calendar/calendar-format';

/** When a conflict happens: its day, its week, or (overlaps, unavailability) nothing more than its missions. */
export function conflictPeriod(t: Translate, locale: Locale, c: PlanningConflict): string | null {
  if (!c.period) return null;
  if (WEEKLY_CONFLICT_KINDS.includes(c.kind)) return t('planConflicts.week', { date: dateLabel(locale, c.period, 'long') });
  return dateLabel(locale, c.period, 'long');
}

/**
 * The measured value against the limit ("9 h of rest, at least 11 h"; "7 working days, at most 6"), the hours
 * worked for another organisation that count in a weekly limit, and which reduced-rest cap was used up when one was.
 */
export function conflictMeasure(t: Translate, locale: Locale, c: PlanningConflict): string | null {
  if (c.days !== undefined && c.limitDays !== undefined) return t(`planConflicts.measure.${c.kind}`, { days: c.days, limit: c.limitDays });
  if (c.hours === undefined || c.limitHours === undefined) return null;
  let text = t(`planConflicts.measure.${c.kind}`, { hours: formatHours(locale, c.hours), limit: formatHours(locale, c.limitHours) });
  // Work for another organisation of the product (L8261-1): how much, nothing else of it.
  if (c.elsewhereHours !== undefined && (c.kind === 'WEEKLY_MAX' || c.kind === 'WEEKLY_AVERAGE')) text = `${text}, ${t(`planConflicts.elsewhere.${c.kind}`, { hours: formatHours(locale, c.elsewhereHours) })}`;
  return c.cap ? `${text} ${t(`planConflicts.cap.${c.cap}`)}` : text;
}

/** The instants measured (the rest, or the working period), in the organisation's zone; null without them. */
export function conflictSpan(t: Translate, locale: Locale, c: PlanningConflict, tz: string): string | null {
  if (c.from === undefined || c.to === undefined) return null;
  return t('planConflicts.span', { fromDay: dayIn(locale, c.from, tz), from: timeIn(locale, c.from, tz), toDay: dayIn(locale, c.to, tz), to: timeIn(locale, c.to, tz) });
}
