import { z } from 'zod';
import { ALL, NONE } from '../sync/conditions';
import { defineEntity } from '../sync/registry';
import { ImportJobData, kindData } from '../kpi/documents';
import { Instant, LocalDate, SafeText, base, text } from './common';

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
    })
    .strict()
    // Typed data per kind: an import of KPI values (kind import_job); precomputed aggregates keep their own shapes.
    .superRefine(kindData('kind', 'data', { import_job: ImportJobData })),
  version: 0,
  indexes: ['kind', 'periodStart'],
  conflict: { kind: 'fieldMerge' },
  read: { ADMIN: ALL, MANAGER: ALL, TECH: NONE },
  write: {},
  serverFields: [],
  immutable: [],
});
