import { describe, expect, it } from 'vitest';
import { isWindowDay, syncWindow, windowRange } from '../src/sync/window';

describe('the first-sync window', () => {
  it('is the week before the day and four weeks after its Monday, whatever the weekday', () => {
    expect(windowRange('2026-12-02')).toEqual({ from: '2026-11-23T00:00:00Z', to: '2026-12-28T00:00:00Z' });
    expect(windowRange('2026-11-30')).toEqual(windowRange('2026-12-06'));
    expect(windowRange('2026-12-07').from).toBe('2026-11-30T00:00:00Z');
  });

  it('ranges the planner collections, follows missions for assignments, keeps reference data whole', () => {
    expect(syncWindow('missions', 'MANAGER', '2026-12-02')).toEqual({ kind: 'range', field: 'startAt', from: '2026-11-23T00:00:00Z', to: '2026-12-28T00:00:00Z' });
    expect(syncWindow('availabilities', 'ADMIN', '2026-12-02')).toMatchObject({ kind: 'range', field: 'startAt' });
    expect(syncWindow('assignments', 'MANAGER', '2026-12-02')).toMatchObject({ kind: 'via', field: 'missionId', entity: 'missions', range: { field: 'startAt' } });
    for (const name of ['reference', 'users', 'projects', 'conflicts']) expect(syncWindow(name, 'MANAGER', '2026-12-02')).toEqual({ kind: 'all' });
  });

  it("is everything for a crew member (their scope is already their own missions)", () => {
    for (const name of ['missions', 'assignments', 'availabilities']) expect(syncWindow(name, 'TECH', '2026-12-02')).toEqual({ kind: 'all' });
  });

  it('accepts only real calendar days', () => {
    expect(isWindowDay('2026-12-02')).toBe(true);
    expect(isWindowDay('2028-02-29')).toBe(true);
    for (const bad of ['2026-02-30', '2026-13-01', '2026-1-01', '', "2026-12-02' or 1=1", '2026-12-02T00:00:00Z']) expect(isWindowDay(bad)).toBe(false);
  });
});
