import type { Role } from '@coulisses/shared';

/** The demo organisations and accounts. README.md lists them; keep both in step. */
export const DEMO_PASSWORD = 'coulisses2026';

export interface DemoAccount {
  email: string;
  name: string;
  memberships: { org: string; role: Role }[];
}

/** `planner`: the account that plans the organisation's season and validates its timesheets (season-write.ts). */
export const DEMO_ORGS = [
  { slug: 'grand-plateau', name: 'Compagnie du Grand Plateau', timezone: 'Europe/Paris', planner: 'manager@coulisses.demo' },
  { slug: 'nuits-blanches', name: 'Festival Nuits Blanches', timezone: 'Europe/Paris', planner: 'regie@nuits-blanches.demo' },
] as const;

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: 'admin@coulisses.demo', name: 'Alice Garnier', memberships: [{ org: 'grand-plateau', role: 'ADMIN' }, { org: 'nuits-blanches', role: 'ADMIN' }] },
  { email: 'manager@coulisses.demo', name: 'Marc Lefebvre', memberships: [{ org: 'grand-plateau', role: 'MANAGER' }] },
  { email: 'tech@coulisses.demo', name: 'Theo Marchand', memberships: [{ org: 'grand-plateau', role: 'TECH' }] },
  { email: 'regie@nuits-blanches.demo', name: 'Rita Moreau', memberships: [{ org: 'nuits-blanches', role: 'MANAGER' }] },
];

/** A pending invitation, so the Admin page shows one and its link can be tried. */
export const DEMO_INVITATION = { org: 'grand-plateau', email: 'nouvelle@coulisses.demo', role: 'TECH' as Role, by: 'admin@coulisses.demo' };
