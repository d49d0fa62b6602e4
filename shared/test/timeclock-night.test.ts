import { describe, expect, it } from 'vitest';
import { localInstant } from '../src/planning/conflicts';
import { addDays, localDate, startOfLocalDay } from '../src/time/zone';
import { nightMinutesOf, nightRulesFor, parseHm, type Interval } from '../src/timeclock/night';
import { NIGHT_PROFILES, type NightProfile } from '../src/timeclock/types';
import { ZoneDays } from '../src/timeclock/zone-days';

const P = 'Europe/Paris';
/** A shift from a local date and time to a time on the same date or, with '+', the next one. */
function shift(date: string, from: string, to: string, tz = P): Interval {
  const next = to.startsWith('+');
  const end = next ? to.slice(1) : to;
  return { start: localInstant(date, from, tz), end: localInstant(next ? addDays(date, 1) : date, end, tz) };
}

type NightCase = [string, string, string, string, number];

const CASES: Record<Exclude<NightProfile, 'CUSTOM'>, NightCase[]> = {
  GENERAL: [
    ['a night shift 22:00-06:00', '2026-01-15', '22:00', '+06:00', 480],
    ['an evening shift 18:00-23:00', '2026-01-15', '18:00', '23:00', 120],
    ['ending at midnight exactly', '2026-01-15', '20:00', '+00:00', 180],
    ['starting at midnight exactly', '2026-01-16', '00:00', '08:00', 360],
    ['a day shift', '2026-01-15', '09:00', '17:00', 0],
    ['ending exactly when the window opens', '2026-01-15', '13:00', '21:00', 0],
    ['spring change 22:00-06:00: 7 h elapsed, all night', '2026-03-28', '22:00', '+06:00', 420],
    ['autumn change 22:00-06:00: 9 h elapsed, all night', '2026-10-24', '22:00', '+06:00', 540],
    ['spring change, the whole window (8 h)', '2026-03-28', '20:00', '+08:00', 480],
    ['autumn change, the whole window (10 h)', '2026-10-24', '20:00', '+08:00', 600],
  ],
  LIVE_PERFORMANCE: [
    ['a night shift 22:00-06:00', '2026-01-15', '22:00', '+06:00', 360],
    ['starting at midnight exactly', '2026-01-16', '00:00', '08:00', 420],
    ['ending at midnight exactly', '2026-01-15', '20:00', '+00:00', 0],
    ['ending after the window', '2026-01-16', '06:30', '09:00', 30],
    ['spring change 22:00-06:00: 00:00-06:00 lasts 5 h', '2026-03-28', '22:00', '+06:00', 300],
    ['autumn change 22:00-06:00: 00:00-06:00 lasts 7 h', '2026-10-24', '22:00', '+06:00', 420],
  ],
  IDCC_2717: [
    ['a night shift 22:00-06:00', '2026-01-15', '22:00', '+06:00', 360],
    ['05:00-07:00', '2026-01-16', '05:00', '07:00', 60],
    ['spring change 22:00-06:00', '2026-03-28', '22:00', '+06:00', 300],
    ['autumn change 22:00-06:00', '2026-10-24', '22:00', '+06:00', 420],
  ],
};

describe.each(Object.keys(CASES) as (keyof typeof CASES)[])('night minutes, profile %s', (profile) => {
  const rules = nightRulesFor(profile);
  it.each(CASES[profile])('%s (%s %s -> %s)', (_name, date, from, to, expected) => {
    expect(nightMinutesOf([shift(date, from, to)], rules.nightStart, rules.nightEnd, P)).toBe(expected);
  });
});

