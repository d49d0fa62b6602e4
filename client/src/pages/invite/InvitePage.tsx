import { Link, useParams } from 'react-router';
import { PublicLayout } from '../../app/PublicLayout';
import { landingPath } from '../../app/routing';
import { useSession } from '../../auth/useSession';
import { useT } from '../../i18n/useT';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { LoadingScreen } from '../../ui/LoadingScreen';
import { InvitationDetails } from './InvitationDetails';
import { InviteActions } from './InviteActions';
import { invitationState } from './invitation-status';
import { useInvitation } from './useInvitation';

/** /invite/:id, public: what the invitation is, and how to accept it. */
export function InvitePage() {
  const t = useT();
  const { id = '' } = useParams();
  const { me } = useSession();
  const load = useInvitation(id);

  let body;
  if (load.status === 'loading') {
    body = <LoadingScreen />;
  } else if (load.status === 'failed') {
    body = <ErrorMessage error={load.error} testId="invite-load-error" />;
  } else {
    const state = invitationState(load.invitation);
    body = (
      <>
        <p className="lead">{t('invite.intro', { org: load.invitation.orgName })}</p>
        <InvitationDetails invitation={load.invitation} state={state} />
        {state === 'pending' ? (
          <InviteActions invitation={load.invitation} />
        ) : (
          <p className="alert alert--warning" data-testid="invite-closed">
            {t(`invite.closed.${state}`)}
          </p>
        )}
      </>
    );
  }

  return (
    <PublicLayout>
      <section className="card card--narrow stack" data-testid="page-invite" aria-labelledby="invite-title">
        <h1 id="invite-title">{t('invite.title')}</h1>
        {body}
        {me && (
          <p>
            <Link to={landingPath(me)}>{t('invite.openApp')}</Link>
          </p>
        )}
      </section>
    </PublicLayout>
  );
}
