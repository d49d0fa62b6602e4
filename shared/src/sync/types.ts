import type { Role } from '../org/roles';

/** A replicated document: the entity's fields plus RxDB's deletion flag. */
export type SyncDoc = Record<string, unknown> & { id: string; _deleted?: boolean };

/**
 * Who may sync: a member's role, or KIOSK for an enrolled time-clock tablet (no account; it may only create
 * its own punches and incidents, and reads its roster through the kiosk API).
 */
export type SyncRole = Role | 'KIOSK';

/** Who reads or writes: the role in the active organisation and the ids that make "mine" decidable. */
export interface Viewer {
  role: SyncRole;
  /** The login account; for a kiosk, its kiosk id. */
  accountId: string;
  /** The schedulable person (users collection) linked to the account in this organisation, if any. */
  userId: string | null;
  /** The enrolled device writing (kiosks), for 'device' conditions. */
  deviceId?: string | null;
}

/**
 * A read or write condition on one document. Declarative so that the server can compile it to SQL for
 * pulls and streams, and the client and tests can evaluate it in memory.
 */
export type Condition =
  | { kind: 'all' }
  | { kind: 'none' }
  | { kind: 'field'; field: string; in: readonly (string | number | boolean | null)[] }
  | { kind: 'self'; field: string }
  | { kind: 'selfIn'; field: string }
  | { kind: 'selfAccount'; field: string }
  | { kind: 'fact'; fact: string; field: string }
  | { kind: 'device'; field: string }
  | { kind: 'or'; of: readonly Condition[] }
  | { kind: 'and'; of: readonly Condition[] };

/**
 * Facts about the viewer that live in other collections, by fact name (see FactDef): for example
 * `assignedMissionIds`, the missions on which the viewer's person has an active assignment.
 */
export type ViewerFacts = Readonly<Record<string, ReadonlySet<string>>>;

/**
 * A fact about the viewer's person derived from another collection, used by read conditions of kind 'fact':
 * the values of `valueField` of the live documents of `from` whose `personField` is the viewer's person and
 * that satisfy `when`. The server compiles it to SQL; when a source document stops counting, the documents it
 * made readable leave that person's scope (a scope exit, see shared/src/sync/read.ts).
 */
export interface FactDef {
  name: string;
  from: string;
  personField: string;
  /** The person field is an array of persons (the readers of a shared KPI), not one id. */
  personArray?: boolean;
  valueField: string;
  when: Condition;
}

/** What one role may do with an entity. Absent role: nothing. */
export interface RoleWrite {
  create?: boolean;
  update?: boolean;
  delete?: boolean;
  /** The document (before and after) must satisfy this. */
  when?: Condition;
  /** Fields this role may set or change; 'all' by default. */
  fields?: readonly string[] | 'all';
}

export type WritePolicy = Partial<Record<SyncRole, RoleWrite>>;
export type ReadScope = Partial<Record<SyncRole, Condition>>;

/** A value a conflict resolution did not keep, for the conflict log. */
export interface Discard {
  field: string;
  kept: unknown;
  discarded: unknown;
}

export interface Resolution<T extends SyncDoc = SyncDoc> {
  doc: T;
  discarded: Discard[];
  /** The rule that decided, as recorded in the conflict log. */
  rule: string;
  /** Set when the local row was not applied but turned into something else (locked rule). */
  diverted?: { reason: string };
}

export interface ConflictInput<T extends SyncDoc = SyncDoc> {
  /** What the writer last saw from the server (RxDB's assumedMasterState); undefined for a new row. */
  base: T | undefined;
  /** What the writer wants (newDocumentState). */
  local: T;
  /** What the server has now (realMasterState). */
  remote: T;
  /** Role of the writer of `local` (the server knows it; the client uses its own). */
  localRole?: SyncRole;
}
