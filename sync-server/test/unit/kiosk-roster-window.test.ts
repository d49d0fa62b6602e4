import { describe, expect, it } from 'vitest';
import { rosterWindow } from '../../src/timeclock/kiosk-roster';

// Expected instants worked out by hand from the zone's offsets (Paris: UTC+2 in summer, UTC+1 in winter; the
// clocks go forward on 2026-03-29 at 02:00 and back on 2026-10-25 at 03:00).
describe('the kiosk roster day: 6 h before the local day to 6 h after it', () => {
  it.each([
    ['a summer day', '2026-06-10', 'Europe/Paris', '2026-06-09T16:00:00.000Z', '2026-06-11T04:00:00.000Z'],
    ['a winter day', '2026-12-04', 'Europe/Paris', '2026-12-03T17:00:00.000Z', '2026-12-05T05:00:00.000Z'],
    ['the spring DST day (23 h)', '2026-03-29', 'Europe/Paris', '2026-03-28T17:00:00.000Z', '2026-03-30T04:00:00.000Z'],
    ['the autumn DST day (25 h)', '2026-10-25', 'Europe/Paris', '2026-10-24T16:00:00.000Z', '2026-10-26T05:00:00.000Z'],
    ['another zone', '2026-06-10', 'America/Montreal', '2026-06-09T22:00:00.000Z', '2026-06-11T10:00:00.000Z'],
  ])('%s', (_name, date, zone, from, to) => {
    expect(rosterWindow(date, zone)).toEqual({ from, to });
  });
});
