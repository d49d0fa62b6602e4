import { useT } from '../../../i18n/useT';

/** Placeholder of the planning tab 'missions' (being built). */
export function MissionsPage() {
  const t = useT();
  return (
    <div className="stack" data-testid="planning-missions">
      <p className="lead">{t('planningTabs.missions')}</p>
    </div>
  );
}
