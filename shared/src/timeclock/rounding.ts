import type { RoundingMode } from './types';

/**
 * Rounds a total number of minutes to a step (15: quarter hours) in a mode: NEAREST (exactly halfway goes up),
 * UP or DOWN. A step of 0 (or anything not a positive number) leaves the total unchanged. Applied once, to the
 * total paid time of a timesheet: rounding each punch or each pair would add up the errors.
 */
export function roundMinutes(total: number, step: number, mode: RoundingMode): number {
  if (!Number.isFinite(step) || step <= 0 || !Number.isFinite(total)) return total;
  const below = Math.floor(total / step) * step;
  const rest = total - below;
  if (rest === 0) return total;
  switch (mode) {
    case 'UP':
      return below + step;
    case 'DOWN':
      return below;
    default:
      return rest * 2 >= step ? below + step : below;
  }
}
