import { enumLabel } from '../../../i18n/enum-label';
import { useI18n } from '../../../i18n/useT';
import { bandRanges, type BandRange, type KpiFormValues } from './kpi-form';
import { formatKpiNumber } from './kpi-format';

/** What the bands mean for this KPI, live while the editor is filled in: one line per colour, in words. */
export function BandsPreview({ values, period }: { values: KpiFormValues; period: string }) {
  const { t, locale } = useI18n();
  const ranges = bandRanges(values, period);
  const decimals = Math.max(0, Math.min(6, Number.parseInt(values.decimals, 10) || 0));
  const n = (x: number) => `${formatKpiNumber(locale, x, decimals)}${values.unit ? `\u00a0${values.unit}` : ''}`;
  const text = (r: BandRange): string => {
    if (r.distance) return r.to === null ? t('kpi.bands.distanceAbove', { value: n(r.from ?? 0) }) : r.band === 'GREEN' ? t('kpi.bands.distanceUpTo', { value: n(r.to) }) : t('kpi.bands.distanceBetween', { from: n(r.from ?? 0), to: n(r.to) });
    if (r.from === null) return t(r.band === 'RED' ? 'kpi.bands.below' : 'kpi.bands.upTo', { value: n(r.to ?? 0) });
    if (r.to === null) return t(r.band === 'RED' ? 'kpi.bands.above' : 'kpi.bands.atLeast', { value: n(r.from) });
    return t('kpi.bands.between', { from: n(Math.min(r.from, r.to)), to: n(Math.max(r.from, r.to)) });
  };
  return (
    <section className="kpi-bands" aria-labelledby="kpi-bands-title" data-testid="kpi-bands-preview">
      <h3 id="kpi-bands-title" className="kpi-bands__title">
        {t('kpi.bands.title')}
      </h3>
      {ranges === null ? (
        <p className="muted">{t('kpi.bands.needsTarget')}</p>
      ) : (
        <ul className="kpi-bands__list" aria-live="polite">
          {ranges.map((r) => (
            <li key={r.band} className={`kpi-bands__row kpi-bands__row--${r.band.toLowerCase()}`} data-testid={`kpi-band-${r.band}`}>
              <span className="kpi-bands__swatch" aria-hidden="true" />
              <strong>{enumLabel(t, 'kpiPeriodStatus', r.band)}</strong> {text(r)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
