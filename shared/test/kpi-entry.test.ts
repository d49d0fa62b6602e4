import { describe, expect, it } from 'vitest';
import type { BoardKpi } from '../src/kpi/board';
import { entryRows, parseDecimalInput } from '../src/kpi/entry';

// Expected values: docs/decisions/kpi-rules.md, section 9 (Quick entry).
const kpi = (over: Partial<BoardKpi & { source: string }> = {}): BoardKpi & { source: string } => ({
  id: 'k1',
  name: 'Fill rate',
  unit: '%',
  decimals: 1,
  frequency: 'WEEKLY',
  direction: 'UP_IS_BETTER',
  target: 100,
  thresholds: { kind: 'PERCENT_OF_TARGET', green: 100, orange: 90 },
  aggregation: 'AVERAGE',
  active: true,
  gracePeriodDays: 0,
  source: 'MANUAL',
  ...over,
});

describe('entryRows', () => {
  const today = '2026-12-09';
  it('the doc example: weekly, no grace, a value for the week of 2026-11-23 only (its first value)', () => {
    const rows = entryRows([kpi()], new Map([['k1', new Map([['2026-11-23', 97]])]]), today);
    // The week of 2026-11-16 ended before the KPI had any value: not late, not listed.
    expect(rows.map((r) => [r.periodStart, r.status, r.current])).toEqual([
      ['2026-11-30', 'LATE', false],
      ['2026-12-07', 'NO_DATA', true],
    ]);
    expect(rows[1]).toMatchObject({ periodEnd: '2026-12-13', periodKey: '2026-W50', dueDate: '2026-12-13', saved: null, target: 100 });
  });

  it.each<[string, Partial<BoardKpi & { source: string }>, number]>([
    ['inactive', { active: false }, 0],
    ['imported', { source: 'IMPORT' }, 0],
    ['automatic', { source: 'AUTOMATIC' }, 0],
    ['manual, nothing entered (a new KPI): the current period only', {}, 1],
    ['manual, nothing entered, the last week still in its grace', { gracePeriodDays: 3 }, 2],
  ])('%s: %d rows', (_label, over, n) => {
    expect(entryRows([kpi(over)], new Map(), today)).toHaveLength(n);
  });

  it('a past period within its grace is NO_DATA; the current period keeps its saved value and rating', () => {
    const rows = entryRows([kpi({ gracePeriodDays: 5 })], new Map([['k1', new Map([['2026-12-07', 95], ['2026-11-16', 1], ['2026-11-23', 1]])]]), today);
    expect(rows.map((r) => [r.periodStart, r.status, r.saved])).toEqual([
      ['2026-11-30', 'NO_DATA', null],
      ['2026-12-07', 'ORANGE', 95],
    ]);
    expect(rows[0]!.dueDate).toBe('2026-12-11');
  });

  it('a past period with a value stays listed when kept (entered here, not yet sent)', () => {
    // A first value long ago (2026-11-09, before the lookback): every week of the lookback is in the KPI's life.
    const values = new Map([['k1', new Map([['2026-11-09', 100], ['2026-11-30', 100]])]]);
    expect(entryRows([kpi()], values, today).map((r) => r.periodStart)).toEqual(['2026-11-16', '2026-11-23', '2026-12-07']);
    const kept = entryRows([kpi()], values, today, 3, new Set(['k1|2026-11-30']));
    expect(kept.map((r) => [r.periodStart, r.saved, r.status])).toEqual([
      ['2026-11-16', null, 'LATE'],
      ['2026-11-23', null, 'LATE'],
      ['2026-11-30', 100, 'GREEN'],
      ['2026-12-07', null, 'NO_DATA'],
    ]);
  });

  it('monthly: the month and the 3 before it (a first value in October 2025)', () => {
    const rows = entryRows([kpi({ frequency: 'MONTHLY' })], new Map([['k1', new Map([['2025-10-01', 90]])]]), '2026-02-10');
    expect(rows.map((r) => r.periodKey)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });
});

describe('entryRows: the life of a KPI starts with its first value (it has no creation date)', () => {
  const today = '2026-12-09';
  it.each<[string, Record<string, number>, number, [string, string][]]>([
    ['created today, nothing entered, no grace: the current week only', {}, 0, [['2026-12-07', 'NO_DATA']]],
    // The week of 2026-11-30 is due 2026-12-06 + 3 days of grace = 2026-12-09 (today): still NO_DATA, listed.
    ['nothing entered, the last week still in its grace: it and the current week', {}, 3, [['2026-11-30', 'NO_DATA'], ['2026-12-07', 'NO_DATA']]],
    // Due 2026-12-08 with 2 days of grace: over, and the KPI never had a value: not late, not listed.
    ['nothing entered, the last week past its grace: the current week only', {}, 2, [['2026-12-07', 'NO_DATA']]],
    ['first value this week: no past week before it is late', { '2026-12-07': 100 }, 0, [['2026-12-07', 'GREEN']]],
    ['first value last week: the current week only', { '2026-11-30': 100 }, 0, [['2026-12-07', 'NO_DATA']]],
    ['first value three weeks ago: the two weeks after it without a value are late', { '2026-11-16': 100 }, 0, [['2026-11-23', 'LATE'], ['2026-11-30', 'LATE'], ['2026-12-07', 'NO_DATA']]],
  ])('%s', (_label, values, grace, rows) => {
    const got = entryRows([kpi({ gracePeriodDays: grace })], new Map([['k1', new Map(Object.entries(values))]]), today);
    expect(got.map((r) => [r.periodStart, r.status])).toEqual(rows);
  });
});

describe('parseDecimalInput', () => {
  it.each<[string, number | null]>([
    ['12,5', 12.5],
    ['12.5', 12.5],
    ['1 234,5', 1234.5],
    ['1\u00a0234,5', 1234.5],
    ['1\u202f234', 1234],
    ['-3', -3],
    ['+4', 4],
    [',5', 0.5],
    ['7,', 7],
    ['  42  ', 42],
    ['', null],
    ['   ', null],
  ])('%j -> %s', (text, value) => {
    expect(parseDecimalInput(text)).toBe(value);
  });

  it.each(['abc', '1,2,3', '1,234.5', '12..5', '1e3', '--1', '12 %'])('%j is refused (NaN)', (text) => {
    expect(parseDecimalInput(text)).toBeNaN();
  });
});
