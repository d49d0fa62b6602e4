import { describe, expect, it } from 'vitest';
import { detectConflicts, localInstant, type Shift } from '../src/planning/conflicts';
import { elsewhereWeeklyHours, type ElsewhereHours } from '../src/planning/elsewhere';
import { GENERAL_PROFILE } from '../src/planning/profiles';
import { addDays } from '../src/time/zone';

/*
 * L8261-1: "aucun salarie ne peut accomplir des travaux remuneres au-dela de la duree maximale du travail" across
 * his employers: the 48 h of a civil week (L3121-20) and the 44 h on average over 12 weeks (L3121-22) apply to the
 * total. Europe/Paris; the spring change is the night of 28 to 29 March 2026.
 */
const P = 'Europe/Paris';
let n = 0;
function day(date: string, from = '08:00', to = '16:00', userId = 'u1'): Shift {
  n += 1;
  return { assignmentId: `a${n}`, missionId: `m${n}`, userId, start: localInstant(date, from, P), end: localInstant(date, to, P) };
}
/** Monday to Friday 08:00-16:00 (40 h) of the week of `monday`. */
const week40 = (monday: string, userId = 'u1') => [0, 1, 2, 3, 4].map((i) => day(addDays(monday, i), '08:00', '16:00', userId));
const weeklyKinds = (shifts: Shift[], elsewhere: ElsewhereHours[]) =>
  detectConflicts({ shifts, elsewhere, profile: GENERAL_PROFILE, tz: P })
    .filter((c) => c.kind === 'WEEKLY_MAX' || c.kind === 'WEEKLY_AVERAGE')
    .map((c) => `${c.kind}@${c.period}=${c.hours}${c.elsewhereHours !== undefined ? `(+${c.elsewhereHours})` : ''}`);

describe('weekly maximum and average across organisations (L8261-1)', () => {
  it.each<[string, Shift[], ElsewhereHours[], string[]]>([
    ['40 h here, nothing elsewhere: lawful', week40('2026-06-08'), [], []],
    ['40 h here and 8 h elsewhere: exactly 48 h, lawful', week40('2026-06-08'), [{ userId: 'u1', monday: '2026-06-08', hours: 8 }], []],
    ['40 h here and 10 h elsewhere: 50 h, an error that says 10 h are elsewhere', week40('2026-06-08'), [{ userId: 'u1', monday: '2026-06-08', hours: 10 }], ['WEEKLY_MAX@2026-06-08=50(+10)']],
    ['work elsewhere another week does not count in this one', week40('2026-06-08'), [{ userId: 'u1', monday: '2026-06-15', hours: 30 }], []],
    ["someone else's work elsewhere does not count", week40('2026-06-08'), [{ userId: 'u2', monday: '2026-06-08', hours: 30 }], []],
    ['50 h here alone: no elsewhere hours said', [...week40('2026-06-08'), day('2026-06-13', '08:00', '18:00')], [], ['WEEKLY_MAX@2026-06-08=50']],
  ])('%s', (_name, shifts, elsewhere, expected) => {
    expect(weeklyKinds(shifts, elsewhere)).toEqual(expected);
  });

  it('12 weeks of 40 h here and 5 h elsewhere average 45 h: a warning; 4 h elsewhere average 44 h: none', () => {
    const mondays = Array.from({ length: 12 }, (_, i) => addDays('2026-06-01', 7 * i));
    const shifts = mondays.flatMap((m) => week40(m));
    const five = mondays.map((monday) => ({ userId: 'u1', monday, hours: 5 }));
    const got = weeklyKinds(shifts, five);
    expect(got).toEqual([`WEEKLY_AVERAGE@${mondays[11]}=45(+5)`]);
    expect(weeklyKinds(shifts, mondays.map((monday) => ({ userId: 'u1', monday, hours: 4 })))).toEqual([]);
  });
});

describe('elsewhereWeeklyHours: only hours per civil week leave the other organisation', () => {
  const span = (date: string, from: string, endDate: string, to: string, userId = 'x') => ({ userId, start: localInstant(date, from, P), end: localInstant(endDate, to, P) });
  it.each<[string, ReturnType<typeof span>[], [string, string, number][]]>([
    ['one evening', [span('2026-06-10', '18:00', '2026-06-10', '23:00')], [['x', '2026-06-08', 5]]],
    ['a night across Sunday midnight counts in both weeks', [span('2026-06-14', '22:00', '2026-06-15', '03:00')], [['x', '2026-06-08', 2], ['x', '2026-06-15', 3]]],
    ['overlapping spans count once', [span('2026-06-10', '18:00', '2026-06-10', '23:00'), span('2026-06-10', '20:00', '2026-06-11', '01:00')], [['x', '2026-06-08', 7]]],
    ['the spring night: 22:00-04:00 is 5 h', [span('2026-03-28', '22:00', '2026-03-29', '04:00')], [['x', '2026-03-23', 5]]],
    ['the autumn night: 22:00-04:00 is 7 h', [span('2026-10-24', '22:00', '2026-10-25', '04:00')], [['x', '2026-10-19', 7]]],
    ['touching spans are one, no double count', [span('2026-06-10', '08:00', '2026-06-10', '12:00'), span('2026-06-10', '12:00', '2026-06-10', '14:00')], [['x', '2026-06-08', 6]]],
  ])('%s', (_name, spans, expected) => {
    expect(elsewhereWeeklyHours(spans, P).map((e) => [e.userId, e.monday, e.hours])).toEqual(expected);
  });
});
