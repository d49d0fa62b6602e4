import { describe, expect, it } from 'vitest';
import { KpiDefinition, targetFor, type KpiBands, type KpiRuleDirection } from '../src/kpi/definition';
import { dueDateOf, percentOfTarget, periodStatus, roundTo, valueStatus, type PeriodStatusInput } from '../src/kpi/period-status';

const rules = (direction: KpiRuleDirection, kind: KpiBands['kind'], green: number, orange: number, decimals?: number) => ({
  direction,
  thresholds: { kind, green, orange },
  ...(decimals === undefined ? {} : { decimals }),
});

describe('valueStatus: absolute bands, bounds inclusive', () => {
  const up = rules('UP_IS_BETTER', 'ABSOLUTE', 90, 75);
  const down = rules('DOWN_IS_BETTER', 'ABSOLUTE', 5, 10);
  it.each<[string, ReturnType<typeof rules>, number, string]>([
    ['up above green', up, 95, 'GREEN'],
    ['up on green', up, 90, 'GREEN'],
    ['up just under green', up, 89.99, 'ORANGE'],
    ['up on orange', up, 75, 'ORANGE'],
    ['up just under orange', up, 74.99, 'RED'],
    ['up negative', up, -1, 'RED'],
    ['down under green', down, 0, 'GREEN'],
    ['down on green', down, 5, 'GREEN'],
    ['down just over green', down, 5.01, 'ORANGE'],
    ['down on orange', down, 10, 'ORANGE'],
    ['down just over orange', down, 10.01, 'RED'],
  ])('%s (%d): %s', (_, r, value, status) => {
    expect(valueStatus(value, r, null)).toBe(status);
    expect(valueStatus(value, r, 1234)).toBe(status);
  });

  it('rates the value as shown, rounded to the KPI decimals', () => {
    expect(valueStatus(89.96, rules('UP_IS_BETTER', 'ABSOLUTE', 90, 75, 1), null)).toBe('GREEN');
    expect(valueStatus(89.94, rules('UP_IS_BETTER', 'ABSOLUTE', 90, 75, 1), null)).toBe('ORANGE');
    expect(valueStatus(5.4, rules('DOWN_IS_BETTER', 'ABSOLUTE', 5, 10, 0), null)).toBe('GREEN');
    expect(valueStatus(5.5, rules('DOWN_IS_BETTER', 'ABSOLUTE', 5, 10, 0), null)).toBe('ORANGE');
  });
});

describe('valueStatus: percent of target', () => {
  // UP: green >= 100 % of target, orange >= 90 %. Target 200: green from 200, orange from 180.
  const up = rules('UP_IS_BETTER', 'PERCENT_OF_TARGET', 100, 90);
  // DOWN: green <= 100 %, orange <= 110 %. Target 50: green up to 50, orange up to 55.
  const down = rules('DOWN_IS_BETTER', 'PERCENT_OF_TARGET', 100, 110);
  it.each<[string, ReturnType<typeof rules>, number, number, string]>([
    ['up over target', up, 200, 250, 'GREEN'],
    ['up on green bound', up, 200, 200, 'GREEN'],
    ['up just under green', up, 200, 199.9, 'ORANGE'],
    ['up on orange bound', up, 200, 180, 'ORANGE'],
    ['up just under orange', up, 200, 179.9, 'RED'],
    ['down under target', down, 50, 10, 'GREEN'],
    ['down on green bound', down, 50, 50, 'GREEN'],
    ['down just over green', down, 50, 50.1, 'ORANGE'],
    ['down on orange bound', down, 50, 55, 'ORANGE'],
    ['down just over orange', down, 50, 55.1, 'RED'],
    // A negative target: 90 % of -10 is 1 unit further from the goal, -11.
    ['up negative target on green', up, -10, -10, 'GREEN'],
    ['up negative target between', up, -10, -10.5, 'ORANGE'],
    ['up negative target on orange', up, -10, -11, 'ORANGE'],
    ['up negative target beyond orange', up, -10, -11.5, 'RED'],
  ])('%s (target %d, value %d): %s', (_, r, target, value, status) => {
    expect(valueStatus(value, r, target)).toBe(status);
  });
});

