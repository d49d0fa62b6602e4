import type { DomainHooks, EntityDocs, HookContext, PrefetchRow } from '../sync/hooks';
import { linkedElsewhere, loadAccountLinks, noteAccountLink } from './account-links';

/** A login account is linked to at most one schedulable person of the organisation. */
async function accountLinkCheck(doc: EntityDocs['users'], ctx: HookContext): Promise<string | null> {
  if (doc._deleted || typeof doc.accountId !== 'string' || doc.accountId === ctx.before?.accountId) return null;
  const cached = linkedElsewhere(ctx.tx, doc.accountId, doc.id);
  if (cached !== undefined) return cached ? 'ACCOUNT_ALREADY_LINKED' : null;
  await ctx.tx.flush();
  const rows = await ctx.tx.sql`
    select 1 from users where org_id = ${ctx.orgId} and not deleted and id <> ${doc.id} and doc->>'accountId' = ${doc.accountId} limit 1`;
  return rows.length > 0 ? 'ACCOUNT_ALREADY_LINKED' : null;
}

/** The accounts a batch of people links, read at once (one query per batch instead of one per person). */
async function accountLinkPrefetch(rows: readonly PrefetchRow<EntityDocs['users']>[], ctx: HookContext): Promise<void> {
  const accounts = rows.flatMap(({ doc, before }) => (!doc._deleted && typeof doc.accountId === 'string' && doc.accountId !== before?.accountId ? [doc.accountId] : []));
  await loadAccountLinks(ctx.tx, accounts);
}

/** The organisation's people and reference data. */
export const orgHooks: DomainHooks = {
  domain: 'org',
  entities: {
    users: { prefetch: accountLinkPrefetch, check: accountLinkCheck, afterWrite: (after, ctx) => noteAccountLink(ctx.tx, after) },
  },
};
