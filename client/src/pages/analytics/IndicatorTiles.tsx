import { useI18n } from '../../i18n/useT';
import { formatDeltaPct, type IndicatorTile } from '@coulisses/shared/analytics/indicator-tiles';
import { deltaTone } from './indicators';

/** The indicators of the period: value, the comparison period's value and the change (coloured when it is news). */
export function IndicatorTiles({ tiles, compareLabel }: { tiles: readonly IndicatorTile[]; compareLabel: string | null }) {
  const { t, locale } = useI18n();
  return (
    <ul className="an-tiles" aria-label={t('analyticsPage.indicators')} data-testid="analytics-tiles">
      {tiles.map((tile) => (
        <li key={tile.key} className={`an-tile an-tile--${deltaTone(tile)}`} data-testid={`analytics-tile-${tile.key}`}>
          <span className="an-tile__label">{t(`analyticsPage.ind.${tile.key}`)}</span>
          <span className="an-tile__value" data-testid={`analytics-value-${tile.key}`}>
            {tile.value}
          </span>
          {compareLabel !== null && tile.compareValue !== null && (
            <span className="an-tile__compare">
              {compareLabel} {tile.compareValue}
              {tile.delta !== null && (
                <span className="an-tile__delta" data-testid={`analytics-delta-${tile.key}`}>
                  {' '}
                  ({formatDeltaPct(locale, tile.delta)})
                </span>
              )}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
