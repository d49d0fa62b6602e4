import { useMemo } from 'react';
import { useCollectionQuery } from '../../sync/useCollectionQuery';
import { useReference } from '../queries';
import { readDashboard, readKpi } from './documents';
import type { ActionDoc, CommentDoc, Dashboard, Kpi, KpiValueDoc } from './types';

/** The dashboards of the local store (what the server let this account read), live ones, by title. */
export function useDashboards(): { dashboards: Dashboard[]; loading: boolean } {
  const { docs, loading } = useReference('dashboard');
  const dashboards = useMemo(() => docs.filter((d) => !d.archived).map(readDashboard), [docs]);
  return { dashboards, loading };
}

/** The KPI definitions of the local store (archived ones included: a dashboard may still name them), by id. */
export function useKpis(): { kpis: Map<string, Kpi>; loading: boolean } {
  const { docs, loading } = useReference('kpi');
  const kpis = useMemo(() => new Map(docs.filter((d) => !d.archived).map((d) => [d.id, readKpi(d)])), [docs]);
  return { kpis, loading };
}

/**
 * One value per KPI and period: the latest entry (enteredAt, then id). A correction is a new entry of the same
 * period (the server merges it into the first and keeps the replaced one in `history`); until the sync has
 * done so, both are in the local store and the screens show the latest.
 */
export function latestPerPeriod(values: readonly KpiValueDoc[]): KpiValueDoc[] {
  const out = new Map<string, KpiValueDoc>();
  for (const v of values) {
    const key = `${v.kpiId}|${v.periodStart}`;
    const prev = out.get(key);
    if (!prev || v.enteredAt > prev.enteredAt || (v.enteredAt === prev.enteredAt && v.id > prev.id)) out.set(key, v);
  }
  return [...out.values()].sort((a, b) => a.periodStart.localeCompare(b.periodStart));
}

/** Values of some KPIs (all when `kpiIds` is undefined), one per period, oldest period first. */
export function useKpiValues(kpiIds?: readonly string[]): { values: KpiValueDoc[]; all: KpiValueDoc[]; loading: boolean } {
  const selector = kpiIds ? { kpiId: { $in: [...kpiIds] } } : {};
  // keepPrevious: a KPI added to a dashboard changes the query; the tiles keep their values meanwhile.
  const { docs, loading } = useCollectionQuery<KpiValueDoc>('kpi_values', { selector, sort: [{ periodStart: 'asc' }] }, { keepPrevious: true });
  // While the previous query's result is kept, only the asked KPIs' values count.
  const key = kpiIds ? kpiIds.join(',') : null;
  const mine = useMemo(() => {
    if (key === null) return docs;
    const ids = new Set(key.split(','));
    return docs.filter((d) => ids.has(d.kpiId));
  }, [docs, key]);
  const values = useMemo(() => latestPerPeriod(mine), [mine]);
  return { values, all: mine, loading };
}

/** Values grouped by KPI id. */
export function valuesByKpi(values: readonly KpiValueDoc[]): Map<string, KpiValueDoc[]> {
  const out = new Map<string, KpiValueDoc[]>();
  for (const v of values) {
    const list = out.get(v.kpiId) ?? [];
    list.push(v);
    out.set(v.kpiId, list);
  }
  return out;
}

/** The action plans and comments of one KPI (one collection, two kinds); comments oldest first. */
export function useKpiActionsAndComments(kpiId: string): { actions: ActionDoc[]; comments: CommentDoc[]; loading: boolean } {
  const { docs, loading } = useCollectionQuery<ActionDoc | CommentDoc>('action_plans', { selector: { kpiId } });
  return useMemo(() => {
    const actions = docs.filter((d): d is ActionDoc => d.kind !== 'comment').sort((a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'));
    const comments = docs.filter((d): d is CommentDoc => d.kind === 'comment').sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    return { actions, comments, loading };
  }, [docs, loading]);
}
