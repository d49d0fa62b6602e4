import { describe, expect, it } from 'vitest';
import { roundMinutes } from '../src/timeclock/rounding';
import { ROUNDING_MODES, type RoundingMode } from '../src/timeclock/types';

describe('roundMinutes (applied once to a total)', () => {
  it.each<[string, number, number, RoundingMode, number]>([
    ['step 0 leaves the total unchanged (NEAREST)', 127, 0, 'NEAREST', 127],
    ['step 0 leaves the total unchanged (UP)', 127, 0, 'UP', 127],
    ['step 0 leaves the total unchanged (DOWN)', 127, 0, 'DOWN', 127],
    ['a negative step is ignored', 127, -15, 'UP', 127],
    ['NEAREST 15: 7 goes down to 0', 7, 15, 'NEAREST', 0],
    ['NEAREST 15: 8 goes up to 15', 8, 15, 'NEAREST', 15],
    ['NEAREST 15: 472 goes to 465', 472, 15, 'NEAREST', 465],
    ['NEAREST 15: 473 goes to 480', 473, 15, 'NEAREST', 480],
    ['NEAREST 10: exactly halfway (5) goes up', 5, 10, 'NEAREST', 10],
    ['NEAREST 30: exactly halfway (465) goes up to 480', 465, 30, 'NEAREST', 480],
    ['NEAREST 6: exactly halfway (3) goes up', 3, 6, 'NEAREST', 6],
    ['NEAREST 15: a multiple stays', 480, 15, 'NEAREST', 480],
    ['UP 15: 1 minute over goes to the next quarter', 481, 15, 'UP', 495],
    ['UP 15: a multiple stays', 480, 15, 'UP', 480],
    ['UP 15: 0 stays 0', 0, 15, 'UP', 0],
    ['DOWN 15: 494 goes to 480', 494, 15, 'DOWN', 480],
    ['DOWN 15: 8 goes to 0', 8, 15, 'DOWN', 0],
    ['DOWN 15: exactly halfway goes down', 465, 30, 'DOWN', 450],
    ['UP 5', 452, 5, 'UP', 455],
    ['NEAREST 5: 452 goes to 450', 452, 5, 'NEAREST', 450],
  ])('%s', (_name, total, step, mode, expected) => {
    expect(roundMinutes(total, step, mode)).toBe(expected);
  });

  it.each(ROUNDING_MODES)('%s always lands on a multiple of the step, within one step', (mode) => {
    for (let total = 0; total < 200; total++) {
      const r = roundMinutes(total, 15, mode);
      expect(r % 15).toBe(0);
      expect(Math.abs(r - total)).toBeLessThan(15);
    }
  });
});
