import { useEffect, useMemo, useRef } from 'react';
import { dayLengthHours } from '@coulisses/shared/planning/moves';
import { formatHours } from '@coulisses/shared/i18n/format';
import { useI18n } from '../../../i18n/useT';
import { dateLabel } from './calendar-format';
import { useCalendarUi } from './calendar-context';
import { DayColumn } from './DayColumn';
import { HOUR_PX } from './drop-outcome';
import { daySegments } from './grid-layout';
import { openingMinute } from './scroll-start';

const HOURS = Array.from({ length: 24 }, (_, h) => h);

/** The week (7 days) or day grid: wall-clock hours down, local days across, missions placed in lanes. */
export function WeekView({ days }: { days: readonly string[] }) {
  const { t, locale } = useI18n();
  const ui = useCalendarUi();
  const scroller = useRef<HTMLDivElement | null>(null);
  const { missions } = ui.model;
  const { intervalOf, tz } = ui;
  const segments = useMemo(() => daySegments(missions.map((m) => ({ id: m.id, interval: intervalOf(m) })), days, tz), [missions, days, tz, intervalOf]);
  // Opens scrolled to a little before the first mission of the range (08:00 when empty); again when the range
  // changes, or when the missions arrive after an empty first render, but never under the manager's own scroll.
  const opened = useRef<{ key: string; withMissions: boolean } | null>(null);
  const rangeKey = `${days[0]}:${days.length}`;
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const withMissions = missions.length > 0;
    const last = opened.current;
    if (last && last.key === rangeKey && (last.withMissions || !withMissions)) return;
    opened.current = { key: rangeKey, withMissions };
    el.scrollTop = (openingMinute(segments) / 60) * HOUR_PX;
  }, [rangeKey, segments, missions.length]);
  const hourLabel = (h: number) => `${String(h).padStart(2, '0')}:00`;
  return (
    <div className="cal-week" data-testid="cal-week" style={{ ['--cal-days' as string]: days.length }}>
      <div className="cal-week__head" role="presentation">
        <div className="cal-week__corner" />
        {days.map((d) => {
          const hours = dayLengthHours(d, tz);
          return (
            <div key={d} className="cal-week__dayname" data-testid={`cal-dayname-${d}`}>
              {dateLabel(locale, d, 'weekday')}
              {hours !== 24 && <span className="cal-week__dst" title={t('calendar.dstDay', { hours })}>{t('calendar.dstShort', { hours: formatHours(locale, hours) })}</span>}
            </div>
          );
        })}
      </div>
      <div className="cal-week__body" ref={scroller} data-testid="cal-week-scroll">
        <div className="cal-week__axis" aria-hidden="true">
          {HOURS.map((h) => (
            <div key={h} className="cal-week__hour" style={{ height: `${HOUR_PX}px` }}>
              {hourLabel(h)}
            </div>
          ))}
        </div>
        {days.map((d) => (
          <DayColumn key={d} date={d} segments={segments.get(d) ?? []} />
        ))}
      </div>
      <p className="visually-hidden">{t('calendar.missionCount', { count: missions.length })}</p>
    </div>
  );
}
