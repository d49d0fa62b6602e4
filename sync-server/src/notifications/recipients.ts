import { entityByName, type SyncDoc } from '@coulisses/shared';
import type { Sql } from '../db/connect';
import type { Tx } from '../sync/store';
import { selectLiveWhere, selectRows } from '../sync/store';

/** Who a message about a schedulable person goes to: their account when linked, else the email of their card. */
export interface Recipient {
  userId: string;
  accountId: string | null;
  email: string;
  name: string;
  locale: string | null;
}

/** Documents by id: the live ones, and with `withDeleted` the tombstones too (their last state, `_deleted: true`). */
export async function liveDocs(sql: Sql, entity: string, orgId: string, ids: readonly string[], opts: { withDeleted?: boolean } = {}): Promise<Map<string, SyncDoc>> {
  const rows = await selectRows(sql as unknown as Tx, entityByName(entity)!, orgId, [...new Set(ids)]);
  const out = new Map<string, SyncDoc>();
  for (const [id, row] of rows) if (!row.deleted || opts.withDeleted) out.set(id, { ...(row.doc as SyncDoc), _deleted: row.deleted });
  return out;
}

export function liveWhere(sql: Sql, entity: string, orgId: string, field: string, values: readonly string[]): Promise<SyncDoc[]> {
  return selectLiveWhere(sql as unknown as Tx, entityByName(entity)!, orgId, field, [...new Set(values)]);
}

/** The recipients of these persons (one query for the persons, one for their accounts); a person with neither is left out. */
export async function recipientsOf(sql: Sql, orgId: string, userIds: readonly string[]): Promise<Map<string, Recipient>> {
  const users = await liveDocs(sql, 'users', orgId, userIds);
  const accountIds = [...users.values()].map((u) => u.accountId).filter((a): a is string => typeof a === 'string');
  const accounts = accountIds.length
    ? await sql<{ id: string; email: string; name: string; locale: string }[]>`
        select u.id, u.email, u.name, u.locale from auth_user u
        join auth_member m on m."userId" = u.id and m."organizationId" = ${orgId}
        where u.id = any(${accountIds}::text[])`
    : [];
  const byAccount = new Map(accounts.map((a) => [a.id, a]));
  const out = new Map<string, Recipient>();
  for (const [id, u] of users) {
    const account = typeof u.accountId === 'string' ? byAccount.get(u.accountId) : undefined;
    const name = `${String(u.firstName ?? '')} ${String(u.lastName ?? '')}`.trim();
    if (account) out.set(id, { userId: id, accountId: account.id, email: account.email, name: name || account.name, locale: account.locale });
    else if (typeof u.email === 'string' && /^[^@\s]+@[^@\s]+$/.test(u.email)) out.set(id, { userId: id, accountId: null, email: u.email, name, locale: null });
  }
  return out;
}

export async function orgFacts(sql: Sql, orgId: string): Promise<{ name: string; timezone: string | null } | undefined> {
  const [row] = await sql<{ name: string; timezone: string | null }[]>`select name, timezone from auth_organization where id = ${orgId}`;
  return row;
}
