import { useMemo } from 'react';
import { useSession } from '../../../auth/useSession';
import { orgPlanning, type OrgPlanning } from './org-planning';

/** The active organisation's zone (Europe/Paris by default), planning settings and convention profile. */
export function useOrgPlanning(): OrgPlanning {
  const activeOrg = useSession().me?.activeOrg ?? null;
  return useMemo(() => orgPlanning(activeOrg), [activeOrg]);
}
