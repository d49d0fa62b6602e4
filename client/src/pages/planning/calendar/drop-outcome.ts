import { moveTo, moveToDate, resizeTo, type Interval } from '@coulisses/shared/planning/moves';

/** Pixels per hour of the week and day grids (a quarter hour is 10 px). */
export const HOUR_PX = 40;

/** What is dragged (the draggable's data). */
export type DragData =
  | { kind: 'mission'; missionId: string }
  | { kind: 'resize'; missionId: string }
  | { kind: 'person'; userId: string }
  | { kind: 'assignment'; assignmentId: string; missionId: string; userId: string };

/** Where it is dropped (the droppable's data). */
export type DropData =
  | { kind: 'day-column'; date: string }
  | { kind: 'month-cell'; date: string }
  | { kind: 'timeline-mission'; missionId: string }
  | { kind: 'person-row'; userId: string };

/** The write a drop (or a keyboard drop) asks for. */
export type DropOutcome =
  | { kind: 'move'; missionId: string; interval: Interval }
  | { kind: 'assign'; missionId: string; userId: string }
  | { kind: 'reassign'; assignmentId: string; toUserId: string };

/** Where the pointer let go, in client pixels, against the column it is over. */
export interface DropGeometry {
  pointerY: number;
  /** How far below the dragged element's top the pointer grabbed it. */
  grabOffsetY: number;
  columnTop: number;
  hourPx: number;
}

const minutesAt = (y: number, g: DropGeometry) => ((y - g.columnTop) / g.hourPx) * 60;

/**
 * The write of a drop, or null when the drop changes nothing or makes no sense. In a time grid the dragged
 * mission's top edge gives the new start (wall-clock, snapped to 15 minutes, in the organisation's zone) and
 * the pointer gives a resized end; in the month grid the day changes and the local time stays.
 */
export function dropOutcome(drag: DragData, drop: DropData, current: Interval | null, geometry: DropGeometry | null, tz: string): DropOutcome | null {
  if ((drag.kind === 'mission' || drag.kind === 'resize') && current) {
    let next: Interval | null = null;
    if (drop.kind === 'day-column' && geometry) {
      next = drag.kind === 'mission'
        ? moveTo(current, drop.date, minutesAt(geometry.pointerY - geometry.grabOffsetY, geometry), tz)
        : resizeTo(current, drop.date, minutesAt(geometry.pointerY, geometry), tz);
    } else if (drop.kind === 'month-cell' && drag.kind === 'mission') next = moveToDate(current, drop.date, tz);
    if (!next || (next.start === current.start && next.end === current.end)) return null;
    return { kind: 'move', missionId: drag.missionId, interval: next };
  }
  if (drag.kind === 'person' && drop.kind === 'timeline-mission') return { kind: 'assign', missionId: drop.missionId, userId: drag.userId };
  if (drag.kind === 'assignment' && drop.kind === 'person-row' && drop.userId !== drag.userId) return { kind: 'reassign', assignmentId: drag.assignmentId, toUserId: drop.userId };
  return null;
}
