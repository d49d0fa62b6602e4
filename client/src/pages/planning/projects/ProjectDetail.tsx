import { ASSIGNMENT_STATUSES, MISSION_STATUSES } from '@coulisses/shared/entities/planning';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useT } from '../../../i18n/useT';
import { LoadingScreen } from '../../../ui/LoadingScreen';
import { byId, useAssignments, useMissions, useProjects, useReference, useUsers } from '../../../data/queries';
import { personName } from '../../../data/types';
import { useOrgContext } from '../../../data/org/useOrgContext';
import { ProjectDatesText } from './ProjectDates';
import { ProjectForm } from './ProjectForm';
import { ProjectMissionsTable } from './ProjectMissionsTable';
import { StatusCounts } from './StatusCounts';
import { formOfProject } from './project-writes';
import { useProjectActions } from './useProjectActions';
import { enumLabel } from '../../../i18n/enum-label';

/** A project: its fields, its missions (sortable) and the counts of missions and assignments per status. */
export function ProjectDetail() {
  const t = useT();
  const { id = '' } = useParams();
  const { tz } = useOrgContext();
  const projects = useProjects();
  const missions = useMissions().docs.filter((m) => m.projectId === id);
  const missionIds = new Set(missions.map((m) => m.id));
  const assignments = useAssignments().docs.filter((a) => missionIds.has(a.missionId));
  const venues = byId(useReference('venue').docs);
  const people = byId(useUsers().docs);
  const actions = useProjectActions();
  const [editing, setEditing] = useState(false);
  const project = projects.docs.find((p) => p.id === id);

  if (projects.loading) return <LoadingScreen />;
  if (!project) {
    return (
      <div className="card" data-testid="project-not-found">
        <p>{t('planProjects.notFound')}</p>
        <Link to="/planning/projects">{t('planProjects.back')}</Link>
      </div>
    );
  }
  const names = (ids: string[], map: Map<string, { name?: string }>) => ids.map((i) => map.get(i)?.name ?? '?').join(', ');

  return (
    <div className="stack" data-testid="project-detail" data-project-id={project.id}>
      <p>
        <Link to="/planning/projects" data-testid="project-back">
          {t('planProjects.back')}
        </Link>
      </p>
      {editing ? (
        <div className="card">
          <ProjectForm editing={{ id: project.id, values: formOfProject(project) }} onDone={() => setEditing(false)} />
        </div>
      ) : (
        <div className="card stack">
          <h2 data-testid="project-detail-name">
            {project.name} {project.code && <span className="muted">({project.code})</span>}
          </h2>
          <dl className="details">
            <dt>{t('projects.status')}</dt>
            <dd data-testid="project-detail-status">{enumLabel(t, 'projectStatus', project.status)}</dd>
            <dt>{t('planProjects.dates')}</dt>
            <dd>
              <ProjectDatesText project={project} />
            </dd>
            <dt>{t('planProjects.venues')}</dt>
            <dd data-testid="project-detail-venues">{names(project.venueIds, venues) || '-'}</dd>
            <dt>{t('planProjects.managers')}</dt>
            <dd data-testid="project-detail-managers">{project.managerUserIds.map((u) => (people.get(u) ? personName(people.get(u)!) : '?')).join(', ') || '-'}</dd>
          </dl>
          <div className="form__actions">
            <button type="button" className="button button--secondary" data-testid="project-edit" disabled={!actions} onClick={() => setEditing(true)}>
              {t('plan.edit')}
            </button>
            <button type="button" className="button button--danger" data-testid="project-detail-archive" disabled={!actions || project.status === 'ARCHIVED'} onClick={() => void actions?.archive(project.id)}>
              {t('projects.archive')}
            </button>
            <Link className="button button--primary" data-testid="project-new-mission" to={`/planning/missions/new?project=${project.id}`}>
              {t('planProjects.newMission')}
            </Link>
          </div>
        </div>
      )}
      <div className="card stack">
        <h2>{t('planProjects.missionsTitle')}</h2>
        <StatusCounts label={t('planProjects.missionCounts')} group="mission" items={missions} statuses={MISSION_STATUSES} testPrefix="project-mission-count" />
        <StatusCounts label={t('planProjects.assignmentCounts')} group="assignment" items={assignments} statuses={ASSIGNMENT_STATUSES} testPrefix="project-assignment-count" />
        <ProjectMissionsTable missions={missions} assignments={assignments} tz={tz} />
      </div>
    </div>
  );
}
