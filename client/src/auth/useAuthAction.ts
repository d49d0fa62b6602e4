import { useState } from 'react';

/** better-auth's client answers `{ error }` instead of throwing. */
type AuthResult = { error?: unknown } | null | undefined | void;

/**
 * The busy flag and the error of a form that calls better-auth: `run` clears the error, marks busy, keeps an
 * answered or thrown error, and returns whether the call succeeded.
 */
export function useAuthAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async (call: () => Promise<AuthResult>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      const result = await call();
      if (result && result.error) {
        setError(result.error);
        return false;
      }
      return true;
    } catch (caught) {
      setError(caught);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, run };
}
