import { periodStartOf, rolling, yearToDate } from '@coulisses/shared';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useKpiActionsAndComments, useKpis, useKpiValues } from '../../../data/kpi/queries';
import type { KpiValueDoc } from '../../../data/kpi/types';
import { useKpiWrites } from '../../../data/kpi/useKpiWrites';
import { useOrgToday } from '../../../data/kpi/board-queries';
import { useWorkerTiles } from '../../../data/kpi/useWorkerTiles';
import { useMyUser } from '../../../data/org/useMyUser';
import { useOrgContext } from '../../../data/org/useOrgContext';
import { useUsers } from '../../../data/queries';
import { personName } from '../../../data/types';
import { enumLabel } from '../../../i18n/enum-label';
import { useI18n } from '../../../i18n/useT';
import { Button, EmptyState, IconChevronLeft, IconPlus, Skeleton, SkeletonGroup, useToast } from '../../../ui';
import { RowMenu } from '../../../components/RowMenu';
import { ActionPlans } from './ActionPlans';
import { chartData } from './chart-data';
import { Comments } from './Comments';
import { KpiChart } from './KpiChart';
import { KpiEditor } from './KpiEditor';
import { kpiFormOf } from './kpi-form';
import { formatKpiValue, formatPeriod } from './kpi-format';
import { DASHBOARDS_PATH, dashboardPath } from './paths';
import { StatusBadge } from './StatusBadge';
import { TrendText } from './TrendText';
import { useCanEditKpis } from './useCanEditKpis';
import { ValueForm } from './ValueForm';
import { ValuesTable } from './ValuesTable';

