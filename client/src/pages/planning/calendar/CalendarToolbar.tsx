import { useId } from 'react';
import { useI18n } from '../../../i18n/useT';
import { rangeTitle } from './calendar-format';
import { CALENDAR_VIEWS, type CalendarView, type TimelineSpan } from './calendar-url';
import type { ViewRange } from './view-range';

export interface ToolbarProps {
  range: ViewRange;
  span: TimelineSpan;
  onStep: (dir: -1 | 1) => void;
  onToday: () => void;
  onDate: (date: string) => void;
  onView: (view: CalendarView) => void;
  onSpan: (span: TimelineSpan) => void;
}

/** Previous, today, next, the range's title, a date to jump to, and the view switch. */
export function CalendarToolbar({ range, span, onStep, onToday, onDate, onView, onSpan }: ToolbarProps) {
  const { t, locale } = useI18n();
  const first = range.days[0]!;
  const last = range.days[range.days.length - 1]!;
  // The buttons' names are their visible text (WCAG 2.5.3, label in name); the period they go to is their description.
  const prevId = useId();
  const nextId = useId();
  return (
    <div className="cal-toolbar">
      <div className="cal-toolbar__nav">
        <button type="button" className="button button--secondary button--small" data-testid="cal-prev" aria-describedby={prevId} onClick={() => onStep(-1)}>
          {t('calendar.prev')}
        </button>
        <span id={prevId} className="visually-hidden">
          {t(`calendar.prevLabel.${range.view}`)}
        </span>
        <button type="button" className="button button--secondary button--small" data-testid="cal-today" onClick={onToday}>
          {t('calendar.today')}
        </button>
        <button type="button" className="button button--secondary button--small" data-testid="cal-next" aria-describedby={nextId} onClick={() => onStep(1)}>
          {t('calendar.next')}
        </button>
        <span id={nextId} className="visually-hidden">
          {t(`calendar.nextLabel.${range.view}`)}
        </span>
        <h2 className="cal-toolbar__title" data-testid="cal-title" aria-live="polite">
          {rangeTitle(locale, first, last, range.view === 'month', range.date)}
        </h2>
        <label className="cal-toolbar__date">
          <span className="visually-hidden">{t('calendar.goTo')}</span>
          <input type="date" className="field__input" value={range.date} data-testid="cal-date-input" onChange={(e) => e.target.value && onDate(e.target.value)} />
        </label>
      </div>
      <div className="cal-toolbar__views" role="group" aria-label={t('calendar.viewLabel')}>
        {CALENDAR_VIEWS.map((v) => (
          <button key={v} type="button" className={`button button--small ${range.view === v ? 'button--primary' : 'button--secondary'}`} aria-pressed={range.view === v} data-testid={`cal-view-${v}`} onClick={() => onView(v)}>
            {t(`calendar.views.${v}`)}
          </button>
        ))}
        {range.view === 'timeline' && (
          <button type="button" className="button button--ghost button--small" data-testid="cal-span" aria-pressed={span === 'day'} onClick={() => onSpan(span === 'day' ? 'week' : 'day')}>
            {t(span === 'day' ? 'calendar.spanWeek' : 'calendar.spanDay')}
          </button>
        )}
      </div>
    </div>
  );
}
