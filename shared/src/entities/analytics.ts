import { z } from 'zod';
import { ALL, NONE } from '../sync/conditions';
import { defineEntity } from '../sync/registry';
import { Instant, LocalDate, base } from './common';

/** Precomputed analytics (coverage, hours, payroll mass, heatmaps) so direction dashboards work offline. */
export const analyticsSlices = defineEntity({
  name: 'analytics_slices',
  domain: 'analytics',
  description: 'Server-computed analytics aggregates per kind and period; read-only for clients.',
  schema: z
    .object({
      ...base,
      kind: z.string().min(1).max(60),
      periodStart: LocalDate,
      periodEnd: LocalDate,
      filters: z.record(z.string(), z.unknown()),
      data: z.record(z.string(), z.unknown()),
      computedAt: Instant,
    })
    .strict(),
  version: 0,
  indexes: ['kind', 'periodStart'],
  conflict: { kind: 'fieldMerge' },
  read: { ADMIN: ALL, MANAGER: ALL, TECH: NONE },
  write: {},
  serverFields: [],
  immutable: [],
});
