import type { DirectionSummary } from '@coulisses/shared/kpi/board';
import type { StatusCounts } from '@coulisses/shared/kpi/reporting';
import type { KpiPeriodStatus } from '@coulisses/shared';
import { enumLabel } from '../../../i18n/enum-label';
import { formatInZone, formatLocalDate, formatNumber, formatPercent } from '@coulisses/shared/i18n/format';
import { useI18n } from '../../../i18n/useT';
import { Chip, EmptyState, Table } from '../../../ui';
import { KPI_STATUS_ORDER, KPI_STATUS_TONES } from '../../../lib/kpi-status-tone';
import './direction.css';

export interface DirectionViewProps {
  summary: DirectionSummary;
  /** Time of the last successful sync (UTC instant), shown in the organisation's zone; null: never synced. */
  asOf: string | null;
  zone: string;
  /** A person's name from a users id (owners of actions). */
  personName: (userId: string) => string;
}

function StatusChip({ status, count }: { status: KpiPeriodStatus; count?: number }) {
  const { t } = useI18n();
  return (
    <Chip tone={KPI_STATUS_TONES[status]} dot size="sm" data-status={status}>
      {count === undefined ? enumLabel(t, 'kpiPeriodStatus', status) : `${enumLabel(t, 'kpiPeriodStatus', status)} ${count}`}
    </Chip>
  );
}

function Counts({ counts, testId }: { counts: StatusCounts; testId?: string }) {
  return (
    <span className="kpi-dir__counts" data-testid={testId}>
      {KPI_STATUS_ORDER.filter((s) => counts[s] > 0).map((s) => (
        <StatusChip key={s} status={s} count={counts[s]} />
      ))}
    </span>
  );
}

/** Nothing to show at all: no dashboard, no KPI, no open action. */
function isEmpty(s: DirectionSummary): boolean {
  return s.dashboards.length === 0 && Object.values(s.totals).every((n) => n === 0) && s.openActionsByOwner.length === 0;
}

/**
 * The direction view (issue 12): status per process and per dashboard, top risks, overdue actions and open
 * actions per owner, from a summary the KPI worker computed. Pure: the bench renders it alone.
 */
