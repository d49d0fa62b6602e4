import { z } from 'zod';
import { ALL, selfAccount } from '../sync/conditions';
import { defineEntity } from '../sync/registry';
import { Id, Instant, SafeText, base, text } from './common';

/** The conflict log: every resolution that discarded a value, written by the server, read in the Conflicts inbox. */
export const conflicts = defineEntity({
  name: 'conflicts',
  domain: 'sync',
  description: 'Resolutions that discarded a value or refused a write: which entity, which rule, the kept and discarded values, who was involved.',
  schema: z
    .object({
      ...base,
      entity: text(60),
      entityId: Id,
      rule: text(40),
      outcome: z.enum(['MERGED', 'REJECTED', 'DIVERTED']),
      code: text(80).nullable(),
      fields: z.array(z.object({ field: SafeText, kept: z.unknown(), discarded: z.unknown() }).strict()).max(200),
      /** The pushed state and the server's state when the conflict was seen. */
      local: z.record(SafeText, z.unknown()).nullable(),
      remote: z.record(SafeText, z.unknown()).nullable(),
      actorAccountIds: z.array(Id).max(10),
      createdAt: Instant,
    })
    .strict(),
  version: 0,
  indexes: ['createdAt'],
  conflict: { kind: 'fieldMerge' },
  read: { ADMIN: ALL, MANAGER: ALL, TECH: selfAccount('actorAccountIds') },
  // The states and values of the entry are shown to each reader only as that reader may read the entity.
  embeds: { entityField: 'entity', docFields: ['local', 'remote'], valuesField: 'fields' },
  write: {},
  serverFields: [],
  immutable: [],
});
