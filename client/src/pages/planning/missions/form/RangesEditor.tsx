import type { TimeRange } from '@coulisses/shared';
import { useT } from '../../../../i18n/useT';

/** Local time ranges (HH:MM to HH:MM; an end not after the start ends the next day). */
export function RangesEditor({ ranges, onChange, testPrefix }: { ranges: TimeRange[]; onChange: (r: TimeRange[]) => void; testPrefix: string }) {
  const t = useT();
  const update = (i: number, patch: Partial<TimeRange>) => onChange(ranges.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset className="ranges">
      <legend className="field__label">{t('planBatch.ranges')}</legend>
      {ranges.map((r, i) => (
        <div key={i} className="datetime__row">
          <input className="field__input" type="time" aria-label={t('planBatch.rangeFrom', { n: i + 1 })} data-testid={`${testPrefix}-from-${i}`} value={r.from} onChange={(e) => update(i, { from: e.target.value })} />
          <input className="field__input" type="time" aria-label={t('planBatch.rangeTo', { n: i + 1 })} data-testid={`${testPrefix}-to-${i}`} value={r.to} onChange={(e) => update(i, { to: e.target.value })} />
          {ranges.length > 1 && (
            <button type="button" className="button button--ghost button--small" data-testid={`${testPrefix}-remove-${i}`} onClick={() => onChange(ranges.filter((_, j) => j !== i))}>
              {t('planBatch.removeRange')}
            </button>
          )}
        </div>
      ))}
      <p className="hint">{t('planBatch.overnightHint')}</p>
      <button type="button" className="button button--secondary button--small" data-testid={`${testPrefix}-add`} onClick={() => onChange([...ranges, { from: '14:00', to: '18:00' }])}>
        {t('planBatch.addRange')}
      </button>
    </fieldset>
  );
}
