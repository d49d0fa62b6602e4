import { describe, expect, it } from 'vitest';
import { divRoundHalfUp, minutesToHours, monthlyPayroll, type MonthlyInput, type PayrollTimesheet } from '../src/payroll/monthly';
import type { RateProfile, RateProfileData } from '../src/payroll/rates';
import { nightRulesFor } from '../src/timeclock/night';
import type { TimeRules } from '../src/timeclock/types';

/** Base rules of these tests: Paris, no rounding, GENERAL night window, 60 s repeats. */
const BASE_RULES: TimeRules = { zone: 'Europe/Paris', roundingMinutes: 0, roundingMode: 'NEAREST', nightStart: '21:00', nightEnd: '06:00', nightPremiumPct: 0, repeatTapSeconds: 60 };

const RULES = { ...BASE_RULES, ...nightRulesFor('IDCC_2717') };
const rate = (id: string, mode: RateProfileData['mode'], amountCents: number, appliesTo: RateProfileData['appliesTo'], archived = false): RateProfile => ({ id, name: id, archived, data: { mode, amountCents, appliesTo } });
let n = 0;
const ts = (userId: string, date: string, roundedMinutes: number, extra: Partial<PayrollTimesheet> = {}): PayrollTimesheet => ({
  id: `t${++n}`,
  userId,
  missionId: null,
  date,
  type: 'MONTAGE',
  status: 'VALIDATED',
  roundedMinutes,
  paidMinutes: roundedMinutes,
  nightMinutes: 0,
  ...extra,
});
const USERS = [
  { id: 'ana', firstName: 'Ana', lastName: 'Zola', employmentType: 'INTERMITTENT' },
  { id: 'bob', firstName: 'Bob', lastName: 'Andre', employmentType: 'CDI' },
  { id: 'eve', firstName: 'Eve', lastName: '\u00c9tienne', employmentType: 'CDD' },
];
const run = (timesheets: PayrollTimesheet[], profiles: RateProfile[], extra: Partial<MonthlyInput> = {}) =>
  monthlyPayroll({ month: '2026-10', zone: 'Europe/Paris', rules: RULES, timesheets, users: USERS, profiles, ...extra });

describe('payroll arithmetic', () => {
  it.each<[number, number, number]>([
    [5, 2, 3],
    [7, 2, 4],
    [1, 3, 0],
    [2, 3, 1],
    [0, 60, 0],
  ])('divRoundHalfUp(%i, %i) = %i', (num, den, expected) => {
    expect(divRoundHalfUp(num, den)).toBe(expected);
  });

  it.each<[number, number]>([
    [90, 1.5],
    [1, 0.02],
    [100, 1.67],
    [465, 7.75],
  ])('%i minutes are %d hours', (minutes, hours) => {
    expect(minutesToHours(minutes)).toBe(hours);
  });
});

describe('monthlyPayroll, one timesheet', () => {
  it.each<[string, PayrollTimesheet, RateProfile[], Record<string, number>]>([
    ['hourly: 7 h 30 at 20.00 EUR', ts('bob', '2026-10-05', 450), [rate('h', 'HOURLY', 2000, { kind: 'ORG', id: null })], { hours: 7.5, grossHourlyCents: 15000, grossCents: 15000, cachets: 0 }],
    ['hourly: one minute at 12.50 EUR/h is 20.83 cents, 21', ts('bob', '2026-10-05', 1), [rate('h', 'HOURLY', 1250, { kind: 'ORG', id: null })], { grossHourlyCents: 21 }],
    ['hourly: exactly half a cent rounds up', ts('bob', '2026-10-05', 1), [rate('h', 'HOURLY', 30, { kind: 'ORG', id: null })], { grossHourlyCents: 1 }],
    ['hourly with night: IDCC 2717 +25 % on 6 night hours', ts('bob', '2026-10-05', 480, { nightMinutes: 360 }), [rate('h', 'HOURLY', 2000, { kind: 'ORG', id: null })], { grossHourlyCents: 16000, nightPremiumCents: 3000, grossCents: 19000, nightHours: 6 }],
    ['a cachet counts 12 h for France Travail, not in hours', ts('ana', '2026-10-05', 600, { type: 'SPECTACLE' }), [rate('c', 'CACHET', 15000, { kind: 'USER', id: 'ana' })], { cachets: 1, hours: 0, franceTravailHours: 12, grossCachetCents: 15000, grossCents: 15000 }],
    ['a cachet gets no night premium', ts('ana', '2026-10-05', 600, { nightMinutes: 120 }), [rate('c', 'CACHET', 15000, { kind: 'ORG', id: null })], { nightPremiumCents: 0, nightHours: 2 }],
    ['flat: the amount once, the hours counted', ts('bob', '2026-10-05', 300), [rate('f', 'FLAT', 9000, { kind: 'ORG', id: null })], { hours: 5, grossFlatCents: 9000, grossCents: 9000 }],
    ['no rate: the hours counted, no amount, unrated', ts('bob', '2026-10-05', 300), [], { hours: 5, grossCents: 0, unrated: 1 }],
    ['the role rate applies to the role on the timesheet', ts('bob', '2026-10-05', 60, { role: 'Regisseur' }), [rate('o', 'HOURLY', 1000, { kind: 'ORG', id: null }), rate('r', 'HOURLY', 3000, { kind: 'ROLE', id: 'Regisseur' })], { grossCents: 3000 }],
  ])('%s', (_name, timesheet, profiles, expected) => {
    const { people } = run([timesheet], profiles);
    expect(people).toHaveLength(1);
    expect(people[0]).toMatchObject(expected);
  });
});

