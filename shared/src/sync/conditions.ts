import type { Condition, SyncDoc, Viewer, ViewerFacts } from './types';

export const ALL: Condition = { kind: 'all' };
export const NONE: Condition = { kind: 'none' };
export const field = (name: string, values: readonly (string | number | boolean | null)[]): Condition => ({ kind: 'field', field: name, in: values });
export const self = (name: string): Condition => ({ kind: 'self', field: name });
export const selfAccount = (name: string): Condition => ({ kind: 'selfAccount', field: name });
export const assigned = (name: string): Condition => ({ kind: 'assigned', field: name });
/** The document's field names the device writing (a kiosk's own punches). */
export const device = (name: string): Condition => ({ kind: 'device', field: name });
export const or = (...of: Condition[]): Condition => ({ kind: 'or', of });
export const and = (...of: Condition[]): Condition => ({ kind: 'and', of });

const NO_FACTS: ViewerFacts = { assignedMissionIds: new Set() };

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
    case 'selfAccount': {
      const v = doc[cond.field];
      return Array.isArray(v) ? v.includes(viewer.accountId) : v === viewer.accountId;
    }
    case 'device':
      return typeof viewer.deviceId === 'string' && doc[cond.field] === viewer.deviceId;
    case 'assigned':
      return typeof doc[cond.field] === 'string' && facts.assignedMissionIds.has(doc[cond.field] as string);
    case 'or':
      return cond.of.some((c) => holds(c, doc, viewer, facts));
    case 'and':
      return cond.of.every((c) => holds(c, doc, viewer, facts));
  }
}

/** True when the condition needs the viewer's assignments. */
export function needsAssignments(cond: Condition): boolean {
  if (cond.kind === 'assigned') return true;
  if (cond.kind === 'or' || cond.kind === 'and') return cond.of.some(needsAssignments);
  return false;
}
