import { z } from 'zod';
import { ALL, and, device, field, or, self } from '../sync/conditions';
import { defineEntity } from '../sync/registry';
import { PunchPayloadSchema } from '../timeclock/punch';
import { Id, Instant, LocalDate, SafeText, base, text } from './common';

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
      deviceId: text(80).nullable(),
      payload: z.record(SafeText, z.unknown()),
      /** When the server received it, and the account (or kiosk) that pushed it (server-set). */
      receivedAt: Instant.nullable(),
      authorAccountId: Id.nullable(),
      /** What the server noticed (CLOCK_SKEW, OUTSIDE_GEOFENCE, REPEAT, FUTURE); the event is kept as sent. */
      flags: z.array(text(40)).max(20),
      /** Server time minus device time when the device pushed, in ms (null when unknown). */
      clockSkewMs: z.number().int().nullable(),
    })
    .strict(),
  version: 1,
  upgrades: { 1: (doc) => ({ ...doc, flags: doc.flags ?? [], clockSkewMs: doc.clockSkewMs ?? null }) },
  indexes: ['at', ['kind', 'at']],
  conflict: { kind: 'appendOnly' },
  // A kiosk reads nothing through the sync (it reads its roster), but its own events are its own: a re-sent punch
  // is answered as the same event, someone else's is refused without showing it.
  read: { ADMIN: ALL, MANAGER: ALL, TECH: or(self('userId'), field('kind', ['COMMENT'])), KIOSK: device('deviceId') },
  write: {
    ADMIN: { create: true },
    MANAGER: { create: true },
    // Crew write their own events only: a comment is signed with their own person.
    TECH: { create: true, when: and(self('userId'), field('kind', ['PUNCH', 'INCIDENT', 'ADJUSTMENT_REQUEST', 'COMMENT'])) },
    // An enrolled kiosk writes punches and incidents signed with its own device id, nothing else.
    KIOSK: { create: true, when: and(device('deviceId'), field('kind', ['PUNCH', 'INCIDENT'])) },
  },
  serverFields: ['receivedAt', 'authorAccountId', 'flags', 'clockSkewMs'],
  immutable: [],
  guard: ({ after }) => {
    if (after.kind !== 'PUNCH') return null;
    if (!after.userId || !after.deviceId) return 'INVALID_PUNCH';
    return PunchPayloadSchema.safeParse(after.payload).success ? null : 'INVALID_PUNCH';
  },
});

export const TIMESHEET_TYPES = ['MONTAGE', 'REPETITION', 'SPECTACLE', 'DEMONTAGE', 'OTHER'] as const;
/** PUNCHES: times follow the punches (the server recomputes them); MANUAL: entered or adjusted by hand. */
export const TIMESHEET_SOURCES = ['PUNCHES', 'MANUAL'] as const;
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
      crewComment: text(1000).optional(),
      managerComment: text(1000).optional(),
      validatedAt: Instant.nullable(),
      validatedByAccountId: Id.nullable(),
      source: z.enum(TIMESHEET_SOURCES),
      /** Why a manager changed the times (required when they change them; audited). */
      adjustReason: text(500).optional(),
      /** Computed by the server with the shared time rules (whole minutes). */
      workedMinutes: z.number().int().min(0),
      paidMinutes: z.number().int().min(0),
      roundedMinutes: z.number().int().min(0),
      nightMinutes: z.number().int().min(0),
      plannedMinutes: z.number().int().min(0).nullable(),
      anomalies: z.array(text(40)).max(20),
      punchIds: z.array(Id).max(200),
    })
    .strict(),
  version: 1,
  upgrades: {
    1: (doc) => ({ source: 'MANUAL', workedMinutes: 0, paidMinutes: 0, roundedMinutes: 0, nightMinutes: 0, plannedMinutes: null, anomalies: [], punchIds: [], ...doc }),
  },
  indexes: ['userId', 'date'],
  conflict: { kind: 'locked', field: 'status', lockedValues: ['VALIDATED'], lockedFor: ['TECH'] },
  read: { ADMIN: ALL, MANAGER: ALL, TECH: self('userId') },
  write: {
    ADMIN: { create: true, update: true, delete: true },
    MANAGER: { create: true, update: true, delete: true },
    TECH: { update: true, when: self('userId'), fields: ['status', 'crewComment', 'startAt', 'endAt', 'breakMinutes'] },
  },
  serverFields: ['validatedAt', 'validatedByAccountId', 'workedMinutes', 'paidMinutes', 'roundedMinutes', 'nightMinutes', 'plannedMinutes', 'anomalies', 'punchIds'],
  immutable: ['userId'],
  audited: ['status', 'startAt', 'endAt', 'breakMinutes', 'type', 'adjustReason'],
  guard: ({ before, after, viewer }) => {
    if (after.startAt && after.endAt && String(after.endAt) <= String(after.startAt)) return 'END_BEFORE_START';
    const timesChanged = !!before && !before._deleted && ['startAt', 'endAt', 'breakMinutes'].some((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]));
    if (timesChanged && viewer.role !== 'TECH' && !String(after.adjustReason ?? '').trim() && before.source === 'PUNCHES') return 'ADJUST_REASON_REQUIRED';
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
