import { useState } from 'react';
import { useT } from '../../../../i18n/useT';
import { useReference } from '../../../../data/queries';
import type { ReferenceDoc } from '../../../../data/types';
import { useLocalWrites } from '../../../../data/useLocalWrites';
import { ReferenceForm, type ReferenceValues } from './ReferenceForm';
import { newReference, venueAddress } from '../../../../data/planning/reference-writes';

type ManagedKind = 'venue' | 'team' | 'skill';

/** A small manager of one kind of reference data: add, rename (and address for venues), archive, restore. */
export function ReferenceManager({ kind }: { kind: ManagedKind }) {
  const t = useT();
  const { docs } = useReference(kind);
  const writes = useLocalWrites();
  const [editing, setEditing] = useState<string | null>(null);
  const withAddress = kind === 'venue';
  const prefix = `ref-${kind}`;

  const add = async (v: ReferenceValues) => {
    await writes?.insert('reference', newReference(kind, v.name, withAddress && v.address ? { address: v.address } : {}));
  };
  const save = async (doc: ReferenceDoc, v: ReferenceValues) => {
    const data = withAddress ? { ...doc.data, address: v.address } : doc.data;
    await writes?.patch('reference', doc.id, { name: v.name, data });
    setEditing(null);
  };

  return (
    <section className="stack ref-manager" data-testid={`${prefix}-manager`} aria-label={t(`planRef.kinds.${kind}`)}>
      <h3>{t(`planRef.kinds.${kind}`)}</h3>
      {docs.length === 0 && <p className="muted">{t('planRef.empty')}</p>}
      <ul className="list" data-testid={`${prefix}-list`}>
        {docs.map((doc) => (
          <li key={doc.id} className="list__item ref-row" data-testid={`${prefix}-row-${doc.id}`}>
            {editing === doc.id ? (
              <ReferenceForm testPrefix={`${prefix}-edit`} withAddress={withAddress} initial={{ name: doc.name, address: venueAddress(doc) }} submitLabel={t('plan.save')} onSubmit={(v) => save(doc, v)} onCancel={() => setEditing(null)} />
            ) : (
              <>
                <div className="list__main">
                  <strong className="break">{doc.name}</strong>
                  {withAddress && venueAddress(doc) && <span className="muted break">{venueAddress(doc)}</span>}
                  {doc.archived && <span className="badge">{t('planRef.archived')}</span>}
                </div>
                <div className="row-actions">
                  <button type="button" className="button button--secondary button--small" data-testid={`${prefix}-edit-${doc.id}`} disabled={!writes} onClick={() => setEditing(doc.id)}>
                    {t('plan.edit')}
                  </button>
                  <button
                    type="button"
                    className="button button--ghost button--small"
                    data-testid={`${prefix}-archive-${doc.id}`}
                    disabled={!writes}
                    onClick={() => void writes?.patch('reference', doc.id, { archived: !doc.archived })}
                  >
                    {doc.archived ? t('planRef.restore') : t('planRef.archive')}
                  </button>
                </div>
              </>
            )}
          </li>
        ))}
      </ul>
      <ReferenceForm testPrefix={prefix} withAddress={withAddress} initial={{ name: '', address: '' }} submitLabel={t(`planRef.add.${kind}`)} onSubmit={add} />
    </section>
  );
}
