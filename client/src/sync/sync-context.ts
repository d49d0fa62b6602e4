import { createContext } from 'react';
import type { SyncRuntime } from './runtime';
import { CLOSED_STATUS, type SyncViewStatus } from './status-view';

export interface SyncControl {
  /** The open local store of the active organisation, or null (opening, switching, signed out). */
  runtime: SyncRuntime | null;
  /**
   * Closes the store before a change of the server session's organisation, so the old organisation's engine
   * never talks to the new one. The store of the new organisation opens when the session reports it; call the
   * returned release when the change did not happen.
   */
  suspend: () => Promise<() => void>;
}

export const SyncControlContext = createContext<SyncControl | null>(null);
/** Changes often (counts, phases): its own context so that only status readers re-render. */
export const SyncStatusContext = createContext<SyncViewStatus>(CLOSED_STATUS);
