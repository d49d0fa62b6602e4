/**
 * Time clock vocabulary shared by the phone, the kiosk, the workers and the server. Pure types and
 * constants; the rules live next to this file (worked time, night hours, rounding, chain, geofence).
 */

export const PUNCH_TYPES = ['IN', 'OUT', 'BREAK_START', 'BREAK_END'] as const;
export type PunchType = (typeof PUNCH_TYPES)[number];

/** Where a punch was taken. */
export const PUNCH_SOURCES = ['PHONE', 'KIOSK', 'MANAGER'] as const;
export type PunchSource = (typeof PUNCH_SOURCES)[number];

/** How the person was identified on a kiosk (SESSION: signed in on their own phone). */
export const PUNCH_METHODS = ['SESSION', 'PIN', 'QR'] as const;
export type PunchMethod = (typeof PUNCH_METHODS)[number];

/** Flags the server (or the rules) put on a punch; a flagged punch is kept, never dropped. */
export const PUNCH_FLAGS = ['CLOCK_SKEW', 'OUTSIDE_GEOFENCE', 'REPEAT', 'FUTURE', 'CHAIN_BREAK', 'OFF_ROSTER'] as const;
export type PunchFlag = (typeof PUNCH_FLAGS)[number];

/** One punch as the time rules see it (a PUNCH field event, flattened). */
export interface Punch {
  id: string;
  userId: string;
  missionId: string | null;
  /** Device time of the tap, UTC ISO instant. */
  at: string;
  punchType: PunchType;
  deviceId: string | null;
  flags?: readonly string[];
}

/** Night work window presets (local wall-clock times in the organisation's zone). */
export const NIGHT_PROFILES = {
  /** General labour code: 21:00-06:00. */
  GENERAL: { start: '21:00', end: '06:00', premiumPct: 0 },
  /** Live performance default: 00:00-07:00. */
  LIVE_PERFORMANCE: { start: '00:00', end: '07:00', premiumPct: 0 },
  /** IDCC 2717 (technical services for creation and events): 00:00-06:00, +25 %. */
  IDCC_2717: { start: '00:00', end: '06:00', premiumPct: 25 },
} as const;
export type NightProfile = keyof typeof NIGHT_PROFILES | 'CUSTOM';

export const ROUNDING_MODES = ['NEAREST', 'UP', 'DOWN'] as const;
export type RoundingMode = (typeof ROUNDING_MODES)[number];

/** The settings the time rules need, resolved from the organisation's settings. */
export interface TimeRules {
  /** IANA zone of the organisation (Europe/Paris by default). */
  zone: string;
  /** Step of the rounding applied once to the total paid time; 0 = no rounding. */
  roundingMinutes: number;
  roundingMode: RoundingMode;
  /** Night window as local "HH:MM" times; start > end means it spans midnight; start == end means none. */
  nightStart: string;
  nightEnd: string;
  /** Night premium in percent of the hourly rate (IDCC 2717: 25). */
  nightPremiumPct: number;
  /** Taps of the same type by the same person within this many seconds count once. */
  repeatTapSeconds: number;
}

/** Result of the time rules for one timesheet. All durations in whole minutes. */
export interface WorkedTime {
  /** First IN and last OUT (UTC ISO), null when missing. */
  startAt: string | null;
  endAt: string | null;
  /** Elapsed time between IN and OUT pairs, breaks included. */
  workedMinutes: number;
  breakMinutes: number;
  /** worked - breaks, before rounding. */
  paidMinutes: number;
  /** paidMinutes rounded once with the organisation's step and mode. */
  roundedMinutes: number;
  /** Paid minutes inside the night window (breaks excluded). */
  nightMinutes: number;
  /** Problems a manager should look at: MISSING_IN, MISSING_OUT, OPEN_BREAK, BREAK_WITHOUT_START, REPEAT_IGNORED. */
  anomalies: string[];
}

/** Every anomaly the worked-time rules may report (WorkedTime.anomalies lists each one at most once). */
export const TIME_ANOMALIES = [
  'MISSING_IN',
  'MISSING_OUT',
  'OPEN_BREAK',
  'BREAK_WITHOUT_START',
  'REPEAT_IGNORED',
  /** A BREAK_START outside an IN/OUT pair (ignored). */
  'BREAK_OUTSIDE_SHIFT',
  /** A manual range whose end is not after its start (nothing counted). */
  'END_BEFORE_START',
  /** Planned versus actual (attendance.ts): first clock in after the mission's start, beyond the grace. */
  'LATE_START',
  /** Planned versus actual: last clock out before the mission's end, beyond the grace. */
  'EARLY_END',
] as const;
export type TimeAnomaly = (typeof TIME_ANOMALIES)[number];
