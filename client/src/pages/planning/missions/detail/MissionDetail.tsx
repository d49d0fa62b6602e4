import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useT } from '../../../../i18n/useT';
import { LoadingScreen } from '../../../../ui/LoadingScreen';
import { AssignPanel } from '../assign/AssignPanel';
import { byId, useAssignments, useMissions, useProjects, useReference, useUsers } from '../../../../data/queries';
import { useMissionActions } from '../../../../data/planning/useMissionActions';
import { useOrgContext } from '../../../../data/org/useOrgContext';
import { MissionEquipmentCard } from '../../../../components/equipment/MissionEquipmentCard';
import { Notice } from '../ui/Notice';
import { RowMenu } from '../ui/RowMenu';
import { AssignmentList } from './AssignmentList';
import { MissionInfo } from './MissionInfo';
import { RecurrenceForm } from './RecurrenceForm';
import { SaveTemplateForm } from './SaveTemplateForm';

/** A mission: details, publish / cancel / duplicate / edit, recurrence, template, and its people. */
export function MissionDetail() {
  const t = useT();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const { tz } = useOrgContext();
  const missions = useMissions();
  const assignments = useAssignments().docs;
  const users = useUsers().docs;
  const projects = byId(useProjects().docs);
  const venues = byId(useReference('venue').docs);
  const skills = byId(useReference('skill').docs);
  const actions = useMissionActions();
  const [notice, setNotice] = useState<string | null>(null);
  const m = missions.docs.find((x) => x.id === id);

  if (missions.loading) return <LoadingScreen />;
  if (!m) {
    return (
      <div className="card" data-testid="mission-not-found">
        <p>{t('planMissions.notFound')}</p>
        <Link to="/planning/missions">{t('planMissions.back')}</Link>
      </div>
    );
  }
  const mine = assignments.filter((a) => a.missionId === m.id);
  const duplicate = async () => {
    const [copy] = (await actions?.duplicate([m])) ?? [];
    if (copy) {
      setNotice(t('planMissions.duplicated', { count: 1 }));
      void navigate(`/planning/missions/${copy}`);
    }
  };

  return (
    <div className="stack" data-testid="mission-detail" data-mission-id={m.id}>
      <p>
        <Link to="/planning/missions" data-testid="mission-back">
          {t('planMissions.back')}
        </Link>
      </p>
      <div className="card stack">
        <h2 data-testid="mission-detail-title">{m.title}</h2>
        <MissionInfo m={m} tz={tz} projectName={(m.projectId && projects.get(m.projectId)?.name) || ''} venue={m.venueId ? venues.get(m.venueId) : undefined} skills={skills} />
        <div className="form__actions">
          <Link className="button button--secondary" data-testid="mission-edit" to={`/planning/missions/${m.id}/edit`}>
            {t('plan.edit')}
          </Link>
          {m.status === 'DRAFT' && (
            <button type="button" className="button button--primary" data-testid="mission-detail-publish" disabled={!actions} onClick={() => void actions?.publish([m])}>
              {t('planMissions.publish')}
            </button>
          )}
          <RowMenu
            name={m.title}
            testId="mission-detail-menu"
            actions={[
              { id: 'duplicate', label: t('planMissions.duplicate'), disabled: !actions, testId: 'mission-detail-duplicate', onSelect: () => void duplicate() },
              ...(m.status !== 'CANCELLED'
                ? [{ id: 'cancel', label: t('planMissions.cancelMission'), disabled: !actions, testId: 'mission-detail-cancel', confirm: { title: t('planActions.cancelTitle'), body: t('planActions.cancelBody', { title: m.title }) }, onSelect: () => void actions?.cancel(m.id) }]
                : []),
            ]}
          />
        </div>
        {notice && <Notice>{notice}</Notice>}
      </div>
      <div className="card stack">
        <h3>{t('planAssign.listTitle')}</h3>
        <AssignmentList assignments={mine} people={byId(users)} tz={tz} />
        {m.status !== 'CANCELLED' && <AssignPanel mission={m} people={users} assignments={assignments} missions={missions.docs} />}
      </div>
      <MissionEquipmentCard missionId={m.id} cancelled={m.status === 'CANCELLED'} />
      <details className="card">
        <summary data-testid="mission-more">{t('planMissions.moreActions')}</summary>
        <div className="stack">
          <RecurrenceForm mission={m} actions={actions} />
          <SaveTemplateForm mission={m} tz={tz} />
        </div>
      </details>
    </div>
  );
}
