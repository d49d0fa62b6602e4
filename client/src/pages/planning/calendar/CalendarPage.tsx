import { useT } from '../../../i18n/useT';

/** Placeholder of the planning tab 'calendar' (being built). */
export function CalendarPage() {
  const t = useT();
  return (
    <div className="stack" data-testid="planning-calendar">
      <p className="lead">{t('planningTabs.calendar')}</p>
    </div>
  );
}
