import { useT } from '../../../i18n/useT';

/** Placeholder of the planning tab 'conflicts' (being built). */
export function PlanningConflictsPage() {
  const t = useT();
  return (
    <div className="stack" data-testid="planning-conflicts">
      <p className="lead">{t('planningTabs.conflicts')}</p>
    </div>
  );
}
