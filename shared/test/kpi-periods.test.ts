import { describe, expect, it } from 'vitest';
import {
  isPeriodStart,
  isoWeek,
  lastPeriods,
  nextPeriod,
  periodEndOf,
  periodKey,
  periodOf,
  periodStartOf,
  periodYear,
  previousPeriod,
  type KpiFrequency,
} from '../src/kpi/periods';

// Expected values from the calendar and ISO 8601 (weeks Monday-Sunday, week 1 holds the first Thursday).
describe('periodOf', () => {
  it.each<[string, KpiFrequency, string, string]>([
    ['2026-12-04', 'DAILY', '2026-12-04', '2026-12-04'],
    ['2024-02-29', 'DAILY', '2024-02-29', '2024-02-29'],
    ['2026-12-04', 'WEEKLY', '2026-11-30', '2026-12-06'],
    ['2026-11-30', 'WEEKLY', '2026-11-30', '2026-12-06'],
    ['2026-12-06', 'WEEKLY', '2026-11-30', '2026-12-06'],
    ['2026-12-28', 'WEEKLY', '2026-12-28', '2027-01-03'],
    ['2027-01-01', 'WEEKLY', '2026-12-28', '2027-01-03'],
    ['2027-01-03', 'WEEKLY', '2026-12-28', '2027-01-03'],
    ['2027-01-04', 'WEEKLY', '2027-01-04', '2027-01-10'],
    ['2024-02-27', 'WEEKLY', '2024-02-26', '2024-03-03'],
    ['2026-12-15', 'MONTHLY', '2026-12-01', '2026-12-31'],
    ['2024-02-10', 'MONTHLY', '2024-02-01', '2024-02-29'],
    ['2025-02-10', 'MONTHLY', '2025-02-01', '2025-02-28'],
    ['2000-02-10', 'MONTHLY', '2000-02-01', '2000-02-29'],
    ['2100-02-10', 'MONTHLY', '2100-02-01', '2100-02-28'],
    ['2026-04-30', 'MONTHLY', '2026-04-01', '2026-04-30'],
    ['2026-01-01', 'QUARTERLY', '2026-01-01', '2026-03-31'],
    ['2026-03-31', 'QUARTERLY', '2026-01-01', '2026-03-31'],
    ['2026-04-01', 'QUARTERLY', '2026-04-01', '2026-06-30'],
    ['2026-08-10', 'QUARTERLY', '2026-07-01', '2026-09-30'],
    ['2026-12-31', 'QUARTERLY', '2026-10-01', '2026-12-31'],
    ['2024-02-29', 'QUARTERLY', '2024-01-01', '2024-03-31'],
    ['2024-12-31', 'YEARLY', '2024-01-01', '2024-12-31'],
    ['2026-06-15', 'YEARLY', '2026-01-01', '2026-12-31'],
  ])('%s %s -> %s .. %s', (date, f, start, end) => {
    expect(periodOf(date, f)).toEqual({ start, end });
    expect(periodStartOf(date, f)).toBe(start);
    expect(periodEndOf(date, f)).toBe(end);
  });
});

describe('next and previous period', () => {
  it.each<[string, KpiFrequency, string, string]>([
    ['2024-02-28', 'DAILY', '2024-02-27', '2024-02-29'],
    ['2024-03-01', 'DAILY', '2024-02-29', '2024-03-02'],
    ['2026-12-31', 'DAILY', '2026-12-30', '2027-01-01'],
    ['2026-12-30', 'WEEKLY', '2026-12-21', '2027-01-04'],
    ['2027-01-04', 'WEEKLY', '2026-12-28', '2027-01-11'],
    ['2026-12-15', 'MONTHLY', '2026-11-01', '2027-01-01'],
    ['2026-01-31', 'MONTHLY', '2025-12-01', '2026-02-01'],
    ['2026-02-10', 'QUARTERLY', '2025-10-01', '2026-04-01'],
    ['2026-11-01', 'QUARTERLY', '2026-07-01', '2027-01-01'],
    ['2024-02-29', 'YEARLY', '2023-01-01', '2025-01-01'],
  ])('%s %s: previous %s, next %s', (date, f, prev, next) => {
    expect(previousPeriod(date, f)).toBe(prev);
    expect(nextPeriod(date, f)).toBe(next);
  });
});

describe('isoWeek (ISO 8601)', () => {
  it.each<[string, number, number]>([
    ['2026-12-28', 2026, 53],
    ['2026-12-31', 2026, 53],
    ['2027-01-01', 2026, 53],
    ['2027-01-03', 2026, 53],
    ['2027-01-04', 2027, 1],
    ['2025-12-29', 2026, 1],
    ['2026-01-01', 2026, 1],
    ['2026-12-04', 2026, 49],
    ['2020-12-31', 2020, 53],
    ['2021-01-03', 2020, 53],
    ['2024-12-30', 2025, 1],
    ['2023-01-01', 2022, 52],
    ['2024-02-29', 2024, 9],
  ])('%s is week %i-%i', (date, year, week) => {
    expect(isoWeek(date)).toEqual({ year, week });
  });
});

describe('periodKey and periodYear', () => {
  it.each<[string, KpiFrequency, string, number]>([
    ['2026-12-04', 'DAILY', '2026-12-04', 2026],
    ['2027-01-02', 'WEEKLY', '2026-W53', 2026],
    ['2025-12-30', 'WEEKLY', '2026-W01', 2026],
    ['2027-01-04', 'WEEKLY', '2027-W01', 2027],
    ['2026-12-04', 'MONTHLY', '2026-12', 2026],
    ['2026-12-04', 'QUARTERLY', '2026-Q4', 2026],
    ['2026-03-31', 'QUARTERLY', '2026-Q1', 2026],
    ['2026-12-04', 'YEARLY', '2026', 2026],
  ])('%s %s -> %s (year %i)', (date, f, key, year) => {
    expect(periodKey(date, f)).toBe(key);
    expect(periodYear(date, f)).toBe(year);
  });
});

describe('lastPeriods and isPeriodStart', () => {
  it('lists the n periods ending with the current one, oldest first, across a year end', () => {
    expect(lastPeriods('2026-02-15', 'MONTHLY', 3)).toEqual(['2025-12-01', '2026-01-01', '2026-02-01']);
    expect(lastPeriods('2027-01-05', 'WEEKLY', 2)).toEqual(['2026-12-28', '2027-01-04']);
    expect(lastPeriods('2024-03-01', 'DAILY', 2)).toEqual(['2024-02-29', '2024-03-01']);
    expect(lastPeriods('2026-02-15', 'QUARTERLY', 0)).toEqual([]);
  });
  it.each<[string, KpiFrequency, boolean]>([
    ['2026-12-28', 'WEEKLY', true],
    ['2026-12-29', 'WEEKLY', false],
    ['2026-10-01', 'QUARTERLY', true],
    ['2026-11-01', 'QUARTERLY', false],
    ['2026-11-01', 'MONTHLY', true],
    ['2026-01-01', 'YEARLY', true],
    ['2026-11-02', 'DAILY', true],
  ])('%s starts a %s period: %s', (date, f, yes) => {
    expect(isPeriodStart(date, f)).toBe(yes);
  });
});
