import type { Condition, SyncDoc, Viewer, ViewerFacts } from './types';

export const ALL: Condition = { kind: 'all' };
export const NONE: Condition = { kind: 'none' };
export const field = (name: string, values: readonly (string | number | boolean | null)[]): Condition => ({ kind: 'field', field: name, in: values });
export const self = (name: string): Condition => ({ kind: 'self', field: name });
/** The document's array field holds the viewer's person (the readers of a shared dashboard). */
export const selfIn = (name: string): Condition => ({ kind: 'selfIn', field: name });
export const selfAccount = (name: string): Condition => ({ kind: 'selfAccount', field: name });
/** The document's field is one of the viewer's values of a fact (FactDef), e.g. a mission the viewer is assigned to. */
export const inFact = (fact: string, name: string): Condition => ({ kind: 'fact', fact, field: name });
/** The document's field names a mission the viewer's person has an active assignment on. */
export const assigned = (name: string): Condition => inFact('assignedMissionIds', name);
/** The document's field names the device writing (a kiosk's own punches). */
export const device = (name: string): Condition => ({ kind: 'device', field: name });
export const or = (...of: Condition[]): Condition => ({ kind: 'or', of });
export const and = (...of: Condition[]): Condition => ({ kind: 'and', of });

const NO_FACTS: ViewerFacts = {};

/** Evaluates a condition on one document for one viewer. */
export function holds(cond: Condition, doc: SyncDoc, viewer: Viewer, facts: ViewerFacts = NO_FACTS): boolean {
  switch (cond.kind) {
    case 'all':
      return true;
    case 'none':
      return false;
    case 'field':
      return cond.in.includes((doc[cond.field] ?? null) as string | number | boolean | null);
    case 'self':
      return viewer.userId !== null && doc[cond.field] === viewer.userId;
    case 'selfIn': {
      const v = doc[cond.field];
      return viewer.userId !== null && Array.isArray(v) && v.includes(viewer.userId);
    }
    case 'selfAccount': {
      const v = doc[cond.field];
      return Array.isArray(v) ? v.includes(viewer.accountId) : v === viewer.accountId;
    }
    case 'device':
      return typeof viewer.deviceId === 'string' && doc[cond.field] === viewer.deviceId;
    case 'fact':
      return typeof doc[cond.field] === 'string' && (facts[cond.fact]?.has(doc[cond.field] as string) ?? false);
    case 'or':
      return cond.of.some((c) => holds(c, doc, viewer, facts));
    case 'and':
      return cond.of.every((c) => holds(c, doc, viewer, facts));
  }
}

/** The names of the facts a condition needs (empty: it is decided by the document and the viewer alone). */
export function factsOf(cond: Condition | undefined): string[] {
  if (!cond) return [];
  if (cond.kind === 'fact') return [cond.fact];
  if (cond.kind === 'or' || cond.kind === 'and') return [...new Set(cond.of.flatMap(factsOf))];
  return [];
}
