import { z } from 'zod';
import { ALL, assigned, field, or, self } from '../sync/conditions';
import { transitionAllowed, type StateMachineRule } from '../sync/conflict/state-machine';
import { defineEntity } from '../sync/registry';
import type { FactDef } from '../sync/types';
import { Id, Instant, LocalDate, LongText, ShortText, base, text } from './common';

export const PROJECT_STATUSES = ['DRAFT', 'ACTIVE', 'ARCHIVED'] as const;

export const projects = defineEntity({
  name: 'projects',
  domain: 'planning',
  description: 'A production, tour or event that groups missions.',
  schema: z
    .object({
      ...base,
      name: ShortText.min(1),
      code: text(40).optional(),
      status: z.enum(PROJECT_STATUSES),
      venueIds: z.array(Id).max(100),
      startDate: LocalDate.nullable(),
      endDate: LocalDate.nullable(),
      managerUserIds: z.array(Id).max(50),
      description: LongText.optional(),
      color: text(20).optional(),
    })
    .strict(),
  version: 0,
  indexes: ['status', 'name'],
  conflict: { kind: 'fieldMerge' },
  read: { ADMIN: ALL, MANAGER: ALL, TECH: field('status', ['ACTIVE']) },
  write: { ADMIN: { create: true, update: true, delete: true }, MANAGER: { create: true, update: true, delete: true } },
  serverFields: [],
  immutable: [],
  guard: ({ after }) => (after.startDate && after.endDate && String(after.endDate) < String(after.startDate) ? 'END_BEFORE_START' : null),
});

export const MISSION_STATUSES = ['DRAFT', 'PUBLISHED', 'CANCELLED'] as const;
export const MISSION_TYPES = ['MONTAGE', 'REPETITION', 'SPECTACLE', 'DEMONTAGE', 'OTHER'] as const;

export const missions = defineEntity({
  name: 'missions',
  domain: 'planning',
  description: 'A shift to staff: where, when (UTC instants), which roles and how many people.',
  schema: z
    .object({
      ...base,
      projectId: Id.nullable(),
      title: ShortText.min(1),
      venueId: Id.nullable(),
      startAt: Instant,
      endAt: Instant,
      type: z.enum(MISSION_TYPES),
      status: z.enum(MISSION_STATUSES),
      needs: z.array(z.object({ role: text(60), count: z.number().int().min(1).max(500), skills: z.array(Id).max(20) }).strict()).max(50),
      notes: LongText.optional(),
      contacts: text(1000).optional(),
      teamId: Id.nullable(),
    })
    .strict(),
  version: 0,
  indexes: ['startAt', ['status', 'startAt']],
  conflict: { kind: 'fieldMerge' },
  read: { ADMIN: ALL, MANAGER: ALL, TECH: or(field('status', ['PUBLISHED']), assigned('id')) },
  write: { ADMIN: { create: true, update: true, delete: true }, MANAGER: { create: true, update: true, delete: true } },
  serverFields: [],
  immutable: [],
  guard: ({ after }) => (String(after.endAt) <= String(after.startAt) ? 'END_BEFORE_START' : null),
});

/** An assignment's missionStartAt while its mission is not known (yet): before any real mission. */
export const NO_MISSION_START = '1970-01-01T00:00:00.000Z';

export const ASSIGNMENT_STATUSES = ['INVITED', 'ACCEPTED', 'DECLINED', 'CANCELLED'] as const;
/** Assignment states that put a person on a mission (and make the mission readable to them). */
export const ACTIVE_ASSIGNMENT_STATUSES = ['INVITED', 'ACCEPTED'] as const;

/** The missions a person has an active assignment on: crew read those missions even while they are drafts. */
export const ASSIGNED_MISSIONS: FactDef = {
  name: 'assignedMissionIds',
  from: 'assignments',
  personField: 'userId',
  valueField: 'missionId',
  when: field('status', ACTIVE_ASSIGNMENT_STATUSES),
};