describe('valueStatus: closest to target, both sides', () => {
  // Percent: green within 5 % of target, orange within 10 %. Target 200: green 190..210, orange 180..220.
  const pct = rules('CLOSEST_IS_BETTER', 'PERCENT_OF_TARGET', 5, 10);
  // Absolute: green within 2 of the target, orange within 5. Target 20: green 18..22, orange 15..25.
  const abs = rules('CLOSEST_IS_BETTER', 'ABSOLUTE', 2, 5);
  it.each<[string, ReturnType<typeof rules>, number, number, string]>([
    ['pct on target', pct, 200, 200, 'GREEN'],
    ['pct on green bound below', pct, 200, 190, 'GREEN'],
    ['pct on green bound above', pct, 200, 210, 'GREEN'],
    ['pct just out of green below', pct, 200, 189.9, 'ORANGE'],
    ['pct just out of green above', pct, 200, 210.1, 'ORANGE'],
    ['pct on orange bound below', pct, 200, 180, 'ORANGE'],
    ['pct on orange bound above', pct, 200, 220, 'ORANGE'],
    ['pct beyond orange below', pct, 200, 179.9, 'RED'],
    ['pct beyond orange above', pct, 200, 220.1, 'RED'],
    ['pct negative target, above', pct, -200, -190, 'GREEN'],
    ['pct negative target, beyond', pct, -200, -179, 'RED'],
    ['abs on target', abs, 20, 20, 'GREEN'],
    ['abs on green bound below', abs, 20, 18, 'GREEN'],
    ['abs on green bound above', abs, 20, 22, 'GREEN'],
    ['abs orange below', abs, 20, 17.5, 'ORANGE'],
    ['abs orange above', abs, 20, 22.5, 'ORANGE'],
    ['abs on orange bound below', abs, 20, 15, 'ORANGE'],
    ['abs on orange bound above', abs, 20, 25, 'ORANGE'],
    ['abs red below', abs, 20, 14.9, 'RED'],
    ['abs red above', abs, 20, 25.1, 'RED'],
  ])('%s (target %d, value %d): %s', (_, r, target, value, status) => {
    expect(valueStatus(value, r, target)).toBe(status);
  });
});

describe('valueStatus: zero and missing target', () => {
  // Zero target: every percentage of 0 is 0, so the green and orange bounds are both 0 (no NaN, no Infinity).
  it.each<[string, ReturnType<typeof rules>, number, string]>([
    ['up, zero value', rules('UP_IS_BETTER', 'PERCENT_OF_TARGET', 100, 90), 0, 'GREEN'],
    ['up, positive value', rules('UP_IS_BETTER', 'PERCENT_OF_TARGET', 100, 90), 3, 'GREEN'],
    ['up, negative value', rules('UP_IS_BETTER', 'PERCENT_OF_TARGET', 100, 90), -0.5, 'RED'],
    ['down, zero value', rules('DOWN_IS_BETTER', 'PERCENT_OF_TARGET', 100, 110), 0, 'GREEN'],
    ['down, negative value', rules('DOWN_IS_BETTER', 'PERCENT_OF_TARGET', 100, 110), -2, 'GREEN'],
    ['down, positive value', rules('DOWN_IS_BETTER', 'PERCENT_OF_TARGET', 100, 110), 0.1, 'RED'],
    ['closest pct, on target', rules('CLOSEST_IS_BETTER', 'PERCENT_OF_TARGET', 5, 10), 0, 'GREEN'],
    ['closest pct, above', rules('CLOSEST_IS_BETTER', 'PERCENT_OF_TARGET', 5, 10), 0.001, 'RED'],
    ['closest pct, below', rules('CLOSEST_IS_BETTER', 'PERCENT_OF_TARGET', 5, 10), -0.001, 'RED'],
    ['closest abs keeps its distances', rules('CLOSEST_IS_BETTER', 'ABSOLUTE', 2, 5), -3, 'ORANGE'],
  ])('zero target, %s: %s', (_, r, value, status) => {
    expect(valueStatus(value, r, 0)).toBe(status);
  });

  it('percentOfTarget never divides: zero target gives 0', () => {
    expect(percentOfTarget(0, 90)).toBe(0);
    expect(percentOfTarget(0, 110)).toBe(0);
    expect(percentOfTarget(200, 90)).toBe(180);
    expect(percentOfTarget(-10, 90)).toBe(-11);
  });

  it.each<[string, ReturnType<typeof rules>, string | null]>([
    ['up pct', rules('UP_IS_BETTER', 'PERCENT_OF_TARGET', 100, 90), null],
    ['down pct', rules('DOWN_IS_BETTER', 'PERCENT_OF_TARGET', 100, 110), null],
    ['closest pct', rules('CLOSEST_IS_BETTER', 'PERCENT_OF_TARGET', 5, 10), null],
    ['closest abs', rules('CLOSEST_IS_BETTER', 'ABSOLUTE', 2, 5), null],
    ['up abs needs no target', rules('UP_IS_BETTER', 'ABSOLUTE', 90, 75), 'GREEN'],
  ])('missing target, %s: %s', (_, r, status) => {
    expect(valueStatus(95, r, null)).toBe(status);
  });
});

