import { sameValue } from '../canonical';
import type { ConflictInput, Resolution, SyncDoc } from '../types';
import { mergeFields } from './field-merge';

/** Who set a state: the planning side (ADMIN, MANAGER) or the crew member it concerns. */
export type Actor = 'MANAGER' | 'CREW';

export interface StateMachineRule {
  kind: 'stateMachine';
  /** The state field and the fields that travel with it (who, when, why). */
  field: string;
  group: readonly string[];
  atField: string;
  byField: string;
  /** Allowed transitions per actor: from -> to[]; '*' is any state (also a new document). */
  transitions: Record<Actor, Record<string, readonly string[]>>;
  /** States set by the planning side that beat any crew answer, whatever the time. */
  managerWins: readonly string[];
}

/**
 * Resolves two concurrent state changes: a manager's state in `managerWins` (CANCELLED) beats a crew answer;
 * otherwise the later change (atField) wins, ties to the server. The other fields merge field by field.
 */
export function resolveStateMachine<T extends SyncDoc>(rule: StateMachineRule, input: ConflictInput<T>): Resolution<T> {
  const groupFields = new Set([rule.field, ...rule.group]);
  const merged = mergeFields(input, groupFields);
  const { base, local, remote } = input;
  // A transition is its state and its time: ACCEPTED -> DECLINED -> ACCEPTED again is a change even though the
  // state reads the same (a client that missed the middle step must not win with its stale DECLINED).
  const transitionOf = (d: SyncDoc) => [d[rule.field], d[rule.atField]];
  const localChanged = !base || !sameValue(transitionOf(local), transitionOf(base));
  const remoteChanged = !base || !sameValue(transitionOf(remote), transitionOf(base));
  let winner: SyncDoc = remote;
  if (sameValue(local[rule.field], remote[rule.field])) winner = String(local[rule.atField] ?? '') > String(remote[rule.atField] ?? '') ? local : remote;
  else if (localChanged && !remoteChanged) winner = local;
  else if (localChanged && remoteChanged) winner = pickWinner(rule, local, remote);
  const doc: Record<string, unknown> = { ...merged.doc };
  for (const f of groupFields) {
    if (winner[f] === undefined) delete doc[f];
    else doc[f] = winner[f];
  }
  const discarded = [...merged.discarded];
  const loser = winner === local ? remote : local;
  if (!sameValue(local[rule.field], remote[rule.field]) && localChanged && remoteChanged) {
    discarded.push({ field: rule.field, kept: winner[rule.field], discarded: loser[rule.field] });
  }
  return { doc: doc as T, discarded, rule: 'state-machine' };
}

function pickWinner(rule: StateMachineRule, local: SyncDoc, remote: SyncDoc): SyncDoc {
  const lManager = local[rule.byField] === 'MANAGER' && rule.managerWins.includes(String(local[rule.field]));
  const rManager = remote[rule.byField] === 'MANAGER' && rule.managerWins.includes(String(remote[rule.field]));
  if (lManager && !rManager) return local;
  if (rManager && !lManager) return remote;
  return String(local[rule.atField] ?? '') > String(remote[rule.atField] ?? '') ? local : remote;
}

/** True when `actor` may move the state from `from` (undefined: a new document) to `to`. */
export function transitionAllowed(rule: StateMachineRule, actor: Actor, from: unknown, to: unknown): boolean {
  if (from === to) return true;
  const table = rule.transitions[actor];
  const key = from === undefined ? '*' : String(from);
  const allowed = [...(table[key] ?? []), ...(table['*'] ?? [])];
  return allowed.includes(String(to));
}
