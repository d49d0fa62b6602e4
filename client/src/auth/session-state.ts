import { ApiError, NETWORK_ERROR } from '../api/api-error';
import type { Me } from '../api/types';
import type { SessionState } from './session-context';

/**
 * The session after a failed /me: a 401 signs out; otherwise a shell already shown (from the cache)
 * stays, a network failure without cache shows Sign in, and any other failure an error screen.
 */
export function stateAfterMeError(previous: SessionState, error: unknown): SessionState {
  if (error instanceof ApiError && error.status === 401) return { status: 'signedOut' };
  if (previous.status === 'signedIn') return { ...previous, fromCache: true };
  if (error instanceof ApiError && error.code === NETWORK_ERROR) return { status: 'signedOut' };
  return { status: 'error', error };
}

export function initialSessionState(cached: Me | null): SessionState {
  return cached ? { status: 'signedIn', me: cached, fromCache: true } : { status: 'loading' };
}
