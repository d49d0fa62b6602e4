import { useDroppable } from '@dnd-kit/core';
import { useMemo } from 'react';
import { localDate } from '@coulisses/shared';
import { useI18n } from '../../../i18n/useT';
import { dateLabel, weekdayName } from './calendar-format';
import { useCalendarUi } from './calendar-context';
import type { MissionDoc } from './calendar-types';
import type { DropData } from './drop-outcome';
import { MonthMission } from './MonthMission';

/** Missions a month cell lists before "+ n more". */
const CELL_LIMIT = 4;

function MonthCell({ date, inMonth, missions, onMore }: { date: string; inMonth: boolean; missions: readonly MissionDoc[]; onMore: (date: string) => void }) {
  const { t, locale } = useI18n();
  const { setNodeRef, isOver } = useDroppable({ id: `cell:${date}`, data: { kind: 'month-cell', date } satisfies DropData });
  const shown = missions.slice(0, CELL_LIMIT);
  return (
    <div ref={setNodeRef} role="gridcell" className={`cal-cell${inMonth ? '' : ' is-outside'}${isOver ? ' is-over' : ''}`} data-testid={`cal-month-cell-${date}`} data-drop-date={date}>
      <div className="cal-cell__date">{dateLabel(locale, date, 'day')}</div>
      {shown.map((m) => (
        <MonthMission key={m.id} mission={m} />
      ))}
      {missions.length > CELL_LIMIT && (
        <button type="button" className="button button--ghost button--small cal-cell__more" onClick={() => onMore(date)} aria-label={t('calendar.moreLabel', { count: missions.length - CELL_LIMIT, date: dateLabel(locale, date, 'long') })}>
          {t('calendar.more', { count: missions.length - CELL_LIMIT })}
        </button>
      )}
    </div>
  );
}

/** The month grid (whole weeks, Monday first): missions on the local day they start. */
export function MonthView({ days, month, onMore }: { days: readonly string[]; month: string; onMore: (date: string) => void }) {
  const { locale } = useI18n();
  const ui = useCalendarUi();
  const { missions } = ui.model;
  const { intervalOf, tz } = ui;
  const byDay = useMemo(() => {
    const map = new Map<string, MissionDoc[]>();
    for (const m of missions) {
      const d = localDate(intervalOf(m).start, tz);
      const list = map.get(d);
      if (list) list.push(m);
      else map.set(d, [m]);
    }
    for (const list of map.values()) list.sort((a, b) => intervalOf(a).start - intervalOf(b).start);
    return map;
  }, [missions, intervalOf, tz]);
  const weeks = Array.from({ length: days.length / 7 }, (_, i) => days.slice(i * 7, i * 7 + 7));
  return (
    <div className="cal-month" role="grid" aria-readonly="true">
      <div role="row" className="cal-month__row cal-month__head">
        {days.slice(0, 7).map((d) => (
          <div key={d} role="columnheader" className="cal-month__dayname">
            {weekdayName(locale, d)}
          </div>
        ))}
      </div>
      {weeks.map((week) => (
        <div key={week[0]} role="row" className="cal-month__row">
          {week.map((d) => (
            <MonthCell key={d} date={d} inMonth={d.slice(0, 7) === month} missions={byDay.get(d) ?? []} onMore={onMore} />
          ))}
        </div>
      ))}
    </div>
  );
}
