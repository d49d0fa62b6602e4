import { createContext } from 'react';
import type { Me } from '../api/types';

export type SessionState =
  | { status: 'loading' }
  /** byUser: the user signed out here (not an expired session, nor another tab's change). */
  | { status: 'signedOut'; byUser?: boolean }
  | { status: 'signedIn'; me: Me; fromCache: boolean }
  | { status: 'error'; error: unknown };

export interface SessionValue {
  state: SessionState;
  /** The signed-in account's /me, or null. */
  me: Me | null;
  /** Fetches /me again; rejects with the error (a 401 also switches to signed out). */
  reload: () => Promise<Me>;
  /** Takes a /me answer from another endpoint (active-org switch, invitation accept). */
  applyMe: (me: Me) => void;
  signOut: () => Promise<void>;
}

export const SessionContext = createContext<SessionValue | null>(null);
