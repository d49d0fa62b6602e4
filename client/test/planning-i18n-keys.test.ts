import { LOCALES, hasKey } from '@coulisses/shared';
import { ASSIGNMENT_STATUSES, MISSION_STATUSES, MISSION_TYPES } from '@coulisses/shared/entities/planning';
import { EMPLOYMENT_TYPES } from '@coulisses/shared/entities/org';
import { describe, expect, it } from 'vitest';

/** Keys the planning screens build at run time (statuses, types, kinds...). */
const built = [
  ...MISSION_STATUSES.map((s) => `plan.missionStatuses.${s}`),
  ...ASSIGNMENT_STATUSES.map((s) => `plan.assignmentStatuses.${s}`),
  ...['PENDING', 'APPROVED', 'REJECTED'].map((s) => `plan.availabilityStatuses.${s}`),
  ...MISSION_TYPES.map((s) => `plan.missionTypes.${s}`),
  ...EMPLOYMENT_TYPES.map((s) => `plan.employmentTypes.${s}`),
  ...['AVAILABLE', 'UNAVAILABLE'].map((s) => `plan.availabilityKinds.${s}`),
  ...[1, 2, 3, 4, 5, 6, 7].map((d) => `plan.weekdays.${d}`),
  ...['MANAGER', 'CREW'].map((s) => `planAssign.actors.${s}`),
  ...['TITLE_REQUIRED', 'NO_DATES', 'BAD_RANGE', 'BAD_NEED', 'TOO_MANY'].map((s) => `planBatch.errors.${s}`),
  ...['list', 'new', 'batch', 'week', 'templates'].map((s) => `planMissions.sub.${s}`),
  ...['venue', 'team', 'skill'].flatMap((k) => [`planRef.kinds.${k}`, `planRef.add.${k}`]),
  ...['ACCEPTED', 'DECLINED'].flatMap((s) => [`missionInvite.done.${s}`, `missionInvite.already.${s}`]),
  ...['titleRequired', 'invalidTime', 'endBeforeStart', 'badNeed'].map((k) => `planMissionForm.${k}`),
  'myAvailability.badUntil',
  'planPeople.firstNameRequired',
  'planPeople.badEmail',
  ...['INVALID_TOKEN', 'INVITATION_REVOKED', 'INVITATION_EXPIRED', 'ASSIGNMENT_CANCELLED', 'DUPLICATE_ASSIGNMENT', 'OVERLAP'].map((c) => `errors.${c}`),
];

describe('planning catalogue keys built at run time', () => {
  it('exist in every language', () => {
    for (const locale of LOCALES) expect(built.filter((k) => !hasKey(locale, k))).toEqual([]);
  });
});
