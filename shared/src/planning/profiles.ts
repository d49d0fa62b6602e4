import type { OrgSettings } from '../org/settings';
import { NIGHT_PROFILES } from '../timeclock/types';

/**
 * Limits of night workers (Code du travail L3122-5 to L3122-7). A person is a night worker in a civil week when
 * at least `minNightDaysPerWeek` of their working periods starting that week hold at least `minNightHours` of
 * work inside the night period [nightStart, nightEnd) (local wall-clock times; start > end spans midnight).
 */
export interface NightWorkerLimits {
  nightStart: string;
  nightEnd: string;
  minNightHours: number;
  minNightDaysPerWeek: number;
  /** L3122-6: work of a working period with night work, at most (hours). */
  dailyMaxHours: number;
  /** L3122-7: average weekly work over `averageWeeks` consecutive weeks, at most (hours). */
  weeklyAverageMaxHours: number;
  averageWeeks: number;
}

/** Which rules an organisation checks (each can be switched off in its settings). */
export interface RuleSwitches {
  /** Daily rest, amplitude and the reduced-rest caps (L3131-1, IDCC 2717 art. 5.1.2). */
  dailyRest: boolean;
  /** 35 consecutive hours of weekly rest (L3132-2). */
  weeklyRest: boolean;
  /** At most `maxWorkingDaysPerWeek` working days in a civil week (L3132-1). */
  workingDays: boolean;
  /** 20 minutes of break after 6 h of work, on punches (L3121-16). */
  breaks: boolean;
  /** Night worker limits (L3122-6, L3122-7), where the profile has them. */
  nightWorker: boolean;
}

/**
 * Working-time limits per organisation, from its convention profile. Aids to compliance, not legal advice:
 * an organisation may tighten them (and may choose the 12 h daily maximum where an agreement allows it).
 * docs/decisions/labour-rules.md gives each rule, its source and the reading applied.
 */
export interface ConventionProfile {
  /** GENERAL: Code du travail; IDCC_2717: its convention; LIVE_PERFORMANCE: the organisation setting of that name. */
  id: 'GENERAL' | 'IDCC_2717' | 'LIVE_PERFORMANCE';
  /** Daily maximum of work, in hours. */
  dailyMaxHours: number;
  /** Absolute weekly maximum, in hours (calendar week, Monday to Sunday). */
  weeklyMaxHours: number;
  /** Maximum of the average weekly work over `averageWeeks` consecutive weeks. */
  weeklyAverageMaxHours: number;
  averageWeeks: number;
  /** Minimum consecutive daily rest, in hours (L3131-1: 11 in every 24 h period). */
  dailyRestHours: number;
  /** Reduced daily rest allowed by the convention (equal to dailyRestHours: none). */
  reducedRestHours: number;
  /** How many reduced rests per civil week (0: none). */
  maxReducedRestsPerWeek: number;
  /** How many reduced rests per 7 consecutive days (0: no such cap). Both caps apply. */
  maxReducedRestsPer7Days: number;
  /** Minimum consecutive weekly rest, in hours (L3132-2: 24 + 11). */
  weeklyRestHours: number;
  /** Working days per civil week, at most (L3132-1: 6). */
  maxWorkingDaysPerWeek: number;
  /** L3121-16: a break of `breakMinutes` consecutive minutes once work reaches `breakAfterHours`. */
  breakAfterHours: number;
  breakMinutes: number;
  /** Night worker limits, null where the profile has none. */
  nightWorker: NightWorkerLimits | null;
  rules: RuleSwitches;
}

export const ALL_RULES: RuleSwitches = { dailyRest: true, weeklyRest: true, workingDays: true, breaks: true, nightWorker: true };

/** Code du travail L3122-2 (default night period 21:00-06:00), L3122-5 (status), L3122-6 (8 h), L3122-7 (40 h over 12 weeks). */
export const CODE_NIGHT_WORKER: NightWorkerLimits = {
  nightStart: NIGHT_PROFILES.GENERAL.start,
  nightEnd: NIGHT_PROFILES.GENERAL.end,
  minNightHours: 3,
  minNightDaysPerWeek: 2,
  dailyMaxHours: 8,
  weeklyAverageMaxHours: 40,
  averageWeeks: 12,
};

