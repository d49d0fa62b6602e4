import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { fetchSession } from '../api/me';
import { ApiError, codeForStatus } from '../api/api-error';
import type { Me } from '../api/types';
import { browserStorage } from '../lib/storage';
import { ME_CACHE_KEY, readCachedMe, writeCachedMe } from './me-cache';
import { SessionContext, type SessionState, type SessionValue } from './session-context';
import { initialSessionState, stateAfterMeError } from './session-state';

/** Holds who is signed in (GET /api/v1/me/session), cached for offline reloads, refreshed when back online. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>(() => initialSessionState(readCachedMe(browserStorage())));
  const stateRef = useRef(state);

  const commit = useCallback((next: SessionState) => {
    stateRef.current = next;
    if (next.status === 'signedIn' && !next.fromCache) writeCachedMe(browserStorage(), next.me);
    if (next.status === 'signedOut') writeCachedMe(browserStorage(), null);
    setState(next);
  }, []);

  const reload = useCallback(async (): Promise<Me> => {
    try {
      // Signed out is an answer, not a failed request: the session route answers 200 {signedIn: false}.
      const me = await fetchSession();
      if (!me) throw new ApiError(codeForStatus(401), 401, '');
      commit({ status: 'signedIn', me, fromCache: false });
      return me;
    } catch (error) {
      commit(stateAfterMeError(stateRef.current, error));
      throw error;
    }
  }, [commit]);

  const applyMe = useCallback((me: Me) => commit({ status: 'signedIn', me, fromCache: false }), [commit]);

  const signOut = useCallback(async () => {
    try {
      // better-auth's client loads on use (sign-in, sign-up, sign-out), not with the first screen.
      const { authClient } = await import('./auth-client');
      await authClient.signOut();
    } catch {
      // Offline: the local shell is cleared anyway; the cookie expires on the server's terms.
    }
    commit({ status: 'signedOut', byUser: true });
  }, [commit]);

  useEffect(() => {
    const refresh = () => {
      reload().catch((error: unknown) => {
        if (!(error instanceof ApiError)) console.error(error);
      });
    };
    refresh();
    window.addEventListener('online', refresh);
    return () => window.removeEventListener('online', refresh);
  }, [reload]);

  // Another tab signed in, switched organisation or lost the session: follow it (the server session is shared).
  useEffect(() => {
    const onStorage = (event: StorageEvent) => {
      if (event.key !== ME_CACHE_KEY) return;
      // The other tab wrote what the server answered it just now: as fresh as our own /me (not written back).
      const me = readCachedMe(browserStorage());
      const next: SessionState = me ? { status: 'signedIn', me, fromCache: false } : { status: 'signedOut' };
      stateRef.current = next;
      setState(next);
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, []);

  const value = useMemo<SessionValue>(
    () => ({ state, me: state.status === 'signedIn' ? state.me : null, reload, applyMe, signOut }),
    [state, reload, applyMe, signOut],
  );

  return <SessionContext value={value}>{children}</SessionContext>;
}
