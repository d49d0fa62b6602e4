import type { SyncDoc } from '@coulisses/shared';
import { useState } from 'react';
import { useSession } from '../../auth/useSession';
import { formatInZone } from '@coulisses/shared/i18n/format';
import { useI18n } from '../../i18n/useT';
import type { DiscardedEdit } from '../../sync/outbox';
import { useOutbox } from '../../sync/useSync';
import { useLocalWrites, type CollectionName } from '../../data/useLocalWrites';
import { FieldValues } from './FieldValues';
import { labelOr } from './conflict-view';
import { docDisplayName } from './doc-names';
import type { FormatContext } from './field-format';
import { reappliedDoc } from './reapply';

class ReapplyRefused extends Error {
  constructor(readonly reason: 'GONE' | 'INVALID') {
    super(reason);
  }
}

type RowState = { kind: 'idle' } | { kind: 'busy' } | { kind: 'failed'; reason: 'GONE' | 'INVALID' | 'WRITE' };

/**
 * One document whose values written on this device the server discarded (a later edit made elsewhere won on
 * the same fields): the document and each field in words, the author's value and the value kept, and two
 * actions. "Apply mine again" is a new local write of the current document with the author's values, through
 * the pages' write path, so the sync and the server's rules decide it again; "Dismiss" forgets the notice.
 */
export function DiscardedRow({ edit, ctx }: { edit: DiscardedEdit; ctx: FormatContext }) {
  const { t, locale } = useI18n();
  const { me } = useSession();
  const writes = useLocalWrites();
  const outbox = useOutbox();
  const [state, setState] = useState<RowState>({ kind: 'idle' });
  const entity = labelOr(locale, `conflicts.entityOne.${edit.collection}`, t('conflicts.document'));
  // Named as this device holds it now; when it holds it no more, from the values of the notice.
  const fromNotice = Object.fromEntries(edit.fields.map((f) => [f.field, f.kept === '(deleted)' ? f.discarded : f.kept]));
  const name =
    docDisplayName(edit.collection, ctx.lookup(edit.collection, edit.id), locale, ctx.lookup) ??
    docDisplayName(edit.collection, fromNotice, locale, ctx.lookup) ??
    t('conflicts.document');
  const testId = `${edit.collection}-${edit.id}`;

  const applyAgain = async () => {
    if (!writes || !outbox) return;
    setState({ kind: 'busy' });
    try {
      // The same write path as the pages (the local store, the outbox, then the sync); the name is checked by
      // the store: only collections of this device's store exist.
      await writes.modify(edit.collection as CollectionName, edit.id, (current) => {
        const next = reappliedDoc(edit.collection, current, edit.fields);
        if (!next.ok) throw new ReapplyRefused(next.reason);
        return next.doc as SyncDoc;
      });
      outbox.dismissDiscarded(edit.collection, edit.id);
    } catch (error) {
      const reason = error instanceof ReapplyRefused ? error.reason : /not found/.test(String(error)) ? 'GONE' : 'WRITE';
      setState({ kind: 'failed', reason });
    }
  };

  return (
    <li className="conflict discarded" data-testid={`discarded-row-${testId}`} data-collection={edit.collection} data-id={edit.id}>
      <div className="conflict__head">
        <span className="badge badge--discarded">{entity}</span>
        <strong className="break" data-testid={`discarded-name-${testId}`}>
          {name}
        </strong>
        <span className="muted">{t('sync.discarded.at', { date: formatInZone(locale, edit.at, me?.activeOrg?.timezone) })}</span>
      </div>
      <FieldValues entity={edit.collection} rows={edit.fields} ctx={ctx} mode="mine" />
      {state.kind === 'failed' && (
        <p className="alert alert--error" role="alert" data-testid={`discarded-error-${testId}`}>
          {t(`sync.discarded.failed.${state.reason}`)}
        </p>
      )}
      <div className="form__actions discarded__actions">
        <button
          type="button"
          className="button button--primary button--small"
          data-testid={`discarded-apply-${testId}`}
          aria-label={t('sync.discarded.applyLabel', { name })}
          disabled={state.kind === 'busy' || !writes}
          onClick={() => void applyAgain()}
        >
          {t('sync.discarded.apply')}
        </button>
        <button
          type="button"
          className="button button--secondary button--small"
          data-testid={`discarded-dismiss-${testId}`}
          aria-label={t('sync.discarded.dismissLabel', { name })}
          onClick={() => outbox?.dismissDiscarded(edit.collection, edit.id)}
        >
          {t('sync.discarded.dismiss')}
        </button>
      </div>
    </li>
  );
}