describe('targetFor', () => {
  const series = [
    { periodStart: '2026-01-01', target: 100 },
    { periodStart: '2026-07-01', target: 120 },
  ];
  it.each<[string, number | null]>([
    ['2025-12-01', null],
    ['2026-01-01', 100],
    ['2026-06-01', 100],
    ['2026-07-01', 120],
    ['2027-03-01', 120],
  ])('series at %s: %s', (period, target) => {
    expect(targetFor(series, period)).toBe(target);
  });
  it('fixed and missing targets', () => {
    expect(targetFor(0, '2026-01-01')).toBe(0);
    expect(targetFor(42, '1999-01-01')).toBe(42);
    expect(targetFor(null, '2026-01-01')).toBeNull();
    expect(targetFor(undefined, '2026-01-01')).toBeNull();
    expect(targetFor([], '2026-01-01')).toBeNull();
  });
});

describe('periodStatus: NO_DATA and LATE around the grace period', () => {
  const def = (frequency: PeriodStatusInput['definition']['frequency'], gracePeriodDays: number, active = true): PeriodStatusInput['definition'] => ({
    direction: 'UP_IS_BETTER',
    thresholds: { kind: 'PERCENT_OF_TARGET', green: 100, orange: 90 },
    frequency,
    target: 100,
    gracePeriodDays,
    active,
  });
  it.each<[string, PeriodStatusInput['definition'], string, string, string]>([
    // November 2026 ends on the 30th; with 5 days of grace the value is due on 2026-12-05.
    ['month, grace 5, the day before the due date', def('MONTHLY', 5), '2026-11-01', '2026-12-04', 'NO_DATA'],
    ['month, grace 5, on the due date', def('MONTHLY', 5), '2026-11-01', '2026-12-05', 'NO_DATA'],
    ['month, grace 5, the day after', def('MONTHLY', 5), '2026-11-01', '2026-12-06', 'LATE'],
    ['month, grace 0, last day of the period', def('MONTHLY', 0), '2026-11-01', '2026-11-30', 'NO_DATA'],
    ['month, grace 0, the day after', def('MONTHLY', 0), '2026-11-01', '2026-12-01', 'LATE'],
    ['month, current period', def('MONTHLY', 0), '2026-12-01', '2026-12-04', 'NO_DATA'],
    ['month, future period', def('MONTHLY', 0), '2027-01-01', '2026-12-04', 'NO_DATA'],
    ['leap February, grace 1, due 03-01', def('MONTHLY', 1), '2024-02-01', '2024-03-01', 'NO_DATA'],
    ['leap February, grace 1, day after', def('MONTHLY', 1), '2024-02-01', '2024-03-02', 'LATE'],
    ['February 2025, grace 1, due 03-01', def('MONTHLY', 1), '2025-02-01', '2025-03-01', 'NO_DATA'],
    ['February 2025, grace 1, day after', def('MONTHLY', 1), '2025-02-01', '2025-03-02', 'LATE'],
    // ISO week 53 of 2026 ends on Sunday 2027-01-03; with 2 days of grace it is due on 2027-01-05.
    ['week 53, grace 2, day before', def('WEEKLY', 2), '2026-12-28', '2027-01-04', 'NO_DATA'],
    ['week 53, grace 2, on the due date', def('WEEKLY', 2), '2026-12-28', '2027-01-05', 'NO_DATA'],
    ['week 53, grace 2, day after', def('WEEKLY', 2), '2026-12-28', '2027-01-06', 'LATE'],
    ['week named by any of its days', def('WEEKLY', 2), '2027-01-01', '2027-01-06', 'LATE'],
    ['Q4 2026, grace 10, on the due date', def('QUARTERLY', 10), '2026-10-01', '2027-01-10', 'NO_DATA'],
    ['Q4 2026, grace 10, day after', def('QUARTERLY', 10), '2026-10-01', '2027-01-11', 'LATE'],
    ['day, grace 0, same day', def('DAILY', 0), '2026-12-04', '2026-12-04', 'NO_DATA'],
    ['day, grace 0, next day', def('DAILY', 0), '2026-12-04', '2026-12-05', 'LATE'],
    ['year 2026, grace 31, on the due date', def('YEARLY', 31), '2026-01-01', '2027-01-31', 'NO_DATA'],
    ['year 2026, grace 31, day after', def('YEARLY', 31), '2026-01-01', '2027-02-01', 'LATE'],
    ['inactive KPI is never late', def('MONTHLY', 0, false), '2026-01-01', '2026-12-04', 'NO_DATA'],
  ])('%s: %s', (_, definition, period, today, status) => {
    expect(periodStatus({ definition, period, today, value: null })).toBe(status);
    expect(periodStatus({ definition, period, today, value: undefined })).toBe(status);
  });

  it('a period with a value is rated, even after its due date', () => {
    const d = def('MONTHLY', 0);
    expect(periodStatus({ definition: d, period: '2026-01-01', today: '2026-12-04', value: 100 })).toBe('GREEN');
    expect(periodStatus({ definition: d, period: '2026-01-01', today: '2026-12-04', value: 90 })).toBe('ORANGE');
    expect(periodStatus({ definition: d, period: '2026-01-01', today: '2026-12-04', value: 89 })).toBe('RED');
    expect(periodStatus({ definition: d, period: '2026-01-01', today: '2026-01-02', value: 0 })).toBe('RED');
  });

  it('reads the period target from a series, or the one given; UNRATED without a target', () => {
    const d = { ...def('MONTHLY', 0), target: [{ periodStart: '2026-06-01', target: 50 }] };
    expect(periodStatus({ definition: d, period: '2026-06-01', today: '2026-12-04', value: 50 })).toBe('GREEN');
    expect(periodStatus({ definition: d, period: '2026-05-01', today: '2026-12-04', value: 50 })).toBe('UNRATED');
    expect(periodStatus({ definition: d, period: '2026-05-01', today: '2026-12-04', value: 95, target: 100 })).toBe('ORANGE');
    expect(periodStatus({ definition: { ...d, target: null }, period: '2026-06-01', today: '2026-12-04', value: 50 })).toBe('UNRATED');
  });

  it('dueDateOf is the last day plus the grace', () => {
    expect(dueDateOf('2026-11-01', 'MONTHLY', 5)).toBe('2026-12-05');
    expect(dueDateOf('2026-12-28', 'WEEKLY', 0)).toBe('2027-01-03');
    expect(dueDateOf('2024-02-01', 'MONTHLY', 0)).toBe('2024-02-29');
  });
});

