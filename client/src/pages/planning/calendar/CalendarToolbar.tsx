import { Button, IconButton, IconChevronLeft, IconChevronRight, IconFilter } from '../../../ui';
import { useI18n } from '../../../i18n/useT';
import { rangeTitle } from './calendar-format';
import { CALENDAR_VIEWS, type CalendarView, type TimelineSpan } from './calendar-url';
import { LegendPopover } from './CalendarLegend';
import type { ViewRange } from './view-range';

export interface ToolbarProps {
  range: ViewRange;
  span: TimelineSpan;
  onStep: (dir: -1 | 1) => void;
  onToday: () => void;
  onDate: (date: string) => void;
  onView: (view: CalendarView) => void;
  onSpan: (span: TimelineSpan) => void;
  /** The filter bar: open or not, how many filters are on, its id (aria-controls). */
  filtersOpen: boolean;
  activeFilters: number;
  filtersId: string;
  onToggleFilters: () => void;
  onHelp: () => void;
}

/**
 * The calendar's one compact toolbar: the view switch, previous / today / next, the range's title, a date to
 * jump to, then the filter toggle (with the count of active filters), the legend popover and the keyboard help.
 */
export function CalendarToolbar({ range, span, onStep, onToday, onDate, onView, onSpan, filtersOpen, activeFilters, filtersId, onToggleFilters, onHelp }: ToolbarProps) {
  const { t, locale } = useI18n();
  const first = range.days[0]!;
  const last = range.days[range.days.length - 1]!;
  const filtersLabel = activeFilters > 0 ? `${t('calendar.filtersToggle')}, ${t('calendar.filtersActive', { count: activeFilters })}` : t('calendar.filtersToggle');
  return (
    <div className="cal-toolbar" data-testid="cal-toolbar">
      <div className="cal-toolbar__views" role="group" aria-label={t('calendar.viewLabel')}>
        {CALENDAR_VIEWS.map((v) => (
          <button key={v} type="button" className={`cal-seg${range.view === v ? ' is-on' : ''}`} aria-pressed={range.view === v} data-testid={`cal-view-${v}`} onClick={() => onView(v)}>
            {t(`calendar.views.${v}`)}
          </button>
        ))}
      </div>
      {range.view === 'timeline' && (
        <div className="cal-toolbar__views" role="group" aria-label={t('calendar.spanLabel')} data-testid="cal-span">
          <button type="button" className={`cal-seg${span === 'week' ? ' is-on' : ''}`} aria-pressed={span === 'week'} title={t('calendar.spanWeek')} data-testid="cal-span-week" onClick={() => onSpan('week')}>
            {t('calendar.spanWeekShort')}
          </button>
          <button type="button" className={`cal-seg${span === 'day' ? ' is-on' : ''}`} aria-pressed={span === 'day'} title={t('calendar.spanDay')} data-testid="cal-span-day" onClick={() => onSpan('day')}>
            {t('calendar.spanDayShort')}
          </button>
        </div>
      )}
      <div className="cal-toolbar__nav">
        <IconButton icon={IconChevronLeft} size="sm" variant="secondary" label={t(`calendar.prevLabel.${range.view}`)} data-testid="cal-prev" onClick={() => onStep(-1)} />
        <Button variant="secondary" size="sm" data-testid="cal-today" onClick={onToday}>
          {t('calendar.today')}
        </Button>
        <IconButton icon={IconChevronRight} size="sm" variant="secondary" label={t(`calendar.nextLabel.${range.view}`)} data-testid="cal-next" onClick={() => onStep(1)} />
      </div>
      <h2 className="cal-toolbar__title" data-testid="cal-title" aria-live="polite">
        {rangeTitle(locale, first, last, range.view === 'month', range.date)}
      </h2>
      <label className="cal-toolbar__date">
        <span className="visually-hidden">{t('calendar.goTo')}</span>
        <input type="date" className="field__input" value={range.date} data-testid="cal-date-input" onChange={(e) => e.target.value && onDate(e.target.value)} />
      </label>
      <div className="cal-toolbar__tools">
        <Button
          variant={activeFilters > 0 ? 'secondary' : 'ghost'}
          size="sm"
          icon={IconFilter}
          aria-expanded={filtersOpen}
          aria-controls={filtersId}
          aria-label={filtersLabel}
          data-testid="cal-filters-toggle"
          onClick={onToggleFilters}
        >
          <span className="cal-tool-text">{t('calendar.filtersToggle')}</span>
          {activeFilters > 0 && (
            <span className="cal-count" aria-hidden="true" data-testid="cal-filters-count">
              {activeFilters}
            </span>
          )}
        </Button>
        <LegendPopover />
        <IconButton icon={HelpIcon} size="sm" variant="ghost" label={t('calendar.help.button')} aria-keyshortcuts="?" aria-haspopup="dialog" data-testid="cal-help" onClick={onHelp} />
      </div>
    </div>
  );
}

/** A "?" glyph in the icon set's 24 px box. */
function HelpIcon({ size = 20 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <circle cx="12" cy="12" r="9" />
      <path d="M9.5 9.5a2.5 2.5 0 015 0c0 1.7-2.5 2-2.5 4M12 17v.01" />
    </svg>
  );
}
