import { describe, expect, it } from 'vitest';
import { filtersToQuery, parseFilters, presetRange, withFilter } from '../src/pages/analytics/filter-state';

describe('analytics period presets (organisation local dates)', () => {
  it.each([
    // today, preset, expected from..to (by hand from the calendar)
    ['2026-03-29', 'this-month', '2026-03-01', '2026-03-31'],
    ['2026-03-29', 'last-month', '2026-02-01', '2026-02-28'],
    ['2026-12-06', 'next-month', '2027-01-01', '2027-01-31'], // across the year
    ['2028-01-31', 'next-month', '2028-02-01', '2028-02-29'], // leap February
    ['2028-03-01', 'last-month', '2028-02-01', '2028-02-29'], // leap February
    ['2026-01-15', 'last-month', '2025-12-01', '2025-12-31'], // across the year
    ['2026-02-10', 'last-3-months', '2025-12-01', '2026-02-28'], // Dec, Jan, Feb
    ['2026-10-25', 'last-12-months', '2025-11-01', '2026-10-31'], // Nov 2025 .. Oct 2026: 12 months
    ['2026-12-31', 'this-month', '2026-12-01', '2026-12-31'],
  ] as const)('%s %s -> %s..%s', (today, preset, from, to) => {
    expect(presetRange(preset, today)).toEqual({ from, to });
  });
});

describe('filters in the URL query', () => {
  const today = '2026-03-29';

  it('a bare query is this month against the previous period, nothing filtered', () => {
    const s = parseFilters(new URLSearchParams(''), today);
    expect(s).toEqual({ period: 'this-month', from: '2026-03-01', to: '2026-03-31', projectId: null, venueId: null, teamId: null, role: null, compare: 'previous' });
    expect(filtersToQuery(s)).toBe('');
  });

  it('round-trips every filter', () => {
    const q = 'period=custom&from=2026-01-05&to=2026-02-10&project=p1&venue=v-2&team=t_3&role=R%C3%A9gisseur&compare=lastYear';
    const s = parseFilters(new URLSearchParams(q), today);
    expect(s).toMatchObject({ period: 'custom', from: '2026-01-05', to: '2026-02-10', projectId: 'p1', venueId: 'v-2', teamId: 't_3', role: 'R\u00e9gisseur', compare: 'lastYear' });
    expect(parseFilters(new URLSearchParams(filtersToQuery(s)), today)).toEqual(s);
  });

  it('hostile or malformed values fall back to the defaults', () => {
    const s = parseFilters(new URLSearchParams('period=forever&compare=x&project=%3Cscript%3E&venue=' + 'a'.repeat(80) + '&role=%20%20'), today);
    expect(s).toMatchObject({ period: 'this-month', compare: 'previous', projectId: null, venueId: null, role: null });
    // A custom period with reversed or invalid dates is this month.
    expect(parseFilters(new URLSearchParams('period=custom&from=2026-02-10&to=2026-01-01'), today).period).toBe('this-month');
    expect(parseFilters(new URLSearchParams('period=custom&from=2026-02-30x&to=2026-03-01'), today).period).toBe('this-month');
  });

  it('a preset recomputes the dates; editing a date makes the period custom', () => {
    const s = parseFilters(new URLSearchParams(''), today);
    expect(withFilter(s, { period: 'last-month' }, today)).toMatchObject({ period: 'last-month', from: '2026-02-01', to: '2026-02-28' });
    const c = withFilter(s, { from: '2026-03-10' }, today);
    expect(c).toMatchObject({ period: 'custom', from: '2026-03-10', to: '2026-03-31' });
    // A start after the end pulls the end along.
    expect(withFilter(c, { from: '2026-04-05' }, today)).toMatchObject({ from: '2026-04-05', to: '2026-04-05' });
  });
});

describe('months the device cannot show', () => {
  it('only those before the 13-month window count as missing (inside it, no slice means no activity)', async () => {
    const { monthsBeforeWindow } = await import('../src/pages/analytics/filter-state');
    // Today 2026-12-06, 13 months: the window starts in 2025-12 (Dec 2025 .. Dec 2026 = 13 months).
    expect(monthsBeforeWindow(['2025-10', '2025-11', '2025-12', '2026-10'], '2026-12-06', 13)).toEqual(['2025-10', '2025-11']);
    expect(monthsBeforeWindow(['2026-10'], '2026-12-06', 1)).toEqual(['2026-10']);
    expect(monthsBeforeWindow([], '2026-12-06', 13)).toEqual([]);
  });
});

describe('heatmap cell under a point', () => {
  it('maps CSS pixels to weekday and hour (labels 44 px, header 18 px)', async () => {
    const { cellAt, heatmapGeometry } = await import('../src/pages/analytics/heatmap-draw');
    // 524 px wide: (524 - 44) / 24 = 20 px a cell; height min(34, 20) = 20 -> 18 + 7 x 20 = 158 px.
    expect(heatmapGeometry(524)).toEqual({ cellW: 20, cellH: 20, height: 158 });
    expect(cellAt(44, 18, 524)).toEqual({ day: 0, hour: 0 });
    // x 44 + 9 x 20 + 5 = 229 -> hour 9; y 18 + 2 x 20 + 1 = 59 -> Wednesday (2).
    expect(cellAt(229, 59, 524)).toEqual({ day: 2, hour: 9 });
    expect(cellAt(523, 157, 524)).toEqual({ day: 6, hour: 23 });
    expect(cellAt(43, 50, 524)).toBeNull();
    expect(cellAt(100, 17, 524)).toBeNull();
    expect(cellAt(100, 158, 524)).toBeNull();
  });
});
