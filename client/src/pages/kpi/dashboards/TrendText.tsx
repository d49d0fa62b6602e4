import type { KpiTrend } from '@coulisses/shared';
import { useT } from '../../../i18n/useT';

const ARROWS = { UP: 'M12 19V5M5 12l7-7 7 7', DOWN: 'M12 5v14M5 12l7 7 7-7', FLAT: 'M5 12h14M13 6l6 6-6 6' } as const;

/** The trend arrow (which way the values move) and its reading by the KPI's direction, in words. */
export function TrendText({ trend, testId }: { trend: KpiTrend | null; testId?: string }) {
  const t = useT();
  if (!trend) {
    return (
      <span className="kpi-trend muted" data-testid={testId} data-trend="none">
        {t('kpi.trend.none')}
      </span>
    );
  }
  const reading = trend.reading ?? 'STABLE';
  return (
    <span className={`kpi-trend kpi-trend--${reading.toLowerCase()}`} data-testid={testId} data-trend={reading}>
      <svg viewBox="0 0 24 24" width={16} height={16} fill="none" stroke="currentColor" strokeWidth={2.5} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
        <path d={ARROWS[trend.move]} />
      </svg>
      {t(`kpi.trend.${reading}`)}
    </span>
  );
}
