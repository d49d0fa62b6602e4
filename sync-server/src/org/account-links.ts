import type { SyncDoc } from '@coulisses/shared';
import type { SyncTx } from '../sync/sync-tx';

/**
 * The persons linked to the login accounts a pushed batch of people links (the one-person-per-account check),
 * read for the whole batch in one query and kept current by every person written in the transaction
 * (noteAccountLink). A question about an account not asked answers undefined: the caller reads the database.
 */

const KEY = Symbol('org.account-links');
const heldOf = (tx: SyncTx): Map<string, Set<string>> => tx.state(KEY, () => new Map());

/** Reads the live persons linked to these accounts (those not read yet in this transaction). */
export async function loadAccountLinks(tx: SyncTx, accountIds: Iterable<string>): Promise<void> {
  const held = heldOf(tx);
  const wanted = [...new Set(accountIds)].filter((a) => !held.has(a));
  if (wanted.length === 0) return;
  await tx.flush();
  const rows = await tx.sql<{ id: string; account_id: string }[]>`
    select id, doc->>'accountId' as account_id from users where org_id = ${tx.orgId} and not deleted and doc->>'accountId' = any(${wanted}::text[])`;
  for (const a of wanted) held.set(a, new Set());
  for (const r of rows) held.get(r.account_id)?.add(r.id);
}

/** Whether another live person than `userId` is linked to the account, or undefined when it was not read. */
export function linkedElsewhere(tx: SyncTx, accountId: string, userId: string): boolean | undefined {
  const linked = heldOf(tx).get(accountId);
  if (!linked) return undefined;
  for (const id of linked) if (id !== userId) return true;
  return false;
}

/** Keeps the links held current after a person's write of the transaction (users afterWrite). */
export function noteAccountLink(tx: SyncTx, after: SyncDoc): void {
  const held = heldOf(tx);
  if (held.size === 0) return;
  for (const set of held.values()) set.delete(after.id);
  if (!after._deleted && typeof after.accountId === 'string') held.get(after.accountId)?.add(after.id);
}
