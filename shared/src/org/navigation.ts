import type { Role } from './roles';

/**
 * The app's sections and which roles see them. The server enforces the same roles on the data. `home` is where a
 * role landing on the section goes: its default sub-page, directly (not through the section's own index redirect,
 * which, once the section's code arrives, could follow a click made meanwhile).
 */
export const SECTIONS = [
  { id: 'planning', path: '/planning', home: '/planning/calendar', roles: ['ADMIN', 'MANAGER'] },
  { id: 'myMissions', path: '/my-missions', roles: ['ADMIN', 'MANAGER', 'TECH'] },
  { id: 'timeclock', path: '/timeclock', home: '/timeclock/punch', roles: ['ADMIN', 'MANAGER', 'TECH'] },
  { id: 'kpi', path: '/kpi', home: '/kpi/dashboards', roles: ['ADMIN', 'MANAGER', 'TECH'] },
  { id: 'analytics', path: '/analytics', roles: ['ADMIN', 'MANAGER'] },
  { id: 'equipment', path: '/equipment', roles: ['ADMIN', 'MANAGER'] },
  { id: 'conflicts', path: '/conflicts', roles: ['ADMIN', 'MANAGER'] },
  { id: 'admin', path: '/admin', roles: ['ADMIN'] },
] as const satisfies readonly { id: string; path: string; home?: string; roles: readonly Role[] }[];

export type SectionId = (typeof SECTIONS)[number]['id'];

export function sectionsFor(role: Role | null | undefined): (typeof SECTIONS)[number][] {
  if (!role) return [];
  return SECTIONS.filter((s) => (s.roles as readonly Role[]).includes(role));
}
