import { describe, expect, it } from 'vitest';
import { localInstant, type Shift, type Unavailability } from '../src/planning/conflicts';
import { addDays as addDaysIso } from '../src/time/zone';
import { GENERAL_PROFILE, LIVE_PERFORMANCE_PROFILE } from '../src/planning/profiles';
import { hoursInWeek, isQualified, requiredSkillSets, suggestReplacements, type ReplacementCandidate, type ReplacementInput } from '../src/planning/replacements';

const P = 'Europe/Paris';
const at = (date: string, time: string) => localInstant(date, time, P);
let n = 0;
function shift(userId: string, date: string, from: string, to: string, missionId = `m${++n}`): Shift {
  return { assignmentId: `a${++n}`, missionId, userId, start: at(date, from), end: at(date, to) };
}
const person = (id: string, skills: string[] = [], active = true): ReplacementCandidate => ({ id, skills, active, label: id });

// The mission to staff: Wednesday 18 November 2026, 14:00 to 18:00, a sound engineer (skill "son").
const MISSION = { id: 'show', start: at('2026-11-18', '14:00'), end: at('2026-11-18', '18:00'), needs: [{ role: 'Son', skills: ['son'] }] };
const base = (over: Partial<ReplacementInput> = {}): ReplacementInput => ({
  mission: MISSION,
  people: [],
  shifts: [],
  unavailabilities: [],
  profile: GENERAL_PROFILE,
  tz: P,
  ...over,
});
const ids = (input: ReplacementInput) => suggestReplacements(input).map((r) => r.userId);

describe('requiredSkillSets and isQualified', () => {
  it.each<[string, { role: string; skills: string[] }[], string | undefined, string[], boolean]>([
    ['no need: anyone', [], undefined, [], true],
    ['a need without skills: anyone', [{ role: 'Renfort', skills: [] }], undefined, [], true],
    ['one skill needed and held', [{ role: 'Son', skills: ['son'] }], undefined, ['son', 'lumiere'], true],
    ['one skill needed, not held', [{ role: 'Son', skills: ['son'] }], undefined, ['lumiere'], false],
    ['every skill of a need is needed', [{ role: 'Son', skills: ['son', 'caces'] }], undefined, ['son'], false],
    ['any of two needs qualifies when the role is unknown', [{ role: 'Son', skills: ['son'] }, { role: 'Lumiere', skills: ['lumiere'] }], undefined, ['lumiere'], true],
    ['the replaced role picks its need', [{ role: 'Son', skills: ['son'] }, { role: 'Lumiere', skills: ['lumiere'] }], 'Son', ['lumiere'], false],
    ['an unknown role falls back to any need', [{ role: 'Son', skills: ['son'] }], 'Plateau', ['son'], true],
  ])('%s', (_name, needs, role, skills, expected) => {
    expect(isQualified({ skills }, requiredSkillSets({ needs }, role))).toBe(expected);
  });
});

