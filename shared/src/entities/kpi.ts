import { z } from 'zod';
import { ALL, NONE, self } from '../sync/conditions';
import { defineEntity } from '../sync/registry';
import { Id, Instant, LocalDate, LongText, SafeText, ShortText, base, text } from './common';

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
    })
    .strict(),
  version: 0,
  indexes: ['kpiId', ['kpiId', 'periodStart']],
  conflict: { kind: 'uniqueBy', key: ['kpiId', 'periodStart'], valueFields: ['value', 'comment'], atField: 'enteredAt', historyField: 'history' },
  read: { ADMIN: ALL, MANAGER: ALL, TECH: NONE },
  write: { ADMIN: { create: true, update: true, delete: true }, MANAGER: { create: true, update: true, delete: true } },
  serverFields: ['status', 'enteredByAccountId', 'history'],
  immutable: ['kpiId', 'periodStart'],
  guard: ({ after }) => (String(after.periodEnd) < String(after.periodStart) ? 'END_BEFORE_START' : null),
});

export const ACTION_PLAN_STATUSES = ['OPEN', 'IN_PROGRESS', 'DONE', 'CANCELLED'] as const;

export const actionPlans = defineEntity({
  name: 'action_plans',
  domain: 'kpi',
  description: 'Corrective actions attached to a KPI: owner, due date, progress, status.',
  schema: z
    .object({
      ...base,
      kpiId: Id,
      title: ShortText.min(1),
      description: LongText.optional(),
      ownerUserId: Id.nullable(),
      dueDate: LocalDate.nullable(),
      progress: z.number().int().min(0).max(100),
      status: z.enum(ACTION_PLAN_STATUSES),
    })
    .strict(),
  version: 0,
  indexes: ['kpiId'],
  conflict: { kind: 'fieldMerge' },
  read: { ADMIN: ALL, MANAGER: ALL, TECH: self('ownerUserId') },
  write: {
    ADMIN: { create: true, update: true, delete: true },
    MANAGER: { create: true, update: true, delete: true },
    TECH: { update: true, when: self('ownerUserId'), fields: ['progress', 'status'] },
  },
  serverFields: [],
  immutable: ['kpiId'],
});
