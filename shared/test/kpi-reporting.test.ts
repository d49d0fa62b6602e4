import { describe, expect, it } from 'vitest';
import {
  actionOverdue,
  directionReport,
  gapToTarget,
  kpiNow,
  reportingOverview,
  topRisks,
  worstStatus,
  type ReportAction,
  type ReportInput,
  type ReportKpi,
} from '../src/kpi/reporting';

/** Expected values come from docs/decisions/kpi-rules.md (sections 3 and 7), computed by hand. */

const monthly = (id: string, name: string, fields: Partial<ReportKpi> = {}): ReportKpi => ({
  id, name, frequency: 'MONTHLY', direction: 'UP_IS_BETTER', target: 200, thresholds: { kind: 'PERCENT_OF_TARGET', green: 100, orange: 90 },
  gracePeriodDays: 5, active: true, decimals: 0, ...fields,
});

describe('kpiNow: which period, which status', () => {
  const fill = monthly('k', 'Remplissage');
  it.each<[string, [string, number][], string, string, string, number | null]>([
    // UP, 90 % of 200 is 180: 180 is orange (bound inclusive), 179 red, 200 green.
    ['November on the orange bound', [['2026-11-01', 180]], '2026-12-10', '2026-11-01', 'ORANGE', 0.1],
    ['November under it', [['2026-11-01', 179]], '2026-12-10', '2026-11-01', 'RED', 0.105],
    ['November on target', [['2026-11-01', 200]], '2026-12-10', '2026-11-01', 'GREEN', 0],
    ['the current month once entered wins', [['2026-11-01', 150], ['2026-12-01', 210]], '2026-12-10', '2026-12-01', 'GREEN', 0],
    // November's due date with 5 days of grace is 2026-12-05: NO_DATA through it, LATE the day after.
    ['November missing, on its due date', [['2026-10-01', 200]], '2026-12-05', '2026-11-01', 'NO_DATA', null],
    ['November missing, the day after', [['2026-10-01', 200]], '2026-12-06', '2026-11-01', 'LATE', null],
    // A KPI without any value: November ended before its first value, not late (section 9, the life of a KPI).
    ['never any value, the day after November is due', [], '2026-12-06', '2026-11-01', 'NO_DATA', null],
    ['first value for November only, read on 2026-11-20: October was before it', [['2026-11-01', 200]], '2026-11-20', '2026-11-01', 'GREEN', 0],
  ])('%s', (_, values, today, period, status, gap) => {
    const now = kpiNow(fill, new Map(values), today);
    expect(now.period).toBe(period);
    expect(now.status).toBe(status);
    if (gap === null) expect(now.gap).toBeNull();
    else expect(now.gap).toBeCloseTo(gap, 10);
  });

  it('percent bands without a target are UNRATED, never red', () => {
    expect(kpiNow(monthly('k', 'x', { target: null }), new Map([['2026-11-01', 10]]), '2026-12-10').status).toBe('UNRATED');
  });

  it('an inactive KPI is never LATE', () => {
    expect(kpiNow(monthly('k', 'x', { active: false }), new Map(), '2026-12-31').status).toBe('NO_DATA');
  });

  it('trend over the last periods, read with the direction', () => {
    const values = new Map([['2026-08-01', 100], ['2026-09-01', 120], ['2026-10-01', 140], ['2026-11-01', 160]]);
    expect(kpiNow(fill, values, '2026-12-10').trend).toMatchObject({ move: 'UP', reading: 'IMPROVING', points: 4 });
    expect(kpiNow(monthly('k', 'x', { direction: 'DOWN_IS_BETTER', thresholds: { kind: 'PERCENT_OF_TARGET', green: 100, orange: 110 } }), values, '2026-12-10').trend?.reading).toBe('WORSENING');
  });
});