describe('monthlyPayroll, a month', () => {
  const profiles = [rate('base', 'HOURLY', 1850, { kind: 'ORG', id: null }), rate('ana-cachet', 'CACHET', 14800, { kind: 'USER', id: 'ana' }), rate('m-flat', 'FLAT', 25000, { kind: 'MISSION', id: 'm-flat' })];
  const timesheets = [
    ts('ana', '2026-10-03', 600, { projectId: 'p1' }),
    ts('ana', '2026-10-04', 540, { projectId: 'p1' }),
    ts('ana', '2026-10-04', 120, { projectId: 'p2', missionId: 'm-flat' }),
    ts('bob', '2026-10-24', 540, { nightMinutes: 420, projectId: 'p1' }),
    ts('bob', '2026-10-25', 467, { nightMinutes: 13, projectId: null }),
    ts('eve', '2026-10-31', 61, { projectId: 'p2' }),
    ts('eve', '2026-10-12', 240, { status: 'SUBMITTED', projectId: 'p2' }),
    ts('bob', '2026-09-30', 480, { projectId: 'p1' }),
    ts('bob', '2026-11-01', 480, { projectId: 'p1' }),
  ];
  const result = run(timesheets, profiles);

  it('keeps the timesheets of the month with the statuses asked for', () => {
    expect(result.skipped).toBe(1);
    expect(result.people.map((r) => r.userId)).toEqual(['bob', 'eve', 'ana']);
    expect(run(timesheets, profiles, { statuses: ['VALIDATED', 'SUBMITTED'] }).skipped).toBe(0);
    expect(run(timesheets, profiles, { month: '2026-09' }).people.map((r) => r.userId)).toEqual(['bob']);
  });

  it('names people "Lastname Firstname", sorted by name with accents', () => {
    expect(result.people.map((r) => r.name)).toEqual(['Andre Bob', '\u00c9tienne Eve', 'Zola Ana']);
    expect(result.people.map((r) => r.contractType)).toEqual(['CDI', 'CDD', 'INTERMITTENT']);
  });

  it('counts days, cachets and France Travail hours per person', () => {
    const ana = result.people.find((r) => r.userId === 'ana')!;
    expect(ana).toMatchObject({ daysWorked: 2, cachets: 2, hours: 2, franceTravailHours: 26, grossCachetCents: 29600, grossFlatCents: 25000, grossCents: 54600 });
    const bob = result.people.find((r) => r.userId === 'bob')!;
    // 1007 min at 18.50: 540 -> 16650, 467 -> 14399.17 -> 14399; night 420 min +25 % -> 3237.5 -> 3238, 13 min -> 100.2 -> 100.
    expect(bob).toMatchObject({ daysWorked: 2, hours: 16.78, nightHours: 7.22, grossHourlyCents: 31049, nightPremiumCents: 3338, grossCents: 34387, unrated: 0 });
  });

  it('is coherent: rows add up to the timesheets, projects add up to the rows', () => {
    const counted = timesheets.filter((t) => t.date.startsWith('2026-10') && t.status === 'VALIDATED');
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    const grossOfRows = sum(result.people.map((r) => r.grossCents));
    expect(sum(result.people.map((r) => r.grossHourlyCents + r.grossCachetCents + r.grossFlatCents + r.nightPremiumCents))).toBe(grossOfRows);
    expect(sum(result.projects.map((p) => p.grossCents))).toBe(grossOfRows);
    expect(sum(result.people.map((r) => r.cachets))).toBe(sum(result.projects.map((p) => p.cachets)));
    const hourlyMinutes = sum(counted.filter((t) => t.userId !== 'ana' || t.missionId === 'm-flat').map((t) => t.roundedMinutes));
    expect(sum(result.people.map((r) => r.hours))).toBeCloseTo(hourlyMinutes / 60, 1);
    expect(sum(result.people.map((r) => r.daysWorked))).toBe(new Set(counted.map((t) => `${t.userId} ${t.date}`)).size);
  });

  it('totals per project, no project last', () => {
    expect(result.projects).toEqual([
      { projectId: 'p1', hours: 9, cachets: 2, grossCents: 29600 + 16650 + 3238 },
      { projectId: 'p2', hours: 3.02, cachets: 0, grossCents: 25000 + 1881 },
      { projectId: null, hours: 7.78, cachets: 0, grossCents: 14399 + 100 },
    ]);
  });
});
