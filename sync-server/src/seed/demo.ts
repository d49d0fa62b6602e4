import type { Config } from '../config';
import type { Database } from '../db/connect';
import type { Deps } from '../deps';
import { audit } from '../audit/audit-log';
import { DEMO_ACCOUNTS, DEMO_INVITATION, DEMO_ORGS, DEMO_PASSWORD } from './demo-data';

/** Demo data goes into a new embedded database on its own, and into any database only when asked. */
export function shouldSeedDemo(config: Pick<Config, 'seedDemo'>, db: Pick<Database, 'kind'>): boolean {
  if (config.seedDemo === 'always') return true;
  return config.seedDemo === 'auto' && db.kind === 'pglite';
}

/**
 * Creates the demo organisations, accounts (through better-auth, so passwords are hashed as at sign-up)
 * and a pending invitation. With onlyIfEmpty it does nothing when any organisation exists; it is also
 * idempotent on the demo slugs.
 */
export async function seedDemo(deps: Pick<Deps, 'auth' | 'db' | 'logger'>, opts: { onlyIfEmpty: boolean }): Promise<boolean> {
  const { sql } = deps.db;
  const api = deps.auth.api;
  const [{ n } = { n: 0 }] = await sql<{ n: number }[]>`select count(*)::int as n from auth_organization`;
  if (opts.onlyIfEmpty && n > 0) return false;
  const existing = await sql`select 1 from auth_organization where slug = ${DEMO_ORGS[0].slug}`;
  if (existing.length > 0) return false;

  const accountIds = new Map<string, string>();
  for (const a of DEMO_ACCOUNTS) {
    const found = await sql<{ id: string }[]>`select id from auth_user where email = ${a.email}`;
    const id = found[0]?.id ?? (await api.signUpEmail({ body: { email: a.email, password: DEMO_PASSWORD, name: a.name } })).user.id;
    accountIds.set(a.email, id);
  }

  const orgIds = new Map<string, string>();
  for (const o of DEMO_ORGS) {
    const creator = DEMO_ACCOUNTS.find((a) => a.memberships.some((m) => m.org === o.slug && m.role === 'ADMIN'));
    const userId = accountIds.get(creator?.email ?? '');
    if (!userId) throw new Error(`demo org ${o.slug} has no ADMIN`);
    const org = await api.createOrganization({ body: { name: o.name, slug: o.slug, userId, timezone: o.timezone } });
    if (!org) throw new Error(`could not create demo org ${o.slug}`);
    orgIds.set(o.slug, org.id);
    for (const a of DEMO_ACCOUNTS) {
      const m = a.memberships.find((x) => x.org === o.slug);
      const id = accountIds.get(a.email);
      if (!m || !id || id === userId) continue;
      await api.addMember({ body: { userId: id, role: m.role, organizationId: org.id } });
    }
  }

  const inviteOrg = orgIds.get(DEMO_INVITATION.org);
  const signedIn = await api.signInEmail({ body: { email: DEMO_INVITATION.by, password: DEMO_PASSWORD }, returnHeaders: true });
  const cookie = signedIn.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  if (inviteOrg) {
    const headers = new Headers({ cookie });
    const inv = await api.createInvitation({ headers, body: { email: DEMO_INVITATION.email, role: DEMO_INVITATION.role, organizationId: inviteOrg } });
    await audit(sql, { orgId: inviteOrg, actorAccountId: accountIds.get(DEMO_INVITATION.by) ?? null, action: 'invitation.created', entity: 'invitation', entityId: (inv as { id: string }).id, data: { role: DEMO_INVITATION.role, seed: true } });
    await api.signOut({ headers });
  }
  deps.logger.info({ orgs: DEMO_ORGS.map((o) => o.slug), accounts: DEMO_ACCOUNTS.length }, 'demo organisation created');
  return true;
}
