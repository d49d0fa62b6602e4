import { describe, expect, it } from 'vitest';
import { actionPlans, analyticsSlices, reference } from '../src/entities';
import { dashboardSharing, kpiSharing, sameSharing } from '../src/kpi/sharing';
import { dashboardOf, kpiDefinitionOf } from '../src/kpi/documents';

const base = { id: '01900000-0000-7000-8000-000000000001', updatedAt: '2026-12-04T10:00:00.000Z', archived: false };
const kpiData = {
  unit: '%', decimals: 1, frequency: 'MONTHLY', direction: 'UP_IS_BETTER', target: 95,
  thresholds: { kind: 'PERCENT_OF_TARGET', green: 100, orange: 90 }, aggregation: 'AVERAGE', source: 'MANUAL', active: true, gracePeriodDays: 5,
};
const messages = (r: { success: boolean; error?: { issues: { message: string; path: PropertyKey[] }[] } }) =>
  r.success ? [] : r.error!.issues.map((i) => `${i.path.join('.')}:${i.message}`);

describe('typed kinds of documents in shared collections', () => {
  it.each([
    ['a valid KPI', { kind: 'kpi', name: 'Remplissage', data: kpiData }, []],
    ['a KPI with bands out of order', { kind: 'kpi', name: 'K', data: { ...kpiData, thresholds: { kind: 'ABSOLUTE', green: 80, orange: 90 } } }, ['data.thresholds:KPI_BANDS_ORDER']],
    ['a KPI with an unknown field in data', { kind: 'kpi', name: 'K', data: { ...kpiData, colour: 'red' } }, ['data:']],
    ['an automatic KPI without its metric', { kind: 'kpi', name: 'K', data: { ...kpiData, source: 'AUTOMATIC' } }, ['data.auto:KPI_AUTO_REQUIRED']],
    ['an automatic KPI', { kind: 'kpi', name: 'K', data: { ...kpiData, source: 'AUTOMATIC', auto: { metric: 'COVERAGE_RATE' } } }, []],
    ['a dashboard', { kind: 'dashboard', name: 'Production', sharing: 'TEAMS', teamIds: ['t1'], data: { process: 'Production', kpiIds: ['k1', 'k2'] } }, []],
    ['a dashboard without its KPI list', { kind: 'dashboard', name: 'P', data: { process: 'Production' } }, ['data.kpiIds:']],
    ['a venue keeps its free data', { kind: 'venue', name: 'Salle', data: { address: '1 rue' } }, []],
  ])('reference: %s', (_name, doc, expected) => {
    const got = messages(reference.schema.safeParse({ ...base, ...doc }));
    expect(got.length).toBe(expected.length);
    expected.forEach((e, i) => expect(got[i]).toContain(e));
  });

  it.each([
    ['an action', { kind: 'action', kpiId: 'k', title: 'Relancer', ownerUserId: null, dueDate: '2026-12-31', progress: 10, status: 'OPEN' }, []],
    ['an action without its status', { kind: 'action', kpiId: 'k', title: 'Relancer', ownerUserId: null, dueDate: null, progress: 0 }, ['status:FIELD_REQUIRED']],
    ['a comment', { kind: 'comment', kpiId: 'k', actionPlanId: null, body: 'Vu', authorUserId: 'u1' }, []],
    ['a comment with a progress', { kind: 'comment', kpiId: 'k', actionPlanId: null, body: 'Vu', authorUserId: 'u1', progress: 5 }, ['progress:FIELD_NOT_OF_KIND']],
    ['an empty comment', { kind: 'comment', kpiId: 'k', actionPlanId: null, body: '', authorUserId: 'u1' }, ['body:']],
  ])('action_plans: %s', (_name, doc, expected) => {
    const got = messages(actionPlans.schema.safeParse({ id: base.id, updatedAt: base.updatedAt, ...doc }));
    expect(got.length).toBe(expected.length);
    expected.forEach((e, i) => expect(got[i]).toContain(e));
  });

  it('analytics_slices: an import job has its typed data, other kinds keep theirs', () => {
    const job = { status: 'SUCCESS', fileName: 'valeurs.xlsx', fileSha256: 'ab'.repeat(32), format: 'xlsx', mode: 'KEEP_VALID', total: 3, processed: 3, imported: 2, unchanged: 0, rejected: 1, errors: [{ line: 4, column: 'Valeur', code: 'IMPORT_BAD_NUMBER' }], createdByAccountId: 'a1', createdAt: base.updatedAt, finishedAt: base.updatedAt, errorCode: null };
    const slice = { id: base.id, updatedAt: base.updatedAt, periodStart: '2026-12-04', periodEnd: '2026-12-04', filters: {}, computedAt: base.updatedAt };
    expect(analyticsSlices.schema.safeParse({ ...slice, kind: 'import_job', data: job }).success).toBe(true);
    expect(analyticsSlices.schema.safeParse({ ...slice, kind: 'import_job', data: { ...job, status: 'DONE' } }).success).toBe(false);
    expect(analyticsSlices.schema.safeParse({ ...slice, kind: 'coverage', data: { anything: 1 } }).success).toBe(true);
  });

  it('reads a KPI definition and a dashboard from their documents', () => {
    expect(kpiDefinitionOf({ kind: 'kpi', name: 'Remplissage', ownerUserId: 'u1', data: kpiData })).toMatchObject({ name: 'Remplissage', ownerUserId: 'u1', target: 95 });
    expect(kpiDefinitionOf({ kind: 'kpi', name: 'X', data: { unit: '%' } })).toBeNull();
    expect(kpiDefinitionOf({ kind: 'venue', name: 'X', data: kpiData })).toBeNull();
    expect(dashboardOf({ kind: 'dashboard', name: 'Prod', data: { process: 'Production', kpiIds: ['k'] } })).toMatchObject({ title: 'Prod', sharing: 'PRIVATE', teamIds: [] });
  });
});

