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

/** Values of some KPIs (all when `kpiIds` is undefined), oldest period first. */
export function useKpiValues(kpiIds?: readonly string[]): { values: KpiValueDoc[]; loading: boolean } {
  const selector = kpiIds ? { kpiId: { $in: [...kpiIds] } } : {};
  const { docs, loading } = useCollectionQuery<KpiValueDoc>('kpi_values', { selector, sort: [{ periodStart: 'asc' }] });
  return { values: docs, loading };
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
