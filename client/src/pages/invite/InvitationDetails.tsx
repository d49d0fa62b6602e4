import type { PublicInvitation } from '../../api/types';
import { formatWithZoneName } from '@coulisses/shared/i18n/format';
import { useI18n } from '../../i18n/useT';
import type { InvitationState } from './invitation-status';
import { enumLabel } from '../../i18n/enum-label';

export function InvitationDetails({ invitation, state }: { invitation: PublicInvitation; state: InvitationState }) {
  const { t, locale } = useI18n();
  return (
    <dl className="details">
      <dt>{t('invite.org')}</dt>
      <dd data-testid="invite-org">{invitation.orgName}</dd>
      <dt>{t('invite.role')}</dt>
      <dd data-testid="invite-role-name">{enumLabel(t, 'role', invitation.role)}</dd>
      <dt>{t('invite.email')}</dt>
      <dd data-testid="invite-email-address" className="break">
        {invitation.email}
      </dd>
      <dt>{t('invite.status')}</dt>
      <dd>
        <span className={`badge badge--${state}`} data-testid="invite-status" data-state={state}>
          {t(`invite.states.${state}`)}
        </span>
      </dd>
      {state === 'pending' && (
        <>
          <dt>{t('invite.expiresAt')}</dt>
          <dd>{formatWithZoneName(locale, invitation.expiresAt)}</dd>
        </>
      )}
    </dl>
  );
}
