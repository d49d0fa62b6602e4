import { localDate } from '@coulisses/shared';
import type { MangoQuery } from 'rxdb';
import { useMemo } from 'react';
import type { SyncDoc } from '@coulisses/shared';
import type { BoardAction, BoardDashboard, BoardValue } from '@coulisses/shared/kpi/board';
import { useNow } from '../../lib/useNow';
import { useCollectionQuery } from '../../sync/useCollectionQuery';
import { useOrgContext } from '../org/useOrgContext';
import type { ReferenceDoc } from '../types';
import { boardActionOf, boardDashboardOf, boardKpiOf, boardValueOf, mapDocs, type EntryKpi } from './board-input';
import { valueDocIndex } from './value-writes';

/** A kpi_values document as stored locally. */
export interface KpiValueDoc {
  id: string;
  kpiId: string;
  periodStart: string;
  periodEnd: string;
  value: number;
  comment?: string;
  enteredAt: string;
  status: 'GREEN' | 'ORANGE' | 'RED' | null;
  enteredByAccountId: string | null;
  history: Record<string, unknown>[];
  updatedAt: string;
  _deleted?: boolean;
}

const KPI_REFERENCE: MangoQuery<SyncDoc> = { selector: { kind: { $in: ['kpi', 'dashboard'] } }, sort: [{ name: 'asc' }] };
const ALL: MangoQuery<SyncDoc> = { selector: {} };

/** KPI and dashboard reference documents, by name. */
export function useKpiReferenceDocs() {
  return useCollectionQuery<ReferenceDoc>('reference', KPI_REFERENCE);
}

/** Every KPI value of the local store. */
export function useKpiValueDocs() {
  return useCollectionQuery<KpiValueDoc>('kpi_values', ALL);
}

export interface BoardInputs {
  kpis: EntryKpi[];
  dashboards: BoardDashboard[];
  values: BoardValue[];
  actions: BoardAction[];
  loading: boolean;
}

/** The KPI worker's inputs from the local store (works offline): KPIs, dashboards, values and action plans. */
export function useBoardInputs(): BoardInputs {
  const refs = useKpiReferenceDocs();
  const values = useKpiValueDocs();
  const actions = useCollectionQuery<{ id: string; kpiId: string; status?: string }>('action_plans', ALL);
  return useMemo(
    () => ({
      kpis: mapDocs(refs.docs, boardKpiOf),
      dashboards: mapDocs(refs.docs, boardDashboardOf),
      // One value per KPI and period: the latest entry, as the other KPI screens show it.
      values: mapDocs([...valueDocIndex(values.docs).values()], boardValueOf),
      actions: mapDocs(actions.docs, boardActionOf),
      loading: refs.loading || values.loading || actions.loading,
    }),
    [refs.docs, refs.loading, values.docs, values.loading, actions.docs, actions.loading],
  );
}

/** The organisation's local date, refreshed every minute (KPI periods are local dates). */
export function useOrgToday(): string {
  const { tz } = useOrgContext();
  const now = useNow(60_000);
  return localDate(now, tz);
}
