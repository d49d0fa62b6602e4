import { describe, expect, it } from 'vitest';
import { aggregateValues, rolling, yearToDate, type AggregateInput } from '../src/kpi/aggregate';
import type { KpiAggregation } from '../src/kpi/definition';

describe('aggregateValues', () => {
  it.each<[number[], KpiAggregation, number | null]>([
    [[], 'SUM', null],
    [[], 'AVERAGE', null],
    [[], 'LAST', null],
    [[1, 2, 3], 'SUM', 6],
    [[1, 2, 3], 'AVERAGE', 2],
    [[1, 2, 3], 'LAST', 3],
    [[0, 0], 'AVERAGE', 0],
    [[-4, 4], 'SUM', 0],
  ])('%j %s -> %s', (values, aggregation, result) => {
    expect(aggregateValues(values, aggregation)).toBe(result);
  });
});

const monthly = (aggregation: KpiAggregation, values: Record<string, number>, target: AggregateInput['target'] = 25): AggregateInput => ({
  frequency: 'MONTHLY',
  aggregation,
  target,
  values,
});

describe('yearToDate', () => {
  const full = { '2025-12-01': 999, '2026-01-01': 10, '2026-02-01': 20, '2026-03-01': 30, '2026-04-01': 40, '2026-05-01': 500 };
  it.each<[KpiAggregation, number, number]>([
    ['SUM', 100, 100],
    ['AVERAGE', 25, 25],
    ['LAST', 40, 25],
  ])('monthly %s from January to April: value %d, target %d', (aggregation, value, target) => {
    const r = yearToDate(monthly(aggregation, full), '2026-04-15');
    expect(r).toEqual({ value, target, periods: ['2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01'], counted: 4 });
  });

  it('counts the targets of the periods that have a value only', () => {
    const { '2026-03-01': _, ...gap } = full;
    expect(yearToDate(monthly('SUM', gap), '2026-04-15')).toMatchObject({ value: 70, target: 75, counted: 3 });
    expect(yearToDate(monthly('AVERAGE', gap), '2026-04-15')).toMatchObject({ value: 70 / 3, target: 25, counted: 3 });
  });

  it('aggregates a target series period by period', () => {
    const series = [
      { periodStart: '2026-01-01', target: 10 },
      { periodStart: '2026-03-01', target: 20 },
    ];
    expect(yearToDate(monthly('SUM', full, series), '2026-04-01').target).toBe(60);
    expect(yearToDate(monthly('AVERAGE', full, series), '2026-04-01').target).toBe(15);
    expect(yearToDate(monthly('LAST', full, series), '2026-04-01').target).toBe(20);
  });

  it('has no target when a counted period has none (a partial sum would mislead)', () => {
    const late = [{ periodStart: '2026-02-01', target: 10 }];
    expect(yearToDate(monthly('SUM', full, late), '2026-04-01')).toMatchObject({ value: 100, target: null });
    expect(yearToDate(monthly('SUM', full, null), '2026-04-01')).toMatchObject({ value: 100, target: null });
  });

  it('is empty at the start of a year without values', () => {
    expect(yearToDate(monthly('SUM', {}), '2026-01-10')).toEqual({ value: null, target: null, periods: ['2026-01-01'], counted: 0 });
  });

  it('weekly: the ISO week-year, 53 weeks in 2026, week 1 of 2026 starting in 2025', () => {
    const input: AggregateInput = { frequency: 'WEEKLY', aggregation: 'SUM', target: 1, values: new Map([['2025-12-29', 1], ['2026-12-28', 2], ['2027-01-04', 4]]) };
    const w53 = yearToDate(input, '2027-01-02');
    expect(w53.periods).toHaveLength(53);
    expect(w53.periods[0]).toBe('2025-12-29');
    expect(w53.periods[52]).toBe('2026-12-28');
    expect(w53).toMatchObject({ value: 3, target: 2, counted: 2 });
    expect(yearToDate(input, '2027-01-05')).toMatchObject({ periods: ['2027-01-04'], value: 4 });
    expect(yearToDate(input, '2026-01-01')).toMatchObject({ periods: ['2025-12-29'], value: 1 });
  });

  it('quarterly, daily and leap years', () => {
    const q: AggregateInput = { frequency: 'QUARTERLY', aggregation: 'SUM', target: 5, values: { '2026-01-01': 1, '2026-04-01': 2, '2026-07-01': 3, '2026-10-01': 4 } };
    expect(yearToDate(q, '2026-08-10')).toEqual({ value: 6, target: 15, periods: ['2026-01-01', '2026-04-01', '2026-07-01'], counted: 3 });
    const d = (asOf: string) => yearToDate({ frequency: 'DAILY', aggregation: 'SUM', target: 1, values: {} }, asOf).periods.length;
    expect(d('2024-12-31')).toBe(366);
    expect(d('2025-12-31')).toBe(365);
    expect(d('2024-03-01')).toBe(61);
    const y = yearToDate({ frequency: 'YEARLY', aggregation: 'LAST', target: 1, values: { '2025-01-01': 7, '2026-01-01': 8 } }, '2026-06-30');
    expect(y).toEqual({ value: 8, target: 1, periods: ['2026-01-01'], counted: 1 });
  });
});

describe('rolling', () => {
  const values = { '2025-11-01': 1, '2025-12-01': 2, '2026-01-01': 3, '2026-02-01': 4 };
  it.each<[KpiAggregation, number, string, number | null, number | null, number]>([
    ['SUM', 3, '2026-02-15', 9, 75, 3],
    ['AVERAGE', 3, '2026-02-15', 3, 25, 3],
    ['LAST', 3, '2026-02-15', 4, 25, 3],
    ['SUM', 12, '2026-02-15', 10, 100, 4],
    ['SUM', 2, '2026-04-15', null, null, 0],
    ['SUM', 0, '2026-02-15', null, null, 0],
  ])('%s over %i months to %s: value %s, target %s', (aggregation, n, asOf, value, target, counted) => {
    const r = rolling(monthly(aggregation, values), asOf, n);
    expect(r).toMatchObject({ value, target, counted });
    expect(r.periods).toHaveLength(n);
  });

  it('crosses a year end in order', () => {
    expect(rolling(monthly('LAST', values), '2026-01-31', 3).periods).toEqual(['2025-11-01', '2025-12-01', '2026-01-01']);
  });
});
