import { describe, expect, it } from 'vitest';
import { paieMensuelleCsv } from '../src/payroll/csv';
import { monthlyPayroll, type MonthlyInput, type PayrollTimesheet } from '../src/payroll/monthly';
import type { RateProfile } from '../src/payroll/rates';
import { localInstant } from '../src/planning/conflicts';
import { carryRound, roundMinutes, type RoundingScope } from '../src/timeclock/rounding';
import type { Punch, RoundingMode, TimeRules } from '../src/timeclock/types';
import { computeFromRange, computeWorkedTime } from '../src/timeclock/worked-time';

/*
 * Night minutes never exceed the paid minutes after rounding, in the timesheet, the payroll month and
 * paie_mensuelle.csv; the month is rounded once (MONTH scope) so that short call-outs do not drift. Expected
 * values worked out by hand (docs/decisions/labour-rules.md, section 7).
 */
const P = 'Europe/Paris';
const IDCC_NIGHT = { nightStart: '00:00', nightEnd: '06:00', nightPremiumPct: 25 };
const rules = (roundingMinutes: number, roundingMode: RoundingMode = 'NEAREST'): TimeRules => ({ zone: P, roundingMinutes, roundingMode, ...IDCC_NIGHT, repeatTapSeconds: 60 });
let n = 0;
const punch = (date: string, time: string, punchType: Punch['punchType'], nextDay = false): Punch => {
  const d = nextDay ? new Date(Date.parse(`${date}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10) : date;
  return { id: `p${++n}`, userId: 'u1', missionId: null, at: new Date(localInstant(d, time, P)).toISOString(), punchType, deviceId: null };
};
const shiftPunches = (date: string, from: string, to: string) => [punch(date, from, 'IN'), punch(date, to, 'OUT', to <= from)];

describe('night minutes and rounding in the timesheet', () => {
  it.each<[string, Punch[], TimeRules, { paidMinutes: number; roundedMinutes: number; nightMinutes: number }]>([
    ['a 2-minute night call-out rounds to 0 and has no night minutes', shiftPunches('2026-06-11', '00:00', '00:02'), rules(5), { paidMinutes: 2, roundedMinutes: 0, nightMinutes: 0 }],
    ['00:00-05:58 rounded down to the quarter: 345 paid, 345 of night', shiftPunches('2026-06-11', '00:00', '05:58'), rules(15, 'DOWN'), { paidMinutes: 358, roundedMinutes: 345, nightMinutes: 345 }],
    ['rounded up: 360 paid, the 358 night minutes stay', shiftPunches('2026-06-11', '00:00', '05:58'), rules(15, 'UP'), { paidMinutes: 358, roundedMinutes: 360, nightMinutes: 358 }],
    // Spring night: 00:00 to 05:58 lasts 4 h 58 (298 minutes), all in the night window; down to 285.
    ['spring change: 00:00-05:58 is 298 minutes, 285 rounded down, 285 of night', shiftPunches('2026-03-29', '00:00', '05:58'), rules(15, 'DOWN'), { paidMinutes: 298, roundedMinutes: 285, nightMinutes: 285 }],
    // Autumn night: 6 h 58 (418 minutes); down to 405.
    ['autumn change: 00:00-05:58 is 418 minutes, 405 rounded down, 405 of night', shiftPunches('2026-10-25', '00:00', '05:58'), rules(15, 'DOWN'), { paidMinutes: 418, roundedMinutes: 405, nightMinutes: 405 }],
    // 23:00 to 00:04 holds 4 night minutes (from midnight); 64 paid, 65 rounded: 4 night minutes.
    ['across midnight: 4 night minutes of 64', shiftPunches('2026-06-11', '23:00', '00:04'), rules(5), { paidMinutes: 64, roundedMinutes: 65, nightMinutes: 4 }],
  ])('%s', (_name, punches, r, expected) => {
    expect(computeWorkedTime(punches, r)).toMatchObject(expected);
  });

  it('a typed range follows the same rule', () => {
    const day = '2026-06-11';
    const at = (t: string) => new Date(localInstant(day, t, P)).toISOString();
    expect(computeFromRange(at('00:00'), at('00:02'), 0, rules(5))).toMatchObject({ paidMinutes: 2, roundedMinutes: 0, nightMinutes: 0 });
    expect(computeFromRange(at('00:00'), at('05:58'), 0, rules(15, 'DOWN'))).toMatchObject({ roundedMinutes: 345, nightMinutes: 345 });
  });
});

describe('carryRound: the month rounded once, the remainder carried', () => {
  it.each<[string, number[], number, RoundingMode, number[]]>([
    // Running totals 22, 44, ..., 220 to 5 minutes: 20, 45, 65, 90, 110, 130, 155, 175, 200, 220.
    ['ten 22-minute call-outs to 5 minutes', Array(10).fill(22), 5, 'NEAREST', [20, 25, 20, 25, 20, 20, 25, 20, 25, 20]],
    ['no step gives the minutes back', [22, 7, 0], 0, 'NEAREST', [22, 7, 0]],
    ['to 15 minutes down', [22, 22, 22], 15, 'DOWN', [15, 15, 30]],
  ])('%s', (_name, minutes, step, mode, expected) => {
    const parts = carryRound(minutes, step, mode);
    expect(parts).toEqual(expected);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(roundMinutes(minutes.reduce((a, b) => a + b, 0), step, mode));
  });
});

describe('the payroll month and paie_mensuelle.csv', () => {
  const HOURLY: RateProfile[] = [{ id: 'h', name: 'h', archived: false, data: { mode: 'HOURLY', amountCents: 2000, appliesTo: { kind: 'ORG', id: null } } }];
  const USERS = [{ id: 'ana', firstName: 'Ana', lastName: 'Zola', employmentType: 'INTERMITTENT' }];
  const sheet = (i: number, paidMinutes: number, roundedMinutes: number, nightMinutes = 0): PayrollTimesheet => ({
    id: `t${String(i).padStart(2, '0')}`, userId: 'ana', missionId: null, date: `2026-10-${String(i).padStart(2, '0')}`, type: 'OTHER', status: 'VALIDATED', paidMinutes, roundedMinutes, nightMinutes,
  });
  const run = (timesheets: PayrollTimesheet[], roundingMinutes: number, roundingScope: RoundingScope, extra: Partial<MonthlyInput> = {}) =>
    monthlyPayroll({ month: '2026-10', zone: P, rules: { ...rules(roundingMinutes), roundingScope }, timesheets, users: USERS, profiles: HOURLY, ...extra });
  const tenCallOuts = (rounded: number) => Array.from({ length: 10 }, (_, i) => sheet(i + 1, 22, rounded));

  it.each<[string, number, number, RoundingScope, { hours: number; grossHourlyCents: number }]>([
    // MONTH: the lines get 20 or 25 minutes (carryRound above), 220 in all: 6 x 667 + 4 x 833 = 7334 cents.
    ['ten 22-minute call-outs, 5 minutes, the month rounded once: 220 minutes', 5, 20, 'MONTH', { hours: 3.67, grossHourlyCents: 7334 }],
    // TIMESHEET: each 22 -> 20, 200 minutes: 10 x 667 = 6670 cents.
    ['the same, each timesheet rounded: 200 minutes (drift)', 5, 20, 'TIMESHEET', { hours: 3.33, grossHourlyCents: 6670 }],
    // To the quarter: 220 -> 225 once (3.75 h, 7500 cents); each 22 -> 15 is 150 (2.5 h, 5000 cents).
    ['to the quarter, the month rounded once: 225 minutes', 15, 15, 'MONTH', { hours: 3.75, grossHourlyCents: 7500 }],
    ['to the quarter, each timesheet rounded: 150 minutes', 15, 15, 'TIMESHEET', { hours: 2.5, grossHourlyCents: 5000 }],
  ])('%s', (_name, step, rounded, scope, expected) => {
    const [row] = run(tenCallOuts(rounded), step, scope).people;
    expect(row).toMatchObject({ ...expected, daysWorked: 10 });
  });

  it('the CSV shows the month rounded once', () => {
    const csv = paieMensuelleCsv(run(tenCallOuts(20), 5, 'MONTH').people);
    expect(csv.split('\r\n')[1]).toBe('Zola Ana;INTERMITTENT;2026-10;10;3,67;0;3,67;0,00;73,34;0,00;0,00;0,00;73,34');
  });

  it('two 2-minute night call-outs: no more night than paid time, no premium on unpaid time', () => {
    // From the punches: 2 paid minutes, 0 rounded, 0 night each.
    const fromPunches = [shiftPunches('2026-10-01', '00:00', '00:02'), shiftPunches('2026-10-02', '00:00', '00:02')].map((p) => computeWorkedTime(p, rules(5)));
    expect(fromPunches.map((w) => [w.paidMinutes, w.roundedMinutes, w.nightMinutes])).toEqual([[2, 0, 0], [2, 0, 0]]);
    const sheets = fromPunches.map((w, i) => sheet(i + 1, w.paidMinutes, w.roundedMinutes, w.nightMinutes));
    expect(run(sheets, 5, 'TIMESHEET').people[0]).toMatchObject({ hours: 0, nightHours: 0, nightPremiumCents: 0, grossCents: 0 });
    // A timesheet stored before this rule (2 night minutes, 0 rounded) is capped by the payroll too.
    const stale = [sheet(1, 2, 0, 2), sheet(2, 2, 0, 2)];
    const timesheetScope = run(stale, 5, 'TIMESHEET').people;
    expect(timesheetScope[0]).toMatchObject({ hours: 0, nightHours: 0, nightPremiumCents: 0, grossCents: 0 });
    expect(paieMensuelleCsv(timesheetScope).split('\r\n')[1]).toBe('Zola Ana;INTERMITTENT;2026-10;2;0,00;0;0,00;0,00;0,00;0,00;0,00;0,00;0,00');
    // MONTH: 2 + 2 = 4 -> 5 minutes, carried to the second line (0 then 5); its night minutes (2) stay within its 5:
    // base 5 min at 20.00 EUR = 166.67 -> 167 cents, premium 2 min x 25 % = 16.67 -> 17 cents.
    expect(run(stale, 5, 'MONTH').people[0]).toMatchObject({ hours: 0.08, nightHours: 0.03, grossHourlyCents: 167, nightPremiumCents: 17, grossCents: 184 });
  });

  it('night hours never exceed hours, line by line', () => {
    const row = run([sheet(1, 62, 60, 62), sheet(2, 125, 125, 200)], 5, 'TIMESHEET').people[0]!;
    // 60 + 125 minutes, night min(62, 60) + min(200, 125) = 185: night hours equal hours.
    expect(row).toMatchObject({ hours: 3.08, nightHours: 3.08 });
  });
});
