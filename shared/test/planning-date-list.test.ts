import { describe, expect, it } from 'vitest';
import { datesBetween, isoWeekday } from '../src/planning/date-list';

describe('date lists for the wizard and templates', () => {
  it('numbers weekdays from Monday', () => {
    expect(isoWeekday('2026-11-16')).toBe(1);
    expect(isoWeekday('2026-11-22')).toBe(7);
  });

  it('lists the chosen weekdays of a range, across the DST change and month ends', () => {
    expect(datesBetween('2026-10-23', '2026-11-02', [1, 5])).toEqual(['2026-10-23', '2026-10-26', '2026-10-30', '2026-11-02']);
    expect(datesBetween('2026-02-27', '2026-03-02')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
  });

  it('is empty for a reversed or incomplete range, and capped', () => {
    expect(datesBetween('2026-03-02', '2026-03-01')).toEqual([]);
    expect(datesBetween('', '2026-03-01')).toEqual([]);
    expect(datesBetween('2026-01-01', '2026-12-31', [], 10)).toHaveLength(10);
  });
});
