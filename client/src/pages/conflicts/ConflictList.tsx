import { useMemo } from 'react';
import { useT } from '../../i18n/useT';
import { useCollectionQuery } from '../../sync/useCollectionQuery';
import { LoadingScreen } from '../../ui/LoadingScreen';
import { ConflictRow } from './ConflictRow';
import { conflictFields, type ConflictDoc } from './conflict-view';
import { nameRefs, valueRefs, type DocRef } from './doc-names';
import { useFormatContext } from './useFormatContext';

const NEWEST_FIRST = { selector: {}, sort: [{ createdAt: 'desc' as const }], limit: 200 };

/** The local documents a log entry's name and values point to. */
function refsOf(conflict: ConflictDoc): DocRef[] {
  const state = conflict.remote ?? conflict.local ?? undefined;
  return [
    { collection: conflict.entity, id: conflict.entityId },
    ...nameRefs(conflict.entity, state),
    ...conflictFields(conflict).flatMap((f) => [...valueRefs(conflict.entity, f.field, f.kept), ...valueRefs(conflict.entity, f.field, f.discarded)]),
  ];
}

/** The conflict log of the organisation, newest first, from the local store (live). */
export function ConflictList() {
  const t = useT();
  const { docs, loading } = useCollectionQuery<ConflictDoc>('conflicts', NEWEST_FIRST);
  const refs = useMemo(() => docs.flatMap(refsOf), [docs]);
  const ctx = useFormatContext(refs);
  if (loading) return <LoadingScreen />;
  if (docs.length === 0) return <p className="muted" data-testid="conflicts-empty">{t('conflicts.empty')}</p>;
  return (
    <ul className="list conflict-list" data-testid="conflict-list">
      {docs.map((conflict) => (
        <ConflictRow key={conflict.id} conflict={conflict} ctx={ctx} />
      ))}
    </ul>
  );
}
