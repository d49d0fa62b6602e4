import type { PlainKey } from '@coulisses/shared';
import { useState, type FormEvent } from 'react';
import { useT } from '../../../../i18n/useT';
import { TextField } from '../../../../ui/TextField';
import { liveOnly } from '../../../../data/planning/reference-writes';
import { useProjects, useReference } from '../../../../data/queries';
import { useOrgContext } from '../../../../data/org/useOrgContext';
import { MISSION_TYPES, missionFields, type MissionFields, type MissionFormError, type MissionFormValues } from '../../../../data/planning/mission-writes';
import { SelectField } from '../../../../components/SelectField';
import { TextAreaField } from '../ui/TextAreaField';
import { LocalDateTimeField } from '../../../../components/LocalDateTimeField';
import { NeedsEditor } from './NeedsEditor';
import { enumLabel } from '../../../../i18n/enum-label';

const ERRORS: Record<MissionFormError, PlainKey> = {
  TITLE_REQUIRED: 'planMissionForm.titleRequired',
  INVALID: 'planMissionForm.invalidTime',
  END_BEFORE_START: 'planMissionForm.endBeforeStart',
  BAD_NEED: 'planMissionForm.badNeed',
};

/** The mission form: local start and end in the organisation's zone, converted to UTC when saved. */
export function MissionForm({ initial, submitLabel, onSave, onCancel }: { initial: MissionFormValues; submitLabel: string; onSave: (fields: MissionFields) => Promise<void>; onCancel?: () => void }) {
  const t = useT();
  const { tz } = useOrgContext();
  const projects = useProjects().docs.filter((p) => p.status !== 'ARCHIVED' || p.id === initial.projectId);
  const venues = liveOnly(useReference('venue').docs);
  const skills = liveOnly(useReference('skill').docs);
  const [v, setV] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof MissionFormValues>(key: K) => (value: MissionFormValues[K]) => setV((cur) => ({ ...cur, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = missionFields(v, tz);
    if ('error' in checked) {
      setError(t(ERRORS[checked.error]));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onSave(checked.fields);
    } catch (caught) {
      setError(t('plan.saveFailed', { reason: caught instanceof Error ? caught.message : String(caught) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form mission-form" data-testid="mission-form" onSubmit={submit} noValidate>
      <div className="form-grid">
        <TextField label={t('planMissions.title')} testId="mission-title" value={v.title} onValue={set('title')} maxLength={200} autoComplete="off" />
        <SelectField label={t('planMissions.project')} testId="mission-project" value={v.projectId} onValue={set('projectId')} options={[{ value: '', label: t('plan.none') }, ...projects.map((p) => ({ value: p.id, label: p.name }))]} />
        <SelectField label={t('planMissions.venue')} testId="mission-venue" value={v.venueId} onValue={set('venueId')} options={[{ value: '', label: t('plan.none') }, ...venues.map((x) => ({ value: x.id, label: x.name }))]} />
        <SelectField label={t('planMissions.type')} testId="mission-type" value={v.type} onValue={(x) => set('type')(x as MissionFormValues['type'])} options={MISSION_TYPES.map((x) => ({ value: x, label: enumLabel(t, 'missionType', x) }))} />
        <LocalDateTimeField label={t('planMissions.start')} testPrefix="mission-start" date={v.startDate} time={v.startTime} onDate={set('startDate')} onTime={set('startTime')} />
        <LocalDateTimeField label={t('planMissions.end')} testPrefix="mission-end" date={v.endDate} time={v.endTime} onDate={set('endDate')} onTime={set('endTime')} />
      </div>
      <p className="hint">{t('plan.zoneHint', { tz })}</p>
      <NeedsEditor needs={v.needs} onChange={set('needs')} skills={skills} />
      <TextAreaField label={t('planMissions.notes')} testId="mission-notes" value={v.notes} onValue={set('notes')} maxLength={5000} />
      <TextAreaField label={t('planMissions.contacts')} testId="mission-contacts" value={v.contacts} onValue={set('contacts')} maxLength={1000} rows={2} />
      {error && (
        <p className="alert alert--error" role="alert" data-testid="mission-error">
          {error}
        </p>
      )}
      <div className="form__actions">
        <button type="submit" className="button button--primary" data-testid="mission-submit" disabled={busy}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button button--ghost" onClick={onCancel}>
            {t('plan.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
