import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useDashboards, useKpis, useKpiValues } from '../../../data/kpi/queries';
import type { Kpi } from '../../../data/kpi/types';
import { useWorkerTiles } from '../../../data/kpi/useWorkerTiles';
import { useKpiWrites } from '../../../data/kpi/useKpiWrites';
import { useMyUser } from '../../../data/org/useMyUser';
import { enumLabel } from '../../../i18n/enum-label';
import { useT } from '../../../i18n/useT';
import { Button, EmptyState, IconChart, IconCheck, IconChevronLeft, IconPlus, Select, Skeleton, SkeletonGroup, useToast } from '../../../ui';
import { RowMenu } from '../../../components/RowMenu';
import { DashboardForm, dashboardFieldsOf } from './DashboardForm';
import { KpiEditor } from './KpiEditor';
import { KpiTile } from './KpiTile';
import { kpiFormOf } from './kpi-form';
import { DASHBOARDS_PATH, kpiPath } from './paths';
import { useCanEditKpis } from './useCanEditKpis';

/** One dashboard: its KPIs as a grid of tiles, in the dashboard's order (which a manager changes). */
export function DashboardView() {
  const t = useT();
  const toast = useToast();
  const navigate = useNavigate();
  const { dashboardId = '' } = useParams();
  const canEdit = useCanEditKpis();
  const writes = useKpiWrites();
  const { user } = useMyUser();
  const { dashboards, loading } = useDashboards();
  const { kpis } = useKpis();
  const dashboard = dashboards.find((d) => d.id === dashboardId) ?? null;
  const ids = dashboard?.kpiIds ?? [];
  const { values, loading: valuesLoading } = useKpiValues(ids);
  const key = ids.join(',');
  // The dashboard's KPIs found in the store, in its order.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the ids are compared by their joined key
  const shown = useMemo(() => ids.map((id) => kpis.get(id)).filter((k): k is Kpi => k !== undefined), [key, kpis]);
  // Statuses, trends and sparklines come from the KPI worker (comlink), off the main thread.
  const { tiles: byId } = useWorkerTiles(shown, values, !loading && !valuesLoading);
  const tiles = byId ? shown.map((k) => byId.get(k.id)!).filter(Boolean) : [];
  const [editing, setEditing] = useState(false);
  const [creating, setCreating] = useState(false);
  const [reordering, setReordering] = useState(false);

  // Tiles wait for the values and the worker: a tile without them would say "no value" for a moment.
  if (loading || (dashboard && (valuesLoading || !byId))) {
    return (
      <SkeletonGroup label={t('kpiBoard.computing')} testId="kpi-dashboard-loading">
        <Skeleton shape="rect" height="10rem" />
      </SkeletonGroup>
    );
  }
  if (!dashboard) {
    return (
      <EmptyState title={t('kpi.dash.notFound')} action={<Link to={DASHBOARDS_PATH}>{t('kpi.dash.back')}</Link>} testId="dashboard-not-found">
        {t('kpi.dash.notFoundBody')}
      </EmptyState>
    );
  }
  const others = [...kpis.values()].filter((k) => !dashboard.kpiIds.includes(k.id)).sort((a, b) => a.name.localeCompare(b.name));
  const remove = async () => {
    if (!writes) return;
    await writes.setDashboardArchived(dashboard.id, true);
    navigate(DASHBOARDS_PATH);
    toast.show({ message: t('kpi.dash.deleted', { name: dashboard.title }), undo: () => void writes.setDashboardArchived(dashboard.id, false) });
  };

  return (
    <div className="stack kpi-dashboard" data-testid="kpi-dashboard">
      <Link className="kpi-back" to={DASHBOARDS_PATH} data-testid="dashboard-back">
        <IconChevronLeft size={16} /> {t('kpi.dash.back')}
      </Link>
      <div className="kpi-toolbar">
        <div className="kpi-toolbar__text">
          <h2 className="kpi-toolbar__title break" data-testid="dashboard-title-heading">
            {dashboard.title}
          </h2>
          <p className="muted">
            {dashboard.process || t('kpi.dash.noProcess')} {' \u00b7 '} {enumLabel(t, 'dashboardSharing', dashboard.sharing)}
          </p>
          {dashboard.description && <p className="kpi-dashboard__description">{dashboard.description}</p>}
        </div>
        {canEdit && (
          <div className="kpi-toolbar__actions">
            <Button icon={IconPlus} onClick={() => setCreating(true)} disabled={!writes} data-testid="kpi-new">
              {t('kpi.dash.newKpi')}
            </Button>
            {tiles.length > 1 && (
              <Button variant="secondary" icon={reordering ? IconCheck : undefined} onClick={() => setReordering((r) => !r)} aria-pressed={reordering} data-testid="dashboard-reorder">
                {reordering ? t('kpi.dash.reorderDone') : t('kpi.dash.reorder')}
              </Button>
            )}
            <RowMenu
              name={dashboard.title}
              testId="dashboard-menu"
              actions={[
                { id: 'edit', label: t('kpi.edit'), testId: 'dashboard-edit', onSelect: () => setEditing(true) },
                { id: 'delete', label: t('kpi.delete'), testId: 'dashboard-delete', confirm: { title: t('kpi.dash.deleteTitle'), body: t('kpi.dash.deleteBody', { name: dashboard.title }) }, onSelect: () => void remove() },
              ]}
            />
          </div>
        )}
      </div>
      {canEdit && others.length > 0 && (
        <div className="kpi-add-existing">
          <label htmlFor="kpi-add-existing">{t('kpi.dash.addExisting')}</label>
          <Select
            id="kpi-add-existing"
            value=""
            onChange={(e) => {
              if (e.target.value && writes) void writes.setDashboardKpis(dashboard, [...dashboard.kpiIds, e.target.value]);
            }}
            data-testid="dashboard-add-existing"
          >
            <option value="">{t('kpi.dash.chooseKpi')}</option>
            {others.map((k) => (
              <option key={k.id} value={k.id}>
                {k.name}
              </option>
            ))}
          </Select>
        </div>
      )}
      {tiles.length === 0 ? (
        <EmptyState icon={IconChart} title={t('kpi.dash.noKpis')} testId="dashboard-no-kpis">
          {canEdit ? t('kpi.dash.noKpisBody') : t('kpi.dash.noKpisReader')}
        </EmptyState>
      ) : (
        <ul className="kpi-grid" data-testid="kpi-grid" aria-label={t('kpi.dash.gridLabel', { name: dashboard.title })}>
          {tiles.map((tile, index) => (
            <KpiTile
              key={tile.kpiId}
              kpi={kpis.get(tile.kpiId)!}
              tile={tile}
              dashboardId={dashboard.id}
              move={reordering && writes ? { index, count: tiles.length, onMove: (from, to) => void writes.moveKpi(dashboard, dashboard.kpiIds.indexOf(tiles[from]!.kpiId), dashboard.kpiIds.indexOf(tiles[to]!.kpiId)) } : undefined}
            />
          ))}
        </ul>
      )}
      {editing && (
        <DashboardForm
          editing
          initial={dashboardFieldsOf(dashboard, null)}
          onClose={() => setEditing(false)}
          onSave={async (f) => {
            await writes?.updateDashboard(dashboard, f);
            toast.show({ message: t('kpi.dash.saved'), tone: 'success' });
          }}
        />
      )}
      {creating && (
        <KpiEditor
          editing={false}
          initial={kpiFormOf(null, user?.id ?? null)}
          onClose={() => setCreating(false)}
          onSave={async (f) => {
            if (!writes) return;
            const id = await writes.createKpi(f, dashboard);
            toast.show({ message: t('kpi.editor.created', { name: f.name }), tone: 'success', action: { label: t('kpi.open'), onAction: () => navigate(kpiPath(id, dashboard.id)) } });
          }}
        />
      )}
    </div>
  );
}
