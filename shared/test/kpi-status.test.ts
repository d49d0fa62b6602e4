import { describe, expect, it } from 'vitest';
import { kpiStatus, thresholdsOf, type KpiThresholds } from '../src/kpi/status';

const up: KpiThresholds = { direction: 'UP_IS_BETTER', green: 90, orange: 75 };
const down: KpiThresholds = { direction: 'DOWN_IS_BETTER', green: 5, orange: 10 };

describe('kpiStatus', () => {
  it.each<[KpiThresholds, number, string]>([
    [up, 95, 'GREEN'], [up, 90, 'GREEN'], [up, 89.9, 'ORANGE'], [up, 75, 'ORANGE'], [up, 74, 'RED'], [up, -1, 'RED'],
    [down, 0, 'GREEN'], [down, 5, 'GREEN'], [down, 5.1, 'ORANGE'], [down, 10, 'ORANGE'], [down, 11, 'RED'],
  ])('%j with %d is %s', (t, value, status) => {
    expect(kpiStatus(value, t)).toBe(status);
  });
});

describe('thresholdsOf', () => {
  it.each([
    [{ direction: 'UP_IS_BETTER', green: 90, orange: 75 }, true],
    [{ direction: 'UP_IS_BETTER', green: 70, orange: 75 }, false],
    [{ direction: 'DOWN_IS_BETTER', green: 5, orange: 10 }, true],
    [{ direction: 'SIDEWAYS', green: 5, orange: 10 }, false],
    [{ direction: 'UP_IS_BETTER', green: '90', orange: 75 }, false],
    [undefined, false],
  ])('%j valid: %s', (data, valid) => {
    expect(thresholdsOf(data as Record<string, unknown> | undefined) !== null).toBe(valid);
  });
});
