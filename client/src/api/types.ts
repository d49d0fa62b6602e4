import type { OrgSettings, Role } from '@coulisses/shared';

/** Shapes of the /api/v1 answers the client uses. */
export interface Account {
  id: string;
  email: string;
  name: string;
}

export interface ActiveOrg {
  id: string;
  name: string;
  slug: string;
  timezone: string;
  /** Planning settings; absent in a /me cached by an older version of the app. */
  settings?: OrgSettings;
}

export interface OrgMembership {
  id: string;
  name: string;
  slug: string;
  role: Role;
}

/** GET /api/v1/me */
export interface Me {
  account: Account;
  activeOrg: ActiveOrg | null;
  role: Role | null;
  orgs: OrgMembership[];
}

export interface Member {
  id: string;
  accountId: string;
  email: string;
  name: string;
  role: Role;
  createdAt: string;
}

export interface Invitation {
  id: string;
  email: string;
  role: Role;
  status: string;
  expiresAt: string;
  link?: string;
}

/** GET /api/v1/invitations/:id, readable without a session. */
export interface PublicInvitation {
  id: string;
  email: string;
  role: Role;
  status: string;
  expiresAt: string;
  orgName: string;
  expired: boolean;
}
