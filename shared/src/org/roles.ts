/** Roles of an account inside one organisation, from the most to the least privileged. */
export const ROLES = ['ADMIN', 'MANAGER', 'TECH'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** True when `role` is one of `allowed`. An unknown or missing role is never allowed. */
export function hasRole(role: Role | null | undefined, allowed: readonly Role[]): boolean {
  return role != null && allowed.includes(role);
}

/** Roles that may plan (edit projects, missions, assignments). */
export const PLANNER_ROLES: readonly Role[] = ['ADMIN', 'MANAGER'];
/** Roles that may administer the organisation (members, invitations, settings). */
export const ADMIN_ROLES: readonly Role[] = ['ADMIN'];
