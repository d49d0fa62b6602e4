import { z } from 'zod';
import { ALL, NONE } from '../sync/conditions';
import { defineEntity } from '../sync/registry';
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
    .strict(),
  version: 0,
  indexes: ['kind', 'periodStart'],
  conflict: { kind: 'fieldMerge' },
  read: { ADMIN: ALL, MANAGER: ALL, TECH: NONE },
  write: {},
  serverFields: [],
  immutable: [],
});