describe('who reads a dashboard and its KPIs', () => {
  const members = (t: string) => ({ t1: ['u2', 'u1'], t2: ['u3', 'u1'] })[t] ?? [];
  it.each([
    ['organisation', { sharing: 'ORGANISATION', teamIds: [], ownerUserId: 'u9' }, { sharedWithAll: true, readerUserIds: ['u9'] }],
    ['two teams, a member in both, sorted once', { sharing: 'TEAMS', teamIds: ['t1', 't2'], ownerUserId: null }, { sharedWithAll: false, readerUserIds: ['u1', 'u2', 'u3'] }],
    ['teams listed but private', { sharing: 'PRIVATE', teamIds: ['t1'], ownerUserId: 'u9' }, { sharedWithAll: false, readerUserIds: ['u9'] }],
    ['no sharing at all is private, no owner: nobody', { sharing: undefined, teamIds: undefined, ownerUserId: undefined }, { sharedWithAll: false, readerUserIds: [] }],
  ] as const)('dashboard shared with %s', (_n, d, expected) => {
    expect(dashboardSharing(d, members)).toEqual(expected);
  });

  it('a KPI is read by the readers of every dashboard showing it and by its owner', () => {
    expect(kpiSharing('u5', [{ sharedWithAll: false, readerUserIds: ['u2'] }, { sharedWithAll: false, readerUserIds: ['u1', 'u2'] }])).toEqual({ sharedWithAll: false, readerUserIds: ['u1', 'u2', 'u5'] });
    expect(kpiSharing(null, [{ sharedWithAll: true, readerUserIds: [] }])).toEqual({ sharedWithAll: true, readerUserIds: [] });
    expect(kpiSharing(null, [])).toEqual({ sharedWithAll: false, readerUserIds: [] });
    expect(sameSharing({ sharedWithAll: false }, { sharedWithAll: false, readerUserIds: [] })).toBe(true);
    expect(sameSharing({ sharedWithAll: false, readerUserIds: ['u1'] }, { sharedWithAll: false, readerUserIds: ['u2'] })).toBe(false);
  });
});
