import { moveByDays, moveByMinutes, resizeBy, STEP_MINUTES, type Interval } from '@coulisses/shared/planning/moves';

/** A mission picked up with the keyboard: where it was and where it would go. */
export interface PickedMission {
  kind: 'mission';
  missionId: string;
  original: Interval;
  current: Interval;
}

/** An assignment picked up on the timeline: from whom, to whom. */
export interface PickedAssignment {
  kind: 'assignment';
  assignmentId: string;
  missionId: string;
  fromUserId: string;
  toUserId: string;
}

export type Picked = PickedMission | PickedAssignment;

/** Time grids (week, day, timeline) move by quarter hours and days; the month grid by days and weeks. */
export type KeyMode = 'grid' | 'month';

/**
 * One arrow key on a picked mission: Up/Down 15 minutes earlier/later (Shift: the end, to resize),
 * Left/Right one day (the same local time, DST aware). In the month grid Up/Down move by a week.
 * null when the key is not a move.
 */
export function stepMission(p: PickedMission, key: string, shift: boolean, mode: KeyMode, tz: string): PickedMission | null {
  const iv = p.current;
  let next: Interval | null = null;
  if (key === 'ArrowLeft' || key === 'ArrowRight') next = moveByDays(iv, key === 'ArrowLeft' ? -1 : 1, tz);
  else if (key === 'ArrowUp' || key === 'ArrowDown') {
    const dir = key === 'ArrowUp' ? -1 : 1;
    if (mode === 'month') next = moveByDays(iv, 7 * dir, tz);
    else if (shift) next = resizeBy(iv, STEP_MINUTES * dir, tz);
    else next = moveByMinutes(iv, STEP_MINUTES * dir, tz);
  }
  return next ? { ...p, current: next } : null;
}

/** Up/Down on a picked assignment: the previous or next person row (stops at the ends). */
export function stepAssignment(p: PickedAssignment, key: string, rows: readonly string[]): PickedAssignment | null {
  if (key !== 'ArrowUp' && key !== 'ArrowDown') return null;
  const index = rows.indexOf(p.toUserId);
  const next = rows[Math.max(0, Math.min(rows.length - 1, index + (key === 'ArrowUp' ? -1 : 1)))];
  return next ? { ...p, toUserId: next } : null;
}

export function changed(p: Picked): boolean {
  return p.kind === 'mission' ? p.current.start !== p.original.start || p.current.end !== p.original.end : p.toUserId !== p.fromUserId;
}
