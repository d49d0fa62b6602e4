import { useT } from '../../i18n/useT';
import { ConflictList } from './ConflictList';
import { RefusedChanges } from './RefusedChanges';
import './conflicts.css';

/** The Conflicts inbox (ADMIN, MANAGER): the organisation's conflict log, then this device's refused writes. */
export function ConflictsPage() {
  const t = useT();
  return (
    <section className="page stack" aria-labelledby="title-conflicts">
      <h1 id="title-conflicts" data-testid="page-conflicts">
        {t('nav.conflicts')}
      </h1>
      <p className="lead">{t('sections.conflicts')}</p>
      <div className="card">
        <h2>{t('conflicts.logTitle')}</h2>
        <ConflictList />
      </div>
      <div className="card">
        <RefusedChanges />
      </div>
    </section>
  );
}