describe('gapToTarget', () => {
  it.each<[number | null, number | null, 'UP_IS_BETTER' | 'DOWN_IS_BETTER' | 'CLOSEST_IS_BETTER', number | null]>([
    [170, 200, 'UP_IS_BETTER', 0.15],
    [230, 200, 'UP_IS_BETTER', 0],
    [12, 10, 'DOWN_IS_BETTER', 0.2],
    [8, 10, 'DOWN_IS_BETTER', 0],
    [9, 10, 'CLOSEST_IS_BETTER', 0.1],
    [11, 10, 'CLOSEST_IS_BETTER', 0.1],
    [-11, -10, 'UP_IS_BETTER', 0.1],
    [5, 0, 'UP_IS_BETTER', null],
    [5, null, 'UP_IS_BETTER', null],
    [null, 10, 'UP_IS_BETTER', null],
  ])('%s against %s (%s): %s', (value, target, direction, gap) => {
    const g = gapToTarget(value, target, direction);
    if (gap === null) expect(g).toBeNull();
    else expect(g).toBeCloseTo(gap, 10);
  });
});

describe('overdue actions and the worst status', () => {
  it.each<[string | null, ReportAction['status'], boolean]>([
    ['2026-12-09', 'OPEN', true],
    ['2026-12-09', 'IN_PROGRESS', true],
    ['2026-12-10', 'OPEN', false],
    ['2026-12-09', 'DONE', false],
    ['2026-12-09', 'CANCELLED', false],
    [null, 'OPEN', false],
  ])('due %s, %s: overdue %s', (dueDate, status, overdue) => {
    expect(actionOverdue({ dueDate, status }, '2026-12-10')).toBe(overdue);
  });

  it('severity RED, LATE, ORANGE, NO_DATA, UNRATED, GREEN', () => {
    const zero = { GREEN: 0, ORANGE: 0, RED: 0, UNRATED: 0, NO_DATA: 0, LATE: 0 };
    expect(worstStatus(zero)).toBeNull();
    expect(worstStatus({ ...zero, GREEN: 3, ORANGE: 1, LATE: 1 })).toBe('LATE');
    expect(worstStatus({ ...zero, GREEN: 3, RED: 1, LATE: 1 })).toBe('RED');
    expect(worstStatus({ ...zero, GREEN: 3, UNRATED: 1 })).toBe('UNRATED');
  });
});

/**
 * The worked example of docs/decisions/kpi-rules.md section 7, on 2026-12-10: Production has the fill rate (UP,
 * target 200, 170 in November: RED, gap 15 %) and the overtime (DOWN, absolute 5 / 10, 7 h: ORANGE); Accueil
 * has the budget use (UP, target 100, 95: ORANGE, gap 5 %), the incidents (DOWN, absolute 2 / 4, 9: RED, no
 * target so no gap) and the audience (an October value but none for November, grace 5: LATE).
 */
const example: ReportInput = {
  today: '2026-12-10',
  dashboards: [
    { id: 'd1', title: 'Production', process: 'Production', kpiIds: ['fill', 'overtime'] },
    { id: 'd2', title: 'Accueil', process: 'Accueil', kpiIds: ['budget', 'incidents', 'audience'] },
    { id: 'd3', title: 'Production bis', process: 'Production', kpiIds: ['fill'] },
  ],
  kpis: [
    monthly('fill', 'Remplissage'),
    monthly('overtime', 'Heures sup', { direction: 'DOWN_IS_BETTER', target: null, thresholds: { kind: 'ABSOLUTE', green: 5, orange: 10 } }),
    monthly('budget', 'Budget', { target: 100 }),
    monthly('incidents', 'Incidents', { direction: 'DOWN_IS_BETTER', target: null, thresholds: { kind: 'ABSOLUTE', green: 2, orange: 4 } }),
    monthly('audience', 'Public'),
    monthly('off', 'Inactif', { active: false }),
  ],
  values: [
    { kpiId: 'fill', periodStart: '2026-11-01', value: 170 },
    { kpiId: 'overtime', periodStart: '2026-11-01', value: 7 },
    { kpiId: 'budget', periodStart: '2026-11-01', value: 95 },
    { kpiId: 'incidents', periodStart: '2026-11-01', value: 9 },
    { kpiId: 'audience', periodStart: '2026-10-01', value: 190 },
  ],
  actions: [
    { id: 'a1', kpiId: 'fill', title: 'Relancer la billetterie', ownerUserId: 'u1', dueDate: '2026-12-01', status: 'OPEN', progress: 10 },
    { id: 'a2', kpiId: 'fill', title: 'Partenariat', ownerUserId: 'u1', dueDate: '2026-12-20', status: 'IN_PROGRESS', progress: 50 },
    { id: 'a3', kpiId: 'incidents', title: 'Briefing securite', ownerUserId: 'u2', dueDate: '2026-11-30', status: 'IN_PROGRESS', progress: 80 },
    { id: 'a4', kpiId: 'budget', title: 'Done', ownerUserId: 'u2', dueDate: '2026-11-01', status: 'DONE', progress: 100 },
  ],
};

