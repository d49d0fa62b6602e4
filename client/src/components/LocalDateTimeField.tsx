import { useT } from '../i18n/useT';

/** A local date and time side by side (the organisation's zone is said once by the form). */
export function LocalDateTimeField({ label, date, time, onDate, onTime, testPrefix }: { label: string; date: string; time: string; onDate: (v: string) => void; onTime: (v: string) => void; testPrefix: string }) {
  const t = useT();
  return (
    <fieldset className="datetime">
      <legend className="field__label">{label}</legend>
      <div className="datetime__row">
        <input className="field__input" type="date" aria-label={t('plan.dateOf', { label })} data-testid={`${testPrefix}-date`} value={date} onChange={(e) => onDate(e.target.value)} />
        <input className="field__input" type="time" aria-label={t('plan.timeOf', { label })} data-testid={`${testPrefix}-time`} value={time} onChange={(e) => onTime(e.target.value)} />
      </div>
    </fieldset>
  );
}
