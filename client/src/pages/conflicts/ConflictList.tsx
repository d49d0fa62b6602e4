import { useT } from '../../i18n/useT';
import { useCollectionQuery } from '../../sync/useCollectionQuery';
import { LoadingScreen } from '../../ui/LoadingScreen';
import { ConflictRow } from './ConflictRow';
import type { ConflictDoc } from './conflict-view';
import { useMemberNames } from './useMemberNames';

const NEWEST_FIRST = { selector: {}, sort: [{ createdAt: 'desc' as const }], limit: 200 };

/** The conflict log of the organisation, newest first, from the local store (live). */
export function ConflictList() {
  const t = useT();
  const { docs, loading } = useCollectionQuery<ConflictDoc>('conflicts', NEWEST_FIRST);
  const names = useMemberNames();
  if (loading) return <LoadingScreen />;
  if (docs.length === 0) return <p className="muted" data-testid="conflicts-empty">{t('conflicts.empty')}</p>;
  return (
    <ul className="list conflict-list" data-testid="conflict-list">
      {docs.map((conflict) => (
        <ConflictRow key={conflict.id} conflict={conflict} names={names} />
      ))}
    </ul>
  );
}
