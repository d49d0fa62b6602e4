import { availabilities, uuidv7 } from '@coulisses/shared';
import { isLocalDate, localRangeToUtc } from '@coulisses/shared/planning/local-time';
import type { AvailabilityDoc } from '../types';

export type AvailabilityKind = AvailabilityDoc['kind'];
export type AvailabilityStatus = AvailabilityDoc['status'];

/** What the availability form edits, in local time of the organisation's zone. */
export interface AvailabilityFormValues {
  kind: AvailabilityKind;
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  weekly: boolean;
  weeklyUntil: string;
  note: string;
}

export function emptyAvailability(date = ''): AvailabilityFormValues {
  return { kind: 'UNAVAILABLE', startDate: date, startTime: '09:00', endDate: date, endTime: '18:00', weekly: false, weeklyUntil: '', note: '' };
}

export type AvailabilityFields = Pick<AvailabilityDoc, 'kind' | 'startAt' | 'endAt' | 'weeklyUntil'> & { note?: string };
export type AvailabilityFormError = 'INVALID' | 'END_BEFORE_START' | 'BAD_UNTIL';

/** The stored fields of a filled form (UTC instants), or why it cannot be saved. */
export function availabilityFields(v: AvailabilityFormValues, tz: string): { fields: AvailabilityFields } | { error: AvailabilityFormError } {
  const range = localRangeToUtc({ date: v.startDate, time: v.startTime }, { date: v.endDate, time: v.endTime }, tz);
  if ('error' in range) return { error: range.error };
  let weeklyUntil: string | null = null;
  if (v.weekly) {
    if (!isLocalDate(v.weeklyUntil) || v.weeklyUntil < v.startDate) return { error: 'BAD_UNTIL' };
    weeklyUntil = v.weeklyUntil;
  }
  const fields: AvailabilityFields = { kind: v.kind, startAt: range.startAt, endAt: range.endAt, weeklyUntil };
  if (v.note.trim()) fields.note = v.note.trim().slice(0, 500);
  return { fields };
}

/**
 * A new declaration of a person. A crew member always sends PENDING: the server approves it at once where the
 * organisation asks no approval. A planner's own declaration is approved unless approval is required.
 */
export function newAvailability(userId: string, fields: AvailabilityFields, status: AvailabilityStatus, now: Date = new Date(), id: string = uuidv7(now.getTime())): AvailabilityDoc {
  return availabilities.schema.parse({ ...fields, id, userId, status, updatedAt: now.toISOString() });
}

export function initialStatus(isPlanner: boolean, approvalRequired: boolean): AvailabilityStatus {
  return isPlanner && !approvalRequired ? 'APPROVED' : 'PENDING';
}
