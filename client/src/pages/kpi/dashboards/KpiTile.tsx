import type { KpiTile as KpiTileData } from '@coulisses/shared/kpi/board';
import { Link } from 'react-router';
import type { Kpi } from '../../../data/kpi/types';
import { useI18n } from '../../../i18n/useT';
import { IconButton, IconChevronLeft, IconChevronRight } from '../../../ui';
import { formatKpiValue, formatPeriod } from './kpi-format';
import { Sparkline } from './Sparkline';
import { StatusBadge } from './StatusBadge';
import { TrendText } from './TrendText';
import { kpiPath } from './paths';

export interface TileMove {
  index: number;
  count: number;
  onMove: (from: number, to: number) => void;
}

/** One KPI on a dashboard: status (colour and words), value, target, trend and the last periods. */
export function KpiTile({ kpi, tile, dashboardId, move }: { kpi: Kpi; tile: KpiTileData; dashboardId: string; move?: TileMove }) {
  const { t, locale } = useI18n();
  const fmt = (v: number | null) => formatKpiValue(locale, v, kpi.decimals, kpi.unit);
  return (
    <li className={`kpi-tile kpi-tile--${tile.status.toLowerCase()}`} data-testid={`kpi-tile-${kpi.id}`} data-status={tile.status}>
      <div className="kpi-tile__head">
        <Link className="kpi-tile__name break" to={kpiPath(kpi.id, dashboardId)} data-testid={`kpi-tile-link-${kpi.id}`}>
          {kpi.name}
        </Link>
        <StatusBadge status={tile.status} testId={`kpi-tile-status-${kpi.id}`} />
      </div>
      <p className="kpi-tile__value" data-testid={`kpi-tile-value-${kpi.id}`}>
        {fmt(tile.value)}
      </p>
      <p className="kpi-tile__meta muted">
        {tile.value !== null ? formatPeriod(locale, tile.period.start, kpi.frequency) : t('kpi.tile.noValue')}
        {' \u00b7 '}
        {tile.target === null ? t('kpi.tile.noTarget') : t('kpi.tile.target', { value: fmt(tile.target) })}
      </p>
      <div className="kpi-tile__foot">
        <TrendText trend={tile.trend} testId={`kpi-tile-trend-${kpi.id}`} />
        <Sparkline values={tile.sparkline.values} targets={tile.sparkline.targets} />
      </div>
      {move && move.count > 1 && (
        <div className="kpi-tile__move">
          <IconButton icon={IconChevronLeft} size="sm" label={t('kpi.dash.moveEarlier', { name: kpi.name })} disabled={move.index === 0} onClick={() => move.onMove(move.index, move.index - 1)} data-testid={`kpi-tile-earlier-${kpi.id}`} />
          <IconButton icon={IconChevronRight} size="sm" label={t('kpi.dash.moveLater', { name: kpi.name })} disabled={move.index === move.count - 1} onClick={() => move.onMove(move.index, move.index + 1)} data-testid={`kpi-tile-later-${kpi.id}`} />
        </div>
      )}
    </li>
  );
}
