import type { SyncDoc } from '@coulisses/shared';
import { useMemo } from 'react';
import { useOrgContext } from '../org/useOrgContext';
import { useLocalWrites } from '../useLocalWrites';
import { actionPatch, dashboardPatch, kpiPatch, moveItem, newAction, newComment, newDashboard, newKpi, newKpiValue, type ActionFields, type DashboardFields, type KpiFields } from './writes';
import type { Dashboard, Kpi, KpiValueDoc } from './types';

export interface KpiWrites {
  createDashboard: (f: DashboardFields) => Promise<string>;
  updateDashboard: (d: Dashboard, f: DashboardFields) => Promise<void>;
  /** Archives (the delete people see; undo un-archives). */
  setDashboardArchived: (id: string, archived: boolean) => Promise<void>;
  setDashboardKpis: (d: Dashboard, kpiIds: string[]) => Promise<void>;
  moveKpi: (d: Dashboard, from: number, to: number) => Promise<void>;
  /** Creates a KPI and, with a dashboard, appends it there. */
  createKpi: (f: KpiFields, dashboard: Dashboard | null) => Promise<string>;
  updateKpi: (id: string, f: KpiFields) => Promise<void>;
  setKpiArchived: (id: string, archived: boolean) => Promise<void>;
  /** Enters (or replaces) the value of a period; the server keeps the replaced entry in the history. */
  enterValue: (kpi: Kpi, period: string, value: number, comment: string) => Promise<void>;
  /** Deletes every local entry of a period (the value and a correction not synced yet). */
  deleteValue: (entries: readonly KpiValueDoc[]) => Promise<void>;
  createAction: (kpiId: string, f: ActionFields) => Promise<string>;
  /** `progressOnly`: the owner without planner rights changes progress and status only. */
  updateAction: (id: string, f: ActionFields, progressOnly?: boolean) => Promise<void>;
  deleteDoc: (id: string) => Promise<void>;
  addComment: (kpiId: string, actionPlanId: string | null, body: string, userId: string | null) => Promise<void>;
  editComment: (id: string, body: string) => Promise<void>;
}

/** Local writes of the KPI screens: they work offline and reach the server with the next sync. */
export function useKpiWrites(): KpiWrites | null {
  const writes = useLocalWrites();
  const { accountId } = useOrgContext();
  return useMemo(() => {
    if (!writes) return null;
    /** Changes a dashboard's KPI list from its stored state (not a screen's copy, which may be a render old). */
    const editKpis = (id: string, fn: (kpiIds: string[]) => string[]) =>
      writes.modify('reference', id, (doc) => {
        const data = doc['data'] as Record<string, unknown>;
        const current = Array.isArray(data['kpiIds']) ? (data['kpiIds'] as string[]) : [];
        return { ...doc, data: { ...data, kpiIds: fn(current) } } as SyncDoc;
      });
    const setKpis = (d: Dashboard, kpiIds: string[]) => editKpis(d.id, () => kpiIds);
    return {
      createDashboard: async (f) => {
        const doc = newDashboard(f);
        await writes.insert('reference', doc);
        return doc.id;
      },
      updateDashboard: (d, f) => writes.patch('reference', d.id, dashboardPatch(f, d.kpiIds)),
      setDashboardArchived: (id, archived) => writes.patch('reference', id, { archived }),
      setDashboardKpis: setKpis,
      moveKpi: (d, from, to) => {
        const id = d.kpiIds[from];
        const before = d.kpiIds[to];
        return editKpis(d.id, (ids) => (id && before ? moveItem(ids, ids.indexOf(id), ids.indexOf(before)) : ids));
      },
      createKpi: async (f, dashboard) => {
        const doc = newKpi(f);
        await writes.insert('reference', doc);
        if (dashboard) await editKpis(dashboard.id, (ids) => [...ids, doc.id]);
        return doc.id;
      },
      updateKpi: (id, f) => writes.patch('reference', id, kpiPatch(f)),
      setKpiArchived: (id, archived) => writes.patch('reference', id, { archived }),
      // Always a new entry: the server merges it into the period's value and keeps the replaced one in history.
      enterValue: (kpi, period, value, comment) => writes.insert('kpi_values', newKpiValue(kpi.id, kpi.frequency, period, value, comment)),
      deleteValue: async (entries) => {
        for (const v of entries) await writes.remove('kpi_values', v.id);
      },
      createAction: async (kpiId, f) => {
        const doc = newAction(kpiId, f);
        await writes.insert('action_plans', doc);
        return doc.id;
      },
      updateAction: (id, f, progressOnly) => {
        const patch = actionPatch(f);
        return writes.patch('action_plans', id, progressOnly ? { progress: patch.progress, status: patch.status } : patch);
      },
      deleteDoc: (id) => writes.remove('action_plans', id),
      addComment: (kpiId, actionPlanId, body, userId) => writes.insert('action_plans', newComment(kpiId, actionPlanId, body, accountId ?? '', userId)),
      editComment: (id, body) => writes.patch('action_plans', id, { body: body.trim() }),
    };
  }, [writes, accountId]);
}
