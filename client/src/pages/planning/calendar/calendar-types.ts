/** The planning documents and helpers the calendar shares with the mission screens. */
export { personName, type AssignmentDoc, type AssignmentStatus, type AvailabilityDoc, type MissionDoc, type MissionStatus, type ProjectDoc, type ReferenceDoc, type UserDoc } from '../../../data/types';

export { ASSIGNMENT_STATUSES, MISSION_STATUSES } from '@coulisses/shared/entities/planning';

export type Severity = 'error' | 'warning';
