import { useT } from '../../../i18n/useT';

/** Placeholder of the planning tab 'people' (being built). */
export function PeoplePage() {
  const t = useT();
  return (
    <div className="stack" data-testid="planning-people">
      <p className="lead">{t('planningTabs.people')}</p>
    </div>
  );
}
