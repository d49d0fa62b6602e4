import { useSession } from '../../auth/useSession';
import { formatInZone } from '@coulisses/shared/i18n/format';
import { useI18n } from '../../i18n/useT';
import { FieldValues } from './FieldValues';
import { conflictFields, labelOr, type ConflictDoc } from './conflict-view';
import { docDisplayName } from './doc-names';
import type { FormatContext } from './field-format';
import { enumLabel } from '../../i18n/enum-label';

/** One entry of the conflict log: what, which rule, the outcome, the values kept and discarded, who and when. */
export function ConflictRow({ conflict, ctx }: { conflict: ConflictDoc; ctx: FormatContext }) {
  const { t, locale } = useI18n();
  const { me } = useSession();
  const who = conflict.actorAccountIds
    .map((id) => (id === me?.account.id ? t('conflicts.you') : (ctx.accounts.get(id) ?? t('conflicts.unknownAccount'))))
    .join(', ');
  // The document as this device holds it now, else as the log recorded it.
  const current = ctx.lookup(conflict.entity, conflict.entityId);
  const name =
    docDisplayName(conflict.entity, current, locale, ctx.lookup) ??
    docDisplayName(conflict.entity, conflict.remote ?? conflict.local ?? undefined, locale, ctx.lookup) ??
    t('conflicts.document');
  return (
    <li
      className="conflict"
      data-testid={`conflict-row-${conflict.id}`}
      data-entity={conflict.entity}
      data-entity-id={conflict.entityId}
      data-outcome={conflict.outcome}
    >
      <div className="conflict__head">
        <span className={`badge badge--outcome-${conflict.outcome.toLowerCase()}`}>{enumLabel(t, 'conflictOutcome', conflict.outcome)}</span>
        <span className="muted">{labelOr(locale, `conflicts.entityOne.${conflict.entity}`, t('conflicts.document'))}</span>
        <strong className="break" data-testid={`conflict-name-${conflict.id}`}>
          {name}
        </strong>
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
      <FieldValues entity={conflict.entity} rows={conflictFields(conflict)} ctx={ctx} />
    </li>
  );
}
