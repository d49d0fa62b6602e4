import { useOrgContext } from '../../../data/org/useOrgContext';

/** ADMIN and MANAGER edit dashboards, KPIs, values and actions; a TECH reads what is shared with them. */
export function useCanEditKpis(): boolean {
  return useOrgContext().isPlanner;
}
