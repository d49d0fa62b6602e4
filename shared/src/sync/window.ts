import type { SyncRole } from './types';

/**
 * "The window" of a first sync: the part of a collection a new device needs to show its first screen, served
 * before the rest (history follows in the background). Pure: the server compiles it to SQL for the snapshot's
 * `part=window` (and its exact complement for `part=rest`), the client only names the day.
 *
 * - `all`: the whole collection is the window (reference data, and every collection of a crew member, whose read
 *   scope is already their own missions and assignments).
 * - `range`: documents whose `field` (an ISO instant) is in [from, to).
 * - `via`: documents whose `field` names a document of `entity` that is in the range (assignments of the
 *   missions of the planner's current weeks).
 */
export type SyncWindow =
  | { kind: 'all' }
  | { kind: 'range'; field: string; from: string; to: string }
  | { kind: 'via'; field: string; entity: string; range: { field: string; from: string; to: string } };

/** The planner's current weeks: from the Monday of the week before the day's week, four weeks ahead of it. */
export const WINDOW_WEEKS_BEFORE = 1;
export const WINDOW_WEEKS_AFTER = 4;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar day YYYY-MM-DD that exists (the device's today, sent by the client). */
export function isWindowDay(day: string): boolean {
  if (!DAY.test(day)) return false;
  const d = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day;
}

function addDays(day: Date, n: number): Date {
  return new Date(day.getTime() + n * 86_400_000);
}

/** [from, to) of the planner's current weeks around `day`, as ISO instants at 00:00 UTC. */
export function windowRange(day: string): { from: string; to: string } {
  const d = new Date(`${day}T00:00:00Z`);
  const monday = addDays(d, -((d.getUTCDay() + 6) % 7));
  const iso = (x: Date) => x.toISOString().replace('.000Z', 'Z');
  return { from: iso(addDays(monday, -7 * WINDOW_WEEKS_BEFORE)), to: iso(addDays(monday, 7 * WINDOW_WEEKS_AFTER)) };
}

/** Collections whose window is a date range (the field holding the instant). */
const RANGE_FIELDS: Readonly<Record<string, string>> = { missions: 'startAt', availabilities: 'startAt' };
/** Collections whose window follows another collection's (the field naming its document). */
const VIA: Readonly<Record<string, { field: string; entity: string }>> = { assignments: { field: 'missionId', entity: 'missions' } };

/** The window of `collection` for `role` on `day` (YYYY-MM-DD, checked with isWindowDay first). */
export function syncWindow(collection: string, role: SyncRole, day: string): SyncWindow {
  if (role === 'TECH' || role === 'KIOSK') return { kind: 'all' };
  const range = windowRange(day);
  const field = RANGE_FIELDS[collection];
  if (field) return { kind: 'range', field, ...range };
  const via = VIA[collection];
  if (via) {
    const target = RANGE_FIELDS[via.entity];
    if (target) return { kind: 'via', field: via.field, entity: via.entity, range: { field: target, ...range } };
  }
  return { kind: 'all' };
}
