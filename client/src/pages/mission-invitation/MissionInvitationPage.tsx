import { useT } from '../../i18n/useT';

/** The public page of a mission invitation link (/m/:token): placeholder while it is being built. */
export function MissionInvitationPage() {
  const t = useT();
  return (
    <section className="page" data-testid="page-mission-invitation">
      <h1>{t('planningTabs.missions')}</h1>
    </section>
  );
}
