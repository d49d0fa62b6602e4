import { useState } from 'react';
import { useNavigate } from 'react-router';
import { SIGN_IN_PATH } from '../app/routing';
import { useSession } from './useSession';

/** Signs out, then shows Sign in. */
export function useSignOut() {
  const { signOut } = useSession();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      await signOut();
    } finally {
      setBusy(false);
    }
    void navigate(SIGN_IN_PATH, { replace: true });
  };
  return { busy, signOut: run };
}
