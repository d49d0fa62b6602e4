import type { DirectionSummary } from '@coulisses/shared/kpi/board';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useBoardInputs, useOrgToday } from '../../data/kpi/board-queries';
import { enumLabel } from '../../i18n/enum-label';
import { useI18n } from '../../i18n/useT';
import { Chip } from '../../ui';
import { kpiWorker } from '../../workers/kpi-client';
import { KPI_STATUS_ORDER, KPI_STATUS_TONES } from '../../lib/kpi-status-tone';

/**
 * The KPI statuses of issue 12 on the direction dashboard: status counts per process, from the KPI worker's
 * direction summary over the local store (offline too), with a link to the full direction view.
 */
export function KpiStatuses({ onSummary }: { onSummary?: (summary: DirectionSummary | null) => void }) {
  const { t } = useI18n();
  const today = useOrgToday();
  const inputs = useBoardInputs();
  const [summary, setSummary] = useState<DirectionSummary | null>(null);

  useEffect(() => {
    if (inputs.loading) return undefined;
    let live = true;
    kpiWorker()
      .direction({ today, kpis: inputs.kpis, values: inputs.values, dashboards: inputs.dashboards, actions: inputs.actions, topRisks: 0 })
      .then(
        (res) => {
          if (!live) return;
          setSummary(res.summary);
          onSummary?.(res.summary);
        },
        (error: unknown) => console.error('KPI statuses failed', error),
      );
    return () => {
      live = false;
    };
  }, [inputs, today, onSummary]);

  return (
    <section className="an-card" aria-labelledby="an-kpi-title" data-testid="analytics-kpi">
      <div className="an-card__head">
        <h2 id="an-kpi-title">{t('analyticsPage.kpi.title')}</h2>
        <Link to="/kpi/direction" data-testid="analytics-kpi-link">
          {t('analyticsPage.kpi.open')}
        </Link>
      </div>
      {summary === null ? (
        <p className="an-muted">{t('analyticsPage.computing')}</p>
      ) : summary.processes.length === 0 ? (
        <p className="an-muted">{t('analyticsPage.kpi.none')}</p>
      ) : (
        <ul className="an-kpi">
          {summary.processes.map((p) => (
            <li key={p.process} className="an-kpi__row" data-testid="analytics-kpi-process">
              <span className="an-kpi__name">{p.process || t('analyticsPage.kpi.noProcess')}</span>
              <span className="an-kpi__counts">
                {KPI_STATUS_ORDER.filter((s) => p.counts[s] > 0).map((s) => (
                  <Chip key={s} tone={KPI_STATUS_TONES[s]} dot size="sm" data-status={s}>
                    {`${enumLabel(t, 'kpiPeriodStatus', s)} ${p.counts[s]}`}
                  </Chip>
                ))}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
