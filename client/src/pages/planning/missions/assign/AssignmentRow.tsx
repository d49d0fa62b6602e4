import { errorText } from '../../../../api/error-text';
import { formatInZone } from '@coulisses/shared/i18n/format';
import { useI18n } from '../../../../i18n/useT';
import type { RejectedWrite } from '../../../../sync/outbox';
import type { AssignmentDoc } from '../../../../data/types';
import { StatusBadge } from '../../../../components/StatusBadge';
import { RowMenu } from '../ui/RowMenu';
import { InvitationLinkActions } from './InvitationLinkActions';
import { enumLabel } from '../../../../i18n/enum-label';

/** One person on the mission: status (who changed it, when), the server's refusal if any, cancel, link. */
export function AssignmentRow({ a, name, refusal, pending, tz, onCancel, onReinvite }: { a: AssignmentDoc; name: string; refusal: RejectedWrite | undefined; pending: boolean; tz: string; onCancel: () => void; onReinvite: () => void }) {
  const { t, locale } = useI18n();
  const active = a.status === 'INVITED' || a.status === 'ACCEPTED';
  return (
    <li className="list__item assignment-row" data-testid={`assignment-row-${a.id}`} data-user-id={a.userId} data-status={a.status}>
      <div className="list__main">
        <strong className="break">{name}</strong>
        {a.role && <span className="muted">{a.role}</span>}
        <span>
          <StatusBadge group="assignment" status={a.status} testId={`assignment-status-${a.id}`} />{' '}
          <span className="muted small">{t('planAssign.changedBy', { by: enumLabel(t, 'assignmentActor', a.statusChangedBy), date: formatInZone(locale, a.statusChangedAt, tz) })}</span>
        </span>
        {a.declineReason && <span className="muted">{t('planAssign.reason', { reason: a.declineReason })}</span>}
        {pending && <span className="badge">{t('planAssign.notSynced')}</span>}
        {refusal && (
          <p className="alert alert--error" role="alert" data-testid={`assignment-refused-${a.id}`} data-code={refusal.code}>
            {t('planAssign.refused', { reason: errorText(locale, { code: refusal.code, message: refusal.message }) })}
          </p>
        )}
      </div>
      <div className="assignment-row__actions">
        {active ? (
          <RowMenu
            name={name}
            testId={`assignment-menu-${a.id}`}
            actions={[
              {
                id: 'cancel',
                label: t('planAssign.cancel'),
                testId: `assignment-cancel-${a.id}`,
                onSelect: onCancel,
                confirm: { title: t('planAssign.cancelTitle', { name }), body: t('planAssign.cancelBody') },
              },
            ]}
          />
        ) : (
          <button type="button" className="button button--secondary button--small" data-testid={`assignment-reinvite-${a.id}`} onClick={onReinvite}>
            {t('planAssign.reinvite')}
          </button>
        )}
        {active && !refusal && <InvitationLinkActions assignmentId={a.id} pending={pending} tz={tz} />}
      </div>
    </li>
  );
}