describe('suggestReplacements', () => {
  it.each<[string, Partial<ReplacementInput>, string[]]>([
    ['qualified and active people only', { people: [person('ana', ['son']), person('bob', ['lumiere']), person('cyd', ['son'], false)] }, ['ana']],
    ['the person being replaced and people already on the mission are left out', {
      people: [person('ana', ['son']), person('bob', ['son']), person('cyd', ['son'])],
      shifts: [{ assignmentId: 'old', missionId: 'show', userId: 'ana', start: MISSION.start, end: MISSION.end }, { assignmentId: 'x', missionId: 'show', userId: 'bob', start: MISSION.start, end: MISSION.end }],
      replacedAssignmentId: 'old',
    }, ['cyd']],
    ['an overlapping mission excludes', { people: [person('ana', ['son']), person('bob', ['son'])], shifts: [shift('ana', '2026-11-18', '16:00', '20:00')] }, ['bob']],
    ['a mission right after is fine', { people: [person('ana', ['son'])], shifts: [shift('ana', '2026-11-18', '18:00', '20:00')] }, ['ana']],
    ['the daily maximum excludes (8 h already that day)', { people: [person('ana', ['son']), person('bob', ['son'])], shifts: [shift('ana', '2026-11-18', '05:00', '13:00')] }, ['bob']],
    ['a short daily rest excludes (the next day starts at 03:00)', { people: [person('ana', ['son']), person('bob', ['son'])], shifts: [shift('ana', '2026-11-19', '03:00', '06:00')] }, ['bob']],
    ['a split day is a break, not a rest', { people: [person('ana', ['son'])], shifts: [shift('ana', '2026-11-18', '06:00', '08:00')] }, ['ana']],
    ['the weekly maximum excludes (46 h already that week)', {
      people: [person('ana', ['son']), person('bob', ['son'])],
      shifts: ['2026-11-16', '2026-11-17', '2026-11-19', '2026-11-20', '2026-11-21'].map((d, i) => shift('ana', d, '08:00', i === 4 ? '14:00' : '18:00')),
    }, ['bob']],
    ['an approved unavailability excludes', {
      people: [person('ana', ['son']), person('bob', ['son'])],
      unavailabilities: [{ id: 'u', userId: 'ana', start: at('2026-11-18', '00:00'), end: at('2026-11-19', '00:00'), weeklyUntil: null, status: 'APPROVED' }],
    }, ['bob']],
    ['a pending unavailability excludes too', {
      people: [person('ana', ['son']), person('bob', ['son'])],
      unavailabilities: [{ id: 'u', userId: 'ana', start: at('2026-11-18', '12:00'), end: at('2026-11-18', '15:00'), weeklyUntil: null, status: 'PENDING' }],
    }, ['bob']],
    ['a rejected unavailability does not count', {
      people: [person('ana', ['son'])],
      unavailabilities: [{ id: 'u', userId: 'ana', start: at('2026-11-18', '12:00'), end: at('2026-11-18', '15:00'), weeklyUntil: null, status: 'REJECTED' }],
    }, ['ana']],
    ['a weekly unavailability met on that Wednesday excludes', {
      people: [person('ana', ['son']), person('bob', ['son'])],
      unavailabilities: [{ id: 'u', userId: 'ana', start: at('2026-11-04', '13:00'), end: at('2026-11-04', '15:00'), weeklyUntil: '2026-12-31', status: 'APPROVED' }] satisfies Unavailability[],
    }, ['bob']],
    ['ranked by fewest hours that week, then by name', {
      people: [person('cyd', ['son']), person('bob', ['son']), person('ana', ['son']), person('dan', ['son'])],
      shifts: [shift('ana', '2026-11-16', '08:00', '16:00'), shift('bob', '2026-11-16', '08:00', '12:00'), shift('cyd', '2026-11-10', '08:00', '18:00')],
    }, ['cyd', 'dan', 'bob', 'ana']],
  ])('%s', (_name, over, expected) => {
    expect(ids(base(over))).toEqual(expected);
  });

  it('reports the week hours and the warnings the assignment brings (a reduced rest under IDCC 2717)', () => {
    const input = base({ profile: LIVE_PERFORMANCE_PROFILE, people: [person('ana', ['son'])], shifts: [shift('ana', '2026-11-17', '13:00', '23:00')], mission: { ...MISSION, start: at('2026-11-18', '08:00'), end: at('2026-11-18', '12:00') } });
    expect(suggestReplacements(input)).toEqual([{ userId: 'ana', weekHours: 10, warnings: ['REDUCED_REST'] }]);
  });

  it('warns when the assignment puts the 12-week average over 44 h (weeks before the mission count)', () => {
    // 46 h in each of the 11 weeks before (Monday to Thursday 10 h, Friday 6 h), 42 h planned in the mission's
    // week: with the mission's 4 h the 12-week average is (11 x 46 + 46) / 12 = 46 h.
    const shifts: Shift[] = [];
    for (let w = 0; w <= 11; w++) {
      const monday = addDaysIso('2026-11-16', -7 * w);
      for (let d = 0; d < 4; d++) if (!(w === 0 && d === 2)) shifts.push(shift('ana', addDaysIso(monday, d), '08:00', '18:00'));
      shifts.push(shift('ana', addDaysIso(monday, 4), '08:00', '14:00'));
      if (w === 0) shifts.push(shift('ana', addDaysIso(monday, 5), '08:00', '14:00'));
    }
    const [ana] = suggestReplacements(base({ people: [person('ana', ['son'])], shifts }));
    expect(ana).toEqual({ userId: 'ana', weekHours: 42, warnings: ['WEEKLY_AVERAGE'] });
  });

  it('counts a week of the DST change in real hours (the night of 24-25 October 2026 lasts 13 h)', () => {
    const night = { assignmentId: 'n', missionId: 'n', userId: 'ana', start: at('2026-10-24', '20:00'), end: at('2026-10-25', '08:00') };
    expect(hoursInWeek([night], '2026-10-19', P)).toBe(13);
  });
});
