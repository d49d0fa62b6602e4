import { describe, expect, it } from 'vitest';
import { LOCALES, hasKey } from '../src/i18n/index';
import { DEFAULT_ORG_SETTINGS, OrgSettingsSchema, RULE_SETTING_KEYS, TIMECLOCK_SETTING_KEYS, timeRulesOf, withDefaults } from '../src/org/settings';
import { CONFLICT_KINDS, detectConflicts, localInstant, type PlanningConflict, type Shift } from '../src/planning/conflicts';
import { GENERAL_PROFILE, IDCC_2717_PROFILE, LIVE_PERFORMANCE_PROFILE, profileForSettings, type ConventionProfile } from '../src/planning/profiles';
import { suggestReplacements } from '../src/planning/replacements';
import { missingBreaks, punchBreakWarnings } from '../src/planning/work-breaks';
import { workingPeriods } from '../src/planning/working-periods';
import type { Punch, TimeRules } from '../src/timeclock/types';

/*
 * Golden cases of the labour rules, written from the law text and worked out by hand (docs/decisions/labour-rules.md):
 * Code du travail L3131-1 (11 consecutive hours of daily rest), L3132-1/-2 (6 working days, 24 + 11 hours of weekly
 * rest), L3121-16 (20 minutes of break once work reaches 6 hours), L3122-5/-6/-7 (night workers), IDCC 2717 art.
 * 5.1.2 (9 h reduced rest, at most 2 per civil week and 3 per 7 consecutive days). Europe/Paris; the spring change is
 * the night of 28 to 29 March 2026 (02:00 becomes 03:00), the autumn one the night of 24 to 25 October 2026.
 */
