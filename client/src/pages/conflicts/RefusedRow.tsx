import { useSession } from '../../auth/useSession';
import { formatInZone } from '../../i18n/format';
import { useI18n } from '../../i18n/useT';
import type { RejectedWrite } from '../../sync/outbox';
import { FieldValues } from './FieldValues';
import { labelOr, refusedValues, shortId } from './conflict-view';

/** One write of this device the server refused: why, the refused values, and Dismiss. */
export function RefusedRow({ write, onDismiss }: { write: RejectedWrite; onDismiss: () => void }) {
  const { t, locale } = useI18n();
  const { me } = useSession();
  const entity = labelOr(locale, `conflicts.entities.${write.collection}`, write.collection);
  const reason = labelOr(locale, `errors.${write.code}`, write.message || write.code);
  return (
    <li className="conflict refused" data-testid={`refused-row-${write.collection}-${write.id}`} data-code={write.code}>
      <div className="conflict__head">
        <span className="badge badge--rejected">{entity}</span>
        <code className="muted" title={write.id}>
          {shortId(write.id)}
        </code>
        <span className="muted">{t('sync.refused.at', { date: formatInZone(locale, write.at, me?.activeOrg?.timezone) })}</span>
      </div>
      <dl className="details conflict__meta">
        <dt>{t('sync.refused.reason')}</dt>
        <dd data-testid={`refused-reason-${write.collection}-${write.id}`}>
          {reason}
          {write.field && (
            <>
              {' '}
              (<code>{write.field}</code>)
            </>
          )}
        </dd>
      </dl>
      {write.eventId && <p className="note">{t('sync.refused.diverted')}</p>}
      <FieldValues rows={refusedValues(write.doc)} showKept={false} />
      <div className="form__actions">
        <button
          type="button"
          className="button button--secondary button--small"
          data-testid={`refused-dismiss-${write.collection}-${write.id}`}
          aria-label={t('sync.refused.dismissLabel', { entity, id: shortId(write.id) })}
          onClick={onDismiss}
        >
          {t('sync.refused.dismiss')}
        </button>
      </div>
    </li>
  );
}
