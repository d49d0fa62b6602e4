import type { Role } from '@coulisses/shared';
import type { Me } from '../api/types';
import { databaseName } from './database';

/** The local store a signed-in session should have open: one database per organisation and account. */
export interface SyncTarget {
  dbName: string;
  orgId: string;
  accountId: string;
  role: Role;
  /** The organisation's name, to name it to the user (absent in older callers). */
  orgName?: string;
}

/** What the session says, as the sync lifecycle needs it. */
export interface SessionInput {
  target: SyncTarget | null;
  /** Close the open store when there is no target (the user signed out, or has no active organisation). */
  closeWithoutTarget: boolean;
  /** The /me behind `target` came from the server just now (a sign-in or a refresh), not from the cache. */
  fresh: boolean;
  /**
   * From a /me the server answered just now (never from the cache): the account and every organisation it is
   * a member of. An open store of that account whose organisation is not listed must leave the device.
   */
  membership?: { accountId: string; orgIds: readonly string[] } | null;
}

/** The open store, as the lifecycle sees it. */
export interface RuntimeSummary {
  dbName: string;
  orgId: string;
  accountId: string;
  role: Role;
  /** The engine paused itself because the session is gone (phase 'signed-out'). */
  paused: boolean;
}

export type LifecycleAction = 'none' | 'open' | 'close' | 'reopen' | 'change-role' | 'resume' | 'remove';

export function targetFromMe(me: Me | null): SyncTarget | null {
  if (!me?.activeOrg || !me.role) return null;
  return { dbName: databaseName(me.activeOrg.id, me.account.id), orgId: me.activeOrg.id, accountId: me.account.id, role: me.role, orgName: me.activeOrg.name };
}

/** The membership a fresh /me proves (null for a cached one: the cache may be older than the removal). */
export function membershipOf(me: Me | null, fresh: boolean): SessionInput['membership'] {
  return me && fresh ? { accountId: me.account.id, orgIds: me.orgs.map((o) => o.id) } : null;
}

/**
 * The one step that brings the open store in line with the session:
 * - the server says (fresh /me) the account is no longer a member of the store's organisation: remove the
 *   store from the device (its unsent writes are counted and the user told);
 * - no target after an expired session: keep the store and its queued writes (park);
 * - no target after a sign-out: close (the data stays on the device);
 * - another organisation or account: close, then open the other one;
 * - same store, other role: restart the engine with the new role;
 * - same store, paused for auth, and a fresh /me: resume (queued writes go).
 */
export function decideAction(current: RuntimeSummary | null, input: SessionInput): LifecycleAction {
  const { target, membership } = input;
  if (current && membership && membership.accountId === current.accountId && !membership.orgIds.includes(current.orgId)) return 'remove';
  if (!target) return current && input.closeWithoutTarget ? 'close' : 'none';
  if (!current) return 'open';
  if (current.dbName !== target.dbName) return 'reopen';
  if (current.role !== target.role) return 'change-role';
  if (current.paused && input.fresh) return 'resume';
  return 'none';
}
