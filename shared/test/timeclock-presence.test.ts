import { describe, expect, it } from 'vitest';
import { latestByTime, nextPunchTypes, presenceAfter, type Presence } from '../src/timeclock/presence';
import type { PunchType } from '../src/timeclock/types';

describe('presence and the next punches (phone and kiosk)', () => {
  it.each<[string | null, Presence, PunchType[]]>([
    [null, 'OUT', ['IN']],
    ['IN', 'IN', ['BREAK_START', 'OUT']],
    ['BREAK_START', 'BREAK', ['BREAK_END', 'OUT']],
    ['BREAK_END', 'IN', ['BREAK_START', 'OUT']],
    ['OUT', 'OUT', ['IN']],
    ['SOMETHING_ELSE', 'OUT', ['IN']],
  ])('after %s: %s, then %j', (last, presence, next) => {
    expect(presenceAfter(last)).toBe(presence);
    expect(nextPunchTypes(presenceAfter(last))).toEqual(next);
  });

  it('the latest punch is the newest instant, whatever the order (midnight crossed)', () => {
    const punches = [{ at: '2026-01-15T23:10:00.000Z', id: 'b' }, { at: '2026-01-16T00:05:00.000Z', id: 'c' }, { at: '2026-01-15T21:00:00.000Z', id: 'a' }];
    expect(latestByTime(punches)?.id).toBe('c');
    expect(latestByTime([])).toBeNull();
  });
});
