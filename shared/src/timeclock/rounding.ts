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

/**
 * What the payroll rounds. TIMESHEET: each timesheet's roundedMinutes is paid as it is (a month of short
 * call-outs drifts by up to half a step each: ten 22-minute call-outs to 5 minutes NEAREST are 10 x 20 = 200).
 * MONTH: the payroll rounds each person's month once, carrying the remainder from timesheet to timesheet
 * (carryRound: the same ten call-outs are 220). The timesheets keep their own roundedMinutes either way.
 */
export const ROUNDING_SCOPES = ['MONTH', 'TIMESHEET'] as const;
export type RoundingScope = (typeof ROUNDING_SCOPES)[number];

/** The rounding scope next to the time rules (timeRulesOf adds it; missing means MONTH). */
export interface RoundingScopeRule {
  roundingScope?: RoundingScope;
}

/**
 * Rounds a sequence of minutes as one total, carrying the remainder: item i gets
 * roundMinutes(S_i) - roundMinutes(S_(i-1)), S_i being the sum of the first i items. The parts add up to the
 * rounded total (never more than one step from the true total, whatever the number of items), each part is
 * >= 0 for non-negative items, and a step of 0 gives the items back.
 */
export function carryRound(minutes: readonly number[], step: number, mode: RoundingMode): number[] {
  const out: number[] = [];
  let sum = 0;
  let paid = 0;
  for (const m of minutes) {
    sum += m;
    const rounded = roundMinutes(sum, step, mode);
    out.push(rounded - paid);
    paid = rounded;
  }
  return out;
}
