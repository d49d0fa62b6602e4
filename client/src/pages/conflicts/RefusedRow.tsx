import { useSession } from '../../auth/useSession';
import { formatInZone } from '@coulisses/shared/i18n/format';
import { useI18n } from '../../i18n/useT';
import type { RejectedWrite } from '../../sync/outbox';
import { FieldValues } from './FieldValues';
import { labelOr, refusedValues } from './conflict-view';
import { docDisplayName } from './doc-names';
import { fieldLabel, type FormatContext } from './field-format';

/** One write of this device the server refused: what, why, the refused values, and Dismiss. */
export function RefusedRow({ write, ctx, onDismiss }: { write: RejectedWrite; ctx: FormatContext; onDismiss: () => void }) {
  const { t, locale } = useI18n();
  const { me } = useSession();
  const entity = labelOr(locale, `conflicts.entityOne.${write.collection}`, t('conflicts.document'));
  const reason = labelOr(locale, `errors.${write.code}`, write.message || write.code);
  const name =
    docDisplayName(write.collection, write.doc, locale, ctx.lookup) ??
    docDisplayName(write.collection, ctx.lookup(write.collection, write.id), locale, ctx.lookup) ??
    t('conflicts.document');
  return (
    <li className="conflict refused" data-testid={`refused-row-${write.collection}-${write.id}`} data-code={write.code}>
      <div className="conflict__head">
        <span className="badge badge--rejected">{entity}</span>
        <strong className="break">{name}</strong>
        <span className="muted">{t('sync.refused.at', { date: formatInZone(locale, write.at, me?.activeOrg?.timezone) })}</span>
      </div>
      <dl className="details conflict__meta">
        <dt>{t('sync.refused.reason')}</dt>
        <dd data-testid={`refused-reason-${write.collection}-${write.id}`}>
          {reason}
          {write.field && <> ({fieldLabel(locale, write.collection, write.field)})</>}
        </dd>
      </dl>
      {write.eventId && <p className="note">{t('sync.refused.diverted')}</p>}
      <FieldValues entity={write.collection} rows={refusedValues(write.doc)} ctx={ctx} mode="refused" />
      <div className="form__actions">
        <button
          type="button"
          className="button button--secondary button--small"
          data-testid={`refused-dismiss-${write.collection}-${write.id}`}
          aria-label={t('sync.refused.dismissLabel', { entity, id: name })}
          onClick={onDismiss}
        >
          {t('sync.refused.dismiss')}
        </button>
      </div>
    </li>
  );
}
