import { DEFAULT_ZONE, hasRole, PLANNER_ROLES, withDefaults, type OrgSettings, type Role } from '@coulisses/shared';
import { useMemo } from 'react';
import { useSession } from '../../auth/useSession';

export interface OrgContext {
  /** The organisation's IANA zone: every local date and time of the planning is in it. */
  tz: string;
  settings: OrgSettings;
  role: Role | null;
  accountId: string | null;
  isPlanner: boolean;
}

/** Reads the settings /me carries (activeOrg.settings), with the defaults when absent. */
export function settingsOf(activeOrg: unknown): OrgSettings {
  return withDefaults((activeOrg as { settings?: unknown } | null)?.settings);
}

/** The active organisation's zone and planning settings, and who the viewer is. */
export function useOrgContext(): OrgContext {
  const { me } = useSession();
  return useMemo(
    () => ({
      tz: me?.activeOrg?.timezone || DEFAULT_ZONE,
      settings: settingsOf(me?.activeOrg ?? null),
      role: me?.role ?? null,
      accountId: me?.account.id ?? null,
      isPlanner: hasRole(me?.role, PLANNER_ROLES),
    }),
    [me],
  );
}
