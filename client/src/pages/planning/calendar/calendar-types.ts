import type { DocOf, assignments, availabilities, missions, projects, reference, users } from '@coulisses/shared';

/** Documents as stored (the registry's zod schemas are the one definition). */
export type MissionDoc = DocOf<typeof missions>;
export type AssignmentDoc = DocOf<typeof assignments>;
export type UserDoc = DocOf<typeof users>;
export type AvailabilityDoc = DocOf<typeof availabilities>;
export type ProjectDoc = DocOf<typeof projects>;
export type ReferenceDoc = DocOf<typeof reference>;

export type AssignmentStatus = AssignmentDoc['status'];
export type MissionStatus = MissionDoc['status'];

export const ASSIGNMENT_STATUS_LIST: readonly AssignmentStatus[] = ['INVITED', 'ACCEPTED', 'DECLINED', 'CANCELLED'];
export const MISSION_STATUS_LIST: readonly MissionStatus[] = ['DRAFT', 'PUBLISHED', 'CANCELLED'];

export type Severity = 'error' | 'warning';

/** A person's name as shown in the calendar. */
export function personName(user: Pick<UserDoc, 'firstName' | 'lastName'> | undefined, fallback = '?'): string {
  if (!user) return fallback;
  return `${user.firstName} ${user.lastName}`.trim();
}
