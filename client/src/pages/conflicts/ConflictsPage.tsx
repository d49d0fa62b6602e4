import { useT } from '../../i18n/useT';
import { ConflictList } from './ConflictList';
import { RefusedChanges } from './RefusedChanges';
import './conflicts.css';

/**
 * The Conflicts inbox (ADMIN, MANAGER): first what this device's writes need the user to look at (values the
 * server discarded, refused writes; the header's warning count leads here), then the organisation's conflict log.
 */
export function ConflictsPage() {
  const t = useT();
  return (
    <section className="page stack" aria-labelledby="title-conflicts">
      <h1 id="title-conflicts" data-testid="page-conflicts">
        {t('nav.conflicts')}
      </h1>
      <p className="lead">{t('sections.conflicts')}</p>
      <div className="card">
        <RefusedChanges />
      </div>
      <div className="card">
        <h2>{t('conflicts.logTitle')}</h2>
        <ConflictList />
      </div>
    </section>
  );
}
