import { describe, expect, it } from 'vitest';
import { AnalyticsFiltersSchema, normaliseFilters } from '../src/analytics/filters';
import { comparisonPeriod, dateOfDay, dayNumber, monthsOf, periodOf, sameDateLastYear } from '../src/analytics/periods';

describe('analytics periods', () => {
  it.each([
    // 1970-01-01 is day 0; 2026-12-07: 56 years of 365 days + 14 leap days (1972..2024) = 20454, + 340 (Jan..Nov 2026 = 334, + 6) = 20794.
    ['1970-01-01', 0],
    ['1970-01-02', 1],
    ['2026-12-07', 20794],
  ])('day number of %s is %i', (date, n) => {
    expect(dayNumber(date)).toBe(n);
    expect(dateOfDay(n)).toBe(date);
  });

  it.each([
    // Whole months compare with whole months: March 2026 against February (28 days), December against November (30).
    [{ from: '2026-03-01', to: '2026-03-31' }, 'previous', { from: '2026-02-01', to: '2026-02-28', days: 28 }],
    [{ from: '2026-12-01', to: '2026-12-31' }, 'previous', { from: '2026-11-01', to: '2026-11-30', days: 30 }],
    // A quarter against the quarter before (Oct..Dec 2026: Jul..Sep, 31 + 31 + 30 = 92 days); January against December.
    [{ from: '2026-10-01', to: '2026-12-31' }, 'previous', { from: '2026-07-01', to: '2026-09-30', days: 92 }],
    [{ from: '2027-01-01', to: '2027-01-31' }, 'previous', { from: '2026-12-01', to: '2026-12-31', days: 31 }],
    // Not whole months: the 31 days before 2 March (30, 31 January and 1..28 February, then 1 March): 31 days.
    [{ from: '2026-03-02', to: '2026-04-01' }, 'previous', { from: '2026-01-30', to: '2026-03-01', days: 31 }],
    // A week Monday..Sunday: the week before.
    [{ from: '2026-12-07', to: '2026-12-13' }, 'previous', { from: '2026-11-30', to: '2026-12-06', days: 7 }],
    // One day across a year's start.
    [{ from: '2027-01-01', to: '2027-01-01' }, 'previous', { from: '2026-12-31', to: '2026-12-31', days: 1 }],
    // Same dates last year; 29 February 2028 becomes 28 February 2027, so the comparison has 28 days against 29.
    [{ from: '2028-02-01', to: '2028-02-29' }, 'lastYear', { from: '2027-02-01', to: '2027-02-28', days: 28 }],
    [{ from: '2026-12-01', to: '2026-12-31' }, 'lastYear', { from: '2025-12-01', to: '2025-12-31', days: 31 }],
  ] as const)('comparison of %o (%s)', (p, mode, expected) => {
    expect(comparisonPeriod(periodOf(p.from, p.to), mode)).toEqual(expected);
  });

  it('same date last year', () => {
    expect(sameDateLastYear('2028-02-29')).toBe('2027-02-28');
    expect(sameDateLastYear('2025-02-28')).toBe('2024-02-28');
    expect(sameDateLastYear('2026-01-01')).toBe('2025-01-01');
  });

  it('months a period touches', () => {
    expect(monthsOf(periodOf('2026-11-30', '2027-02-01'))).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(monthsOf(periodOf('2026-12-07', '2026-12-07'))).toEqual(['2026-12']);
  });
});

describe('analytics filters schema', () => {
  it.each([
    [{ from: '2026-12-01', to: '2026-12-31' }, true],
    [{ from: '2026-12-01', to: '2026-12-01' }, true],
    [{ from: '2026-12-02', to: '2026-12-01' }, false],
    [{ from: '2026-13-01', to: '2026-12-01' }, false],
    [{ from: '01/12/2026', to: '2026-12-31' }, false],
    [{ to: '2026-12-31' }, false],
    // 1 Jan 2024 .. 31 Dec 2026 is 366 + 365 + 365 = 1096 days (allowed); one more day is not.
    [{ from: '2024-01-01', to: '2026-12-31' }, true],
    [{ from: '2023-12-31', to: '2026-12-31' }, false],
    [{ from: '2026-12-01', to: '2026-12-31', projectId: 'x'.repeat(201) }, false],
  ])('%o valid: %s', (input, ok) => {
    expect(AnalyticsFiltersSchema.safeParse(input).success).toBe(ok);
  });

  it('empty strings mean no filter', () => {
    const f = AnalyticsFiltersSchema.parse({ from: '2026-12-01', to: '2026-12-31', projectId: '', role: 'Son' });
    expect(f).toEqual({ from: '2026-12-01', to: '2026-12-31', projectId: null, venueId: null, teamId: null, role: 'Son' });
    expect(normaliseFilters({ from: '2026-12-01', to: '2026-12-31', venueId: '' })).toEqual({ from: '2026-12-01', to: '2026-12-31', projectId: null, venueId: null, teamId: null, role: null });
  });
});
