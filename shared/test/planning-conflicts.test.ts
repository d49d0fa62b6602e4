import { describe, expect, it } from 'vitest';
import { detectConflicts, localInstant, occurrences, type Shift, type Unavailability } from '../src/planning/conflicts';
import { GENERAL_PROFILE, LIVE_PERFORMANCE_PROFILE, withAgreementDailyMax, type ConventionProfile } from '../src/planning/profiles';

const P = 'Europe/Paris';
let n = 0;
/** A shift from local wall-clock times; an end time before the start time ends the next day. */
function shift(date: string, from: string, to: string, userId = 'u1'): Shift {
  const start = localInstant(date, from, P);
  let end = localInstant(date, to, P);
  if (end <= start) {
    const next = new Date(Date.parse(`${date}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    end = localInstant(next, to, P);
  }
  n += 1;
  return { assignmentId: `a${n}`, missionId: `m${n}`, userId, start, end };
}
const kinds = (shifts: Shift[], profile: ConventionProfile = GENERAL_PROFILE, unavailabilities: Unavailability[] = []) =>
  detectConflicts({ shifts, profile, tz: P, unavailabilities }).map((c) => `${c.kind}${c.period ? `@${c.period}` : ''}${c.hours !== undefined ? `=${c.hours}` : ''}`).sort();

describe('planning conflicts', () => {
  it.each<[string, Shift[], string[], ConventionProfile?]>([
    ['no conflict for a normal day', [shift('2026-11-16', '09:00', '17:00')], []],
    ['overlap of two missions', [shift('2026-11-16', '09:00', '13:00'), shift('2026-11-16', '12:00', '18:00')], ['OVERLAP']],
    ['touching shifts do not overlap', [shift('2026-11-16', '08:00', '12:00'), shift('2026-11-16', '12:00', '16:00')], []],
    ['other people never conflict with each other', [shift('2026-11-16', '09:00', '17:00', 'u1'), shift('2026-11-16', '09:00', '17:00', 'u2')], []],
    ['daily maximum 10 h exceeded', [shift('2026-11-16', '08:00', '19:00')], ['DAILY_MAX@2026-11-16=11']],
    ['exactly 10 h is allowed', [shift('2026-11-16', '08:00', '18:00')], []],
    ['12 h by agreement', [shift('2026-11-16', '08:00', '19:00')], [], withAgreementDailyMax(GENERAL_PROFILE)],
    ['two shifts on one day add up (split shift over 10 h)', [shift('2026-11-16', '07:00', '12:00'), shift('2026-11-16', '13:00', '19:00')], ['DAILY_MAX@2026-11-16=11']],
    ['across midnight: 6 h + 8 h the next day stays under 10 h per day', [shift('2026-11-16', '18:00', '00:00'), shift('2026-11-17', '11:00', '19:00')], []],
    ['daily rest below 11 h between two working days', [shift('2026-11-16', '14:00', '23:00'), shift('2026-11-17', '08:00', '12:00')], ['REST@2026-11-17=9']],
    ['daily rest of exactly 11 h is fine', [shift('2026-11-16', '14:00', '23:00'), shift('2026-11-17', '10:00', '14:00')], []],
    ['a split shift on one day is a break, not a short rest', [shift('2026-11-16', '08:00', '12:00'), shift('2026-11-16', '14:00', '18:00'), shift('2026-11-17', '08:00', '12:00')], []],
    // The 24 h from 08:00 on the 16th hold 9 h (11:00-20:00) and 7 h (23:00-06:00) of rest; those from 20:00 hold
    // 09:00-20:00 on the 17th (11 h). The longest gap of the failing 24 h, 11:00-20:00, is the short daily rest.
    ['two shifts on one day, then too early the next day: the longest gap of the 24 h is the rest', [shift('2026-11-16', '08:00', '11:00'), shift('2026-11-16', '20:00', '23:00'), shift('2026-11-17', '06:00', '09:00')], ['REST@2026-11-16=9']],
    ['a night shift then the next afternoon: the rest starts when the night ends', [shift('2026-11-16', '22:00', '06:00'), shift('2026-11-17', '14:00', '18:00')], ['REST@2026-11-17=8']],
    ['IDCC 2717: a 9 h rest is allowed twice a week', [shift('2026-11-16', '13:00', '22:00'), shift('2026-11-17', '07:00', '10:00'), shift('2026-11-17', '18:00', '22:00'), shift('2026-11-18', '07:00', '10:00')], ['REDUCED_REST@2026-11-17=9', 'REDUCED_REST@2026-11-18=9'], LIVE_PERFORMANCE_PROFILE],
    ['IDCC 2717: a third 9 h rest in one week is an error', [
      shift('2026-11-16', '13:00', '22:00'), shift('2026-11-17', '07:00', '10:00'), shift('2026-11-17', '18:00', '22:00'), shift('2026-11-18', '07:00', '10:00'), shift('2026-11-18', '18:00', '22:00'), shift('2026-11-19', '07:00', '10:00'),
    // The refused third rest leaves the 11 h rule for Wednesday 07:00-22:00: its 15 h amplitude is an error too.
    ], ['REDUCED_REST@2026-11-17=9', 'REDUCED_REST@2026-11-18=9', 'REST@2026-11-19=9', 'AMPLITUDE@2026-11-18=15'], LIVE_PERFORMANCE_PROFILE],
    ['IDCC 2717: the allowance starts again on Monday', [shift('2026-11-21', '13:00', '22:00'), shift('2026-11-22', '07:00', '10:00'), shift('2026-11-22', '18:00', '22:00'), shift('2026-11-23', '07:00', '10:00')], ['REDUCED_REST@2026-11-22=9', 'REDUCED_REST@2026-11-23=9'], LIVE_PERFORMANCE_PROFILE],
    ['IDCC 2717: under 9 h is never allowed', [shift('2026-11-16', '14:00', '23:00'), shift('2026-11-17', '07:00', '12:00')], ['REST@2026-11-17=8'], LIVE_PERFORMANCE_PROFILE],
    ['general rules: no reduced rest', [shift('2026-11-16', '13:00', '22:00'), shift('2026-11-17', '07:00', '12:00')], ['REST@2026-11-17=9']],
  ])('%s', (_name, shifts, expected, profile) => {
    expect(kinds(shifts, profile)).toEqual([...expected].sort());
  });

  it('a night shift across midnight splits its hours between the two days', () => {
    const night = shift('2026-11-16', '20:00', '06:00');
    expect(kinds([night])).toEqual([]);
    expect(kinds([night, shift('2026-11-17', '17:00', '23:00')])).toEqual(['DAILY_MAX@2026-11-17=12']);
  });

  describe('DST weekend in Europe/Paris', () => {
    it('spring forward: 20:00 to 08:00 on the night of 28-29 March 2026 is 11 h of work, not 12', () => {
      const night = shift('2026-03-28', '20:00', '08:00');
      expect((night.end - night.start) / 3_600_000).toBe(11);
      // 4 h on Saturday 28 and 7 h on Sunday 29 (the 23-hour day): no daily maximum broken.
      expect(kinds([night])).toEqual([]);
      expect(kinds([night, shift('2026-03-29', '17:00', '21:00')])).toEqual(['DAILY_MAX@2026-03-29=11', 'REST@2026-03-29=9']);
    });

    it('fall back: 20:00 to 08:00 on the night of 24-25 October 2026 is 13 h of work', () => {
      const night = shift('2026-10-24', '20:00', '08:00');
      expect((night.end - night.start) / 3_600_000).toBe(13);
      // 4 h on Saturday 24 and 9 h on Sunday 25 (the 25-hour day).
      expect(kinds([night])).toEqual([]);
      // 9 h on Sunday 25 (the 25-hour day) + 2 h in the evening = 11 h: above the daily maximum.
      expect(kinds([night, shift('2026-10-25', '20:00', '22:00')])).toContain('DAILY_MAX@2026-10-25=11');
    });

    it('the daily rest counts real elapsed time over the spring change: 22:00 to 08:00 is 9 h', () => {
      expect(kinds([shift('2026-03-28', '13:00', '22:00'), shift('2026-03-29', '08:00', '12:00')])).toEqual(['REST@2026-03-29=9']);
      // 22:00 to 09:00 looks like 11 h on the clock but is 10 h of real rest that night.
      expect(kinds([shift('2026-03-28', '13:00', '22:00'), shift('2026-03-29', '09:00', '12:00')])).toEqual(['REST@2026-03-29=10']);
      expect(kinds([shift('2026-03-28', '13:00', '22:00'), shift('2026-03-29', '10:00', '12:00')])).toEqual([]);
    });

    it('and over the autumn change: 22:00 to 08:00 is 11 h of real rest', () => {
      expect(kinds([shift('2026-10-24', '13:00', '22:00'), shift('2026-10-25', '08:00', '12:00')])).toEqual([]);
      expect(kinds([shift('2026-10-24', '13:00', '22:00'), shift('2026-10-25', '07:00', '12:00')])).toEqual(['REST@2026-10-25=10']);
    });
  });

  it('weekly maximum of 48 h in a calendar week (Monday to Sunday)', () => {
    const days = ['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20'];
    const fiveNines = days.map((d) => shift(d, '08:00', '17:00'));
    expect(kinds(fiveNines)).toEqual([]);
    expect(kinds([...fiveNines, shift('2026-11-21', '08:00', '11:00')])).toEqual([]);
    expect(kinds([...fiveNines, shift('2026-11-21', '08:00', '12:00')])).toEqual(['WEEKLY_MAX@2026-11-16=49']);
    // The next Monday starts a new week.
    expect(kinds([...fiveNines, shift('2026-11-23', '08:00', '17:00')])).toEqual([]);
  });

  it('weekly average over 12 weeks above 44 h', () => {
    const shifts: Shift[] = [];
    for (let w = 0; w < 12; w++) {
      const monday = new Date(Date.parse('2026-09-07T12:00:00Z') + w * 7 * 86_400_000).toISOString().slice(0, 10);
      for (let d = 0; d < 5; d++) {
        const date = new Date(Date.parse(`${monday}T12:00:00Z`) + d * 86_400_000).toISOString().slice(0, 10);
        shifts.push(shift(date, '08:00', '17:00'), shift(date, '18:00', '18:15'));
      }
    }
    // 46.25 h each week: under the 48 h maximum, over the 44 h average in the 12th week.
    const found = kinds(shifts);
    expect(found.filter((k) => k.startsWith('WEEKLY_MAX'))).toEqual([]);
    expect(found.filter((k) => k.startsWith('WEEKLY_AVERAGE'))).toEqual(['WEEKLY_AVERAGE@2026-11-23=46.25']);
  });

  it('declared unavailability: approved is an error, pending a warning, rejected ignored; weekly ones repeat at local time across DST', () => {
    const mk = (status: Unavailability['status'], weeklyUntil: string | null = null): Unavailability => ({
      id: 'v', userId: 'u1', start: localInstant('2026-10-19', '18:00', P), end: localInstant('2026-10-19', '23:00', P), weeklyUntil, status,
    });
    const evening = shift('2026-10-19', '19:00', '22:00');
    const all = (u: Unavailability) => detectConflicts({ shifts: [evening], unavailabilities: [u], profile: GENERAL_PROFILE, tz: P });
    expect(all(mk('APPROVED')).map((c) => [c.kind, c.severity])).toEqual([['UNAVAILABLE', 'error']]);
    expect(all(mk('PENDING')).map((c) => [c.kind, c.severity])).toEqual([['UNAVAILABLE', 'warning']]);
    expect(all(mk('REJECTED'))).toEqual([]);
    // Weekly from Monday 19 October (summer time) to November: on Monday 26 October (winter time) still 18:00-23:00 local.
    const weekly = mk('APPROVED', '2026-11-30');
    const occ = occurrences(weekly, localInstant('2026-10-26', '00:00', P), localInstant('2026-10-27', '00:00', P), P);
    expect(occ.map((o) => new Date(o.start).toISOString())).toEqual(['2026-10-26T17:00:00.000Z']);
    const later = shift('2026-10-26', '20:00', '21:00');
    expect(detectConflicts({ shifts: [later], unavailabilities: [weekly], profile: GENERAL_PROFILE, tz: P }).map((c) => c.kind)).toEqual(['UNAVAILABLE']);
    const tuesday = shift('2026-10-27', '20:00', '21:00');
    expect(detectConflicts({ shifts: [tuesday], unavailabilities: [weekly], profile: GENERAL_PROFILE, tz: P })).toEqual([]);
  });
});