const P = 'Europe/Paris';
let n = 0;
const nextDate = (date: string) => new Date(Date.parse(`${date}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
/** A shift from local wall-clock times; an end not after the start ends the next day (24:00 is written 00:00). */
function shift(date: string, from: string, to: string, userId = 'u1'): Shift {
  const start = localInstant(date, from, P);
  let end = localInstant(date, to, P);
  if (end <= start) end = localInstant(nextDate(date), to, P);
  n += 1;
  return { assignmentId: `a${n}`, missionId: `m${n}`, userId, start, end };
}
const label = (c: PlanningConflict) => `${c.kind}${c.period ? `@${c.period}` : ''}${c.hours !== undefined ? `=${c.hours}` : ''}${c.days !== undefined ? `=${c.days}d` : ''}`;
const found = (shifts: Shift[], profile: ConventionProfile = GENERAL_PROFILE) => detectConflicts({ shifts, profile, tz: P });
const kinds = (shifts: Shift[], profile: ConventionProfile = GENERAL_PROFILE) => found(shifts, profile).map(label).sort();
const hours = (c: PlanningConflict) => [new Date(c.from!).toISOString(), new Date(c.to!).toISOString()];

describe('daily rest (L3131-1): 11 consecutive hours in every 24 hours, on the real instants', () => {
  it.each<[string, Shift[], string[], ConventionProfile?]>([
    // 00:00-12:00 is one working period (the 6 h gap is a break, not a rest) of 12 h: the 24 h from 00:00 hold
    // 12:00-24:00, 12 h of rest. Lawful on its own (see the next case for the same morning after a show).
    ['a night call then a morning call, alone: one 12 h working period, lawful', [shift('2026-06-10', '00:00', '02:00'), shift('2026-06-10', '08:00', '12:00')], []],
    // Show 18:00-20:00, load-out 00:00-02:00, then 08:00: the morning call starts 14 h after 18:00, past the 13 h a
    // working period may last; the longest gap since 18:00 is 02:00-08:00 (6 h): that is the daily rest, 5 h short.
    ['a show, a load-out after midnight, then a morning call: 6 h of rest', [shift('2026-06-09', '18:00', '20:00'), shift('2026-06-10', '00:00', '02:00'), shift('2026-06-10', '08:00', '12:00')], ['REST@2026-06-10=6']],
    // One working period 18:00-02:00 (8 h), the 4 h gap a break: no short rest.
    ['a show then a load-out after midnight is one working period', [shift('2026-06-09', '18:00', '20:00'), shift('2026-06-10', '00:00', '02:00')], []],
    ['show 19:00-23:00, load-out 00:00-03:00, next call 14:00: 11 h of rest', [shift('2026-06-09', '19:00', '23:00'), shift('2026-06-10', '00:00', '03:00'), shift('2026-06-10', '14:00', '18:00')], []],
    ['show 19:00-23:00, load-out 00:00-03:00, next call 13:00: 10 h', [shift('2026-06-09', '19:00', '23:00'), shift('2026-06-10', '00:00', '03:00'), shift('2026-06-10', '13:00', '17:00')], ['REST@2026-06-10=10']],
    // 07:00-11:00 and 20:00-24:00: the 24 h from 07:00 hold 9 h (11:00-20:00) and 7 h (24:00-07:00) of rest: the
    // working period spans 17 h, more than 24 - 11 = 13 h.
    ['a split day of 17 h amplitude', [shift('2026-06-11', '07:00', '11:00'), shift('2026-06-11', '20:00', '00:00')], ['AMPLITUDE@2026-06-11=17']],
    ['a split day of exactly 13 h amplitude', [shift('2026-06-11', '07:00', '11:00'), shift('2026-06-11', '16:00', '20:00')], []],
    ['a split day of 13 h 15 amplitude', [shift('2026-06-11', '07:00', '11:00'), shift('2026-06-11', '16:00', '20:15')], ['AMPLITUDE@2026-06-11=13.25']],
    // The evening shift starts 13 h 30 after 07:00: it cannot be in that working period, the 9 h 30 gap before it
    // is the daily rest.
    ['a second shift starting more than 13 h after the first: the gap is a short rest', [shift('2026-06-11', '07:00', '11:00'), shift('2026-06-11', '20:30', '00:30')], ['REST@2026-06-11=9.5']],
    ['a same-day shift', [shift('2026-06-11', '09:00', '17:00')], []],
    ['a split shift 10:00-14:00 and 19:00-23:00, next day 10:00: 11 h', [shift('2026-06-11', '10:00', '14:00'), shift('2026-06-11', '19:00', '23:00'), shift('2026-06-12', '10:00', '14:00')], []],
    ['a split shift 10:00-14:00 and 19:00-23:00, next day 09:00: 10 h', [shift('2026-06-11', '10:00', '14:00'), shift('2026-06-11', '19:00', '23:00'), shift('2026-06-12', '09:00', '13:00')], ['REST@2026-06-12=10']],
    ['ending at midnight, next day 11:00: 11 h', [shift('2026-06-11', '16:00', '00:00'), shift('2026-06-12', '11:00', '15:00')], []],
    ['ending at midnight, next day 10:00: 10 h', [shift('2026-06-11', '16:00', '00:00'), shift('2026-06-12', '10:00', '14:00')], ['REST@2026-06-12=10']],
    ['a night shift 22:00-06:00, next 17:00: 11 h', [shift('2026-06-11', '22:00', '06:00'), shift('2026-06-12', '17:00', '21:00')], []],
    ['a night shift 22:00-06:00, next 16:00: 10 h', [shift('2026-06-11', '22:00', '06:00'), shift('2026-06-12', '16:00', '20:00')], ['REST@2026-06-12=10']],
    // 08:00-11:00, 20:00-23:00, then 06:00-09:00: the 24 h from 08:00 hold 9 h (11:00-20:00) and 7 h (23:00-06:00);
    // those from 20:00 hold 11 h (09:00-20:00 the next day). One 24 h period lacks its rest; the longest gap in it,
    // 11:00-20:00, is the daily rest, 2 h short (moving the evening shift 2 h later makes every 24 h lawful).
    ['two shifts then an early call: the longest gap of the 24 h is the rest', [shift('2026-06-11', '08:00', '11:00'), shift('2026-06-11', '20:00', '23:00'), shift('2026-06-12', '06:00', '09:00')], ['REST@2026-06-11=9']],
    ['three nights in a row with 9 h rests: one short rest each', [shift('2026-06-15', '14:00', '23:00'), shift('2026-06-16', '08:00', '17:00'), shift('2026-06-17', '02:00', '06:00')], ['REST@2026-06-16=9', 'REST@2026-06-17=9']],
  ])('%s', (_name, shifts, expected, profile) => {
    expect(kinds(shifts, profile)).toEqual([...expected].sort());
  });

  it('reports the instants of the rest and of the working period, and the limits', () => {
    const [restC] = found([shift('2026-06-09', '18:00', '20:00'), shift('2026-06-10', '00:00', '02:00'), shift('2026-06-10', '08:00', '12:00')]);
    expect(restC).toMatchObject({ kind: 'REST', severity: 'error', userId: 'u1', limitHours: 11 });
    expect(hours(restC!)).toEqual(['2026-06-10T00:00:00.000Z', '2026-06-10T06:00:00.000Z']);
    const amp = found([shift('2026-06-11', '07:00', '11:00'), shift('2026-06-11', '20:00', '00:00')])[0]!;
    expect(amp).toMatchObject({ kind: 'AMPLITUDE', severity: 'error', limitHours: 13 });
    expect(hours(amp)).toEqual(['2026-06-11T05:00:00.000Z', '2026-06-11T22:00:00.000Z']);
    // The shift to move is the last one.
    expect(amp.assignmentIds).toHaveLength(2);
  });

  it('working periods: a gap under 11 h inside 13 h is a break, whatever the dates', () => {
    const periods = workingPeriods([shift('2026-06-09', '18:00', '20:00'), shift('2026-06-10', '00:00', '02:00'), shift('2026-06-10', '08:00', '12:00')], GENERAL_PROFILE);
    expect(periods.map((p) => [new Date(p.start).toISOString(), new Date(p.end).toISOString(), p.workMs / 3_600_000])).toEqual([
      ['2026-06-09T16:00:00.000Z', '2026-06-10T00:00:00.000Z', 4],
      ['2026-06-10T06:00:00.000Z', '2026-06-10T10:00:00.000Z', 4],
    ]);
  });

  describe('DST weekends in Europe/Paris', () => {
    it.each<[string, Shift[], string[]]>([
      // 21:00 to 08:00 over the spring change is 10 real hours; to 09:00, 11.
      ['spring: 21:00 to 08:00 is 10 h of rest', [shift('2026-03-28', '12:00', '21:00'), shift('2026-03-29', '08:00', '12:00')], ['REST@2026-03-29=10']],
      ['spring: 21:00 to 09:00 is 11 h', [shift('2026-03-28', '12:00', '21:00'), shift('2026-03-29', '09:00', '12:00')], []],
      // 18:00 to 08:00 over the spring change is 13 real hours: within the amplitude.
      ['spring: 18:00-20:00 and 06:00-08:00 span 13 h', [shift('2026-03-28', '18:00', '20:00'), shift('2026-03-29', '06:00', '08:00')], []],
      ['the same on an ordinary night spans 14 h', [shift('2026-06-13', '18:00', '20:00'), shift('2026-06-14', '06:00', '08:00')], ['AMPLITUDE@2026-06-13=14']],
      // 18:00 to 07:00 over the autumn change is 14 real hours.
      ['autumn: 18:00-20:00 and 05:00-07:00 span 14 h', [shift('2026-10-24', '18:00', '20:00'), shift('2026-10-25', '05:00', '07:00')], ['AMPLITUDE@2026-10-24=14']],
      ['the same on an ordinary night spans 13 h', [shift('2026-11-14', '18:00', '20:00'), shift('2026-11-15', '05:00', '07:00')], []],
      ['autumn: 21:00 to 07:00 is 11 h of rest', [shift('2026-10-24', '12:00', '21:00'), shift('2026-10-25', '07:00', '11:00')], []],
      ['autumn: 21:00 to 06:00 is 10 h', [shift('2026-10-24', '12:00', '21:00'), shift('2026-10-25', '06:00', '10:00')], ['REST@2026-10-25=10']],
    ])('%s', (_name, shifts, expected) => {
      expect(kinds(shifts)).toEqual([...expected].sort());
    });
  });

  it('can be switched off', () => {
    const off: ConventionProfile = { ...GENERAL_PROFILE, rules: { ...GENERAL_PROFILE.rules, dailyRest: false } };
    expect(kinds([shift('2026-06-11', '07:00', '11:00'), shift('2026-06-11', '20:00', '00:00')], off)).toEqual([]);
  });
});

describe('IDCC 2717 art. 5.1.2: a 9 h reduced rest, at most 2 per civil week and 3 per 7 consecutive days', () => {
  it.each<[string, Shift[], string[], ConventionProfile?]>([
    // Mon 13:00-22:00, Tue 07:00-10:00 and 19:00-22:00, Wed 07:00-10:00: three 9 h rests (Mon 22:00-Tue 07:00,
    // Tue 10:00-19:00 inside one date, Tue 22:00-Wed 07:00) in the week of 8 June: the third one is refused.
    ['three 9 h rests in a civil week, one inside a date: the third is an error', [
      shift('2026-06-08', '13:00', '22:00'), shift('2026-06-09', '07:00', '10:00'), shift('2026-06-09', '19:00', '22:00'), shift('2026-06-10', '07:00', '10:00'),
    ], ['REDUCED_REST@2026-06-09=9', 'REDUCED_REST@2026-06-09=9', 'REST@2026-06-10=9']],
    // Every day 07:00-09:00 and 15:00-22:00 (15 h amplitude, 9 h of work), Friday 12 to Tuesday 16, then Wednesday
    // 07:00: each night's rest is 9 h (22:00-07:00), ending on 13, 14, 15, 16 and 17 June. Civil weeks: 13 and 14
    // (week of 8 June), 15, 16, 17 (week of 15 June). The 7 days 10 to 16 June would hold 13, 14, 15 and 16: the
    // rest ending on 16 June is refused by the 7-day cap (the civil week cap alone would allow it), and so is the
    // one ending on 17 June (11 to 17 June hold 13, 14, 15). A refused reduced rest leaves the 11 h rule: its rest
    // (9 h) and the amplitude before it (15 h, above 13 h) are errors.
    ['four 9 h rests across a week boundary: the 7-day cap', [
      ...['2026-06-12', '2026-06-13', '2026-06-14', '2026-06-15', '2026-06-16'].flatMap((d) => [shift(d, '07:00', '09:00'), shift(d, '15:00', '22:00')]),
      shift('2026-06-17', '07:00', '09:00'),
    ], ['REDUCED_REST@2026-06-13=9', 'REDUCED_REST@2026-06-14=9', 'REDUCED_REST@2026-06-15=9', 'REST@2026-06-16=9', 'AMPLITUDE@2026-06-15=15', 'REST@2026-06-17=9', 'AMPLITUDE@2026-06-16=15']],
    // 07:00-12:00 and 16:00-21:00: 14 h amplitude; the 24 h from 07:00 hold 10 h of rest (21:00-07:00): a reduced rest.
    ['a 14 h amplitude is a reduced rest of 10 h', [shift('2026-06-11', '07:00', '12:00'), shift('2026-06-11', '16:00', '21:00')], ['REDUCED_REST@2026-06-12=10']],
    ['and under the general rules an amplitude error', [shift('2026-06-11', '07:00', '12:00'), shift('2026-06-11', '16:00', '21:00')], ['AMPLITUDE@2026-06-11=14'], GENERAL_PROFILE],
    // 06:00-10:00 and 17:00-21:30: 15 h 30, more than 24 - 9 = 15 h.
    ['an amplitude above 15 h is an error even with the reduced rest', [shift('2026-06-11', '06:00', '10:00'), shift('2026-06-11', '17:00', '21:30')], ['AMPLITUDE@2026-06-11=15.5']],
    // 08:00-10:00 and 19:30-20:00: the 9 h 30 gap needs no reduced rest, the day spans 12 h.
    ['a 9 h 30 gap inside 12 h uses no reduced rest', [shift('2026-06-11', '08:00', '10:00'), shift('2026-06-11', '19:30', '20:00')], []],
    ['under 9 h is never allowed', [shift('2026-06-11', '14:00', '23:00'), shift('2026-06-12', '07:00', '12:00')], ['REST@2026-06-12=8']],
  ])('%s', (_name, shifts, expected, profile = LIVE_PERFORMANCE_PROFILE) => {
    expect(kinds(shifts, profile)).toEqual([...expected].sort());
  });

  it('names the cap that refused a reduced rest, and the minimum that applies', () => {
    const week = found([shift('2026-06-08', '13:00', '22:00'), shift('2026-06-09', '07:00', '10:00'), shift('2026-06-09', '19:00', '22:00'), shift('2026-06-10', '07:00', '10:00')], IDCC_2717_PROFILE);
    expect(week.find((c) => c.kind === 'REST')).toMatchObject({ cap: 'WEEK', limitHours: 11, hours: 9 });
    const sevenDays = found([...['2026-06-12', '2026-06-13', '2026-06-14', '2026-06-15'].flatMap((d) => [shift(d, '07:00', '09:00'), shift(d, '15:00', '22:00')]), shift('2026-06-16', '07:00', '09:00')], IDCC_2717_PROFILE);
    expect(sevenDays.filter((c) => c.cap).map((c) => [c.kind, c.cap])).toEqual([['REST', 'SEVEN_DAYS'], ['AMPLITUDE', 'SEVEN_DAYS']]);
    const tooShort = found([shift('2026-06-11', '14:00', '23:00'), shift('2026-06-12', '07:00', '12:00')], IDCC_2717_PROFILE)[0]!;
    expect(tooShort).toMatchObject({ kind: 'REST', limitHours: 9 });
    expect(tooShort.cap).toBeUndefined();
    const reduced = found([shift('2026-06-11', '07:00', '12:00'), shift('2026-06-11', '16:00', '21:00')], IDCC_2717_PROFILE)[0]!;
    expect(reduced).toMatchObject({ kind: 'REDUCED_REST', severity: 'warning', limitHours: 11 });
    expect(hours(reduced)).toEqual(['2026-06-11T19:00:00.000Z', '2026-06-12T05:00:00.000Z']);
  });

  it('the spring change shortens a reduced rest: 22:00 to 08:00 is 9 h, 22:00 to 07:00 only 8 h', () => {
    expect(kinds([shift('2026-03-28', '13:00', '22:00'), shift('2026-03-29', '08:00', '12:00')], IDCC_2717_PROFILE)).toEqual(['REDUCED_REST@2026-03-29=9']);
    expect(kinds([shift('2026-03-28', '13:00', '22:00'), shift('2026-03-29', '07:00', '12:00')], IDCC_2717_PROFILE)).toEqual(['REST@2026-03-29=8']);
    // The autumn change lengthens it: 22:00 to 06:00 is 9 h.
    expect(kinds([shift('2026-10-24', '13:00', '22:00'), shift('2026-10-25', '06:00', '10:00')], IDCC_2717_PROFILE)).toEqual(['REDUCED_REST@2026-10-25=9']);
  });
});

describe('weekly rest (L3132-2: 24 + 11 = 35 consecutive hours) and 6 working days (L3132-1)', () => {
  const weekdays = (dates: string[], from: string, to: string) => dates.map((d) => shift(d, from, to));
  const JUNE_8_TO_12 = ['2026-06-08', '2026-06-09', '2026-06-10', '2026-06-11', '2026-06-12'];
  it.each<[string, Shift[], string[]]>([
    // Previous Sunday until 20:00, Mon-Fri 09:00-16:00, Sat 14:00-22:00, next Monday 08:00: Sat 22:00 to Mon 08:00
    // is 34 h, the longest rest of the week.
    ['a Saturday night to Monday morning rest of 34 h', [shift('2026-06-07', '12:00', '20:00'), ...weekdays(JUNE_8_TO_12, '09:00', '16:00'), shift('2026-06-13', '14:00', '22:00'), shift('2026-06-15', '08:00', '12:00')], ['WEEKLY_REST@2026-06-08=34']],
    ['the same with Monday 09:00: 35 h', [shift('2026-06-07', '12:00', '20:00'), ...weekdays(JUNE_8_TO_12, '09:00', '16:00'), shift('2026-06-13', '14:00', '22:00'), shift('2026-06-15', '09:00', '12:00')], []],
    // Spring: Sat 28 March 21:00 to Mon 30 March 08:00 reads 35 h on the clock but lasts 34 h.
    ['spring change: Saturday 21:00 to Monday 08:00 is 34 h', [shift('2026-03-22', '12:00', '20:00'), ...weekdays(['2026-03-23', '2026-03-24', '2026-03-25', '2026-03-26', '2026-03-27'], '09:00', '16:00'), shift('2026-03-28', '13:00', '21:00'), shift('2026-03-30', '08:00', '12:00')], ['WEEKLY_REST@2026-03-23=34']],
    // Autumn: Sat 24 October 21:00 to Mon 26 October 07:00 reads 34 h but lasts 35 h.
    ['autumn change: Saturday 21:00 to Monday 07:00 is 35 h', [shift('2026-10-18', '12:00', '20:00'), ...weekdays(['2026-10-19', '2026-10-20', '2026-10-21', '2026-10-22', '2026-10-23'], '09:00', '16:00'), shift('2026-10-24', '13:00', '21:00'), shift('2026-10-26', '07:00', '11:00')], []],
    ['the same on an ordinary weekend is 34 h', [shift('2026-11-08', '12:00', '20:00'), ...weekdays(['2026-11-09', '2026-11-10', '2026-11-11', '2026-11-12', '2026-11-13'], '09:00', '16:00'), shift('2026-11-14', '13:00', '21:00'), shift('2026-11-16', '07:00', '11:00')], ['WEEKLY_REST@2026-11-09=34']],
    // Seven days 09:00-15:00 (Sunday 09:00-12:00) between a Sunday and a Monday of work: the longest rest is Sunday
    // 12:00 to Monday 09:00, 21 h; and 7 working days.
    ['seven working days', [shift('2026-06-07', '09:00', '15:00'), ...weekdays([...JUNE_8_TO_12, '2026-06-13'], '09:00', '15:00'), shift('2026-06-14', '09:00', '12:00'), shift('2026-06-15', '09:00', '15:00')], ['WEEKLY_REST@2026-06-08=21', 'WORKING_DAYS@2026-06-08=7d']],
    // Shows Monday to Saturday 18:00-23:00 and a load-out Saturday night to Sunday 03:00: 6 working days (the
    // load-out belongs to Saturday's working period); Sunday 03:00 onwards is the weekly rest.
    ['six shows and a load-out after midnight are 6 working days', [...weekdays([...JUNE_8_TO_12, '2026-06-13'], '18:00', '23:00'), shift('2026-06-14', '00:00', '03:00')], []],
    ['a seventh day on Sunday afternoon', [...weekdays([...JUNE_8_TO_12, '2026-06-13'], '18:00', '23:00'), shift('2026-06-14', '14:00', '16:00')], ['WORKING_DAYS@2026-06-08=7d']],
    // Night work Monday to Saturday nights 22:00-05:00: the rest from Sunday 05:00 to Monday 22:00 (41 h) runs over
    // Sunday night; it counts for both weeks it touches.
    ['night shifts Monday to Saturday: the weekly rest runs over Sunday night', ['2026-06-08', '2026-06-09', '2026-06-10', '2026-06-11', '2026-06-12', '2026-06-13', '2026-06-15', '2026-06-16'].map((d) => shift(d, '22:00', '05:00')), []],
  ])('%s', (_name, shifts, expected) => {
    expect(kinds(shifts)).toEqual([...expected].sort());
  });

  it('reports the longest rest of the week with its instants', () => {
    const c = found([shift('2026-06-07', '12:00', '20:00'), ...weekdays(JUNE_8_TO_12, '09:00', '16:00'), shift('2026-06-13', '14:00', '22:00'), shift('2026-06-15', '08:00', '12:00')]).find((k) => k.kind === 'WEEKLY_REST')!;
    expect(c).toMatchObject({ severity: 'error', limitHours: 35, hours: 34 });
    expect(hours(c)).toEqual(['2026-06-13T20:00:00.000Z', '2026-06-15T06:00:00.000Z']);
    expect(c.assignmentIds).toHaveLength(6);
  });

  it('each rule can be switched off', () => {
    const seven = [shift('2026-06-07', '09:00', '15:00'), ...weekdays([...JUNE_8_TO_12, '2026-06-13'], '09:00', '15:00'), shift('2026-06-14', '09:00', '12:00'), shift('2026-06-15', '09:00', '15:00')];
    const profile = profileForSettings(withDefaults({ convention: 'GENERAL', ruleWeeklyRest: false }));
    expect(kinds(seven, profile)).toEqual(['WORKING_DAYS@2026-06-08=7d']);
    expect(kinds(seven, profileForSettings(withDefaults({ convention: 'GENERAL', ruleWorkingDays: false })))).toEqual(['WEEKLY_REST@2026-06-08=21']);
  });
});

describe('night workers (L3122-5 status, L3122-6 8 h a day, L3122-7 40 h on average over 12 weeks)', () => {
  it.each<[string, Shift[], string[], ConventionProfile?]>([
    // Two nights with at least 3 h in 21:00-06:00 in the week: a night worker; Wednesday 21:00-06:00 is 9 h of work.
    ['a night worker working 9 h in a night', [shift('2026-06-08', '22:00', '06:00'), shift('2026-06-10', '21:00', '06:00')], ['NIGHT_DAILY_MAX@2026-06-10=9']],
    ['8 h is the limit', [shift('2026-06-08', '22:00', '06:00'), shift('2026-06-10', '22:00', '06:00')], []],
    ['one night a week is not a night worker', [shift('2026-06-08', '08:00', '16:00'), shift('2026-06-10', '21:00', '06:00')], []],
    // With the live-performance night period (00:00-07:00, L3122-3): 19:00-01:00 holds 1 h of night.
    ['live-performance night period: evenings ending at 01:00 are not night work of 3 h', [shift('2026-06-08', '19:00', '01:00'), shift('2026-06-10', '17:00', '02:00')], [], profileForSettings(withDefaults({ convention: 'GENERAL', nightProfile: 'LIVE_PERFORMANCE' }))],
    ['live-performance night period: two nights to 04:00 make a night worker', [shift('2026-06-08', '20:00', '04:00'), shift('2026-06-10', '19:00', '04:00')], ['NIGHT_DAILY_MAX@2026-06-10=9'], profileForSettings(withDefaults({ convention: 'GENERAL', nightProfile: 'LIVE_PERFORMANCE' }))],
    ['switched off', [shift('2026-06-08', '22:00', '06:00'), shift('2026-06-10', '21:00', '06:00')], [], profileForSettings(withDefaults({ convention: 'GENERAL', nightProfile: 'GENERAL', ruleNightWorker: false }))],
  ])('%s', (_name, shifts, expected, profile) => {
    expect(kinds(shifts, profile)).toEqual([...expected].sort());
  });

  it('40 h on average over 12 weeks', () => {
    // Six nights a week 22:00-05:00 (7 h each, 42 h a week) for 12 weeks from Monday 1 June 2026: the average of
    // the 12 weeks ending on week k is 42 k / 12, above 40 only in the 12th week (17 August): 42 h.
    const shifts: Shift[] = [];
    for (let w = 0; w < 12; w++) {
      for (let d = 0; d < 6; d++) shifts.push(shift(new Date(Date.parse('2026-06-01T12:00:00Z') + (w * 7 + d) * 86_400_000).toISOString().slice(0, 10), '22:00', '05:00'));
    }
    expect(kinds(shifts)).toEqual(['NIGHT_WEEKLY_AVERAGE@2026-08-17=42']);
    expect(found(shifts)[0]).toMatchObject({ severity: 'warning', limitHours: 40 });
  });
});

describe('break of 20 minutes once work reaches 6 h (L3121-16), on punches', () => {
  const at = (date: string, time: string) => localInstant(date, time, P);
  const iv = (date: string, from: string, to: string) => {
    const start = at(date, from);
    let end = at(date, to);
    if (end <= start) end = at(nextDate(date), to);
    return { start, end };
  };
  it.each<[string, { start: number; end: number }[], number[]]>([
    ['6 h then the end of the day', [iv('2026-06-11', '09:00', '15:00')], []],
    ['6 h 15 without a break', [iv('2026-06-11', '09:00', '15:15')], [6.25]],
    ['a 20-minute break after 3 h', [iv('2026-06-11', '09:00', '12:00'), iv('2026-06-11', '12:20', '16:00')], []],
    ['a 10-minute break does not count: 6 h 50 of work', [iv('2026-06-11', '09:00', '12:00'), iv('2026-06-11', '12:10', '16:00')], [6.83]],
    ['the break after 7 h came too late', [iv('2026-06-11', '08:00', '15:00'), iv('2026-06-11', '15:30', '17:00')], [7]],
    ['two missions back to back are one stretch', [iv('2026-06-11', '08:00', '12:00'), iv('2026-06-11', '12:00', '16:00')], [8]],
    ['spring night 22:00-05:00 is 6 h of work', [iv('2026-03-28', '22:00', '05:00')], []],
    ['autumn night 22:00-06:00 is 9 h of work', [iv('2026-10-24', '22:00', '06:00')], [9]],
    ['an ordinary night 22:00-06:00 is 8 h', [iv('2026-06-11', '22:00', '06:00')], [8]],
  ])('%s', (_name, intervals, expected) => {
    expect(missingBreaks(intervals, GENERAL_PROFILE).map((w) => w.hours)).toEqual(expected);
  });

  it('reads the punches: a 15-minute break leaves 6 h 45 of work in one stretch', () => {
    const rules: TimeRules = { zone: P, roundingMinutes: 0, roundingMode: 'NEAREST', nightStart: '21:00', nightEnd: '06:00', nightPremiumPct: 0, repeatTapSeconds: 60 };
    const p = (id: string, punchType: Punch['punchType'], time: string): Punch => ({ id, userId: 'u1', missionId: null, at: new Date(at('2026-06-11', time)).toISOString(), punchType, deviceId: null });
    const punches = [p('1', 'IN', '09:00'), p('2', 'BREAK_START', '12:00'), p('3', 'BREAK_END', '12:15'), p('4', 'OUT', '16:00')];
    const [w] = punchBreakWarnings(punches, rules, GENERAL_PROFILE);
    expect(w).toMatchObject({ kind: 'BREAK', severity: 'warning', hours: 6.75, limitHours: 6, breakMinutes: 20 });
    expect([new Date(w!.from).toISOString(), new Date(w!.to).toISOString()]).toEqual(['2026-06-11T07:00:00.000Z', '2026-06-11T14:00:00.000Z']);
    const longer = [p('1', 'IN', '09:00'), p('2', 'BREAK_START', '12:00'), p('3', 'BREAK_END', '12:20'), p('4', 'OUT', '16:00')];
    expect(punchBreakWarnings(longer, rules, GENERAL_PROFILE)).toEqual([]);
    expect(punchBreakWarnings(punches, rules, { ...GENERAL_PROFILE, rules: { ...GENERAL_PROFILE.rules, breaks: false } })).toEqual([]);
  });
});

describe('profiles and settings', () => {
  it('keeps the conventions apart and reads the switches and the night period from the settings', () => {
    expect(IDCC_2717_PROFILE).toMatchObject({ id: 'IDCC_2717', reducedRestHours: 9, maxReducedRestsPerWeek: 2, maxReducedRestsPer7Days: 3 });
    expect(GENERAL_PROFILE).toMatchObject({ reducedRestHours: 11, maxReducedRestsPerWeek: 0, weeklyRestHours: 35, maxWorkingDaysPerWeek: 6, nightWorker: { nightStart: '21:00', nightEnd: '06:00', dailyMaxHours: 8, weeklyAverageMaxHours: 40, averageWeeks: 12 } });
    const live = profileForSettings(withDefaults({}));
    expect(live).toMatchObject({ id: 'LIVE_PERFORMANCE', reducedRestHours: 9, nightWorker: { nightStart: '00:00', nightEnd: '07:00' }, rules: { dailyRest: true, weeklyRest: true, workingDays: true, breaks: true, nightWorker: true } });
    expect(profileForSettings(withDefaults({ convention: 'GENERAL', agreementDaily12h: true, ruleBreaks: false }))).toMatchObject({ id: 'GENERAL', dailyMaxHours: 12, rules: { breaks: false } });
    expect(profileForSettings(withDefaults({ nightProfile: 'CUSTOM', nightStart: '22:00', nightEnd: '07:00' })).nightWorker).toMatchObject({ nightStart: '22:00', nightEnd: '07:00' });
  });

  it('the new settings are optional: stored rows without them get the defaults, and they are stored with the time clock fields', () => {
    const keys: readonly string[] = RULE_SETTING_KEYS;
    const stored = Object.fromEntries(Object.entries(DEFAULT_ORG_SETTINGS).filter(([k]) => !keys.includes(k)));
    expect(OrgSettingsSchema.safeParse(stored).success).toBe(true);
    expect(withDefaults(stored)).toMatchObject({ roundingScope: 'MONTH', ruleDailyRest: true, ruleWeeklyRest: true, ruleWorkingDays: true, ruleBreaks: true, ruleNightWorker: true });
    expect(withDefaults({ ruleBreaks: 'no', roundingScope: 'YEAR' })).toMatchObject({ ruleBreaks: true, roundingScope: 'MONTH' });
    expect(timeRulesOf(withDefaults({ roundingScope: 'TIMESHEET' }), P).roundingScope).toBe('TIMESHEET');
    expect(TIMECLOCK_SETTING_KEYS).toEqual(expect.arrayContaining([...RULE_SETTING_KEYS]));
  });
});

describe('every rule kind has its name and measure in every language', () => {
  it('planConflicts.kinds, .measure, .cap and .span', () => {
    const keys = [
      ...[...CONFLICT_KINDS, 'BREAK'].map((k) => `planConflicts.kinds.${k}`),
      ...[...CONFLICT_KINDS, 'BREAK'].map((k) => `planConflicts.measure.${k}`),
      'planConflicts.cap.WEEK', 'planConflicts.cap.SEVEN_DAYS', 'planConflicts.span',
    ];
    for (const locale of LOCALES) expect(keys.filter((k) => !hasKey(locale, k))).toEqual([]);
  });
});

describe('replacement suggestions use the same rules', () => {
  const people = ['ana', 'bob', 'dan'].map((id) => ({ id, skills: [], active: true, label: id }));
  const suggest = (mission: Shift, shifts: Shift[], profile: ConventionProfile) =>
    suggestReplacements({ mission: { id: mission.missionId, start: mission.start, end: mission.end, needs: [] }, people, shifts, unavailabilities: [], profile, tz: P }).map((r) => `${r.userId}${r.warnings.length ? `:${r.warnings.join(',')}` : ''}`);

  it('an amplitude over 13 h excludes; with IDCC 2717 the 9 h between is a reduced rest, a warning', () => {
    const show = shift('2026-06-10', '20:00', '00:00', 'nobody');
    const morning = shift('2026-06-10', '07:00', '11:00', 'ana');
    expect(suggest(show, [morning], GENERAL_PROFILE)).toEqual(['bob', 'dan']);
    expect(suggest(show, [morning], LIVE_PERFORMANCE_PROFILE)).toEqual(['bob', 'dan', 'ana:REDUCED_REST']);
  });

  it('a seventh working day excludes', () => {
    const sunday = shift('2026-06-14', '14:00', '18:00', 'nobody');
    const danWeek = ['2026-06-08', '2026-06-09', '2026-06-10', '2026-06-11', '2026-06-12', '2026-06-13'].map((d) => shift(d, '09:00', '15:00', 'dan'));
    expect(suggest(sunday, danWeek, GENERAL_PROFILE)).toEqual(['ana', 'bob']);
  });
});
