import { z } from 'zod';
import { ALL, field, or, self, selfIn } from '../sync/conditions';
import { defineEntity } from '../sync/registry';
import { DASHBOARD_SHARING, DashboardData, KpiData, kindData } from '../kpi/documents';
import { EQUIPMENT_KIND_DATA } from '../equipment/documents';
import { Id, LongText, SafeText, ShortText, StrictBoolean, base, text } from './common';

/** Kinds of low-volume reference data, kept in one kind-discriminated collection. */
export const REFERENCE_KINDS = ['venue', 'team', 'skill', 'rate_profile', 'mission_template', 'dashboard', 'kpi', 'convention_profile', 'equipment_item', 'equipment_kit', 'equipment_reservation'] as const;
/**
 * Kinds every member may read (the rest is for planners and direction): crew read the equipment catalogue to name
 * the item of an incident; reservations are for planners.
 */
export const PUBLIC_REFERENCE_KINDS = ['venue', 'team', 'skill', 'equipment_item', 'equipment_kit'] as const;

/** Reference kinds of the KPI side, shared with people by their dashboards (docs/data-model.md). */
export const SHARED_REFERENCE_KINDS = ['dashboard', 'kpi'] as const;

export const reference = defineEntity({
  name: 'reference',
  domain: 'org',
  description: 'Low-volume reference data of an organisation, discriminated by kind: venues, teams, skills, rate profiles, mission templates, KPI dashboards and KPI definitions, convention profiles, equipment items, kits and reservations.',
  schema: z
    .object({
      ...base,
      kind: z.enum(REFERENCE_KINDS),
      name: ShortText.min(1),
      code: text(40).optional(),
      archived: StrictBoolean,
      /** Kind-specific fields (a venue's address and geofence, a KPI's definition, a dashboard's KPIs...). */
      data: z.record(SafeText, z.unknown()),
      /** Dashboards and KPIs: the person who owns it (a KPI owner enters its values and answers for it). */
      ownerUserId: Id.nullable().optional(),
      /** Dashboards: who it is shared with; `teamIds` for TEAMS. */
      sharing: z.enum(DASHBOARD_SHARING).optional(),
      teamIds: z.array(Id).max(50).optional(),
      /** Server-computed (dashboards and KPIs): shared with the whole organisation (a KPI: through a dashboard). */
      sharedWithAll: StrictBoolean.optional(),
      /** Server-computed (dashboards and KPIs): the persons who read it through team sharing or ownership. */
      readerUserIds: z.array(Id).max(5000).optional(),
    })
    .strict()
    // The typed schema of each kind's data (the KPI side's and equipment kinds; the other kinds keep their own checks).
    .superRefine(kindData('kind', 'data', { kpi: KpiData, dashboard: DashboardData, ...EQUIPMENT_KIND_DATA })),
  version: 2,
  // Version 1 adds the sharing fields (all optional): documents of version 0 stay as they are. Version 2 adds the
  // equipment kinds (issue 13): documents stay as they are, but the local store's schema changes (the kind enum),
  // so it takes a version of its own (RxDB refuses a changed schema under the same version).
  upgrades: { 1: (doc) => doc, 2: (doc) => doc },
  indexes: ['kind', ['kind', 'name']],
  conflict: { kind: 'fieldMerge' },
  read: {
    ADMIN: ALL,
    // Everything but someone else's private dashboard.
    MANAGER: or(field('kind', REFERENCE_KINDS.filter((k) => k !== 'dashboard')), field('sharing', ['ORGANISATION', 'TEAMS']), self('ownerUserId')),
    // Venues, teams and skills; dashboards and KPIs shared with them (the whole organisation, a team of theirs, their own).
    TECH: or(field('kind', PUBLIC_REFERENCE_KINDS), field('sharedWithAll', [true]), selfIn('readerUserIds')),
  },
  write: { ADMIN: { create: true, update: true, delete: true }, MANAGER: { create: true, update: true, delete: true } },
  serverFields: ['sharedWithAll', 'readerUserIds'],
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