/**
 * Code du travail: 10 h a day (L3121-18), 48 h a week and 44 h on average over 12 weeks (L3121-20, -22), 11 h of
 * daily rest in every 24 h (L3131-1), 35 h of weekly rest and 6 working days a week (L3132-1, -2), 20 minutes of
 * break after 6 h (L3121-16), night worker limits (L3122-6, -7).
 */
export const GENERAL_PROFILE: ConventionProfile = {
  id: 'GENERAL',
  dailyMaxHours: 10,
  weeklyMaxHours: 48,
  weeklyAverageMaxHours: 44,
  averageWeeks: 12,
  dailyRestHours: 11,
  reducedRestHours: 11,
  maxReducedRestsPerWeek: 0,
  maxReducedRestsPer7Days: 0,
  weeklyRestHours: 35,
  maxWorkingDaysPerWeek: 6,
  breakAfterHours: 6,
  breakMinutes: 20,
  nightWorker: CODE_NIGHT_WORKER,
  rules: ALL_RULES,
};

/**
 * IDCC 2717 (entreprises techniques au service de la creation et de l'evenement), art. 5.1: as the general rules,
 * and the daily rest may go down to 9 h at most twice per civil week and three times per 7 consecutive days
 * (art. 5.1.2; both caps apply, see docs/decisions/labour-rules.md).
 */
export const IDCC_2717_PROFILE: ConventionProfile = {
  ...GENERAL_PROFILE,
  id: 'IDCC_2717',
  reducedRestHours: 9,
  maxReducedRestsPerWeek: 2,
  maxReducedRestsPer7Days: 3,
};

/**
 * The organisation setting LIVE_PERFORMANCE (labelled "spectacle vivant, IDCC 2717"; the stored value keeps its
 * name): the IDCC 2717 rules. The live-performance night period (L3122-3, 00:00-07:00) is a night profile of its
 * own (NIGHT_PROFILES.LIVE_PERFORMANCE), chosen separately in the settings.
 */
export const LIVE_PERFORMANCE_PROFILE: ConventionProfile = { ...IDCC_2717_PROFILE, id: 'LIVE_PERFORMANCE' };

export const PROFILES = { GENERAL: GENERAL_PROFILE, IDCC_2717: IDCC_2717_PROFILE, LIVE_PERFORMANCE: LIVE_PERFORMANCE_PROFILE } as const;

/** The profile with the daily maximum raised to 12 h where an agreement allows it. */
export function withAgreementDailyMax(profile: ConventionProfile): ConventionProfile {
  return { ...profile, dailyMaxHours: 12 };
}

type ProfileSettings = Pick<OrgSettings, 'convention' | 'agreementDaily12h' | 'nightProfile' | 'nightStart' | 'nightEnd'> &
  Partial<Pick<OrgSettings, 'ruleDailyRest' | 'ruleWeeklyRest' | 'ruleWorkingDays' | 'ruleBreaks' | 'ruleNightWorker'>>;

/**
 * The convention profile of an organisation's settings: its convention, the 12 h daily maximum by agreement,
 * the rule switches (missing ones on), and the night period of the night worker limits taken from the
 * organisation's night profile (GENERAL 21:00-06:00, LIVE_PERFORMANCE 00:00-07:00, IDCC_2717 00:00-06:00, or its
 * own times); a night profile without a window (CUSTOM with equal times) leaves the default 21:00-06:00.
 * The server's GET /planning/conflicts and the planner's worker both use this.
 */
export function profileForSettings(settings: ProfileSettings): ConventionProfile {
  const base = settings.convention === 'GENERAL' ? GENERAL_PROFILE : LIVE_PERFORMANCE_PROFILE;
  const preset = settings.nightProfile === 'CUSTOM' ? null : NIGHT_PROFILES[settings.nightProfile];
  const nightStart = preset ? preset.start : settings.nightStart;
  const nightEnd = preset ? preset.end : settings.nightEnd;
  const nightWorker = base.nightWorker && nightStart !== nightEnd ? { ...base.nightWorker, nightStart, nightEnd } : base.nightWorker;
  const rules: RuleSwitches = {
    dailyRest: settings.ruleDailyRest ?? true,
    weeklyRest: settings.ruleWeeklyRest ?? true,
    workingDays: settings.ruleWorkingDays ?? true,
    breaks: settings.ruleBreaks ?? true,
    nightWorker: settings.ruleNightWorker ?? true,
  };
  const profile: ConventionProfile = { ...base, nightWorker, rules };
  return settings.agreementDaily12h ? withAgreementDailyMax(profile) : profile;
}
