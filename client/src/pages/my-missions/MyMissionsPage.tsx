import { useT } from '../../i18n/useT';

/** My missions (every role, phone first): placeholder while it is being built. */
export function MyMissionsPage() {
  const t = useT();
  return (
    <section className="page" aria-labelledby="title-myMissions">
      <h1 id="title-myMissions" data-testid="page-myMissions">
        {t('nav.myMissions')}
      </h1>
      <p className="lead">{t('sections.myMissions')}</p>
    </section>
  );
}
