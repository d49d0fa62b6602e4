import { useMemo, useState } from 'react';
import { useDashboards, useKpis, useKpiValues } from '../../../data/kpi/queries';
import { useWorkerTiles } from '../../../data/kpi/useWorkerTiles';
import type { Dashboard } from '../../../data/kpi/types';
import { useKpiWrites } from '../../../data/kpi/useKpiWrites';
import type { DashboardFields } from '../../../data/kpi/writes';
import { useMyUser } from '../../../data/org/useMyUser';
import { useT } from '../../../i18n/useT';
import { Button, EmptyState, IconChart, IconPlus, Skeleton, SkeletonGroup, useToast } from '../../../ui';
import { DashboardCard } from './DashboardCard';
import { DashboardForm, dashboardFieldsOf } from './DashboardForm';
import { useCanEditKpis } from './useCanEditKpis';

/** The dashboards this person may read (the server decides; the list shows the local store), by process. */
export function DashboardList() {
  const t = useT();
  const toast = useToast();
  const canEdit = useCanEditKpis();
  const writes = useKpiWrites();
  const { user } = useMyUser();
  const { dashboards, loading } = useDashboards();
  const { kpis, loading: kpisLoading } = useKpis();
  const { values, loading: valuesLoading } = useKpiValues();
  const allKpis = useMemo(() => [...kpis.values()], [kpis]);
  const boards = useMemo(() => dashboards.map((d) => ({ id: d.id, name: d.title, process: d.process, kpiIds: d.kpiIds })), [dashboards]);
  // Every card's status counts in one call to the KPI worker (comlink), off the main thread.
  const { dashboards: summaries } = useWorkerTiles(allKpis, values, !loading && !kpisLoading && !valuesLoading, boards);
  const [form, setForm] = useState<{ editing: Dashboard | null } | null>(null);

  const save = async (f: DashboardFields) => {
    if (!writes) return;
    if (form?.editing) {
      await writes.updateDashboard(form.editing, f);
      toast.show({ message: t('kpi.dash.saved'), tone: 'success' });
    } else {
      await writes.createDashboard(f);
      toast.show({ message: t('kpi.dash.created'), tone: 'success' });
    }
  };
  const remove = async (d: Dashboard) => {
    if (!writes) return;
    await writes.setDashboardArchived(d.id, true);
    toast.show({ message: t('kpi.dash.deleted', { name: d.title }), undo: () => void writes.setDashboardArchived(d.id, false), testId: 'dashboard-deleted-toast' });
  };

  const sorted = [...dashboards].sort((a, b) => a.process.localeCompare(b.process) || a.title.localeCompare(b.title));
  return (
    <div className="stack kpi-dashboards" data-testid="kpi-dashboards">
      <div className="kpi-toolbar">
        <h2 className="kpi-toolbar__title">{t('kpi.dash.listTitle')}</h2>
        {canEdit && (
          <Button icon={IconPlus} onClick={() => setForm({ editing: null })} disabled={!writes} data-testid="dashboard-new">
            {t('kpi.dash.new')}
          </Button>
        )}
      </div>
      {loading ? (
        <SkeletonGroup className="kpi-cards">
          <Skeleton shape="rect" height="7rem" />
          <Skeleton shape="rect" height="7rem" />
        </SkeletonGroup>
      ) : sorted.length === 0 ? (
        <EmptyState icon={IconChart} title={canEdit ? t('kpi.dash.empty') : t('kpi.dash.emptyShared')} testId="dashboards-empty">
          {canEdit ? t('kpi.dash.emptyBody') : t('kpi.dash.emptySharedBody')}
        </EmptyState>
      ) : (
        <ul className="kpi-cards" data-testid="dashboard-list">
          {sorted.map((d) => (
            <DashboardCard
              key={d.id}
              dashboard={d}
              summary={summaries ? (summaries.get(d.id) ?? null) : undefined}
              actions={
                canEdit
                  ? [
                      { id: 'edit', label: t('kpi.edit'), testId: `dashboard-edit-${d.id}`, onSelect: () => setForm({ editing: d }) },
                      { id: 'delete', label: t('kpi.delete'), testId: `dashboard-delete-${d.id}`, confirm: { title: t('kpi.dash.deleteTitle'), body: t('kpi.dash.deleteBody', { name: d.title }) }, onSelect: () => void remove(d) },
                    ]
                  : []
              }
            />
          ))}
        </ul>
      )}
      {form && <DashboardForm editing={!!form.editing} initial={dashboardFieldsOf(form.editing, user?.id ?? null)} onClose={() => setForm(null)} onSave={save} />}
    </div>
  );
}
