import { useSession } from '../../auth/useSession';
import { formatInZone } from '../../i18n/format';
import { useI18n } from '../../i18n/useT';
import { FieldValues } from './FieldValues';
import { conflictFields, labelOr, shortId, type ConflictDoc } from './conflict-view';

/** One entry of the conflict log: what, which rule, the outcome, the values kept and discarded, who and when. */
export function ConflictRow({ conflict, names }: { conflict: ConflictDoc; names: Map<string, string> }) {
  const { t, locale } = useI18n();
  const { me } = useSession();
  const who = conflict.actorAccountIds
    .map((id) => (id === me?.account.id ? t('conflicts.you') : (names.get(id) ?? `${t('conflicts.unknownAccount')} ${shortId(id)}`)))
    .join(', ');
  return (
    <li
      className="conflict"
      data-testid={`conflict-row-${conflict.id}`}
      data-entity={conflict.entity}
      data-entity-id={conflict.entityId}
      data-outcome={conflict.outcome}
    >
      <div className="conflict__head">
        <span className={`badge badge--outcome-${conflict.outcome.toLowerCase()}`}>{t(`conflicts.outcomes.${conflict.outcome}`)}</span>
        <strong>{labelOr(locale, `conflicts.entities.${conflict.entity}`, conflict.entity)}</strong>
        <code className="muted" title={conflict.entityId}>
          {shortId(conflict.entityId)}
        </code>
      </div>
      <dl className="details conflict__meta">
        <dt>{t('conflicts.rule')}</dt>
        <dd>{labelOr(locale, `conflicts.rules.${conflict.rule}`, conflict.rule)}</dd>
        {conflict.code && (
          <>
            <dt>{t('sync.refused.reason')}</dt>
            <dd>{labelOr(locale, `errors.${conflict.code}`, conflict.code)}</dd>
          </>
        )}
        <dt>{t('conflicts.who')}</dt>
        <dd>{who}</dd>
        <dt>{t('conflicts.when')}</dt>
        <dd>{formatInZone(locale, conflict.createdAt, me?.activeOrg?.timezone)}</dd>
      </dl>
      <FieldValues rows={conflictFields(conflict)} />
    </li>
  );
}
