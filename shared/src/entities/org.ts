import { z } from 'zod';
import { ALL, field, or, self } from '../sync/conditions';
import { defineEntity } from '../sync/registry';
import { Id, LongText, SafeText, ShortText, StrictBoolean, base, text } from './common';

/** Kinds of low-volume reference data, kept in one kind-discriminated collection. */
export const REFERENCE_KINDS = ['venue', 'team', 'skill', 'rate_profile', 'mission_template', 'dashboard', 'kpi', 'convention_profile'] as const;
/** Kinds every member may read (the rest is for planners and direction). */
export const PUBLIC_REFERENCE_KINDS = ['venue', 'team', 'skill'] as const;

export const reference = defineEntity({
  name: 'reference',
  domain: 'org',
  description: 'Low-volume reference data of an organisation, discriminated by kind: venues, teams, skills, rate profiles, mission templates, KPI dashboards and KPI definitions, convention profiles.',
  schema: z
    .object({
      ...base,
      kind: z.enum(REFERENCE_KINDS),
      name: ShortText.min(1),
      code: text(40).optional(),
      archived: StrictBoolean,
      /** Kind-specific fields (a venue's address and geofence, a KPI's thresholds, ...). */
      data: z.record(SafeText, z.unknown()),
    })
    .strict(),
  version: 0,
  indexes: ['kind', ['kind', 'name']],
  conflict: { kind: 'fieldMerge' },
  read: { ADMIN: ALL, MANAGER: ALL, TECH: field('kind', PUBLIC_REFERENCE_KINDS) },
  write: { ADMIN: { create: true, update: true, delete: true }, MANAGER: { create: true, update: true, delete: true } },
  serverFields: [],
  immutable: ['kind'],
});

export const EMPLOYMENT_TYPES = ['CDI', 'CDD', 'INTERMITTENT', 'FREELANCE'] as const;

export const users = defineEntity({
  name: 'users',
  domain: 'org',
  description: 'Schedulable people (technicians, artists, intermittents, staff); a user may be linked to a login account.',
  schema: z
    .object({
      ...base,
      accountId: Id.nullable(),
      firstName: ShortText.min(1),
      lastName: ShortText,
      email: text(254).optional(),
      phone: text(40).optional(),
      employmentType: z.enum(EMPLOYMENT_TYPES),
      skills: z.array(Id).max(100),
      tags: z.array(text(60)).max(100),
      teamIds: z.array(Id).max(50),
      active: StrictBoolean,
      notes: LongText.optional(),
    })
    .strict(),
  version: 0,
  indexes: ['lastName'],
  conflict: { kind: 'fieldMerge' },
  read: { ADMIN: ALL, MANAGER: ALL, TECH: ALL },
  // Crew read names, contacts, skills and teams; HR notes are for planners only.
  hiddenFields: { TECH: ['notes'] },
  write: {
    ADMIN: { create: true, update: true, delete: true },
    MANAGER: { create: true, update: true, delete: true },
    TECH: { update: true, when: or(self('id')), fields: ['phone', 'email'] },
  },
  serverFields: [],
  immutable: [],
});
