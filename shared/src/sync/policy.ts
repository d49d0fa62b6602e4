import { sameValue } from './canonical';
import { holds } from './conditions';
import type { EntityDef } from './registry';
import type { SyncDoc, Viewer, ViewerFacts } from './types';

const ALWAYS_WRITABLE = new Set(['id', 'updatedAt', '_deleted']);

export type WriteOp = 'create' | 'update' | 'delete';

export interface PolicyError {
  code: string;
  field?: string;
}

/** create, update or delete, from the stored state and the new one. A new row over a tombstone is a create. */
export function writeOp(before: SyncDoc | undefined, after: SyncDoc): WriteOp {
  if (!before || before._deleted) return 'create';
  return after._deleted ? 'delete' : 'update';
}

/** The fields whose value differs between two states (all present fields for a create). */
export function changedFields(before: SyncDoc | undefined, after: SyncDoc): string[] {
  const keys = new Set([...Object.keys(after), ...(before ? Object.keys(before) : [])]);
  return [...keys].filter((k) => !ALWAYS_WRITABLE.has(k) && !sameValue(after[k], before?.[k]));
}

/**
 * The write policy of an entity for one viewer: may this role make this change? Checks the operation, the
 * ownership condition on the stored and the new state, the writable fields, the immutable fields and the
 * entity's domain guard (state transitions...). Server fields are not the writer's concern: the server
 * restores them before calling this. Returns null when allowed.
 */
export function checkWrite(entity: EntityDef, viewer: Viewer, facts: ViewerFacts, before: SyncDoc | undefined, after: SyncDoc): PolicyError | null {
  const rule = entity.write[viewer.role];
  const op = writeOp(before, after);
  if (!rule || !rule[op]) return { code: 'FORBIDDEN' };
  if (rule.when) {
    if (!holds(rule.when, after, viewer, facts)) return { code: 'FORBIDDEN' };
    if (before && !before._deleted && !holds(rule.when, before, viewer, facts)) return { code: 'FORBIDDEN' };
  }
  const live = before && !before._deleted ? before : undefined;
  const changed = op === 'delete' ? [] : changedFields(live, after).filter((f) => !entity.serverFields.includes(f));
  if (rule.fields && rule.fields !== 'all') {
    const allowed = rule.fields;
    const bad = changed.find((f) => !allowed.includes(f));
    if (bad) return { code: 'FIELD_NOT_WRITABLE', field: bad };
  }
  if (live) {
    const frozen = entity.immutable.find((f) => !sameValue(live[f], after[f]));
    if (frozen) return { code: 'IMMUTABLE_FIELD', field: frozen };
  }
  if (op !== 'delete' && entity.guard) {
    const code = entity.guard({ before: live, after, viewer });
    if (code) return { code };
  }
  return null;
}

/** May this viewer read this document? */
export function canRead(entity: EntityDef, viewer: Viewer, facts: ViewerFacts, doc: SyncDoc): boolean {
  const cond = entity.read[viewer.role];
  return cond ? holds(cond, doc, viewer, facts) : false;
}
