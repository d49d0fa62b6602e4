import { expandWizard, uuidv7, type MissionDraft } from '@coulisses/shared';
import { draftsWithIds } from '@coulisses/shared/planning/mission-copies';
import { useState } from 'react';
import { Link } from 'react-router';
import { useT } from '../../../../i18n/useT';
import { TextField } from '../../../../ui/TextField';
import { liveOnly } from '../../../../data/planning/reference-writes';
import { useProjects, useReference } from '../../../../data/queries';
import type { MissionDoc } from '../../../../data/types';
import { useMissionActions } from '../../../../data/planning/useMissionActions';
import { useOrgContext } from '../../../../data/org/useOrgContext';
import { DatesPicker } from '../form/DatesPicker';
import { NeedsEditor } from '../form/NeedsEditor';
import { RangesEditor } from '../form/RangesEditor';
import { MISSION_TYPES } from '../../../../data/planning/mission-writes';
import { Notice } from '../ui/Notice';
import { SelectField } from '../../../../components/SelectField';
import { BatchPreview } from './BatchPreview';
import { BATCH_MAX, wizardInput, type BatchError, type BatchValues } from './batch-input';
import { enumLabel } from '../../../../i18n/enum-label';

const INITIAL: BatchValues = { title: '', projectId: '', venueId: '', type: 'MONTAGE', dates: { from: '', to: '', weekdays: [] }, ranges: [{ from: '09:00', to: '13:00' }], roles: [], onePerRole: false };

/** The batch wizard: days x time ranges (x roles) as draft missions, previewed before they are created. */
export function BatchWizard() {
  const t = useT();
  const { tz } = useOrgContext();
  const actions = useMissionActions();
  const projects = useProjects().docs.filter((p) => p.status !== 'ARCHIVED');
  const venues = liveOnly(useReference('venue').docs);
  const skills = liveOnly(useReference('skill').docs);
  const [v, setV] = useState(INITIAL);
  const [preview, setPreview] = useState<MissionDraft[] | null>(null);
  const [error, setError] = useState<BatchError | null>(null);
  const [created, setCreated] = useState<number | null>(null);
  const set = <K extends keyof BatchValues>(key: K) => (value: BatchValues[K]) => {
    setV((cur) => ({ ...cur, [key]: value }));
    setPreview(null);
  };

  const showPreview = () => {
    const r = wizardInput(v, tz);
    setCreated(null);
    if ('error' in r) {
      setError(r.error);
      setPreview(null);
      return;
    }
    setError(null);
    setPreview(expandWizard(r.input));
  };
  const create = async () => {
    if (!actions || !preview) return;
    const docs = draftsWithIds(preview, () => uuidv7(), new Date().toISOString()) as MissionDoc[];
    setCreated(await actions.insertMany(docs));
    setPreview(null);
  };

  return (
    <div className="card stack" data-testid="batch-wizard">
      <h2>{t('planBatch.title')}</h2>
      <p className="hint">{t('planBatch.intro', { max: BATCH_MAX })}</p>
      <div className="form-grid">
        <TextField label={t('planMissions.title')} testId="batch-title" value={v.title} onValue={set('title')} maxLength={150} autoComplete="off" />
        <SelectField label={t('planMissions.project')} testId="batch-project" value={v.projectId} onValue={set('projectId')} options={[{ value: '', label: t('plan.none') }, ...projects.map((p) => ({ value: p.id, label: p.name }))]} />
        <SelectField label={t('planMissions.venue')} testId="batch-venue" value={v.venueId} onValue={set('venueId')} options={[{ value: '', label: t('plan.none') }, ...venues.map((x) => ({ value: x.id, label: x.name }))]} />
        <SelectField label={t('planMissions.type')} testId="batch-type" value={v.type} onValue={(x) => set('type')(x as BatchValues['type'])} options={MISSION_TYPES.map((x) => ({ value: x, label: enumLabel(t, 'missionType', x) }))} />
      </div>
      <DatesPicker value={v.dates} onChange={set('dates')} testPrefix="batch" />
      <RangesEditor ranges={v.ranges} onChange={set('ranges')} testPrefix="batch-range" />
      <NeedsEditor needs={v.roles} onChange={set('roles')} skills={skills} testPrefix="batch-role" />
      <label className="checkbox">
        <input type="checkbox" data-testid="batch-one-per-role" checked={v.onePerRole} onChange={(e) => set('onePerRole')(e.target.checked)} />
        {t('planBatch.onePerRole')}
      </label>
      <p className="hint">{t('plan.zoneHint', { tz })}</p>
      {error && (
        <p className="alert alert--error" role="alert" data-testid="batch-error">
          {t(`planBatch.errors.${error}`, { max: BATCH_MAX })}
        </p>
      )}
      <div className="form__actions">
        <button type="button" className="button button--secondary" data-testid="batch-preview" onClick={showPreview}>
          {t('planBatch.preview')}
        </button>
        <button type="button" className="button button--primary" data-testid="batch-create" disabled={!actions || !preview || preview.length === 0} onClick={() => void create()}>
          {t('planBatch.create', { count: preview?.length ?? 0 })}
        </button>
      </div>
      {created !== null && (
        <Notice testId="batch-created">
          {t('planBatch.created', { count: created })} <Link to="/planning/missions">{t('planBatch.toList')}</Link>
        </Notice>
      )}
      {preview && <BatchPreview drafts={preview} tz={tz} />}
    </div>
  );
}
