import { localInstant } from '@coulisses/shared/planning/conflicts';
import { nightRulesFor } from '@coulisses/shared/timeclock/night';
import { buildTimesheets, type MissionRef } from '@coulisses/shared/timeclock/timesheet-build';
import type { Punch, PunchType, TimeRules } from '@coulisses/shared/timeclock/types';
import { describe, expect, it } from 'vitest';
import { inlineTimeclockApi } from '../src/workers/timeclock-client';
import { TimeclockEngine } from '../src/workers/timeclock-engine';

/** Base rules of these tests: Paris, no rounding, GENERAL night window, 60 s repeats. */
const BASE_RULES: TimeRules = { zone: 'Europe/Paris', roundingMinutes: 0, roundingMode: 'NEAREST', nightStart: '21:00', nightEnd: '06:00', nightPremiumPct: 0, repeatTapSeconds: 60 };

const P = 'Europe/Paris';
const RULES: TimeRules = { ...BASE_RULES, ...nightRulesFor('IDCC_2717'), roundingMinutes: 15, roundingMode: 'NEAREST' };
const iso = (date: string, time: string) => new Date(localInstant(date, time, P)).toISOString();
let n = 0;
const p = (userId: string, punchType: PunchType, date: string, time: string, missionId: string | null = null): Punch => ({ id: `p${String(++n).padStart(4, '0')}`, userId, missionId, at: iso(date, time), punchType, deviceId: null });

const MISSIONS: MissionRef[] = [{ id: 'm1', startAt: iso('2026-10-24', '22:00'), endAt: iso('2026-10-25', '06:00'), projectId: 'prj', type: 'DEMONTAGE' }];
const PUNCHES: Punch[] = [
  // ana: the night of the autumn change on a mission, then a split day without mission.
  p('ana', 'IN', '2026-10-24', '21:55', 'm1'),
  p('ana', 'BREAK_START', '2026-10-25', '02:00', 'm1'),
  p('ana', 'BREAK_END', '2026-10-25', '02:30', 'm1'),
  p('ana', 'OUT', '2026-10-25', '06:05', 'm1'),
  p('ana', 'IN', '2026-10-27', '10:00'),
  p('ana', 'OUT', '2026-10-27', '14:00'),
  p('ana', 'IN', '2026-10-27', '19:00'),
  p('ana', 'OUT', '2026-10-28', '00:30'),
  // bob: the night of the spring change without mission, and a forgotten OUT.
  p('bob', 'IN', '2026-03-28', '22:00'),
  p('bob', 'OUT', '2026-03-29', '06:00'),
  p('bob', 'IN', '2026-03-30', '09:00'),
];

describe('the time clock worker engine', () => {
  it('computes what buildTimesheets computes', () => {
    const r = new TimeclockEngine().build({ punches: PUNCHES, missions: MISSIONS, rules: RULES });
    expect(r.timesheets).toEqual(buildTimesheets({ punches: PUNCHES, missions: MISSIONS, rules: RULES }));
    expect(r.stats).toMatchObject({ punches: 11, users: 2, timesheets: 4, recomputedUsers: 2 });
    expect(r.stats.buildMs).toBeGreaterThanOrEqual(0);
    expect(r.stats.baselineMs).toBeGreaterThanOrEqual(0);
    const byKey = Object.fromEntries(r.timesheets.map((t) => [t.key, [t.date, t.worked.paidMinutes, t.worked.nightMinutes, t.deltaMinutes]]));
    expect(byKey).toEqual({
      // 21:55 to 06:05 across the autumn change is 9 h 10, less 30 min; night 00:00-06:00 is 7 h, less the break.
      'ana|M|m1': ['2026-10-24', 520, 390, 525 - 540],
      'ana|D|2026-10-27': ['2026-10-27', 570, 30, null],
      'bob|D|2026-03-28': ['2026-03-28', 420, 300, null],
      'bob|D|2026-03-30': ['2026-03-30', 0, 0, null],
    });
  });

  it('recomputes only the people new punches belong to, and agrees with a full build', () => {
    const engine = new TimeclockEngine();
    engine.build({ punches: PUNCHES, missions: MISSIONS, rules: RULES });
    const late = p('bob', 'OUT', '2026-03-30', '17:00');
    const r = engine.addPunches([late, PUNCHES[0]!]);
    expect(r.stats).toMatchObject({ punches: 12, users: 2, recomputedUsers: 1 });
    expect(r.timesheets.map((t) => t.key)).toEqual(['bob|D|2026-03-28', 'bob|D|2026-03-30']);
    const full = buildTimesheets({ punches: [...PUNCHES, late], missions: MISSIONS, rules: RULES });
    expect(r.timesheets).toEqual(full.filter((t) => t.userId === 'bob'));
    expect(r.timesheets[1]!.worked).toMatchObject({ paidMinutes: 480, anomalies: [] });
  });

  it('a known punch id changes nothing', () => {
    const engine = new TimeclockEngine();
    engine.build({ punches: PUNCHES, missions: MISSIONS, rules: RULES });
    expect(engine.addPunches([PUNCHES[3]!]).stats).toMatchObject({ punches: 11, recomputedUsers: 0, timesheets: 0 });
  });

  it('holds punches added before the first build, and computes them with it', () => {
    const engine = new TimeclockEngine();
    expect(engine.addPunches(PUNCHES.slice(0, 4)).stats).toMatchObject({ punches: 4, timesheets: 0, recomputedUsers: 0 });
    expect(engine.build({ punches: PUNCHES, missions: MISSIONS, rules: RULES }).stats).toMatchObject({ punches: 11, timesheets: 4 });
  });

  it('runs inline where there is no Worker', async () => {
    const api = inlineTimeclockApi();
    const r = await api.build({ punches: PUNCHES, missions: MISSIONS, rules: RULES });
    expect(r.timesheets).toHaveLength(4);
  });
});