describe('night windows', () => {
  it.each<[NightProfile, object | undefined, { nightStart: string; nightEnd: string; nightPremiumPct: number }]>([
    ['GENERAL', undefined, { nightStart: '21:00', nightEnd: '06:00', nightPremiumPct: 0 }],
    ['LIVE_PERFORMANCE', undefined, { nightStart: '00:00', nightEnd: '07:00', nightPremiumPct: 0 }],
    ['IDCC_2717', undefined, { nightStart: '00:00', nightEnd: '06:00', nightPremiumPct: 25 }],
    ['IDCC_2717', { nightStart: '22:00' }, { nightStart: '00:00', nightEnd: '06:00', nightPremiumPct: 25 }],
    ['CUSTOM', { nightStart: '22:00', nightEnd: '05:00', nightPremiumPct: 10 }, { nightStart: '22:00', nightEnd: '05:00', nightPremiumPct: 10 }],
    ['CUSTOM', undefined, { nightStart: '00:00', nightEnd: '00:00', nightPremiumPct: 0 }],
  ])('nightRulesFor(%s, %j)', (profile, custom, expected) => {
    expect(nightRulesFor(profile, custom)).toEqual(expected);
  });

  it('the presets are the ones of the contract', () => {
    expect(NIGHT_PROFILES.IDCC_2717.premiumPct).toBe(25);
  });

  it.each<[string, string, string, number]>([
    ['start == end is no window', '22:00', '22:00', 0],
    ['a malformed bound is no window', '25:00', '06:00', 0],
    ['a custom 22:00-05:00 window', '22:00', '05:00', 420],
    ['a window inside the day, 12:00-14:00', '12:00', '14:00', 0],
  ])('%s', (_name, start, end, expected) => {
    expect(nightMinutesOf([shift('2026-01-15', '22:00', '+06:00')], start, end, P)).toBe(expected);
  });

  it('sums several intervals and every night of a long interval', () => {
    const split = [shift('2026-01-15', '10:00', '14:00'), shift('2026-01-15', '19:00', '23:00')];
    expect(nightMinutesOf(split, '21:00', '06:00', P)).toBe(120);
    // 48 hours from Thursday 12:00: two whole 9 h windows.
    const long = { start: localInstant('2026-01-15', '12:00', P), end: localInstant('2026-01-17', '12:00', P) };
    expect(nightMinutesOf([long], '21:00', '06:00', P)).toBe(2 * 540);
    expect(nightMinutesOf([{ start: 10, end: 10 }], '21:00', '06:00', P)).toBe(0);
  });

  it('works in another zone (New York, its own DST date)', () => {
    const ny = 'America/New_York';
    expect(nightMinutesOf([shift('2026-03-07', '22:00', '+06:00', ny)], '21:00', '06:00', ny)).toBe(420);
    expect(nightMinutesOf([shift('2026-01-15', '22:00', '+06:00', ny)], '21:00', '06:00', ny)).toBe(480);
  });

  it.each([
    ['21:00', 1260],
    ['0:05', 5],
    ['23:59', 1439],
    ['24:00', null],
    ['12h00', null],
  ])('parseHm(%s) = %s', (value, expected) => {
    expect(parseHm(value)).toBe(expected);
  });
});

describe('the local date memo', () => {
  it.each(['Europe/Paris', 'America/New_York', 'Asia/Kolkata', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'Pacific/Chatham', 'Atlantic/Azores', 'America/Santiago', 'UTC'])(
    'answers like localDate in %s, around local midnights and DST changes',
    (tz) => {
      const memo = new ZoneDays(tz);
      const instants: number[] = [];
      for (const [from, days] of [['2026-03-20', 20], ['2026-09-24', 45]] as const) {
        for (let i = 0; i < days; i++) {
          const midnight = startOfLocalDay(addDays(from, i), tz);
          instants.push(midnight - 1, midnight, midnight + 1, midnight + 90 * 60_000, midnight + 13 * 3_600_000);
        }
        for (let ms = Date.parse(`${from}T00:00:00Z`), end = ms + days * 86_400_000; ms < end; ms += 47 * 60_000) instants.push(ms);
      }
      const wrong = instants.filter((ms) => memo.dateOf(ms) !== localDate(ms, tz));
      expect(wrong.map((ms) => new Date(ms).toISOString())).toEqual([]);
    },
  );
});
