import type { DomainHooks, EntityDocs, HookContext } from '../sync/hooks';

/** A login account is linked to at most one schedulable person of the organisation. */
async function accountLinkCheck(doc: EntityDocs['users'], ctx: HookContext): Promise<string | null> {
  if (doc._deleted || typeof doc.accountId !== 'string' || doc.accountId === ctx.before?.accountId) return null;
  await ctx.tx.flush();
  const rows = await ctx.tx.sql`
    select 1 from users where org_id = ${ctx.orgId} and not deleted and id <> ${doc.id} and doc->>'accountId' = ${doc.accountId} limit 1`;
  return rows.length > 0 ? 'ACCOUNT_ALREADY_LINKED' : null;
}

/** The organisation's people and reference data. */
export const orgHooks: DomainHooks = {
  domain: 'org',
  entities: {
    users: { check: accountLinkCheck },
  },
};