/** One KPI: where it stands, its history chart, its values (with the replaced ones), aggregates, actions, comments. */
export function KpiPage() {
  const { t, locale } = useI18n();
  const toast = useToast();
  const navigate = useNavigate();
  const { kpiId = '' } = useParams();
  const [search] = useSearchParams();
  const from = search.get('from');
  const back = from ? dashboardPath(from) : DASHBOARDS_PATH;
  const canEdit = useCanEditKpis();
  const writes = useKpiWrites();
  const { tz } = useOrgContext();
  const today = useOrgToday();
  const { user } = useMyUser();
  const people = useUsers().docs;
  const { kpis, loading } = useKpis();
  const kpi = kpis.get(kpiId) ?? null;
  const { values, all, loading: valuesLoading } = useKpiValues([kpiId]);
  const { actions, comments } = useKpiActionsAndComments(kpiId);
  const [valueForm, setValueForm] = useState<{ period?: string } | null>(null);
  const [editing, setEditing] = useState(false);

  const byPeriod = useMemo(() => new Map(values.map((v) => [v.periodStart, v.value])), [values]);
  const one = useMemo(() => (kpi ? [kpi] : []), [kpi]);
  // Where the KPI stands now: the same tile as on its dashboards, from the KPI worker (comlink).
  const tile = useWorkerTiles(one, values, !loading && !valuesLoading && kpi !== null).tiles?.get(kpiId) ?? null;
  const chart = useMemo(() => (kpi ? chartData(kpi, byPeriod, periodStartOf(today, kpi.frequency)) : null), [kpi, byPeriod, today]);
  const peopleByAccount = useMemo(() => new Map(people.filter((u) => u.accountId).map((u) => [u.accountId as string, u])), [people]);

  if (loading || valuesLoading || (kpi && !tile)) {
    return (
      <SkeletonGroup testId="kpi-page-loading">
        <Skeleton shape="rect" height="14rem" />
      </SkeletonGroup>
    );
  }
  if (!kpi || !tile || !chart) {
    return (
      <EmptyState title={t('kpi.page.notFound')} action={<Link to={back}>{t('kpi.dash.back')}</Link>} testId="kpi-not-found">
        {t('kpi.page.notFoundBody')}
      </EmptyState>
    );
  }
  const fmt = (v: number | null) => formatKpiValue(locale, v, kpi.decimals, kpi.unit);
  const input = { frequency: kpi.frequency, aggregation: kpi.aggregation, target: kpi.target, values: byPeriod };
  const ytd = yearToDate(input, today);
  const roll3 = rolling(input, today, 3);
  const roll12 = rolling(input, today, 12);
  const owner = kpi.ownerUserId ? personName(people.find((u) => u.id === kpi.ownerUserId), t('kpi.page.someone')) : t('kpi.noOwner');
  const archive = async () => {
    if (!writes) return;
    await writes.setKpiArchived(kpi.id, true);
    navigate(back);
    toast.show({ message: t('kpi.page.archived', { name: kpi.name }), undo: () => void writes.setKpiArchived(kpi.id, false) });
  };
  const deleteValue = async (v: KpiValueDoc) => {
    await writes?.deleteValue(all.filter((x) => x.periodStart === v.periodStart));
    toast.show({ message: t('kpi.page.valueDeleted') });
  };

  return (
    <div className="stack kpi-page" data-testid="kpi-page">
      <Link className="kpi-back" to={back} data-testid="kpi-back">
        <IconChevronLeft size={16} /> {from ? t('kpi.page.backToDashboard') : t('kpi.dash.back')}
      </Link>
      <div className="kpi-toolbar">
        <div className="kpi-toolbar__text">
          <h2 className="kpi-toolbar__title break" data-testid="kpi-page-title">
            {kpi.name}
          </h2>
          <p className="muted">
            {enumLabel(t, 'kpiFrequency', kpi.frequency)} {' \u00b7 '} {enumLabel(t, 'kpiDirection', kpi.direction)} {' \u00b7 '} {enumLabel(t, 'kpiSource', kpi.source)}
            {kpi.auto && ` (${enumLabel(t, 'kpiAutoMetric', kpi.auto.metric)})`} {' \u00b7 '} {owner}
            {!kpi.active && ` \u00b7 ${t('kpi.page.inactive')}`}
          </p>
          {kpi.description && <p>{kpi.description}</p>}
        </div>
        <div className="kpi-toolbar__actions">
          {canEdit && kpi.source !== 'AUTOMATIC' && (
            <Button icon={IconPlus} onClick={() => setValueForm({})} disabled={!writes} data-testid="kpi-enter-value">
              {t('kpi.page.enterValue')}
            </Button>
          )}
          {canEdit && (
            <RowMenu
              name={kpi.name}
              testId="kpi-menu"
              actions={[
                { id: 'edit', label: t('kpi.edit'), testId: 'kpi-edit', onSelect: () => setEditing(true) },
                { id: 'archive', label: t('kpi.delete'), testId: 'kpi-archive', confirm: { title: t('kpi.page.archiveTitle'), body: t('kpi.page.archiveBody', { name: kpi.name }) }, onSelect: () => void archive() },
              ]}
            />
          )}
        </div>
      </div>

      <div className="kpi-summary" data-testid="kpi-summary">
        <div className="kpi-summary__main">
          <StatusBadge status={tile.status} size="md" testId="kpi-page-status" />
          <p className="kpi-summary__value" data-testid="kpi-page-value">
            {fmt(tile.value)}
          </p>
          <p className="muted">
            {tile.value !== null ? formatPeriod(locale, tile.period.start, kpi.frequency) : t('kpi.tile.noValue')}
            {' \u00b7 '}
            {tile.target === null ? t('kpi.tile.noTarget') : t('kpi.tile.target', { value: fmt(tile.target) })}
          </p>
          <TrendText trend={tile.trend} testId="kpi-page-trend" />
        </div>
        <dl className="kpi-aggregates" data-testid="kpi-aggregates">
          {[
            { key: 'ytd', label: t('kpi.page.ytd'), agg: ytd },
            { key: 'r3', label: t('kpi.page.rolling', { count: 3 }), agg: roll3 },
            { key: 'r12', label: t('kpi.page.rolling', { count: 12 }), agg: roll12 },
          ].map(({ key, label, agg }) => (
            <div key={key} className="kpi-aggregates__item" data-testid={`kpi-aggregate-${key}`}>
              <dt>{label}</dt>
              <dd>
                <strong className="kpi-aggregates__value">{fmt(agg.value)}</strong>
                {agg.target !== null && <span className="kpi-aggregates__line">{t('kpi.tile.target', { value: fmt(agg.target) })}</span>}
                <span className="kpi-aggregates__line muted">{t('kpi.page.periodsCounted', { count: agg.counted, total: agg.periods.length })}</span>
              </dd>
            </div>
          ))}
        </dl>
        <p className="muted kpi-aggregates__how">{t('kpi.page.aggregationOf', { how: enumLabel(t, 'kpiAggregation', kpi.aggregation) })}</p>
      </div>

      <section className="stack kpi-section" aria-labelledby="kpi-chart-title">
        <h2 id="kpi-chart-title" className="kpi-toolbar__title">
          {t('kpi.page.historyTitle')}
        </h2>
        <KpiChart kpi={kpi} data={chart} />
      </section>

      <section className="stack kpi-section" aria-labelledby="kpi-values-title">
        <h2 id="kpi-values-title" className="kpi-toolbar__title">
          {t('kpi.page.values')}
        </h2>
        {values.length === 0 ? (
          <p className="muted">{t('kpi.page.noValues')}</p>
        ) : (
          <ValuesTable kpi={kpi} values={values} people={peopleByAccount} tz={tz} today={today} canEdit={canEdit} onEdit={(v) => setValueForm({ period: v.periodStart })} onDelete={(v) => void deleteValue(v)} />
        )}
      </section>

      <ActionPlans kpiId={kpi.id} actions={actions} comments={comments} people={people} myUserId={user?.id ?? null} today={today} canEdit={canEdit} writes={writes} />
      <Comments kpiId={kpi.id} actionPlanId={null} comments={comments.filter((c) => c.actionPlanId === null)} people={people} writes={writes} />

      {valueForm && (
        <ValueForm
          kpi={kpi}
          values={values}
          today={today}
          period={valueForm.period}
          onClose={() => setValueForm(null)}
          onSave={async (period, value, comment) => {
            if (!writes) return;
            await writes.enterValue(kpi, period, value, comment);
            toast.show({ message: t('kpi.value.saved', { value: fmt(value), period: formatPeriod(locale, period, kpi.frequency) }), tone: 'success' });
          }}
        />
      )}
      {editing && (
        <KpiEditor
          editing
          initial={kpiFormOf(kpi, null)}
          onClose={() => setEditing(false)}
          onSave={async (f) => {
            await writes?.updateKpi(kpi.id, f);
            toast.show({ message: t('kpi.editor.saved'), tone: 'success' });
          }}
        />
      )}
    </div>
  );
}
