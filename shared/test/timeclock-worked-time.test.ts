import { describe, expect, it } from 'vitest';
import { nightRulesFor } from '../src/timeclock/night';
import type { Punch, PunchType, TimeRules, WorkedTime } from '../src/timeclock/types';
import { computeFromRange, computeWorkedTime } from '../src/timeclock/worked-time';
import { BASE_RULES, iso } from './support/timeclock';

let seq = 0;
function p(punchType: PunchType, local: string, extra: Partial<Punch> = {}): Punch {
  seq += 1;
  return { id: `p${String(seq).padStart(4, '0')}`, userId: 'ana', missionId: null, at: iso(local), punchType, deviceId: null, ...extra };
}
const GENERAL: TimeRules = { ...BASE_RULES, ...nightRulesFor('GENERAL') };
const LIVE: TimeRules = { ...BASE_RULES, ...nightRulesFor('LIVE_PERFORMANCE') };
const IDCC: TimeRules = { ...BASE_RULES, ...nightRulesFor('IDCC_2717') };
const QUARTER: TimeRules = { ...GENERAL, roundingMinutes: 15, roundingMode: 'NEAREST' };

type Case = [string, Punch[], TimeRules, Partial<WorkedTime>];

const D = '2026-01-15';
const N = '2026-01-16';

