import { describe, expect, it } from 'vitest';
import { boardActionOf, boardDashboardOf, boardKpiOf, boardValueOf } from '../src/data/kpi/board-input';
import { inlineKpiApi } from '../src/workers/kpi-client';

const def = {
  unit: '%',
  decimals: 1,
  frequency: 'WEEKLY',
  direction: 'UP_IS_BETTER',
  target: 100,
  thresholds: { kind: 'PERCENT_OF_TARGET', green: 100, orange: 90 },
  aggregation: 'AVERAGE',
  source: 'MANUAL',
  active: true,
  gracePeriodDays: 0,
};
const ref = (id: string, name: string, data: Record<string, unknown>, kind = 'kpi') => ({ id, kind, name, archived: false, data, updatedAt: '2026-12-01T00:00:00.000Z' });

describe('board inputs from local documents', () => {
  it('a valid KPI document becomes a BoardKpi; an invalid or archived one is left out or inactive', () => {
    expect(boardKpiOf(ref('k1', 'Fill', def))).toMatchObject({ id: 'k1', name: 'Fill', active: true, frequency: 'WEEKLY' });
    expect(boardKpiOf(ref('k2', 'Bad', { ...def, thresholds: { kind: 'ABSOLUTE', green: 1, orange: 5 } }))).toBeNull();
    expect(boardKpiOf(ref('k3', 'Auto', { ...def, source: 'AUTOMATIC', auto: { metric: 'COVERAGE_RATE' } }))).not.toBeNull();
    expect(boardKpiOf({ ...ref('k4', 'Old', def), archived: true })?.active).toBe(false);
    expect(boardKpiOf(ref('d1', 'Dash', { process: 'Accueil', kpiIds: [] }, 'dashboard'))).toBeNull();
  });

  it('dashboards, values and actions (comments left out)', () => {
    expect(boardDashboardOf(ref('d1', 'Salle', { process: 'Accueil', kpiIds: ['k1', 'k2'] }, 'dashboard'))).toEqual({ id: 'd1', name: 'Salle', process: 'Accueil', kpiIds: ['k1', 'k2'] });
    expect(boardDashboardOf(ref('d2', 'Bad', { process: 'Accueil', kpiIds: ['k1', 3] }, 'dashboard'))).toBeNull();
    expect(boardDashboardOf({ ...ref('d3', 'Old', { process: 'Accueil', kpiIds: [] }, 'dashboard'), archived: true })).toBeNull();
    expect(boardValueOf({ kpiId: 'k1', periodStart: '2026-11-30', value: 5 })).toEqual({ kpiId: 'k1', periodStart: '2026-11-30', value: 5 });
    expect(boardValueOf({ kpiId: 'k1', periodStart: '2026-11-30', value: 5, _deleted: true })).toBeNull();
    expect(boardActionOf({ id: 'a', kind: 'comment', kpiId: 'k1' })).toBeNull();
    expect(boardActionOf({ id: 'a', kind: 'action', kpiId: 'k1', title: 'T', status: 'OPEN', dueDate: '2026-12-01', progress: 10, ownerUserId: 'u' })).toMatchObject({ status: 'OPEN', dueDate: '2026-12-01' });
  });
});

describe('KPI engine (inline, as in the worker)', () => {
  const kpis = [boardKpiOf(ref('k1', 'Fill', def))!, boardKpiOf(ref('k2', 'Budget', { ...def, direction: 'DOWN_IS_BETTER', thresholds: { kind: 'PERCENT_OF_TARGET', green: 100, orange: 110 } }))!];
  const values = [
    { kpiId: 'k1', periodStart: '2026-11-30', value: 80 },
    { kpiId: 'k2', periodStart: '2026-12-07', value: 105 },
    { kpiId: 'zz', periodStart: '2026-12-07', value: 1 },
  ];
  const dashboards = [{ id: 'd1', name: 'Salle', process: 'Accueil', kpiIds: ['k2', 'k1'] }];

  it('dashboardTiles: one tile per KPI in the request order, dashboard counts, timings', async () => {
    const res = await inlineKpiApi().dashboardTiles({ today: '2026-12-09', kpis, values, dashboards, measureBaseline: true });
    expect(res.tiles.map((t) => [t.kpiId, t.status, t.value])).toEqual([
      ['k1', 'RED', 80],
      ['k2', 'ORANGE', 105],
    ]);
    expect(res.dashboards[0]).toMatchObject({ id: 'd1', kpis: 2, headline: 'RED', counts: { RED: 1, ORANGE: 1 } });
    expect(res.stats).toMatchObject({ kpis: 2, values: 3 });
    expect(res.stats.computeMs).toBeGreaterThanOrEqual(0);
    expect(res.stats.baselineSum).toBeCloseTo(80 + 105 + 1, 10);
  });

  it('direction: the summary of shared/kpi board', async () => {
    const actions = [{ id: 'a1', kpiId: 'k1', title: 'Relance', ownerUserId: 'u1', progress: 20, status: 'OPEN' as const, dueDate: '2026-12-01' }];
    const { summary } = await inlineKpiApi().direction({ today: '2026-12-09', kpis, values, dashboards, actions });
    expect(summary.topRisks.map((r) => r.kpiId)).toEqual(['k1', 'k2']);
    expect(summary.overdueActions).toHaveLength(1);
    expect(summary.openActionsByOwner).toEqual([{ ownerUserId: 'u1', open: 1, overdue: 1, actionIds: ['a1'] }]);
    expect(summary.processes).toHaveLength(1);
    expect((await inlineKpiApi().direction({ today: '2026-12-09', kpis, values, dashboards, actions })).stats.baselineMs).toBe(0);
  });
});
