import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useT } from '../../../i18n/useT';
import { LoadingScreen } from '../../../ui/LoadingScreen';
import { useMissions } from '../../../data/queries';
import { useMissionActions } from '../../../data/planning/useMissionActions';
import { useOrgContext } from '../../../data/org/useOrgContext';
import { MissionForm } from './form/MissionForm';
import { emptyMissionForm, formOfMission } from '../../../data/planning/mission-writes';

/** /planning/missions/new (a project may be preselected with ?project=) and /planning/missions/:id/edit. */
export function MissionEditor({ mode }: { mode: 'create' | 'edit' }) {
  const t = useT();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const { tz } = useOrgContext();
  const actions = useMissionActions();
  const missions = useMissions();
  const current = mode === 'edit' ? missions.docs.find((m) => m.id === id) : undefined;

  if (mode === 'edit' && missions.loading) return <LoadingScreen />;
  if (mode === 'edit' && !current) return <p data-testid="mission-not-found">{t('planMissions.notFound')}</p>;
  if (!actions) return <LoadingScreen />;

  return (
    <div className="card stack">
      <p>
        <Link to={current ? `/planning/missions/${current.id}` : '/planning/missions'}>{t('planMissions.back')}</Link>
      </p>
      <h2>{current ? t('planMissionForm.editTitle') : t('planMissionForm.newTitle')}</h2>
      <MissionForm
        key={current?.id ?? 'new'}
        initial={current ? formOfMission(current, tz) : emptyMissionForm(params.get('project') ?? '')}
        submitLabel={current ? t('plan.save') : t('planMissionForm.create')}
        onSave={async (fields) => {
          if (current) {
            await actions.update(current, fields);
            void navigate(`/planning/missions/${current.id}`);
          } else {
            const newId = await actions.create(fields);
            void navigate(`/planning/missions/${newId}`);
          }
        }}
        onCancel={() => void navigate(-1)}
      />
    </div>
  );
}
