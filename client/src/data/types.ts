import type { DocOf, assignments, availabilities, missions, projects, reference, users } from '@coulisses/shared';

/** Documents as stored locally (the registry's zod schemas are the one definition). */
export type MissionDoc = DocOf<typeof missions>;
export type AssignmentDoc = DocOf<typeof assignments>;
export type UserDoc = DocOf<typeof users>;
export type ReferenceDoc = DocOf<typeof reference>;
export type AvailabilityDoc = DocOf<typeof availabilities>;
export type ProjectDoc = DocOf<typeof projects>;

export type MissionStatus = MissionDoc['status'];
export type MissionType = MissionDoc['type'];
export type AssignmentStatus = AssignmentDoc['status'];
export type ReferenceKind = ReferenceDoc['kind'];
export type RoleNeedDoc = MissionDoc['needs'][number];

/** "First Last", or the first name alone; `fallback` when the person is not in the local store. */
export function personName(u: Pick<UserDoc, 'firstName' | 'lastName'> | undefined, fallback = '?'): string {
  if (!u) return fallback;
  return `${u.firstName} ${u.lastName}`.trim();
}
