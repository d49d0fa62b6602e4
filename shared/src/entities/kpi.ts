import { z } from 'zod';
import { ALL, and, field, inFact, or, self } from '../sync/conditions';
import { defineEntity } from '../sync/registry';
import type { FactDef } from '../sync/types';
import { Id, Instant, LocalDate, LongText, SafeText, ShortText, StrictBoolean, base, text } from './common';

/**
 * The KPIs a person reads through a dashboard shared with one of their teams or that they own (a KPI's
 * server-computed `readerUserIds`): their values and comments follow. KPIs shared with the whole organisation
 * carry `sharedWithAll` instead, copied onto their values and comments.
 */
export const READABLE_KPIS: FactDef = {
  name: 'readableKpiIds',
  from: 'reference',
  personField: 'readerUserIds',
  personArray: true,
  valueField: 'id',
  when: field('kind', ['kpi']),
};

export const KPI_STATUSES = ['GREEN', 'ORANGE', 'RED'] as const;

/** e. One value per KPI and period: a second entry merges into the first, the loser kept in `history`. */
export const kpiValues = defineEntity({
  name: 'kpi_values',
  domain: 'kpi',
  description: 'The value of a KPI for one period, its computed status, and the history of replaced entries.',
  schema: z
    .object({
      ...base,
      kpiId: Id,
      periodStart: LocalDate,
      periodEnd: LocalDate,
      value: z.number().finite(),
      comment: text(1000).optional(),
      enteredAt: Instant,
      /** Server-computed from the KPI's thresholds and direction. */
      status: z.enum(KPI_STATUSES).nullable(),
      enteredByAccountId: Id.nullable(),
      history: z.array(z.record(SafeText, z.unknown())).max(200),
      /** Server-computed: the KPI is shared with the whole organisation (see READABLE_KPIS). */
      sharedWithAll: StrictBoolean.optional(),
    })
    .strict(),
  version: 1,
  // Version 1 adds the optional server field sharedWithAll: documents of version 0 stay as they are.
  upgrades: { 1: (doc) => doc },
  indexes: ['kpiId', ['kpiId', 'periodStart']],
  conflict: { kind: 'uniqueBy', key: ['kpiId', 'periodStart'], valueFields: ['value', 'comment'], atField: 'enteredAt', historyField: 'history' },
  read: { ADMIN: ALL, MANAGER: ALL, TECH: or(field('sharedWithAll', [true]), inFact(READABLE_KPIS.name, 'kpiId')) },
  write: { ADMIN: { create: true, update: true, delete: true }, MANAGER: { create: true, update: true, delete: true } },
  serverFields: ['status', 'enteredByAccountId', 'history', 'sharedWithAll'],
  audited: ['value'],
  immutable: ['kpiId', 'periodStart'],
  guard: ({ after }) => (String(after.periodEnd) < String(after.periodStart) ? 'END_BEFORE_START' : null),
});

export const ACTION_PLAN_STATUSES = ['OPEN', 'IN_PROGRESS', 'DONE', 'CANCELLED'] as const;
export const ACTION_PLAN_KINDS = ['action', 'comment'] as const;

const ACTION_FIELDS = ['title', 'description', 'ownerUserId', 'dueDate', 'progress', 'status'] as const;
const COMMENT_FIELDS = ['actionPlanId', 'body', 'authorUserId', 'authorAccountId', 'createdAt', 'sharedWithAll'] as const;
const REQUIRED: Record<(typeof ACTION_PLAN_KINDS)[number], readonly string[]> = {
  action: ['title', 'ownerUserId', 'dueDate', 'progress', 'status'],
  comment: ['actionPlanId', 'body', 'authorUserId'],
};

/**
 * b. Action plans on a KPI and the comments on a KPI or an action, kind-discriminated in one collection: an action
 * has title, owner, due date, progress and status; a comment its body and author. Each kind's fields are required
 * for it and absent from the other (checked by the schema on the client and the server).
 */
export const actionPlans = defineEntity({
  name: 'action_plans',
  domain: 'kpi',
  description: 'Corrective actions attached to a KPI (owner, due date, progress, status) and comments on a KPI or an action.',
  schema: z
    .object({
      ...base,
      kind: z.enum(ACTION_PLAN_KINDS),
      kpiId: Id,
      // action
      title: ShortText.min(1).optional(),
      description: LongText.optional(),
      ownerUserId: Id.nullable().optional(),
      dueDate: LocalDate.nullable().optional(),
      progress: z.number().int().min(0).max(100).optional(),
      status: z.enum(ACTION_PLAN_STATUSES).optional(),
      // comment
      actionPlanId: Id.nullable().optional(),
      body: text(2000).min(1).optional(),
      /** The author's person, set by the writer and checked by the server (their own person). */
      authorUserId: Id.nullable().optional(),
      /** Server-computed. */
      authorAccountId: Id.nullable().optional(),
      createdAt: Instant.nullable().optional(),
      sharedWithAll: StrictBoolean.optional(),
    })
    .strict()
    .superRefine((doc, ctx) => {
      const kind = doc.kind;
      const other = kind === 'action' ? COMMENT_FIELDS : ACTION_FIELDS;
      for (const f of other) if ((doc as Record<string, unknown>)[f] !== undefined) ctx.addIssue({ code: 'custom', path: [f], message: 'FIELD_NOT_OF_KIND' });
      for (const f of REQUIRED[kind]) if ((doc as Record<string, unknown>)[f] === undefined) ctx.addIssue({ code: 'custom', path: [f], message: 'FIELD_REQUIRED' });
    }),
  version: 1,
  // Version 1 holds comments too: every earlier document is an action.
  upgrades: { 1: (doc) => ({ ...doc, kind: doc.kind ?? 'action' }) },
  indexes: ['kpiId'],
  conflict: { kind: 'fieldMerge' },
  read: {
    ADMIN: ALL,
    MANAGER: ALL,
    // The actions they own; the comments on KPIs they read.
    TECH: or(self('ownerUserId'), and(field('kind', ['comment']), or(field('sharedWithAll', [true]), inFact(READABLE_KPIS.name, 'kpiId')))),
  },
  write: {
    ADMIN: { create: true, update: true, delete: true },
    MANAGER: { create: true, update: true, delete: true },
    // Progress and status of the actions they own; their own comments (sync-server/src/kpi/hooks.ts checks the rest).
    TECH: {
      create: true,
      update: true,
      delete: true,
      when: or(and(field('kind', ['action']), self('ownerUserId')), and(field('kind', ['comment']), self('authorUserId'))),
      fields: ['progress', 'status', 'kind', 'kpiId', 'actionPlanId', 'body', 'authorUserId'],
    },
  },
  serverFields: ['authorAccountId', 'createdAt', 'sharedWithAll'],
  immutable: ['kind', 'kpiId', 'actionPlanId', 'authorUserId'],
  audited: ['status'],
});
