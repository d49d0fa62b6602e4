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
  it('the doc example: weekly, no grace, a value for the week of 2026-11-23 only', () => {
    const rows = entryRows([kpi()], new Map([['k1', new Map([['2026-11-23', 97]])]]), today);
    expect(rows.map((r) => [r.periodStart, r.status, r.current])).toEqual([
      ['2026-11-16', 'LATE', false],
      ['2026-11-30', 'LATE', false],
      ['2026-12-07', 'NO_DATA', true],
    ]);
    expect(rows[2]).toMatchObject({ periodEnd: '2026-12-13', periodKey: '2026-W50', dueDate: '2026-12-13', saved: null, target: 100 });
  });

  it.each<[string, Partial<BoardKpi & { source: string }>, number]>([
    ['inactive', { active: false }, 0],
    ['imported', { source: 'IMPORT' }, 0],
    ['automatic', { source: 'AUTOMATIC' }, 0],
    ['manual, nothing entered', {}, 4],
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
    const values = new Map([['k1', new Map([['2026-11-30', 100]])]]);
    expect(entryRows([kpi()], values, today).map((r) => r.periodStart)).toEqual(['2026-11-16', '2026-11-23', '2026-12-07']);
    const kept = entryRows([kpi()], values, today, 3, new Set(['k1|2026-11-30']));
    expect(kept.map((r) => [r.periodStart, r.saved, r.status])).toEqual([
      ['2026-11-16', null, 'LATE'],
      ['2026-11-23', null, 'LATE'],
      ['2026-11-30', 100, 'GREEN'],
      ['2026-12-07', null, 'NO_DATA'],
    ]);
  });

  it('monthly: the month and the 3 before it', () => {
    const rows = entryRows([kpi({ frequency: 'MONTHLY' })], new Map(), '2026-02-10');
    expect(rows.map((r) => r.periodKey)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
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
