import type { KpiPeriodStatus } from '@coulisses/shared';
import type { Tone } from '../ui';

/** The design system tone of a KPI period status (the label always says it too). */
export const KPI_STATUS_TONES: Record<KpiPeriodStatus, Tone> = {
  GREEN: 'success',
  ORANGE: 'warning',
  RED: 'danger',
  LATE: 'danger',
  UNRATED: 'info',
  NO_DATA: 'neutral',
};

export const KPI_STATUS_ORDER: readonly KpiPeriodStatus[] = ['RED', 'LATE', 'ORANGE', 'GREEN', 'UNRATED', 'NO_DATA'];
