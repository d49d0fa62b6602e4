/** The KPI status tones live in client/src/lib/kpi-status-tone.ts (the analytics page shows KPI statuses too). */
export { KPI_STATUS_ORDER, KPI_STATUS_TONES } from '../../lib/kpi-status-tone';
