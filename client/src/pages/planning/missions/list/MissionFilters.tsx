import { useT } from '../../../../i18n/useT';
import { TextField } from '../../../../ui/TextField';
import type { ProjectDoc } from '../../../../data/types';
import { MISSION_STATUSES } from '../../../../data/planning/mission-writes';
import { SelectField } from '../../../../components/SelectField';
import { enumLabel } from '../../../../i18n/enum-label';

export interface MissionFilterValues {
  projectId: string;
  status: string;
  from: string;
  to: string;
}

export const NO_FILTER: MissionFilterValues = { projectId: '', status: '', from: '', to: '' };

/** Filters of the missions list: project, status, and a range of local dates in the organisation's zone. */
export function MissionFilters({ value, onChange, projects }: { value: MissionFilterValues; onChange: (v: MissionFilterValues) => void; projects: ProjectDoc[] }) {
  const t = useT();
  const set = (key: keyof MissionFilterValues) => (v: string) => onChange({ ...value, [key]: v });
  return (
    <div className="filters" data-testid="mission-filters" role="search">
      <SelectField label={t('planMissions.project')} testId="mission-filter-project" value={value.projectId} onValue={set('projectId')} options={[{ value: '', label: t('plan.all') }, ...projects.map((p) => ({ value: p.id, label: p.name }))]} />
      <SelectField label={t('planMissions.status')} testId="mission-filter-status" value={value.status} onValue={set('status')} options={[{ value: '', label: t('plan.all') }, ...MISSION_STATUSES.map((s) => ({ value: s, label: enumLabel(t, 'missionStatus', s) }))]} />
      <TextField label={t('planMissions.from')} testId="mission-filter-from" type="date" value={value.from} onValue={set('from')} />
      <TextField label={t('planMissions.to')} testId="mission-filter-to" type="date" value={value.to} onValue={set('to')} />
      <button type="button" className="button button--ghost button--small" data-testid="mission-filter-reset" onClick={() => onChange(NO_FILTER)}>
        {t('planMissions.resetFilters')}
      </button>
    </div>
  );
}