export function DirectionView({ summary, asOf, zone, personName }: DirectionViewProps) {
  const { t, locale } = useI18n();
  const owner = (id: string | null) => (id ? personName(id) : t('kpiBoard.direction.unassigned'));
  const num = (v: number | null, decimals: number, unit: string) => (v === null ? '-' : `${formatNumber(locale, v, decimals)}${unit ? ` ${unit}` : ''}`);
  return (
    <div className="kpi-dir stack" data-testid="kpi-direction">
      <p className="kpi-dir__asof" data-testid="kpi-data-as-of" data-as-of={asOf ?? ''}>
        {asOf ? t('kpiBoard.dataAsOf', { time: formatInZone(locale, asOf, zone) }) : t('kpiBoard.neverSynced')}
      </p>
      {isEmpty(summary) ? (
        <EmptyState title={t('kpiBoard.direction.emptyTitle')} testId="kpi-direction-empty">
          {t('kpiBoard.direction.emptyText')}
        </EmptyState>
      ) : (
        <>
          <section className="kpi-dir__section" aria-labelledby="kpi-dir-totals">
            <h2 id="kpi-dir-totals">{t('kpiBoard.direction.totals')}</h2>
            <Counts counts={summary.totals} testId="kpi-direction-totals" />
          </section>
          <section className="kpi-dir__section" aria-labelledby="kpi-dir-process">
            <h2 id="kpi-dir-process">{t('kpiBoard.direction.byProcess')}</h2>
            <ul className="kpi-dir__cards">
              {summary.processes.map((p) => (
                <li key={p.process} className="kpi-dir__card" data-testid="kpi-direction-process" data-headline={p.headline ?? ''}>
                  <span className="kpi-dir__card-title">{p.process || t('kpiBoard.direction.noProcess')}</span>
                  <span className="kpi-dir__muted">{t('kpiBoard.direction.kpiCount', { count: p.kpis })}</span>
                  <Counts counts={p.counts} />
                </li>
              ))}
            </ul>
          </section>
          <section className="kpi-dir__section" aria-labelledby="kpi-dir-dashboards">
            <Table
              caption={t('kpiBoard.direction.byDashboard')}
              rows={summary.dashboards}
              rowKey={(d) => d.id}
              rowTestId={() => 'kpi-direction-dashboard'}
              dense
              columns={[
                { key: 'name', header: t('kpiBoard.direction.dashboard'), primary: true, render: (d) => d.name },
                { key: 'process', header: t('kpiBoard.direction.process'), render: (d) => d.process || t('kpiBoard.direction.noProcess') },
                { key: 'headline', header: t('kpiBoard.direction.headline'), render: (d) => (d.headline ? <StatusChip status={d.headline} /> : '-') },
                { key: 'counts', header: t('kpiBoard.direction.kpis'), render: (d) => <Counts counts={d.counts} /> },
              ]}
            />
          </section>
          <section className="kpi-dir__section" aria-labelledby="kpi-dir-risks">
            <h2 id="kpi-dir-risks">{t('kpiBoard.direction.topRisks')}</h2>
            {summary.topRisks.length === 0 ? (
              <p className="kpi-dir__muted">{t('kpiBoard.direction.noRisks')}</p>
            ) : (
              <ol className="kpi-dir__risks" data-testid="kpi-direction-risks">
                {summary.topRisks.map((r, i) => (
                  <li key={r.kpiId} className="kpi-dir__risk" data-testid="kpi-direction-risk" data-kpi-id={r.kpiId} data-status={r.status}>
                    <span className="kpi-dir__card-title">
                      <span className="kpi-dir__rank" aria-hidden="true">
                        {i + 1}.{' '}
                      </span>
                      {r.name}
                    </span>
                    <StatusChip status={r.status} />
                    <span>
                      {num(r.value, r.decimals, r.unit)} / {r.target === null ? t('kpiBoard.noTarget') : num(r.target, r.decimals, r.unit)}
                    </span>
                    {r.gap !== null && (
                      <span className="kpi-dir__muted">
                        {t('kpiBoard.direction.gap')} {formatPercent(locale, r.gap, 1)}
                      </span>
                    )}
                    {r.trend && <span className="kpi-dir__muted">{t(`kpiBoard.trend.${r.trend}`)}</span>}
                  </li>
                ))}
              </ol>
            )}
          </section>
          <section className="kpi-dir__section" aria-labelledby="kpi-dir-overdue">
            <Table
              caption={t('kpiBoard.direction.overdue')}
              rows={summary.overdueActions}
              rowKey={(a) => a.id}
              rowTestId={() => 'kpi-direction-overdue'}
              dense
              empty={<p className="kpi-dir__muted">{t('kpiBoard.direction.noOverdue')}</p>}
              columns={[
                { key: 'title', header: t('kpiBoard.direction.action'), primary: true, render: (a) => a.title },
                { key: 'kpi', header: t('kpiBoard.direction.kpi'), render: (a) => a.kpiName ?? '-' },
                { key: 'owner', header: t('kpiBoard.direction.owner'), render: (a) => owner(a.ownerUserId) },
                { key: 'due', header: t('kpiBoard.direction.dueDate'), render: (a) => `${formatLocalDate(locale, a.dueDate)} (${t('kpiBoard.direction.daysLate', { count: a.daysOverdue })})` },
                { key: 'progress', header: t('kpiBoard.direction.progress'), align: 'end', render: (a) => formatPercent(locale, a.progress / 100) },
              ]}
            />
          </section>
          <section className="kpi-dir__section" aria-labelledby="kpi-dir-owners">
            <Table
              caption={t('kpiBoard.direction.openByOwner')}
              rows={summary.openActionsByOwner}
              rowKey={(o) => o.ownerUserId ?? '-'}
              rowTestId={() => 'kpi-direction-owner'}
              dense
              empty={<p className="kpi-dir__muted">{t('kpiBoard.direction.noOpen')}</p>}
              columns={[
                { key: 'owner', header: t('kpiBoard.direction.owner'), primary: true, render: (o) => owner(o.ownerUserId) },
                { key: 'open', header: t('kpiBoard.direction.open'), align: 'end', render: (o) => o.open },
                { key: 'late', header: t('kpiBoard.direction.late'), align: 'end', render: (o) => o.overdue },
              ]}
            />
          </section>
        </>
      )}
    </div>
  );
}
