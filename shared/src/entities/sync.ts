import { z } from 'zod';
import { ALL, selfAccount } from '../sync/conditions';
import { defineEntity } from '../sync/registry';
import { Id, Instant, base } from './common';

/** The conflict log: every resolution that discarded a value, written by the server, read in the Conflicts inbox. */
export const conflicts = defineEntity({
  name: 'conflicts',
  domain: 'sync',
  description: 'Resolutions that discarded a value or refused a write: which entity, which rule, the kept and discarded values, who was involved.',
  schema: z
    .object({
      ...base,
      entity: z.string().max(60),
      entityId: Id,
      rule: z.string().max(40),
      outcome: z.enum(['MERGED', 'REJECTED', 'DIVERTED']),
      code: z.string().max(80).nullable(),
      fields: z.array(z.object({ field: z.string(), kept: z.unknown(), discarded: z.unknown() }).strict()).max(200),
      /** The pushed state and the server's state when the conflict was seen. */
      local: z.record(z.string(), z.unknown()).nullable(),
      remote: z.record(z.string(), z.unknown()).nullable(),
      actorAccountIds: z.array(Id).max(10),
      createdAt: Instant,
    })
    .strict(),
  version: 0,
  indexes: ['createdAt'],
  conflict: { kind: 'fieldMerge' },
  read: { ADMIN: ALL, MANAGER: ALL, TECH: selfAccount('actorAccountIds') },
  write: {},
  serverFields: [],
  immutable: [],
});
