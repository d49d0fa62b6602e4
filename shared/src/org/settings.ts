import { z } from 'zod';
import { Id, SafeText, StrictBoolean } from '../entities/common';
import { ROUNDING_SCOPES, type RoundingScopeRule } from '../timeclock/rounding';
import { NIGHT_PROFILES, ROUNDING_MODES, type TimeRules } from '../timeclock/types';

const HourMinute = SafeText.regex(/^([01]\d|2[0-3]):[0-5]\d$/);

/** Settings of an organisation (defaults apply until an ADMIN changes them): planning, then time clock. */
export const OrgSettingsSchema = z
  .object({
    convention: z.enum(['GENERAL', 'LIVE_PERFORMANCE']),
    agreementDaily12h: StrictBoolean,
    overlapPolicy: z.enum(['WARN', 'REFUSE']),
    availabilityApproval: StrictBoolean,
    /** Night window preset; CUSTOM uses nightStart/nightEnd/nightPremiumPct as set. */
    nightProfile: z.enum(['GENERAL', 'LIVE_PERFORMANCE', 'IDCC_2717', 'CUSTOM']),
    nightStart: HourMinute,
    nightEnd: HourMinute,
    nightPremiumPct: z.number().min(0).max(200),
    /** Rounding of the total paid time of a timesheet (0 = none); raw punches are always kept. */
    roundingMinutes: z.number().int().min(0).max(60),
    roundingMode: z.enum(ROUNDING_MODES),
    /** A punch outside the venue's geofence: not checked, flagged, or refused. */
    geofenceMode: z.enum(['OFF', 'FLAG', 'REFUSE']),
    /** Taps of the same kind by the same person within this many seconds count once. */
    repeatTapSeconds: z.number().int().min(0).max(600),
    /** A device clock further than this from the server's is flagged. */
    skewToleranceSeconds: z.number().int().min(5).max(86_400),
    /** A kiosk punch for a person of the organisation who is not on that venue's roster that day: refused, or flagged. */
    kioskRosterPolicy: z.enum(['REFUSE', 'FLAG']),
    /**
     * What the payroll rounds (optional, newer than the stored rows; withDefaults fills it): MONTH rounds each
     * person's month total once (no drift), TIMESHEET pays each timesheet's rounded minutes.
     */
    roundingScope: z.enum(ROUNDING_SCOPES).optional(),
    /** Labour rule switches (optional, on by default): daily rest and amplitude, weekly rest, 6 working days, break, night worker. */
    ruleDailyRest: StrictBoolean.optional(),
    ruleWeeklyRest: StrictBoolean.optional(),
    ruleWorkingDays: StrictBoolean.optional(),
    ruleBreaks: StrictBoolean.optional(),
    ruleNightWorker: StrictBoolean.optional(),
    /** The organisation's accent colour (#rgb or #rrggbb): kiosk top bar and badges, the app's accent; the brand's when absent. */
    accentColor: SafeText.regex(/^#([0-9a-f]{3}|[0-9a-f]{6})$/i).optional(),
    /**
     * Analytics (issue 13): the accounts besides ADMINs who read pay figures (the an_pay slices name them in
     * readerAccountIds); none when absent.
     */
    payReaderAccountIds: z.array(Id).max(500).optional(),
    /** Months of analytics slices synced to devices (this month and those before); SLICE_DEFAULT_MONTHS (13) when absent. */
    analyticsSliceMonths: z.number().int().min(1).max(36).optional(),
    /** Notifications (issue 15): hours before a mission's start when its crew get a reminder (0: none); 24 when absent. */
    reminderHours: z.number().int().min(0).max(168).optional(),
  })
  .strict();

export type OrgSettings = z.infer<typeof OrgSettingsSchema>;

/** The payroll rounding scope and the labour rule switches (stored with the time clock's fields). */
export const RULE_SETTING_KEYS = ['roundingScope', 'ruleDailyRest', 'ruleWeeklyRest', 'ruleWorkingDays', 'ruleBreaks', 'ruleNightWorker'] as const;

/** Branding: optional, no default (the brand colour applies). */
export const BRANDING_SETTING_KEYS = ['accentColor'] as const;

/** Analytics: who reads pay figures, how many months of slices (optional, no default stored). */
export const ANALYTICS_SETTING_KEYS = ['payReaderAccountIds', 'analyticsSliceMonths'] as const;

/** Notifications: the reminder before a mission (optional, REMINDER_DEFAULT_HOURS when absent). */
export const NOTIFICATION_SETTING_KEYS = ['reminderHours'] as const;
export const REMINDER_DEFAULT_HOURS = 24;

/** The fields of OrgSettings stored as one JSON column (the time clock's, the rule switches, the branding, analytics). */
export const TIMECLOCK_SETTING_KEYS = ['nightProfile', 'nightStart', 'nightEnd', 'nightPremiumPct', 'roundingMinutes', 'roundingMode', 'geofenceMode', 'repeatTapSeconds', 'skewToleranceSeconds', 'kioskRosterPolicy', ...RULE_SETTING_KEYS, ...BRANDING_SETTING_KEYS, ...ANALYTICS_SETTING_KEYS, ...NOTIFICATION_SETTING_KEYS] as const;

export const DEFAULT_ORG_SETTINGS: OrgSettings = {
  convention: 'LIVE_PERFORMANCE',
  agreementDaily12h: false,
  overlapPolicy: 'WARN',
  availabilityApproval: true,
  nightProfile: 'LIVE_PERFORMANCE',
  nightStart: NIGHT_PROFILES.LIVE_PERFORMANCE.start,
  nightEnd: NIGHT_PROFILES.LIVE_PERFORMANCE.end,
  nightPremiumPct: NIGHT_PROFILES.LIVE_PERFORMANCE.premiumPct,
  roundingMinutes: 5,
  roundingMode: 'NEAREST',
  geofenceMode: 'FLAG',
  repeatTapSeconds: 10,
  skewToleranceSeconds: 120,
  kioskRosterPolicy: 'REFUSE',
  roundingScope: 'MONTH',
  ruleDailyRest: true,
  ruleWeeklyRest: true,
  ruleWorkingDays: true,
  ruleBreaks: true,
  ruleNightWorker: true,
};

/** Settings with defaults for what is missing or invalid (stored rows predate newer fields). */
export function withDefaults(raw: unknown): OrgSettings {
  const out: Record<string, unknown> = { ...DEFAULT_ORG_SETTINGS };
  const shape = OrgSettingsSchema.shape as Record<string, z.ZodType>;
  if (raw && typeof raw === 'object') {
    for (const [key, value] of Object.entries(raw)) {
      if (key in shape && shape[key]!.safeParse(value).success) out[key] = value;
    }
  }
  return out as OrgSettings;
}

/**
 * The time rules of an organisation: its zone, rounding and night window (a preset wins over custom times), and
 * what the payroll rounds (roundingScope, read by monthlyPayroll).
 */
export function timeRulesOf(settings: OrgSettings, zone: string): TimeRules & RoundingScopeRule {
  const preset = settings.nightProfile === 'CUSTOM' ? null : NIGHT_PROFILES[settings.nightProfile];
  return {
    zone,
    roundingMinutes: settings.roundingMinutes,
    roundingMode: settings.roundingMode,
    nightStart: preset ? preset.start : settings.nightStart,
    nightEnd: preset ? preset.end : settings.nightEnd,
    nightPremiumPct: preset ? preset.premiumPct : settings.nightPremiumPct,
    repeatTapSeconds: settings.repeatTapSeconds,
    roundingScope: settings.roundingScope ?? 'MONTH',
  };
}
