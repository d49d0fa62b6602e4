import { createAccessControl } from 'better-auth/plugins/access';
import { defaultStatements } from 'better-auth/plugins/organization/access';

/**
 * better-auth's organisation permissions for our three roles. Business data permissions are not here:
 * they live in the shared entity registry; this only covers members, invitations and the organisation.
 */
export const ac = createAccessControl(defaultStatements);

export const orgRoles = {
  ADMIN: ac.newRole({
    organization: ['update'],
    member: ['create', 'update', 'delete'],
    invitation: ['create', 'cancel'],
    team: ['create', 'update', 'delete'],
    ac: ['create', 'read', 'update', 'delete'],
  }),
  MANAGER: ac.newRole({ organization: [], member: [], invitation: [], team: [], ac: ['read'] }),
  TECH: ac.newRole({ organization: [], member: [], invitation: [], team: [], ac: ['read'] }),
};
