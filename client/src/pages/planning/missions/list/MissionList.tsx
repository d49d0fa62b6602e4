import { intersectsWindow, localDaysToUtc } from '@coulisses/shared/planning/local-time';
import { useMemo, useState } from 'react';
import { useT } from '../../../../i18n/useT';
import { useRefusedWrites } from '../../../../sync/useSync';
import { LoadingScreen } from '../../../../ui/LoadingScreen';
import { byId, useAssignments, useMissions, useProjects, useReference } from '../../../../data/queries';
import { useMissionActions } from '../../../../data/planning/useMissionActions';
import { useOrgContext } from '../../../../data/org/useOrgContext';
import { Notice } from '../ui/Notice';
import { MissionFilters, NO_FILTER, type MissionFilterValues } from './MissionFilters';
import { MissionRow } from './MissionRow';
import { missionCoverage } from '../../calendar/coverage';

/** The missions list: filters, selection for bulk publish and duplicate, quick actions per row. */
export function MissionList() {
  const t = useT();
  const { tz } = useOrgContext();
  const [filter, setFilter] = useState<MissionFilterValues>(NO_FILTER);
  const range = useMemo(() => localDaysToUtc(filter.from || null, filter.to || null, tz), [filter.from, filter.to, tz]);
  const { docs, loading } = useMissions();
  const projects = useProjects().docs;
  const projectsById = byId(projects);
  const venues = byId(useReference('venue').docs);
  const assignments = useAssignments().docs;
  const actions = useMissionActions();
  const refused = useRefusedWrites();
  const refusedIds = new Set(refused.filter((r) => r.collection === 'missions').map((r) => r.id));
  const [selected, setSelected] = useState<string[]>([]);
  const [notice, setNotice] = useState<string | null>(null);

  const shown = docs.filter((m) => (!filter.projectId || m.projectId === filter.projectId) && (!filter.status || m.status === filter.status) && intersectsWindow(m, range));
  const chosen = shown.filter((m) => selected.includes(m.id));
  const staffed = (id: string) => assignments.filter((a) => a.missionId === id && (a.status === 'INVITED' || a.status === 'ACCEPTED')).length;

  const bulkPublish = async () => {
    if (!actions) return;
    const n = await actions.publish(chosen);
    setNotice(t('planMissions.published', { count: n }));
    setSelected([]);
  };
  const bulkDuplicate = async () => {
    if (!actions) return;
    const ids = await actions.duplicate(chosen);
    setNotice(t('planMissions.duplicated', { count: ids.length }));
    setSelected([]);
  };

  if (loading) return <LoadingScreen />;
  return (
    <div className="stack">
      <MissionFilters value={filter} onChange={setFilter} projects={projects} />
      <div className="bulk-bar" data-testid="missions-bulk">
        <span data-testid="missions-count" data-count={shown.length}>
          {t('planMissions.count', { count: shown.length })}
        </span>
        <span data-testid="missions-selected" data-count={chosen.length}>
          {t('planMissions.selectedCount', { count: chosen.length })}
        </span>
        <button type="button" className="button button--secondary button--small" data-testid="missions-bulk-publish" disabled={!actions || chosen.length === 0} onClick={() => void bulkPublish()}>
          {t('planMissions.publishSelected')}
        </button>
        <button type="button" className="button button--secondary button--small" data-testid="missions-bulk-duplicate" disabled={!actions || chosen.length === 0} onClick={() => void bulkDuplicate()}>
          {t('planMissions.duplicateSelected')}
        </button>
      </div>
      {notice && <Notice testId="missions-notice">{notice}</Notice>}
      {shown.length === 0 ? (
        <p className="muted" data-testid="missions-empty">
          {t('planMissions.empty')}
        </p>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="mission-list">
            <thead>
              <tr>
                <th>
                  <input
                    type="checkbox"
                    className="row-check"
                    aria-label={t('planMissions.selectAll')}
                    data-testid="mission-select-all"
                    checked={chosen.length === shown.length}
                    onChange={(e) => setSelected(e.target.checked ? shown.map((m) => m.id) : [])}
                  />
                </th>
                <th>{t('planMissions.title')}</th>
                <th>{t('planMissions.when')}</th>
                <th>{t('planMissions.type')}</th>
                <th>{t('planMissions.status')}</th>
                <th>{t('planMissions.staffed')}</th>
                <th>{t('plan.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((m) => (
                <MissionRow
                  key={m.id}
                  m={m}
                  tz={tz}
                  projectName={(m.projectId && projectsById.get(m.projectId)?.name) || ''}
                  venueName={(m.venueId && venues.get(m.venueId)?.name) || ''}
                  staffed={staffed(m.id)}
                  coverage={missionCoverage(m, assignments)}
                  selected={selected.includes(m.id)}
                  onSelect={(on) => setSelected((s) => (on ? [...s, m.id] : s.filter((x) => x !== m.id)))}
                  actions={actions}
                  refused={refusedIds.has(m.id)}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
