import { fetchMe } from '../api/me';
import type { Me } from '../api/types';
import { targetFromMe, type SyncTarget } from './lifecycle';

/**
 * Before a tab starts replicating: the server session is shared by the tabs, and another tab may have moved it
 * to another organisation. Answers true to go on (also when the server cannot be reached: nothing can be
 * pulled then); otherwise hands the server's /me to `apply` so this tab follows, and answers false.
 */
export async function confirmSessionTarget(target: SyncTarget, apply: (me: Me) => void): Promise<boolean> {
  let me: Me;
  try {
    me = await fetchMe();
  } catch {
    return true;
  }
  const actual = targetFromMe(me);
  if (actual?.dbName === target.dbName && actual.role === target.role) return true;
  apply(me);
  return actual?.dbName === target.dbName;
}
