import { useEffect, useId, useRef, useState } from 'react';
import { Button, IconInfo } from '../../../ui';
import { useI18n } from '../../../i18n/useT';
import { ASSIGNMENT_STATUSES, MISSION_STATUSES } from './calendar-types';
import { enumLabel } from '../../../i18n/enum-label';

/** What the colours and marks mean: assignment statuses, mission statuses, conflicts, unavailability. */
export function CalendarLegend() {
  const { t } = useI18n();
  return (
    <section className="cal-legend" aria-labelledby="cal-legend-title" data-testid="cal-legend">
      <h3 id="cal-legend-title" className="cal-legend__title">
        {t('calendar.legend.title')}
      </h3>
      <ul className="cal-legend__list">
        {ASSIGNMENT_STATUSES.map((s) => (
          <li key={s} data-testid={`cal-legend-${s}`}>
            <span className={`cal-dot cal-status--${s}`} aria-hidden="true" /> {enumLabel(t, 'assignmentStatus', s)}
          </li>
        ))}
      </ul>
      <ul className="cal-legend__list">
        {MISSION_STATUSES.map((s) => (
          <li key={s} data-testid={`cal-legend-mission-${s}`}>
            <span className={`cal-legend__mission cal-mission--${s}`} aria-hidden="true" /> {enumLabel(t, 'missionStatus', s)}
          </li>
        ))}
        <li>
          <span className="cal-flag cal-flag--error" aria-hidden="true" /> {t('calendar.legend.conflictError')}
        </li>
        <li>
          <span className="cal-flag cal-flag--warning" aria-hidden="true" /> {t('calendar.legend.conflictWarning')}
        </li>
        <li>
          <span className="cal-legend__unavail cal-tl__unavail--APPROVED" aria-hidden="true" /> {t('calendar.legend.unavailable')}
        </li>
        <li>
          <span className="cal-legend__unavail cal-tl__unavail--PENDING" aria-hidden="true" /> {t('calendar.legend.pending')}
        </li>
      </ul>
    </section>
  );
}

/**
 * The legend behind a toolbar button (a disclosure popover): Escape or a click outside closes it and
 * Escape gives the focus back to the button.
 */
export function LegendPopover() {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLDivElement | null>(null);
  const button = useRef<HTMLButtonElement | null>(null);
  useEffect(() => {
    if (!open) return;
    const onDown = (event: PointerEvent) => {
      if (root.current && !root.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open]);
  return (
    <div
      ref={root}
      className="cal-pop"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          setOpen(false);
          button.current?.focus();
        }
      }}
    >
      <Button ref={button} variant="ghost" size="sm" icon={IconInfo} aria-expanded={open} aria-controls={id} data-testid="cal-legend-toggle" onClick={() => setOpen(!open)}>
        <span className="cal-tool-text">{t('calendar.legendButton')}</span>
      </Button>
      <div id={id} className="cal-pop__panel" hidden={!open}>
        {open && <CalendarLegend />}
      </div>
    </div>
  );
}
