import { describe, expect, it } from 'vitest';
import type { KpiRuleDirection } from '../src/kpi/definition';
import { kpiTrend } from '../src/kpi/trend';

type Values = (number | null)[];

describe('kpiTrend: move and reading by direction', () => {
  it.each<[Values, KpiRuleDirection, string, string, number]>([
    [[1, 2, 3, 4], 'UP_IS_BETTER', 'UP', 'IMPROVING', 3],
    [[1, 2, 3, 4], 'DOWN_IS_BETTER', 'UP', 'WORSENING', 3],
    [[4, 3, 2, 1], 'UP_IS_BETTER', 'DOWN', 'WORSENING', -3],
    [[4, 3, 2, 1], 'DOWN_IS_BETTER', 'DOWN', 'IMPROVING', -3],
    // Least squares through (0,1) (1,3) (2,2) (3,4): slope 4/5, change across 3 steps 2.4.
    [[1, 3, 2, 4], 'UP_IS_BETTER', 'UP', 'IMPROVING', 2.4],
    // Missing periods keep their place: (0,2) and (2,4), slope 1, change 2.
    [[2, null, 4], 'UP_IS_BETTER', 'UP', 'IMPROVING', 2],
    [[100, 100.5, 100], 'UP_IS_BETTER', 'FLAT', 'STABLE', 0],
    [[0, 0, 0], 'DOWN_IS_BETTER', 'FLAT', 'STABLE', 0],
  ])('%j %s: %s %s (change %d)', (values, direction, move, reading, change) => {
    const t = kpiTrend(values, direction);
    expect(t).toMatchObject({ move, reading });
    expect(t!.change).toBeCloseTo(change, 10);
  });

  it('FLAT within the tolerance (1 % of the mean absolute value by default), moving beyond it', () => {
    // Change 0.8 against 1 % of 100.4: flat. Change 2 against 1 % of 101: up.
    expect(kpiTrend([100, 100.4, 100.8], 'UP_IS_BETTER')?.move).toBe('FLAT');
    expect(kpiTrend([100, 101, 102], 'UP_IS_BETTER')?.move).toBe('UP');
    expect(kpiTrend([100, 100.4, 100.8], 'UP_IS_BETTER', [], 0)?.move).toBe('UP');
  });

  it('needs two values', () => {
    expect(kpiTrend([], 'UP_IS_BETTER')).toBeNull();
    expect(kpiTrend([5], 'UP_IS_BETTER')).toBeNull();
    expect(kpiTrend([null, 3, null], 'UP_IS_BETTER')).toBeNull();
    expect(kpiTrend([null, 3, 4], 'UP_IS_BETTER')?.points).toBe(2);
  });
});

describe('kpiTrend: closest to target reads the distance', () => {
  it.each<[Values, Values, string, string | null]>([
    [[80, 90, 95, 100], [100, 100, 100, 100], 'UP', 'IMPROVING'],
    [[120, 110, 100], [100, 100, 100], 'DOWN', 'IMPROVING'],
    [[100, 110, 120], [100, 100, 100], 'UP', 'WORSENING'],
    [[100, 90, 80], [100, 100, 100], 'DOWN', 'WORSENING'],
    [[100, 100], [100, 100], 'FLAT', 'STABLE'],
    // Values follow a rising target exactly: they move up, the distance stays 0.
    [[100, 110, 120], [100, 110, 120], 'UP', 'STABLE'],
    [[1, 2, 3], [], 'UP', null],
    [[1, 2, 3], [null, 5, null], 'UP', 'STABLE'],
  ])('%j to %j: %s %s', (values, targets, move, reading) => {
    expect(kpiTrend(values, 'CLOSEST_IS_BETTER', targets)).toMatchObject({ move, reading });
  });
});
