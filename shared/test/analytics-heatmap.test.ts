import { describe, expect, it } from 'vitest';
import { HEATMAP_CELLS, WeekLoad, spreadLoad } from '../src/analytics/heatmap';
import { PARIS, minutesOf } from './support/analytics-slices';

/* Europe/Paris offsets of March and April 2026 (the spring change on the 29th at 01:00 UTC). */
const OFFSETS = [...PARIS['2026-03'], [minutesOf('2026-03-31T22:00:00Z'), 120]] as [number, number][];
const at = Float64Array.from(OFFSETS.map((o) => o[0]));
const minutes = Int32Array.from(OFFSETS.map((o) => o[1]));

describe('week load (difference array) against the hour walk', () => {
  it('a Monday 09:00-17:00 local shift (UTC+1): 60 in each hour 9..16', () => {
    const load = new WeekLoad();
    load.add(minutesOf('2026-03-02T08:00:00Z'), minutesOf('2026-03-02T16:00:00Z'), at, minutes);
    const cells = load.cells();
    expect(Array.from(cells.slice(8, 18))).toEqual([0, 60, 60, 60, 60, 60, 60, 60, 60, 0]);
  });

  it('a Sunday night shift wraps to Monday morning', () => {
    // Sunday 8 March 2026 22:00 local (21:00Z) to Monday 02:00 local (01:00Z): Sun 22, 23; Mon 0, 1.
    const cells = (() => {
      const load = new WeekLoad();
      load.add(minutesOf('2026-03-08T21:00:00Z'), minutesOf('2026-03-09T01:00:00Z'), at, minutes);
      return load.cells();
    })();
    expect([cells[6 * 24 + 22], cells[6 * 24 + 23], cells[0], cells[1], cells[2]]).toEqual([60, 60, 60, 60, 0]);
  });

  it('the same cells as the hour walk for 2,000 shifts of March 2026, DST night included', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const load = new WeekLoad();
    const walk = new Float64Array(HEATMAP_CELLS);
    const march = minutesOf('2026-03-01T00:00:00Z');
    for (let i = 0; i < 2000; i++) {
      const start = march + Math.floor(rand() * 31 * 1440);
      const end = start + 15 + Math.floor(rand() * 16 * 60);
      load.add(start, end, at, minutes);
      spreadLoad(walk, start, end, at, minutes);
    }
    expect(Array.from(load.cells())).toEqual(Array.from(walk));
  });
});