describe('computeWorkedTime', () => {
  it.each<Case>([
    ['a plain day', [p('IN', `${D} 09:00`), p('OUT', `${D} 17:00`)], GENERAL, { workedMinutes: 480, breakMinutes: 0, paidMinutes: 480, roundedMinutes: 480, nightMinutes: 0, anomalies: [] }],
    ['a day with a 45 min break', [p('IN', `${D} 09:00`), p('BREAK_START', `${D} 12:00`), p('BREAK_END', `${D} 12:45`), p('OUT', `${D} 17:00`)], GENERAL, { workedMinutes: 480, breakMinutes: 45, paidMinutes: 435 }],
    ['two breaks', [p('IN', `${D} 09:00`), p('BREAK_START', `${D} 10:00`), p('BREAK_END', `${D} 10:15`), p('BREAK_START', `${D} 13:00`), p('BREAK_END', `${D} 13:30`), p('OUT', `${D} 17:00`)], GENERAL, { breakMinutes: 45, paidMinutes: 435 }],
    ['a split shift 10-14 and 19-23', [p('IN', `${D} 10:00`), p('OUT', `${D} 14:00`), p('IN', `${D} 19:00`), p('OUT', `${D} 23:00`)], GENERAL, { workedMinutes: 480, paidMinutes: 480, nightMinutes: 120, startAt: iso(`${D} 10:00`), endAt: iso(`${D} 23:00`) }],
    ['rounding to the nearest quarter', [p('IN', `${D} 09:00`), p('OUT', `${D} 16:52`)], QUARTER, { paidMinutes: 472, roundedMinutes: 465 }],
    ['rounding once on the total, not per pair (8 + 8 = 16 -> 15, not 30)', [p('IN', `${D} 09:00`), p('OUT', `${D} 09:08`), p('IN', `${D} 10:00`), p('OUT', `${D} 10:08`)], QUARTER, { paidMinutes: 16, roundedMinutes: 15 }],
    ['rounding up', [p('IN', `${D} 09:00`), p('OUT', `${D} 17:01`)], { ...GENERAL, roundingMinutes: 15, roundingMode: 'UP' }, { paidMinutes: 481, roundedMinutes: 495 }],
    ['rounding down', [p('IN', `${D} 09:00`), p('OUT', `${D} 17:14`)], { ...GENERAL, roundingMinutes: 15, roundingMode: 'DOWN' }, { paidMinutes: 494, roundedMinutes: 480 }],
    ['a night shift across midnight (GENERAL)', [p('IN', `${D} 22:00`), p('OUT', `${N} 06:00`)], GENERAL, { workedMinutes: 480, nightMinutes: 480 }],
    ['a night shift across midnight (LIVE_PERFORMANCE)', [p('IN', `${D} 22:00`), p('OUT', `${N} 06:00`)], LIVE, { workedMinutes: 480, nightMinutes: 360 }],
    ['a night shift across midnight (IDCC_2717)', [p('IN', `${D} 22:00`), p('OUT', `${N} 07:00`)], IDCC, { workedMinutes: 540, nightMinutes: 360 }],
    ['spring change: 22:00-06:00 is 7 h (GENERAL)', [p('IN', '2026-03-28 22:00'), p('OUT', '2026-03-29 06:00')], GENERAL, { workedMinutes: 420, paidMinutes: 420, nightMinutes: 420 }],
    ['spring change: 22:00-06:00, night 00:00-06:00 is 5 h (LIVE)', [p('IN', '2026-03-28 22:00'), p('OUT', '2026-03-29 06:00')], LIVE, { workedMinutes: 420, nightMinutes: 300 }],
    ['autumn change: 22:00-06:00 is 9 h (GENERAL)', [p('IN', '2026-10-24 22:00'), p('OUT', '2026-10-25 06:00')], GENERAL, { workedMinutes: 540, paidMinutes: 540, nightMinutes: 540 }],
    ['autumn change: 22:00-06:00, night 00:00-06:00 is 7 h (IDCC)', [p('IN', '2026-10-24 22:00'), p('OUT', '2026-10-25 06:00')], IDCC, { workedMinutes: 540, nightMinutes: 420 }],
    ['a break inside the night is not night work', [p('IN', `${D} 22:00`), p('BREAK_START', `${N} 02:00`), p('BREAK_END', `${N} 02:30`), p('OUT', `${N} 06:00`)], GENERAL, { paidMinutes: 450, nightMinutes: 450 }],
    ['a break in the evening leaves the night whole', [p('IN', `${D} 18:00`), p('BREAK_START', `${D} 19:00`), p('BREAK_END', `${D} 19:30`), p('OUT', `${N} 02:00`)], GENERAL, { paidMinutes: 450, nightMinutes: 300 }],
    ['starting at midnight exactly (LIVE)', [p('IN', `${N} 00:00`), p('OUT', `${N} 07:00`)], LIVE, { workedMinutes: 420, nightMinutes: 420 }],
    ['ending at midnight exactly (GENERAL)', [p('IN', `${D} 17:00`), p('OUT', `${N} 00:00`)], GENERAL, { workedMinutes: 420, nightMinutes: 180 }],
    ['a repeated IN tap within the window is ignored', [p('IN', `${D} 09:00:00`), p('IN', `${D} 09:00:20`), p('OUT', `${D} 17:00`)], GENERAL, { workedMinutes: 480, anomalies: ['REPEAT_IGNORED'] }],
    ['three repeated OUT taps count once, reported once', [p('IN', `${D} 09:00`), p('OUT', `${D} 17:00:00`), p('OUT', `${D} 17:00:30`), p('OUT', `${D} 17:00:50`)], GENERAL, { workedMinutes: 480, anomalies: ['REPEAT_IGNORED'], endAt: iso(`${D} 17:00`) }],
    ['a punch flagged REPEAT is ignored', [p('IN', `${D} 09:00`), p('OUT', `${D} 17:00`), p('OUT', `${D} 18:00`, { flags: ['REPEAT'] })], GENERAL, { workedMinutes: 480, anomalies: ['REPEAT_IGNORED'] }],
    ['the same type after the window is not a repeat: a new IN', [p('IN', `${D} 09:00`), p('IN', `${D} 09:02`), p('OUT', `${D} 17:00`)], GENERAL, { workedMinutes: 478, anomalies: ['MISSING_OUT'], startAt: iso(`${D} 09:02`) }],
    ['an IN with no OUT counts nothing', [p('IN', `${D} 09:00`)], GENERAL, { workedMinutes: 0, paidMinutes: 0, anomalies: ['MISSING_OUT'], startAt: iso(`${D} 09:00`), endAt: null }],
    ['an OUT with no IN counts nothing', [p('OUT', `${D} 17:00`)], GENERAL, { workedMinutes: 0, anomalies: ['MISSING_IN'], startAt: null, endAt: iso(`${D} 17:00`) }],
    ['an OUT with no IN after a complete pair', [p('IN', `${D} 09:00`), p('OUT', `${D} 12:00`), p('OUT', `${D} 13:00`)], GENERAL, { workedMinutes: 180, anomalies: ['MISSING_IN'] }],
    ['a break still open at OUT closes there', [p('IN', `${D} 09:00`), p('BREAK_START', `${D} 14:00`), p('OUT', `${D} 17:00`)], GENERAL, { workedMinutes: 480, breakMinutes: 180, paidMinutes: 300, anomalies: ['OPEN_BREAK'] }],
    ['a break end without start is ignored', [p('IN', `${D} 09:00`), p('BREAK_END', `${D} 12:00`), p('OUT', `${D} 17:00`)], GENERAL, { breakMinutes: 0, paidMinutes: 480, anomalies: ['BREAK_WITHOUT_START'] }],
    ['a break start outside a shift is ignored', [p('BREAK_START', `${D} 08:00`), p('IN', `${D} 09:00`), p('OUT', `${D} 17:00`)], GENERAL, { paidMinutes: 480, anomalies: ['BREAK_OUTSIDE_SHIFT'] }],
    ['seconds: floor of the total', [p('IN', `${D} 09:00:30`), p('OUT', `${D} 17:00:00`)], GENERAL, { workedMinutes: 479 }],
    ['seconds add up before the floor', [p('IN', `${D} 09:00:30`), p('OUT', `${D} 10:00:00`), p('IN', `${D} 11:00:30`), p('OUT', `${D} 12:00:00`)], GENERAL, { workedMinutes: 119 }],
    ['no punches', [], GENERAL, { workedMinutes: 0, startAt: null, endAt: null, anomalies: [] }],
    ['repeats are per person (punches of two people mixed: pairs are not, the rules read one person)', [p('IN', `${D} 09:00:00`), p('IN', `${D} 09:00:10`, { userId: 'bob' }), p('IN', `${D} 09:00:20`), p('OUT', `${D} 17:00`, { userId: 'bob' })], GENERAL, { workedMinutes: 479, anomalies: ['MISSING_OUT', 'REPEAT_IGNORED'] }],
  ])('%s', (_name, punches, rules, expected) => {
    expect(computeWorkedTime(punches, rules)).toMatchObject(expected);
  });

  it('reads punches in time order, whatever the order given', () => {
    const punches = [p('IN', `${D} 09:00`), p('BREAK_START', `${D} 12:00`), p('BREAK_END', `${D} 12:45`), p('OUT', `${D} 17:00`)];
    const expected = computeWorkedTime(punches, GENERAL);
    expect(computeWorkedTime([punches[3]!, punches[1]!, punches[0]!, punches[2]!], GENERAL)).toEqual(expected);
  });

  it('answers startAt and endAt as canonical ISO instants, whatever the punch wrote', () => {
    const r = computeWorkedTime([p('IN', `${D} 09:00`, { at: '2026-01-15T08:00:00Z' }), p('OUT', `${D} 17:00`, { at: '2026-01-15T17:00:00+01:00' })], GENERAL);
    expect(r).toMatchObject({ startAt: '2026-01-15T08:00:00.000Z', endAt: '2026-01-15T16:00:00.000Z', workedMinutes: 480 });
  });

  it('breaks a tie of instants by id', () => {
    const at = iso(`${D} 12:00`);
    const out = { id: 'a-out', userId: 'ana', missionId: null, at, punchType: 'OUT' as const, deviceId: null };
    const back = { id: 'b-in', userId: 'ana', missionId: null, at, punchType: 'IN' as const, deviceId: null };
    const r = computeWorkedTime([p('IN', `${D} 08:00`), back, out, p('OUT', `${D} 14:00`)], GENERAL);
    expect(r).toMatchObject({ workedMinutes: 360, anomalies: [] });
  });
});

