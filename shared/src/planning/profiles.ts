/**
 * Working-time limits per organisation, from its convention profile. Aids to compliance, not legal advice:
 * an organisation may tighten them (and may choose the 12 h daily maximum where an agreement allows it).
 */
export interface ConventionProfile {
  id: 'GENERAL' | 'LIVE_PERFORMANCE';
  /** Daily maximum of work, in hours. */
  dailyMaxHours: number;
  /** Absolute weekly maximum, in hours (calendar week, Monday to Sunday). */
  weeklyMaxHours: number;
  /** Maximum of the average weekly work over `averageWeeks` consecutive weeks. */
  weeklyAverageMaxHours: number;
  averageWeeks: number;
  /** Minimum consecutive daily rest, in hours. */
  dailyRestHours: number;
  /** Reduced daily rest allowed by the convention, and how many times per calendar week (0: none). */
  reducedRestHours: number;
  maxReducedRestsPerWeek: number;
}

/** Code du travail: 10 h a day, 48 h a week, 44 h on average over 12 weeks, 11 h of daily rest. */
export const GENERAL_PROFILE: ConventionProfile = {
  id: 'GENERAL',
  dailyMaxHours: 10,
  weeklyMaxHours: 48,
  weeklyAverageMaxHours: 44,
  averageWeeks: 12,
  dailyRestHours: 11,
  reducedRestHours: 11,
  maxReducedRestsPerWeek: 0,
};

/** Live performance (IDCC 2717): as the general rules, and the daily rest may go down to 9 h twice a calendar week. */
export const LIVE_PERFORMANCE_PROFILE: ConventionProfile = {
  ...GENERAL_PROFILE,
  id: 'LIVE_PERFORMANCE',
  reducedRestHours: 9,
  maxReducedRestsPerWeek: 2,
};

export const PROFILES = { GENERAL: GENERAL_PROFILE, LIVE_PERFORMANCE: LIVE_PERFORMANCE_PROFILE } as const;

/** The profile with the daily maximum raised to 12 h where an agreement allows it. */
export function withAgreementDailyMax(profile: ConventionProfile): ConventionProfile {
  return { ...profile, dailyMaxHours: 12 };
}
