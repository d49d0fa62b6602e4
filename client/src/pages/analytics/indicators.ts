import { type IndicatorTile } from '@coulisses/shared/analytics/indicator-tiles';

/** The tone of a delta: a rise of a "bad" indicator is bad news. */
export function deltaTone(tile: IndicatorTile): 'success' | 'danger' | 'neutral' {
  if (tile.delta === null || tile.delta === 0 || tile.rise === 'neutral') return 'neutral';
  const up = tile.delta > 0;
  return up === (tile.rise === 'good') ? 'success' : 'danger';
}

