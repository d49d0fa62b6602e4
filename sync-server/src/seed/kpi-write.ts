import type { SyncDoc, Viewer } from '@coulisses/shared';
import type { Sql } from '../db/connect';
import { refreshNow } from '../kpi/auto-refresh';
import type { SyncCore } from '../sync/core';
import type { SyncTx } from '../sync/sync-tx';
import type { KpiSeason } from './kpi-content';
import { planKpis } from './kpi-plan';

export interface KpiWriteInput {
  orgId: string;
  zone: string;
  now: number;
  season: KpiSeason;
  personIds: ReadonlyMap<string, string>;
  projectIds: ReadonlyMap<string, string>;
  teamIds: ReadonlyMap<string, string>;
  planner: Viewer;
  /** The viewer of a person with a demo account (who writes their comments). */
  viewerOf(personKey: string): Viewer;
  /** The season writer's push through the sync core (refusals throw). */
  push(tx: SyncTx, viewer: Viewer, entity: string, docs: readonly SyncDoc[]): Promise<void>;
}

/**
 * Stores the demo's KPI side through the sync core, as the people who would write it: the planner defines the KPIs
 * and dashboards, enters the year of values and the actions; each comment is written by its author's account. Then
 * the automatic KPIs get their values from the season, as the server's runner would compute them (refreshNow on the
 * same day). Returns the number of documents written.
 */
export async function writeKpis(deps: { sync: SyncCore; sql: Sql }, input: KpiWriteInput): Promise<Record<string, number>> {
  const plan = planKpis(input);
  await deps.sync.transaction(input.orgId, async (tx) => {
    await input.push(tx, input.planner, 'reference', plan.reference);
    await input.push(tx, input.planner, 'kpi_values', plan.values);
    await input.push(tx, input.planner, 'action_plans', plan.actions);
    const byAuthor = new Map<string, SyncDoc[]>();
    for (const c of plan.comments) byAuthor.set(c.by, [...(byAuthor.get(c.by) ?? []), c.doc]);
    for (const [by, docs] of byAuthor) await input.push(tx, input.viewerOf(by), 'action_plans', docs);
  });
  const auto = await refreshNow({ db: { sql: deps.sql }, sync: deps.sync }, input.orgId, new Date(input.now));
  return {
    kpis: plan.reference.filter((d) => d.kind === 'kpi').length,
    dashboards: plan.reference.filter((d) => d.kind === 'dashboard').length,
    kpiValues: plan.values.length + auto.written,
    actionPlans: plan.actions.length + plan.comments.length,
  };
}
