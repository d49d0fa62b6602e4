import { useState } from 'react';
import { useNavigate } from 'react-router';
import { SIGN_IN_PATH } from '../app/routing';
import { useT } from '../i18n/useT';
import { useSession } from './useSession';

export function SignOutButton() {
  const t = useT();
  const { signOut } = useSession();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      className="button button--ghost button--on-dark"
      data-testid="signout"
      disabled={busy}
      onClick={async () => {
        setBusy(true);
        await signOut();
        void navigate(SIGN_IN_PATH, { replace: true });
      }}
    >
      {t('auth.signOut')}
    </button>
  );
}
