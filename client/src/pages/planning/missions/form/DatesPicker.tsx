import { useT } from '../../../../i18n/useT';
import { TextField } from '../../../../ui/TextField';

export interface DatesValue {
  from: string;
  to: string;
  /** ISO weekdays, 1 = Monday; none means every day. */
  weekdays: number[];
}

const DAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** The days of a batch: a range of local dates and the weekdays to keep. */
export function DatesPicker({ value, onChange, testPrefix }: { value: DatesValue; onChange: (v: DatesValue) => void; testPrefix: string }) {
  const t = useT();
  return (
    <fieldset className="dates-picker">
      <legend className="field__label">{t('planBatch.days')}</legend>
      <div className="form-grid">
        <TextField label={t('planMissions.from')} type="date" testId={`${testPrefix}-from`} value={value.from} onValue={(from) => onChange({ ...value, from })} />
        <TextField label={t('planMissions.to')} type="date" testId={`${testPrefix}-to`} value={value.to} onValue={(to) => onChange({ ...value, to })} />
      </div>
      <div className="weekdays" role="group" aria-label={t('planBatch.weekdays')}>
        {DAYS.map((d) => (
          <label key={d} className="checkbox checkbox--inline">
            <input
              type="checkbox"
              data-testid={`${testPrefix}-weekday-${d}`}
              checked={value.weekdays.includes(d)}
              onChange={(e) => onChange({ ...value, weekdays: e.target.checked ? [...value.weekdays, d] : value.weekdays.filter((x) => x !== d) })}
            />
            {t(`plan.weekdays.${d}`)}
          </label>
        ))}
      </div>
      <p className="hint">{t('planBatch.weekdaysHint')}</p>
    </fieldset>
  );
}