describe('computeFromRange (a manual or corrected timesheet)', () => {
  it.each<[string, string | null, string | null, number, TimeRules, Partial<WorkedTime>]>([
    ['a day with a break', `${D} 09:00`, `${D} 17:00`, 45, GENERAL, { workedMinutes: 480, breakMinutes: 45, paidMinutes: 435, nightMinutes: 0 }],
    ['a night shift: the break does not fit in day time, it comes off the night', `${D} 22:00`, `${N} 06:00`, 30, GENERAL, { paidMinutes: 450, nightMinutes: 450 }],
    ['an evening shift: the break is taken in the day part', `${D} 18:00`, `${N} 02:00`, 30, GENERAL, { paidMinutes: 450, nightMinutes: 300 }],
    ['part of the break fits in the day part', `${D} 20:00`, `${N} 02:00`, 90, GENERAL, { paidMinutes: 270, nightMinutes: 270 }],
    ['spring change 22:00-06:00', '2026-03-28 22:00', '2026-03-29 06:00', 0, GENERAL, { workedMinutes: 420, nightMinutes: 420 }],
    ['autumn change 22:00-06:00, rounded up to the hour', '2026-10-24 22:00', '2026-10-25 06:10', 0, { ...GENERAL, roundingMinutes: 60, roundingMode: 'UP' }, { workedMinutes: 550, roundedMinutes: 600 }],
    ['a break longer than the range is clamped', `${D} 09:00`, `${D} 10:00`, 90, GENERAL, { breakMinutes: 60, paidMinutes: 0 }],
    ['an end before the start counts nothing', `${D} 17:00`, `${D} 09:00`, 0, GENERAL, { workedMinutes: 0, anomalies: ['END_BEFORE_START'] }],
    ['no end', `${D} 09:00`, null, 0, GENERAL, { workedMinutes: 0, endAt: null, anomalies: ['MISSING_OUT'] }],
  ])('%s', (_name, from, to, breaks, rules, expected) => {
    expect(computeFromRange(from && iso(from), to && iso(to), breaks, rules)).toMatchObject(expected);
  });

  it('gives the same figures as the punches for a shift without break', () => {
    const fromPunches = computeWorkedTime([p('IN', '2026-10-24 21:13'), p('OUT', '2026-10-25 05:47')], IDCC);
    expect(computeFromRange(iso('2026-10-24 21:13'), iso('2026-10-25 05:47'), 0, IDCC)).toEqual(fromPunches);
  });
});
