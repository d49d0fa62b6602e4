import { sameValue } from '../canonical';
import type { SyncRole } from '../types';
import type { ConflictInput, Resolution, SyncDoc } from '../types';
import { mergeFields } from './field-merge';
import { resolveStateMachine, type StateMachineRule } from './state-machine';

/** a. field-level three-way merge. */
export interface FieldMergeRule {
  kind: 'fieldMerge';
}
/** c. append-only, idempotent by id: a stored event never changes. */
export interface AppendOnlyRule {
  kind: 'appendOnly';
}
/** d. locked after validation: once `field` is one of `lockedValues`, writers in `lockedFor` cannot change it. */
export interface LockedRule {
  kind: 'locked';
  field: string;
  lockedValues: readonly string[];
  lockedFor: readonly SyncRole[];
}
/** e. unique by key: one live document per key; a second one merges into the first, the loser kept in `historyField`. */
export interface UniqueByRule {
  kind: 'uniqueBy';
  key: readonly string[];
  valueFields: readonly string[];
  atField: string;
  historyField: string;
}

export type ConflictRule = FieldMergeRule | StateMachineRule | AppendOnlyRule | LockedRule | UniqueByRule;

/** True when the locked rule forbids this writer from changing the stored document. */
export function isLocked(rule: LockedRule, stored: SyncDoc | undefined, role: SyncRole | undefined): boolean {
  return !!stored && !!role && rule.lockedFor.includes(role) && rule.lockedValues.includes(String(stored[rule.field]));
}

/**
 * The one conflict resolution used by the client's conflictHandler and by the server: given the writer's base,
 * its new state and the server's state, the state to keep and the values it discards.
 */
export function resolveConflict<T extends SyncDoc>(rule: ConflictRule, input: ConflictInput<T>): Resolution<T> {
  switch (rule.kind) {
    case 'fieldMerge':
      return mergeFields(input);
    case 'stateMachine':
      return resolveStateMachine(rule, input);
    case 'appendOnly': {
      const discarded = sameValue(strip(input.local), strip(input.remote)) ? [] : [{ field: '*', kept: input.remote, discarded: input.local }];
      return { doc: input.remote, discarded, rule: 'append-only' };
    }
    case 'locked':
      if (isLocked(rule, input.remote, input.localRole)) {
        const changed = !sameValue(strip(input.local), strip(input.remote));
        return {
          doc: input.remote,
          discarded: changed ? [{ field: '*', kept: input.remote, discarded: input.local }] : [],
          rule: 'locked',
          diverted: changed ? { reason: 'LOCKED' } : undefined,
        };
      }
      return { ...mergeFields(input), rule: 'locked' };
    case 'uniqueBy':
      return resolveUnique(rule, input);
  }
}

function strip(doc: SyncDoc): SyncDoc {
  const { updatedAt: _u, ...rest } = doc;
  return rest as SyncDoc;
}

/**
 * Two entries for the same key (or two edits of one entry): the later entry (atField) keeps its values, the
 * other values are appended to the history; the stored document's id is kept.
 */
function resolveUnique<T extends SyncDoc>(rule: UniqueByRule, input: ConflictInput<T>): Resolution<T> {
  const { local, remote } = input;
  const sameId = local.id === remote.id;
  const merged = sameId ? mergeFields(input, new Set([rule.historyField])) : { doc: { ...remote } as T, discarded: [] };
  const localWins = String(local[rule.atField] ?? '') > String(remote[rule.atField] ?? '');
  const winner = localWins ? local : remote;
  const loser = localWins ? remote : local;
  const doc: Record<string, unknown> = { ...merged.doc, id: remote.id };
  const differs = rule.valueFields.some((f) => !sameValue(local[f], remote[f]));
  const history = Array.isArray(remote[rule.historyField]) ? [...(remote[rule.historyField] as unknown[])] : [];
  const discarded = merged.discarded.filter((d) => !rule.valueFields.includes(d.field) && d.field !== rule.atField);
  for (const f of [...rule.valueFields, rule.atField]) doc[f] = winner[f];
  if (differs) {
    const entry: Record<string, unknown> = { id: loser.id };
    for (const f of [...rule.valueFields, rule.atField]) entry[f] = loser[f];
    if (!history.some((h) => sameValue(h, entry))) history.push(entry);
    for (const f of rule.valueFields) if (!sameValue(local[f], remote[f])) discarded.push({ field: f, kept: winner[f], discarded: loser[f] });
  }
  doc[rule.historyField] = history;
  if (!sameId) doc._deleted = Boolean(remote._deleted);
  return { doc: doc as T, discarded, rule: 'unique-by-key' };
}
