import { useUsers } from '../queries';
import type { UserDoc } from '../types';
import { useOrgContext } from './useOrgContext';

/** The signed-in account's schedulable person: the users document whose accountId is the account. */
export function useMyUser(): { user: UserDoc | null; loading: boolean } {
  const { accountId } = useOrgContext();
  const { docs, loading } = useUsers();
  // The server links an account to the oldest such person (smallest UUIDv7): do the same.
  const mine = docs.filter((u) => accountId !== null && u.accountId === accountId).sort((a, b) => a.id.localeCompare(b.id));
  return { user: mine[0] ?? null, loading };
}
