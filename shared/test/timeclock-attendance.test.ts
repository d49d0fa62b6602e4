import { describe, expect, it } from 'vitest';
import { attendanceAnomalies, type AttendanceAnomaly } from '../src/timeclock/attendance';
import { buildTimesheets } from '../src/timeclock/timesheet-build';
import type { Punch, PunchType } from '../src/timeclock/types';
import { BASE_RULES, iso } from './support/timeclock';

const MISSION = { start: Date.parse(iso('2026-01-15 09:00')), end: Date.parse(iso('2026-01-15 17:00')) };
const worked = (start: string | null, end: string | null) => ({ startAt: start && iso(start), endAt: end && iso(end) });

describe('attendanceAnomalies (planned versus actual, 5 min grace)', () => {
  it.each<[string, ReturnType<typeof worked>, typeof MISSION | null, AttendanceAnomaly[]]>([
    ['on time', worked('2026-01-15 09:00', '2026-01-15 17:00'), MISSION, []],
    ['early in, late out', worked('2026-01-15 08:40', '2026-01-15 17:30'), MISSION, []],
    ['within the grace both ways', worked('2026-01-15 09:05', '2026-01-15 16:55'), MISSION, []],
    ['late by 6 minutes', worked('2026-01-15 09:06', '2026-01-15 17:00'), MISSION, ['LATE_START']],
    ['left 10 minutes early', worked('2026-01-15 09:00', '2026-01-15 16:50'), MISSION, ['EARLY_END']],
    ['late and early', worked('2026-01-15 10:00', '2026-01-15 12:00'), MISSION, ['LATE_START', 'EARLY_END']],
    ['no clock out yet: only the start counts', worked('2026-01-15 09:30', null), MISSION, ['LATE_START']],
    ['no clock in: nothing (MISSING_IN says it)', worked(null, '2026-01-15 12:00'), MISSION, ['EARLY_END']],
    ['no mission: nothing to compare', worked('2026-01-15 11:00', '2026-01-15 12:00'), null, []],
  ])('%s', (_name, w, mission, expected) => {
    expect(attendanceAnomalies(w, mission)).toEqual(expected);
  });

  it('across midnight and the autumn DST change: an OUT at 02:10 after a mission ending at 02:00 is not early', () => {
    const night = { start: Date.parse(iso('2026-10-24 22:00')), end: Date.parse(iso('2026-10-25 02:00')) };
    expect(attendanceAnomalies(worked('2026-10-24 22:00', '2026-10-25 02:10'), night)).toEqual([]);
    expect(attendanceAnomalies(worked('2026-10-24 22:00', '2026-10-25 01:00'), night)).toEqual(['EARLY_END']);
  });

  it('a timesheet reports them after the worked-time anomalies', () => {
    let seq = 0;
    const p = (punchType: PunchType, local: string): Punch => ({ id: `p${++seq}`, userId: 'ana', missionId: 'm1', punchType, at: iso(local), deviceId: 'd1' });
    const [t] = buildTimesheets({
      punches: [p('IN', '2026-01-15 09:20'), p('IN', '2026-01-15 09:20:30'), p('OUT', '2026-01-15 17:00')],
      missions: [{ id: 'm1', startAt: iso('2026-01-15 09:00'), endAt: iso('2026-01-15 17:00'), projectId: null, type: 'MONTAGE' }],
      rules: BASE_RULES,
    });
    expect(t!.worked.anomalies).toEqual(['REPEAT_IGNORED', 'LATE_START']);
  });
});