/** b. The assignment state machine: a manager's CANCELLED beats a crew answer; crew answers by latest time. */
export const ASSIGNMENT_MACHINE: StateMachineRule = {
  kind: 'stateMachine',
  field: 'status',
  group: ['statusChangedAt', 'statusChangedBy', 'declineReason'],
  atField: 'statusChangedAt',
  byField: 'statusChangedBy',
  managerWins: ['CANCELLED'],
  transitions: {
    MANAGER: {
      '*': ['INVITED', 'CANCELLED'],
      INVITED: ['ACCEPTED', 'DECLINED'],
      ACCEPTED: ['DECLINED'],
      DECLINED: ['ACCEPTED'],
    },
    CREW: {
      INVITED: ['ACCEPTED', 'DECLINED'],
      ACCEPTED: ['DECLINED'],
      DECLINED: ['ACCEPTED'],
    },
  },
};

export const assignments = defineEntity({
  name: 'assignments',
  domain: 'planning',
  description: 'A person on a mission, with the invitation state INVITED, ACCEPTED, DECLINED or CANCELLED.',
  schema: z
    .object({
      ...base,
      missionId: Id,
      userId: Id,
      role: text(60).optional(),
      status: z.enum(ASSIGNMENT_STATUSES),
      statusChangedAt: Instant,
      statusChangedBy: z.enum(['MANAGER', 'CREW']),
      declineReason: text(500).optional(),
      note: text(1000).optional(),
      /**
       * The mission's start, copied by the server on every stored assignment (and again when the mission moves),
       * and by the device on its local writes: the planner's views read a range of weeks by this index instead of
       * every assignment of the season. NO_MISSION_START while the mission is unknown.
       */
      missionStartAt: Instant.optional(),
    })
    .strict(),
  // Version 1 adds missionStartAt (indexed): the device's store is pulled again; its unpushed assignments get
  // NO_MISSION_START until the server's copy comes back (migration 0014 fills the stored ones).
  version: 1,
  upgrades: { 1: (doc) => (doc.missionStartAt ? doc : { ...doc, missionStartAt: NO_MISSION_START }) },
  indexes: ['missionId', 'userId', ['missionId', 'userId'], 'missionStartAt'],
  localRequired: ['missionStartAt'],
  conflict: ASSIGNMENT_MACHINE,
  read: { ADMIN: ALL, MANAGER: ALL, TECH: self('userId') },
  write: {
    ADMIN: { create: true, update: true, delete: true },
    MANAGER: { create: true, update: true, delete: true },
    TECH: { update: true, when: self('userId'), fields: ['status', 'statusChangedAt', 'statusChangedBy', 'declineReason'] },
  },
  serverFields: ['missionStartAt'],
  immutable: ['missionId', 'userId'],
  audited: ['status'],
  touches: [{ entity: 'missions', field: 'missionId' }],
  guard: ({ before, after, viewer }) => {
    const actor = viewer.role === 'TECH' ? 'CREW' : 'MANAGER';
    if (after.statusChangedBy !== actor && (!before || before.status !== after.status)) return 'WRONG_ACTOR';
    if (!transitionAllowed(ASSIGNMENT_MACHINE, actor, before?.status, after.status)) return 'ILLEGAL_TRANSITION';
    return null;
  },
});

export const availabilities = defineEntity({
  name: 'availabilities',
  domain: 'planning',
  description: 'Windows a person declares available or unavailable, possibly weekly; approved by a manager where required.',
  schema: z
    .object({
      ...base,
      userId: Id,
      kind: z.enum(['AVAILABLE', 'UNAVAILABLE']),
      startAt: Instant,
      endAt: Instant,
      weeklyUntil: LocalDate.nullable(),
      status: z.enum(['PENDING', 'APPROVED', 'REJECTED']),
      note: text(500).optional(),
    })
    .strict(),
  version: 0,
  indexes: ['userId', 'startAt'],
  conflict: { kind: 'fieldMerge' },
  read: { ADMIN: ALL, MANAGER: ALL, TECH: self('userId') },
  write: {
    ADMIN: { create: true, update: true, delete: true },
    MANAGER: { create: true, update: true, delete: true },
    TECH: { create: true, update: true, delete: true, when: self('userId'), fields: ['kind', 'startAt', 'endAt', 'weeklyUntil', 'note', 'userId', 'status'] },
  },
  serverFields: [],
  immutable: ['userId'],
  audited: ['status'],
  guard: ({ before, after, viewer }) => {
    if (String(after.endAt) <= String(after.startAt)) return 'END_BEFORE_START';
    if (viewer.role === 'TECH' && after.status !== 'PENDING' && after.status !== before?.status) return 'APPROVAL_REQUIRED';
    return null;
  },
});