describe('roundTo', () => {
  it.each<[number, number | undefined, number]>([
    [89.96, 1, 90],
    [1.005, 2, 1.01],
    [-2.5, 0, -3],
    [-0.04, 1, 0],
    [3.14159, undefined, 3.14159],
  ])('%d to %s decimals: %d', (v, d, r) => {
    expect(roundTo(v, d)).toBe(r);
  });
});

describe('KpiDefinition', () => {
  const valid = {
    name: 'Taux de remplissage',
    unit: '%',
    decimals: 1,
    frequency: 'MONTHLY',
    direction: 'UP_IS_BETTER',
    target: 85,
    thresholds: { kind: 'PERCENT_OF_TARGET', green: 100, orange: 90 },
    aggregation: 'AVERAGE',
    ownerUserId: null,
    source: 'MANUAL',
    active: true,
    gracePeriodDays: 5,
  };
  const issues = (v: unknown) => {
    const r = KpiDefinition.safeParse(v);
    return r.success ? [] : r.error.issues.map((i) => i.message);
  };

  it('accepts a full definition and a target series', () => {
    expect(issues(valid)).toEqual([]);
    expect(issues({ ...valid, target: [{ periodStart: '2026-01-01', target: 80 }, { periodStart: '2026-07-01', target: 85 }] })).toEqual([]);
    expect(issues({ ...valid, target: null })).toEqual([]);
    expect(issues({ ...valid, direction: 'CLOSEST_IS_BETTER', thresholds: { kind: 'PERCENT_OF_TARGET', green: 5, orange: 10 } })).toEqual([]);
    expect(issues({ ...valid, direction: 'DOWN_IS_BETTER', thresholds: { kind: 'ABSOLUTE', green: -5, orange: 0 } })).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['up with orange above green', { thresholds: { kind: 'ABSOLUTE', green: 90, orange: 95 } }, 'KPI_BANDS_ORDER'],
    ['down with orange below green', { direction: 'DOWN_IS_BETTER', thresholds: { kind: 'PERCENT_OF_TARGET', green: 100, orange: 90 } }, 'KPI_BANDS_ORDER'],
    ['closest with green wider than orange', { direction: 'CLOSEST_IS_BETTER', thresholds: { kind: 'ABSOLUTE', green: 10, orange: 5 } }, 'KPI_BANDS_ORDER'],
    ['negative percent', { thresholds: { kind: 'PERCENT_OF_TARGET', green: 10, orange: -5 } }, 'KPI_NEGATIVE_BAND'],
    ['negative closest distance', { direction: 'CLOSEST_IS_BETTER', thresholds: { kind: 'ABSOLUTE', green: -1, orange: 5 } }, 'KPI_NEGATIVE_BAND'],
    ['series out of order', { target: [{ periodStart: '2026-07-01', target: 1 }, { periodStart: '2026-01-01', target: 2 }] }, 'KPI_TARGET_SERIES_ORDER'],
    ['series twice the same period', { target: [{ periodStart: '2026-07-01', target: 1 }, { periodStart: '2026-07-01', target: 2 }] }, 'KPI_TARGET_SERIES_ORDER'],
    ['series point not a period start', { target: [{ periodStart: '2026-07-02', target: 1 }] }, 'KPI_TARGET_NOT_PERIOD_START'],
  ])('refuses %s', (_, patch, message) => {
    expect(issues({ ...valid, ...patch })).toContain(message);
  });

  it.each<[string, Record<string, unknown>]>([
    ['an unknown frequency', { frequency: 'HOURLY' }],
    ['an unknown direction', { direction: 'SIDEWAYS' }],
    ['an unknown aggregation', { aggregation: 'MEDIAN' }],
    ['an unknown source', { source: 'MAGIC' }],
    ['an empty name', { name: '   ' }],
    ['a NUL in the name', { name: 'a\u0000b' }],
    ['a non-finite target', { target: Number.POSITIVE_INFINITY }],
    ['a string target', { target: '85' }],
    ['fractional decimals', { decimals: 1.5 }],
    ['a negative grace period', { gracePeriodDays: -1 }],
    ['a string boolean', { active: 'false' }],
    ['an unknown field', { data: {} }],
  ])('refuses %s', (_, patch) => {
    expect(KpiDefinition.safeParse({ ...valid, ...patch }).success).toBe(false);
  });
});