describe('reporting of the worked example', () => {
  it('overview per dashboard and per process', () => {
    const { dashboards, processes } = reportingOverview(example);
    expect(dashboards.map((d) => [d.dashboardId, d.worst, d.kpis, d.openActions, d.overdueActions])).toEqual([
      ['d1', 'RED', 2, 2, 1],
      ['d2', 'RED', 3, 1, 1],
      ['d3', 'RED', 1, 2, 1],
    ]);
    expect(dashboards[1]!.counts).toEqual({ GREEN: 0, ORANGE: 1, RED: 1, UNRATED: 0, NO_DATA: 0, LATE: 1 });
    // Production: fill counted once although on two of its dashboards.
    expect(processes).toEqual([
      expect.objectContaining({ process: 'Accueil', dashboards: 1, kpis: 3, worst: 'RED', openActions: 1, overdueActions: 1 }),
      expect.objectContaining({ process: 'Production', dashboards: 2, kpis: 2, worst: 'RED', counts: { GREEN: 0, ORANGE: 1, RED: 1, UNRATED: 0, NO_DATA: 0, LATE: 0 } }),
    ]);
  });

  it('top risks: red then orange, by gap (unknown last), then name', () => {
    expect(topRisks(example, 10).map((r) => [r.kpiId, r.status])).toEqual([
      ['fill', 'RED'],
      ['incidents', 'RED'],
      ['budget', 'ORANGE'],
      ['overtime', 'ORANGE'],
    ]);
    expect(topRisks(example, 2).map((r) => r.kpiId)).toEqual(['fill', 'incidents']);
    expect(topRisks(example, 1)[0]!.dashboardIds).toEqual(['d1', 'd3']);
  });

  it('a worsening trend goes first at equal gap', () => {
    const input: ReportInput = {
      ...example,
      kpis: [monthly('a', 'A'), monthly('b', 'B')],
      dashboards: [{ id: 'd', title: 'D', process: 'P', kpiIds: ['a', 'b'] }],
      values: [
        { kpiId: 'a', periodStart: '2026-10-01', value: 160 },
        { kpiId: 'a', periodStart: '2026-11-01', value: 170 },
        { kpiId: 'b', periodStart: '2026-10-01', value: 190 },
        { kpiId: 'b', periodStart: '2026-11-01', value: 170 },
      ],
      actions: [],
    };
    expect(topRisks(input, 5).map((r) => [r.kpiId, r.trend?.reading])).toEqual([
      ['b', 'WORSENING'],
      ['a', 'IMPROVING'],
    ]);
  });

  it('direction: overdue actions oldest first, open actions per owner', () => {
    const d = directionReport(example);
    expect(d.overdueActions.map((a) => a.id)).toEqual(['a3', 'a1']);
    expect(d.openActionsByOwner).toEqual([
      { ownerUserId: 'u1', open: 2, overdue: 1 },
      { ownerUserId: 'u2', open: 1, overdue: 1 },
    ]);
    expect(d.topRisks).toHaveLength(4);
  });
});
