import type { PunchType } from './types';

/** Where a person stands after their latest punch: clocked out, working, or on a break. */
export type Presence = 'OUT' | 'IN' | 'BREAK';

/** The presence after a punch of this type (no punch: clocked out). */
export function presenceAfter(punchType: string | null | undefined): Presence {
  if (punchType === 'IN' || punchType === 'BREAK_END') return 'IN';
  if (punchType === 'BREAK_START') return 'BREAK';
  return 'OUT';
}

/**
 * The punches that make sense next, on a phone and on a kiosk alike: clock in when out; a break or clock out
 * when working; end the break, or clock out from it (the worked-time rules close the break there and report
 * OPEN_BREAK).
 */
export function nextPunchTypes(presence: Presence): PunchType[] {
  if (presence === 'OUT') return ['IN'];
  if (presence === 'IN') return ['BREAK_START', 'OUT'];
  return ['BREAK_END', 'OUT'];
}

/** The newest of some punches by instant (UTC ISO strings compare in time order); null when there is none. */
export function latestByTime<T extends { at: string }>(punches: Iterable<T>): T | null {
  let last: T | null = null;
  for (const p of punches) if (!last || p.at > last.at) last = p;
  return last;
}
