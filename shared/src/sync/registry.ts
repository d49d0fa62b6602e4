import type { z } from 'zod';
import type { ConflictRule } from './conflict/rules';
import type { ReadScope, SyncDoc, Viewer, WritePolicy } from './types';

export type Domain = 'org' | 'planning' | 'timeclock' | 'payroll' | 'kpi' | 'analytics' | 'sync';

export interface GuardInput {
  before: SyncDoc | undefined;
  after: SyncDoc;
  viewer: Viewer;
}

/**
 * One synced entity: everything the client, the server and the tests need to know about it. Adding an
 * entity is one of these plus its migration (a table with the standard sync columns).
 */
export interface EntityDef<S extends z.ZodObject = z.ZodObject> {
  /** Collection name on the client, table name on the server, path segment of its sync routes. */
  name: string;
  domain: Domain;
  description: string;
  /** The document's fields (without _deleted). `id` and `updatedAt` are always there. */
  schema: S;
  /** RxDB schema version; bump it (and add its upgrade) when the schema changes. */
  version: number;
  /**
   * Upgrade of a stored document to version N (RxDB migration strategy N on the client; the server's SQL
   * migration does the same to its rows). Versions without one keep the document as it is.
   */
  upgrades?: Readonly<Record<number, (doc: SyncDoc) => SyncDoc>>;
  /** RxDB indexes (fields must be required; strings need a max length). */
  indexes: readonly (string | readonly string[])[];
  conflict: ConflictRule;
  read: ReadScope;
  write: WritePolicy;
  /** Fields only the server sets or computes; a client's value is ignored. */
  serverFields: readonly string[];
  /** Fields fixed at creation. */
  immutable: readonly string[];
  /**
   * Documents whose visibility this one decides (an assignment makes its mission readable by the crew member):
   * writing this document bumps their change number so pulls and streams carry them again.
   */
  touches?: readonly { entity: string; field: string }[];
  /** Fields whose every change (and the creation and deletion) is written to the audit log by the server. */
  audited?: readonly string[];
  /** Domain checks on a write (state transitions, ranges); returns an error code or null. */
  guard?: (input: GuardInput) => string | null;
}

export type DocOf<E extends EntityDef> = z.infer<E['schema']> & { _deleted?: boolean };

export function defineEntity<S extends z.ZodObject>(def: EntityDef<S>): EntityDef<S> {
  return def;
}
