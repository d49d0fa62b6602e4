import type { Role } from '@coulisses/shared';

/** The demo organisations and accounts. README.md lists them; keep both in step. */
export const DEMO_PASSWORD = 'coulisses2026';

export interface DemoAccount {
  email: string;
  name: string;
  memberships: { org: string; role: Role }[];
}

export const DEMO_ORGS = [
  { slug: 'grand-plateau', name: 'Compagnie du Grand Plateau', timezone: 'Europe/Paris' },
  { slug: 'nuits-blanches', name: 'Festival Nuits Blanches', timezone: 'Europe/Paris' },
] as const;

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: 'admin@coulisses.demo', name: 'Alice Admin', memberships: [{ org: 'grand-plateau', role: 'ADMIN' }, { org: 'nuits-blanches', role: 'ADMIN' }] },
  { email: 'manager@coulisses.demo', name: 'Marc Manager', memberships: [{ org: 'grand-plateau', role: 'MANAGER' }] },
  { email: 'tech@coulisses.demo', name: 'Theo Tech', memberships: [{ org: 'grand-plateau', role: 'TECH' }] },
  { email: 'regie@nuits-blanches.demo', name: 'Rita Regie', memberships: [{ org: 'nuits-blanches', role: 'MANAGER' }] },
];

/** A pending invitation, so the Admin page shows one and its link can be tried. */
export const DEMO_INVITATION = { org: 'grand-plateau', email: 'nouvelle@coulisses.demo', role: 'TECH' as Role, by: 'admin@coulisses.demo' };
