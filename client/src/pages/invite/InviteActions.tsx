import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { acceptInvitation } from '../../api/invitations';
import type { PublicInvitation } from '../../api/types';
import { SIGN_IN_PATH, SIGN_UP_PATH, authPath, landingPath } from '../../app/routing';
import { useSession } from '../../auth/useSession';
import { useT } from '../../i18n/useT';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { sameEmail } from './invitation-status';

/** For a pending invitation: sign in / sign up first, or accept as the signed-in account. */
export function InviteActions({ invitation }: { invitation: PublicInvitation }) {
  const t = useT();
  const navigate = useNavigate();
  const { me, applyMe } = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const here = `/invite/${encodeURIComponent(invitation.id)}`;

  if (!me) {
    return (
      <div className="stack">
        <p>{t('invite.signInPrompt', { email: invitation.email })}</p>
        <div className="form__actions">
          <Link className="button button--primary" data-testid="invite-signin" to={authPath(SIGN_IN_PATH, here, invitation.email)}>
            {t('invite.signIn')}
          </Link>
          <Link className="button button--secondary" data-testid="invite-signup" to={authPath(SIGN_UP_PATH, here, invitation.email)}>
            {t('invite.signUp')}
          </Link>
        </div>
      </div>
    );
  }

  const accept = async () => {
    setBusy(true);
    setError(null);
    try {
      const next = await acceptInvitation(invitation.id);
      applyMe(next);
      void navigate(landingPath(next), { replace: true });
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  return (
    <div className="stack">
      <p className="muted" data-testid="invite-signed-in-as">
        {t('invite.signedInAs', { email: me.account.email })}
      </p>
      {!sameEmail(me.account.email, invitation.email) && (
        <p className="alert alert--warning" data-testid="invite-email-mismatch">
          {t('invite.emailMismatch', { email: invitation.email })}
        </p>
      )}
      <ErrorMessage error={error} testId="invite-accept-error" />
      <div className="form__actions">
        <button type="button" className="button button--primary" data-testid="invite-accept" disabled={busy} onClick={() => void accept()}>
          {busy ? t('invite.accepting') : t('invite.accept')}
        </button>
      </div>
    </div>
  );
}
