import { Hono } from 'hono';
import { z } from 'zod';
import { text } from '@coulisses/shared/entities/common';
import type { Deps } from '../deps';
import type { AppEnv, Caller } from '../http/context';
import { AppError } from '../http/errors';
import { readJson } from '../http/validate';
import { callAuth } from '../auth/call';
import { requireAccount } from '../auth/caller';
import { listMemberships } from './repo';
import { getOrgSettings } from './settings-repo';

/** The body of GET /api/v1/me: who I am, my organisations, the active one and my role there. */
export async function meBody(deps: Deps, caller: Pick<Caller, 'accountId' | 'email' | 'name'>, activeOrgId: string | null) {
  const orgs = await listMemberships(deps.db.sql, caller.accountId);
  const active = orgs.find((o) => o.id === activeOrgId) ?? null;
  return {
    account: { id: caller.accountId, email: caller.email, name: caller.name },
    activeOrg: active ? { id: active.id, name: active.name, slug: active.slug, timezone: active.timezone, settings: await getOrgSettings(deps.db.sql, active.id) } : null,
    role: active?.role ?? null,
    orgs: orgs.map((o) => ({ id: o.id, name: o.name, slug: o.slug, role: o.role })),
  };
}

const ActiveOrgBody = z.object({ orgId: text(100).min(1) }).strict();

export function meRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();

  app.get('/', async (c) => {
    const caller = requireAccount(c);
    return c.json(await meBody(deps, caller, caller.activeOrgId));
  });

  /**
   * The app's start-up question "am I signed in?": 200 either way ({signedIn: false} without a session), so the
   * sign-in page loads without a failed request (a 401 on GET /me shows as an error in the browser console).
   */
  app.get('/session', async (c) => {
    const caller = c.get('caller');
    if (!caller) return c.json({ signedIn: false as const });
    return c.json({ signedIn: true as const, me: await meBody(deps, caller, caller.activeOrgId) });
  });

  /** Switches the active organisation of this session; only to an organisation the account belongs to. */
  app.put('/active-org', async (c) => {
    const caller = requireAccount(c);
    const { orgId } = await readJson(c, ActiveOrgBody);
    const orgs = await listMemberships(deps.db.sql, caller.accountId);
    if (!orgs.some((o) => o.id === orgId)) throw new AppError('NOT_FOUND');
    await callAuth(() => deps.auth.api.setActiveOrganization({ headers: c.req.raw.headers, body: { organizationId: orgId } }));
    await deps.feed.accessChanged({ accountId: caller.accountId });
    return c.json(await meBody(deps, caller, orgId));
  });

  return app;
}
