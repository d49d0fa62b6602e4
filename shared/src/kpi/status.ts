export type KpiDirection = 'UP_IS_BETTER' | 'DOWN_IS_BETTER';
export type KpiStatus = 'GREEN' | 'ORANGE' | 'RED';

export interface KpiThresholds {
  direction: KpiDirection;
  /** At or beyond this value (in the good direction) the KPI is green. */
  green: number;
  /** At or beyond this value it is orange; below it (in the good direction) red. */
  orange: number;
}

/**
 * Status of a KPI value from its thresholds and direction (seed 001): UP_IS_BETTER is green at or above
 * `green`, orange at or above `orange`, red below; DOWN_IS_BETTER mirrors it.
 */
export function kpiStatus(value: number, t: KpiThresholds): KpiStatus {
  if (t.direction === 'UP_IS_BETTER') return value >= t.green ? 'GREEN' : value >= t.orange ? 'ORANGE' : 'RED';
  return value <= t.green ? 'GREEN' : value <= t.orange ? 'ORANGE' : 'RED';
}

/** Reads thresholds from a KPI reference document's data, or null when they are missing or inconsistent. */
export function thresholdsOf(data: Record<string, unknown> | undefined): KpiThresholds | null {
  if (!data) return null;
  const { direction, green, orange } = data as { direction?: unknown; green?: unknown; orange?: unknown };
  if (direction !== 'UP_IS_BETTER' && direction !== 'DOWN_IS_BETTER') return null;
  if (typeof green !== 'number' || typeof orange !== 'number') return null;
  if (direction === 'UP_IS_BETTER' ? orange > green : orange < green) return null;
  return { direction, green, orange };
}
