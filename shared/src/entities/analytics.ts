import { z } from 'zod';
import { ALL, NONE, field, or, selfAccount } from '../sync/conditions';
import { defineEntity } from '../sync/registry';
import { ImportJobData, kindData } from '../kpi/documents';
import { ANALYTICS_SLICE_SCHEMAS } from '../analytics/slices';
import { Id, Instant, LocalDate, SafeText, StrictBoolean, base, text } from './common';

/** Precomputed analytics (coverage, hours, payroll mass, heatmaps) so direction dashboards work offline. */
export const analyticsSlices = defineEntity({
  name: 'analytics_slices',
  domain: 'analytics',
  description: 'Server-computed analytics aggregates per kind and period; read-only for clients.',
  schema: z
    .object({
      ...base,
      kind: text(60).min(1),
      periodStart: LocalDate,
      periodEnd: LocalDate,
      filters: z.record(SafeText, z.unknown()),
      data: z.record(SafeText, z.unknown()),
      computedAt: Instant,
      /** Pay figures (kind an_pay): read by ADMIN and by the accounts in readerAccountIds (the organisation's setting). */
      sensitive: StrictBoolean.optional(),
      readerAccountIds: z.array(Id).max(500).optional(),
    })
    .strict()
    // Typed data per kind: an import of KPI values (kind import_job), the analytics slices (shared/src/analytics/slices.ts).
    .superRefine(kindData('kind', 'data', { import_job: ImportJobData, ...ANALYTICS_SLICE_SCHEMAS })),
  version: 1,
  // Version 1 adds the optional sensitive and readerAccountIds: documents of version 0 stay as they are.
  upgrades: { 1: (doc) => doc },
  indexes: ['kind', 'periodStart'],
  conflict: { kind: 'fieldMerge' },
  // Pay slices only for ADMIN and the accounts the setting names; nothing for crew.
  read: { ADMIN: ALL, MANAGER: or(field('sensitive', [false, null]), selfAccount('readerAccountIds')), TECH: NONE },
  write: {},
  serverFields: [],
  immutable: [],
});
