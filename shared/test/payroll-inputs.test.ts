import { describe, expect, it } from 'vitest';
import { payrollTimesheetsOf, type AssignmentLike } from '../src/payroll/inputs';

const sheet = (id: string, missionId: string | null, extra = {}) => ({ id, userId: 'ana', missionId, date: '2026-11-03', type: 'SPECTACLE', status: 'VALIDATED', roundedMinutes: 240, nightMinutes: 60, paidMinutes: 235, ...extra });
const missions = [{ id: 'm1', projectId: 'p1' }, { id: 'm2', projectId: null }];

describe('payrollTimesheetsOf (the payroll input, app and server alike)', () => {
  it.each<[string, ReturnType<typeof sheet>, AssignmentLike[], { role: string | null; projectId: string | null }]>([
    ['role from the live assignment, project from the mission', sheet('t1', 'm1'), [{ missionId: 'm1', userId: 'ana', status: 'ACCEPTED', role: 'Son' }], { role: 'Son', projectId: 'p1' }],
    ['a cancelled assignment gives no role', sheet('t2', 'm1'), [{ missionId: 'm1', userId: 'ana', status: 'CANCELLED', role: 'Son' }], { role: null, projectId: 'p1' }],
    ["someone else's assignment gives no role", sheet('t3', 'm1'), [{ missionId: 'm1', userId: 'bob', status: 'ACCEPTED', role: 'Lumi\u00e8re' }], { role: null, projectId: 'p1' }],
    ['a mission without project', sheet('t4', 'm2'), [], { role: null, projectId: null }],
    ['an unknown mission', sheet('t5', 'gone'), [], { role: null, projectId: null }],
    ['no mission: no role, no project', sheet('t6', null), [{ missionId: 'm1', userId: 'ana', status: 'ACCEPTED', role: 'Son' }], { role: null, projectId: null }],
  ])('%s', (_name, timesheet, assignments, expected) => {
    const [out] = payrollTimesheetsOf([timesheet], missions, assignments);
    expect(out).toEqual({ ...timesheet, ...expected });
  });

  it('missing minutes count as zero', () => {
    const [out] = payrollTimesheetsOf([sheet('t7', null, { roundedMinutes: null, nightMinutes: undefined, paidMinutes: null })], [], []);
    expect(out).toMatchObject({ roundedMinutes: 0, nightMinutes: 0, paidMinutes: 0 });
  });
});
