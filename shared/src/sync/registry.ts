import type { z } from 'zod';
import type { ConflictRule } from './conflict/rules';
import type { ReadScope, SyncDoc, SyncRole, Viewer, WritePolicy } from './types';

export type Domain = 'org' | 'planning' | 'timeclock' | 'payroll' | 'kpi' | 'analytics' | 'equipment' | 'notifications' | 'integrations' | 'sync';

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
  /** RxDB indexes (fields must be required, or listed in localRequired; strings need a max length). */
  indexes: readonly (string | readonly string[])[];
  /**
   * Fields optional on the wire but always present in the local store (so that they can be indexed there): the
   * server sets them on every stored document (server fields) and the client's local hooks on every local write.
   */
  localRequired?: readonly string[];
  conflict: ConflictRule;
  /** Which rows each role may read (absent role: none). Compiled to SQL by the server for pull, stream and counts. */
  read: ReadScope;
  /**
   * Which fields each role may not read: they are removed from every document that role receives (pull,
   * stream, push answers, the conflict log). They must be optional in the schema and not writable by that role.
   */
  hiddenFields?: Partial<Record<SyncRole, readonly string[]>>;
  /**
   * Documents of other entities carried inside this one (the conflict log's `local` and `remote` states and its
   * per-field values): each is shown to a reader only as that reader may read the entity it belongs to.
   */
  embeds?: { entityField: string; docFields: readonly string[]; valuesField?: string };
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

/** An entity of the registry; its name stays a literal type, so hooks and tests can be typed by entity. */
export function defineEntity<const N extends string, S extends z.ZodObject>(def: EntityDef<S> & { name: N }): EntityDef<S> & { name: N } {
  return def;
}
