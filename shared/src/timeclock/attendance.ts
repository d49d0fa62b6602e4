import type { WorkedTime } from './types';

/** Minutes of grace before a late start or an early end is reported (a planner's usual tolerance). */
export const ATTENDANCE_GRACE_MINUTES = 5;

export type AttendanceAnomaly = 'LATE_START' | 'EARLY_END';

/**
 * Planned versus actual at the edges of a mission: the first clock in later than the mission's start, or the last
 * clock out earlier than its end, by more than the grace. Nothing without a mission or without that punch (the
 * worked-time rules already report MISSING_IN and MISSING_OUT).
 */
export function attendanceAnomalies(
  worked: Pick<WorkedTime, 'startAt' | 'endAt'>,
  mission: { start: number; end: number } | null,
  graceMinutes: number = ATTENDANCE_GRACE_MINUTES,
): AttendanceAnomaly[] {
  if (!mission || Number.isNaN(mission.start) || Number.isNaN(mission.end)) return [];
  const grace = graceMinutes * 60_000;
  const out: AttendanceAnomaly[] = [];
  if (worked.startAt && Date.parse(worked.startAt) > mission.start + grace) out.push('LATE_START');
  if (worked.endAt && Date.parse(worked.endAt) < mission.end - grace) out.push('EARLY_END');
  return out;
}
