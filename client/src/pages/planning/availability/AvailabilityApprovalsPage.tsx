import { useT } from '../../../i18n/useT';

/** Placeholder of the planning tab 'availability' (being built). */
export function AvailabilityApprovalsPage() {
  const t = useT();
  return (
    <div className="stack" data-testid="planning-availability">
      <p className="lead">{t('planningTabs.availability')}</p>
    </div>
  );
}
