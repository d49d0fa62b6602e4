import { describe, expect, it } from 'vitest';
import { isActiveAssignment, toShifts, toUnavailabilities } from '../src/planning/shift-input';

describe('planning rule input from documents', () => {
  const missions = [
    { id: 'm1', startAt: '2026-11-18T08:00:00.000Z', endAt: '2026-11-18T12:00:00.000Z', status: 'PUBLISHED' },
    { id: 'm2', startAt: '2026-11-18T13:00:00.000Z', endAt: '2026-11-18T17:00:00.000Z', status: 'CANCELLED' },
    { id: 'm3', startAt: '2026-11-19T08:00:00.000Z', endAt: '2026-11-19T12:00:00.000Z', status: 'DRAFT', _deleted: true },
    { id: 'm4', startAt: '2026-11-20T08:00:00.000Z', endAt: '2026-11-20T12:00:00.000Z', status: 'DRAFT' },
  ];

  it.each<[string, string, string, boolean]>([
    ['an invitation holds time', 'm1', 'INVITED', true],
    ['an acceptance holds time', 'm4', 'ACCEPTED', true],
    ['a declined assignment does not', 'm1', 'DECLINED', false],
    ['a cancelled assignment does not', 'm1', 'CANCELLED', false],
    ['a cancelled mission does not', 'm2', 'INVITED', false],
    ['a deleted mission does not', 'm3', 'INVITED', false],
    ['an unknown mission does not', 'mx', 'INVITED', false],
  ])('%s', (_name, missionId, status, kept) => {
    const shifts = toShifts(missions, [{ id: 'a', missionId, userId: 'u', status }]);
    expect(shifts.length).toBe(kept ? 1 : 0);
    if (kept) expect(shifts[0]).toEqual({ assignmentId: 'a', missionId, userId: 'u', start: Date.parse(missions.find((m) => m.id === missionId)!.startAt), end: Date.parse(missions.find((m) => m.id === missionId)!.endAt) });
  });

  it('a deleted assignment is not active', () => {
    expect(isActiveAssignment({ status: 'INVITED', _deleted: true })).toBe(false);
  });

  it('only live UNAVAILABLE windows are unavailabilities', () => {
    const base = { userId: 'u', startAt: '2026-11-18T08:00:00.000Z', endAt: '2026-11-18T12:00:00.000Z', weeklyUntil: null, status: 'PENDING' };
    const out = toUnavailabilities([
      { ...base, id: 'v1', kind: 'UNAVAILABLE' },
      { ...base, id: 'v2', kind: 'AVAILABLE' },
      { ...base, id: 'v3', kind: 'UNAVAILABLE', _deleted: true },
    ]);
    expect(out).toEqual([{ id: 'v1', userId: 'u', start: Date.parse(base.startAt), end: Date.parse(base.endAt), weeklyUntil: null, status: 'PENDING' }]);
  });
});
