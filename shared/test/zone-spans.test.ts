import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../src/testing/seeded-random';
import { intlWallClock, wallClock, zoneOffset } from '../src/time/zone';

/**
 * The wall clock computed from the offset of its 15-minute span equals what Intl says of the same instant, in
 * zones with DST, half-hour and 45-minute offsets, southern DST, and historical changes at odd times; densely
 * around both DST changes of Paris in 2026 and at random over two centuries.
 */
const ZONES = ['Europe/Paris', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Pacific/Chatham', 'America/Sao_Paulo', 'Europe/London', 'Africa/Casablanca', 'UTC'];
const asUtc = (w: ReturnType<typeof wallClock>) => Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);

describe('wall clock by span', () => {
  it('equals Intl around the DST changes of Paris in 2026, second by second over the changing hours', () => {
    for (const change of [Date.UTC(2026, 2, 29, 1), Date.UTC(2026, 9, 25, 1)]) {
      for (let ms = change - 3_600_000; ms <= change + 3_600_000; ms += 997) {
        expect(wallClock(ms, 'Europe/Paris'), new Date(ms).toISOString()).toEqual(intlWallClock(ms, 'Europe/Paris'));
      }
    }
  });

  it('equals Intl at 20,000 random instants from 1890 to 2100 in nine zones', () => {
    const random = mulberry32(1206);
    const from = Date.UTC(1890, 0, 1);
    const to = Date.UTC(2100, 0, 1);
    for (let i = 0; i < 20_000; i++) {
      const ms = Math.floor(from + random() * (to - from));
      const tz = ZONES[i % ZONES.length]!;
      const want = intlWallClock(ms, tz);
      expect(wallClock(ms, tz), `${new Date(ms).toISOString()} ${tz}`).toEqual(want);
      expect(zoneOffset(ms, tz)).toBe(asUtc(want) - Math.floor(ms / 1000) * 1000);
    }
  });

  it('equals Intl for instants before 1970 with milliseconds (negative times)', () => {
    for (const ms of [-1, -999, -1000, -1001, -86_400_001, Date.UTC(1911, 2, 11, 0, 1, 0) - 1]) {
      expect(wallClock(ms, 'Europe/Paris')).toEqual(intlWallClock(ms, 'Europe/Paris'));
    }
  });
});
