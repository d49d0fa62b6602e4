import { rebuild } from '../analytics/refresh';
import type { Role } from '@coulisses/shared';
import type { Config } from '../config';
import type { Database } from '../db/connect';
import type { Deps } from '../deps';
import { audit } from '../audit/audit-log';
import { DEMO_ACCOUNTS, DEMO_INVITATION, DEMO_ORGS, DEMO_PASSWORD } from './demo-data';
import { SEASONS } from './season-content';
import { writeSeason, type SeasonResult } from './season-write';

/** Demo data goes into a new embedded database on its own, and into any database only when asked. */
export function shouldSeedDemo(config: Pick<Config, 'seedDemo'>, db: Pick<Database, 'kind'>): boolean {
  if (config.seedDemo === 'always') return true;
  return config.seedDemo === 'auto' && db.kind === 'pglite';
}

export type SeedDeps = Pick<Deps, 'auth' | 'db' | 'logger' | 'sync' | 'baseURL'>;

/**
 * Creates the demo organisations, accounts (through better-auth, so passwords are hashed as at sign-up), a
 * pending invitation, and each organisation's season (season-content.ts: people, venues, projects, missions
 * around today, assignments, last week's punches and timesheets, a kiosk and PINs) through the sync core. With
 * onlyIfEmpty it does nothing when any organisation exists. Idempotent: an existing demo organisation is kept,
 * and its season is added only when it has no people yet. `now` places the season (tests pin it).
 */
export async function seedDemo(deps: SeedDeps, opts: { onlyIfEmpty: boolean; now?: number }): Promise<boolean> {
  const { sql } = deps.db;
  const api = deps.auth.api;
  const started = Date.now();
  const [{ n } = { n: 0 }] = await sql<{ n: number }[]>`select count(*)::int as n from auth_organization`;
  if (opts.onlyIfEmpty && n > 0) return false;

  const accountIds = new Map<string, string>();
  for (const a of DEMO_ACCOUNTS) {
    const found = await sql<{ id: string }[]>`select id from auth_user where email = ${a.email}`;
    const id = found[0]?.id ?? (await api.signUpEmail({ body: { email: a.email, password: DEMO_PASSWORD, name: a.name } })).user.id;
    // Demo addresses are not real mailboxes: they count as verified.
    if (!found[0]) await sql`update auth_user set "emailVerified" = true where id = ${id}`;
    accountIds.set(a.email, id);
  }

  const orgIds = new Map<string, string>();
  const createdOrgs = new Set<string>();
  for (const o of DEMO_ORGS) {
    const existing = await sql<{ id: string }[]>`select id from auth_organization where slug = ${o.slug}`;
    if (existing[0]) {
      orgIds.set(o.slug, existing[0].id);
      continue;
    }
    const creator = DEMO_ACCOUNTS.find((a) => a.memberships.some((m) => m.org === o.slug && m.role === 'ADMIN'));
    const userId = accountIds.get(creator?.email ?? '');
    if (!userId) throw new Error(`demo org ${o.slug} has no ADMIN`);
    const org = await api.createOrganization({ body: { name: o.name, slug: o.slug, userId, timezone: o.timezone } });
    if (!org) throw new Error(`could not create demo org ${o.slug}`);
    orgIds.set(o.slug, org.id);
    createdOrgs.add(o.slug);
    for (const a of DEMO_ACCOUNTS) {
      const m = a.memberships.find((x) => x.org === o.slug);
      const id = accountIds.get(a.email);
      if (!m || !id || id === userId) continue;
      await api.addMember({ body: { userId: id, role: m.role, organizationId: org.id } });
    }
  }

  let invitationLink: string | null = null;
  const inviteOrg = orgIds.get(DEMO_INVITATION.org);
  if (inviteOrg && createdOrgs.has(DEMO_INVITATION.org)) {
    const signedIn = await api.signInEmail({ body: { email: DEMO_INVITATION.by, password: DEMO_PASSWORD }, returnHeaders: true });
    const headers = new Headers({ cookie: signedIn.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ') });
    const inv = (await api.createInvitation({ headers, body: { email: DEMO_INVITATION.email, role: DEMO_INVITATION.role, organizationId: inviteOrg } })) as { id: string };
    await audit(sql, { orgId: inviteOrg, actorAccountId: accountIds.get(DEMO_INVITATION.by) ?? null, action: 'invitation.created', entity: 'invitation', entityId: inv.id, data: { role: DEMO_INVITATION.role, seed: true } });
    await api.signOut({ headers });
    invitationLink = `${deps.baseURL}/invite/${inv.id}`;
  }

  const seasons: { slug: string; result: SeasonResult }[] = [];
  for (const season of SEASONS) {
    const org = DEMO_ORGS.find((o) => o.slug === season.slug)!;
    const orgId = orgIds.get(season.slug)!;
    const [row] = await sql<{ timezone: string | null }[]>`select timezone from auth_organization where id = ${orgId}`;
    const roles = new Map<string, Role>();
    for (const a of DEMO_ACCOUNTS) for (const m of a.memberships) if (m.org === season.slug) roles.set(a.email, m.role);
    const result = await writeSeason(
      { sync: deps.sync, sql, baseURL: deps.baseURL },
      { orgId, zone: row?.timezone || org.timezone, season, now: opts.now ?? Date.now(), accounts: accountIds, roles, plannerEmail: org.planner },
    );
    if (result) {
      seasons.push({ slug: season.slug, result });
      // Analytics at once (npm start): the warehouse and slices of the season, rebuilt from scratch.
      await rebuild({ db: deps.db, sync: deps.sync, logger: deps.logger }, orgId, opts.now ? new Date(opts.now) : undefined);
    }
  }

  if (createdOrgs.size === 0 && seasons.length === 0) return false;
  logDemo(deps, { invitationLink, seasons, ms: Date.now() - started });
  return true;
}

/** What a newcomer needs from the first start's log: where to sign in, the invitation and kiosk links. */
function logDemo(deps: SeedDeps, info: { invitationLink: string | null; seasons: { slug: string; result: SeasonResult }[]; ms: number }): void {
  const log = deps.logger;
  log.info({ orgs: DEMO_ORGS.map((o) => o.slug), accounts: DEMO_ACCOUNTS.length, ms: info.ms }, 'demo organisation created');
  for (const s of info.seasons) log.info({ org: s.slug, counts: s.result.counts }, 'demo season created');
  // The password is in README.md, never in a log.
  log.info(`demo: sign in at ${deps.baseURL}/sign-in with a demo account (README.md, "Demo")`);
  for (const a of DEMO_ACCOUNTS) {
    const where = a.memberships.map((m) => `${m.role} ${DEMO_ORGS.find((o) => o.slug === m.org)?.name ?? m.org}`).join(', ');
    log.info({ link: `${deps.baseURL}/sign-in?email=${encodeURIComponent(a.email)}` }, `demo account ${a.email} (${where})`);
  }
  if (info.invitationLink) log.info({ link: info.invitationLink }, `demo invitation for ${DEMO_INVITATION.email} (${DEMO_INVITATION.role}), also on the Admin page`);
  for (const s of info.seasons) {
    log.info({ link: s.result.kioskLink }, `demo kiosk "${s.result.kioskName}" (${s.slug}) enrolled: open this link on the tablet; PINs: ${s.result.pins.join(', ')}`);
  }
}
