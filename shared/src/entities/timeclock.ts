import { z } from 'zod';
import { ALL, and, field, or, self } from '../sync/conditions';
import { defineEntity } from '../sync/registry';
import { Id, Instant, LocalDate, base } from './common';

export const FIELD_EVENT_KINDS = ['PUNCH', 'INCIDENT', 'COMMENT', 'ADJUSTMENT_REQUEST'] as const;

/** c. Append-only field events: punches, incidents, comments, timesheet adjustment requests. */
export const fieldEvents = defineEntity({
  name: 'field_events',
  domain: 'timeclock',
  description: 'Append-only events from the field: punches (clock in/out, breaks), incidents, comments, adjustment requests. Never changed, never deleted by clients.',
  schema: z
    .object({
      ...base,
      kind: z.enum(FIELD_EVENT_KINDS),
      /** The person the event is about (the one clocking in, the author of a comment). */
      userId: Id.nullable(),
      missionId: Id.nullable(),
      /** What the event refers to (a timesheet for an adjustment request, a KPI for a comment). */
      subjectId: Id.nullable(),
      /** The device's time of the event. */
      at: Instant,
      deviceId: z.string().max(80).nullable(),
      payload: z.record(z.string(), z.unknown()),
      /** When the server received it, and the account that pushed it (server-set). */
      receivedAt: Instant.nullable(),
      authorAccountId: Id.nullable(),
    })
    .strict(),
  version: 0,
  indexes: ['at', ['kind', 'at']],
  conflict: { kind: 'appendOnly' },
  read: { ADMIN: ALL, MANAGER: ALL, TECH: or(self('userId'), field('kind', ['COMMENT'])) },
  write: {
    ADMIN: { create: true },
    MANAGER: { create: true },
    TECH: { create: true, when: or(and(self('userId'), field('kind', ['PUNCH', 'INCIDENT', 'ADJUSTMENT_REQUEST'])), field('kind', ['COMMENT'])) },
  },
  serverFields: ['receivedAt', 'authorAccountId'],
  immutable: [],
});

export const TIMESHEET_TYPES = ['MONTAGE', 'REPETITION', 'SPECTACLE', 'DEMONTAGE', 'OTHER'] as const;
export const TIMESHEET_STATUSES = ['DRAFT', 'SUBMITTED', 'CONFIRMED', 'DISPUTED', 'VALIDATED'] as const;

/** d. Timesheets: once VALIDATED, a crew edit is refused and becomes an adjustment request. */
export const timesheets = defineEntity({
  name: 'timesheets',
  domain: 'timeclock',
  description: 'Worked time of one person on one day or mission, computed from punches, confirmed by crew, validated by managers.',
  schema: z
    .object({
      ...base,
      userId: Id,
      missionId: Id.nullable(),
      date: LocalDate,
      type: z.enum(TIMESHEET_TYPES),
      startAt: Instant.nullable(),
      endAt: Instant.nullable(),
      breakMinutes: z.number().int().min(0).max(1440),
      status: z.enum(TIMESHEET_STATUSES),
      crewComment: z.string().max(1000).optional(),
      managerComment: z.string().max(1000).optional(),
      validatedAt: Instant.nullable(),
      validatedByAccountId: Id.nullable(),
    })
    .strict(),
  version: 0,
  indexes: ['userId', 'date'],
  conflict: { kind: 'locked', field: 'status', lockedValues: ['VALIDATED'], lockedFor: ['TECH'] },
  read: { ADMIN: ALL, MANAGER: ALL, TECH: self('userId') },
  write: {
    ADMIN: { create: true, update: true, delete: true },
    MANAGER: { create: true, update: true, delete: true },
    TECH: { update: true, when: self('userId'), fields: ['status', 'crewComment', 'startAt', 'endAt', 'breakMinutes'] },
  },
  serverFields: ['validatedAt', 'validatedByAccountId'],
  immutable: ['userId'],
  audited: ['status', 'startAt', 'endAt', 'breakMinutes'],
  guard: ({ before, after, viewer }) => {
    if (after.startAt && after.endAt && String(after.endAt) <= String(after.startAt)) return 'END_BEFORE_START';
    if (viewer.role === 'TECH' && after.status !== before?.status && !['SUBMITTED', 'CONFIRMED', 'DISPUTED'].includes(String(after.status))) return 'ILLEGAL_TRANSITION';
    return null;
  },
});

/** The adjustment request a refused crew edit of a validated timesheet becomes (pure: ids and times given). */
export function adjustmentRequest(opts: { id: string; now: string; stored: Record<string, unknown>; proposed: Record<string, unknown>; userId: string | null; reason: string }) {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(opts.proposed)) {
    if (key === 'updatedAt' || key === '_deleted') continue;
    if (JSON.stringify(opts.proposed[key]) !== JSON.stringify(opts.stored[key])) changes[key] = { from: opts.stored[key], to: opts.proposed[key] };
  }
  return {
    id: opts.id,
    updatedAt: opts.now,
    kind: 'ADJUSTMENT_REQUEST' as const,
    userId: opts.userId,
    missionId: (opts.stored.missionId as string | null) ?? null,
    subjectId: String(opts.stored.id),
    at: String(opts.proposed.updatedAt ?? opts.now),
    deviceId: null,
    payload: { entity: 'timesheets', reason: opts.reason, changes },
    receivedAt: null,
    authorAccountId: null,
  };
}
