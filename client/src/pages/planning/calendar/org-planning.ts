import { DEFAULT_ZONE, profileForSettings, withDefaults, type ConventionProfile, type OrgSettings } from '@coulisses/shared';

/** What the planning views need of the active organisation: its zone, its settings and its rules. */
export interface OrgPlanning {
  tz: string;
  settings: OrgSettings;
  profile: ConventionProfile;
}

function validZone(tz: unknown): string {
  if (typeof tz !== 'string' || !tz) return DEFAULT_ZONE;
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return tz;
  } catch {
    return DEFAULT_ZONE;
  }
}

/** The organisation's convention profile (shared profileForSettings: 12 h by agreement, rule switches, night period). */
export function profileFor(settings: OrgSettings): ConventionProfile {
  return profileForSettings(settings);
}

/** From /me's activeOrg (timezone, settings); defaults when a field is missing or malformed. */
export function orgPlanning(activeOrg: unknown): OrgPlanning {
  const org = (activeOrg ?? {}) as { timezone?: unknown; settings?: unknown };
  const settings: OrgSettings = withDefaults(org.settings);
  return { tz: validZone(org.timezone), settings, profile: profileFor(settings) };
}
