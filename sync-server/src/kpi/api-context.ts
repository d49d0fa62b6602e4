import { ROLES, type Role } from '@coulisses/shared';
import type { Context } from 'hono';
import { requireRole } from '../auth/caller';
import type { Deps } from '../deps';
import type { AppEnv, OrgCaller } from '../http/context';
import { AppError } from '../http/errors';
import { resolveViewer, type ViewerContext } from '../sync/viewer';

/** Every member reaches the KPI routes; what each one reads and writes is the registry's decision (read scope, write policy). */
export const KPI_API_ROLES: readonly Role[] = ROLES;

/** The caller and its viewer context (role, account, person), as a pull or a push would have them. */
export async function kpiCaller(c: Context<AppEnv>, deps: Deps): Promise<{ caller: OrgCaller; ctx: ViewerContext }> {
  const caller = requireRole(c, KPI_API_ROLES);
  return { caller, ctx: await resolveViewer(deps.db.sql, caller) };
}

/** A path parameter: the id shape of the registry (1-40 characters), else 404 like an unknown id. */
export function idParam(c: Context<AppEnv>, name = 'id'): string {
  const id = c.req.param(name) ?? '';
  if (id.length < 1 || id.length > 40) throw new AppError('NOT_FOUND');
  return id;
}

export function notFound(): never {
  throw new AppError('NOT_FOUND');
}
