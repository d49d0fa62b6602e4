import type { PlainKey } from '@coulisses/shared';
import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n/useT';
import { TextField } from '../../ui/TextField';
import { availabilityFields, emptyAvailability, type AvailabilityFields, type AvailabilityFormError, type AvailabilityFormValues } from '../../data/planning/availability-writes';
import { useOrgContext } from '../../data/org/useOrgContext';
import { LocalDateTimeField } from '../../components/LocalDateTimeField';
import { SelectField } from '../../components/SelectField';
import { enumLabel } from '../../i18n/enum-label';

const ERRORS: Record<AvailabilityFormError, PlainKey> = {
  INVALID: 'planMissionForm.invalidTime',
  END_BEFORE_START: 'planMissionForm.endBeforeStart',
  BAD_UNTIL: 'myAvailability.badUntil',
};

/** Declare a window: available or unavailable, local start and end, optionally every week until a date. */
export function AvailabilityForm({ onSave }: { onSave: (f: AvailabilityFields) => Promise<void> }) {
  const t = useT();
  const { tz } = useOrgContext();
  const [v, setV] = useState<AvailabilityFormValues>(emptyAvailability());
  const [error, setError] = useState<string | null>(null);
  const set = <K extends keyof AvailabilityFormValues>(key: K) => (value: AvailabilityFormValues[K]) => setV((cur) => ({ ...cur, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = availabilityFields(v, tz);
    if ('error' in checked) {
      setError(t(ERRORS[checked.error]));
      return;
    }
    try {
      await onSave(checked.fields);
      setError(null);
      setV(emptyAvailability());
    } catch (caught) {
      setError(t('plan.saveFailed', { reason: caught instanceof Error ? caught.message : String(caught) }));
    }
  };

  return (
    <form className="form" data-testid="avail-form" onSubmit={submit} noValidate>
      <SelectField label={t('myAvailability.kind')} testId="avail-kind" value={v.kind} onValue={(k) => set('kind')(k as AvailabilityFormValues['kind'])} options={(['UNAVAILABLE', 'AVAILABLE'] as const).map((k) => ({ value: k, label: enumLabel(t, 'availabilityKind', k) }))} />
      <LocalDateTimeField label={t('planMissions.start')} testPrefix="avail-start" date={v.startDate} time={v.startTime} onDate={set('startDate')} onTime={set('startTime')} />
      <LocalDateTimeField label={t('planMissions.end')} testPrefix="avail-end" date={v.endDate} time={v.endTime} onDate={set('endDate')} onTime={set('endTime')} />
      <label className="checkbox">
        <input type="checkbox" data-testid="avail-weekly" checked={v.weekly} onChange={(e) => set('weekly')(e.target.checked)} />
        {t('myAvailability.weekly')}
      </label>
      {v.weekly && <TextField label={t('myAvailability.weeklyUntil')} type="date" testId="avail-weekly-until" value={v.weeklyUntil} onValue={set('weeklyUntil')} />}
      <TextField label={t('myAvailability.note')} testId="avail-note" value={v.note} onValue={set('note')} maxLength={500} autoComplete="off" />
      <p className="hint">{t('plan.zoneHint', { tz })}</p>
      {error && (
        <p className="alert alert--error" role="alert" data-testid="avail-error">
          {error}
        </p>
      )}
      <button type="submit" className="button button--primary button--big" data-testid="avail-submit">
        {t('myAvailability.declare')}
      </button>
    </form>
  );
}
