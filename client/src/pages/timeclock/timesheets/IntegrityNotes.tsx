import type { BreakWarning } from '@coulisses/shared/planning/work-breaks';
import { adjustmentChanges, adjustmentReason } from '@coulisses/shared/timeclock/adjustments';
import { formatDuration, formatHours, formatInZone, formatLocalDate } from '@coulisses/shared/i18n/format';
import { useI18n } from '../../../i18n/useT';
import { useOrgContext } from '../../../data/org/useOrgContext';
import type { FieldEventDoc, TimesheetDoc } from './timesheet-data';
import type { OverlapNote } from './timesheet-integrity';

/**
 * Beside a timesheet's figures: the other timesheets of the person it overlaps (that time is paid once), the
 * 20-minute breaks its punches lack (L3121-16), and the changes that arrived after its validation (it must be
 * validated again). `prefix` names the test ids of the screen (ts: planners, mine: crew).
 */
export function IntegrityNotes(props: { doc: TimesheetDoc; overlaps?: OverlapNote[]; breaks?: BreakWarning[]; open?: FieldEventDoc[]; prefix: 'ts' | 'mine' }) {
  const { doc, overlaps = [], breaks = [], open = [], prefix } = props;
  const { t, locale } = useI18n();
  const { tz } = useOrgContext();
  const time = (iso: string | null | undefined) => (iso ? formatInZone(locale, iso, tz, 'time') : '?');
  const latest = open[open.length - 1];
  const proposed = latest ? { ...doc, ...Object.fromEntries(Object.entries(adjustmentChanges(latest)).map(([k, v]) => [k, v.to])) } : null;
  return (
    <>
      {overlaps.length > 0 && (
        <ul className="alert alert--warning" data-testid={`${prefix}-overlap`} data-count={overlaps.length}>
          {overlaps.map(({ other, minutes }) => (
            <li key={other.id}>
              {t('timeclock.overlap.with', { date: formatLocalDate(locale, other.date), from: time(other.startAt), to: time(other.endAt), duration: formatDuration(locale, minutes) })}
            </li>
          ))}
          <li className="hint">{t('timeclock.overlap.paidOnce')}</li>
        </ul>
      )}
      {breaks.map((w) => (
        <p key={`${w.from}-${w.to}`} className="alert alert--warning" data-testid={`${prefix}-break`}>
          {t('timeclock.breaks.warning', { hours: formatHours(locale, w.hours), minutes: w.breakMinutes, limit: formatHours(locale, w.limitHours), from: time(new Date(w.from).toISOString()), to: time(new Date(w.to).toISOString()) })}
        </p>
      ))}
      {open.length > 0 && (
        <div className="alert alert--warning" data-testid={`${prefix}-revalidate-needed`} data-count={open.length}>
          <p>
            <strong>{t(prefix === 'ts' ? 'timeclock.revalidate.needed' : 'timeclock.revalidate.waiting', { count: open.length })}</strong>
          </p>
          <ul>
            {open.map((r) => (
              <li key={r.id} data-testid={`${prefix}-request`} data-reason={adjustmentReason(r)}>
                {t(`timeclock.revalidate.reasons.${adjustmentReason(r)}`, { at: formatInZone(locale, r.at, tz) })}
              </li>
            ))}
          </ul>
          {proposed && (
            <p data-testid={`${prefix}-proposal`}>
              {t('timeclock.revalidate.proposal', { from: time(proposed.startAt as string | null), to: time(proposed.endAt as string | null), duration: formatDuration(locale, proposed.roundedMinutes as number) })}
            </p>
          )}
        </div>
      )}
    </>
  );
}
