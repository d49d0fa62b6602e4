import type { EntityDef } from '../sync/registry';
import type { FactDef } from '../sync/types';
import { analyticsSlices } from './analytics';
import { READABLE_KPIS, actionPlans, kpiValues } from './kpi';
import { reference, users } from './org';
import { ASSIGNED_MISSIONS, assignments, availabilities, missions, projects } from './planning';
import { conflicts } from './sync';
import { fieldEvents, timesheets } from './timeclock';

/**
 * The entity registry: every synced collection of the product. RxDB's free build opens at most 13
 * collections in one JS context (COL23), so the local store is planned at 12 (docs/data-model.md).
 */
export const ENTITIES = [reference, users, projects, missions, assignments, availabilities, fieldEvents, timesheets, kpiValues, actionPlans, analyticsSlices, conflicts] as const;

export const MAX_COLLECTIONS = 12;

export type EntityName = (typeof ENTITIES)[number]['name'];

/** Facts about a viewer's person that read conditions use (kind 'fact'). */
export const FACTS: readonly FactDef[] = [ASSIGNED_MISSIONS, READABLE_KPIS];

/** Where the schedulable person of a login account is found: the viewer's `userId` in an organisation. */
export const PERSON_LINK = { entity: 'users', accountField: 'accountId' } as const;

const BY_NAME = new Map<string, EntityDef>(ENTITIES.map((e) => [e.name, e as unknown as EntityDef]));

export function entityByName(name: string): EntityDef | undefined {
  return BY_NAME.get(name);
}

export { READABLE_KPIS, ACTION_PLAN_KINDS } from './kpi';
export { ASSIGNMENT_MACHINE, ASSIGNED_MISSIONS, ACTIVE_ASSIGNMENT_STATUSES, NO_MISSION_START } from './planning';
export { reference, users, projects, missions, assignments, availabilities, fieldEvents, timesheets, kpiValues, actionPlans, analyticsSlices, conflicts };
export { TIMESHEET_SOURCES, TIMESHEET_STATUSES, TIMESHEET_TYPES, FIELD_EVENT_KINDS } from './timeclock';
